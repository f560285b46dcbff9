// SPDX-License-Identifier: MIT
/// @file reach.hpp
/// @brief Two-step reach and reach efficiency (Kumu's reach metrics).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include <healthnet/network.hpp>

namespace healthnet {

namespace detail {

// A hint to load the cache line holding `p` (rows of neighbours are read in
// an order the hardware prefetcher cannot guess).
inline void prefetch_row(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

// Number of distinct entries of every out-row (a self-loop counts; rows are
// sorted, so duplicates are adjacent).
inline std::vector<std::uint32_t> distinct_out_degrees(const analysis_view& g) {
  const auto n = static_cast<vertex_index>(g.n_vertices());
  const auto off = g.out_offsets();
  const auto tgt = g.out_targets();
  std::vector<std::uint32_t> d(n, 0);
  for (vertex_index v = 0; v < n; ++v) {
    for (auto e = off[v]; e < off[v + 1]; ++e) {
      if (e == off[v] || tgt[e] != tgt[e - 1]) ++d[v];
    }
  }
  return d;
}

// Number of distinct out-neighbours of every actor other than itself.
inline std::vector<std::uint32_t> out_neighbor_counts(const analysis_view& g,
                                                      const std::vector<std::uint32_t>& distinct) {
  std::vector<std::uint32_t> d(distinct);
  for (vertex_index v = 0; v < d.size(); ++v) {
    if (g.has_arc(v, v)) --d[v];
  }
  return d;
}

// For every actor v, |R(v)|: the distinct actors w != v with a path of one
// or two out-ties from v.
//
// Plain version: mark the out-row of v and the out-rows of its out-neighbours
// in a bitset (n / 8 bytes, small enough to stay in cache), then clear the
// marked bits. To keep hubs cheap (a star would cost O(n^2) plainly), the
// out-neighbour h with the longest row may serve as a base set B = N+(h):
// |R(v)| = |B \ {v}| + #(other candidates not in B), with membership in B by
// binary search in h's sorted row. The cheaper of the two is used per actor.
// Stops early once all n - 1 other actors are reached.
inline std::vector<std::uint32_t> two_step_counts(const analysis_view& g,
                                                  const std::vector<std::uint32_t>& distinct) {
  const auto n = static_cast<vertex_index>(g.n_vertices());
  const auto off = g.out_offsets();
  const auto tgt = g.out_targets();
  std::vector<std::uint32_t> count(n, 0);
  std::vector<std::uint64_t> seen((static_cast<std::size_t>(n) + 63) / 64, 0);
  std::vector<vertex_index> touched;
  const std::uint32_t all = n == 0 ? 0 : n - 1;
  auto first_visit = [&](vertex_index w) {
    std::uint64_t& word = seen[w >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (w & 63);
    if (word & bit) return false;
    word |= bit;
    touched.push_back(w);
    return true;
  };
  for (vertex_index v = 0; v < n; ++v) {
    first_visit(v);
    // base candidate: the out-neighbour with the longest row
    vertex_index h = v;
    std::uint64_t total = 0, longest = 0;
    for (auto e = off[v]; e < off[v + 1]; ++e) {
      const vertex_index u = tgt[e];
      if (u == v) continue;
      const std::uint64_t len = off[u + 1] - off[u];
      prefetch_row(tgt.data() + off[u]);
      total += len;
      if (len > longest) {
        longest = len;
        h = u;
      }
    }
    std::uint32_t c = 0;
    const vertex_index* b_begin = nullptr;
    const vertex_index* b_end = nullptr;
    if (h != v) {
      std::uint64_t log2 = 1;
      while ((std::uint64_t{1} << log2) < longest) ++log2;
      if ((total - longest + (off[v + 1] - off[v])) * log2 < longest) {
        b_begin = tgt.data() + off[h];
        b_end = tgt.data() + off[h + 1];
        c = distinct[h] - (std::binary_search(b_begin, b_end, v) ? 1U : 0U);
      }
    }
    auto add = [&](vertex_index w) {
      if (first_visit(w) && !(b_begin && std::binary_search(b_begin, b_end, w))) ++c;
    };
    for (auto e = off[v]; e < off[v + 1] && c < all; ++e) add(tgt[e]);
    for (auto e = off[v]; e < off[v + 1] && c < all; ++e) {
      const vertex_index u = tgt[e];
      if (u == v || (b_begin && u == h)) continue;
      for (auto f = off[u]; f < off[u + 1] && c < all; ++f) add(tgt[f]);
    }
    count[v] = c;
    for (auto w : touched) seen[w >> 6] = 0;
    touched.clear();
  }
  return count;
}

}  // namespace detail

/// Two-step reach of every actor, in index order: the share of the other
/// actors that the actor reaches in at most two steps.
///
/// reach(v) = |{w != v : d(v, w) <= 2}| / (n - 1), following ties in their
/// direction (out-ties) in a directed network, so it measures how far an
/// actor's own nominations carry. Kumu calls this "2-step reach": the
/// fraction of the network within two steps. Isolates and every actor of a
/// network with fewer than two actors get 0; self-loops do not count; weights
/// play no role (a tie of weight 0 is a tie).
///
/// Reference: Kumu's "reach" metric; the same as networkx
/// `len(single_source_shortest_path_length(G, v, cutoff=2)) - 1` over n - 1.
/// Complexity: O(sum over actors of the out-row lengths of their
/// out-neighbours), at most O(n + sum_v outdeg(v) indeg(v)); rows of hubs are
/// read once per neighbour only when that is the cheaper way.
inline std::vector<double> two_step_reach(const network& net) {
  const auto g = net.view();
  const auto n = g->n_vertices();
  std::vector<double> out(n, 0.0);
  if (n < 2) return out;
  const auto counts = detail::two_step_counts(*g, detail::distinct_out_degrees(*g));
  const double others = static_cast<double>(n - 1);
  for (std::size_t v = 0; v < n; ++v) out[v] = static_cast<double>(counts[v]) / others;
  return out;
}

/// Reach efficiency of every actor, in index order: how many actors an actor
/// reaches within two steps per direct contact.
///
/// efficiency(v) = |{w != v : d(v, w) <= 2}| / |N+(v) \ {v}|, the number of
/// actors within two steps (a count, not the share two_step_reach() gives)
/// over the number of distinct out-neighbours (the degree when undirected).
/// It is at least 1 for any actor with a tie; high values mean that few
/// contacts open up much of the network (Kumu: reach divided by the size of
/// the personal network). Actors without out-ties get 0. Self-loops do not
/// count; weights play no role.
///
/// Reference: Kumu's "reach efficiency"; no library oracle, checked against
/// networkx `single_source_shortest_path_length(G, v, cutoff=2)`.
/// Complexity: as two_step_reach().
inline std::vector<double> reach_efficiency(const network& net) {
  const auto g = net.view();
  const auto n = g->n_vertices();
  std::vector<double> out(n, 0.0);
  if (n < 2) return out;
  const auto distinct = detail::distinct_out_degrees(*g);
  const auto counts = detail::two_step_counts(*g, distinct);
  const auto size = detail::out_neighbor_counts(*g, distinct);
  for (std::size_t v = 0; v < n; ++v) {
    if (size[v] > 0) out[v] = static_cast<double>(counts[v]) / static_cast<double>(size[v]);
  }
  return out;
}

}  // namespace healthnet
