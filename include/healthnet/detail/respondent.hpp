// SPDX-License-Identifier: MIT
/// @file detail/respondent.hpp
/// @brief Reading an actor's respondent flag from text (CSV, Excel, pandas cells).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <healthnet/detail/text.hpp>

namespace healthnet::detail {

/// The respondent values text readers accept, for messages.
inline constexpr const char* respondent_values =
    "expected true, false, 1, 0, yes, no, ja or nein (blank: unknown)";

/// Reads a respondent cell: `true`/`1`/`yes`/`ja` -> true, `false`/`0`/`no`/
/// `nein` -> false (ASCII case ignored, surrounding blanks trimmed), a blank
/// cell -> unknown (an empty inner optional). Anything else -> nullopt; the
/// caller reports it with respondent_problem().
///
/// For a CSV reader:
/// ```
/// const auto flag = detail::parse_respondent(cell);
/// if (!flag) fail(line, "respondent", detail::respondent_problem(cell));
/// a.respondent = *flag;
/// ```
inline std::optional<std::optional<bool>> parse_respondent(std::string_view text) {
  const std::string_view t = trim(text);
  if (t.empty()) return std::optional<bool>{};
  std::string v(t);
  for (char& c : v) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (v == "true" || v == "1" || v == "yes" || v == "ja") return std::optional<bool>{true};
  if (v == "false" || v == "0" || v == "no" || v == "nein") return std::optional<bool>{false};
  return std::nullopt;
}

/// The message for a cell parse_respondent() refuses, e.g.
/// `not a respondent flag: 'vielleicht' (expected true, false, ...)`.
inline std::string respondent_problem(std::string_view text) {
  return "not a respondent flag: " + quote_value(text) + " (" + respondent_values + ")";
}

}  // namespace healthnet::detail
