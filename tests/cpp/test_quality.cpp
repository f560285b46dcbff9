// SPDX-License-Identifier: MIT
// Relationship quality (trust and value, after PARTNER) and collaboration
// levels. Oracle: hand-computed on the graph drawn below (the numbers are
// worked out next to each assertion).
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include <healthnet/healthnet.hpp>
#include <healthnet/report.hpp>
#include <nlohmann/json.hpp>

namespace hn = healthnet;

namespace {

//          a (hospital)               a, b, c: respondents; d: non-respondent
//        ^ |  ^      \                to/tr/tm: trust_openness/_reliability/_mission
//   b->a | |  | c->a  \ a->d          vp/vr/vi: value_power/_resources/_involvement
//   a->b | v  |        v
//          b (gp) <-- c (gp) <-- d (office)
//               c->b        d->c
//
//  tie     to tr tm | vp vr vi | trust value | level
//  a->b     4  3  2 |  2  2  2 |  3     2    | coordination
//  b->a     2  2  - |  4  -  - |  2     4    | cooperation
//  c->a     4  4  4 |  -  -  - |  4     NaN  | coordination
//  a->d     1  1  1 |  1  3  - |  1     2    | awareness
//  d->c     4  4  4 |  -  -  - |  4     NaN  | integration   (rater d is a non-respondent)
//  c->b     -  -  - |  -  -  - |  NaN   NaN  | -             (no ratings)
hn::network rated() {
  hn::network net(hn::directedness::directed);
  net.add_actor({.id = "a", .sectors = {"hospital"}, .respondent = true});
  net.add_actor({.id = "b", .sectors = {"gp"}, .respondent = true});
  net.add_actor({.id = "c", .sectors = {"gp"}, .respondent = true});
  net.add_actor({.id = "d", .sectors = {"office"}, .respondent = false});
  const auto tie = [&](const char* s, const char* t, hn::attribute_map attrs) {
    net.add_tie({.source = s, .target = t, .attributes = std::move(attrs)});
  };
  tie("a", "b", {{"trust_openness", 4.0}, {"trust_reliability", 3.0}, {"trust_mission", 2.0}, {"value_power", 2.0},
                 {"value_resources", 2.0}, {"value_involvement", 2.0}, {"level", std::string("coordination")}});
  tie("b", "a", {{"trust_openness", 2.0}, {"trust_reliability", 2.0}, {"value_power", 4.0},
                 {"level", std::string("cooperation")}});
  tie("c", "a", {{"trust_openness", 4.0}, {"trust_reliability", 4.0}, {"trust_mission", 4.0},
                 {"level", std::string("coordination")}});
  tie("a", "d", {{"trust_openness", 1.0}, {"trust_reliability", 1.0}, {"trust_mission", 1.0}, {"value_power", 1.0},
                 {"value_resources", 3.0}, {"level", std::string("awareness")}});
  tie("d", "c", {{"trust_openness", 4.0}, {"trust_reliability", 4.0}, {"trust_mission", 4.0},
                 {"level", std::string("integration")}});
  tie("c", "b", {});
  return net;
}

const hn::actor_quality& actor_row(const hn::quality_result& r, const std::string& id) {
  for (const auto& a : r.actors) {
    if (a.id == id) return a;
  }
  throw std::out_of_range(id);
}

template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const hn::error& e) {
    return e.what();
  }
  return "(no error)";
}

const std::vector<std::string> himmelman{"awareness", "cooperation", "coordination", "integration"};

}  // namespace

TEST(RelationshipQuality, PerTieMeansOfTheGivenRatings) {
  const auto r = hn::relationship_quality(rated());
  ASSERT_EQ(r.ties.size(), 6u);
  EXPECT_EQ(r.ties[0].source, "a");
  EXPECT_DOUBLE_EQ(r.ties[0].trust, 3.0);  // (4 + 3 + 2) / 3
  EXPECT_DOUBLE_EQ(r.ties[0].value, 2.0);
  EXPECT_DOUBLE_EQ(r.ties[1].trust, 2.0);  // (2 + 2) / 2, mission missing
  EXPECT_DOUBLE_EQ(r.ties[1].value, 4.0);
  EXPECT_TRUE(std::isnan(r.ties[1].ratings[2]));
  EXPECT_TRUE(std::isnan(r.ties[2].value));  // c->a has no value ratings
  EXPECT_DOUBLE_EQ(r.ties[3].value, 2.0);    // (1 + 3) / 2
  EXPECT_TRUE(std::isnan(r.ties[5].trust));  // c->b unrated
}

TEST(RelationshipQuality, PerActorReceivedFromRespondentsAndGiven) {
  const auto r = hn::relationship_quality(rated());
  const auto& a = actor_row(r, "a");
  EXPECT_DOUBLE_EQ(a.trust_received, 3.0);  // b->a 2, c->a 4
  EXPECT_EQ(a.trust_raters, 2u);
  EXPECT_DOUBLE_EQ(a.value_received, 4.0);  // b->a only
  EXPECT_EQ(a.value_raters, 1u);
  EXPECT_DOUBLE_EQ(a.trust_given, 2.0);  // a->b 3, a->d 1
  EXPECT_DOUBLE_EQ(a.value_given, 2.0);
  const auto& c = actor_row(r, "c");
  EXPECT_TRUE(std::isnan(c.trust_received));  // only d rated c, and d is a non-respondent
  EXPECT_EQ(c.trust_raters, 0u);
  EXPECT_DOUBLE_EQ(c.trust_given, 4.0);
  const auto& d = actor_row(r, "d");
  EXPECT_DOUBLE_EQ(d.trust_received, 1.0);
  EXPECT_DOUBLE_EQ(d.trust_given, 4.0);  // what d gave is still shown
}

TEST(RelationshipQuality, NetworkMeansOnTheScaleAndInPercent) {
  const auto r = hn::relationship_quality(rated());
  EXPECT_DOUBLE_EQ(r.trust.mean, 2.5);  // (3 + 2 + 4 + 1) / 4; d->c left out
  EXPECT_EQ(r.trust.n, 4u);
  EXPECT_DOUBLE_EQ(r.trust.percent, 62.5);  // 2.5 / 4 * 100
  EXPECT_DOUBLE_EQ(r.value.mean, 8.0 / 3);  // (2 + 4 + 2) / 3
  EXPECT_DOUBLE_EQ(r.value.percent, 8.0 / 3 / 4 * 100);
  ASSERT_EQ(r.indicators.size(), 6u);
  EXPECT_EQ(r.indicators[0].name, "trust_openness");
  EXPECT_DOUBLE_EQ(r.indicators[0].mean, 2.75);     // (4 + 2 + 4 + 1) / 4
  EXPECT_DOUBLE_EQ(r.indicators[2].mean, 7.0 / 3);  // mission (2 + 4 + 1) / 3
  EXPECT_DOUBLE_EQ(r.indicators[4].mean, 2.5);      // resources (2 + 3) / 2
  EXPECT_EQ(r.indicators[5].n, 1u);                 // involvement: a->b only
}

TEST(RelationshipQuality, UndirectedTieIsReceivedByBothEnds) {
  // a - b rated 3 (trust_openness only): each end receives and gives 3.
  hn::network net;
  net.add_actor({.id = "a"});
  net.add_actor({.id = "b"});
  net.add_tie({.source = "a", .target = "b", .attributes = {{"trust_openness", 3.0}}});
  hn::quality_options o;
  o.trust = {"trust_openness"};
  o.value = {};
  const auto r = hn::relationship_quality(net, o);
  EXPECT_DOUBLE_EQ(actor_row(r, "b").trust_received, 3.0);
  EXPECT_DOUBLE_EQ(actor_row(r, "a").trust_received, 3.0);
  EXPECT_EQ(r.trust.n, 1u);
  EXPECT_TRUE(std::isnan(r.value.mean));
}

TEST(RelationshipQuality, BadInputIsNamed) {
  const auto net = rated();
  hn::quality_options typo;
  typo.trust = {"trust_openess"};
  const auto missing = message_of([&] { hn::relationship_quality(net, typo); });
  EXPECT_NE(missing.find("no tie carries the attribute 'trust_openess'"), std::string::npos) << missing;
  EXPECT_NE(missing.find("did you mean 'trust_openness'"), std::string::npos) << missing;
  EXPECT_THROW(hn::relationship_quality(net, typo), hn::not_found);

  hn::quality_options small;
  small.scale_max = 3;  // a->b trust_openness = 4 is outside [1, 3]
  const auto outside = message_of([&] { hn::relationship_quality(net, small); });
  EXPECT_NE(outside.find("tie 'a' -> 'b', attribute 'trust_openness'"), std::string::npos) << outside;
  EXPECT_NE(outside.find("rating 4 outside the scale [1, 3]"), std::string::npos) << outside;
  EXPECT_THROW(hn::relationship_quality(net, small), hn::invalid_input);

  auto text = rated();
  text.add_tie({.source = "b", .target = "c", .attributes = {{"trust_mission", std::string("high")}}});
  const auto not_number = message_of([&] { hn::relationship_quality(text); });
  EXPECT_NE(not_number.find("tie 'b' -> 'c', attribute 'trust_mission': rating is not a number: 'high'"),
            std::string::npos)
      << not_number;

  hn::quality_options none;
  none.trust = {};
  none.value = {};
  EXPECT_THROW(hn::relationship_quality(net, none), hn::invalid_input);
  hn::quality_options flipped;
  flipped.scale_min = 4;
  flipped.scale_max = 1;
  EXPECT_THROW(hn::relationship_quality(net, flipped), hn::invalid_input);
}

TEST(RelationshipQuality, NumericHelperReadsAnyNumberButNotBool) {
  using v = std::variant<bool, double, std::int64_t, std::string>;
  EXPECT_EQ(hn::detail::numeric_attribute(v{std::int64_t{3}}), std::optional<double>(3.0));
  EXPECT_EQ(hn::detail::numeric_attribute(v{2.5}), std::optional<double>(2.5));
  EXPECT_EQ(hn::detail::numeric_attribute(v{true}), std::nullopt);
  EXPECT_EQ(hn::detail::numeric_attribute(v{std::string("3")}), std::nullopt);
}

TEST(CollaborationLevels, CountsAndSharesOverallAndBySectorPair) {
  const auto r = hn::collaboration_levels(rated(), "level", himmelman);
  // awareness 1 (a->d), cooperation 1 (b->a), coordination 2 (a->b, c->a), integration 1 (d->c)
  EXPECT_EQ(r.overall.counts, (std::vector<std::size_t>{1, 1, 2, 1}));
  EXPECT_EQ(r.overall.total, 5u);
  EXPECT_DOUBLE_EQ(r.overall.shares[2], 0.4);
  EXPECT_EQ(r.unrated, 1u);  // c->b
  // directed pairs, sorted: (gp, hospital) b->a, c->a; (hospital, gp) a->b;
  // (hospital, office) a->d; (office, gp) d->c
  ASSERT_EQ(r.pairs.size(), 4u);
  EXPECT_EQ(r.pairs[0], (std::pair<std::string, std::string>{"gp", "hospital"}));
  EXPECT_EQ(r.by_pair[0].counts, (std::vector<std::size_t>{0, 1, 1, 0}));
  EXPECT_DOUBLE_EQ(r.by_pair[0].shares[1], 0.5);
  EXPECT_EQ(r.pairs[3], (std::pair<std::string, std::string>{"office", "gp"}));
}

TEST(CollaborationLevels, UndirectedPairsAreUnordered) {
  hn::network net;
  net.add_actor({.id = "a", .sectors = {"x"}});
  net.add_actor({.id = "b", .sectors = {"y"}});
  net.add_actor({.id = "c", .sectors = {"x"}});
  net.add_tie({.source = "b", .target = "a", .attributes = {{"level", 2.0}}});
  net.add_tie({.source = "a", .target = "b", .attributes = {{"level", 1.0}}});  // merged into b - a
  net.add_tie({.source = "c", .target = "b", .attributes = {{"level", 1.0}}});
  const auto r = hn::collaboration_levels(net, "level", {"1", "2"});
  ASSERT_EQ(r.pairs.size(), 1u);  // (x, y) for both ties
  EXPECT_EQ(r.pairs[0], (std::pair<std::string, std::string>{"x", "y"}));
  EXPECT_EQ(r.by_pair[0].total, 2u);
}

TEST(CollaborationLevels, BadInputIsNamed) {
  const auto net = rated();
  const auto unknown = message_of([&] { hn::collaboration_levels(net, "level", {"awareness", "cooperation"}); });
  EXPECT_NE(unknown.find("tie 'a' -> 'b', attribute 'level': value 'coordination' is not a level"),
            std::string::npos)
      << unknown;
  EXPECT_THROW(hn::collaboration_levels(net, "levle", himmelman), hn::not_found);
  EXPECT_NE(message_of([&] { hn::collaboration_levels(net, "levle", himmelman); }).find("did you mean 'level'"),
            std::string::npos);
  EXPECT_THROW(hn::collaboration_levels(net, "level", {}), hn::invalid_input);
  EXPECT_THROW(hn::collaboration_levels(net, "level", {"a", "a"}), hn::invalid_input);
}

TEST(RelationshipQuality, RegistryScoresUseTheDefaultNamesOrNan) {
  EXPECT_DOUBLE_EQ(hn::evaluate_metric(rated(), "trust_score"), 2.5);
  EXPECT_DOUBLE_EQ(hn::evaluate_metric(rated(), "value_score"), 8.0 / 3);
  hn::network plain;
  plain.add_actor({.id = "a"});
  plain.add_actor({.id = "b"});
  plain.add_tie({.source = "a", .target = "b"});
  EXPECT_TRUE(std::isnan(hn::evaluate_metric(plain, "trust_score")));
  EXPECT_TRUE(std::isnan(hn::evaluate_metric(plain, "value_score")));
}

// ---- report section ------------------------------------------------------------------

TEST(QualityReport, SectionWithRatingsByHand) {
  // rated(): trust received a 3 (2 raters), b 3 (1), d 1 (1), c none (only d,
  // a non-respondent, rated it): top a, b, d (stable order), no bottom left.
  // Sector pairs over the counted ties: (hospital, office) a->d 1;
  // (gp, hospital) b->a 2, c->a 4 -> 3; (hospital, gp) a->b 3.
  const auto r = hn::build_report(rated());
  ASSERT_TRUE(r.quality.has_value());
  EXPECT_DOUBLE_EQ(r.quality->trust.mean, 2.5);
  ASSERT_EQ(r.quality->top.size(), 3u);
  EXPECT_EQ(r.quality->top[0].id, "a");
  EXPECT_EQ(r.quality->top[0].raters, 2u);
  EXPECT_EQ(r.quality->top[2].id, "d");
  EXPECT_TRUE(r.quality->bottom.empty());
  ASSERT_EQ(r.quality->low_pairs.size(), 3u);
  EXPECT_EQ(r.quality->low_pairs[0].from, "hospital");
  EXPECT_EQ(r.quality->low_pairs[0].to, "office");
  EXPECT_DOUBLE_EQ(r.quality->low_pairs[0].trust, 1.0);
  EXPECT_DOUBLE_EQ(r.quality->low_pairs[1].trust, 3.0);
  EXPECT_EQ(r.quality->low_pairs[1].n, 2u);

  const auto md = hn::to_markdown(rated(), r);
  EXPECT_NE(md.find("## 8. Vertrauen und Nutzen"), std::string::npos);
  EXPECT_NE(md.find("Vertrauen im Netzwerk: 2,50 von 4 (62,5\u00a0%)"), std::string::npos) << md;
  hn::report_options en;
  en.lang = "en";
  const auto html = hn::render_report_html(rated(), en);
  EXPECT_NE(html.find("id=\"trust-value\""), std::string::npos);
  EXPECT_NE(html.find("Trust and value"), std::string::npos);
  const auto doc = nlohmann::json::parse(hn::render_report_json(rated(), en));
  EXPECT_DOUBLE_EQ(doc["quality"]["trust"]["percent"].get<double>(), 62.5);
  EXPECT_EQ(doc["quality"]["top_trust"][0]["raters"], 2);
}

TEST(QualityReport, TopAndBottomFiveDoNotOverlap) {
  // h -> p1..p7 rated 1, 1.5, ..., 4: top p7 p6 p5 p4 p3, bottom p1 p2.
  hn::network net(hn::directedness::directed);
  net.add_actor({.id = "h"});
  for (int i = 1; i <= 7; ++i) {
    const std::string id = "p" + std::to_string(i);
    net.add_actor({.id = id});
    net.add_tie({.source = "h", .target = id, .attributes = {{"trust_reliability", 1 + 0.5 * (i - 1)}}});
  }
  const auto r = hn::build_report(net);
  ASSERT_TRUE(r.quality.has_value());
  ASSERT_EQ(r.quality->top.size(), 5u);
  EXPECT_EQ(r.quality->top[0].id, "p7");
  EXPECT_EQ(r.quality->top[4].id, "p3");
  ASSERT_EQ(r.quality->bottom.size(), 2u);
  EXPECT_EQ(r.quality->bottom[0].id, "p1");
  EXPECT_DOUBLE_EQ(r.quality->bottom[1].trust, 1.5);
}

TEST(QualityReport, NoSectionWithoutRatings) {
  const auto net = hn::example_region();
  const auto r = hn::build_report(net);
  EXPECT_FALSE(r.quality.has_value());
  EXPECT_EQ(hn::to_markdown(net, r).find("Vertrauen und Nutzen"), std::string::npos);
  EXPECT_EQ(hn::to_html(net, r).find("trust-value"), std::string::npos);
  const auto doc = nlohmann::json::parse(hn::to_json(r));
  EXPECT_TRUE(doc["quality"].is_null());
}
