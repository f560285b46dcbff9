// SPDX-License-Identifier: MIT
// Memo of structures derived from one revision of a network (groupings,
// sector census, forward adjacency, ...): each is computed once per key and
// then shared as an immutable object. Thread-safe: the entry table is guarded
// by a mutex; one std::once_flag per entry runs the computation once, while
// threads asking for other keys go on (a computation may itself ask the memo
// for another key). A computation that throws leaves its entry empty, so the
// next caller tries again.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>

#include <healthnet/detail/string_hash.hpp>

namespace healthnet::detail {

/// Number of computations per network revision and memo key in this process,
/// for tests (a report must compute each derived structure once). Counts only
/// while enabled, so that a long-running process does not collect them.
class memo_counters {
 public:
  static memo_counters& instance() {
    static memo_counters c;
    return c;
  }
  void enable(bool on) noexcept { m_enabled.store(on, std::memory_order_relaxed); }
  void add(std::uint64_t revision, std::string_view key) {
    if (!m_enabled.load(std::memory_order_relaxed)) return;
    std::lock_guard lock(m_mutex);
    ++m_counts[{revision, std::string(key)}];
  }
  /// Computations of `key` for the network revision `revision`.
  [[nodiscard]] std::uint64_t count(std::uint64_t revision, std::string_view key) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_counts.find({revision, std::string(key)});
    return it == m_counts.end() ? 0 : it->second;
  }

 private:
  std::atomic<bool> m_enabled{false};
  mutable std::mutex m_mutex;
  std::map<std::pair<std::uint64_t, std::string>, std::uint64_t> m_counts;
};

/// The memo of one network revision.
class memo {
 public:
  explicit memo(std::uint64_t revision) noexcept : m_revision(revision) {}

  /// The revision whose structures this memo holds.
  [[nodiscard]] std::uint64_t revision() const noexcept { return m_revision; }

  /// The object stored under `key`, computed by `make()` (returning a T) on
  /// the first request. @throws std::logic_error when `key` holds another type.
  template <class T, class Make>
  std::shared_ptr<const T> get(std::string_view key, Make&& make) {
    std::shared_ptr<entry> e;
    {
      std::lock_guard lock(m_mutex);
      auto it = m_entries.find(key);
      if (it == m_entries.end()) it = m_entries.emplace(std::string(key), std::make_shared<entry>()).first;
      e = it->second;
    }
    std::call_once(e->once, [&] {
      e->value = std::make_shared<const T>(std::forward<Make>(make)());
      e->type = &typeid(T);
      memo_counters::instance().add(m_revision, key);
    });
    if (*e->type != typeid(T)) throw std::logic_error("memo entry '" + std::string(key) + "' holds another type");
    return std::static_pointer_cast<const T>(e->value);
  }

  /// Number of keys asked for so far.
  [[nodiscard]] std::size_t size() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
  }

 private:
  struct entry {
    std::once_flag once;
    std::shared_ptr<const void> value;
    const std::type_info* type{nullptr};
  };
  std::uint64_t m_revision;
  mutable std::mutex m_mutex;
  string_map<std::shared_ptr<entry>> m_entries;
};

}  // namespace healthnet::detail
