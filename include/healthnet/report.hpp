// SPDX-License-Identifier: MIT
/// @file report.hpp
/// @brief The region report: summary, scorecard, sector coverage, drawing, brokers, gaps, wave comparison.
///
/// build_report() computes the report's content once (the report model,
/// region_report); render_report_html(), render_report_markdown() and
/// render_report_json() write it in German or English:
///
/// 1. **Summary**: region metadata, governance bodies and key metrics.
/// 2. **Scorecard**: every indicator and rule with value, target, score,
///    pass/fail and an explanation (evaluate()), and the total score.
/// 3. **Sector coverage**: actors per primary sector as a bar chart, with
///    required-but-missing sectors marked (sector_coverage()).
/// 4. **Network drawing**: force-directed layout (network_layout()),
///    coloured by primary sector (sector_colour()), sized by degree.
/// 5. **Block densities** between sectors as a heatmap (block_density()).
/// 6. **Brokers**: the actors with the most Gould–Fernandez brokerage
///    (brokerage()), with their counts per role and main role.
/// 7. **Gaps**: pairs of sectors without a tie and the actors best placed to
///    close them (group_gaps()).
/// 8. **Wave comparison** (only with an earlier wave): actors joined and
///    left, ties formed, dissolved and changed, metric deltas, sector pairs
///    newly connected (compare()).
/// 9. **Trust and value** (only when ties carry ratings under PARTNER's
///    default attribute names, default_trust_attributes() and
///    default_value_attributes()): the network scores, the actors with the
///    highest and lowest trust received, and the sector pairs with the
///    lowest mean trust (relationship_quality()). Numbered 8 without a
///    wave comparison.
///
/// When some actor's respondent status is known, the summary has a
/// subsection **Data basis** (`data-basis`): response rate, non-respondents,
/// the missing-data policy ("absent") and the 90 % bands of density and
/// reciprocity (directed networks) under 10 % less response
/// (nonresponse_sensitivity()).
///
/// The HTML is one self-contained file: inline CSS and SVG, no JavaScript,
/// no fonts, images or links outside the file; valid HTML5 with
/// `<html lang="de">` or `lang="en"`. Element ids for tools and tests:
/// `summary`, `key-metrics`, `data-basis`, `scorecard` (the table), `sector-coverage`
/// (chart), `network-drawing` (chart), `block-density` (chart), `brokers`,
/// `gaps`, `comparison`, `trust-value`. Markdown has the same sections as tables, the
/// charts replaced by tables or a note. JSON holds the same data with
/// stable keys (ids, not labels, where there is one; NaN as null).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/block_density.hpp>
#include <healthnet/compare.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/layout.hpp>
#include <healthnet/response.hpp>
#include <healthnet/network.hpp>
#include <healthnet/region.hpp>
#include <healthnet/relationship_quality.hpp>
#include <healthnet/scorecard.hpp>
#include <healthnet/sensitivity.hpp>

namespace healthnet {

/// What goes into a report.
struct report_options {
  std::string lang{"de"};              ///< "de" or "en": every heading, label and sector name
  /// The scorecard applied; the shipped generic `network` scorecard when empty.
  std::optional<scorecard> card;
  /// An earlier wave of the same region: adds the wave comparison. Not
  /// owned; must outlive the build/render call.
  const network* earlier{nullptr};
  /// Required sectors of the coverage chart; the taxonomy's core sectors when empty.
  std::optional<std::vector<std::string>> required_sectors;
  std::uint64_t seed{1};               ///< seed of the network layout
  std::size_t top_brokers{10};         ///< number of brokers listed
  std::size_t gap_candidates{3};       ///< actors listed per gap
  /// What the reader assumed while loading the network (data_note::text():
  /// merged repeated pairs, dropped blank weights, labels kept outside the
  /// taxonomy). Listed in the data basis, so the report states it too.
  std::vector<std::string> reading_notes;
};

/// One key metric of the summary.
struct report_metric {
  std::string name;   ///< metric_catalog() name
  std::string label;  ///< label in the report language
  double value{};     ///< value (NaN where undefined)
};

/// One broker of the brokers table.
struct report_broker {
  std::string id;                   ///< actor id
  std::string name;                 ///< actor name
  std::string sector;               ///< primary sector id
  /// Counts per role (brokerage_role_names() order: coordinator,
  /// itinerant, representative, gatekeeper, liaison) and the total.
  std::array<double, 6> counts{};
  std::string main_role;            ///< the role with the largest count (brokerage_role_names())
};

/// One gap: two sectors without a tie.
struct report_gap {
  std::string from;                  ///< sector id
  std::string to;                    ///< sector id
  std::size_t distance{};            ///< shortest path between the sectors; 0 when unreachable
  std::vector<std::string> candidates;       ///< ids of the actors best placed to close it, best first
  std::vector<std::string> candidate_names;  ///< their names, parallel to `candidates`
};

/// One actor of the trust table.
struct report_trust_actor {
  std::string id;          ///< actor id
  std::string name;        ///< name, else id
  std::string sector;      ///< primary sector id
  double trust{};          ///< mean trust received from respondents
  std::size_t raters{};    ///< number of ratings in it
};

/// One sector pair of the trust section.
struct report_trust_pair {
  std::string from;        ///< sector id (the raters' sector when directed)
  std::string to;          ///< sector id
  double trust{};          ///< mean tie trust over the rated ties between them
  std::size_t n{};         ///< number of rated ties
};

/// The trust and value section (see relationship_quality()).
struct report_quality {
  quality_score trust;                       ///< network trust (mean, percent, n)
  quality_score value;                       ///< network value
  std::vector<quality_score> indicators;     ///< each sub-indicator present
  std::vector<report_trust_actor> top;       ///< highest trust received, best first (at most report_quality_actors)
  std::vector<report_trust_actor> bottom;    ///< lowest trust received, lowest first, none of `top`
  std::vector<report_trust_pair> low_pairs;  ///< sector pairs by mean trust, lowest first (at most report_quality_pairs)
};

/// Actors listed at each end of the trust table.
inline constexpr std::size_t report_quality_actors = 5;
/// Sector pairs listed with the lowest trust.
inline constexpr std::size_t report_quality_pairs = 5;

/// The content of a report (see build_report()).
struct region_report {
  std::string lang;                      ///< language of labels and explanations
  region_info region;                    ///< metadata of the reported network
  bool directed{};                       ///< whether ties are arcs
  std::size_t n_actors{};                ///< number of actors
  std::size_t n_ties{};                  ///< number of ties
  std::vector<body> bodies;              ///< governance bodies
  response_summary response;             ///< who answered the survey (shown when some status is known)
  std::vector<std::string> nonrespondent_names;  ///< names (else ids) of the non-respondents, in actor order
  /// The "data basis" section's sensitivity of density and reciprocity to
  /// further non-response (report_sensitivity_drop, _runs, _seed); set when
  /// some actor's respondent status is known.
  std::optional<sensitivity_result> sensitivity;
  std::vector<std::string> reading_notes;  ///< report_options::reading_notes
  std::vector<report_metric> metrics;    ///< key metrics (report_metric_names())
  scorecard_result score;                ///< the scorecard evaluated
  std::string scorecard_name;            ///< the scorecard's display name in the language
  coverage_result coverage;              ///< sector coverage against the required sectors
  group_matrix block_density;            ///< densities between primary sectors
  std::vector<report_broker> brokers;    ///< top brokers, most brokerage first (only actors with some)
  std::vector<report_gap> gaps;          ///< sector pairs without a tie (the first default_gap_limit)
  std::size_t n_gaps{};                  ///< number of sector pairs without a tie, all of them
  std::string betweenness_note;          ///< set when betweenness centralization was estimated from pivots
  std::optional<wave_comparison> comparison;  ///< with an earlier wave
  region_info earlier_region;            ///< metadata of the earlier wave (when compared)
  /// Trust and value: set when some tie carries a rating under PARTNER's default names.
  std::optional<report_quality> quality;
  std::vector<layout_point> layout;      ///< positions of the drawing, per actor
  layout_method layout_used{layout_method::force_directed};  ///< force_directed or sector_circle
  std::uint64_t layout_seed{1};          ///< seed of the layout
};

/// Largest number of sectors whose block densities the HTML and Markdown
/// reports draw; the JSON report always has the full matrix.
inline constexpr std::size_t report_block_limit = 40;
/// Largest number of gaps the HTML and Markdown reports list; the JSON
/// report lists the first default_gap_limit and gives their number.
inline constexpr std::size_t report_gap_limit = 40;

/// The data basis section's sensitivity bands (nonresponse_sensitivity()):
/// the reports of a further 10 % of the respondents removed, 200 runs, a
/// fixed seed, so the same network always gives the same report.
inline constexpr double report_sensitivity_drop = 0.1;
/// Runs of the data basis section's sensitivity bands.
inline constexpr std::size_t report_sensitivity_runs = 200;
/// Seed of the data basis section's sensitivity bands (fixed: same network, same report).
inline constexpr std::uint64_t report_sensitivity_seed = 1;
/// The metrics whose bands the report shows (reciprocity only when directed).
inline const std::vector<std::string>& report_sensitivity_metrics() {
  static const std::vector<std::string> names{"density", "reciprocity"};
  return names;
}

/// Names of the key metrics in the report summary, in order.
const std::vector<std::string>& report_metric_names();

/// Computes the report's content.
/// Complexity: dominated by the scorecard's metrics (betweenness, O(n·m)),
/// brokerage and the layout (see force_directed_layout()).
/// @throws invalid_input for another language than "de" or "en".
region_report build_report(const network& net, const report_options& options = {});

/// The report as one self-contained HTML5 page (see the file comment).
/// @throws invalid_input for another language than "de" or "en".
std::string render_report_html(const network& net, const report_options& options = {});
/// The report as GitHub-flavoured Markdown: the same sections as tables.
/// @throws invalid_input for another language than "de" or "en".
std::string render_report_markdown(const network& net, const report_options& options = {});
/// The report's data as JSON (pretty-printed with `indent` spaces).
/// @throws invalid_input for another language than "de" or "en".
std::string render_report_json(const network& net, const report_options& options = {}, int indent = 2);

/// The HTML page of an already built report; `net` must be the reported network.
std::string to_html(const network& net, const region_report& report);
/// The Markdown of an already built report; `net` must be the reported network.
std::string to_markdown(const network& net, const region_report& report);
/// The JSON of an already built report.
std::string to_json(const region_report& report, int indent = 2);

/// The report format, chosen in one place for the CLI and Python: the
/// explicit `format` when given ("html", "md" or "markdown", "json"), else
/// the extension of `path` (.html/.htm, .md/.markdown, .json, any case),
/// else "html" when there is no path (standard output) or the path has no
/// extension (a device such as /dev/stdout, a FIFO).
/// @returns "html", "md" or "json".
/// @throws invalid_input for another format or extension, listing the
///         supported ones.
inline std::string report_format_for(std::string_view path, std::string_view format = {}) {
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  if (!format.empty()) {
    const std::string f = lower(format);
    if (f == "html" || f == "json") return f;
    if (f == "md" || f == "markdown") return "md";
    throw invalid_input(field_location("format"),
                        "unsupported report format '" + std::string(format) + "' (supported: html, md, json)");
  }
  if (path.empty()) return "html";
  const auto slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.find_last_of('.');
  const std::string ext = dot == std::string_view::npos || dot == 0 ? std::string() : lower(name.substr(dot));
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".json") return "json";
  if (ext.empty()) return "html";  // no extension: /dev/stdout, a FIFO, "report"
  throw invalid_input(field_location("output"),
                      "unsupported extension '" + ext + "' (supported: .html, .htm, .md, .markdown, .json)");
}

}  // namespace healthnet
