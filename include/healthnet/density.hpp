// SPDX-License-Identifier: MIT
/// @file density.hpp
/// @brief Network density, binary and valued, with a missing-data policy.
#pragma once

#include <limits>

#include <healthnet/network.hpp>
#include <healthnet/response.hpp>

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
/// `missing` (healthnet/response.hpp; only actors marked respondent = false
/// are non-respondents, k of them):
/// - `absent` (default): every dyad is observed, as above.
/// - `exclude`: observed dyads only, as R sna `gden` with NA edges. Directed:
///   the n_nr = k senders' rows are unobserved, so density =
///   (ties sent by others) / ((n - k)(n - 1)); the ties a non-respondent is
///   recorded as sending drop out as well. Undirected: only dyads between two
///   non-respondents are unobserved (either end could report the others):
///   (ties not between two non-respondents) / (n(n-1)/2 - k(k-1)/2).
///   NaN when no dyad is observed (0/0, as sna).
/// - `reconstruct`: the density of reconstruct_missing(net) (Stork &
///   Richards 1992); undirected networks are unchanged.
/// - `impute`: the density of impute_missing(net, seed) (Huisman 2009):
///   the non-respondents' absent arcs drawn at the observed density.
/// Without any non-respondent every policy gives the same value.
///
/// Reference: networkx `density`, R sna `gden`, igraph `density(loops=False)`.
/// Complexity: O(1) binary with `absent`; O(m) otherwise.
inline double density(const network& net, bool weighted = false, missing_policy missing = missing_policy::absent,
                      std::uint64_t seed = 1) {
  const double n = static_cast<double>(net.n_actors());
  if (n < 2) return 0.0;
  if (missing == missing_policy::reconstruct && net.directed()) {
    return density(reconstruct_missing(net), weighted, missing_policy::absent);
  }
  if (missing == missing_policy::impute && net.directed()) {
    return density(impute_missing(net, seed), weighted, missing_policy::absent);
  }
  if (missing == missing_policy::exclude) {
    const auto actors = net.actors();
    double k = 0;
    for (const auto& a : actors) k += is_nonrespondent(a) ? 1 : 0;
    const auto ends = net.tie_ends();
    const auto weights = net.tie_weights();
    double ties = 0;
    for (std::size_t i = 0; i < ends.size(); ++i) {
      const bool u_nr = is_nonrespondent(actors[ends[i].first]);
      const bool v_nr = is_nonrespondent(actors[ends[i].second]);
      const bool unobserved = net.directed() ? u_nr : (u_nr && v_nr);
      if (!unobserved) ties += weighted ? weights[i] : 1.0;
    }
    const double pairs = net.directed() ? (n - k) * (n - 1) : n * (n - 1) / 2 - k * (k - 1) / 2;
    return pairs == 0 ? std::numeric_limits<double>::quiet_NaN() : ties / pairs;
  }
  double ties = static_cast<double>(net.n_ties());
  if (weighted) {
    ties = 0.0;
    for (const auto& t : net.ties()) ties += t.weight;
  }
  const double pairs = net.directed() ? n * (n - 1) : n * (n - 1) / 2;
  return ties / pairs;
}

}  // namespace healthnet
