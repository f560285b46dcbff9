// SPDX-License-Identifier: MIT
/// @file profile.hpp
/// @brief All whole-network metrics of a network, by name, in one call.
#pragma once

#include <string>
#include <vector>

#include <healthnet/metric_registry.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// One named whole-network value.
struct profile_entry {
  std::string name;  ///< snake_case, stable: used as JSON key and Series index
  double value{};    ///< the metric's value (NaN where it is undefined)
};

/// Every structural whole-network metric of metric_catalog() (those that need
/// no grouping), in catalog order: size, density, degree, isolates, sectors,
/// reciprocity, transitivity, clustering, centralizations, components,
/// fragmentation (also without the coordination office) and multiplexity.
/// The definitions are those of the individual functions.
/// Complexity: dominated by betweenness centralization, O(n·m).
inline std::vector<profile_entry> profile(const network& net) {
  std::vector<profile_entry> out;
  for (const auto& m : metric_catalog()) {
    if (m.structural) out.push_back({m.name, m.compute(net, {})});
  }
  return out;
}

}  // namespace healthnet
