// SPDX-License-Identifier: MIT
/// @file integer_text.hpp
/// @brief Canonical decimal integer text: the text form of integer actor ids.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace healthnet::detail {

/// The value of `text` when it is a canonical decimal integer that fits in
/// int64: `0`, or an optional `-` then a digit 1-9 then digits (no `+`, no
/// leading zeros, no `-0`, no spaces). O(length).
[[nodiscard]] inline std::optional<std::int64_t> parse_canonical_integer(std::string_view text) noexcept {
  const std::size_t digits = text.starts_with('-') ? 1 : 0;
  if (text.size() == digits) return std::nullopt;
  if (text[digits] == '0' && (text.size() > 1)) return std::nullopt;  // "01", "-0"
  for (std::size_t i = digits; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;  // out of range
  return value;
}

/// Whether `text` is canonical decimal integer text within int64 (see
/// parse_canonical_integer): what an id must be in a network with integer ids.
/// A reader that finds every actor id canonical in a column the user typed as
/// integers sets network::set_id_kind(id_kind::integer).
[[nodiscard]] inline bool is_canonical_integer(std::string_view text) noexcept {
  return parse_canonical_integer(text).has_value();
}

/// The canonical text of an integer id.
[[nodiscard]] inline std::string integer_text(std::int64_t value) { return std::to_string(value); }

}  // namespace healthnet::detail
