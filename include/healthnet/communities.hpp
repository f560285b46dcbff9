// SPDX-License-Identifier: MIT
/// @file communities.hpp
/// @brief Louvain communities and how well two partitions agree (ARI, NMI).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include <healthnet/error.hpp>
#include <healthnet/interrupt.hpp>
#include <healthnet/network.hpp>
#include <healthnet/detail/random.hpp>

namespace healthnet {

/// Community labels 0..k−1 per actor, numbered in order of first appearance
/// by actor index.
using partition = std::vector<std::uint32_t>;

namespace detail {

// A weighted undirected graph for one Louvain level: symmetric rows without
// self-loops, plus the internal weight of every node (its self-loop).
struct louvain_level {
  std::vector<std::uint32_t> offsets, targets;
  std::vector<double> weights;
  std::vector<double> loop;  // weight of the node's self-loop (internal ties)
  [[nodiscard]] std::size_t size() const noexcept { return loop.size(); }
};

inline partition renumber(const std::vector<std::uint32_t>& labels) {
  partition out(labels.size());
  std::vector<std::uint32_t> map(labels.size() + 1, UINT32_MAX);
  std::uint32_t next = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    auto& m = map[labels[i]];
    if (m == UINT32_MAX) m = next++;
    out[i] = m;
  }
  return out;
}

// Local moving until no node can improve; returns true when a node changed
// community. Queue-based ("pruning", Ozaki, Tezuka & Inaba 2016; the fast
// local move of Traag et al. 2019): every node is visited once in a seeded
// random order, and afterwards only the neighbours of nodes that moved are
// visited again (those whose community differs from the mover's new one). It
// stops at the same kind of local optimum as repeated full sweeps, without
// sweeping the nodes that cannot move.
inline bool louvain_local_moving(const louvain_level& g, std::vector<std::uint32_t>& community, double resolution,
                                 std::mt19937_64& rng) {
  const std::size_t n = g.size();
  std::vector<double> degree(n, 0.0), total(n, 0.0);
  double m2 = 0;
  for (std::size_t u = 0; u < n; ++u) {
    double k = 2 * g.loop[u];
    for (auto e = g.offsets[u]; e < g.offsets[u + 1]; ++e) k += g.weights[e];
    degree[u] = k;
    total[community[u]] += k;
    m2 += k;
  }
  if (m2 == 0) return false;
  // Ring buffer of at most n distinct nodes (queued[] keeps them distinct).
  std::vector<std::uint32_t> queue(n);
  std::iota(queue.begin(), queue.end(), 0u);
  shuffle(queue, rng);
  std::vector<char> queued(n, 1);
  std::size_t head = 0, pending = n;
  std::vector<double> link(n, 0.0);
  std::vector<std::uint32_t> touched;
  bool moved_any = false;
  interrupt_poller poll;
  while (pending > 0) {
    poll();
    const auto u = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --pending;
    queued[u] = 0;
    const auto own = community[u];
    touched.clear();
    for (auto e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
      const auto c = community[g.targets[e]];
      if (link[c] == 0.0) touched.push_back(c);
      link[c] += g.weights[e];
    }
    total[own] -= degree[u];
    // Gain of joining c, up to a common factor: k_{u,c} − γ tot_c k_u / 2m.
    auto gain = [&](std::uint32_t c) { return link[c] - resolution * total[c] * degree[u] / m2; };
    std::uint32_t best = own;
    double best_gain = gain(own);
    for (const auto c : touched) {
      const double x = gain(c);
      if (x > best_gain + 1e-12) {
        best = c;
        best_gain = x;
      }
    }
    total[best] += degree[u];
    for (const auto c : touched) link[c] = 0.0;
    link[own] = 0.0;
    if (best == own) continue;
    community[u] = best;
    moved_any = true;
    for (auto e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
      const auto v = g.targets[e];
      if (queued[v] || community[v] == best) continue;
      queued[v] = 1;
      std::size_t tail = head + pending;
      if (tail >= n) tail -= n;
      queue[tail] = v;
      ++pending;
    }
  }
  return moved_any;
}

inline louvain_level louvain_aggregate(const louvain_level& g, const partition& community, std::size_t k) {
  louvain_level out;
  out.loop.assign(k, 0.0);
  std::vector<std::vector<std::uint32_t>> members(k);
  for (std::uint32_t u = 0; u < g.size(); ++u) {
    members[community[u]].push_back(u);
    out.loop[community[u]] += g.loop[u];
  }
  std::vector<double> link(k, 0.0);
  std::vector<std::uint32_t> touched;
  out.offsets.push_back(0);
  for (std::uint32_t c = 0; c < k; ++c) {
    touched.clear();
    for (const auto u : members[c]) {
      for (auto e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
        const auto d = community[g.targets[e]];
        if (d == c) {
          out.loop[c] += g.weights[e] / 2;  // each internal tie is seen from both ends
          continue;
        }
        if (link[d] == 0.0) touched.push_back(d);
        link[d] += g.weights[e];
      }
    }
    std::sort(touched.begin(), touched.end());
    for (const auto d : touched) {
      out.targets.push_back(d);
      out.weights.push_back(link[d]);
      link[d] = 0.0;
    }
    out.offsets.push_back(static_cast<std::uint32_t>(out.targets.size()));
  }
  return out;
}

}  // namespace detail

/// Louvain community detection (Blondel et al. 2008), seeded.
///
/// Repeats local moving (nodes in a seeded random order join the neighbouring
/// community with the largest modularity gain k_{i,c} − γ·tot_c·k_i / 2m;
/// after the first pass only neighbours of moved nodes are revisited) and
/// aggregation until no node moves. Directed networks are treated as
/// undirected (reciprocal ties add their weights), as igraph's
/// `community_multilevel` and NetworKit's PLM require. With `weighted`, tie
/// weights are used (ties of weight 0 then carry no weight). The same seed
/// gives the same partition on every machine.
/// Reference: networkx `louvain_communities`, igraph `community_multilevel`
/// (the heuristic's results differ between implementations; compare
/// modularity, not labels). Complexity: about O(m) per pass.
inline partition louvain(const network& net, bool weighted = true, double resolution = 1.0, std::uint64_t seed = 1) {
  if (!(resolution > 0) || !std::isfinite(resolution)) {
    throw invalid_input(field_location("resolution"), "resolution must be a positive number");
  }
  const auto view = net.view();
  const std::size_t n = view->n_vertices();
  detail::louvain_level g;
  g.loop.assign(n, 0.0);
  g.offsets.assign(n + 1, 0);
  {
    // Symmetric rows: out and in arcs merged (sorted rows, so a merge join).
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    for (vertex_index u = 0; u < n; ++u) {
      auto add_row = [&](std::span<const vertex_index> row, std::span<const double> w) {
        for (std::size_t k = 0; k < row.size(); ++k) {
          const double x = weighted && !w.empty() ? w[k] : 1.0;
          if (row[k] == u) {
            g.loop[u] += x / 2;  // a self-loop appears twice: in both rows, or twice in the symmetric row
            continue;
          }
          targets.push_back(row[k]);
          weights.push_back(x);
        }
      };
      const auto begin = targets.size();
      add_row(view->out_neighbors(u), view->out_weights(u));
      if (view->directed()) add_row(view->in_neighbors(u), view->in_weights(u));
      // merge duplicates (reciprocal arcs)
      std::vector<std::pair<std::uint32_t, double>> row;
      for (auto k = begin; k < targets.size(); ++k) row.emplace_back(targets[k], weights[k]);
      std::sort(row.begin(), row.end());
      targets.resize(begin);
      weights.resize(begin);
      for (const auto& [t, w] : row) {
        if (targets.size() > begin && targets.back() == t) weights.back() += w;
        else {
          targets.push_back(t);
          weights.push_back(w);
        }
      }
      g.offsets[u + 1] = static_cast<std::uint32_t>(targets.size());
    }
    g.targets = std::move(targets);
    g.weights = std::move(weights);
  }
  std::mt19937_64 rng(seed);
  partition membership(n);
  std::iota(membership.begin(), membership.end(), 0u);
  for (;;) {
    std::vector<std::uint32_t> community(g.size());
    std::iota(community.begin(), community.end(), 0u);
    const bool moved = detail::louvain_local_moving(g, community, resolution, rng);
    const partition level = detail::renumber(community);
    for (auto& c : membership) c = level[c];
    const std::size_t k = level.empty() ? 0 : *std::max_element(level.begin(), level.end()) + 1;
    if (!moved || k == g.size()) break;
    g = detail::louvain_aggregate(g, level, k);
  }
  return detail::renumber(membership);
}

namespace detail {

// Contingency table of two labelings over the positions where both are set,
// stored sparsely: the nonzero cells in row-major order (O(n log n) time,
// O(n + k_a + k_b) memory, whatever the numbers of groups).
struct contingency_cell {
  std::size_t row{}, col{};
  double count{};
};
struct contingency {
  std::vector<contingency_cell> cells;
  std::vector<double> rows, cols;
  double n{};
};

inline contingency make_contingency(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
  if (a.size() != b.size()) throw invalid_input("partitions must have the same length");
  contingency c;
  std::int64_t ka = 0, kb = 0;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] < 0 || b[i] < 0) continue;
    ka = std::max(ka, a[i] + 1);
    kb = std::max(kb, b[i] + 1);
    pairs.emplace_back(static_cast<std::size_t>(a[i]), static_cast<std::size_t>(b[i]));
  }
  c.rows.assign(static_cast<std::size_t>(ka), 0.0);
  c.cols.assign(static_cast<std::size_t>(kb), 0.0);
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i] != pairs[i - 1]) c.cells.push_back({pairs[i].first, pairs[i].second, 0.0});
    c.cells.back().count += 1;
    c.rows[pairs[i].first] += 1;
    c.cols[pairs[i].second] += 1;
    c.n += 1;
  }
  return c;
}

}  // namespace detail

/// Adjusted Rand index of two labelings (Hubert & Arabie 1985): 1 for
/// identical partitions, about 0 for independent ones. Positions where either
/// label is negative (no group) are left out. 1 when both partitions are
/// trivial in the same way; NaN for fewer than two labelled positions.
/// Reference: igraph `compare_communities(method="adjusted_rand")`,
/// scikit-learn `adjusted_rand_score`. Complexity: O(n log n + k_a + k_b).
inline double adjusted_rand_index(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
  const auto c = detail::make_contingency(a, b);
  if (c.n < 2) return std::numeric_limits<double>::quiet_NaN();
  auto pairs = [](double x) { return x * (x - 1) / 2; };
  double index = 0, sum_rows = 0, sum_cols = 0;
  for (const auto& cell : c.cells) index += pairs(cell.count);
  for (double x : c.rows) sum_rows += pairs(x);
  for (double x : c.cols) sum_cols += pairs(x);
  const double expected = sum_rows * sum_cols / pairs(c.n);
  const double max_index = (sum_rows + sum_cols) / 2;
  if (max_index == expected) return 1.0;
  return (index - expected) / (max_index - expected);
}

/// Normalised mutual information of two labelings, 2·I(A;B) / (H(A) + H(B))
/// (Danon et al. 2005; the arithmetic normalisation of igraph
/// `compare_communities(method="nmi")` and scikit-learn's default). 1 when
/// both have a single group. Negative labels are left out; NaN without
/// labelled positions. Complexity: O(n log n + k_a + k_b).
inline double normalized_mutual_information(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
  const auto c = detail::make_contingency(a, b);
  if (c.n == 0) return std::numeric_limits<double>::quiet_NaN();
  auto entropy = [&](const std::vector<double>& margin) {
    double h = 0;
    for (double x : margin) {
      if (x > 0) h -= (x / c.n) * std::log(x / c.n);
    }
    return h;
  };
  const double ha = entropy(c.rows), hb = entropy(c.cols);
  if (ha + hb == 0) return 1.0;
  double mi = 0;
  for (const auto& [i, j, x] : c.cells) mi += (x / c.n) * std::log(x * c.n / (c.rows[i] * c.cols[j]));
  return 2 * mi / (ha + hb);
}

}  // namespace healthnet
