// SPDX-License-Identifier: MIT
// Seeded randomness that gives the same numbers on every platform: raw
// std::mt19937_64 output mapped by our own helpers (the std distributions'
// outputs are implementation-defined).
#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace healthnet::detail {

/// Uniform integer in [0, bound) by rejection (bound > 0).
inline std::uint64_t uniform_index(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t x = 0;
  do {
    x = rng();
  } while (x >= limit);
  return x % bound;
}

/// Uniform double in [0, 1) from the top 53 bits.
inline double uniform_unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

/// Fisher–Yates shuffle.
template <class T>
void shuffle(std::vector<T>& v, std::mt19937_64& rng) {
  for (std::size_t i = v.size(); i > 1; --i) {
    std::swap(v[i - 1], v[uniform_index(rng, i)]);
  }
}

}  // namespace healthnet::detail
