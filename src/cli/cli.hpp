// SPDX-License-Identifier: MIT
// The healthnet command line tool: argument handling shared by the commands.
#pragma once

#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <healthnet/detail/text.hpp>
#include <healthnet/network.hpp>

namespace healthnet::cli {

/// A usage error: exit code 2, message plus a hint to --help.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Parsed arguments: positionals, `--name value` options and `--flag` flags.
struct arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::vector<std::string> flags;

  [[nodiscard]] bool flag(const std::string& name) const;
  [[nodiscard]] std::optional<std::string> option(const std::string& name) const;
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

/// The help text of the input options every command shares.
extern const char* const input_help;

/// Splits `args` by a command's specification: options that take a value and
/// flags; anything else starting with `-` is a usage error.
arguments parse_arguments(const std::vector<std::string>& args, const std::vector<std::string>& value_options,
                          const std::vector<std::string>& flag_options);

/// The network named by the arguments: one FILE (.json, .graphml), the
/// `--actors A --ties T` CSV pair, or `--example`.
network load_network(const arguments& args, const std::string& path);

/// Computes the group-based measures (coverage, E-I, block densities,
/// assortativity, brokerage, bridges, gaps, communities) grouped by `by`, and
/// returns the function that prints them (so nothing is printed before all
/// is computed).
std::function<void()> group_report_printer(const network& net, const std::string& by);
/// Sets the name of the running step shown by the progress line.
void set_step(const char* name);
/// The same measures as one JSON object.
nlohmann::ordered_json group_report_json(const network& net, const std::string& by);

int run_validate(const std::vector<std::string>& args);
int run_metrics(const std::vector<std::string>& args);
int run_convert(const std::vector<std::string>& args);
int run_score(const std::vector<std::string>& args);
int run_compare(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);

}  // namespace healthnet::cli
