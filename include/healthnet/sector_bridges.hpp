// SPDX-License-Identifier: MIT
/// @file sector_bridges.hpp
/// @brief Bridges between sectors: who connects many sectors, and who could close the gaps.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <healthnet/groups.hpp>
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

/// Gaps: every pair of groups (both with members) with no tie between them.
///
/// For each gap the actors best placed to close it are those closest to both
/// groups, scored by d(x, g) + d(x, h), the undirected distances from x to the
/// nearest member of each group (0 for a member). A score of 2 means x is
/// tied to a member of each group (a broker who could introduce them); a
/// member of g at distance 2 from h scores 2 as well. At most `top`
/// candidates with a finite score are listed.
/// Complexity: O(k·(n + m) + gaps·n log n) for k groups.
inline std::vector<group_gap> group_gaps(const network& net, const grouping& groups, std::size_t top = 5) {
  const auto g = net.view();
  const std::size_t n = g->n_vertices(), k = groups.size();
  constexpr auto unreached = std::numeric_limits<std::uint32_t>::max();
  const auto sizes = groups.sizes();
  // linked[g][h]: at least one tie between the groups.
  std::vector<char> linked(k * k, 0);
  for (const auto& [u, v] : net.tie_ends()) {
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group) continue;
    linked[static_cast<std::size_t>(gu) * k + static_cast<std::size_t>(gv)] = 1;
    linked[static_cast<std::size_t>(gv) * k + static_cast<std::size_t>(gu)] = 1;
  }
  // Multi-source BFS from every group over the undirected ties.
  std::vector<std::vector<std::uint32_t>> dist(k, std::vector<std::uint32_t>(n, unreached));
  std::vector<vertex_index> queue;
  queue.reserve(n);
  for (std::size_t c = 0; c < k; ++c) {
    auto& d = dist[c];
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
        if (d[u] == unreached) {
          d[u] = d[v] + 1;
          queue.push_back(u);
        }
      };
      for (auto u : g->out_neighbors(v)) step(u);
      if (g->directed()) {
        for (auto u : g->in_neighbors(v)) step(u);
      }
    }
  }
  std::vector<group_gap> out;
  std::vector<vertex_index> order(n);
  for (std::size_t a = 0; a < k; ++a) {
    for (std::size_t b = a + 1; b < k; ++b) {
      if (sizes[a] == 0 || sizes[b] == 0 || linked[a * k + b]) continue;
      group_gap gap;
      gap.from = a;
      gap.to = b;
      std::uint32_t between = unreached;
      for (vertex_index v = 0; v < n; ++v) {
        if (groups.group_of[v] == static_cast<std::int32_t>(b)) between = std::min(between, dist[a][v]);
      }
      gap.distance = between == unreached ? 0 : between;
      std::vector<vertex_index> reachable;
      for (vertex_index v = 0; v < n; ++v) {
        if (dist[a][v] != unreached && dist[b][v] != unreached) reachable.push_back(v);
      }
      auto score = [&](vertex_index v) { return dist[a][v] + dist[b][v]; };
      auto degree = [&](vertex_index v) { return g->out_degree(v) + (g->directed() ? g->in_degree(v) : 0); };
      std::sort(reachable.begin(), reachable.end(), [&](vertex_index x, vertex_index y) {
        if (score(x) != score(y)) return score(x) < score(y);
        if (degree(x) != degree(y)) return degree(x) > degree(y);
        return x < y;
      });
      for (std::size_t i = 0; i < reachable.size() && i < top; ++i) {
        gap.candidates.push_back(reachable[i]);
        gap.candidate_score.push_back(static_cast<double>(score(reachable[i])));
      }
      out.push_back(std::move(gap));
    }
  }
  return out;
}

}  // namespace healthnet
