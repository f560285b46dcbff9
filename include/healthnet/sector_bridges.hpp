// SPDX-License-Identifier: MIT
/// @file sector_bridges.hpp
/// @brief Bridges between sectors: who connects many sectors, and who could close the gaps.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_set>
#include <vector>

#include <healthnet/groups.hpp>
#include <healthnet/interrupt.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// For every actor: the number of distinct groups among the actors it is tied
/// to (either direction), and the number of those that differ from its own
/// group. Actors without a group count the groups they reach; their "other"
/// count equals it. Complexity: O(m + n).
struct groups_reached {
  std::vector<double> all;    ///< distinct groups of the actor's neighbours
  std::vector<double> other;  ///< the same, without the actor's own group
};

/// Distinct groups each actor is tied to (see groups_reached).
inline groups_reached count_groups_reached(const network& net, const grouping& groups) {
  const auto g = net.view();
  const std::size_t n = g->n_vertices();
  groups_reached r{std::vector<double>(n, 0), std::vector<double>(n, 0)};
  std::vector<std::size_t> seen(groups.size(), SIZE_MAX);
  for (vertex_index v = 0; v < n; ++v) {
    auto visit = [&](vertex_index u) {
      const auto gu = groups.group_of[u];
      if (u == v || gu == grouping::no_group || seen[static_cast<std::size_t>(gu)] == v) return;
      seen[static_cast<std::size_t>(gu)] = v;
      r.all[v] += 1;
      if (gu != groups.group_of[v]) r.other[v] += 1;
    };
    for (auto u : g->out_neighbors(v)) visit(u);
    if (g->directed()) {
      for (auto u : g->in_neighbors(v)) visit(u);
    }
  }
  return r;
}

/// A pair of groups with no tie between them, and who could close the gap.
struct group_gap {
  std::size_t from{};  ///< group index (from < to)
  std::size_t to{};    ///< group index
  /// Shortest path length between any member of `from` and any member of
  /// `to` (ties taken as undirected); 0 when unreachable.
  std::size_t distance{};
  /// Best placed actors, best first: those with the smallest d(x, from) +
  /// d(x, to); ties broken by degree (higher first), then actor index.
  std::vector<vertex_index> candidates;
  std::vector<double> candidate_score;  ///< d(x, from) + d(x, to) of each candidate
};

namespace detail {

/// The unordered pairs {g, h}, g != h, of groups joined by at least one tie,
/// as keys g·2^32 + h with g < h. Complexity: O(m) expected.
inline std::unordered_set<std::uint64_t, detail::keyed_integer_hash> linked_group_pairs(const network& net, const grouping& groups) {
  std::unordered_set<std::uint64_t, detail::keyed_integer_hash> linked;
  for (const auto& [u, v] : net.tie_ends()) {
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group || gu == gv) continue;
    const auto lo = static_cast<std::uint64_t>(std::min(gu, gv)), hi = static_cast<std::uint64_t>(std::max(gu, gv));
    linked.insert(lo << 32 | hi);
  }
  return linked;
}

/// Undirected BFS distances from every member of group `c` (0 for members).
inline void group_distances(const analysis_view& g, const grouping& groups, std::size_t c,
                            std::vector<std::uint32_t>& d, std::vector<vertex_index>& queue) {
  const std::size_t n = g.n_vertices();
  d.assign(n, std::numeric_limits<std::uint32_t>::max());
  queue.clear();
  for (vertex_index v = 0; v < n; ++v) {
    if (groups.group_of[v] == static_cast<std::int32_t>(c)) {
      d[v] = 0;
      queue.push_back(v);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const auto v = queue[head];
    auto step = [&](vertex_index u) {
      if (d[u] == std::numeric_limits<std::uint32_t>::max()) {
        d[u] = d[v] + 1;
        queue.push_back(u);
      }
    };
    for (auto u : g.out_neighbors(v)) step(u);
    if (g.directed()) {
      for (auto u : g.in_neighbors(v)) step(u);
    }
  }
}

}  // namespace detail

/// Number of gaps: pairs of groups (both with members) with no tie between
/// them, k'(k' − 1)/2 minus the linked pairs for k' groups with members.
/// Complexity: O(n + m) expected (a hash set of the linked pairs).
inline std::size_t count_group_gaps(const network& net, const grouping& groups) {
  std::size_t nonempty = 0;
  for (const auto s : groups.sizes()) nonempty += s > 0 ? 1 : 0;
  const std::size_t pairs = nonempty < 2 ? 0 : nonempty * (nonempty - 1) / 2;
  return pairs - detail::linked_group_pairs(net, groups).size();
}

/// Default `limit` of group_gaps().
inline constexpr std::size_t default_gap_limit = 1000;

/// Gaps: pairs of groups (both with members) with no tie between them, in
/// order (from, to) with from < to; the first `limit` of them (see
/// count_group_gaps() for how many there are in all).
///
/// For each gap the actors best placed to close it are those closest to both
/// groups, scored by d(x, g) + d(x, h), the undirected distances from x to the
/// nearest member of each group (0 for a member). A score of 2 means x is
/// tied to a member of each group (a broker who could introduce them); a
/// member of g at distance 2 from h scores 2 as well. At most `top`
/// candidates with a finite score are listed.
/// Polls the interruption check (interrupt.hpp) between gaps.
/// Complexity: O(m + k + limit·(n + m)) time, O(n + m + k) memory, for k
/// groups (one multi-source BFS per listed gap and per distinct `from`).
inline std::vector<group_gap> group_gaps(const network& net, const grouping& groups, std::size_t top = 5,
                                         std::size_t limit = default_gap_limit) {
  const auto g = net.view();
  const std::size_t n = g->n_vertices(), k = groups.size();
  constexpr auto unreached = std::numeric_limits<std::uint32_t>::max();
  const auto sizes = groups.sizes();
  const auto linked = detail::linked_group_pairs(net, groups);
  std::vector<std::size_t> present;  // groups with members, in order
  for (std::size_t c = 0; c < k; ++c) {
    if (sizes[c] > 0) present.push_back(c);
  }
  std::vector<std::vector<vertex_index>> members(k);
  for (vertex_index v = 0; v < n; ++v) {
    if (groups.group_of[v] != grouping::no_group) members[static_cast<std::size_t>(groups.group_of[v])].push_back(v);
  }
  auto degree = [&](vertex_index v) { return g->out_degree(v) + (g->directed() ? g->in_degree(v) : 0); };
  std::vector<group_gap> out;
  std::vector<std::uint32_t> dist_a, dist_b;
  std::vector<vertex_index> queue, reachable;
  queue.reserve(n);
  // Pairs are scanned in order; a linked pair is skipped at most once per
  // tie, so at most limit + |linked| pairs are looked at.
  for (std::size_t i = 0; i < present.size() && out.size() < limit; ++i) {
    const std::size_t a = present[i];
    bool have_a = false;
    for (std::size_t j = i + 1; j < present.size() && out.size() < limit; ++j) {
      const std::size_t b = present[j];
      if (linked.contains(static_cast<std::uint64_t>(a) << 32 | b)) continue;
      detail::report_progress(out.size(), std::min(limit, present.size() * (present.size() - 1) / 2));
      detail::check_interrupt();
      if (!have_a) {
        detail::group_distances(*g, groups, a, dist_a, queue);
        have_a = true;
      }
      detail::group_distances(*g, groups, b, dist_b, queue);
      group_gap gap;
      gap.from = a;
      gap.to = b;
      std::uint32_t between = unreached;
      for (const auto v : members[b]) between = std::min(between, dist_a[v]);
      gap.distance = between == unreached ? 0 : between;
      reachable.clear();
      for (vertex_index v = 0; v < n; ++v) {
        if (dist_a[v] != unreached && dist_b[v] != unreached) reachable.push_back(v);
      }
      auto score = [&](vertex_index v) { return dist_a[v] + dist_b[v]; };
      const auto better = [&](vertex_index x, vertex_index y) {
        if (score(x) != score(y)) return score(x) < score(y);
        if (degree(x) != degree(y)) return degree(x) > degree(y);
        return x < y;
      };
      const std::size_t shown = std::min(top, reachable.size());
      std::partial_sort(reachable.begin(), reachable.begin() + static_cast<std::ptrdiff_t>(shown), reachable.end(),
                        better);
      for (std::size_t c = 0; c < shown; ++c) {
        gap.candidates.push_back(reachable[c]);
        gap.candidate_score.push_back(static_cast<double>(score(reachable[c])));
      }
      out.push_back(std::move(gap));
    }
  }
  return out;
}

}  // namespace healthnet
