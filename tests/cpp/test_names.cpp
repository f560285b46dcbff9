// SPDX-License-Identifier: MIT
// No silent NaN from a wrong name (issue 14, item 5): a `by`, relation,
// metric, sector or body kind that names nothing is an error listing what
// exists, with a "did you mean"; coverage and scorecards count the actors
// whose sector labels lie outside the taxonomy. Oracles: the small graphs
// drawn below, with values and messages worked out by hand.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include <healthnet/assortativity.hpp>
#include <healthnet/block_density.hpp>
#include <healthnet/brokerage.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/ei_index.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/metric_registry.hpp>
#include <healthnet/network.hpp>
#include <healthnet/scorecard.hpp>

namespace hn = healthnet;

namespace {

const std::string bad_dir = std::string(HEALTHNET_TEST_DATA) + "/bad/";

//   a1 --- a2 --- b1 --- x        a1, a2: outpatient_care, Kreis "Nord"
//   (information; a2-b1 also      b1: nursing_care, Kreis "Süd"
//    referral)                    x: sector label "Ärzte" (outside the taxonomy), no Kreis
hn::network small() {
  hn::network net;
  net.add_actor({.id = "a1", .sectors = {"outpatient_care"}, .attributes = {{"Kreis", std::string("Nord")}}});
  net.add_actor({.id = "a2", .sectors = {"outpatient_care"}, .attributes = {{"Kreis", std::string("Nord")}}});
  net.add_actor({.id = "b1", .sectors = {"nursing_care"}, .attributes = {{"Kreis", std::string("Süd")}}});
  net.add_actor({.id = "x", .sectors = {"Ärzte"}});
  net.add_tie({.source = "a1", .target = "a2", .relations = {"information"}});
  net.add_tie({.source = "a2", .target = "b1", .relations = {"information", "referral"}});
  net.add_tie({.source = "b1", .target = "x", .relations = {"information"}});
  return net;
}

template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const hn::not_found& e) {
    return e.what();
  } catch (const hn::invalid_input& e) {
    return std::string("invalid_input: ") + e.what();
  }
  return "(no exception)";
}

// Known names: "sector", then the attribute keys present, alphabetically.
// "Sektorr" -> "sector": k/c substituted, one r deleted (Levenshtein 2,
// within max(2, 7/3)); "Kreis" is 6 edits away.
const std::string sektorr =
    "by: no actor has the attribute 'Sektorr'; did you mean 'sector'? (known: 'sector', 'Kreis')";

}  // namespace

TEST(Names, TypoInByIsNotFoundWithSuggestion) {
  const auto net = small();
  EXPECT_EQ(message_of([&] { (void)hn::group_actors(net, "Sektorr"); }), sektorr);
  EXPECT_EQ(message_of([&] { (void)hn::shared_grouping(net, "Sektorr"); }), sektorr);
  // A second call (nothing memoized for a failed grouping) says the same.
  EXPECT_EQ(message_of([&] { (void)hn::group_actors(net, "Sektorr"); }), sektorr);
  // Without a close name: only the known ones.
  EXPECT_EQ(message_of([&] { (void)hn::group_actors(net, "zzzzzzzz"); }),
            "by: no actor has the attribute 'zzzzzzzz' (known: 'sector', 'Kreis')");
  // Case matters for attribute keys: 'kreis' is not 'Kreis', but is suggested.
  EXPECT_EQ(message_of([&] { (void)hn::group_actors(net, "kreis"); }),
            "by: no actor has the attribute 'kreis'; did you mean 'Kreis'? (known: 'sector', 'Kreis')");
}

// Every grouped measure takes its grouping from group_actors(), so each
// raises instead of giving NaN (E-I, assortativity) or empty/zero results
// (block density, brokerage), as they did before.
TEST(Names, GroupedMeasuresAndRegistryRaise) {
  const auto net = small();
  EXPECT_THROW((void)hn::ei_index(net, hn::group_actors(net, "Sektorr")), hn::not_found);
  EXPECT_THROW((void)hn::block_density(net, hn::group_actors(net, "Sektorr")), hn::not_found);
  EXPECT_THROW((void)hn::brokerage(net, hn::group_actors(net, "Sektorr")), hn::not_found);
  for (const auto& m : hn::metric_catalog()) {
    if (!m.grouped) continue;
    EXPECT_EQ(message_of([&] { (void)hn::evaluate_metric(net, m.name, "Sektorr"); }), sektorr) << m.name;
  }
  // A valid attribute still works: Kreis groups {a1, a2} and {b1}; x has no
  // value and is left out with its tie. Ties a1-a2 (I) and a2-b1 (E):
  // E-I = (1 - 1) / 2 = 0.
  EXPECT_DOUBLE_EQ(hn::evaluate_metric(net, "ei_index", "Kreis"), 0.0);
  // An unknown metric name suggests the closest ("densty" -> "density", 1 edit).
  const auto msg = message_of([&] { (void)hn::evaluate_metric(net, "densty"); });
  EXPECT_EQ(msg.rfind("unknown metric 'densty'; did you mean 'density'? (known: 'n_actors', 'n_ties', ", 0), 0u)
      << msg;
}

// The rule: "sector", or a key at least one actor carries. One carrier is
// enough; a network without actors is no error; "sector" never is.
TEST(Names, WhatCountsAsKnown) {
  hn::network net;
  EXPECT_EQ(hn::group_actors(net, "anything").size(), 0u);  // 0 actors
  net.add_actor({.id = "a"});
  net.add_actor({.id = "b", .attributes = {{"rural", true}}});
  EXPECT_EQ(hn::group_actors(net, "sector").size(), 0u);  // no sectors at all: no groups, no error
  const auto g = hn::group_actors(net, "rural");
  EXPECT_EQ(g.labels, (std::vector<std::string>{"true"}));
  EXPECT_EQ(g.group_of, (std::vector<std::int32_t>{hn::grouping::no_group, 0}));
  EXPECT_EQ(message_of([&] { (void)hn::group_actors(net, "Kreis"); }),
            "by: no actor has the attribute 'Kreis' (known: 'sector', 'rural')");
  // An empty name stays a bad-input error.
  EXPECT_THROW((void)hn::group_actors(net, ""), hn::invalid_input);
}

// A relation no tie carries: an error naming the relations present, not an
// empty layer. "referal" -> "referral" (one insertion).
TEST(Names, UnknownRelation) {
  const auto net = small();
  EXPECT_EQ(net.relation_layer("referral").n_ties(), 1u);
  EXPECT_EQ(message_of([&] { (void)net.relation_layer("referal"); }),
            "relation: no tie has the relation 'referal'; did you mean 'referral'? (known: 'information', "
            "'referral')");
  // Without ties there is nothing to name: the (empty) layer is returned.
  hn::network no_ties;
  no_ties.add_actor({.id = "a"});
  EXPECT_EQ(no_ties.relation_layer("referral").n_actors(), 1u);
}

// Coverage counts actors with labels outside the taxonomy.
//   p: {Ärzte}   q: {Ärzte, Kasse, Kasse}   r: {nursing_care, Kasse}   s: {outpatient_care}
// Outside: p, q, r -> 3 actors; 'Ärzte' listed by p, q (2), 'Kasse' by q, r
// (2; q's repeat counts once). Equal counts: byte order, 'Kasse' < 'Ärzte'.
TEST(Names, CoverageCountsLabelsOutsideTheTaxonomy) {
  hn::network net;
  net.add_actor({.id = "p", .sectors = {"Ärzte"}});
  net.add_actor({.id = "q", .sectors = {"Ärzte", "Kasse", "Kasse"}});
  net.add_actor({.id = "r", .sectors = {"nursing_care", "Kasse"}});
  net.add_actor({.id = "s", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "t"});
  const auto cov = hn::sector_coverage(net);
  EXPECT_EQ(cov.n_outside_taxonomy, 3u);
  using pair = std::pair<std::string, std::size_t>;
  EXPECT_EQ(cov.outside_taxonomy, (std::vector<pair>{{"Kasse", 2}, {"Ärzte", 2}}));
  // One more 'Ärzte' makes it the most frequent.
  net.add_actor({.id = "u", .sectors = {"Ärzte"}});
  const auto cov2 = hn::sector_coverage(net);
  EXPECT_EQ(cov2.n_outside_taxonomy, 4u);
  EXPECT_EQ(cov2.outside_taxonomy, (std::vector<pair>{{"Ärzte", 3}, {"Kasse", 2}}));
  // Only taxonomy ids: nothing outside.
  EXPECT_EQ(hn::sector_coverage(hn::network{}).n_outside_taxonomy, 0u);
  EXPECT_TRUE(hn::sector_coverage(hn::network{}).outside_taxonomy.empty());
}

// ---- scorecards --------------------------------------------------------------

namespace {

std::string load_error(const std::string& file) {
  try {
    (void)hn::read_scorecard(bad_dir + file);
  } catch (const hn::invalid_input& e) {
    return e.what();
  }
  return "(no exception)";
}

std::string card_with_rules(const std::string& rules) {
  return R"({"format": "healthnet-scorecard", "version": 1, "id": "c", "rules": [)" + rules + "]}";
}

}  // namespace

// Unknown sectors and body kinds fail at load time with file:line: path.
// The lines are those of the files in tests/data/bad.
TEST(Names, ScorecardUnknownSectorFailsAtLoad) {
  const std::string known =
      " (known: 'outpatient_care', 'inpatient_care', 'nursing_care', 'rehabilitation', 'prevention', "
      "'public_health', 'municipality', 'health_insurance', 'pharmacy', 'emergency_care', 'self_help', "
      "'social_services', 'education', 'mobility', 'professional_body', 'other')";
  EXPECT_EQ(load_error("scorecard_unknown_sector.json"),
            bad_dir + "scorecard_unknown_sector.json:8: rules[1].items[1][1]: unknown sector 'outpatient'; did you "
                      "mean 'outpatient_care'?" + known);
  EXPECT_EQ(load_error("scorecard_unknown_sector_pair.json"),
            bad_dir + "scorecard_unknown_sector_pair.json:7: rules[0].items[1]: unknown sector 'nursing' in the pair "
                      "'outpatient_care|nursing'; did you mean 'nursing_care'?" + known);
  EXPECT_EQ(load_error("scorecard_unknown_body_kind.json"),
            bad_dir + "scorecard_unknown_body_kind.json:7: rules[1].body: unknown body kind 'steering_grup'; did you "
                      "mean 'steering_group'? (known: 'steering_group', 'working_group', 'coordination_office', "
                      "'health_conference')");
}

// Labels of the taxonomy are aliases, stored as ids ("Pflege" = nursing_care,
// "Outpatient care" = outpatient_care, ASCII case ignored); a custom
// taxonomy replaces the built-in one.
TEST(Names, ScorecardSectorAliasesAndCustomTaxonomy) {
  const auto card = hn::parse_scorecard(card_with_rules(
      R"({"id": "p", "kind": "sectors_present", "items": ["Pflege", ["outpatient CARE", "pharmacy"]], "label": "x"},
         {"id": "t", "kind": "sectors_tied", "items": ["Kommune|Pflege"], "label": "y"})"));
  EXPECT_EQ(card.rules[0].items, (std::vector<std::vector<std::string>>{{"nursing_care"}, {"outpatient_care", "pharmacy"}}));
  EXPECT_EQ(card.rules[1].items, (std::vector<std::vector<std::string>>{{"municipality|nursing_care"}}));
  const hn::taxonomy custom({{.id = "aerzte", .label_de = "Ärzte", .label_en = "Physicians"}, {.id = "kasse"}});
  const std::string text = card_with_rules(R"({"id": "p", "kind": "sectors_present", "items": ["Ärzte", "kasse"], "label": "x"})");
  EXPECT_EQ(hn::parse_scorecard(text, "c.json", custom).rules[0].items,
            (std::vector<std::vector<std::string>>{{"aerzte"}, {"kasse"}}));
  EXPECT_EQ(message_of([&] { (void)hn::parse_scorecard(text, "c.json"); }),
            "invalid_input: c.json:1: rules[0].items[0]: unknown sector 'Ärzte' (known: 'outpatient_care', "
            "'inpatient_care', 'nursing_care', 'rehabilitation', 'prevention', 'public_health', 'municipality', "
            "'health_insurance', 'pharmacy', 'emergency_care', 'self_help', 'social_services', 'education', "
            "'mobility', 'professional_body', 'other')");
}

// Every shipped scorecard loads (their sectors are ids of the built-in taxonomy).
TEST(Names, ShippedScorecardsLoad) {
  for (const auto& id : hn::builtin_scorecard_ids()) EXPECT_NO_THROW((void)hn::builtin_scorecard(id)) << id;
}

// A `by` cannot be checked before there is a network: scoring raises,
// naming the indicator, instead of scoring 0.
TEST(Names, ScorecardByIsCheckedWhenScoring) {
  const auto card = hn::parse_scorecard(
      R"({"format": "healthnet-scorecard", "version": 1, "id": "c", "indicators": [
          {"id": "d", "metric": "density", "direction": "higher", "target": 0.5, "minimum": 0},
          {"id": "e", "metric": "ei_index", "by": "Sektorr", "direction": "higher", "target": 0.5, "minimum": -1}]})");
  EXPECT_EQ(message_of([&] { (void)hn::evaluate(card, small()); }),
            "scorecard 'c': indicators[1].by: no actor has the attribute 'Sektorr'; did you mean 'sector'? (known: "
            "'sector', 'Kreis')");
  // A network without actors has no attributes to check: the metric is NaN and scores 0, as documented.
  EXPECT_NO_THROW((void)hn::evaluate(card, hn::network{}));
}

// Rows that depend on sectors name the actors outside the taxonomy; others
// do not. small(): x carries 'Ärzte' -> 1 actor.
TEST(Names, ScorecardExplanationCountsLabelsOutsideTheTaxonomy) {
  const auto card = hn::parse_scorecard(card_with_rules(
      R"({"id": "p", "kind": "sectors_present", "items": ["outpatient_care"], "label": "x"},
         {"id": "b", "kind": "body_exists", "body": "steering_group", "label": "y"})"));
  const auto en = hn::evaluate(card, small(), "en");
  EXPECT_EQ(en.rows[0].explanation, "Requirement met. 1 actor has a sector label outside the taxonomy: 'Ärzte' (1).");
  EXPECT_EQ(en.rows[1].explanation.find("taxonomy"), std::string::npos);
  const auto de = hn::evaluate(card, small(), "de");
  EXPECT_NE(de.rows[0].explanation.find("1 Akteur hat eine Sektorangabe außerhalb der Taxonomie: 'Ärzte' (1)."),
            std::string::npos)
      << de.rows[0].explanation;
  // Two actors, two labels; a coverage indicator gets the note too.
  auto net = small();
  net.add_actor({.id = "k", .sectors = {"Kasse"}});
  const auto cov = hn::parse_scorecard(
      R"({"format": "healthnet-scorecard", "version": 1, "id": "c", "indicators": [
          {"id": "c", "metric": "coverage_ratio", "direction": "higher", "target": 1, "minimum": 0}]})");
  const auto row = hn::evaluate(cov, net, "en").rows[0];
  const std::string note = " 2 actors have sector labels outside the taxonomy: 'Kasse' (1), 'Ärzte' (1).";
  ASSERT_GE(row.explanation.size(), note.size());
  EXPECT_EQ(row.explanation.substr(row.explanation.size() - note.size()), note) << row.explanation;
}
