// SPDX-License-Identifier: MIT
/// @file coverage.hpp
/// @brief Sector coverage: which sectors take part, which are connected, which are missing.
#pragma once

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <healthnet/block_density.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// The result of sector_coverage().
struct coverage_result {
  std::vector<std::string> present;    ///< sectors with at least one actor (any of its sectors)
  std::vector<std::string> connected;  ///< primary sectors with at least one tie to another primary sector
  std::vector<std::string> required;   ///< the sectors the programme requires
  std::vector<std::string> missing;    ///< required sectors without any actor
  std::vector<std::string> isolated;   ///< required sectors present but not connected to another sector
  double coverage_ratio{};             ///< |required ∩ present| / |required|; NaN when nothing is required
  std::vector<std::pair<std::string, std::size_t>> actors_per_sector;  ///< by primary sector
  group_matrix ties_per_pair;          ///< ties between primary sectors (see tie_counts())
  double blau{};                       ///< Blau diversity 1 − Σ p_s² over primary sectors
  double iqv{};                        ///< Blau / (1 − 1/k), k = number of sector categories
  /// Actors that list at least one sector label outside the network's
  /// taxonomy (primary or further sector). Such labels count as sectors of
  /// their own, so a label like "Ärzte" never covers `outpatient_care`.
  std::size_t n_outside_taxonomy{};
  /// Every label outside the taxonomy with the number of actors listing it,
  /// most frequent first (ties alphabetically).
  std::vector<std::pair<std::string, std::size_t>> outside_taxonomy;
};

namespace detail {

/// The parts of sector_coverage() that do not depend on the required sectors.
struct sector_census {
  std::vector<std::string> listed;     ///< distinct sectors listed by any actor, sorted
  std::vector<std::string> present;    ///< coverage_result::present
  std::vector<std::string> connected;  ///< coverage_result::connected
  std::vector<std::string> connected_sorted;  ///< the same, sorted
  std::vector<std::pair<std::string, std::size_t>> actors_per_sector;
  double blau{};
  double iqv{};
  std::size_t n_outside_taxonomy{};  ///< coverage_result::n_outside_taxonomy
  std::vector<std::pair<std::string, std::size_t>> outside_taxonomy;  ///< coverage_result::outside_taxonomy
};

/// Counts the actors with sector labels outside `tax` (see
/// coverage_result::outside_taxonomy). `listed` holds the distinct labels,
/// sorted. O(k·t) to find the outside labels among k listed, then, only when
/// there are some, O(n·s) hash look-ups.
inline void count_outside_taxonomy(const network& net, const taxonomy& tax, const std::vector<std::string>& listed,
                                   sector_census& c) {
  detail::string_map<std::size_t> index;  // label -> position in c.outside_taxonomy
  for (const auto& s : listed) {
    if (!tax.contains(s)) {
      index.emplace(s, c.outside_taxonomy.size());
      c.outside_taxonomy.emplace_back(s, 0);
    }
  }
  if (index.empty()) return;
  for (const auto& a : net.actors()) {
    bool outside = false;
    for (std::size_t i = 0; i < a.sectors.size(); ++i) {
      const auto& s = a.sectors[i];
      if (s.empty() || std::find(a.sectors.begin(), a.sectors.begin() + static_cast<std::ptrdiff_t>(i), s) !=
                           a.sectors.begin() + static_cast<std::ptrdiff_t>(i)) {
        continue;  // an actor counts once per label
      }
      if (const auto it = index.find(s); it != index.end()) {
        ++c.outside_taxonomy[it->second].second;
        outside = true;
      }
    }
    c.n_outside_taxonomy += outside ? 1 : 0;
  }
  std::stable_sort(c.outside_taxonomy.begin(), c.outside_taxonomy.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
}

/// Computes the census. O(n·s + m + k log k).
inline sector_census compute_sector_census(const network& net, const grouping& groups) {
  sector_census c;
  const taxonomy& tax = net.sector_taxonomy();
  // Distinct sectors listed by any actor, sorted (a hash set over views into
  // the actors; consecutive repeats skip even the hash).
  {
    std::unordered_set<std::string_view, detail::keyed_string_hash> seen;
    std::string_view last;
    for (const auto& a : net.actors()) {
      for (const auto& s : a.sectors) {
        if (s.empty() || s == last) continue;
        last = s;
        seen.insert(last);
      }
    }
    c.listed.assign(seen.begin(), seen.end());
    std::sort(c.listed.begin(), c.listed.end());
  }
  for (const auto& s : tax.sectors()) {
    if (std::binary_search(c.listed.begin(), c.listed.end(), s.id)) c.present.push_back(s.id);
  }
  for (const auto& s : c.listed) {
    if (!tax.contains(s)) c.present.push_back(s);
  }
  count_outside_taxonomy(net, tax, c.listed, c);

  const std::size_t k = groups.size();
  std::vector<char> crosses(k, 0);  // O(m): a tie between two different groups
  for (const auto& [u, v] : net.tie_ends()) {
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group || gu == gv) continue;
    crosses[static_cast<std::size_t>(gu)] = crosses[static_cast<std::size_t>(gv)] = 1;
  }
  for (std::size_t g = 0; g < k; ++g) {
    if (crosses[g]) c.connected.push_back(groups.labels[g]);
  }
  c.connected_sorted = c.connected;
  std::sort(c.connected_sorted.begin(), c.connected_sorted.end());

  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto sizes = groups.sizes();
  const double total = static_cast<double>(groups.n_grouped());
  for (std::size_t g = 0; g < k; ++g) c.actors_per_sector.emplace_back(groups.labels[g], sizes[g]);
  double sum_sq = 0;
  for (const auto s : sizes) sum_sq += (static_cast<double>(s) / total) * (static_cast<double>(s) / total);
  std::size_t categories = tax.size();
  for (const auto& l : groups.labels) {
    if (!tax.contains(l)) ++categories;
  }
  c.blau = total > 0 ? 1 - sum_sq : nan;
  c.iqv = total > 0 && categories >= 2 ? c.blau / (1 - 1 / static_cast<double>(categories)) : nan;
  return c;
}

}  // namespace detail

/// Sector coverage of a network against a list of required sectors.
///
/// - present: a sector counts when at least one actor lists it (primary or
///   further sector): a practice active in prevention covers prevention.
/// - connected: a primary sector with at least one tie to an actor of a
///   different primary sector.
/// - coverage ratio: the share of required sectors present.
/// - outside the taxonomy: how many actors list a sector label that is not
///   a sector of the network's taxonomy, and which labels (a reader that
///   kept unknown labels on purpose; coverage cannot count them).
/// - Blau's index of heterogeneity 1 − Σ p_s² (p_s the share of actors with
///   primary sector s, actors without a sector left out), and the index of
///   qualitative variation IQV = Blau / (1 − 1/k), with k the number of
///   sector categories (the taxonomy's sectors plus other values found); NaN
///   without actors or when k < 2 (Blau 1977; Agresti & Agresti 1978).
///
/// `required` defaults to the taxonomy's core sectors (taxonomy::core_sectors()).
/// `with_pair_counts = false` leaves `ties_per_pair` empty (its k × k cells
/// are the only part that grows with the square of the number of sectors).
///
/// The parts that do not depend on `required` (the sector grouping, the
/// census of listed and connected sectors, the pair counts) are computed once
/// per revision of the network (network::memoized(), keys "group:sector",
/// "sector_census", "sector_tie_counts") and shared by every later call.
/// Complexity: O(n·s + m + k) for k sectors, plus O(k²) for `ties_per_pair`,
/// on the first call per revision; O(r log k + k) for r required sectors after.
inline coverage_result sector_coverage(const network& net, std::optional<std::vector<std::string>> required = std::nullopt,
                                       bool with_pair_counts = true) {
  coverage_result r;
  const taxonomy& tax = net.sector_taxonomy();
  r.required = required ? std::move(*required) : tax.core_sectors();
  const auto groups = shared_grouping(net, "sector");
  const auto census = net.memoized<detail::sector_census>(
      "sector_census", [&] { return detail::compute_sector_census(net, *groups); });
  if (with_pair_counts) {
    r.ties_per_pair = *net.memoized<group_matrix>("sector_tie_counts", [&] { return tie_counts(net, *groups); });
  }
  r.present = census->present;
  r.connected = census->connected;
  auto is_present = [&](const std::string& s) { return std::binary_search(census->listed.begin(), census->listed.end(), s); };
  auto is_connected = [&](const std::string& s) {
    return std::binary_search(census->connected_sorted.begin(), census->connected_sorted.end(), s);
  };
  std::size_t covered = 0;
  for (const auto& s : r.required) {
    if (is_present(s)) {
      ++covered;
      if (!is_connected(s)) r.isolated.push_back(s);
    } else {
      r.missing.push_back(s);
    }
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  r.coverage_ratio = r.required.empty() ? nan : static_cast<double>(covered) / static_cast<double>(r.required.size());
  r.actors_per_sector = census->actors_per_sector;
  r.blau = census->blau;
  r.iqv = census->iqv;
  r.n_outside_taxonomy = census->n_outside_taxonomy;
  r.outside_taxonomy = census->outside_taxonomy;
  return r;
}

}  // namespace healthnet
