// SPDX-License-Identifier: MIT
/// @file groups.hpp
/// @brief Grouping actors by sector or by any categorical attribute (`by=`).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/attributes.hpp>
#include <healthnet/error.hpp>
#include <healthnet/network.hpp>
#include <healthnet/detail/string_hash.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/detail/text.hpp>

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

namespace detail {

/// The names `by` may take on this network: "sector", then every actor
/// attribute key present, alphabetically. O(n·a) hash look-ups for n actors
/// with a attributes each; only computed for an error message.
inline std::vector<std::string> grouping_names(const network& net) {
  detail::string_map<char> seen;
  std::vector<std::string> keys;
  for (const auto& a : net.actors()) {
    for (const auto& entry : a.attributes) {
      if (seen.emplace(entry.first, 0).second) keys.push_back(entry.first);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.insert(keys.begin(), "sector");
  return keys;
}

/// The error for a `by` that names nothing: no actor of a non-empty network
/// carries the attribute. `field` names the parameter (`by`, or a scorecard
/// path). Message: `by: no actor has the attribute 'Sektorr'; did you mean
/// 'sector'? (known: 'sector', 'Kreis')`.
inline not_found unknown_grouping(const network& net, std::string_view by, std::string_view field = "by") {
  const auto known = grouping_names(net);
  return not_found(std::string(field) + ": no actor has the attribute " + quote_value(by) + did_you_mean(by, known) +
                   " (" + known_names(known) + ")");
}

/// Computes the grouping (see group_actors()). O(n + g log g).
/// @throws not_found when `by` is not "sector" and no actor carries it (a
///         network without actors is no error).
inline grouping compute_grouping(const network& net, std::string_view by) {
  grouping out;
  out.by = std::string(by);
  const auto actors = net.actors();
  const bool by_sector = by == "sector";
  // One pass: every distinct value gets a provisional number in order of first
  // appearance (hash look-up, and none while consecutive actors repeat a value).
  std::vector<std::string> distinct;
  std::vector<double> distinct_number;  // the number behind a value (first seen)
  bool all_numeric = true;
  detail::string_map<std::int32_t> seen;
  std::vector<std::int32_t> provisional(actors.size(), grouping::no_group);
  std::string text;
  std::string_view last_value;
  std::int32_t last_group = grouping::no_group;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    std::string_view value;
    double number = std::numeric_limits<double>::quiet_NaN();
    if (by_sector) {
      if (actors[i].sectors.empty() || actors[i].sectors.front().empty()) continue;
      value = actors[i].sectors.front();
    } else {
      const auto it = actors[i].attributes.find(by);
      if (it == actors[i].attributes.end()) continue;
      text = to_string(it->second);
      value = text;
      // An int64 and a double are both numbers; 1 and 1.0 share the text "1",
      // hence the group.
      if (const auto d = numeric_value(it->second)) number = *d;
      else all_numeric = false;
    }
    if (last_group != grouping::no_group && by_sector && value == last_value) {
      provisional[i] = last_group;
      continue;
    }
    auto it = seen.find(value);
    if (it == seen.end()) {
      it = seen.emplace(std::string(value), static_cast<std::int32_t>(distinct.size())).first;
      distinct.emplace_back(value);
      distinct_number.push_back(number);
    }
    provisional[i] = last_group = it->second;
    last_value = value;
  }
  // A name that matches nothing is an error, never an empty grouping (which
  // would make every grouped measure NaN or zero without saying why).
  if (!by_sector && distinct.empty() && !actors.empty()) throw unknown_grouping(net, by);
  // Final order of the few distinct values.
  std::vector<std::int32_t> order(distinct.size());
  for (std::size_t g = 0; g < order.size(); ++g) order[g] = static_cast<std::int32_t>(g);
  std::sort(order.begin(), order.end(), [&](auto x, auto y) { return distinct[x] < distinct[y]; });
  if (by_sector) {
    // The taxonomy's sectors in its order, then other values alphabetically.
    std::vector<std::int32_t> ordered;
    ordered.reserve(order.size());
    for (const auto& s : net.sector_taxonomy().sectors()) {
      if (const auto it = seen.find(s.id); it != seen.end()) ordered.push_back(it->second);
    }
    for (const auto g : order) {
      if (!net.sector_taxonomy().contains(distinct[static_cast<std::size_t>(g)])) ordered.push_back(g);
    }
    order = std::move(ordered);
  } else if (all_numeric) {
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return distinct_number[x] < distinct_number[y]; });
  }
  std::vector<std::int32_t> rank(distinct.size());
  out.labels.reserve(order.size());
  for (std::size_t r = 0; r < order.size(); ++r) {
    rank[static_cast<std::size_t>(order[r])] = static_cast<std::int32_t>(r);
    out.labels.push_back(std::move(distinct[static_cast<std::size_t>(order[r])]));
  }
  out.group_of.assign(actors.size(), grouping::no_group);
  for (std::size_t i = 0; i < actors.size(); ++i) {
    if (provisional[i] != grouping::no_group) out.group_of[i] = rank[static_cast<std::size_t>(provisional[i])];
  }
  return out;
}

}  // namespace detail

/// The grouping of group_actors(), shared: computed once per revision of the
/// network and grouping (network::memoized(), key "group:" + by), so every
/// measure of a report or scorecard uses the same object.
/// @throws invalid_input when `by` is empty.
/// @throws not_found when `by` is neither "sector" nor an attribute some actor
///         carries (the message lists the known names, with a "did you mean").
inline std::shared_ptr<const grouping> shared_grouping(const network& net, std::string_view by) {
  if (by.empty()) throw invalid_input(field_location("by"), "grouping attribute is empty");
  return net.memoized<grouping>("group:" + std::string(by), [&] { return detail::compute_grouping(net, by); });
}

/// Groups the actors by primary sector (`by == "sector"`) or by an attribute.
///
/// Group order: for sectors, the taxonomy's order, then other values
/// alphabetically; for attributes, alphabetical by text (numbers compared as
/// numbers when every value is a number).
/// @throws invalid_input when `by` is empty.
/// @throws not_found when `by` is neither "sector" nor an attribute some actor
///         carries; a network without actors gives an empty grouping.
/// Complexity: O(n + g log g), one hash look-up per actor at most, on the first
/// call per revision of the network (shared_grouping()); O(n) for the copy.
inline grouping group_actors(const network& net, std::string_view by) { return *shared_grouping(net, by); }

}  // namespace healthnet
