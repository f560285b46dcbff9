// SPDX-License-Identifier: MIT
/// @file attributes.hpp
/// @brief Free attributes of actors and ties: string, number or bool.
#pragma once

#include <map>
#include <string>
#include <variant>

namespace healthnet {

/// One attribute value. Numbers are doubles (as in JSON).
using attribute_value = std::variant<bool, double, std::string>;

/// Attributes by name, ordered so that output is deterministic.
using attribute_map = std::map<std::string, attribute_value, std::less<>>;

/// The value as text: `true`/`false`, shortest round-trip number, or the string.
std::string to_string(const attribute_value& value);

}  // namespace healthnet
