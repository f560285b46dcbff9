// SPDX-License-Identifier: MIT
/// @file access_mutex.hpp
/// @brief A reader/writer lock that lets a waiting writer in (network::access_mutex()).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace healthnet {

/// A shared mutex (the SharedMutex requirements: use it with std::shared_lock
/// and std::unique_lock) that prefers writers: once a writer waits, new
/// readers wait behind it. glibc's std::shared_mutex prefers readers, so
/// threads that compute in a loop can keep a thread that wants to change the
/// network out forever; here a change waits only for the computations that
/// were running when it asked.
///
/// Not recursive: a thread holding a shared lock must not take it again
/// while a writer may be waiting (the Python bindings track their nested
/// reads themselves).
class shared_access_mutex {
 public:
  shared_access_mutex() = default;
  shared_access_mutex(const shared_access_mutex&) = delete;
  shared_access_mutex& operator=(const shared_access_mutex&) = delete;

  /// Exclusive access: waits until no reader and no writer holds it.
  void lock() {
    std::unique_lock guard(m_mutex);
    ++m_writers_waiting;
    m_writer_turn.wait(guard, [this] { return !m_writer && m_readers == 0; });
    --m_writers_waiting;
    m_writer = true;
  }
  /// Exclusive access if free now.
  bool try_lock() {
    std::lock_guard guard(m_mutex);
    if (m_writer || m_readers != 0) return false;
    m_writer = true;
    return true;
  }
  /// Ends exclusive access.
  void unlock() {
    {
      std::lock_guard guard(m_mutex);
      m_writer = false;
    }
    m_writer_turn.notify_one();
    m_reader_turn.notify_all();
  }

  /// Shared access: waits while a writer holds or waits for the lock.
  void lock_shared() {
    std::unique_lock guard(m_mutex);
    m_reader_turn.wait(guard, [this] { return !m_writer && m_writers_waiting == 0; });
    ++m_readers;
  }
  /// Shared access if no writer holds or waits for the lock.
  bool try_lock_shared() {
    std::lock_guard guard(m_mutex);
    if (m_writer || m_writers_waiting != 0) return false;
    ++m_readers;
    return true;
  }
  /// Ends shared access.
  void unlock_shared() {
    bool last = false;
    {
      std::lock_guard guard(m_mutex);
      last = --m_readers == 0;
    }
    if (last) m_writer_turn.notify_one();
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_writer_turn;
  std::condition_variable m_reader_turn;
  std::size_t m_readers{0};
  std::size_t m_writers_waiting{0};
  bool m_writer{false};
};

}  // namespace healthnet
