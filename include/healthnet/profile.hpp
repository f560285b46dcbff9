// SPDX-License-Identifier: MIT
/// @file profile.hpp
/// @brief All whole-network metrics of a network, by name, in one call.
#pragma once

#include <string>
#include <vector>

#include <healthnet/metric_registry.hpp>
#include <healthnet/network.hpp>
#include <healthnet/response.hpp>

namespace healthnet {

/// One named whole-network value.
struct profile_entry {
  std::string name;  ///< snake_case, stable: used as JSON key and Series index
  double value{};    ///< the metric's value (NaN where it is undefined)
};

/// Every structural whole-network metric of metric_catalog() (those that need
/// no grouping), in catalog order: size, density, degree, isolates, sectors,
/// reciprocity, transitivity, clustering, centralizations, components,
/// fragmentation (also without the coordination office) and multiplexity;
/// then `response_rate` (response_rate()) when some actor's respondent
/// status is known.
/// The definitions are those of the individual functions.
/// Complexity: dominated by betweenness centralization, O(n·m).
inline std::vector<profile_entry> profile(const network& net) {
  std::vector<profile_entry> out;
  for (const auto& m : metric_catalog()) {
    if (m.structural) out.push_back({m.name, m.compute(net, {})});
  }
  if (const auto r = response_rate(net); r.known()) out.push_back({"response_rate", r.rate});
  return out;
}

}  // namespace healthnet
