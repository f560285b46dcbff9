// SPDX-License-Identifier: MIT
/// @file structural_holes.hpp
/// @brief Burt's structural holes: constraint, effective size, efficiency.
///
/// Definitions follow networkx (`constraint`, `effective_size`) and Burt
/// (1992, 1995). For an actor i, its contacts N(i) are the actors tied to it
/// in either direction (self-loops ignored). The mutual weight of i and j is
/// a_ij + a_ji (the weights of the arcs both ways, 0 for a missing arc; every
/// weight is 1 when `weighted` is false; an undirected tie counts both ways).
/// Then
///
///     p_ij = (a_ij + a_ji) / sum_{k in N(i)} (a_ik + a_ki)   (proportional tie strength)
///     m_ij = (a_ij + a_ji) / max_{k in N(i)} (a_ik + a_ki)   (marginal tie strength)
///
/// Edge cases, the same for the three measures:
/// - an actor without contacts (an isolate) gets NaN, as in networkx;
/// - weighted, an actor all of whose ties have weight 0 gets NaN (its p is
///   0/0; networkx's sparse-matrix path gives NaN too, its per-node path 0);
/// - a tie of weight 0 is still a tie: its other end stays a contact, with
///   p_ij = 0, and counts in the sums over N(i) and in the number of contacts;
/// - a p or m whose denominator is 0 (a contact all of whose own ties have
///   weight 0) is 0, as networkx's `normalized_mutual_weight`;
/// - in a directed network an actor with only incoming ties is handled like
///   any other (networkx's per-node code, used when scipy is missing, returns
///   NaN for it, contradicting its own definition).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include <healthnet/cohesion.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// Constraint, effective size and efficiency of every actor, in index order
/// (each vector has one entry per actor).
struct structural_holes_result {
  std::vector<double> constraint;      ///< Burt's constraint, see constraint()
  std::vector<double> effective_size;  ///< Burt's effective size, see effective_size()
  std::vector<double> efficiency;      ///< effective size / number of contacts, see efficiency()
};

namespace detail {

/// Every actor's contacts (sorted, distinct, no self) with their mutual
/// weights, plus the row sums and row maxima of the mutual weights.
struct mutual_rows {
  std::vector<std::uint32_t> offsets;
  std::vector<vertex_index> targets;
  std::vector<double> weight;  // a_ij + a_ji
  std::vector<double> sum;     // per vertex: sum of weight over the row
  std::vector<double> max;     // per vertex: max of weight over the row

  [[nodiscard]] std::span<const vertex_index> row(vertex_index v) const noexcept {
    return {targets.data() + offsets[v], offsets[v + 1] - offsets[v]};
  }
  [[nodiscard]] std::span<const double> weights(vertex_index v) const noexcept {
    return {weight.data() + offsets[v], offsets[v + 1] - offsets[v]};
  }
};

inline mutual_rows make_mutual_rows(const analysis_view& g, bool weighted) {
  const auto n = static_cast<vertex_index>(g.n_vertices());
  mutual_rows r;
  r.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  for (vertex_index v = 0; v < n; ++v) {
    std::uint32_t d = 0;
    for_each_contact(g, v, [&](vertex_index, std::uint8_t, double, double) { ++d; });
    r.offsets[v + 1] = r.offsets[v] + d;
  }
  r.targets.resize(r.offsets[n]);
  r.weight.resize(r.offsets[n]);
  r.sum.assign(n, 0.0);
  r.max.assign(n, 0.0);
  for (vertex_index v = 0; v < n; ++v) {
    auto slot = r.offsets[v];
    double s = 0.0;
    double mx = 0.0;
    for_each_contact(g, v, [&](vertex_index u, std::uint8_t dir, double wo, double wi) {
      // Undirected ties count both ways (networkx: G[u][v] and G[v][u]).
      const double w = weighted ? wo + wi : static_cast<double>((dir & 1U) + ((dir >> 1) & 1U));
      r.targets[slot] = u;
      r.weight[slot] = w;
      ++slot;
      s += w;
      mx = std::max(mx, w);
    });
    r.sum[v] = s;
    r.max[v] = mx;
  }
  return r;
}

}  // namespace detail

/// Constraint, effective size and efficiency in one pass (the three share
/// their work; see constraint(), effective_size(), efficiency()).
///
/// For each ego i and each contact q of i, the contacts j shared by i and q
/// are found by intersecting the sorted contact rows of i and q (merge, or
/// binary search when one row is much shorter).
/// Complexity: O(sum over ties (i,q) of min(d_i + d_q, d_min log d_max)),
/// at most O(sum_i d_i^2); O(n + m) memory.
inline structural_holes_result structural_holes(const network& net, bool weighted = false) {
  const auto g = net.view();
  const auto n = static_cast<vertex_index>(g->n_vertices());
  const auto mr = detail::make_mutual_rows(*g, weighted && g->weighted());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  structural_holes_result res;
  res.constraint.assign(n, nan);
  res.effective_size.assign(n, nan);
  res.efficiency.assign(n, nan);
  std::vector<double> indirect;  // per contact j of the ego: sum_q p_iq p_qj
  for (vertex_index i = 0; i < n; ++i) {
    const auto ni = mr.row(i);
    const auto wi = mr.weights(i);
    if (ni.empty() || mr.sum[i] == 0.0) continue;
    const double si = mr.sum[i];
    indirect.assign(ni.size(), 0.0);
    double redundancy = 0.0;  // sum_j sum_q p_iq m_jq
    for (std::size_t a = 0; a < ni.size(); ++a) {
      const double p_iq = wi[a] / si;
      if (p_iq == 0.0) continue;
      const vertex_index q = ni[a];
      const auto nq = mr.row(q);
      const auto wq = mr.weights(q);
      const double sq = mr.sum[q];
      detail::intersect_sorted(ni, nq, [&](std::size_t b, std::size_t c) {
        const vertex_index j = ni[b];
        if (sq > 0.0) indirect[b] += p_iq * wq[c] / sq;
        if (mr.max[j] > 0.0) redundancy += p_iq * wq[c] / mr.max[j];
      });
    }
    double c = 0.0;
    for (std::size_t b = 0; b < ni.size(); ++b) {
      const double l = wi[b] / si + indirect[b];
      c += l * l;
    }
    const double d = static_cast<double>(ni.size());
    res.constraint[i] = c;
    res.effective_size[i] = d - redundancy;
    res.efficiency[i] = (d - redundancy) / d;
  }
  return res;
}

/// Burt's constraint of every actor, in index order:
///
///     c(i) = sum_{j in N(i)} ( p_ij + sum_{q in N(i), q != j} p_iq p_qj )^2
///
/// High when i's contacts are few or tied to each other (i is hemmed in);
/// low when i bridges otherwise separate contacts (structural holes).
/// With `weighted`, tie weights enter the mutual weights (as networkx with
/// `weight="weight"`); otherwise every tie has weight 1.
/// Reference: `networkx.constraint`; Burt (2004), "Structural holes and good
/// ideas". Edge cases: see the file comment (isolates NaN, zero weights).
/// Complexity: as structural_holes().
inline std::vector<double> constraint(const network& net, bool weighted = false) {
  return structural_holes(net, weighted).constraint;
}

/// Burt's effective size of every actor's ego network, in index order:
///
///     e(i) = sum_{j in N(i)} ( 1 - sum_{q in N(i), q != j} p_iq m_jq )
///
/// the number of contacts less their redundancy. For an undirected,
/// unweighted network this equals Borgatti's n - 2t/n (n contacts, t ties
/// among them).
/// Reference: `networkx.effective_size` (with `weight="weight"` when
/// `weighted`); Burt (1995); Borgatti (1997). Edge cases: see the file comment.
/// Complexity: as structural_holes().
inline std::vector<double> effective_size(const network& net, bool weighted = false) {
  return structural_holes(net, weighted).effective_size;
}

/// Burt's efficiency of every actor's ego network, in index order: effective
/// size divided by the number of contacts |N(i)| (distinct actors tied to i
/// in either direction), so it lies in [0, 1].
///
/// For undirected networks this is networkx's `effective_size(G)[v] /
/// G.degree(v)`. For directed networks networkx's documented recipe divides
/// by `G.degree(v)` = in + out degree, which counts a reciprocated tie twice;
/// healthnet divides by the number of contacts, as Burt and UCINET do.
/// Edge cases: see the file comment (isolates NaN).
/// Complexity: as structural_holes().
inline std::vector<double> efficiency(const network& net, bool weighted = false) {
  return structural_holes(net, weighted).efficiency;
}

}  // namespace healthnet
