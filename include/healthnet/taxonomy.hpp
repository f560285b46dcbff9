// SPDX-License-Identifier: MIT
/// @file taxonomy.hpp
/// @brief The sector vocabulary: stable ids with German and English labels.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace healthnet {

/// One sector of a taxonomy.
struct sector {
  std::string id;        ///< stable id, e.g. `outpatient_care`
  std::string label_de;  ///< German label, e.g. `Ambulante Versorgung`
  std::string label_en;  ///< English label, e.g. `Outpatient care`
  bool core{false};      ///< counted by default as a required sector in coverage
};

/// A sector vocabulary. Actors may carry sectors outside it (CSV exports often
/// do); the taxonomy supplies labels, order and the core sectors.
class taxonomy {
 public:
  taxonomy() = default;
  /// A taxonomy of these sectors, in this order.
  /// @throws invalid_input for an empty or duplicate sector id.
  explicit taxonomy(std::vector<sector> sectors);

  /// The built-in vocabulary covering the sectors named in the programmes
  /// (Bavaria, Lower Saxony, Hesse): outpatient_care, inpatient_care,
  /// nursing_care, rehabilitation, prevention, public_health, municipality,
  /// health_insurance, pharmacy, emergency_care, self_help, social_services,
  /// education, mobility, professional_body, other.
  static const taxonomy& builtin();

  /// Loads a taxonomy from a JSON file `{"sectors": [{"id", "de", "en", "core"}]}`.
  /// @throws invalid_input naming file, line and field on bad content.
  static taxonomy load(const std::string& path);
  /// Parses the same format from text; `origin` names it in errors.
  static taxonomy parse(std::string_view text, const std::string& origin = "<taxonomy>");

  /// All sectors, in taxonomy order.
  [[nodiscard]] const std::vector<sector>& sectors() const noexcept { return m_sectors; }
  /// Number of sectors.
  [[nodiscard]] std::size_t size() const noexcept { return m_sectors.size(); }
  /// The sector with this id, or nullptr.
  [[nodiscard]] const sector* find(std::string_view id) const noexcept;
  /// Whether a sector has this id.
  [[nodiscard]] bool contains(std::string_view id) const noexcept { return find(id) != nullptr; }
  /// Label in `lang` ("de" or "en"); the id itself for sectors outside the taxonomy.
  [[nodiscard]] std::string label(std::string_view id, std::string_view lang = "en") const;
  /// Ids of the core sectors, in taxonomy order.
  [[nodiscard]] std::vector<std::string> core_sectors() const;

  /// Equal when both hold equal sectors in the same order.
  friend bool operator==(const taxonomy& a, const taxonomy& b);

 private:
  std::vector<sector> m_sectors;
};

/// Equality of id, both labels and the core flag.
bool operator==(const sector& a, const sector& b);

}  // namespace healthnet
