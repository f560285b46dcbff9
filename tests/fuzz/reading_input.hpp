// SPDX-License-Identifier: MIT
// How fuzz_reading splits its input into options and texts; shared with
// tests/cpp/test_fuzz_regressions.cpp, which replays its findings.
//
// Bytes 0-2 select the options, the rest is the actors text, a form feed
// (0x0C), the ties text, and optionally a second form feed and the text of a
// sector map (CSV `label,sector` or a JSON object).
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
//                     segment; parsed, and the weight merged by max
//           bit 4     no respondent column (respondent="")
//           bit 5     attribute `n` merged by last
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <healthnet/io.hpp>
#include <healthnet/reading.hpp>

namespace healthnet::fuzz {

struct reading_input {
  csv_options options;
  std::string_view actors;
  std::string_view ties;
  std::string_view sector_map;  ///< the third segment
  bool parse_map{false};        ///< options.rules.sector_map is to come from parse_sector_map(sector_map)
};

/// Splits `data` (at least 3 bytes) as described at the top of this file.
inline reading_input decode_reading_input(const std::uint8_t* data, std::size_t size) {
  reading_input in;
  csv_options& options = in.options;
  const unsigned b0 = data[0];
  const unsigned b1 = data[1];
  const unsigned b2 = data[2];

  static constexpr char separators[] = {0, ',', ';', '\t'};
  static constexpr char decimals[] = {0, '.', ',', 0};
  static constexpr const char* encodings[] = {"utf-8",  "utf-8-sig", "cp1252",    "latin-1",
                                              "utf-16", "utf-16-le", "utf-16-be", "utf-8"};
  options.separator = separators[b0 & 3u];
  options.decimal = decimals[(b0 >> 2) & 3u];
  options.encoding = encodings[(b0 >> 4) & 7u];
  options.directed = (b0 & 0x80u) != 0;

  static constexpr merge_rule rules[] = {merge_rule::sum,  merge_rule::max,   merge_rule::min,   merge_rule::mean,
                                         merge_rule::first, merge_rule::last, merge_rule::error, merge_rule::sum};
  options.rules.duplicates = rules[b1 & 7u];
  switch ((b1 >> 3) & 3u) {
    case 0: options.rules.missing_weight = blank_weight::error; break;
    case 1: options.rules.missing_weight = blank_weight::drop; break;
    case 2: options.rules.missing_weight = blank_weight::fill; break;
    default:
      options.rules.missing_weight = blank_weight::fill;
      options.rules.fill_weight = 2.5;
      break;
  }
  options.rules.keep_unknown_sectors = (b1 & 0x20u) != 0;
  options.allow_self_loops = (b1 & 0x40u) != 0;
  options.rules.max_errors = (b1 & 0x80u) != 0 ? 1 : 20;

  column_names& columns = options.columns;
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
  if ((b2 & 0x20u) != 0) options.rules.attribute_duplicates.emplace("n", merge_rule::last);
  const unsigned map_kind = (b2 >> 2) & 3u;
  if (map_kind == 1) {
    options.rules.sector_map = {{"\xc3\x84rzte", "outpatient_care"}, {"KH", "inpatient_care"}, {"Apotheke", "pharmacy"}};
  }
  in.parse_map = map_kind >= 2;
  if (map_kind == 3) options.rules.attribute_duplicates.emplace("weight", merge_rule::max);

  const std::string_view rest(reinterpret_cast<const char*>(data) + 3, size - 3);
  const std::size_t cut = rest.find('\f');
  in.actors = rest.substr(0, cut);
  in.ties = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  if (const std::size_t cut2 = in.ties.find('\f'); cut2 != std::string_view::npos) {
    in.sector_map = in.ties.substr(cut2 + 1);
    in.ties = in.ties.substr(0, cut2);
  }
  return in;
}

}  // namespace healthnet::fuzz
