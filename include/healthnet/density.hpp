// SPDX-License-Identifier: MIT
/// @file density.hpp
/// @brief Network density, binary and valued.
#pragma once

#include <healthnet/network.hpp>

namespace healthnet {

/// Density: the share of possible ties that exist.
///
/// Binary: m / (n(n-1)) when directed, 2m / (n(n-1)) when undirected.
/// Valued (`weighted`): the sum of tie weights over the same number of
/// possible pairs, as UCINET's valued density and R sna
/// `gden(..., ignore.eval = FALSE)` compute it.
/// A network with fewer than two actors has density 0 (networkx `density`).
/// Self-loops, where allowed, count as ties but not as possible pairs.
///
/// Reference: networkx `density`, R sna `gden`, igraph `density(loops=False)`.
/// Complexity: O(1) binary; O(m) valued.
inline double density(const network& net, bool weighted = false) {
  const double n = static_cast<double>(net.n_actors());
  if (n < 2) return 0.0;
  double ties = static_cast<double>(net.n_ties());
  if (weighted) {
    ties = 0.0;
    for (const auto& t : net.ties()) ties += t.weight;
  }
  const double pairs = net.directed() ? n * (n - 1) : n * (n - 1) / 2;
  return ties / pairs;
}

}  // namespace healthnet
