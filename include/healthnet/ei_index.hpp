// SPDX-License-Identifier: MIT
/// @file ei_index.hpp
/// @brief Krackhardt–Stern E-I index: ties across groups versus within.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <healthnet/error.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/interrupt.hpp>
#include <healthnet/network.hpp>
#include <healthnet/detail/random.hpp>

namespace healthnet {

/// The whole-network E-I index and its companions.
struct ei_result {
  std::size_t internal{};  ///< I: ties within a group
  std::size_t external{};  ///< E: ties between groups
  double ei{};             ///< (E − I) / (E + I); NaN without ties
  double min_possible{};   ///< lowest E-I possible with these group sizes and E + I ties
  double max_possible{};   ///< highest E-I possible likewise
  double rescaled{};       ///< 2 (ei − min) / (max − min) − 1; NaN when max = min
  double homophily{};      ///< I / (E + I)
  double cross_share{};    ///< E / (E + I): the share of ties that cross groups
  std::size_t permutations{};  ///< permutations run (0: no test)
  double permutation_mean{};   ///< mean E-I over the permutations
  double p_greater_equal{};    ///< share of permutations with E-I >= observed
  double p_less_equal{};       ///< share of permutations with E-I <= observed
};

/// Largest number of permutations a permutation test accepts (10^7: about
/// a minute on a network of 1,000 ties).
inline constexpr std::size_t max_permutations = 10'000'000;

namespace detail {

/// @throws invalid_input naming `permutations` above max_permutations.
inline void check_permutations(std::size_t permutations) {
  if (permutations > max_permutations) {
    throw invalid_input(field_location("permutations"), "at most " + std::to_string(max_permutations) + " allowed, got " +
                                                            std::to_string(permutations));
  }
}

// E and I over the ties whose ends both have a group.
inline std::pair<std::size_t, std::size_t> count_external_internal(const network& net,
                                                                    const std::vector<std::int32_t>& group_of) {
  std::size_t e = 0, i = 0;
  for (const auto& [u, v] : net.tie_ends()) {
    const auto gu = group_of[u], gv = group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group || u == v) continue;
    (gu == gv ? i : e) += 1;
  }
  return {e, i};
}

inline double ei_ratio(double e, double i) {
  return e + i > 0 ? (e - i) / (e + i) : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace detail

/// E-I index of the whole network: (E − I) / (E + I), where E counts ties
/// between actors of different groups and I ties within a group; every tie
/// counts once, directed or not (Krackhardt & Stern 1988; UCINET
/// Network > Cohesion > E-I Index). Actors without a group and their ties
/// are left out (see grouping). Self-loops are ignored.
///
/// `min_possible`/`max_possible`: with m = E + I ties and the group sizes
/// fixed, E can be at most min(m, E_max) and I at most min(m, I_max), where
/// I_max = Σ n_g(n_g − 1) possible ordered within-group pairs (halved when
/// undirected) and E_max the possible between-group pairs; `rescaled` maps
/// that range linearly onto [−1, 1], as UCINET's re-scaled E-I does.
///
/// Permutation test (`permutations` > 0): group labels are shuffled among
/// the grouped actors (group sizes kept), as UCINET does, with a seeded
/// generator; the p-values are the shares of permutations at least as
/// extreme in each direction.
///
/// The test polls the interruption check (interrupt.hpp) between
/// permutations.
/// @throws invalid_input for more than max_permutations permutations.
/// Complexity: O(m) plus O(n + m) per permutation.
inline ei_result ei_index(const network& net, const grouping& groups, std::size_t permutations = 0,
                          std::uint64_t seed = 1) {
  detail::check_permutations(permutations);
  ei_result r;
  const auto [e, i] = detail::count_external_internal(net, groups.group_of);
  r.external = e;
  r.internal = i;
  const double m = static_cast<double>(e + i);
  r.ei = detail::ei_ratio(static_cast<double>(e), static_cast<double>(i));
  r.homophily = m > 0 ? static_cast<double>(i) / m : std::numeric_limits<double>::quiet_NaN();
  r.cross_share = m > 0 ? static_cast<double>(e) / m : std::numeric_limits<double>::quiet_NaN();

  double within_pairs = 0, all_pairs = 0;
  const double n = static_cast<double>(groups.n_grouped());
  for (const auto s : groups.sizes()) within_pairs += static_cast<double>(s) * (static_cast<double>(s) - 1);
  all_pairs = n * (n - 1);
  if (!net.directed()) {
    within_pairs /= 2;
    all_pairs /= 2;
  }
  const double between_pairs = all_pairs - within_pairs;
  if (m > 0) {
    const double e_hi = std::min(m, between_pairs), i_hi = std::min(m, within_pairs);
    r.max_possible = (e_hi - (m - e_hi)) / m;
    r.min_possible = ((m - i_hi) - i_hi) / m;
    r.rescaled = r.max_possible > r.min_possible
                     ? 2 * (r.ei - r.min_possible) / (r.max_possible - r.min_possible) - 1
                     : std::numeric_limits<double>::quiet_NaN();
  } else {
    r.max_possible = r.min_possible = r.rescaled = std::numeric_limits<double>::quiet_NaN();
  }

  r.permutations = permutations;
  r.permutation_mean = r.p_greater_equal = r.p_less_equal = std::numeric_limits<double>::quiet_NaN();
  if (permutations > 0 && m > 0) {
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> members;
    std::vector<std::int32_t> labels;
    for (std::size_t v = 0; v < groups.group_of.size(); ++v) {
      if (groups.group_of[v] != grouping::no_group) {
        members.push_back(v);
        labels.push_back(groups.group_of[v]);
      }
    }
    std::vector<std::int32_t> shuffled = groups.group_of;
    double sum = 0;
    std::size_t ge = 0, le = 0;
    constexpr double eps = 1e-12;  // observed and permuted E-I are ratios of integers
    for (std::size_t p = 0; p < permutations; ++p) {
      detail::report_progress(p, permutations);
      detail::check_interrupt();
      detail::shuffle(labels, rng);
      for (std::size_t k = 0; k < members.size(); ++k) shuffled[members[k]] = labels[k];
      const auto [pe, pi] = detail::count_external_internal(net, shuffled);
      const double x = detail::ei_ratio(static_cast<double>(pe), static_cast<double>(pi));
      sum += x;
      if (x >= r.ei - eps) ++ge;
      if (x <= r.ei + eps) ++le;
    }
    const double k = static_cast<double>(permutations);
    r.permutation_mean = sum / k;
    r.p_greater_equal = static_cast<double>(ge) / k;
    r.p_less_equal = static_cast<double>(le) / k;
  }
  return r;
}

/// E-I index per group: for group g, E_g counts the ties with exactly one end
/// in g and I_g the ties with both ends in g (UCINET's group-level E-I).
/// NaN for a group without ties. Complexity: O(m + g).
inline std::vector<double> ei_index_groups(const network& net, const grouping& groups) {
  std::vector<double> e(groups.size(), 0), i(groups.size(), 0);
  for (const auto& [u, v] : net.tie_ends()) {
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group || u == v) continue;
    if (gu == gv) {
      i[static_cast<std::size_t>(gu)] += 1;
    } else {
      e[static_cast<std::size_t>(gu)] += 1;
      e[static_cast<std::size_t>(gv)] += 1;
    }
  }
  std::vector<double> out(groups.size());
  for (std::size_t g = 0; g < out.size(); ++g) out[g] = detail::ei_ratio(e[g], i[g]);
  return out;
}

/// E-I index per actor: E_v counts the actor's ties (sent and received) to
/// actors of other groups, I_v those to its own group (UCINET's individual
/// E-I). NaN for actors without a group or without ties to grouped actors.
/// Complexity: O(m).
inline std::vector<double> ei_index_actors(const network& net, const grouping& groups) {
  const std::size_t n = net.n_actors();
  std::vector<double> e(n, 0), i(n, 0);
  for (const auto& [u, v] : net.tie_ends()) {
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group || u == v) continue;
    auto& cu = gu == gv ? i : e;
    cu[u] += 1;
    cu[v] += 1;
  }
  std::vector<double> out(n);
  for (std::size_t v = 0; v < n; ++v) {
    out[v] = groups.group_of[v] == grouping::no_group ? std::numeric_limits<double>::quiet_NaN()
                                                      : detail::ei_ratio(e[v], i[v]);
  }
  return out;
}

}  // namespace healthnet
