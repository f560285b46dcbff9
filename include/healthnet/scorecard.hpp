// SPDX-License-Identifier: MIT
/// @file scorecard.hpp
/// @brief Programme scorecards: indicators with targets and governance rules, scored 0–100.
///
/// A scorecard is a JSON document (schema: docs/scorecard.schema.json,
/// reference: docs/scoring.md) with
/// - **indicators**: a named metric (see metric_registry.hpp) with a target,
///   a zero point or a band, normalised to a score of 0–100, and a weight;
/// - **rules**: pass/fail checks on governance bodies, their composition and
///   the sectors present or tied, with partial credit.
/// The total is the weighted mean of all scores. Four scorecards ship with
/// the library: `niedersachsen`, `bayern`, `hessen` and `network`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/body.hpp>
#include <healthnet/network.hpp>
#include <healthnet/taxonomy.hpp>

namespace healthnet {

/// A text in German and English.
struct bilingual {
  std::string de;  ///< German
  std::string en;  ///< English
  /// The text in `lang` ("de" or "en"), falling back to the other one.
  [[nodiscard]] const std::string& in(std::string_view lang) const;
};

/// How an indicator's value maps to a score.
enum class score_direction {
  higher,  ///< 100 at or above `target`, 0 at or below `minimum`, linear between
  lower,   ///< 100 at or below `target`, 0 at or above `minimum`, linear between
  band,    ///< 100 inside [band_low, band_high], 0 at `tolerance` outside, linear between
};

/// One scored metric.
struct indicator {
  std::string id;                ///< unique within the scorecard
  std::string metric;            ///< a name of metric_catalog()
  std::string by{"sector"};      ///< grouping for grouped metrics
  bilingual label;               ///< what is measured, for people
  score_direction direction{score_direction::higher};  ///< how the value maps to a score
  double target{};               ///< full score (higher/lower)
  double minimum{};              ///< zero score (higher/lower)
  double band_low{};             ///< band: lower edge of full score
  double band_high{};            ///< band: upper edge of full score
  double tolerance{};            ///< band: distance outside the band at which the score reaches 0
  double weight{1.0};            ///< weight in the total (>= 0)
  std::string source;            ///< where the requirement comes from (a citation)
};

/// The kinds of rule.
enum class rule_kind {
  body_exists,      ///< at least `min_count` bodies of `body` with at least `min_members` members
  body_sectors,     ///< the bodies of `body` together include a member of each item of `items` (sector ids)
  body_types,       ///< the same with actor types
  body_topics,      ///< some body of `body` has a topic or name containing a keyword of each item
  sectors_present,  ///< each item (sector ids) is some actor's sector
  sectors_tied,     ///< each item is a pair "a|b" of sectors with at least one tie between them
};

/// One governance rule. Each item is a list of alternatives: any of them
/// satisfies the item (e.g. physicians = outpatient_care or professional_body).
struct rule {
  std::string id;                                ///< unique within the scorecard
  rule_kind kind{rule_kind::body_exists};        ///< what is checked
  std::optional<body_kind> body;                 ///< the body kind checked (body_* rules)
  std::size_t min_count{1};                      ///< body_exists: bodies needed
  std::size_t min_members{0};                    ///< body_exists: members each body needs
  std::vector<std::vector<std::string>> items;   ///< required items, each a list of alternatives
  std::vector<bilingual> item_labels;            ///< optional names of the items, parallel to `items`
  bilingual label;                               ///< the requirement, for people
  double weight{1.0};                            ///< weight in the total (>= 0)
  std::string source;                            ///< the programme sentence it comes from
};

/// A scorecard: indicators and rules.
struct scorecard {
  std::string id;          ///< e.g. `niedersachsen`
  bilingual name;          ///< display name
  std::string programme;   ///< the programme it encodes
  std::string source;      ///< the programme document
  std::vector<indicator> indicators;  ///< scored metrics
  std::vector<rule> rules;            ///< governance rules
};

/// One row of a scorecard result.
struct score_row {
  std::string id;           ///< indicator or rule id
  std::string kind;         ///< `metric` or `rule`
  std::string label;        ///< in the result's language
  double value{};           ///< metric value; for rules the share of items met (0–1)
  std::string target;       ///< the requirement as text, e.g. `>= 0.80` or `5 sectors`
  double score{};           ///< 0–100
  double weight{};          ///< weight in the total
  bool passed{};            ///< target met (metric) or every item met (rule)
  std::string explanation;  ///< a sentence naming what is missing
  std::string source;       ///< citation
};

/// A scorecard applied to one network.
struct scorecard_result {
  std::string scorecard_id;     ///< the scorecard's id
  std::string region_id;        ///< the network's region id
  std::string region_name;      ///< the network's region name
  std::string lang;             ///< language of labels and explanations
  double total{};               ///< weighted mean score, 0–100 (NaN when every weight is 0)
  std::vector<score_row> rows;  ///< indicators first, then rules, in scorecard order
};

/// Parses a scorecard from JSON; `origin` names it in errors.
///
/// Sectors in rules (`body_sectors`, `sectors_present`, `sectors_tied`) must
/// be ids of `tax` or one of their German or English labels (ASCII case
/// ignored); a label is stored as its id. An indicator's `by` is checked
/// when the scorecard is applied (evaluate()), since it names an actor
/// attribute of the network.
/// @throws invalid_input naming origin, line and field (also for an unknown
///         metric name, body kind, direction or sector, with the closest
///         known names).
scorecard parse_scorecard(std::string_view text, const std::string& origin = "<scorecard>",
                          const taxonomy& tax = taxonomy::builtin());
/// Reads a scorecard file; sectors are checked against `tax` (see parse_scorecard()).
/// @throws invalid_input for bad content
/// @throws file_error when the file cannot be read
scorecard read_scorecard(const std::string& path, const taxonomy& tax = taxonomy::builtin());
/// A scorecard shipped with the library (`niedersachsen`, `bayern`,
/// `hessen`, `network`). @throws not_found for other names.
scorecard builtin_scorecard(std::string_view id);
/// Ids of the shipped scorecards.
std::vector<std::string> builtin_scorecard_ids();
/// A shipped scorecard by id (checked against the built-in taxonomy), or else
/// a file path (checked against `tax`).
scorecard load_scorecard(const std::string& id_or_path, const taxonomy& tax = taxonomy::builtin());
/// The scorecard as JSON (parse_scorecard reads it back).
std::string to_json(const scorecard& card, int indent = 2);

/// Applies a scorecard to a network; labels and explanations in `lang`
/// ("de" or "en"). Indicators whose metric is undefined (NaN) score 0.
/// Rows that depend on sectors say in their explanation how many actors
/// carry sector labels outside the taxonomy, when some do.
/// @throws invalid_input for another language.
/// @throws not_found when a grouped indicator's `by` is neither "sector" nor
///         an attribute some actor carries; the message names the indicator
///         (`scorecard 'x': indicators[2].by: ...`).
scorecard_result evaluate(const scorecard& card, const network& net, std::string_view lang = "en");
/// The result as JSON.
std::string to_json(const scorecard_result& result, int indent = 2);

}  // namespace healthnet
