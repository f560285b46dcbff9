// SPDX-License-Identifier: MIT
/// @file multiplexity.hpp
/// @brief Multiplex ties: how many relation types join the same pair.
#pragma once

#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <healthnet/network.hpp>

namespace healthnet {

/// Multiplexity: the share of tied actor pairs joined by two or more
/// relation types (a tie's relations set). NaN without ties.
/// Reference: Verbrugge (1979); UCINET multiplexity as the share of
/// multiplex ties. Complexity: O(m).
inline double multiplexity(const network& net) {
  if (net.n_ties() == 0) return std::numeric_limits<double>::quiet_NaN();
  std::size_t multiplex = 0;
  for (const auto& t : net.ties()) {
    if (t.relations.size() >= 2) ++multiplex;
  }
  return static_cast<double>(multiplex) / static_cast<double>(net.n_ties());
}

/// Density of every relation layer: the ties carrying the relation over the
/// possible pairs (n(n − 1), halved when undirected), in relation name order.
/// Ties without a relation are counted under the empty name "". Equal to
/// density(net.relation_layer(r)). Complexity: O(m·r).
inline std::vector<std::pair<std::string, double>> relation_density(const network& net) {
  std::map<std::string, double, std::less<>> counts;
  for (const auto& t : net.ties()) {
    if (t.relations.empty()) counts[""] += 1;
    for (const auto& r : t.relations) counts[r] += 1;
  }
  const double n = static_cast<double>(net.n_actors());
  double pairs = n * (n - 1);
  if (!net.directed()) pairs /= 2;
  std::vector<std::pair<std::string, double>> out;
  for (const auto& [r, c] : counts) out.emplace_back(r, pairs > 0 ? c / pairs : 0.0);
  return out;
}

}  // namespace healthnet
