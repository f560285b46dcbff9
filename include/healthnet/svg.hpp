// SPDX-License-Identifier: MIT
/// @file svg.hpp
/// @brief Self-contained SVG charts for reports: the network coloured by sector, actors per sector, block densities.
///
/// Every chart is one `<svg>` element with a `viewBox` (it scales to its
/// container), inline attributes only, no scripts, fonts, links or other
/// external resources, and all text escaped (xml_escape()). Labels are in
/// German or English (`svg_options::lang`); sector names come from the
/// network's taxonomy. Numbers use a decimal comma in German.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <healthnet/block_density.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/layout.hpp>
#include <healthnet/network.hpp>
#include <healthnet/taxonomy.hpp>

namespace healthnet {

/// The sector palette: one colour per taxonomy position, so the built-in
/// sectors get these colours (and a custom taxonomy its first 16 sectors).
///
/// | index | built-in sector     | colour    |
/// |-------|---------------------|-----------|
/// | 0     | outpatient_care     | `#1f5fa8` blue |
/// | 1     | inpatient_care      | `#d1362f` red |
/// | 2     | nursing_care        | `#2e8b3e` green |
/// | 3     | rehabilitation      | `#f08c00` orange |
/// | 4     | prevention          | `#7b4fb3` purple |
/// | 5     | public_health       | `#0f9aa8` teal |
/// | 6     | municipality        | `#8c5a2b` brown |
/// | 7     | health_insurance    | `#d6549a` pink |
/// | 8     | pharmacy            | `#9ccc3c` lime |
/// | 9     | emergency_care      | `#7f1d1d` maroon |
/// | 10    | self_help           | `#6cb4ee` sky blue |
/// | 11    | social_services     | `#e0b000` gold |
/// | 12    | education           | `#27336b` navy |
/// | 13    | mobility            | `#b9a0e0` lavender |
/// | 14    | professional_body   | `#6d7a1f` olive |
/// | 15    | other               | `#f4a582` salmon |
///
/// Positions from 16 on, sector values outside the taxonomy and actors
/// without a sector are grey (no_sector_colour).
inline constexpr std::array<std::string_view, 16> sector_palette{
    "#1f5fa8", "#d1362f", "#2e8b3e", "#f08c00", "#7b4fb3", "#0f9aa8", "#8c5a2b", "#d6549a",
    "#9ccc3c", "#7f1d1d", "#6cb4ee", "#e0b000", "#27336b", "#b9a0e0", "#6d7a1f", "#f4a582"};

/// Grey for other sector values and for actors without a sector.
inline constexpr std::string_view no_sector_colour = "#9aa0a6";

/// The colour of the sector at taxonomy position `index` (see sector_palette);
/// no_sector_colour from 16 on.
constexpr std::string_view sector_colour(std::size_t index) noexcept {
  return index < sector_palette.size() ? sector_palette[index] : no_sector_colour;
}

/// The colour of a sector id under a taxonomy; no_sector_colour for an empty
/// id, an id outside the taxonomy, or a position from 16 on. O(s).
inline std::string_view sector_colour(const taxonomy& tax, std::string_view sector_id) noexcept {
  const auto& all = tax.sectors();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].id == sector_id) return sector_colour(i);
  }
  return no_sector_colour;
}

/// Options shared by the charts.
struct svg_options {
  std::string lang{"de"};  ///< language of labels: "de" or "en"
  /// `id` attribute of the `<svg>` element; also prefixes the ids inside it
  /// (gradients), so several charts can share one HTML page. Empty: no id.
  std::string id;
};

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references,
/// for XML/HTML text and attribute values. Complexity: O(length).
std::string xml_escape(std::string_view text);

/// A drawing of the network: one circle per actor at `positions` (unit
/// square, e.g. from network_layout()), filled with its primary sector's
/// colour, with an area growing with its degree (number of distinct
/// neighbours, either direction); ties as light grey lines without arrows;
/// the names of the eight actors of highest degree; a legend with the
/// sectors present (label and number of actors) and the node sizes. Every
/// circle carries a `<title>` tooltip: name, sector, degree.
/// Complexity: O(n log n + m).
/// @throws invalid_input when `positions` has not one point per actor, or for
///         another language than "de" or "en".
std::string network_svg(const network& net, std::span<const layout_point> positions, const svg_options& options = {});

/// A horizontal bar chart of the actors per primary sector: every taxonomy
/// sector in taxonomy order (also those without actors), then other sector
/// values and actors without a sector. Required sectors (`coverage.required`)
/// are marked; required sectors without any actor (`coverage.missing`) are
/// flagged in red, and a required sector present only as a further sector
/// of some actors is noted as such.
/// Complexity: O(n + s²) for s sectors.
/// @throws invalid_input for another language than "de" or "en".
std::string sector_coverage_svg(const network& net, const coverage_result& coverage, const svg_options& options = {});

/// A heatmap of a block-density matrix (block_density()): rows "from",
/// columns "to", labelled with the sector names of `tax` (other labels as
/// they are), cells shaded from white (0) to dark blue (the largest value),
/// with the value printed in each cell up to 20 groups, NaN cells grey, and
/// a colour scale.
/// Complexity: O(g²).
/// @throws invalid_input for another language than "de" or "en".
std::string block_density_svg(const group_matrix& densities, const taxonomy& tax, const svg_options& options = {});

}  // namespace healthnet
