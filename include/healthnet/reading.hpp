// SPDX-License-Identifier: MIT
/// @file reading.hpp
/// @brief The rules every tabular reader shares: column names, repeated
/// pairs, blank weights, sector labels, and how many problems to list.
///
/// The CSV reader, the pandas, Excel and survey readers (Python) and the
/// command line all read tables through these options, so they take the same
/// names, have the same defaults and give the same messages
/// (docs/format.md, "Reading tables").
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/error.hpp>

namespace healthnet {

/// How the values of a repeated pair (the same source and target on two
/// rows; in an undirected network also target and source) combine.
enum class merge_rule {
  sum,    ///< add up (a count of contacts)
  max,    ///< the larger
  min,    ///< the smaller
  mean,   ///< the mean of the rows that have a value
  first,  ///< the first row's value
  last,   ///< the last row's value
  error,  ///< a repeated pair is an error
};

/// The name of a rule, as parse_merge_rule() reads it.
inline std::string_view to_string(merge_rule rule) noexcept {
  switch (rule) {
    case merge_rule::sum: return "sum";
    case merge_rule::max: return "max";
    case merge_rule::min: return "min";
    case merge_rule::mean: return "mean";
    case merge_rule::first: return "first";
    case merge_rule::last: return "last";
    case merge_rule::error: return "error";
  }
  return "sum";
}

/// The rule named `name` ("sum", "max", "min", "mean", "first", "last",
/// "error"). @throws invalid_input naming `field` and listing the choices.
inline merge_rule parse_merge_rule(std::string_view name, const std::string& field = "duplicates") {
  for (const merge_rule r : {merge_rule::sum, merge_rule::max, merge_rule::min, merge_rule::mean, merge_rule::first,
                             merge_rule::last, merge_rule::error}) {
    if (name == to_string(r)) return r;
  }
  throw invalid_input(field_location(field), "unknown rule '" + std::string(name) +
                                                 "'; choose sum, max, min, mean, first, last or error");
}

/// The names of the columns a reader looks for. A column whose name differs
/// from the default must exist; a default-named optional column may be
/// absent. An empty name means "no such column".
struct column_names {
  std::string id{"id"};                  ///< actors: the actor id (required)
  std::string name{"name"};              ///< actors: display name
  std::string type{"type"};              ///< actors: free-text type
  std::string sector{"sector"};          ///< actors: primary sector (several separated by `|`)
  std::string sectors{"sectors"};        ///< actors: further sectors, separated by `|`
  std::string respondent{"respondent"};  ///< actors: answered the survey (true/false/blank)
  std::string source{"source"};          ///< ties: the nominating actor (required)
  std::string target{"target"};          ///< ties: the nominated actor (required)
  std::string weight{"weight"};          ///< ties: the weight; without the column every weight is 1
  std::string relations{"relations"};    ///< ties: relations separated by `|` (`relation` also read)
  std::string since{"since"};            ///< ties: date the tie began
};

/// What to do with a tie whose weight cell is blank.
enum class blank_weight {
  error,  ///< an error naming the row (the default: a blank is not a rating)
  drop,   ///< leave the tie out (counted in a note)
  fill,   ///< use table_rules::fill_weight (counted in a note)
};

/// The rules a reader applies to what the table holds.
struct table_rules {
  /// Rule for the weight and every numeric tie attribute of a repeated pair.
  merge_rule duplicates{merge_rule::sum};
  /// Rules for single tie attributes (and `weight`), overriding `duplicates`.
  std::map<std::string, merge_rule, std::less<>> attribute_duplicates;
  /// A blank weight cell (see blank_weight).
  blank_weight missing_weight{blank_weight::error};
  /// The weight given to blank cells under blank_weight::fill.
  double fill_weight{1.0};
  /// Labels mapped to sector ids before the taxonomy is asked, e.g.
  /// `{"Ärzte": "outpatient_care"}`; every value must be a taxonomy id.
  std::map<std::string, std::string, std::less<>> sector_map;
  /// Keep sector labels that are neither a taxonomy id, a taxonomy label
  /// (German or English, any case) nor mapped. False: such a label is an error.
  bool keep_unknown_sectors{false};
  /// At most this many problems are listed (validate) before the reader stops
  /// collecting; it still counts them all.
  std::size_t max_errors{20};
};

/// Something a reader assumed about the data and the caller should know
/// (merged pairs, dropped ties, kept labels): Python issues it as a
/// healthnet.DataWarning, the command line prints it on stderr.
struct data_note {
  source_location where;  ///< the first example
  std::string message;    ///< what was assumed, with the count
  std::size_t count{0};   ///< how many rows it concerns
  /// `file:line: message`.
  [[nodiscard]] std::string text() const { return invalid_input::compose(where, message); }
};

/// Every problem of an input, up to table_rules::max_errors of them.
struct problem_report {
  std::vector<invalid_input> problems;  ///< the first max_errors problems, in file order
  std::size_t total{0};                 ///< how many were found in all
  std::vector<data_note> notes;         ///< what would be assumed
  /// No problem was found.
  [[nodiscard]] bool ok() const noexcept { return total == 0; }
};

}  // namespace healthnet
