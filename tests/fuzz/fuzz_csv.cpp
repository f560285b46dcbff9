// SPDX-License-Identifier: MIT
// libFuzzer target: the CSV reader (parse_csv, an actors file and a ties file).
//
// Input layout: byte 0 selects the options, the rest is the actors text, a
// form feed (0x0C), then the ties text (no form feed: the ties text is empty).
//   bit 0      directed
//   bit 1      allow_self_loops
//   bits 2-3   sector column: "sector", none, "sektor", "sector"
//   bits 4-5   weight column: none, "weight", "haeufigkeit", "w"
// Checks: only invalid_input escapes, naming one of the two files; a network
// read successfully survives the JSON and GraphML writers (fuzz_check.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <healthnet/io.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned flags = data[0];
  healthnet::csv_options options;
  options.directed = (flags & 1u) != 0;
  options.allow_self_loops = (flags & 2u) != 0;
  static constexpr const char* sector_columns[] = {"sector", "", "sektor", "sector"};
  static constexpr const char* weight_columns[] = {"", "weight", "haeufigkeit", "w"};
  options.columns.sector = sector_columns[(flags >> 2) & 3u];
  options.columns.weight = weight_columns[(flags >> 4) & 3u];

  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t cut = rest.find('\f');
  const std::string_view actors = rest.substr(0, cut);
  const std::string_view ties = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);

  healthnet::network net;
  try {
    net = healthnet::parse_csv(actors, ties, options, "akteure.csv", "kontakte.csv");
  } catch (const healthnet::error& e) {
    healthnet::fuzz::check_reader_error(e, {"akteure.csv", "kontakte.csv"});
    return 0;
  }
  healthnet::fuzz::check_round_trips(net);
  return 0;
}
