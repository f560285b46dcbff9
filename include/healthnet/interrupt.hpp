// SPDX-License-Identifier: MIT
/// @file interrupt.hpp
/// @brief Cancelling long computations: an interruption check installed by the caller.
///
/// The caller installs a check with interrupt_scope on its thread; long
/// kernels (betweenness, closeness, harmonic closeness, PageRank, eigenvector
/// centrality, Louvain, permutation tests, group gaps, brokerage) poll it
/// every few milliseconds of work and throw `interrupted` when it returns
/// true. The check is only ever called on the thread that installed it
/// (Python's PyErr_CheckSignals works only there); kernels that share work
/// over std::threads poll on the calling thread, which always takes a share,
/// and stop the workers through an atomic flag (detail::run_strided).
///
/// ```
/// std::atomic<bool> stop{false};            // set by a SIGINT handler
/// healthnet::interrupt_scope scope([](void* f) { return static_cast<std::atomic<bool>*>(f)->load(); }, &stop);
/// auto b = healthnet::betweenness(net);     // throws healthnet::interrupted once stop is set
/// ```
#pragma once

#include <cstddef>
#include <cstdint>

#include <healthnet/error.hpp>

namespace healthnet {

/// The check: returns true when the work should stop. Called with `context`.
using interrupt_function = bool (*)(void* context);
/// Optional progress report: `fraction` of the current step done, in [0, 1].
using progress_function = void (*)(void* context, double fraction);

namespace detail {

struct interrupt_check {
  interrupt_function fn{nullptr};
  void* context{nullptr};
  progress_function progress{nullptr};
};

/// The check installed on this thread (none by default).
inline interrupt_check& current_interrupt_check() noexcept {
  thread_local interrupt_check check;
  return check;
}

/// True when the check installed on this thread asks to stop. Call it at
/// most every few milliseconds of work (see interrupt_poller).
inline bool interrupt_requested() {
  const auto& c = current_interrupt_check();
  return c.fn != nullptr && c.fn(c.context);
}

/// Tells the installed progress function that `done` of `total` units of
/// the current step are done (call it where the check is called).
inline void report_progress(std::size_t done, std::size_t total) {
  const auto& c = current_interrupt_check();
  if (c.progress != nullptr && total > 0) c.progress(c.context, static_cast<double>(done) / static_cast<double>(total));
}

/// Throws `interrupted` when the installed check asks to stop.
inline void check_interrupt() {
  if (interrupt_requested()) throw interrupted();
}

/// For inner loops: calls the check once every 2^12 calls (a counter test
/// otherwise), so the cost is negligible even for cheap iterations.
class interrupt_poller {
 public:
  void operator()() {
    if ((++m_count & 0xFFFu) == 0) check_interrupt();
  }

 private:
  std::uint32_t m_count{0};
};

}  // namespace detail

/// Installs an interruption check on this thread for its lifetime (nests:
/// the previous check is restored on exit). `fn(context)` must be cheap or
/// rate-limit itself; it is called only on this thread. `progress`, when
/// given, receives the fraction done of the running kernel (same thread).
class interrupt_scope {
 public:
  /// Installs `fn(context)` (and `progress`) as this thread's check.
  interrupt_scope(interrupt_function fn, void* context, progress_function progress = nullptr) noexcept
      : m_saved(detail::current_interrupt_check()) {
    detail::current_interrupt_check() = {fn, context, progress};
  }
  /// Restores the previous check.
  ~interrupt_scope() { detail::current_interrupt_check() = m_saved; }
  interrupt_scope(const interrupt_scope&) = delete;
  interrupt_scope& operator=(const interrupt_scope&) = delete;

 private:
  detail::interrupt_check m_saved;
};

}  // namespace healthnet
