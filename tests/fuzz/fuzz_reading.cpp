// SPDX-License-Identifier: MIT
// libFuzzer target: the shared reading layer (csv_options, table_rules,
// column_names, parse_sector_map) through parse_csv and its validate twin
// check_csv.
//
// Input layout: reading_input.hpp (3 option bytes, then actors text, form
// feed, ties text, and optionally form feed and a sector map).
// Checks: only invalid_input escapes, naming one of the files (or, for a
// parsed sector map, the map); a network read successfully survives the JSON
// and GraphML writers (fuzz_check.hpp); and, differentially, check_csv (the
// text form of validate_csv) finds no problem exactly when parse_csv
// succeeds, with the same notes, and otherwise lists first the problem
// parse_csv throws, whose message counts the others.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/io.hpp>
#include <healthnet/reading.hpp>

#include "fuzz_check.hpp"
#include "reading_input.hpp"

namespace {

using healthnet::fuzz::require;

constexpr const char* actors_origin = "akteure.csv";
constexpr const char* ties_origin = "kontakte.csv";
constexpr const char* map_origin = "sektoren.csv";

std::vector<std::string> note_texts(const std::vector<healthnet::data_note>& notes) {
  std::vector<std::string> out;
  for (const auto& n : notes) out.push_back(n.text() + " [" + std::to_string(n.count) + "]");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  healthnet::fuzz::reading_input in = healthnet::fuzz::decode_reading_input(data, size);
  healthnet::csv_options& options = in.options;
  const std::string_view actors = in.actors;
  const std::string_view ties = in.ties;
  if (in.parse_map) {
    try {
      options.rules.sector_map = healthnet::parse_sector_map(in.sector_map, map_origin);
    } catch (const healthnet::error& e) {
      healthnet::fuzz::check_reader_error(e, {map_origin});
      return 0;
    }
  }

  // The validate path first: it never throws invalid_input.
  healthnet::problem_report report;
  try {
    report = healthnet::check_csv(actors, ties, options, actors_origin, ties_origin);
  } catch (const healthnet::error& e) {
    std::fprintf(stderr, "message: %s\n", e.what());
    require(false, "check_csv threw");
  }
  const std::size_t limit = std::max<std::size_t>(options.rules.max_errors, 1);
  require(report.problems.size() == std::min(report.total, limit), "check_csv kept a wrong number of problems");
  // Problems name a file, or an option the caller gave wrong: a value of the
  // parsed sector map that is no sector id, or a decimal comma with sep=','.
  const bool bad_options = options.separator == ',' && options.decimal == ',';
  const auto check_error = [&](const healthnet::error& e) {
    if (bad_options) {
      healthnet::fuzz::check_reader_error(e, {"decimal: "});
    } else {
      healthnet::fuzz::check_reader_error(e, {actors_origin, ties_origin, "sector_map["});
    }
  };
  for (const auto& p : report.problems) check_error(p);

  healthnet::network net;
  std::vector<healthnet::data_note> notes;
  try {
    net = healthnet::parse_csv(actors, ties, options, actors_origin, ties_origin, &notes);
  } catch (const healthnet::error& e) {
    check_error(e);
    const auto* bad = dynamic_cast<const healthnet::invalid_input*>(&e);
    require(report.total != 0, "parse_csv failed where check_csv found no problem");
    const healthnet::invalid_input& first = report.problems.front();
    if (bad->where().file != first.where().file || bad->where().line != first.where().line ||
        bad->where().field != first.where().field || !bad->problem().starts_with(first.problem())) {
      std::fprintf(stderr, "parse_csv: %s\ncheck_csv first of %zu: %s\n", e.what(), report.total, first.what());
      require(false, "parse_csv threw another problem than the first check_csv lists");
    }
    const std::string more = " (and " + std::to_string(report.total - 1) + " more problem";
    require(report.total == 1 ? bad->problem() == first.problem()
                              : bad->problem().find(more) != std::string::npos,
            "parse_csv's message does not count the other problems");
    return 0;
  }
  if (report.total != 0) {
    std::fprintf(stderr, "check_csv first of %zu: %s\n", report.total, report.problems.front().what());
    require(false, "check_csv found a problem where parse_csv succeeded");
  }
  if (note_texts(notes) != note_texts(report.notes)) {
    for (const auto& n : note_texts(notes)) std::fprintf(stderr, "parse_csv note: %s\n", n.c_str());
    for (const auto& n : note_texts(report.notes)) std::fprintf(stderr, "check_csv note: %s\n", n.c_str());
    require(false, "parse_csv and check_csv give different notes");
  }
  healthnet::fuzz::check_round_trips(net);
  return 0;
}
