// SPDX-License-Identifier: MIT
// Scorecards: line-precise parser errors, hand-computed scores for every
// direction and rule kind on a small drawn network, explanations in German
// and English, the weighted total, and the shipped scorecards.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <healthnet/example.hpp>
#include <healthnet/metric_registry.hpp>
#include <healthnet/scorecard.hpp>

namespace hn = healthnet;

namespace {

const std::string bad_dir = std::string(HEALTHNET_TEST_DATA) + "/scorecards/bad/";

// The message of the invalid_input that reading `file` (in bad_dir) throws.
std::string error_of_file(const std::string& file) {
  try {
    hn::read_scorecard(bad_dir + file);
  } catch (const hn::invalid_input& e) {
    return e.what();
  }
  return "(no error)";
}

// The message of the invalid_input that parsing `text` (named card.json) throws.
std::string error_of(const std::string& text) {
  try {
    hn::parse_scorecard(text, "card.json");
  } catch (const hn::invalid_input& e) {
    return e.what();
  }
  return "(no error)";
}

std::string known_metrics() {
  std::string known;
  for (const auto& m : hn::metric_catalog()) known += (known.empty() ? "'" : ", '") + m.name + "'";
  return known;
}

// A scorecard document with these indicators and rules (JSON array bodies).
std::string card_text(const std::string& indicators, const std::string& rules = "") {
  return R"({"id": "t", "indicators": [)" + indicators + R"(], "rules": [)" + rules + "]}";
}

//   gp1 ---- gp2        gp1, gp2: outpatient_care (gp1 a GP practice)
//    |  \               kh: inpatient_care, pf: nursing_care
//    |   pf             mu: municipality, iso: prevention (no ties)
//    |  /
//    kh ---- mu         iso
//
// 6 actors, 5 ties: density 5/15 = 1/3; one isolate (1/6); cross-sector ties
// 4 of 5 (only gp1-gp2 stays within); largest component 5/6.
// Bodies: steering group {mu, gp1, kh}; working group "AG Hausärztliche
// Versorgung" {gp1, gp2}; no coordination office, no health conference.
hn::network drawn() {
  hn::network net;
  net.add_actor({.id = "gp1", .name = "Praxis Eins", .sectors = {"outpatient_care"}, .type = "gp_practice"});
  net.add_actor({.id = "gp2", .name = "Praxis Zwei", .sectors = {"outpatient_care"}, .type = "specialist_practice"});
  net.add_actor({.id = "kh", .name = "Klinikum", .sectors = {"inpatient_care"}, .type = "hospital"});
  net.add_actor({.id = "pf", .name = "Pflegedienst", .sectors = {"nursing_care"}, .type = "nursing_service"});
  net.add_actor({.id = "mu", .name = "Gemeinde", .sectors = {"municipality"}, .type = "municipality"});
  net.add_actor({.id = "iso", .name = "Sportverein", .sectors = {"prevention"}, .type = "sports_club"});
  for (auto [s, t] : {std::pair{"gp1", "gp2"}, {"gp1", "kh"}, {"gp1", "pf"}, {"kh", "pf"}, {"kh", "mu"}}) {
    net.add_tie({.source = s, .target = t});
  }
  net.add_body({.id = "sg", .kind = hn::body_kind::steering_group, .name = "Steuerungsgruppe",
                .members = {"mu", "gp1", "kh"}});
  net.add_body({.id = "ag", .kind = hn::body_kind::working_group, .name = "AG Hausärztliche Versorgung",
                .members = {"gp1", "gp2"}, .topic = "Hausärztliche Versorgung"});
  return net;
}

// The single row of evaluating a card with one indicator or rule on drawn().
hn::score_row only_row(const std::string& indicators, const std::string& rules, const char* lang = "en") {
  const auto res = hn::evaluate(hn::parse_scorecard(card_text(indicators, rules)), drawn(), lang);
  EXPECT_EQ(res.rows.size(), 1u);
  return res.rows.at(0);
}

}  // namespace

// ---- parser errors -------------------------------------------------------------------------

// An unknown metric names the metric, the line of its value and the known names.
TEST(ScorecardParse, UnknownMetricNamesLine) {
  const std::string msg = error_of_file("unknown_metric.json");
  // "densty" -> "density": one insertion (Levenshtein 1, within max(2, 6/3)).
  EXPECT_EQ(msg, bad_dir + "unknown_metric.json:7: indicators[1].metric: unknown metric 'densty'; did you mean "
                           "'density'? (known: " + known_metrics() + ")");
  EXPECT_NE(msg.find("(known: 'n_actors', 'n_ties', 'n_bodies', 'density', "), std::string::npos);
}

// An unknown rule kind is reported on the line of "kind" (line 8, not the rule's first line).
TEST(ScorecardParse, UnknownRuleKind) {
  EXPECT_EQ(error_of_file("unknown_rule_kind.json"),
            bad_dir + "unknown_rule_kind.json:8: rules[1].kind: unknown rule kind 'body_exist' (expected body_exists, "
                      "body_sectors, body_types, body_topics, sectors_present or sectors_tied)");
}

// An unknown body kind names the value and the four kinds ("steering_committee"
// is 9 edits from "steering_group", beyond max(2, 18/3): no suggestion).
TEST(ScorecardParse, UnknownBodyKind) {
  EXPECT_EQ(error_of_file("unknown_body.json"),
            bad_dir + "unknown_body.json:9: rules[0].body: unknown body kind 'steering_committee' (known: "
                      "'steering_group', 'working_group', 'coordination_office', 'health_conference')");
}

// A band without tolerance points at the indicator (line 7 opens it) and names the field.
TEST(ScorecardParse, BandWithoutTolerance) {
  EXPECT_EQ(error_of_file("band_without_tolerance.json"),
            bad_dir + "band_without_tolerance.json:7: indicators[1]: missing required field 'tolerance'");
  EXPECT_EQ(error_of(card_text(R"({"id": "b", "metric": "density", "direction": "band", "band": [0.1, 0.3],
 "tolerance": 0})")),
            "card.json:2: indicators[0].tolerance: tolerance must be > 0");
  EXPECT_EQ(error_of(card_text(R"({"id": "b", "metric": "density", "direction": "band",
 "band": [0.3, 0.1], "tolerance": 0.1})")),
            "card.json:2: indicators[0].band: low is above high");
}

// The zero point on the wrong side of the target is rejected for both directions.
TEST(ScorecardParse, MinimumOnWrongSide) {
  EXPECT_EQ(error_of_file("minimum_wrong_side.json"),
            bad_dir + "minimum_wrong_side.json:8: indicators[0].minimum: minimum must be above target for direction "
                      "'lower'");
  EXPECT_EQ(error_of(card_text(R"({"id": "d", "metric": "density", "direction": "higher",
 "target": 0.5, "minimum": 0.5})")),
            "card.json:2: indicators[0].minimum: minimum must be below target for direction 'higher'");
}

// Ids are unique across indicators and rules; the second one is reported.
TEST(ScorecardParse, DuplicateId) {
  EXPECT_EQ(error_of_file("duplicate_id.json"),
            bad_dir + "duplicate_id.json:9: rules[0].id: duplicate id 'office'");
}

// A scorecard with neither indicators nor rules is rejected.
TEST(ScorecardParse, Empty) {
  EXPECT_EQ(error_of_file("empty.json"), bad_dir + "empty.json:1: a scorecard needs at least one indicator or rule");
  EXPECT_EQ(error_of(R"({"id": "t"})"), "card.json:1: a scorecard needs at least one indicator or rule");
  EXPECT_EQ(error_of(""), "card.json:1: file is empty");
}

// Malformed JSON names line and column of the syntax error.
TEST(ScorecardParse, BadJson) {
  const std::string msg = error_of_file("bad_json.json");
  EXPECT_EQ(msg.rfind(bad_dir + "bad_json.json:7: column 3: invalid json: ", 0), 0u) << msg;
}

// A sectors_tied item that is not "a|b" names the bad alternative (the second of item 1).
TEST(ScorecardParse, BadSectorPair) {
  EXPECT_EQ(error_of_file("bad_pair.json"),
            bad_dir + "bad_pair.json:9: rules[0].items[1][1]: expected a sector pair written \"a|b\", found "
                      "'nursing_care'");
}

// Other field errors: version, direction, weight, labels, items, min_count.
TEST(ScorecardParse, FieldErrors) {
  EXPECT_EQ(error_of_file("wrong_version.json"),
            bad_dir +
                "wrong_version.json:3: version: unsupported scorecard version 2 (this healthnet reads version 1)");
  EXPECT_EQ(error_of(card_text(R"({"id": "d", "metric": "density", "direction": "up", "target": 1, "minimum": 0})")),
            "card.json:1: indicators[0].direction: unknown direction 'up' (expected higher, lower or band)");
  EXPECT_EQ(error_of(card_text(R"({"id": "d", "metric": "density", "direction": "higher", "target": 1, "minimum": 0,
 "weight": -1})")),
            "card.json:2: indicators[0].weight: weight must be >= 0, found -1");
  EXPECT_EQ(error_of(card_text("", R"({"id": "r", "kind": "sectors_present", "items": ["pharmacy"]})")),
            "card.json:1: rules[0]: missing required field 'label'");
  EXPECT_EQ(error_of(card_text("", R"({"id": "r", "kind": "sectors_present", "label": "r", "items": []})")),
            "card.json:1: rules[0].items: a rule needs at least one item");
  EXPECT_EQ(error_of(card_text("", R"({"id": "r", "kind": "sectors_present", "label": "r", "items": ["pharmacy", "education"],
 "item_labels": ["A"]})")),
            "card.json:2: rules[0].item_labels: needs one label per item");
  EXPECT_EQ(error_of(card_text("", R"({"id": "r", "kind": "body_exists", "body": "working_group", "label": "r",
 "min_count": 0})")),
            "card.json:2: rules[0].min_count: expected a whole number >= 1");
}

// ---- indicators: one per direction, hand-computed ---------------------------------------------

// higher: cross-sector share 0.8 between minimum 0.6 and target 1 scores (0.8-0.6)/0.4 = 50.
TEST(ScorecardEvaluate, HigherPartial) {
  const auto row = only_row(R"({"id": "x", "metric": "cross_group_share", "direction": "higher", "target": 1,
 "minimum": 0.6, "label": {"de": "Sektorübergreifend", "en": "Cross-sector"}})", "");
  EXPECT_DOUBLE_EQ(row.value, 0.8);
  EXPECT_NEAR(row.score, 50.0, 1e-9);
  EXPECT_FALSE(row.passed);
  EXPECT_EQ(row.kind, "metric");
  EXPECT_EQ(row.target, ">= 1");
  EXPECT_EQ(row.explanation, "Cross-sector is 0.8, short of the target >= 1.");
}

// higher, met: largest component 5/6 >= 0.8 scores 100.
TEST(ScorecardEvaluate, HigherMet) {
  const auto row = only_row(R"({"id": "c", "metric": "largest_component_share", "direction": "higher",
 "target": 0.8, "minimum": 0.5, "label": {"de": "Größte Komponente", "en": "Largest component"}})", "", "de");
  EXPECT_DOUBLE_EQ(row.value, 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(row.score, 100.0);
  EXPECT_TRUE(row.passed);
  EXPECT_EQ(row.explanation, "Größte Komponente: 0,833; Ziel >= 0,8 erreicht.");
}

// lower: isolate share 1/6 between target 0 and zero point 0.5 scores (0.5-1/6)/0.5 = 66.67,
// and the explanation names the isolate.
TEST(ScorecardEvaluate, LowerNamesIsolates) {
  const std::string ind = R"({"id": "i", "metric": "isolate_share", "direction": "lower", "target": 0,
 "minimum": 0.5, "label": {"de": "Isolierte", "en": "Isolates"}})";
  const auto en = only_row(ind, "");
  EXPECT_NEAR(en.score, 200.0 / 3.0, 1e-9);
  EXPECT_FALSE(en.passed);
  EXPECT_EQ(en.target, "<= 0");
  EXPECT_EQ(en.explanation, "Isolates is 0.167, short of the target <= 0 (without ties: Sportverein).");
  EXPECT_EQ(only_row(ind, "", "de").explanation,
            "Isolierte: 0,167; Ziel <= 0 nicht erreicht (ohne Beziehung: Sportverein).");
}

// band: density 1/3 above [0.1, 0.2] with tolerance 0.2 scores (0.4-1/3)/0.2 = 33.33; below
// [0.5, 0.6] with tolerance 0.25 scores (1/3-0.25)/0.25 = 33.33; inside [0.3, 0.4] scores 100.
TEST(ScorecardEvaluate, Band) {
  const auto above = only_row(R"({"id": "d", "metric": "density", "direction": "band", "band": [0.1, 0.2],
 "tolerance": 0.2})", "");
  EXPECT_DOUBLE_EQ(above.value, 1.0 / 3.0);
  EXPECT_NEAR(above.score, 100.0 / 3.0, 1e-9);
  EXPECT_FALSE(above.passed);
  EXPECT_EQ(above.target, "0.1 - 0.2");
  EXPECT_EQ(above.label, "density");  // the metric's own label when none is given
  const auto below = only_row(R"({"id": "d", "metric": "density", "direction": "band", "band": [0.5, 0.6],
 "tolerance": 0.25})", "");
  EXPECT_NEAR(below.score, 100.0 / 3.0, 1e-9);
  const auto inside = only_row(R"({"id": "d", "metric": "density", "direction": "band", "band": [0.3, 0.4],
 "tolerance": 0.01})", "");
  EXPECT_DOUBLE_EQ(inside.score, 100.0);
  EXPECT_TRUE(inside.passed);
  // Far outside: clamped to 0.
  EXPECT_DOUBLE_EQ(only_row(R"({"id": "d", "metric": "density", "direction": "band", "band": [0.8, 0.9],
 "tolerance": 0.1})", "").score, 0.0);
}

// Coverage names the missing core sectors; a metric that is undefined (no ties) scores 0.
TEST(ScorecardEvaluate, CoverageAndUndefined) {
  // Core sectors: 8; drawn() has outpatient, inpatient, nursing, prevention, municipality:
  // missing rehabilitation, public health, health insurance.
  const auto row = only_row(R"({"id": "c", "metric": "coverage_ratio", "direction": "higher", "target": 1,
 "minimum": 0, "label": {"de": "Abdeckung", "en": "Coverage"}})", "");
  EXPECT_DOUBLE_EQ(row.value, 5.0 / 8.0);
  EXPECT_DOUBLE_EQ(row.score, 62.5);
  EXPECT_EQ(row.explanation,
            "Coverage is 0.625, short of the target >= 1 (missing: Rehabilitation, Public health service, Health "
            "insurance).");
  hn::network empty;
  empty.add_actor({.id = "a"});
  const auto card = hn::parse_scorecard(card_text(R"({"id": "m", "metric": "multiplexity", "direction": "higher",
 "target": 0.5, "minimum": 0, "label": {"de": "Multiplexität", "en": "Multiplexity"}})"));
  const auto res = hn::evaluate(card, empty, "en");
  EXPECT_TRUE(std::isnan(res.rows[0].value));
  EXPECT_DOUBLE_EQ(res.rows[0].score, 0.0);
  EXPECT_FALSE(res.rows[0].passed);
  EXPECT_EQ(res.rows[0].explanation, "Multiplexity cannot be computed (e.g. no ties)");
}

// ---- rules: every kind, with partial credit ------------------------------------------------

// body_exists: one steering group passes; 2 working groups required, 1 recorded = 50;
// no office = 0; a too-small body is named.
TEST(ScorecardRules, BodyExists) {
  const auto sg = only_row("", R"({"id": "s", "kind": "body_exists", "body": "steering_group", "label": "s"})");
  EXPECT_DOUBLE_EQ(sg.score, 100.0);
  EXPECT_TRUE(sg.passed);
  EXPECT_EQ(sg.kind, "rule");
  EXPECT_EQ(sg.explanation, "1 steering group recorded.");
  const std::string two =
      R"({"id": "w", "kind": "body_exists", "body": "working_group", "min_count": 2, "label": "w"})";
  const auto wg = only_row("", two);
  EXPECT_DOUBLE_EQ(wg.value, 0.5);
  EXPECT_DOUBLE_EQ(wg.score, 50.0);
  EXPECT_FALSE(wg.passed);
  EXPECT_EQ(wg.target, ">= 2 working groups");
  EXPECT_EQ(wg.explanation, "Only 1 of the 2 required working groups recorded.");
  EXPECT_EQ(only_row("", two, "de").explanation, "Nur 1 von 2 geforderten Arbeitsgruppen erfasst.");
  const std::string office = R"({"id": "o", "kind": "body_exists", "body": "coordination_office", "label": "o"})";
  EXPECT_DOUBLE_EQ(only_row("", office).score, 0.0);
  EXPECT_EQ(only_row("", office).explanation, "There is no coordination office.");
  EXPECT_EQ(only_row("", office, "de").explanation, "Es ist keine Geschäftsstelle erfasst.");
  const std::string big =
      R"({"id": "b", "kind": "body_exists", "body": "steering_group", "min_members": 4, "label": "b"})";
  const auto small = only_row("", big);
  EXPECT_DOUBLE_EQ(small.score, 0.0);
  EXPECT_EQ(small.target, ">= 1 steering group with >= 4 members");
  EXPECT_EQ(small.explanation, "Only 0 of the 1 required steering groups recorded (with at least 4 members; 1 more has "
                               "fewer).");
  EXPECT_EQ(only_row("", big, "de").explanation,
            "Nur 0 von 1 geforderten Steuerungsgruppen erfasst (mit mindestens 4 Mitgliedern; 1 weitere hat weniger).");
}

// body_sectors: the steering group {mu, gp1, kh} has municipality and physicians (by the
// alternative outpatient_care) but no insurer and no nursing care: 2 of 4 = 50.
TEST(ScorecardRules, BodySectorsNamesMissing) {
  const std::string rule = R"({"id": "m", "kind": "body_sectors", "body": "steering_group", "label": "m",
 "items": [["municipality"], ["outpatient_care", "professional_body"], ["health_insurance"], ["nursing_care"]]})";
  const auto en = only_row("", rule);
  EXPECT_DOUBLE_EQ(en.value, 0.5);
  EXPECT_DOUBLE_EQ(en.score, 50.0);
  EXPECT_FALSE(en.passed);
  EXPECT_EQ(en.target, "4 of 4");
  EXPECT_EQ(en.explanation, "The steering group has no member from: Health insurance, Nursing care.");
  EXPECT_EQ(only_row("", rule, "de").explanation, "In der Steuerungsgruppe fehlt jemand aus: Krankenkassen, Pflege.");
  // Item labels replace the sector names; unlabelled alternatives are joined by "or".
  const std::string labelled = R"j({"id": "m", "kind": "body_sectors", "body": "steering_group", "label": "m",
 "items": [["health_insurance"], ["pharmacy", "professional_body"]],
 "item_labels": [{"de": "Krankenkassen (AOK, vdek, BKK)", "en": "health insurers"}, ""]})j";
  EXPECT_EQ(only_row("", labelled).explanation,
            "The steering group has no member from: health insurers, Pharmacy or Professional bodies.");
  EXPECT_EQ(only_row("", labelled, "de").explanation,
            "In der Steuerungsgruppe fehlt jemand aus: Krankenkassen (AOK, vdek, BKK), Apotheken oder Kammern und "
            "Verbände.");
}

// body_sectors with no body of that kind: score 0, every item named.
TEST(ScorecardRules, BodySectorsWithoutBody) {
  const auto row = only_row("", R"({"id": "o", "kind": "body_sectors", "body": "coordination_office", "label": "o",
 "items": [["municipality", "public_health"]]})");
  EXPECT_DOUBLE_EQ(row.score, 0.0);
  EXPECT_EQ(row.explanation, "There is no coordination office, so these are missing: Municipality or Public health "
                             "service.");
}

// body_types: the working group has a gp_practice but no pharmacy: 1 of 2.
TEST(ScorecardRules, BodyTypes) {
  const auto row = only_row("", R"({"id": "t", "kind": "body_types", "body": "working_group", "label": "t",
 "items": ["gp_practice", "pharmacy"]})");
  EXPECT_DOUBLE_EQ(row.score, 50.0);
  EXPECT_EQ(row.explanation, "The working group has no member from: pharmacy.");
}

// body_topics: keywords match topic or name case-insensitively ("versorgung" in
// "Hausärztliche Versorgung"); no group on prevention: 1 of 2.
TEST(ScorecardRules, BodyTopics) {
  const std::string rule = R"({"id": "t", "kind": "body_topics", "body": "working_group", "label": "t",
 "items": [["versorgung"], ["Prävention", "Gesundheitsförderung"]]})";
  const auto en = only_row("", rule);
  EXPECT_DOUBLE_EQ(en.score, 50.0);
  EXPECT_EQ(en.explanation, "No working group on: Prävention or Gesundheitsförderung.");
  EXPECT_EQ(only_row("", rule, "de").explanation, "Keine Arbeitsgruppe zu: Prävention oder Gesundheitsförderung.");
}

// sectors_present: outpatient and prevention (the isolate counts) present, rehabilitation
// missing: 2 of 3 = 66.67.
TEST(ScorecardRules, SectorsPresent) {
  const std::string rule = R"({"id": "p", "kind": "sectors_present", "label": "p",
 "items": ["outpatient_care", "rehabilitation", "prevention"]})";
  const auto en = only_row("", rule);
  EXPECT_NEAR(en.score, 200.0 / 3.0, 1e-9);
  EXPECT_EQ(en.explanation, "The network has no actors from: Rehabilitation.");
  EXPECT_EQ(only_row("", rule, "de").explanation, "Im Netzwerk fehlen Akteure aus: Rehabilitation.");
}

// sectors_tied: pairs are unordered (kh|gp counts for gp1-kh); nursing-municipality has
// no tie: 2 of 3; all met gives 100 and "All 2 requirements met."
TEST(ScorecardRules, SectorsTied) {
  const std::string rule = R"({"id": "t", "kind": "sectors_tied", "label": "t",
 "items": ["outpatient_care|inpatient_care", "nursing_care|municipality", "inpatient_care|outpatient_care"]})";
  const auto en = only_row("", rule);
  EXPECT_NEAR(en.score, 200.0 / 3.0, 1e-9);
  EXPECT_EQ(en.explanation, "No tie between: Nursing care – Municipality.");
  EXPECT_EQ(only_row("", rule, "de").explanation, "Keine Beziehung zwischen: Pflege – Kommune.");
  const auto all = only_row("", R"({"id": "t", "kind": "sectors_tied", "label": "t",
 "items": ["inpatient_care|municipality", "nursing_care|outpatient_care"]})");
  EXPECT_DOUBLE_EQ(all.score, 100.0);
  EXPECT_TRUE(all.passed);
  EXPECT_EQ(all.explanation, "All 2 requirements met.");
  const std::string one =
      R"({"id": "t", "kind": "sectors_tied", "label": "t", "items": ["municipality|inpatient_care"]})";
  EXPECT_EQ(only_row("", one).explanation, "Requirement met.");
  EXPECT_EQ(only_row("", one, "de").explanation, "Anforderung erfüllt.");
}

// ---- total, languages, serialisation ---------------------------------------------------

// Total = weighted mean: (3*50 + 1*100 + 2*0) / 6 = 41.67; zero weights give NaN.
TEST(ScorecardEvaluate, TotalIsWeightedMean) {
  const auto card = hn::parse_scorecard(card_text(
      R"({"id": "x", "metric": "cross_group_share", "direction": "higher", "target": 1, "minimum": 0.6, "weight": 3})",
      R"({"id": "s", "kind": "body_exists", "body": "steering_group", "label": "s", "weight": 1},
         {"id": "o", "kind": "body_exists", "body": "coordination_office", "label": "o", "weight": 2})"));
  const auto res = hn::evaluate(card, drawn());
  ASSERT_EQ(res.rows.size(), 3u);
  EXPECT_NEAR(res.total, 250.0 / 6.0, 1e-9);
  EXPECT_EQ(res.scorecard_id, "t");
  EXPECT_EQ(res.lang, "en");
  const auto zero = hn::parse_scorecard(card_text("", R"({"id": "s", "kind": "body_exists", "body": "steering_group",
 "label": "s", "weight": 0})"));
  EXPECT_TRUE(std::isnan(hn::evaluate(zero, drawn()).total));
}

// Only "de" and "en" are languages; labels follow the language and fall back to the other.
TEST(ScorecardEvaluate, Languages) {
  const auto card = hn::parse_scorecard(card_text("", R"({"id": "s", "kind": "body_exists",
 "body": "steering_group", "label": {"de": "Steuerung"}})"));
  EXPECT_THROW(hn::evaluate(card, drawn(), "fr"), hn::invalid_input);
  EXPECT_EQ(hn::evaluate(card, drawn(), "de").rows[0].label, "Steuerung");
  EXPECT_EQ(hn::evaluate(card, drawn(), "en").rows[0].label, "Steuerung");
}

// to_json(scorecard) parses back to the same scorecard (same JSON again).
TEST(ScorecardParse, JsonRoundTrip) {
  for (const auto& id : hn::builtin_scorecard_ids()) {
    const auto card = hn::builtin_scorecard(id);
    const std::string once = hn::to_json(card);
    EXPECT_EQ(hn::to_json(hn::parse_scorecard(once, id)), once) << id;
  }
}

// ---- shipped scorecards ---------------------------------------------------------------

// The four shipped scorecards load by id; other ids are not_found; files load by path.
TEST(ScorecardShipped, Ids) {
  EXPECT_EQ(hn::builtin_scorecard_ids(), (std::vector<std::string>{"bayern", "hessen", "network", "niedersachsen"}));
  EXPECT_THROW(hn::builtin_scorecard("sachsen"), hn::not_found);
  EXPECT_THROW(hn::load_scorecard("sachsen"), hn::not_found);
  const auto custom = hn::load_scorecard(std::string(HEALTHNET_TEST_DATA) + "/scorecards/custom.json");
  EXPECT_EQ(custom.id, "musterstadt_2025");
  EXPECT_EQ(custom.rules.size(), 4u);
}

// Every shipped scorecard evaluates on the example region in both languages, with a total
// in 0..100, a source on every row, and (programme cards) a quoted German sentence and seed.
TEST(ScorecardShipped, EvaluateOnExample) {
  const auto net = hn::example_region();
  for (const auto& id : hn::builtin_scorecard_ids()) {
    const auto card = hn::builtin_scorecard(id);
    for (const char* lang : {"de", "en"}) {
      const auto res = hn::evaluate(card, net, lang);
      EXPECT_GE(res.total, 0.0) << id;
      EXPECT_LE(res.total, 100.0) << id;
      EXPECT_EQ(res.rows.size(), card.indicators.size() + card.rules.size());
      for (const auto& row : res.rows) {
        EXPECT_FALSE(row.source.empty()) << id << "/" << row.id;
        EXPECT_FALSE(row.label.empty()) << id << "/" << row.id;
        EXPECT_FALSE(row.explanation.empty()) << id << "/" << row.id;
        if (id != "network") {
          EXPECT_NE(row.source.find("\u201E"), std::string::npos) << id << "/" << row.id;  // „
          EXPECT_NE(row.source.find("seed 00"), std::string::npos) << id << "/" << row.id;
        }
      }
    }
  }
}

// The example region (Lower Saxony) meets every governance rule of niedersachsen: its
// steering group has all required partners, 4 working groups, an office and a conference.
TEST(ScorecardShipped, ExampleMeetsNiedersachsenRules) {
  const auto res = hn::evaluate(hn::builtin_scorecard("niedersachsen"), hn::example_region(), "de");
  for (const auto& row : res.rows) {
    if (row.kind == "rule") EXPECT_TRUE(row.passed) << row.id << ": " << row.explanation;
  }
}

// Removing the insurer from the example's steering group fails the composition rule
// (5 of 6 items) and names the item label in German.
TEST(ScorecardShipped, NiedersachsenMissingInsurer) {
  auto net = hn::example_region();
  hn::body steering = net.bodies()[1];
  ASSERT_EQ(steering.kind, hn::body_kind::steering_group);
  ASSERT_EQ(std::erase(steering.members, "aok"), 1u);
  net.remove_body(steering.id);
  net.add_body(steering);
  const auto res = hn::evaluate(hn::builtin_scorecard("niedersachsen"), net, "de");
  bool seen = false;
  for (const auto& row : res.rows) {
    if (row.id != "steering_group_members") continue;
    seen = true;
    EXPECT_FALSE(row.passed);
    EXPECT_NEAR(row.score, 500.0 / 6.0, 1e-9);
    EXPECT_EQ(row.explanation, "In der Steuerungsgruppe fehlt jemand aus: Krankenkassen.");
  }
  EXPECT_TRUE(seen);
}
