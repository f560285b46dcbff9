// SPDX-License-Identifier: MIT
// libFuzzer target: the shared reading layer (csv_options, table_rules,
// column_names, parse_sector_map) through parse_csv and its validate twin
// check_csv.
//
// Input layout: bytes 0-2 select the options, the rest is the actors text,
// a form feed (0x0C), the ties text, and optionally a second form feed and
// the text of a sector map (CSV `label,sector` or a JSON object).
//   byte 0  bits 0-1  separator: detect, ',', ';', tab
//           bits 2-3  decimal: detect, '.', ',', detect
//           bits 4-6  encoding: utf-8, utf-8-sig, cp1252, latin-1, utf-16,
//                     utf-16-le, utf-16-be, utf-8
//           bit 7     directed
//   byte 1  bits 0-2  duplicates: sum, max, min, mean, first, last, error, sum
//           bits 3-4  missing weight: error, drop, fill 1, fill 2.5
//           bit 5     unknown sectors kept
//           bit 6     self loops allowed
//           bit 7     at most 1 problem listed (else 20)
//   byte 2  bits 0-1  column names: defaults; German (id=OrgID, name=Name,
//                     sector=Sektor, respondent=befragt, source=von, target=an,
//                     weight=Bewertung); no weight column; weight=w
//           bits 2-3  sector map: none; a fixed one; parsed from the third
//                     segment; parsed, and weight merged by max
//           bit 4     no respondent column (respondent="")
//           bit 5     attribute `n` merged by last
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
  const unsigned b0 = data[0];
  const unsigned b1 = data[1];
  const unsigned b2 = data[2];

  healthnet::csv_options options;
  static constexpr char separators[] = {0, ',', ';', '\t'};
  static constexpr char decimals[] = {0, '.', ',', 0};
  static constexpr const char* encodings[] = {"utf-8",  "utf-8-sig", "cp1252",    "latin-1",
                                              "utf-16", "utf-16-le", "utf-16-be", "utf-8"};
  options.separator = separators[b0 & 3u];
  options.decimal = decimals[(b0 >> 2) & 3u];
  options.encoding = encodings[(b0 >> 4) & 7u];
  options.directed = (b0 & 0x80u) != 0;

  static constexpr healthnet::merge_rule rules[] = {
      healthnet::merge_rule::sum,   healthnet::merge_rule::max,  healthnet::merge_rule::min,
      healthnet::merge_rule::mean,  healthnet::merge_rule::first, healthnet::merge_rule::last,
      healthnet::merge_rule::error, healthnet::merge_rule::sum};
  options.rules.duplicates = rules[b1 & 7u];
  switch ((b1 >> 3) & 3u) {
    case 0: options.rules.missing_weight = healthnet::blank_weight::error; break;
    case 1: options.rules.missing_weight = healthnet::blank_weight::drop; break;
    case 2: options.rules.missing_weight = healthnet::blank_weight::fill; break;
    default:
      options.rules.missing_weight = healthnet::blank_weight::fill;
      options.rules.fill_weight = 2.5;
      break;
  }
  options.rules.keep_unknown_sectors = (b1 & 0x20u) != 0;
  options.allow_self_loops = (b1 & 0x40u) != 0;
  options.rules.max_errors = (b1 & 0x80u) != 0 ? 1 : 20;

  auto& columns = options.columns;
  switch (b2 & 3u) {
    case 0: break;
    case 1:
      columns.id = "OrgID";
      columns.name = "Name";
      columns.sector = "Sektor";
      columns.respondent = "befragt";
      columns.source = "von";
      columns.target = "an";
      columns.weight = "Bewertung";
      break;
    case 2: columns.weight = ""; break;
    default: columns.weight = "w"; break;
  }
  if ((b2 & 0x10u) != 0) columns.respondent = "";
  if ((b2 & 0x20u) != 0) options.rules.attribute_duplicates.emplace("n", healthnet::merge_rule::last);

  const std::string_view rest(reinterpret_cast<const char*>(data) + 3, size - 3);
  const std::size_t cut = rest.find('\f');
  const std::string_view actors = rest.substr(0, cut);
  std::string_view ties = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  std::string_view map_text;
  if (const std::size_t cut2 = ties.find('\f'); cut2 != std::string_view::npos) {
    map_text = ties.substr(cut2 + 1);
    ties = ties.substr(0, cut2);
  }

  const unsigned map_kind = (b2 >> 2) & 3u;
  if (map_kind == 1) {
    options.rules.sector_map = {{"Ärzte", "outpatient_care"}, {"KH", "inpatient_care"}, {"Apotheke", "pharmacy"}};
  } else if (map_kind >= 2) {
    try {
      options.rules.sector_map = healthnet::parse_sector_map(map_text, map_origin);
    } catch (const healthnet::error& e) {
      healthnet::fuzz::check_reader_error(e, {map_origin});
      return 0;
    }
    if (map_kind == 3) options.rules.attribute_duplicates.emplace("weight", healthnet::merge_rule::max);
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
