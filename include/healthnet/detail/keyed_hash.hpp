// SPDX-License-Identifier: MIT
// Keyed hashing for every table indexed by input strings, so that ids built
// to collide (hash flooding) cannot make loading quadratic.
//
// Strings: SipHash-1-3 (Aumasson & Bernstein, "SipHash: a fast short-input
// PRF", 2012; 1 compression and 3 finalisation rounds, the variant CPython
// and Rust use for their hash tables) under a 128-bit key drawn once per
// process from std::random_device. Without the key an attacker cannot
// predict which ids collide. Packed integer pairs: the key is mixed in
// before a 64-bit finaliser, which is enough because the pairs are actor
// indices, not attacker-chosen bytes.
//
// libsodium's crypto_shorthash is SipHash-2-4 only and would add a link
// dependency to the header-only core; this is the algorithm of the paper,
// checked against its test vector (tests/cpp/test_keyed_hash.cpp).
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <random>
#include <string_view>

namespace healthnet::detail {

/// A 128-bit hash key.
struct hash_key {
  std::uint64_t k0{0};
  std::uint64_t k1{0};
};

/// The process's random key, drawn on first use (thread-safe).
inline const hash_key& process_hash_key() {
  static const hash_key key = [] {
    std::random_device rd;
    auto draw = [&rd] { return (std::uint64_t{rd()} << 32) ^ std::uint64_t{rd()}; };
    hash_key k;
    k.k0 = draw();
    k.k1 = draw();
    return k;
  }();
  return key;
}

namespace siphash_detail {
inline std::uint64_t load_le64(const char* p) noexcept {
  std::uint64_t v = 0;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}
struct state {
  std::uint64_t v0, v1, v2, v3;
  void round() noexcept {
    v0 += v1;
    v1 = std::rotl(v1, 13);
    v1 ^= v0;
    v0 = std::rotl(v0, 32);
    v2 += v3;
    v3 = std::rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = std::rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = std::rotl(v1, 17);
    v1 ^= v2;
    v2 = std::rotl(v2, 32);
  }
};
}  // namespace siphash_detail

/// SipHash-c-d of `data` under `key` (c compression, d finalisation rounds).
template <int C, int D>
std::uint64_t siphash(std::string_view data, const hash_key& key) noexcept {
  siphash_detail::state s{key.k0 ^ 0x736f6d6570736575ULL, key.k1 ^ 0x646f72616e646f6dULL,
                          key.k0 ^ 0x6c7967656e657261ULL, key.k1 ^ 0x7465646279746573ULL};
  const std::size_t n = data.size();
  const char* p = data.data();
  const char* const end = p + (n & ~std::size_t{7});
  auto absorb = [&s](std::uint64_t m) {
    s.v3 ^= m;
    for (int i = 0; i < C; ++i) s.round();
    s.v0 ^= m;
  };
  for (; p != end; p += 8) absorb(siphash_detail::load_le64(p));
  // Last block: the remaining 0..7 bytes, little-endian, and the length mod 256 in the top byte.
  std::uint64_t last = std::uint64_t{n & 0xff} << 56;
  for (std::size_t i = 0; i < (n & 7); ++i) last |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  absorb(last);
  s.v2 ^= 0xff;
  for (int i = 0; i < D; ++i) s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

/// The hash of an input string for healthnet's tables: SipHash-1-3 under the process key.
inline std::uint64_t keyed_hash(std::string_view s) noexcept { return siphash<1, 3>(s, process_hash_key()); }

/// The hash of a packed integer key (e.g. an actor pair): the process key is
/// mixed in, then MurmurHash3's 64-bit finaliser (Appleby) spreads the bits.
inline std::uint64_t keyed_hash(std::uint64_t k) noexcept {
  static const std::uint64_t salt = process_hash_key().k0 ^ std::rotl(process_hash_key().k1, 29);
  k ^= salt;
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

/// A transparent hasher for std::unordered_* keyed by strings.
struct keyed_string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return static_cast<std::size_t>(keyed_hash(s)); }
};

/// A hasher for std::unordered_* keyed by packed integers (actor or group pairs).
struct keyed_integer_hash {
  std::size_t operator()(std::uint64_t k) const noexcept { return static_cast<std::size_t>(keyed_hash(k)); }
};

}  // namespace healthnet::detail
