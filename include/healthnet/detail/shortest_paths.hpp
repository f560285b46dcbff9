// SPDX-License-Identifier: MIT
// Shortest-path kernels behind centrality.hpp: Brandes path counting by BFS
// and by Dijkstra, a thread-parallel driver over source actors, and distance
// sums (multi-source bit-parallel BFS, or one Dijkstra per source).
#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <thread>
#include <utility>
#include <vector>

#include <healthnet/interrupt.hpp>
#include <healthnet/analysis_view.hpp>
#include <healthnet/detail/random.hpp>

namespace healthnet::detail {

/// One CSR direction of an analysis view as raw arrays (weights null when
/// every arc counts 1).
struct csr_rows {
  const std::uint32_t* offsets{};
  const vertex_index* targets{};
  const double* weights{};
};

/// The out-rows of `g` (all rows when undirected).
inline csr_rows out_rows(const analysis_view& g, bool use_weights) {
  return {g.out_offsets().data(), g.out_targets().data(),
          use_weights && g.weighted() ? g.out_weight_array().data() : nullptr};
}

/// The in-rows of `g` (the out-rows when undirected).
inline csr_rows in_rows(const analysis_view& g, bool use_weights) {
  return {g.in_offsets().data(), g.in_targets().data(),
          use_weights && g.weighted() ? g.in_weight_array().data() : nullptr};
}

// ---- Brandes path counting -------------------------------------------------

inline constexpr std::uint32_t unsettled = std::numeric_limits<std::uint32_t>::max();

/// Per-thread buffers of the Brandes kernels, reused across sources. Every
/// buffer is back in its initial state after each kernel call.
struct brandes_workspace {
  std::vector<vertex_index> order;  // visit (BFS) or settle (Dijkstra) order
  std::vector<std::int32_t> level;  // BFS distance, -1 when unreached
  std::vector<vertex_index> dag;    // BFS: successors of order[i] at dag[dag_end[i-1] .. dag_end[i])
  std::vector<std::uint32_t> dag_end;
  std::vector<double> sigma;        // number of shortest paths from the source
  std::vector<double> coef;         // (1 + dependency) / sigma
  std::vector<double> dist;         // Dijkstra distance, +inf when unreached
  std::vector<std::uint32_t> pos;   // Dijkstra settle position, `unsettled`
  std::vector<std::pair<double, vertex_index>> heap;
  std::vector<double> score;  // this thread's partial betweenness sums

  brandes_workspace(std::size_t n, std::size_t arcs, bool dijkstra)
      : order(n), sigma(n), coef(n), score(n, 0.0) {
    if (dijkstra) {
      dist.assign(n, std::numeric_limits<double>::infinity());
      pos.assign(n, unsettled);
    } else {
      level.assign(n, -1);
      dag.resize(arcs);
      dag_end.resize(n);
    }
  }
};

/// Adds the dependencies of source `s` to ws.score (unweighted: BFS).
///
/// The BFS records each actor's successors on shortest paths (w with
/// level[w] == level[v] + 1) in one flat array, in visit order, so the
/// accumulation pass reads only those arcs; and
/// delta(v) = sigma(v) * sum over successors w of (1 + delta(w)) / sigma(w).
inline void brandes_bfs(const csr_rows& g, vertex_index s, brandes_workspace& ws) {
  vertex_index* order = ws.order.data();
  std::int32_t* level = ws.level.data();
  vertex_index* dag = ws.dag.data();
  std::uint32_t* dag_end = ws.dag_end.data();
  double* sigma = ws.sigma.data();
  double* coef = ws.coef.data();
  double* score = ws.score.data();
  std::size_t head = 0;
  std::size_t tail = 0;
  std::uint32_t n_dag = 0;
  order[tail++] = s;
  level[s] = 0;
  sigma[s] = 1.0;
  while (head < tail) {
    const vertex_index v = order[head];
    const std::int32_t next = level[v] + 1;
    const double sv = sigma[v];
    for (std::uint32_t k = g.offsets[v], end = g.offsets[v + 1]; k < end; ++k) {
      const vertex_index w = g.targets[k];
      const std::int32_t lw = level[w];
      if (lw < 0) {
        level[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
        dag[n_dag++] = w;
      } else if (lw == next) {
        sigma[w] += sv;
        dag[n_dag++] = w;
      }
    }
    dag_end[head++] = n_dag;
  }
  for (std::size_t i = tail; i-- > 1;) {
    const vertex_index v = order[i];
    double sum = 0.0;
    for (std::uint32_t k = dag_end[i - 1], end = dag_end[i]; k < end; ++k) sum += coef[dag[k]];
    const double delta = sigma[v] * sum;
    score[v] += delta;
    coef[v] = (1.0 + delta) / sigma[v];
  }
  for (std::size_t i = 0; i < tail; ++i) level[order[i]] = -1;
}

/// Adds the dependencies of source `s` to ws.score (weighted: Dijkstra with
/// a binary heap; arc weights are lengths, >= 0).
///
/// An arc v->w is on a shortest path when dist[v] + len == dist[w] and w is
/// settled after v. Requiring the settle order makes zero-length arcs count
/// in one direction only (from the actor settled first), so path counts stay
/// finite and well-defined when zero-length ties form cycles.
inline void brandes_dijkstra(const csr_rows& g, vertex_index s, brandes_workspace& ws) {
  vertex_index* order = ws.order.data();
  double* dist = ws.dist.data();
  std::uint32_t* pos = ws.pos.data();
  double* sigma = ws.sigma.data();
  double* coef = ws.coef.data();
  double* score = ws.score.data();
  auto& heap = ws.heap;
  const auto later = std::greater<>{};
  std::uint32_t tail = 0;
  heap.clear();
  dist[s] = 0.0;
  sigma[s] = 1.0;
  heap.emplace_back(0.0, s);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    const auto [d, v] = heap.back();
    heap.pop_back();
    if (pos[v] != unsettled) continue;  // a stale entry
    pos[v] = tail;
    order[tail++] = v;
    const double sv = sigma[v];
    for (std::uint32_t k = g.offsets[v], end = g.offsets[v + 1]; k < end; ++k) {
      const vertex_index w = g.targets[k];
      const double nd = d + g.weights[k];
      if (nd < dist[w]) {
        dist[w] = nd;
        sigma[w] = sv;
        heap.emplace_back(nd, w);
        std::push_heap(heap.begin(), heap.end(), later);
      } else if (nd == dist[w] && pos[w] == unsettled) {
        sigma[w] += sv;
      }
    }
  }
  for (std::uint32_t i = tail; i-- > 1;) {
    const vertex_index v = order[i];
    const double dv = dist[v];
    double sum = 0.0;
    for (std::uint32_t k = g.offsets[v], end = g.offsets[v + 1]; k < end; ++k) {
      const vertex_index w = g.targets[k];
      if (pos[w] > i && dist[w] == dv + g.weights[k]) sum += coef[w];
    }
    const double delta = sigma[v] * sum;
    score[v] += delta;
    coef[v] = (1.0 + delta) / sigma[v];
  }
  for (std::uint32_t i = 0; i < tail; ++i) {
    dist[order[i]] = std::numeric_limits<double>::infinity();
    pos[order[i]] = unsettled;
  }
}

/// Runs work(t, item) for item = 0..count-1 on `threads` std::threads;
/// thread t takes items t, t + threads, ... (a fixed split: the same thread
/// count gives the same assignment). State per thread is made by `make`
/// before any thread starts, so an allocation failure leaves no thread behind.
/// Returns the states, one per thread used, in thread order.
template <class MakeState, class Work>
auto run_strided(std::size_t count, unsigned threads, MakeState make, Work work) {
  const std::size_t t_count = std::max<std::size_t>(1, std::min<std::size_t>(threads, count));
  std::vector<decltype(make())> state;
  state.reserve(t_count);
  for (std::size_t t = 0; t < t_count; ++t) state.push_back(make());
  // Interruption: only the calling thread (t = 0) calls the check (see
  // interrupt.hpp); it stops the other threads through `stop`.
  std::atomic<bool> stop{false};
  auto run = [&](std::size_t t) {
    for (std::size_t i = t; i < count; i += t_count) {
      if (stop.load(std::memory_order_relaxed)) return;
      if (t == 0) {
        report_progress(i, count);
        if (interrupt_requested()) {
          stop.store(true, std::memory_order_relaxed);
          return;
        }
      }
      work(state[t], i);
    }
  };
  if (t_count == 1) {
    run(0);
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(t_count - 1);
    for (std::size_t t = 1; t < t_count; ++t) pool.emplace_back(run, t);
    run(0);
  }  // joined here
  if (stop.load()) throw interrupted();
  return state;
}

/// Sum of the Brandes dependencies over `sources` (ordered pairs: an
/// undirected tie is followed both ways). Thread t of `threads` takes
/// sources t, t + threads, ... with its own buffers; the partial sums are
/// added in thread order, so a given thread count always gives the same bits.
inline std::vector<double> brandes_scores(const csr_rows& g, std::size_t n, std::size_t arcs,
                                          std::span<const vertex_index> sources, unsigned threads) {
  const bool dijkstra = g.weights != nullptr;
  auto ws = run_strided(
      sources.size(), threads, [&] { return brandes_workspace(n, arcs, dijkstra); },
      [&](brandes_workspace& w, std::size_t i) {
        if (dijkstra) {
          brandes_dijkstra(g, sources[i], w);
        } else {
          brandes_bfs(g, sources[i], w);
        }
      });
  const std::size_t t_count = ws.size();
  std::vector<double> total = std::move(ws[0].score);
  for (std::size_t t = 1; t < t_count; ++t) {
    for (std::size_t v = 0; v < n; ++v) total[v] += ws[t].score[v];
  }
  return total;
}

/// `k` distinct actor indices out of `n`, uniformly, by a partial
/// Fisher-Yates shuffle driven by mt19937_64(seed); sorted.
inline std::vector<vertex_index> sample_pivots(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<vertex_index> idx(n);
  std::iota(idx.begin(), idx.end(), vertex_index{0});
  for (std::size_t i = 0; i < k; ++i) {
    std::swap(idx[i], idx[i + uniform_index(rng, n - i)]);
  }
  idx.resize(k);
  std::sort(idx.begin(), idx.end());
  return idx;
}

// ---- distance sums -----------------------------------------------------------

/// Per actor: the sum of the distances to the actors it reaches, their
/// number (itself excluded), and the sum of 1/d over those at d > 0.
struct distance_sums {
  std::vector<double> total;
  std::vector<double> reached;
  std::vector<double> inverse;
};

/// Distance sums by BFS in every direction listed in `rows` (one CSR, or the
/// out- and in-rows to ignore directions). Bit-parallel: 64 sources share
/// one traversal, each actor holding a 64-bit mask of the sources that have
/// reached it, so each arc is scanned once per level for 64 sources at once.
/// Batches of 64 sources are shared out over `threads`; every source's sums
/// are computed by one thread, so results do not depend on the thread count.
inline distance_sums bfs_distance_sums(std::span<const csr_rows> rows, std::size_t n, unsigned threads = 1) {
  distance_sums out{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  struct buffers {
    std::vector<std::uint64_t> seen, frontier, next;
    std::vector<vertex_index> current, upcoming;
  };
  const auto make = [n] {
    buffers b{std::vector<std::uint64_t>(n), std::vector<std::uint64_t>(n, 0), std::vector<std::uint64_t>(n, 0), {}, {}};
    b.current.reserve(n);
    b.upcoming.reserve(n);
    return b;
  };
  const auto batch_sums = [&](buffers& b, std::size_t batch_number) {
    auto& [seen, frontier, next, current, upcoming] = b;
    const std::size_t first = batch_number * 64;
    const std::size_t batch = std::min<std::size_t>(64, n - first);
    std::fill(seen.begin(), seen.end(), 0);
    current.clear();
    for (std::size_t j = 0; j < batch; ++j) {
      const auto s = static_cast<vertex_index>(first + j);
      seen[s] = frontier[s] = std::uint64_t{1} << j;
      current.push_back(s);
    }
    std::uint64_t total[64] = {};
    std::uint32_t reached[64] = {};
    double inverse[64] = {};
    for (std::uint32_t d = 1; !current.empty(); ++d) {
      upcoming.clear();
      for (const vertex_index v : current) {
        const std::uint64_t fv = frontier[v];
        for (const csr_rows& g : rows) {
          for (std::uint32_t k = g.offsets[v], end = g.offsets[v + 1]; k < end; ++k) {
            const vertex_index w = g.targets[k];
            const std::uint64_t fresh = fv & ~seen[w];
            if (fresh != 0) {
              if (next[w] == 0) upcoming.push_back(w);
              next[w] |= fresh;
            }
          }
        }
      }
      for (const vertex_index v : current) frontier[v] = 0;
      const double inv_d = 1.0 / d;
      for (const vertex_index w : upcoming) {
        std::uint64_t fresh = next[w];
        next[w] = 0;
        seen[w] |= fresh;
        frontier[w] = fresh;
        while (fresh != 0) {
          const int j = std::countr_zero(fresh);
          total[j] += d;
          ++reached[j];
          inverse[j] += inv_d;
          fresh &= fresh - 1;
        }
      }
      current.swap(upcoming);
    }
    for (std::size_t j = 0; j < batch; ++j) {
      out.total[first + j] = static_cast<double>(total[j]);
      out.reached[first + j] = reached[j];
      out.inverse[first + j] = inverse[j];
    }
  };
  run_strided((n + 63) / 64, threads, make, batch_sums);
  return out;
}

/// Distance sums by one Dijkstra (binary heap) per source over `g`, whose
/// weights are lengths (>= 0; zero-length arcs allowed); sources shared out
/// over `threads`.
inline distance_sums dijkstra_distance_sums(const csr_rows& g, std::size_t n, unsigned threads = 1) {
  distance_sums out{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  struct buffers {
    std::vector<double> dist;
    std::vector<char> done;
    std::vector<vertex_index> touched;
    std::vector<std::pair<double, vertex_index>> heap;
  };
  const auto make = [n] {
    return buffers{std::vector<double>(n, std::numeric_limits<double>::infinity()), std::vector<char>(n, 0), {}, {}};
  };
  const auto source_sums = [&](buffers& b, std::size_t source) {
    auto& [dist, done, touched, heap] = b;
    const auto later = std::greater<>{};
    const auto s = static_cast<vertex_index>(source);
    double total = 0.0;
    double inverse = 0.0;
    std::size_t reached = 0;
    dist[s] = 0.0;
    touched.push_back(s);
    heap.emplace_back(0.0, s);
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), later);
      const auto [d, v] = heap.back();
      heap.pop_back();
      if (done[v]) continue;
      done[v] = 1;
      if (v != s) {
        total += d;
        ++reached;
        if (d > 0) inverse += 1.0 / d;
      }
      for (std::uint32_t k = g.offsets[v], end = g.offsets[v + 1]; k < end; ++k) {
        const vertex_index w = g.targets[k];
        const double nd = d + g.weights[k];
        if (nd < dist[w]) {
          if (dist[w] == std::numeric_limits<double>::infinity()) touched.push_back(w);
          dist[w] = nd;
          heap.emplace_back(nd, w);
          std::push_heap(heap.begin(), heap.end(), later);
        }
      }
    }
    for (const vertex_index v : touched) {
      dist[v] = std::numeric_limits<double>::infinity();
      done[v] = 0;
    }
    touched.clear();
    out.total[s] = total;
    out.reached[s] = static_cast<double>(reached);
    out.inverse[s] = inverse;
  };
  run_strided(n, threads, make, source_sums);
  return out;
}

}  // namespace healthnet::detail
