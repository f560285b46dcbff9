// SPDX-License-Identifier: MIT
// Transparent, keyed hashing so that unordered maps keyed by std::string
// accept std::string_view look-ups without allocating, and ids built to
// collide cannot flood them (keyed_hash.hpp).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <healthnet/detail/keyed_hash.hpp>

namespace healthnet::detail {

using string_hash = keyed_string_hash;

template <class Value>
using string_map = std::unordered_map<std::string, Value, string_hash, std::equal_to<>>;

}  // namespace healthnet::detail
