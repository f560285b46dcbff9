// SPDX-License-Identifier: MIT
/// @file compare.hpp
/// @brief Comparing two waves of a region: who joined or left, which ties changed, metric deltas.
#pragma once

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <healthnet/coverage.hpp>
#include <healthnet/metric_registry.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// A tie present in both waves whose relations or weight changed.
struct tie_change {
  std::string source;                       ///< actor id
  std::string target;                       ///< actor id
  std::vector<std::string> relations_added;    ///< relations only in the later wave
  std::vector<std::string> relations_removed;  ///< relations only in the earlier wave
  double weight_before{};                   ///< weight in the earlier wave
  double weight_after{};                    ///< weight in the later wave
};

/// One metric in both waves.
struct metric_delta {
  std::string name;   ///< metric name (metric_catalog())
  double before{};    ///< value in the earlier wave
  double after{};     ///< value in the later wave
  double delta{};     ///< after − before
};

/// The difference between two waves of a region (see compare()).
struct wave_comparison {
  std::vector<std::string> joined;   ///< actor ids only in the later wave
  std::vector<std::string> left;     ///< actor ids only in the earlier wave
  std::size_t actors_kept{};         ///< actors in both waves
  std::vector<std::pair<std::string, std::string>> ties_formed;     ///< ties only in the later wave
  std::vector<std::pair<std::string, std::string>> ties_dissolved;  ///< ties only in the earlier wave
  std::size_t ties_kept{};           ///< ties in both waves (same pair)
  std::vector<tie_change> ties_changed;  ///< kept ties whose relations or weight changed
  std::vector<metric_delta> metrics;     ///< deltas of the comparison metrics
  /// Sector pairs (primary sectors, "a|b" with a < b) tied in the later wave but not the earlier.
  std::vector<std::pair<std::string, std::string>> sectors_newly_connected;
  /// Sector pairs tied in the earlier wave but no longer.
  std::vector<std::pair<std::string, std::string>> sectors_disconnected;
  /// Required sectors present later but missing earlier.
  std::vector<std::string> sectors_newly_present;
};

/// Metrics compared between waves, in this order.
inline const std::vector<std::string>& comparison_metrics() {
  static const std::vector<std::string> names{
      "n_actors",       "n_ties",          "density",        "mean_degree",         "n_isolates",
      "coverage_ratio", "connected_sector_share", "cross_group_share", "ei_index",     "assortativity",
      "largest_component_share", "fragmentation", "degree_centralization", "betweenness_centralization",
      "transitivity",   "multiplexity"};
  return names;
}

namespace detail {

inline std::pair<std::string, std::string> ordered_pair(const network& net, const std::string& a,
                                                        const std::string& b) {
  if (!net.directed() && b < a) return {b, a};
  return {a, b};
}

inline std::set<std::pair<std::string, std::string>> tied_sector_pairs(const network& net) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& [u, v] : net.tie_ends()) {
    std::string a = net.actor_at(u).primary_sector(), b = net.actor_at(v).primary_sector();
    if (a.empty() || b.empty() || a == b) continue;
    if (b < a) std::swap(a, b);
    out.emplace(a, b);
  }
  return out;
}

}  // namespace detail

/// Compares an earlier and a later wave of the same region.
///
/// Actors are matched by id, ties by their actor-id pair (either orientation
/// when the later network is undirected). A kept tie counts as changed when
/// its relation set or weight differs. Metric deltas use comparison_metrics()
/// (grouped metrics by primary sector). Sector pairs compare primary sectors.
/// Complexity: O((n + m) log(n + m)) plus the metrics.
inline wave_comparison compare(const network& before, const network& after) {
  wave_comparison c;
  for (const auto& a : after.actors()) {
    if (!before.has_actor(a.id)) c.joined.push_back(a.id);
  }
  for (const auto& a : before.actors()) {
    if (!after.has_actor(a.id)) c.left.push_back(a.id);
    else ++c.actors_kept;
  }
  for (const auto& t : after.ties()) {
    // An undirected later wave matches an earlier tie of either orientation.
    const auto old = [&] {
      auto found = before.find_tie(t.source, t.target);
      return found || after.directed() ? found : before.find_tie(t.target, t.source);
    }();
    if (!old) {
      c.ties_formed.push_back(detail::ordered_pair(after, t.source, t.target));
      continue;
    }
    ++c.ties_kept;
    tie_change ch{t.source, t.target, {}, {}, old->weight, t.weight};
    std::set_difference(t.relations.begin(), t.relations.end(), old->relations.begin(), old->relations.end(),
                        std::back_inserter(ch.relations_added));
    std::set_difference(old->relations.begin(), old->relations.end(), t.relations.begin(), t.relations.end(),
                        std::back_inserter(ch.relations_removed));
    if (!ch.relations_added.empty() || !ch.relations_removed.empty() || ch.weight_before != ch.weight_after) {
      c.ties_changed.push_back(std::move(ch));
    }
  }
  for (const auto& t : before.ties()) {
    const bool kept = after.has_tie(t.source, t.target) || (!after.directed() && after.has_tie(t.target, t.source));
    if (!kept) c.ties_dissolved.push_back(detail::ordered_pair(before, t.source, t.target));
  }
  for (const auto& name : comparison_metrics()) {
    const double b = evaluate_metric(before, name), a = evaluate_metric(after, name);
    c.metrics.push_back({name, b, a, a - b});
  }
  const auto pairs_before = detail::tied_sector_pairs(before), pairs_after = detail::tied_sector_pairs(after);
  std::set_difference(pairs_after.begin(), pairs_after.end(), pairs_before.begin(), pairs_before.end(),
                      std::back_inserter(c.sectors_newly_connected));
  std::set_difference(pairs_before.begin(), pairs_before.end(), pairs_after.begin(), pairs_after.end(),
                      std::back_inserter(c.sectors_disconnected));
  const auto cov_before = sector_coverage(before, std::nullopt, false), cov_after = sector_coverage(after, std::nullopt, false);
  const std::set<std::string> present_before(cov_before.present.begin(), cov_before.present.end());
  for (const auto& s : cov_after.present) {
    if (!present_before.contains(s)) {
      c.sectors_newly_present.push_back(s);
    }
  }
  return c;
}

}  // namespace healthnet
