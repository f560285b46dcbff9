// SPDX-License-Identifier: MIT
/// @file analysis_view.hpp
/// @brief The immutable compressed (CSR) adjacency every metric runs on.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <healthnet/error.hpp>

namespace healthnet {

/// Contiguous actor index, 0..n-1, in the network's actor order.
using vertex_index = std::uint32_t;

/// Compressed sparse row adjacency with 32-bit indices.
///
/// Directed networks keep an out-CSR and an in-CSR; undirected networks keep
/// one symmetric CSR (both arcs of every tie) that serves as both. Rows are
/// sorted by neighbour index. Weights are stored only when some weight differs
/// from 1, so an unweighted network costs 8 bytes per tie.
///
/// Built by network::view(), once, and cached until the network changes.
class analysis_view {
 public:
  analysis_view() = default;

  /// Builds a view from tie end points, one entry per tie.
  /// @param n_vertices number of actors
  /// @param source, target tie end points (indices < n_vertices)
  /// @param weight one weight per tie, or empty for all 1
  /// @param directed whether ties are arcs
  /// @throws invalid_input when an index is out of range or there are more
  ///         than 2^32-1 arcs.
  /// Complexity: O(n + m), three counting-sort passes.
  static analysis_view from_ties(std::size_t n_vertices, std::span<const vertex_index> source,
                                 std::span<const vertex_index> target, std::span<const double> weight,
                                 bool directed) {
    if (source.size() != target.size()) throw invalid_input("source, target and weight must have the same length");
    return build(
        n_vertices, source.size(), [&](std::size_t i) { return source[i]; }, [&](std::size_t i) { return target[i]; },
        weight, directed);
  }

  /// Builds a view from (source, target) pairs, one per tie; otherwise as from_ties.
  static analysis_view from_tie_ends(std::size_t n_vertices,
                                     std::span<const std::pair<vertex_index, vertex_index>> ends,
                                     std::span<const double> weight, bool directed) {
    return build(
        n_vertices, ends.size(), [&](std::size_t i) { return ends[i].first; },
        [&](std::size_t i) { return ends[i].second; }, weight, directed);
  }

 private:
  template <class Source, class Target>
  static analysis_view build(std::size_t n_vertices, std::size_t m, Source source, Target target,
                             std::span<const double> weight, bool directed) {
    if (!weight.empty() && weight.size() != m) {
      throw invalid_input("source, target and weight must have the same length");
    }
    if (n_vertices > std::numeric_limits<vertex_index>::max()) throw invalid_input("too many actors");
    const std::size_t arcs = directed ? m : 2 * m;
    if (arcs > std::numeric_limits<std::uint32_t>::max()) throw invalid_input("too many ties");
    for (std::size_t i = 0; i < m; ++i) {
      if (source(i) >= n_vertices || target(i) >= n_vertices) {
        throw invalid_input("tie " + std::to_string(i) + ": actor index out of range");
      }
    }
    const bool weighted =
        std::any_of(weight.begin(), weight.end(), [](double w) { return w != 1.0; });

    analysis_view v;
    v.m_n = static_cast<vertex_index>(n_vertices);
    v.m_ties = m;
    v.m_directed = directed;
    v.m_weighted = weighted;

    // Pass 1: bucket every arc by its head (unsorted rows).
    csr by_head;
    by_head.offsets.assign(n_vertices + 1, 0);
    for (std::size_t i = 0; i < m; ++i) {
      ++by_head.offsets[target(i) + 1];
      if (!directed) ++by_head.offsets[source(i) + 1];
    }
    for (std::size_t i = 0; i < n_vertices; ++i) by_head.offsets[i + 1] += by_head.offsets[i];
    by_head.targets.resize(arcs);
    if (weighted) by_head.weights.resize(arcs);
    {
      std::vector<std::uint32_t> next(by_head.offsets.begin(), by_head.offsets.end() - 1);
      auto put = [&](vertex_index head, vertex_index tail, double w) {
        const auto slot = next[head]++;
        by_head.targets[slot] = tail;
        if (weighted) by_head.weights[slot] = w;
      };
      for (std::size_t i = 0; i < m; ++i) {
        const double w = weighted ? weight[i] : 1.0;
        put(target(i), source(i), w);
        if (!directed) put(source(i), target(i), w);
      }
    }
    // Pass 2: transpose -> out rows sorted by head. Undirected: symmetric, done.
    v.m_out = transpose(by_head, n_vertices, weighted);
    // Pass 3 (directed): transpose back -> in rows sorted by tail.
    if (directed) v.m_in = transpose(v.m_out, n_vertices, weighted);
    return v;
  }

 public:

  /// Number of vertices (actors).
  [[nodiscard]] std::size_t n_vertices() const noexcept { return m_n; }
  /// Number of ties (each undirected tie once).
  [[nodiscard]] std::size_t n_ties() const noexcept { return m_ties; }
  /// Number of stored out-arcs: ties when directed, twice the ties when undirected.
  [[nodiscard]] std::size_t n_arcs() const noexcept { return m_out.targets.size(); }
  /// Whether ties are arcs.
  [[nodiscard]] bool directed() const noexcept { return m_directed; }
  /// True when some tie weight differs from 1.
  [[nodiscard]] bool weighted() const noexcept { return m_weighted; }

  /// Vertices `v` sends ties to, sorted; all neighbours when undirected.
  [[nodiscard]] std::span<const vertex_index> out_neighbors(vertex_index v) const noexcept {
    return row(out(), v);
  }
  /// Vertices that send ties to `v`, sorted; all neighbours when undirected.
  [[nodiscard]] std::span<const vertex_index> in_neighbors(vertex_index v) const noexcept {
    return row(in(), v);
  }
  /// Weights parallel to out_neighbors(v); empty when the view is unweighted.
  [[nodiscard]] std::span<const double> out_weights(vertex_index v) const noexcept {
    return weight_row(out(), v);
  }
  /// Weights parallel to in_neighbors(v); empty when the view is unweighted.
  [[nodiscard]] std::span<const double> in_weights(vertex_index v) const noexcept {
    return weight_row(in(), v);
  }
  /// Number of out-neighbours of `v`. O(1).
  [[nodiscard]] std::size_t out_degree(vertex_index v) const noexcept {
    return out().offsets[v + 1] - out().offsets[v];
  }
  /// Number of in-neighbours of `v`. O(1).
  [[nodiscard]] std::size_t in_degree(vertex_index v) const noexcept {
    return in().offsets[v + 1] - in().offsets[v];
  }
  /// Whether the arc u->v exists (either direction when undirected). O(log deg).
  [[nodiscard]] bool has_arc(vertex_index u, vertex_index v) const noexcept {
    const auto r = out_neighbors(u);
    return std::binary_search(r.begin(), r.end(), v);
  }

  /// Raw arrays, for kernels and for zero-copy export.
  /// Out-CSR row offsets, n_vertices() + 1 entries.
  [[nodiscard]] std::span<const std::uint32_t> out_offsets() const noexcept { return out().offsets; }
  /// Out-CSR neighbour indices, n_arcs() entries.
  [[nodiscard]] std::span<const vertex_index> out_targets() const noexcept { return out().targets; }
  /// Out-CSR weights, parallel to out_targets(); empty when unweighted.
  [[nodiscard]] std::span<const double> out_weight_array() const noexcept { return out().weights; }
  /// In-CSR row offsets; the out-CSR's when undirected.
  [[nodiscard]] std::span<const std::uint32_t> in_offsets() const noexcept { return in().offsets; }
  /// In-CSR neighbour indices; the out-CSR's when undirected.
  [[nodiscard]] std::span<const vertex_index> in_targets() const noexcept { return in().targets; }
  /// In-CSR weights, parallel to in_targets(); empty when unweighted.
  [[nodiscard]] std::span<const double> in_weight_array() const noexcept { return in().weights; }

  /// Bytes held by the arrays (capacity), for memory budgets.
  [[nodiscard]] std::size_t memory_bytes() const noexcept { return m_out.bytes() + m_in.bytes(); }

 private:
  struct csr {
    std::vector<std::uint32_t> offsets;  // n + 1 entries
    std::vector<vertex_index> targets;
    std::vector<double> weights;  // empty when unweighted
    [[nodiscard]] std::size_t bytes() const noexcept {
      return offsets.capacity() * 4 + targets.capacity() * 4 + weights.capacity() * 8;
    }
  };

  static csr transpose(const csr& g, std::size_t n, bool weighted) {
    csr t;
    t.offsets.assign(n + 1, 0);
    for (auto x : g.targets) ++t.offsets[x + 1];
    for (std::size_t i = 0; i < n; ++i) t.offsets[i + 1] += t.offsets[i];
    t.targets.resize(g.targets.size());
    if (weighted) t.weights.resize(g.targets.size());
    std::vector<std::uint32_t> next(t.offsets.begin(), t.offsets.end() - 1);
    for (vertex_index u = 0; u < n; ++u) {
      for (auto k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
        const auto slot = next[g.targets[k]]++;
        t.targets[slot] = u;
        if (weighted) t.weights[slot] = g.weights[k];
      }
    }
    return t;
  }
  [[nodiscard]] const csr& out() const noexcept { return m_out; }
  [[nodiscard]] const csr& in() const noexcept { return m_directed ? m_in : m_out; }
  static std::span<const vertex_index> row(const csr& g, vertex_index v) noexcept {
    return {g.targets.data() + g.offsets[v], g.offsets[v + 1] - g.offsets[v]};
  }
  static std::span<const double> weight_row(const csr& g, vertex_index v) noexcept {
    if (g.weights.empty()) return {};
    return {g.weights.data() + g.offsets[v], g.offsets[v + 1] - g.offsets[v]};
  }

  vertex_index m_n{0};
  std::size_t m_ties{0};
  bool m_directed{false};
  bool m_weighted{false};
  csr m_out;
  csr m_in;  // directed only
};

}  // namespace healthnet
