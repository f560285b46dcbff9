// SPDX-License-Identifier: MIT
// nonresponse_sensitivity(): reproducibility, degenerate bands that follow by
// hand from the drawn graphs, a hand-computed 4-actor case, bad input, and
// the time of 200 runs of the profile on 150 actors.
#include <chrono>
#include <cmath>
#include <iostream>
#include <numeric>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include <healthnet/healthnet.hpp>
#include <healthnet/sensitivity.hpp>
#include <healthnet/synthetic.hpp>

namespace hn = healthnet;

namespace {

//  a -> b, a -> c, a -> d        out-degrees: a 3, b 2, c 1, d 0
//  b -> a, b -> c                mutual: a <-> b, a <-> c
//  c -> a                        all four respondents
hn::network four() {
  hn::network net(hn::directedness::directed);
  for (const char* id : {"a", "b", "c", "d"}) net.add_actor({.id = id, .respondent = true});
  for (auto [s, t] : {std::pair{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "a"}, {"b", "c"}, {"c", "a"}}) {
    net.add_tie({.source = s, .target = t});
  }
  return net;
}

hn::network complete(std::size_t n, bool directed) {
  hn::network net(directed ? hn::directedness::directed : hn::directedness::undirected);
  for (std::size_t i = 0; i < n; ++i) net.add_actor({.id = "v" + std::to_string(i)});
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = directed ? 0 : i + 1; j < n; ++j) {
      if (i != j) net.add_tie({.source = "v" + std::to_string(i), .target = "v" + std::to_string(j)});
    }
  }
  return net;
}

const hn::sensitivity_row& row(const hn::sensitivity_result& r, const std::string& name) {
  for (const auto& x : r.rows) {
    if (x.metric == name) return x;
  }
  throw std::runtime_error("no row " + name);
}

}  // namespace

TEST(Sensitivity, SameSeedSameResultOtherSeedOther) {
  const auto net = four();
  hn::sensitivity_options o{.metrics = {"density", "reciprocity"}, .drop = 0.25, .runs = 30, .seed = 7};
  const auto a = hn::nonresponse_sensitivity(net, o);
  const auto b = hn::nonresponse_sensitivity(net, o);
  EXPECT_EQ(row(a, "density").values, row(b, "density").values);
  EXPECT_EQ(row(a, "reciprocity").mean, row(b, "reciprocity").mean);
  o.seed = 8;
  const auto c = hn::nonresponse_sensitivity(net, o);
  // 30 draws of one of 4 actors: equal sequences would have chance 4^-30.
  EXPECT_NE(row(a, "density").values, row(c, "density").values);
}

TEST(Sensitivity, HandComputedFourActors) {
  // Oracle: by hand. drop = 0.25 of 4 respondents removes the out-ties of
  // exactly one actor per run; density = (6 - outdeg)/12, so each run is
  // 3/12 (a), 4/12 (b), 5/12 (c) or 6/12 (d). Edgewise reciprocity
  // (reciprocated arcs / arcs): a gone -> 0/3, b -> 2/4, c -> 2/5, d -> 4/6.
  const auto r = hn::nonresponse_sensitivity(four(), {.metrics = {"density", "reciprocity"}, .drop = 0.25, .runs = 2000, .seed = 1});
  EXPECT_EQ(r.respondents, 4u);
  EXPECT_EQ(r.dropped, 1u);
  EXPECT_FALSE(r.all_assumed_respondents);
  const auto& d = row(r, "density");
  EXPECT_DOUBLE_EQ(d.observed, 0.5);
  const std::set<double> allowed{3.0 / 12, 4.0 / 12, 5.0 / 12, 6.0 / 12};
  std::set<double> seen;
  for (double x : d.values) {
    EXPECT_TRUE(allowed.count(x)) << x;
    seen.insert(x);
  }
  EXPECT_EQ(seen, allowed);  // 2000 runs draw every actor
  const double mean = std::accumulate(d.values.begin(), d.values.end(), 0.0) / 2000.0;
  EXPECT_NEAR(d.mean, mean, 1e-12);
  EXPECT_GE(d.mean, 0.25);
  EXPECT_LE(d.mean, 0.5);
  // Each actor is drawn in about a quarter of the runs (s.e. of the mean
  // 0.093/sqrt(2000) = 0.002): mean near (3+4+5+6)/48 = 0.375.
  EXPECT_NEAR(d.mean, 0.375, 0.01);
  // The 5 % and 95 % quantiles fall inside the lowest and highest quarter.
  EXPECT_DOUBLE_EQ(d.low, 0.25);
  EXPECT_DOUBLE_EQ(d.high, 0.5);
  const auto& rc = row(r, "reciprocity");
  EXPECT_NEAR(rc.observed, 4.0 / 6, 1e-12);
  const std::set<double> allowed_r{0.0, 0.5, 0.4, 4.0 / 6};
  for (double x : rc.values) {
    bool ok = false;
    for (double y : allowed_r) ok = ok || std::abs(x - y) < 1e-12;
    EXPECT_TRUE(ok) << x;
  }
}

TEST(Sensitivity, DropZeroGivesTheObservedValueForEveryProfileMetric) {
  // Oracle: nothing is removed, so every run is the network itself.
  hn::synthetic_options so;
  so.n_actors = 40;
  so.n_ties = 120;
  so.directed = true;
  const auto net = hn::synthetic_region(so);
  const auto r = hn::nonresponse_sensitivity(net, {.drop = 0.0, .runs = 5, .seed = 3});
  EXPECT_EQ(r.dropped, 0u);
  EXPECT_TRUE(r.all_assumed_respondents);
  EXPECT_GT(r.rows.size(), 10u);  // the profile's structural metrics
  for (const auto& x : r.rows) {
    if (std::isnan(x.observed)) {
      EXPECT_EQ(x.valid_runs, 0u) << x.metric;
      continue;
    }
    EXPECT_EQ(x.low, x.observed) << x.metric;
    EXPECT_EQ(x.mean, x.observed) << x.metric;
    EXPECT_EQ(x.high, x.observed) << x.metric;
  }
}

TEST(Sensitivity, CompleteDirectedNetworkGivesADegenerateBandBelowTheObserved) {
  // Oracle: by hand. The issue asks that the band contain the observed value
  // on a complete network; that holds only where removing reports removes
  // nothing. In a complete directed network on n actors with k drawn,
  // whichever k they are, (n-k)(n-1) arcs remain, (n-k)(n-k-1) of them
  // reciprocated: density (n-k)/n and reciprocity (n-k-1)/(n-1) in every
  // run, so low = mean = high, and below the observed 1 for k >= 1.
  // n = 10, drop 0.2 -> k = 2: density 0.8, reciprocity 7/9.
  const auto r = hn::nonresponse_sensitivity(complete(10, true), {.metrics = {"density", "reciprocity"}, .drop = 0.2, .runs = 50, .seed = 5});
  EXPECT_EQ(r.dropped, 2u);
  const auto& d = row(r, "density");
  EXPECT_EQ(d.observed, 1.0);
  EXPECT_DOUBLE_EQ(d.low, 0.8);
  EXPECT_DOUBLE_EQ(d.mean, 0.8);
  EXPECT_DOUBLE_EQ(d.high, 0.8);
  const auto& rc = row(r, "reciprocity");
  EXPECT_EQ(rc.observed, 1.0);
  EXPECT_DOUBLE_EQ(rc.low, 7.0 / 9);
  EXPECT_DOUBLE_EQ(rc.high, 7.0 / 9);
}

TEST(Sensitivity, CompleteUndirectedNetworkKeepsItsValueWhenOneActorIsDrawn) {
  // Oracle: by hand. Undirected, every actor a respondent: a tie goes only
  // when no remaining respondent reported it, i.e. both ends are drawn. With
  // k = 1 (n = 10, drop 0.1) no tie goes: the band is exactly the observed
  // density 1. With k = 3 (drop 0.3) the 3 ties among the drawn go:
  // density (45 - 3)/45.
  const auto net = complete(10, false);
  const auto one = hn::nonresponse_sensitivity(net, {.metrics = {"density", "transitivity"}, .drop = 0.1, .runs = 20, .seed = 2});
  EXPECT_EQ(one.dropped, 1u);
  for (const auto& x : one.rows) {
    EXPECT_EQ(x.observed, 1.0) << x.metric;
    EXPECT_EQ(x.low, 1.0) << x.metric;
    EXPECT_EQ(x.high, 1.0) << x.metric;
  }
  const auto three = hn::nonresponse_sensitivity(net, {.metrics = {"density"}, .drop = 0.3, .runs = 20, .seed = 2});
  EXPECT_EQ(three.dropped, 3u);
  EXPECT_DOUBLE_EQ(row(three, "density").mean, 42.0 / 45);
}

TEST(Sensitivity, UndirectedTieToANonRespondentGoesWithItsReporter) {
  // a - b, a - c; a, b respondents, c a non-respondent. drop 0.5 of 2 -> one
  // drawn. a drawn: a - b stays (b reported it), a - c goes -> 1 tie.
  // b drawn: both stay (a reported them) -> 2 ties. Oracle: by hand.
  hn::network net;
  net.add_actor({.id = "a", .respondent = true});
  net.add_actor({.id = "b", .respondent = true});
  net.add_actor({.id = "c", .respondent = false});
  net.add_tie({.source = "a", .target = "b"});
  net.add_tie({.source = "a", .target = "c"});
  const auto r = hn::nonresponse_sensitivity(net, {.metrics = {"n_ties"}, .drop = 0.5, .runs = 200, .seed = 4});
  EXPECT_EQ(r.respondents, 2u);
  std::set<double> seen(row(r, "n_ties").values.begin(), row(r, "n_ties").values.end());
  EXPECT_EQ(seen, (std::set<double>{1.0, 2.0}));
}

TEST(Sensitivity, RejectsBadInput) {
  const auto net = four();
  EXPECT_THROW((void)hn::nonresponse_sensitivity(net, {.drop = 1.0}), hn::invalid_input);
  EXPECT_THROW((void)hn::nonresponse_sensitivity(net, {.drop = -0.1}), hn::invalid_input);
  EXPECT_THROW((void)hn::nonresponse_sensitivity(net, {.drop = std::nan("")}), hn::invalid_input);
  EXPECT_THROW((void)hn::nonresponse_sensitivity(net, {.runs = 0}), hn::invalid_input);
  try {
    (void)hn::nonresponse_sensitivity(net, {.drop = 1.0});
  } catch (const hn::invalid_input& e) {
    EXPECT_NE(std::string(e.what()).find("drop: expected a share in [0, 1), got 1"), std::string::npos) << e.what();
  }
  try {
    (void)hn::nonresponse_sensitivity(net, {.metrics = {"densty"}});
    ADD_FAILURE() << "no error";
  } catch (const hn::not_found& e) {
    EXPECT_NE(std::string(e.what()).find("unknown metric 'densty'; did you mean 'density'?"), std::string::npos)
        << e.what();
  }
}

TEST(Sensitivity, StopsWhenInterrupted) {
  int calls = 0;
  hn::interrupt_scope scope([](void* c) { return ++*static_cast<int*>(c) > 3; }, &calls);
  EXPECT_THROW((void)hn::nonresponse_sensitivity(four(), {.metrics = {"density"}, .runs = 100}), hn::interrupted);
  EXPECT_EQ(calls, 4);  // polled once per run, stopped at the 4th
}

TEST(Sensitivity, TwoHundredRunsOfTheProfileOn150Actors) {
  // The budget: under 1 s (Release build). Printed for the report;
  // asserted with slack for shared or debug machines.
  hn::synthetic_options so;  // 150 actors, 600 ties
  so.directed = true;
  const auto net = hn::synthetic_region(so);
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = hn::nonresponse_sensitivity(net, {.drop = 0.1, .runs = 200, .seed = 1});
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[ timing ] 200 runs, " << r.rows.size() << " profile metrics, 150 actors, " << net.n_ties()
            << " ties: " << s << " s\n";
  EXPECT_EQ(r.dropped, 15u);
  EXPECT_LT(s, 10.0);
}
