// SPDX-License-Identifier: MIT
/// @file profile.hpp
/// @brief All whole-network metrics of a network, by name, in one call.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <healthnet/composition.hpp>
#include <healthnet/degree.hpp>
#include <healthnet/density.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// One named whole-network value.
struct profile_entry {
  std::string name;  ///< snake_case, stable: used as JSON key and Series index
  double value{};    ///< the metric's value
};

/// Whole-network metrics, in a fixed order: n_actors, n_ties, n_bodies,
/// density, weighted_density, mean_degree, max_degree, n_isolates,
/// isolate_share, n_sectors.
/// The definitions are those of the individual functions (density(),
/// degree(), isolates(), sector_counts()). Complexity: O(n + m).
inline std::vector<profile_entry> profile(const network& net) {
  std::vector<profile_entry> out;
  const double n = static_cast<double>(net.n_actors());
  const auto deg = degree(net);
  double sum = 0, max = 0;
  for (double d : deg) {
    sum += d;
    max = std::max(max, d);
  }
  const double n_isolates = static_cast<double>(isolates(net).size());
  std::size_t n_sectors = 0;
  for (const auto& [s, count] : sector_counts(net)) {
    if (s != missing_group) ++n_sectors;
  }
  out.push_back({"n_actors", n});
  out.push_back({"n_ties", static_cast<double>(net.n_ties())});
  out.push_back({"n_bodies", static_cast<double>(net.n_bodies())});
  out.push_back({"density", density(net)});
  out.push_back({"weighted_density", density(net, true)});
  out.push_back({"mean_degree", n > 0 ? sum / n : 0.0});
  out.push_back({"max_degree", max});
  out.push_back({"n_isolates", n_isolates});
  out.push_back({"isolate_share", n > 0 ? n_isolates / n : 0.0});
  out.push_back({"n_sectors", static_cast<double>(n_sectors)});
  return out;
}

}  // namespace healthnet
