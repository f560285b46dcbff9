// SPDX-License-Identifier: MIT
/// @file composition.hpp
/// @brief Who is in the network: actors per sector and per attribute value.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <healthnet/network.hpp>

namespace healthnet {

/// Label of the group of actors that have no value for the grouping attribute.
inline constexpr const char* missing_group = "(missing)";

/// Actors per primary sector: taxonomy sectors first, in taxonomy order (only
/// those present), then other sector values in alphabetical order, then
/// `(missing)` for actors without a sector.
/// Complexity: O(n log s) for s distinct sectors.
inline std::vector<std::pair<std::string, std::size_t>> sector_counts(const network& net) {
  std::map<std::string, std::size_t, std::less<>> counts;
  std::size_t missing = 0;
  for (const auto& a : net.actors()) {
    if (a.sectors.empty() || a.sectors.front().empty()) ++missing;
    else ++counts[a.sectors.front()];
  }
  std::vector<std::pair<std::string, std::size_t>> out;
  for (const auto& s : net.sector_taxonomy().sectors()) {
    if (auto it = counts.find(s.id); it != counts.end()) {
      out.emplace_back(it->first, it->second);
      counts.erase(it);
    }
  }
  for (auto& [k, v] : counts) out.emplace_back(k, v);
  if (missing) out.emplace_back(missing_group, missing);
  return out;
}

}  // namespace healthnet
