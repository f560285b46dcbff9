// SPDX-License-Identifier: MIT
/// @file attributes.hpp
/// @brief Free attributes of actors and ties: string, number (integer or real) or bool.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace healthnet {

/// One attribute value. A number is an integer (int64: a JSON integer literal,
/// a GraphML `long`, an integer column) or a double; both are numeric
/// (numeric_value()). The alternatives keep their order (bool, double,
/// string, int64): writers key their type tables by index().
using attribute_value = std::variant<bool, double, std::string, std::int64_t>;

/// Attributes by name, ordered so that output is deterministic.
using attribute_map = std::map<std::string, attribute_value, std::less<>>;

/// The value as text: `true`/`false`, shortest round-trip number, or the string.
std::string to_string(const attribute_value& value);

/// The number behind a numeric value (an int64 converted to double), or
/// nothing for a bool or string.
[[nodiscard]] inline std::optional<double> numeric_value(const attribute_value& value) noexcept {
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  return std::nullopt;
}

}  // namespace healthnet
