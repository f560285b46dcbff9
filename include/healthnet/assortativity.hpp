// SPDX-License-Identifier: MIT
/// @file assortativity.hpp
/// @brief Nominal assortativity and modularity of a grouping.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <healthnet/groups.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// Nominal (categorical) assortativity coefficient, Newman (2003):
///
///   r = (Σ_g e_gg − Σ_g a_g b_g) / (1 − Σ_g a_g b_g)
///
/// where e_gh is the share of arcs running from group g to group h, a_g the
/// share leaving g and b_g the share entering g. Directed networks use each
/// tie once as an arc; undirected networks use both directions of every tie.
/// Matches igraph `assortativity_nominal(types, directed=True)` (and
/// networkx `attribute_assortativity_coefficient`). Ties are counted, weights
/// ignored. NaN when there are no ties or when Σ a_g b_g = 1 (a single group).
/// Actors without a group and their ties are left out. Complexity: O(m + g²).
inline double assortativity(const network& net, const grouping& groups) {
  const std::size_t k = groups.size();
  // Integer counts per group: arcs leaving, arcs entering, arcs inside.
  std::vector<std::uint64_t> leaving(k, 0), entering(k, 0), inside(k, 0);
  std::uint64_t arcs = 0;
  const std::int32_t* group_of = groups.group_of.data();
  for (const auto& [u, v] : net.tie_ends()) {
    const auto gu = group_of[u], gv = group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group) continue;
    ++leaving[static_cast<std::size_t>(gu)];
    ++entering[static_cast<std::size_t>(gv)];
    inside[static_cast<std::size_t>(gu)] += gu == gv;
    ++arcs;
  }
  if (!net.directed()) {  // each tie also runs v -> u
    for (std::size_t g = 0; g < k; ++g) {
      leaving[g] = entering[g] = leaving[g] + entering[g];
      inside[g] *= 2;
    }
    arcs *= 2;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (arcs == 0) return nan;
  const auto total = static_cast<double>(arcs);
  double trace = 0, ab = 0;
  for (std::size_t g = 0; g < k; ++g) {
    trace += static_cast<double>(inside[g]) / total;
    ab += (static_cast<double>(leaving[g]) / total) * (static_cast<double>(entering[g]) / total);
  }
  return ab < 1 ? (trace - ab) / (1 - ab) : nan;
}

/// Modularity of the partition into groups, as networkx `modularity`
/// (resolution γ, weights when `weighted`):
///
///   undirected: Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]
///   directed:   Q = Σ_c [ L_c / m − γ d⁺_c d⁻_c / m² ]
///
/// with m the total tie weight, L_c the weight of ties inside c, d_c the
/// summed (out-/in-) strength of c. Actors without a group and their ties
/// are left out (the groups must partition the rest). NaN without ties.
/// Complexity: O(m + g).
inline double modularity(const network& net, const grouping& groups, bool weighted = true, double resolution = 1.0) {
  const std::size_t k = groups.size();
  std::vector<double> inside(k, 0), out_strength(k, 0), in_strength(k, 0);
  double m = 0;
  const auto ties = net.ties();
  const auto ends = net.tie_ends();
  for (std::size_t t = 0; t < ends.size(); ++t) {
    const auto [u, v] = ends[t];
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group) continue;
    const double w = weighted ? ties[t].weight : 1.0;
    m += w;
    if (gu == gv) inside[static_cast<std::size_t>(gu)] += w;
    out_strength[static_cast<std::size_t>(gu)] += w;
    in_strength[static_cast<std::size_t>(gv)] += w;
  }
  if (m == 0) return std::numeric_limits<double>::quiet_NaN();
  double q = 0;
  for (std::size_t c = 0; c < k; ++c) {
    if (net.directed()) {
      q += inside[c] / m - resolution * out_strength[c] * in_strength[c] / (m * m);
    } else {
      const double d = out_strength[c] + in_strength[c];
      q += inside[c] / m - resolution * (d / (2 * m)) * (d / (2 * m));
    }
  }
  return q;
}

}  // namespace healthnet
