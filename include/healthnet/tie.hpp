// SPDX-License-Identifier: MIT
/// @file tie.hpp
/// @brief A cooperation tie between two actors; multiplex and weighted.
#pragma once

#include <optional>
#include <set>
#include <string>

#include <healthnet/attributes.hpp>

namespace healthnet {

/// One tie. In a directed network it runs from `source` to `target` (a survey
/// nomination); in an undirected network the order carries no meaning.
///
/// Adding a tie between a pair that is already tied merges the two (see
/// network::add_tie): relations are united, weights add up, attributes of the
/// new tie fill in and overwrite, and `since` keeps the earlier date.
struct tie {
  std::string source;                 ///< actor id
  std::string target;                 ///< actor id
  std::set<std::string, std::less<>> relations;  ///< e.g. `information`, `referral`, `joint_project`
  double weight{1.0};                 ///< frequency or intensity; finite and >= 0
  attribute_map attributes;           ///< free attributes, e.g. trust ratings
  std::optional<std::string> since;   ///< ISO date `YYYY-MM-DD` (or `YYYY`, `YYYY-MM`)

  /// Member-wise equality.
  friend bool operator==(const tie&, const tie&) = default;
};

}  // namespace healthnet
