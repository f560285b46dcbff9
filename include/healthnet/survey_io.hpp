// SPDX-License-Identifier: MIT
/// @file survey_io.hpp
/// @brief Survey exports as CSV: the long roster layout (one row per
/// respondent and partner) and the square labelled adjacency matrix.
///
/// The C++ and command-line twins of the Python `from_survey` and
/// `from_matrix` (docs/survey.md): the same options, rules and messages,
/// read through the CSV dialect code of read_csv (separator, decimal comma,
/// encoding) and the shared reading rules (healthnet/reading.hpp). Like
/// read_csv, a reader returns a complete network or throws the first
/// problem, saying how many more there are; the validate forms list them all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <healthnet/io.hpp>
#include <healthnet/network.hpp>
#include <healthnet/reading.hpp>

namespace healthnet {

/// Options of the long roster layout (read_survey_csv).
struct survey_options {
  /// Dialect and rules as for read_csv: directed (respondent -> partner),
  /// separator, decimal, encoding, rules (duplicates, missing_weight,
  /// sector_map, unknown sectors, max_errors), sector_taxonomy,
  /// allow_self_loops, and the id/name/sector/... columns of the optional
  /// actors file (its `respondent` column is not read: see below).
  csv_options reading;
  /// Column of the respondent's actor id.
  std::string respondent{"respondent"};
  /// Column of the partner's actor id.
  std::string partner{"partner"};
  /// Numeric columns kept as tie attributes under their own names; a blank
  /// rating stays missing (the attribute is absent), never 0.
  std::vector<std::string> ratings;
  /// Checkbox columns and the relation each stands for, in order.
  std::vector<std::pair<std::string, std::string>> relations;
  /// One of the columns as the tie weight (blank: table_rules::missing_weight);
  /// empty: every tie has weight 1.
  std::string weight;
  /// Codes of a ticked and of an empty checkbox, compared without ASCII case
  /// and surrounding space, whole numbers as digits (`1.0` is `1`). A blank
  /// cell is always empty; any other value is an error.
  std::vector<std::string> ticked{"1", "x", "ja", "yes", "y", "true"};
  std::vector<std::string> empty{"0", "", "nein", "no", "n", "false"};  ///< see ticked
};

/// Reads a long roster-survey export: one row per respondent and partner.
///
/// A tie respondent -> partner for every row with a ticked relation or a
/// rating (a weight counts as a rating); its relations are the ticked
/// columns' names, its attributes the ratings (as numbers). A row with
/// nothing ticked and no rating (or a blank partner) gives no tie, but its
/// respondent still counts as a respondent. Other columns are not kept.
///
/// The roster is the actors file when given (`actors_path`, read as by
/// read_csv; it must not have a `respondent` column), else the ids of the
/// respondent and partner columns in order of first appearance. Every actor
/// gets actor::respondent: true for the ids in the respondent column, false
/// for the others.
///
/// Problems (each naming file:line and the column): a missing column, a
/// blank respondent, a blank partner in a row with answers, a checkbox value
/// that is neither ticked nor empty, a rating that is no number, an id not
/// in the actors file (with a "did you mean"), a self-loop, and the rules of
/// table_rules (blank weight, duplicates="error", sector labels).
/// @throws invalid_input for the first problem; its message says how many
///         more there are (validate_survey_csv lists them)
/// @throws file_error when a file cannot be read
network read_survey_csv(const std::string& responses_path, const survey_options& options = {},
                        const std::string& actors_path = {}, std::vector<data_note>* notes = nullptr);
/// read_survey_csv() on text; `actors_text` nullopt: no actors file.
network parse_survey_csv(std::string_view responses_text, const survey_options& options = {},
                         std::optional<std::string_view> actors_text = std::nullopt,
                         const std::string& responses_origin = "<responses>",
                         const std::string& actors_origin = "<actors>", std::vector<data_note>* notes = nullptr);
/// Every problem of a survey export (up to options.reading.rules.max_errors),
/// and the notes when there is none. Never throws invalid_input.
/// @throws file_error when a file cannot be read
problem_report validate_survey_csv(const std::string& responses_path, const survey_options& options = {},
                                   const std::string& actors_path = {});
/// validate_survey_csv() on text.
problem_report check_survey_csv(std::string_view responses_text, const survey_options& options = {},
                                std::optional<std::string_view> actors_text = std::nullopt,
                                const std::string& responses_origin = "<responses>",
                                const std::string& actors_origin = "<actors>");

/// What a blank matrix cell means.
enum class blank_cell {
  error,   ///< a blank is ambiguous: an error (the default)
  absent,  ///< no tie
};

/// Options of the adjacency matrix (read_matrix_csv).
struct matrix_options {
  /// Dialect and rules as for read_csv: directed (false: the matrix must be
  /// symmetric and each pair is read once), separator, decimal, encoding,
  /// rules (sector_map etc. for the actors file), allow_self_loops (false:
  /// the diagonal must be 0 or blank), the columns of the actors file.
  csv_options reading;
  /// Every cell must be 0 or 1; ties get weight 1.
  bool binary{false};
  /// A blank cell (see blank_cell).
  blank_cell missing{blank_cell::error};
};

/// Reads a square, labelled adjacency matrix (UCINET or Excel style): the
/// first line holds the column labels (its first cell is ignored), the first
/// column the row labels; cell (i, j) is the tie i -> j, 0 for none, else its
/// weight. Row and column labels must be the same ids (in any order).
///
/// The actors are the labels in row order, or the actors file (`actors_path`,
/// read as by read_csv), whose ids must be exactly the labels.
///
/// Problems (naming file:line, the row and the column label): a blank or
/// repeated label, a row label without a column and vice versa, a blank cell
/// (unless blank_cell::absent), text that is no number, a value other than 0
/// or 1 when binary, a non-zero diagonal (unless allow_self_loops), a
/// negative or non-finite value, and a cell that differs from its mirror when
/// undirected.
/// @throws invalid_input for the first problem; its message says how many
///         more there are (validate_matrix_csv lists them)
/// @throws file_error when a file cannot be read
network read_matrix_csv(const std::string& path, const matrix_options& options = {},
                        const std::string& actors_path = {}, std::vector<data_note>* notes = nullptr);
/// read_matrix_csv() on text; `actors_text` nullopt: no actors file.
network parse_matrix_csv(std::string_view text, const matrix_options& options = {},
                         std::optional<std::string_view> actors_text = std::nullopt,
                         const std::string& origin = "<matrix>", const std::string& actors_origin = "<actors>",
                         std::vector<data_note>* notes = nullptr);
/// Every problem of a matrix (up to options.reading.rules.max_errors), and
/// the notes when there is none. Never throws invalid_input.
/// @throws file_error when a file cannot be read
problem_report validate_matrix_csv(const std::string& path, const matrix_options& options = {},
                                   const std::string& actors_path = {});
/// validate_matrix_csv() on text.
problem_report check_matrix_csv(std::string_view text, const matrix_options& options = {},
                                std::optional<std::string_view> actors_text = std::nullopt,
                                const std::string& origin = "<matrix>", const std::string& actors_origin = "<actors>");

}  // namespace healthnet
