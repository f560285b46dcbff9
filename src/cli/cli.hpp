// SPDX-License-Identifier: MIT
// The healthnet command line tool: argument handling shared by the commands.
#pragma once

#include <cctype>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <healthnet/detail/text.hpp>
#include <healthnet/network.hpp>

namespace CLI {
class App;
}

#include <healthnet/io.hpp>
#include <healthnet/reading.hpp>
#include <healthnet/survey_io.hpp>

namespace healthnet::cli {

/// A usage error found after parsing (e.g. no input given): exit code 2,
/// message plus a hint to --help, like CLI11's own parse errors.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The input options every command that reads one network shares.
struct input_args {
  std::string file;  ///< FILE (.json, .graphml, .xml), empty if none
  std::string actors, ties;
  column_names columns;           ///< --id, --name, --sector, --source, --target, --weight
  std::string separator;          ///< --sep: ",", ";", "tab" or empty (detect)
  std::string decimal;            ///< --decimal: "," or "." or empty
  std::string encoding{"utf-8"};  ///< --encoding
  std::string sector_map;         ///< --sector-map FILE
  std::string unknown_sectors{"error"};
  std::string duplicates{"sum"};
  std::string missing_weight{"error"};
  std::size_t max_errors{20};
  bool undirected{false};
  bool allow_self_loops{false};
  bool example{false};
  bool example_2022{false};
  bool weight_given{false};       ///< --weight was given (a survey has no default weight column)
  bool weight_names_attribute{false};  ///< metrics: --weight with a FILE names a tie attribute
  std::string survey;             ///< --survey FILE: a long roster-survey export (--actors: the roster)
  std::string partner{"partner"};  ///< --partner: its partner column (--respondent: its respondent column)
  std::vector<std::string> ratings;    ///< --rating COLUMN (repeatable)
  std::vector<std::string> relations;  ///< --relation-column COLUMN[=NAME] (repeatable)
  std::string checkbox;                ///< --checkbox TICKED,...:EMPTY,...
  std::string matrix;                  ///< --matrix FILE: a square labelled adjacency matrix
  bool binary{false};                  ///< --binary: matrix cells 0 or 1
  std::string matrix_missing{"error"};  ///< --matrix-missing: a blank matrix cell is an error or absent
};

/// Adds the input options (and, if `file_positional`, the FILE argument) to a
/// subcommand, bound to `in`.
void add_input_options(CLI::App& app, input_args& in, bool file_positional = true);

/// The CSV reader's options from the command line.
/// @throws usage_error for a bad --sep, --decimal, --duplicates or --missing-weight
csv_options csv_options_of(const input_args& in);

/// The survey reader's options from the command line (--survey).
/// @throws usage_error for a bad --checkbox or a reading option as csv_options_of
survey_options survey_options_of(const input_args& in);

/// The matrix reader's options from the command line (--matrix).
matrix_options matrix_options_of(const input_args& in);

/// Whether the input is a table (--actors/--ties, --survey or --matrix):
/// validate lists all its problems.
bool table_input(const input_args& in);

/// Every problem of a table input (up to --max-errors) and, without any,
/// what the reader would assume.
problem_report validate_table(const input_args& in);

/// The input files named by the options (for "refusing to write over").
std::vector<std::string> input_files(const input_args& in);

/// Prints what a reader assumed (merged pairs, dropped weights, kept labels)
/// on stderr, one `note: ` line each.
void print_notes(const std::vector<data_note>& notes);

/// A subcommand: its CLI11 app and what runs after a successful parse.
struct command {
  CLI::App* app;
  std::function<int()> run;
};

/// Text from the input (ids, names, labels, file names) as printed on a
/// terminal: control characters escaped (`\x1b`, `\u009b`), so that data
/// cannot move the cursor, retitle the window or fake output lines.
inline std::string show(std::string_view text) { return detail::escape_control(text); }

/// Routes stdout through a stream that remembers why a write failed (glibc
/// only; elsewhere stdout stays as it is and the reason may be generic).
void install_stdout();

/// Writes `text` to standard output.
/// @throws file_error "cannot write to standard output: REASON".
void write_stdout(std::string_view text);

/// Flushes standard output and checks that everything printed reached it
/// (a full disk, /dev/full, a closed terminal); main() calls it last.
/// @throws file_error "cannot write to standard output: REASON".
void finish_stdout();

/// `text` (escaped as by show()) cut or padded to `width` characters (UTF-8
/// code points, not bytes), so that table columns line up with umlauts.
inline std::string fit(const std::string& raw, std::size_t width) {
  const std::string text = show(raw);
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size() && chars < width;) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    out.append(text, i, len);
    i += len;
    ++chars;
  }
  out.append(width - chars, ' ');
  return out;
}

/// `v` with `digits` decimals, or `nan_text` when it is NaN.
inline std::string fixed(double v, int digits, const char* nan_text = "n/a") {
  if (v != v) return nan_text;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

/// A number for JSON output: null when NaN (JSON has no NaN).
inline nlohmann::ordered_json json_number(double v) {
  return v != v ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
}

/// Whether `s` ends with `suffix`, ignoring ASCII case (file extensions).
inline bool ends_with_nocase(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[s.size() - suffix.size() + i]);
    if (std::tolower(c) != std::tolower(static_cast<unsigned char>(suffix[i]))) return false;
  }
  return true;
}

/// The network named by the input options: one FILE (.json, .graphml), the
/// `--actors A --ties T` CSV pair, `--survey S` or `--matrix M` (each with an
/// optional `--actors A`), `--example` or `--example-2022`.
/// What the reader assumed is printed as `note:` lines and, when `notes` is
/// given, appended to it (the report lists it in its data basis).
/// @throws usage_error unless exactly one of them is given.
network load_network(const input_args& in, std::vector<data_note>* notes = nullptr);

/// The network in FILE (.json, .graphml, .xml).
network load_file(const std::string& path, bool allow_self_loops = false);

/// Computes the group-based measures (coverage, E-I, block densities,
/// assortativity, brokerage, bridges, gaps, communities) grouped by `by`, and
/// returns the function that prints them (so nothing is printed before all
/// is computed).
std::function<void()> group_report_printer(const network& net, const std::string& by);
/// Sets the name of the running step shown by the progress line.
void set_step(const char* name);
/// The same measures as one JSON object.
nlohmann::ordered_json group_report_json(const network& net, const std::string& by);

// Each adds its subcommand to the `healthnet` app.
command add_validate(CLI::App& app);
command add_metrics(CLI::App& app);
command add_convert(CLI::App& app);
command add_score(CLI::App& app);
command add_compare(CLI::App& app);
command add_report(CLI::App& app);
command add_symmetrize(CLI::App& app);

}  // namespace healthnet::cli
