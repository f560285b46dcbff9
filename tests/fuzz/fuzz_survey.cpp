// SPDX-License-Identifier: MIT
// libFuzzer target: the survey readers (parse_survey_csv, parse_matrix_csv).
//
// Input layout: byte 0 selects the options, the rest is the responses (or
// matrix) text, a form feed (0x0C), then an optional actors text.
//   bit 0      directed
//   bit 1      allow_self_loops
//   bit 2      matrix (else the long survey layout)
//   bit 3      survey: weight from "trust"; matrix: binary
//   bit 4      survey: blank weights dropped; matrix: blank cells absent
//   bit 5      with the actors text (else none)
// Checks: only invalid_input escapes, naming one of the two inputs; a network
// read successfully survives the JSON and GraphML writers (fuzz_check.hpp).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <healthnet/survey_io.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned flags = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t cut = rest.find('\f');
  const std::string_view text = rest.substr(0, cut);
  std::optional<std::string_view> actors;
  if ((flags & 32u) != 0 && cut != std::string_view::npos) actors = rest.substr(cut + 1);

  healthnet::network net;
  try {
    if ((flags & 4u) != 0) {
      healthnet::matrix_options o;
      o.reading.directed = (flags & 1u) != 0;
      o.reading.allow_self_loops = (flags & 2u) != 0;
      o.binary = (flags & 8u) != 0;
      o.missing = (flags & 16u) != 0 ? healthnet::blank_cell::absent : healthnet::blank_cell::error;
      net = healthnet::parse_matrix_csv(text, o, actors, "matrix.csv", "akteure.csv");
    } else {
      healthnet::survey_options o;
      o.reading.directed = (flags & 1u) != 0;
      o.reading.allow_self_loops = (flags & 2u) != 0;
      o.relations = {{"Info", "information"}, {"Projekt", "joint_project"}};
      o.ratings = {"trust"};
      if ((flags & 8u) != 0) o.weight = "trust";
      if ((flags & 16u) != 0) o.reading.rules.missing_weight = healthnet::blank_weight::drop;
      net = healthnet::parse_survey_csv(text, o, actors, "umfrage.csv", "akteure.csv");
    }
  } catch (const healthnet::error& e) {
    healthnet::fuzz::check_reader_error(e, {"umfrage.csv", "matrix.csv", "akteure.csv"});
    return 0;
  }
  healthnet::fuzz::check_round_trips(net);
  return 0;
}
