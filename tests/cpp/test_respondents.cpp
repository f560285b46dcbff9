// SPDX-License-Identifier: MIT
// Respondents: the model's flag, JSON and GraphML, the response rate, the
// missing-data policy of density and reciprocity, and symmetrize.
// Oracles: hand-computed on the graphs drawn below (R sna was not installed
// here; tests/r/make_missing_fixtures.R computes the same numbers with gden,
// grecip and symmetrize where it is, tests/data/missing/expected.csv).
#include <cmath>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include <healthnet/healthnet.hpp>
#include <healthnet/detail/respondent.hpp>

namespace hn = healthnet;

namespace {

const std::string data_dir = std::string(HEALTHNET_TEST_DATA) + "/missing/";

//  a <-> b   (a->b w2, b->a w4)       a, b, c: respondents
//  a  -> c   (w1)
//  c  -> d   (w3)                     d: non-respondent
//  a <-> d   (a->d w1, d->a w5)
//  e  -> a   (w2)                     e: unknown
//  b  -> e   (w1)
hn::network nonresponse() { return hn::read_json(data_dir + "nonresponse.json"); }

std::string message_of(const auto& f) {
  try {
    f();
  } catch (const hn::invalid_input& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(Respondents, JsonRoundTripKeepsTrueFalseAndUnknown) {
  const auto net = nonresponse();
  EXPECT_EQ(net.get_actor("a").respondent, std::optional<bool>(true));
  EXPECT_EQ(net.get_actor("d").respondent, std::optional<bool>(false));
  EXPECT_EQ(net.get_actor("e").respondent, std::nullopt);
  const auto text = hn::to_json(net);
  EXPECT_NE(text.find("\"respondent\": false"), std::string::npos);
  EXPECT_EQ(hn::parse_json(text), net);
}

TEST(Respondents, GraphmlRoundTripWritesABooleanKey) {
  const auto net = nonresponse();
  const auto text = hn::to_graphml(net);
  EXPECT_NE(text.find("attr.name=\"respondent\" attr.type=\"boolean\""), std::string::npos);
  EXPECT_EQ(hn::parse_graphml(text), net);
}

TEST(Respondents, GraphmlReadsOneAndZeroAndRejectsOtherText) {
  const std::string head =
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
      "<key id=\"r\" for=\"node\" attr.name=\"respondent\" attr.type=\"boolean\"/>"
      "<graph edgedefault=\"directed\">";
  const auto net = hn::parse_graphml(head + "<node id=\"a\"><data key=\"r\">1</data></node>"
                                            "<node id=\"b\"><data key=\"r\"> FALSE </data></node>"
                                            "<node id=\"c\"/></graph></graphml>");
  EXPECT_EQ(net.get_actor("a").respondent, std::optional<bool>(true));
  EXPECT_EQ(net.get_actor("b").respondent, std::optional<bool>(false));
  EXPECT_EQ(net.get_actor("c").respondent, std::nullopt);
  const auto msg = message_of([&] {
    (void)hn::parse_graphml(head + "<node id=\"a\"><data key=\"r\">vielleicht</data></node></graph></graphml>");
  });
  EXPECT_NE(msg.find("key 'r': not a respondent flag: 'vielleicht'"), std::string::npos) << msg;
}

TEST(Respondents, JsonRejectsAStringFlag) {
  const auto msg = message_of([] {
    (void)hn::parse_json(R"({"actors": [{"id": "a"},
 {"id": "b", "respondent": "vielleicht"}]})");
  });
  EXPECT_NE(msg.find(":2: actors[1].respondent: expected a boolean, found a string"), std::string::npos) << msg;
}

// The helper the CSV reader uses.
TEST(Respondents, ParseRespondentCells) {
  using hn::detail::parse_respondent;
  EXPECT_EQ(parse_respondent(" Ja "), std::optional<std::optional<bool>>(true));
  EXPECT_EQ(parse_respondent("NEIN"), std::optional<std::optional<bool>>(false));
  EXPECT_EQ(parse_respondent("1"), std::optional<std::optional<bool>>(true));
  EXPECT_EQ(parse_respondent("no"), std::optional<std::optional<bool>>(false));
  ASSERT_TRUE(parse_respondent("  ").has_value());
  EXPECT_FALSE(parse_respondent("  ")->has_value());  // blank: unknown
  EXPECT_FALSE(parse_respondent("vielleicht").has_value());
  EXPECT_EQ(hn::detail::respondent_problem("vielleicht"),
            "not a respondent flag: 'vielleicht' (expected true, false, 1, 0, yes, no, ja or nein (blank: unknown))");
}

// 3 respondents, 1 non-respondent, 1 unknown: 3 / (3 + 1).
TEST(Respondents, ResponseRate) {
  const auto r = hn::response_rate(nonresponse());
  EXPECT_EQ(r.respondents, 3U);
  EXPECT_EQ(r.nonrespondents, 1U);
  EXPECT_EQ(r.unknown, 1U);
  EXPECT_DOUBLE_EQ(r.rate, 0.75);
  EXPECT_EQ(r.nonrespondent_ids, std::vector<std::string>{"d"});
}

TEST(Respondents, ResponseRateWithoutAnyStatusIsNaN) {
  hn::network net;
  net.add_actor({.id = "a"});
  const auto r = hn::response_rate(net);
  EXPECT_FALSE(r.known());
  EXPECT_TRUE(std::isnan(r.rate));
  EXPECT_EQ(r.unknown, 1U);
}

TEST(Respondents, ProfileListsTheResponseRateOnlyWhenKnown) {
  auto has_rate = [](const hn::network& net) {
    for (const auto& e : hn::profile(net)) {
      if (e.name == "response_rate") return true;
    }
    return false;
  };
  EXPECT_TRUE(has_rate(nonresponse()));
  EXPECT_FALSE(has_rate(hn::read_json(data_dir + "symmetrize.json")));
}

// n = 5, k = 1 non-respondent (d), 8 arcs, weights sum 19.
// absent: 8 / 20; exclude: d's row is unobserved: (8 - 1) / (4 * 4), valued
// (19 - 5) / 16; reconstruct: d->c added (c reported c->d; d->a exists): 9 / 20, 22 / 20.
TEST(MissingDensity, ThreePolicies) {
  const auto net = nonresponse();
  using hn::missing_policy;
  EXPECT_DOUBLE_EQ(hn::density(net, false, missing_policy::absent), 8.0 / 20);
  EXPECT_DOUBLE_EQ(hn::density(net, true, missing_policy::absent), 19.0 / 20);
  EXPECT_DOUBLE_EQ(hn::density(net, false, missing_policy::exclude), 7.0 / 16);
  EXPECT_DOUBLE_EQ(hn::density(net, true, missing_policy::exclude), 14.0 / 16);
  EXPECT_DOUBLE_EQ(hn::density(net, false, missing_policy::reconstruct), 9.0 / 20);
  EXPECT_DOUBLE_EQ(hn::density(net, true, missing_policy::reconstruct), 22.0 / 20);
}

// Undirected: only the dyad of two non-respondents is unobserved.
//   a - b - c     b, c non-respondents; a respondent: 2 ties, 3 - 1 observed dyads; tie b-c unobserved.
TEST(MissingDensity, UndirectedExcludesOnlyDyadsOfTwoNonrespondents) {
  hn::network net;
  net.add_actor({.id = "a", .respondent = true});
  net.add_actor({.id = "b", .respondent = false});
  net.add_actor({.id = "c", .respondent = false});
  net.add_tie({.source = "a", .target = "b"});
  net.add_tie({.source = "b", .target = "c"});
  EXPECT_DOUBLE_EQ(hn::density(net, false, hn::missing_policy::exclude), 1.0 / 2);
  EXPECT_DOUBLE_EQ(hn::density(net, false, hn::missing_policy::reconstruct), 2.0 / 3);
}

TEST(MissingDensity, NoObservedDyadIsNaN) {
  hn::network net(hn::directedness::directed);
  net.add_actor({.id = "a", .respondent = false});
  net.add_actor({.id = "b", .respondent = false});
  EXPECT_TRUE(std::isnan(hn::density(net, false, hn::missing_policy::exclude)));
}

TEST(MissingDensity, UnknownPolicyNamesTheChoices) {
  const auto msg = message_of([] { (void)hn::parse_missing_policy("exclud"); });
  EXPECT_EQ(msg, "missing: unknown missing-data policy 'exclud' (expected 'absent', 'exclude', 'reconstruct' or 'impute'); "
                 "did you mean 'exclude'?");
}

// Dyads: a-b mutual, a-c, c-d, e-a, b-e one-way, a-d mutual: M = 2, A = 4.
// absent: 2M / (2M + A) = 4 / 8; exclude (without d): M = 1, A = 3: 2 / 5,
// dyadic (1 + 2 null) / 6; reconstruct (c-d mutual): M = 3, A = 3: 6 / 9.
TEST(MissingReciprocity, ThreePolicies) {
  const auto net = nonresponse();
  using hn::missing_policy;
  using hn::reciprocity_measure;
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, reciprocity_measure::edgewise, missing_policy::absent), 0.5);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, reciprocity_measure::edgewise, missing_policy::exclude), 0.4);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, reciprocity_measure::dyadic, missing_policy::exclude), 0.5);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, reciprocity_measure::edgewise, missing_policy::reconstruct), 6.0 / 9);
}

TEST(Reconstruct, AddsTheReverseOfReportsToNonrespondents) {
  const auto out = hn::reconstruct_missing(nonresponse());
  EXPECT_EQ(out.n_ties(), 9U);
  ASSERT_TRUE(out.has_tie("d", "c"));
  EXPECT_DOUBLE_EQ(out.get_tie("d", "c").weight, 3.0);
  EXPECT_DOUBLE_EQ(out.get_tie("d", "a").weight, 5.0);  // d's own tie stays
}

// Random imputation (Huisman 2009) on the drawn network above. Observed
// density p = 7 / (4 * 4) (the ties a, b, c, e send over their 16 dyads, as
// `exclude`); d already sends d->a, so only d->b, d->c, d->e can be imputed.
// Oracles: the rule itself (nothing but arcs from d is added, d->a keeps
// weight 5, imputed weights are observed ones), reproducibility, and over
// 4,000 seeds the mean number of imputed arcs 3p = 1.3125 (binomial; the
// standard error of the mean is sqrt(3 p (1 - p) / 4000) = 0.0136).
TEST(Impute, AddsOnlyANonrespondentsArcsAtTheObservedDensity) {
  const auto net = nonresponse();
  const std::set<double> observed{2, 4, 1, 3, 1, 2, 1};  // weights of the ties a, b, c, e send
  double imputed = 0;
  const int seeds = 4000;
  for (int seed = 1; seed <= seeds; ++seed) {
    const auto out = hn::impute_missing(net, static_cast<std::uint64_t>(seed));
    ASSERT_GE(out.n_ties(), net.n_ties());
    for (const auto& t : net.ties()) ASSERT_TRUE(out.has_tie(t.source, t.target));
    EXPECT_DOUBLE_EQ(out.get_tie("d", "a").weight, 5.0);
    for (const auto& t : out.ties()) {
      if (net.has_tie(t.source, t.target)) continue;
      ASSERT_EQ(t.source, "d");
      ASSERT_TRUE(observed.contains(t.weight)) << t.weight;
      ASSERT_TRUE(t.relations.empty());
    }
    imputed += static_cast<double>(out.n_ties() - net.n_ties());
  }
  EXPECT_NEAR(imputed / seeds, 3 * 7.0 / 16, 4 * 0.0136);
  // Same seed, same network; density and reciprocity use it.
  const auto once = hn::impute_missing(net, 42);
  EXPECT_EQ(once.n_ties(), hn::impute_missing(net, 42).n_ties());
  EXPECT_DOUBLE_EQ(hn::density(net, false, hn::missing_policy::impute, 42), hn::density(once));
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, hn::reciprocity_measure::edgewise, hn::missing_policy::impute, 42),
                   hn::reciprocity(once));
}

// Every observed dyad tied (p = 1): every absent arc of the non-respondent is
// imputed; no observed tie (p = 0) or an undirected network: unchanged.
TEST(Impute, EdgeCases) {
  hn::network full(hn::directedness::directed);
  for (const char* id : {"a", "b", "c"}) full.add_actor(hn::actor{id});
  full.add_actor(hn::actor{.id = "d", .respondent = false});
  for (const char* s : {"a", "b", "c"}) {
    for (const char* t : {"a", "b", "c", "d"}) {
      if (std::string(s) != t) full.add_tie(hn::tie{s, t});
    }
  }
  EXPECT_EQ(hn::impute_missing(full, 7).n_ties(), 12U);  // 9 + d->a, d->b, d->c
  hn::network empty(hn::directedness::directed);
  empty.add_actor(hn::actor{"a"});
  empty.add_actor(hn::actor{.id = "d", .respondent = false});
  EXPECT_EQ(hn::impute_missing(empty, 7).n_ties(), 0U);
  hn::network undirected;
  undirected.add_actor(hn::actor{"a"});
  undirected.add_actor(hn::actor{.id = "d", .respondent = false});
  undirected.add_tie(hn::tie{"a", "d"});
  EXPECT_EQ(hn::impute_missing(undirected, 7).n_ties(), 1U);
}

// symmetrize.json (rows send):     p  q  r  s
//                              p   .  2  1  .
//                              q   5  .  .  .
//                              r   .  .  .  2
//                              s   .  4  3  .
// R sna symmetrize: weak {pq, pr, qs, rs}; strong {pq, rs}; upper takes
// [i, j], i < j: pq 2, pr 1, rs 2; lower takes [j, i]: pq 5, qs 4, rs 3.
TEST(Symmetrize, RulesAsRSna) {
  const auto net = hn::read_json(data_dir + "symmetrize.json");
  auto pairs = [](const hn::network& g) {
    std::string s;
    for (const auto& t : g.ties()) s += t.source + t.target + "=" + hn::detail::format_number(t.weight) + " ";
    return s;
  };
  auto with = [&](hn::symmetrize_rule rule, hn::combine_rule combine = hn::combine_rule::max) {
    hn::symmetrize_options o;
    o.rule = rule;
    o.combine = combine;
    const auto out = hn::symmetrize(net, o);
    EXPECT_FALSE(out.directed());
    return pairs(out);
  };
  EXPECT_EQ(with(hn::symmetrize_rule::weak), "pq=5 pr=1 rs=3 qs=4 ");
  EXPECT_EQ(with(hn::symmetrize_rule::strong), "pq=5 rs=3 ");
  EXPECT_EQ(with(hn::symmetrize_rule::strong, hn::combine_rule::min), "pq=2 rs=2 ");
  EXPECT_EQ(with(hn::symmetrize_rule::strong, hn::combine_rule::mean), "pq=3.5 rs=2.5 ");
  EXPECT_EQ(with(hn::symmetrize_rule::strong, hn::combine_rule::sum), "pq=7 rs=5 ");
  EXPECT_EQ(with(hn::symmetrize_rule::upper), "pq=2 pr=1 rs=2 ");
  EXPECT_EQ(with(hn::symmetrize_rule::lower), "pq=5 rs=3 qs=4 ");
}

// p->q carries {information}, trust 3; q->p {referral}, trust 1.
TEST(Symmetrize, RelationsAndAttributesCombine) {
  const auto net = hn::read_json(data_dir + "symmetrize.json");
  hn::symmetrize_options o;
  o.combine_by["trust"] = hn::combine_rule::mean;
  const auto weak = hn::symmetrize(net, o);
  const auto pq = weak.get_tie("p", "q");
  EXPECT_EQ(pq.relations, (hn::relation_set{"information", "referral"}));
  EXPECT_EQ(std::get<double>(pq.attributes.at("trust")), 2.0);
  EXPECT_DOUBLE_EQ(pq.weight, 5.0);
  o.rule = hn::symmetrize_rule::strong;
  EXPECT_TRUE(hn::symmetrize(net, o).get_tie("p", "q").relations.empty());
  o.combine_by["trsut"] = hn::combine_rule::max;
  const auto msg = message_of([&] { (void)hn::symmetrize(net, o); });
  EXPECT_EQ(msg, "combine: names no numeric tie value 'trsut' (known: 'weight', 'trust'); did you mean 'trust'?");
}

// q is a non-respondent: in p-q only p's report (p->q, 2) counts, in q-s only
// s's (s->q, 4) -- also for strong; drop leaves both pairs untied.
TEST(Symmetrize, NonrespondentsTrustOrDrop) {
  auto net = hn::read_json(data_dir + "symmetrize.json");
  for (const char* id : {"p", "r", "s"}) {
    hn::actor a = net.get_actor(id);
    a.respondent = true;
    net.update_actor(a);
  }
  hn::actor q = net.get_actor("q");
  q.respondent = false;
  net.update_actor(q);
  auto pairs = [](const hn::network& g) {
    std::string s;
    for (const auto& t : g.ties()) s += t.source + t.target + "=" + hn::detail::format_number(t.weight) + " ";
    return s;
  };
  hn::symmetrize_options o;
  EXPECT_EQ(pairs(hn::symmetrize(net, o)), "pq=2 pr=1 rs=3 qs=4 ");
  o.rule = hn::symmetrize_rule::strong;
  EXPECT_EQ(pairs(hn::symmetrize(net, o)), "pq=2 rs=3 qs=4 ");
  o.nonrespondents = hn::nonrespondent_rule::drop;
  EXPECT_EQ(pairs(hn::symmetrize(net, o)), "rs=3 ");
  o.rule = hn::symmetrize_rule::weak;
  const auto out = hn::symmetrize(net, o);
  EXPECT_EQ(pairs(out), "pr=1 rs=3 ");
  EXPECT_EQ(out.get_actor("q").respondent, std::optional<bool>(false));  // flags kept
}

TEST(Symmetrize, UndirectedComesBackEqual) {
  hn::network net;
  net.add_actor({.id = "a"});
  net.add_actor({.id = "b"});
  net.add_tie({.source = "a", .target = "b", .weight = 2});
  EXPECT_EQ(hn::symmetrize(net), net);
}

TEST(Symmetrize, UnknownRuleNamesTheChoices) {
  EXPECT_EQ(message_of([] { (void)hn::parse_symmetrize_rule("stong"); }),
            "rule: unknown rule 'stong' (expected 'weak', 'union', 'strong', 'intersection', 'upper' or 'lower'); "
            "did you mean 'strong'?");
  EXPECT_EQ(message_of([] { (void)hn::parse_combine_rule("avg"); }),
            "combine: unknown rule 'avg' (expected 'max', 'min', 'mean' or 'sum')");
  EXPECT_EQ(hn::parse_symmetrize_rule("intersection"), hn::symmetrize_rule::strong);
}
