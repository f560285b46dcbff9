// SPDX-License-Identifier: MIT
// Transparent hashing so that unordered maps keyed by std::string accept
// std::string_view look-ups without allocating.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace healthnet::detail {

struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <class Value>
using string_map = std::unordered_map<std::string, Value, string_hash, std::equal_to<>>;

}  // namespace healthnet::detail
