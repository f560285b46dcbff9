// SPDX-License-Identifier: MIT
// "Did you mean": the known names closest to a name that matches nothing
// (a typo in `by=`, a column, a sector label). Shared by the readers, the
// grouped measures, the scorecards and the CLI, so every message reads alike.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <healthnet/detail/text.hpp>

namespace healthnet::detail {

/// Levenshtein distance of `a` and `b` (insertions, deletions and
/// substitutions cost 1; Levenshtein 1966), ASCII letters compared without
/// case. O(|a| |b|) time, O(|b|) memory; both are cut at 64 bytes, which is
/// enough to rank names and bounds the cost for hostile input.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  a = a.substr(0, 64);
  b = b.substr(0, 64);
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// Up to `limit` of `candidates` closest to `name`: a distance of at most
/// max(2, |name| / 3), or `name` a case-insensitive prefix of the candidate
/// (at least 3 characters). Nearest first, ties in candidate order.
template <class Range>
std::vector<std::string> closest_names(std::string_view name, const Range& candidates, std::size_t limit = 3) {
  const std::size_t bound = std::max<std::size_t>(2, name.size() / 3);
  const auto lower = [](std::string_view s) {
    std::string out(s.substr(0, 64));
    for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  const std::string key = lower(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  std::size_t order = 0;
  for (const auto& candidate : candidates) {
    const std::string_view c(candidate);
    std::size_t d = edit_distance(name, c);
    if (d > bound && key.size() >= 3 && lower(c).starts_with(key)) d = bound;
    if (d <= bound && c != name) scored.emplace_back(d * 1'000'000 + order, std::string(c));
    ++order;
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(std::move(scored[i].second));
  return out;
}

/// `; did you mean 'x' or 'y'?`, or empty when nothing is close.
template <class Range>
std::string did_you_mean(std::string_view name, const Range& candidates) {
  const auto close = closest_names(name, candidates);
  if (close.empty()) return {};
  std::string out = "; did you mean ";
  for (std::size_t i = 0; i < close.size(); ++i) {
    if (i > 0) out += i + 1 == close.size() ? " or " : ", ";
    out += quote_value(close[i]);
  }
  return out + "?";
}

/// `known: 'a', 'b', 'c'` (at most `limit` names, then `... (N in all)`), or
/// `none are known` for an empty range.
template <class Range>
std::string known_names(const Range& candidates, std::size_t limit = 20) {
  std::size_t n = 0;
  std::string out;
  for (const auto& candidate : candidates) {
    if (n < limit) out += (n == 0 ? "" : ", ") + quote_value(std::string_view(candidate));
    ++n;
  }
  if (n == 0) return "none are known";
  if (n > limit) out += ", ... (" + std::to_string(n) + " in all)";
  return "known: " + out;
}

}  // namespace healthnet::detail
