// SPDX-License-Identifier: MIT
// Flat open-addressing index from an id string to its position in a vector
// the caller owns (the actors). Slots hold 32 bits of the hash and the
// position, 8 bytes each, load factor <= 1/2; the id itself is compared in the
// caller's vector, so no string is stored twice. Unlike std::unordered_map
// with std::string keys (which does not cache hash codes and allocates a node
// per entry), a probe touches one slot array and, on a tag match, one id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string_view>
#include <vector>

#include <healthnet/detail/keyed_hash.hpp>

namespace healthnet::detail {

class id_index {
 public:
  static constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

  /// Number of stored ids.
  [[nodiscard]] std::size_t size() const noexcept { return m_size; }

  /// Removes every id.
  void clear() noexcept {
    m_slots = {};
    m_size = 0;
    m_mask = 0;
  }

  /// Makes room for `n` ids; `id_of(position)` gives the id stored at a position.
  template <class IdOf>
  void reserve(std::size_t n, IdOf id_of) {
    std::size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    if (capacity > m_slots.size()) rehash(capacity, id_of);
  }

  /// The position stored for `id`, or npos.
  template <class IdOf>
  [[nodiscard]] std::uint32_t find(std::string_view id, IdOf id_of) const noexcept {
    if (m_slots.empty()) return npos;
    const std::size_t h = hash(id);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & m_mask;; i = (i + 1) & m_mask) {
      const slot& s = m_slots[i];
      if (s.position == npos) return npos;
      if (s.tag == tag && id_of(s.position) == id) return s.position;
    }
  }

  /// Stores `position` for `id`, which must not be stored yet.
  template <class IdOf>
  void insert(std::string_view id, std::uint32_t position, IdOf id_of) {
    if (2 * (m_size + 1) > m_slots.size()) rehash(m_slots.empty() ? 16 : 2 * m_slots.size(), id_of);
    place(hash(id), position);
    ++m_size;
  }

 private:
  struct slot {
    std::uint32_t tag{0};
    std::uint32_t position{npos};
  };

  static std::size_t hash(std::string_view id) noexcept { return static_cast<std::size_t>(keyed_hash(id)); }

  void place(std::size_t h, std::uint32_t position) noexcept {
    std::size_t i = h & m_mask;
    while (m_slots[i].position != npos) i = (i + 1) & m_mask;
    m_slots[i] = slot{static_cast<std::uint32_t>(h >> 32), position};
  }

  template <class IdOf>
  void rehash(std::size_t capacity, IdOf id_of) {
    std::vector<slot> old(capacity);
    old.swap(m_slots);
    m_mask = capacity - 1;
    for (const slot& s : old) {
      if (s.position != npos) place(hash(id_of(s.position)), s.position);
    }
  }

  std::vector<slot> m_slots;
  std::size_t m_size{0};
  std::size_t m_mask{0};
};

}  // namespace healthnet::detail
