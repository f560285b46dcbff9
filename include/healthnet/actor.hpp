// SPDX-License-Identifier: MIT
/// @file actor.hpp
/// @brief An actor of a health region: a practice, hospital, insurer, office, group.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <healthnet/attributes.hpp>

namespace healthnet {

/// A geographic position (WGS 84 degrees).
struct geo_point {
  double lat{};  ///< latitude in degrees, positive north
  double lon{};  ///< longitude in degrees, positive east
  /// Member-wise equality.
  friend bool operator==(const geo_point&, const geo_point&) = default;
};

/// One actor of the network.
///
/// Designated initialisers follow the member order:
/// `net.add_actor({.id = "a", .name = "Praxis A", .sectors = {"outpatient_care"}});`
struct actor {
  std::string id;                     ///< stable, unique within a network, non-empty
  std::string name;                   ///< display name
  std::vector<std::string> sectors;   ///< sector ids; the first is the primary sector
  std::string type;                   ///< actor type, e.g. `gp_practice`, `hospital`
  attribute_map attributes;           ///< free attributes (string, number, bool)
  std::optional<geo_point> location;  ///< optional position
  /// Whether the actor answered the survey the ties come from: true, false,
  /// or unknown (nullopt, the default). In a directed network the out-ties of
  /// a non-respondent are missing, not absent (healthnet/response.hpp).
  std::optional<bool> respondent;

  /// The primary (first) sector, or an empty string when the actor has none.
  [[nodiscard]] const std::string& primary_sector() const noexcept {
    static const std::string none;
    return sectors.empty() ? none : sectors.front();
  }
  /// Member-wise equality.
  friend bool operator==(const actor&, const actor&) = default;
};

}  // namespace healthnet
