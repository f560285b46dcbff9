// SPDX-License-Identifier: MIT
/// @file degree.hpp
/// @brief Degree, in-/out-degree, weighted strength and isolates.
#pragma once

#include <string>
#include <vector>

#include <healthnet/network.hpp>

namespace healthnet {

/// Degree of every actor, in index order.
///
/// Undirected: the number of ties of the actor (mode is ignored). Directed:
/// out-degree, in-degree, or their sum for `degree_mode::all` (networkx
/// `DiGraph.degree`, igraph `degree(mode="all")`). A self-loop counts 2 in an
/// undirected network, as in networkx.
/// Complexity: O(n).
inline std::vector<double> degree(const network& net, degree_mode mode = degree_mode::all) {
  const auto g = net.view();
  std::vector<double> out(g->n_vertices());
  for (vertex_index v = 0; v < out.size(); ++v) {
    if (!g->directed()) {
      out[v] = static_cast<double>(g->out_degree(v));
    } else {
      const double o = static_cast<double>(g->out_degree(v));
      const double i = static_cast<double>(g->in_degree(v));
      out[v] = mode == degree_mode::out ? o : mode == degree_mode::in ? i : o + i;
    }
  }
  return out;
}

/// Strength (weighted degree): the sum of the weights of the actor's ties,
/// split by mode like degree() (networkx `degree(weight="weight")`, igraph
/// `strength`). Complexity: O(m).
inline std::vector<double> strength(const network& net, degree_mode mode = degree_mode::all) {
  const auto g = net.view();
  if (!g->weighted()) return degree(net, mode);
  std::vector<double> out(g->n_vertices(), 0.0);
  for (vertex_index v = 0; v < out.size(); ++v) {
    double s = 0.0;
    if (!g->directed() || mode != degree_mode::in) {
      for (double w : g->out_weights(v)) s += w;
    }
    if (g->directed() && mode != degree_mode::out) {
      for (double w : g->in_weights(v)) s += w;
    }
    out[v] = s;
  }
  return out;
}

/// Ids of the actors with no tie at all, in index order.
/// Reference: networkx `isolates`. Complexity: O(n).
inline std::vector<std::string> isolates(const network& net) {
  const auto g = net.view();
  std::vector<std::string> out;
  for (vertex_index v = 0; v < g->n_vertices(); ++v) {
    if (g->out_degree(v) == 0 && g->in_degree(v) == 0) out.push_back(net.actor_at(v).id);
  }
  return out;
}

}  // namespace healthnet
