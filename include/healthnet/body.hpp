// SPDX-License-Identifier: MIT
/// @file body.hpp
/// @brief Governance bodies of a region (a two-mode actor x body structure).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace healthnet {

/// The kinds of governance body the programmes prescribe.
enum class body_kind {
  steering_group,       ///< Steuerungsgruppe / Gesundheitsforum
  working_group,        ///< Arbeitsgruppe
  coordination_office,  ///< Geschäftsstelle / Koordinierungsstelle
  health_conference,    ///< Gesundheitskonferenz
};

/// `steering_group`, `working_group`, `coordination_office`, `health_conference`.
[[nodiscard]] std::string_view to_string(body_kind kind) noexcept;
/// The kind with this name, or nothing.
[[nodiscard]] std::optional<body_kind> parse_body_kind(std::string_view name) noexcept;

/// A governance body and its member actors.
struct body {
  std::string id;                    ///< unique within a network
  body_kind kind{body_kind::working_group};  ///< kind of body; a working group by default
  std::string name;                  ///< e.g. `Steuerungsgruppe`
  std::vector<std::string> members;  ///< actor ids, in the order given
  std::optional<std::string> topic;  ///< e.g. `Prävention` for a working group
  std::optional<int> year;           ///< e.g. the year of a health conference

  /// Member-wise equality.
  friend bool operator==(const body&, const body&) = default;
};

}  // namespace healthnet
