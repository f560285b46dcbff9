// SPDX-License-Identifier: MIT
/// @file groups.hpp
/// @brief Grouping actors by sector or by any categorical attribute (`by=`).
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/attributes.hpp>
#include <healthnet/error.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// The group of every actor under one grouping.
///
/// `by` is either `"sector"` (the primary sector) or the name of an actor
/// attribute; attribute values are compared as text (to_string()), so `1`
/// and `1.0` are the same group.
///
/// **Missing values.** Actors without a value (no sector, or no such
/// attribute) belong to no group: `group_of` is `no_group` for them, and
/// every group-based measure of healthnet leaves them out, together with
/// their ties (the measure is computed on the subnetwork of the actors that
/// have a value). Per-actor results give NaN for them.
struct grouping {
  /// Marks an actor without a value.
  static constexpr std::int32_t no_group = -1;
  std::string by;                    ///< what the actors were grouped by
  std::vector<std::string> labels;   ///< group labels, in display order
  std::vector<std::int32_t> group_of;  ///< per actor: index into labels, or no_group
  /// Number of groups.
  [[nodiscard]] std::size_t size() const noexcept { return labels.size(); }
  /// Number of actors in every group.
  [[nodiscard]] std::vector<std::size_t> sizes() const {
    std::vector<std::size_t> out(labels.size(), 0);
    for (auto g : group_of) {
      if (g != no_group) ++out[static_cast<std::size_t>(g)];
    }
    return out;
  }
  /// Number of actors that belong to a group.
  [[nodiscard]] std::size_t n_grouped() const noexcept {
    return static_cast<std::size_t>(std::count_if(group_of.begin(), group_of.end(), [](auto g) { return g != no_group; }));
  }
};

/// Groups the actors by primary sector (`by == "sector"`) or by an attribute.
///
/// Group order: for sectors, the taxonomy's order, then other values
/// alphabetically; for attributes, alphabetical by text (numbers compared as
/// numbers when every value is a number).
/// @throws invalid_input when `by` is empty.
/// Complexity: O(n log g).
inline grouping group_actors(const network& net, std::string_view by) {
  if (by.empty()) throw invalid_input(field_location("by"), "grouping attribute is empty");
  grouping out;
  out.by = std::string(by);
  const auto actors = net.actors();
  std::vector<std::string> value(actors.size());
  std::vector<char> has(actors.size(), 0);
  bool all_numeric = true;
  std::map<std::string, double, std::less<>> numeric_key;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    if (by == "sector") {
      if (!actors[i].sectors.empty() && !actors[i].sectors.front().empty()) {
        value[i] = actors[i].sectors.front();
        has[i] = 1;
      }
    } else if (const auto it = actors[i].attributes.find(by); it != actors[i].attributes.end()) {
      value[i] = to_string(it->second);
      has[i] = 1;
      if (const auto* d = std::get_if<double>(&it->second)) numeric_key.emplace(value[i], *d);
      else all_numeric = false;
    }
  }
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    if (has[i]) labels.push_back(value[i]);
  }
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  if (by == "sector") {
    std::vector<std::string> ordered;
    for (const auto& s : net.sector_taxonomy().sectors()) {
      if (std::binary_search(labels.begin(), labels.end(), s.id)) ordered.push_back(s.id);
    }
    for (const auto& l : labels) {
      if (!net.sector_taxonomy().contains(l)) ordered.push_back(l);
    }
    labels = std::move(ordered);
  } else if (all_numeric && !labels.empty()) {
    std::sort(labels.begin(), labels.end(),
              [&](const std::string& a, const std::string& b) { return numeric_key.at(a) < numeric_key.at(b); });
  }
  std::map<std::string, std::int32_t, std::less<>> index;
  for (std::size_t g = 0; g < labels.size(); ++g) index.emplace(labels[g], static_cast<std::int32_t>(g));
  out.group_of.assign(actors.size(), grouping::no_group);
  for (std::size_t i = 0; i < actors.size(); ++i) {
    if (has[i]) out.group_of[i] = index.at(value[i]);
  }
  out.labels = std::move(labels);
  return out;
}

}  // namespace healthnet
