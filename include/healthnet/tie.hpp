// SPDX-License-Identifier: MIT
/// @file tie.hpp
/// @brief A cooperation tie between two actors; multiplex and weighted.
#pragma once

#include <optional>
#include <set>
#include <string>

#include <healthnet/attributes.hpp>

namespace healthnet {

/// The relations of a tie, sorted, each once.
using relation_set = std::set<std::string, std::less<>>;

/// One tie. In a directed network it runs from `source` to `target` (a survey
/// nomination); in an undirected network the order carries no meaning.
///
/// Adding a tie between a pair that is already tied merges the two (see
/// network::add_tie): relations are united, weights add up, attributes of the
/// new tie fill in and overwrite, and `since` keeps the earlier date.
struct tie {
  std::string source;                 ///< actor id
  std::string target;                 ///< actor id
  relation_set relations;             ///< e.g. `information`, `referral`, `joint_project`
  double weight{1.0};                 ///< frequency or intensity; finite and >= 0
  attribute_map attributes;           ///< free attributes, e.g. trust ratings
  std::optional<std::string> since;   ///< ISO date `YYYY-MM-DD` (or `YYYY`, `YYYY-MM`)

  /// Member-wise equality.
  friend bool operator==(const tie&, const tie&) = default;
};

/// The optional parts of a stored tie. The network keeps them only for ties
/// that have any, so plain weighted ties cost 20 bytes each (two actor indices,
/// a weight and a slot number).
struct tie_details {
  relation_set relations;            ///< see tie::relations
  attribute_map attributes;          ///< see tie::attributes
  std::optional<std::string> since;  ///< see tie::since

  /// True when there is nothing to keep.
  [[nodiscard]] bool empty() const noexcept { return relations.empty() && attributes.empty() && !since; }

  /// Merges a repeated tie into this one (network::add_tie's rule): relations
  /// are united, attributes of `later` overwrite equal keys, `since` keeps
  /// the earlier date.
  void merge(tie_details&& later) {
    relations.merge(later.relations);
    for (auto& [key, value] : later.attributes) attributes.insert_or_assign(key, std::move(value));
    if (later.since && (!since || *later.since < *since)) since = std::move(later.since);
  }
  /// Member-wise equality.
  friend bool operator==(const tie_details&, const tie_details&) = default;
};

/// A stored tie as seen through the network: references into the network's
/// storage, valid until the network changes. Converts to a healthnet::tie (a copy).
struct tie_view {
  const std::string& source;                 ///< actor id
  const std::string& target;                 ///< actor id
  const relation_set& relations;             ///< see tie::relations
  double weight;                             ///< see tie::weight
  const attribute_map& attributes;           ///< see tie::attributes
  const std::optional<std::string>& since;   ///< see tie::since

  /// A self-contained copy.
  [[nodiscard]] tie copy() const { return tie{source, target, relations, weight, attributes, since}; }
  /// A self-contained copy.
  operator tie() const { return copy(); }  // NOLINT(google-explicit-constructor): views read as ties
};

}  // namespace healthnet
