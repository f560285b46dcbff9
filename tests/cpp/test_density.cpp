// SPDX-License-Identifier: MIT
// density, degree, strength, isolates, sector counts and the profile.
// Oracle: hand-computed values on the graphs drawn below (the Python tests
// cross-check the same functions against networkx on generated graphs).
#include <gtest/gtest.h>

#include <healthnet/healthnet.hpp>

namespace hn = healthnet;

namespace {

//  a --2-- b --1-- c        d   (isolate)
//   \             /
//    ----3-------            undirected, weights on the ties
hn::network triangle_plus_isolate(hn::directedness d) {
  hn::network net{d};
  for (const char* id : {"a", "b", "c", "d"}) net.add_actor({.id = id});
  net.update_actor({.id = "a", .sectors = {"outpatient_care"}});
  net.update_actor({.id = "b", .sectors = {"outpatient_care"}});
  net.update_actor({.id = "c", .sectors = {"nursing_care"}});
  net.add_tie({.source = "a", .target = "b", .weight = 2});
  net.add_tie({.source = "b", .target = "c", .weight = 1});
  net.add_tie({.source = "a", .target = "c", .weight = 3});
  return net;
}

}  // namespace

// Undirected: 3 ties of 6 possible pairs; valued: (2+1+3)/6.
TEST(Density, Undirected) {
  const auto net = triangle_plus_isolate(hn::directedness::undirected);
  EXPECT_DOUBLE_EQ(hn::density(net), 3.0 / 6.0);
  EXPECT_DOUBLE_EQ(hn::density(net, true), 6.0 / 6.0);
}

// Directed: 3 arcs of 12 possible ordered pairs.
TEST(Density, Directed) {
  const auto net = triangle_plus_isolate(hn::directedness::directed);
  EXPECT_DOUBLE_EQ(hn::density(net), 3.0 / 12.0);
  EXPECT_DOUBLE_EQ(hn::density(net, true), 6.0 / 12.0);
}

// Fewer than two actors: 0 by definition (networkx).
TEST(Density, TinyNetworks) {
  hn::network net;
  EXPECT_EQ(hn::density(net), 0.0);
  net.add_actor({.id = "a"});
  EXPECT_EQ(hn::density(net), 0.0);
}

// Degrees of the drawn graph: a=2, b=2, c=2, d=0; strengths a=5, b=3, c=4.
TEST(Degree, Undirected) {
  const auto net = triangle_plus_isolate(hn::directedness::undirected);
  EXPECT_EQ(hn::degree(net), (std::vector<double>{2, 2, 2, 0}));
  EXPECT_EQ(hn::strength(net), (std::vector<double>{5, 3, 4, 0}));
  EXPECT_EQ(hn::isolates(net), (std::vector<std::string>{"d"}));
}

// Directed a->b, b->c, a->c: out (2,1,0,0), in (0,1,2,0); weighted out (5,1,0,0).
TEST(Degree, Directed) {
  const auto net = triangle_plus_isolate(hn::directedness::directed);
  EXPECT_EQ(hn::degree(net, hn::degree_mode::out), (std::vector<double>{2, 1, 0, 0}));
  EXPECT_EQ(hn::degree(net, hn::degree_mode::in), (std::vector<double>{0, 1, 2, 0}));
  EXPECT_EQ(hn::degree(net, hn::degree_mode::all), (std::vector<double>{2, 2, 2, 0}));
  EXPECT_EQ(hn::strength(net, hn::degree_mode::out), (std::vector<double>{5, 1, 0, 0}));
  EXPECT_EQ(hn::strength(net, hn::degree_mode::in), (std::vector<double>{0, 2, 4, 0}));
}

// Sector counts: taxonomy order, then unknown values, then (missing).
TEST(SectorCounts, OrderAndMissing) {
  auto net = triangle_plus_isolate(hn::directedness::undirected);
  net.add_actor({.id = "e", .sectors = {"zzz_custom"}});
  const auto counts = hn::sector_counts(net);
  const std::vector<std::pair<std::string, std::size_t>> expected{
      {"outpatient_care", 2}, {"nursing_care", 1}, {"zzz_custom", 1}, {"(missing)", 1}};
  EXPECT_EQ(counts, expected);
}

// The profile holds the foundation metrics under stable names.
TEST(Profile, Values) {
  const auto net = triangle_plus_isolate(hn::directedness::undirected);
  std::map<std::string, double> p;
  for (const auto& e : hn::profile(net)) p[e.name] = e.value;
  EXPECT_EQ(p.at("n_actors"), 4);
  EXPECT_EQ(p.at("n_ties"), 3);
  EXPECT_DOUBLE_EQ(p.at("density"), 0.5);
  EXPECT_DOUBLE_EQ(p.at("mean_degree"), 6.0 / 4.0);
  EXPECT_EQ(p.at("n_isolates"), 1);
  EXPECT_DOUBLE_EQ(p.at("isolate_share"), 0.25);
  EXPECT_EQ(p.at("n_sectors"), 2);
  // The triangle is closed; {a, b, c} and {d} are the components:
  // fragmentation = 1 - 3·2 / (4·3).
  EXPECT_DOUBLE_EQ(p.at("transitivity"), 1.0);
  EXPECT_EQ(p.at("n_components"), 2);
  EXPECT_DOUBLE_EQ(p.at("largest_component_share"), 0.75);
  EXPECT_DOUBLE_EQ(p.at("fragmentation"), 0.5);
  EXPECT_DOUBLE_EQ(p.at("fragmentation_without_office"), 0.5);  // no office: nothing removed
}

// Named metrics: unknown names are not_found; grouped ones take `by`.
TEST(MetricRegistry, Lookup) {
  const auto net = triangle_plus_isolate(hn::directedness::undirected);
  EXPECT_THROW((void)hn::evaluate_metric(net, "no_such_metric"), hn::not_found);
  // E = 2 (a-c, b-c), I = 1 (a-b): E-I = 1/3.
  EXPECT_DOUBLE_EQ(hn::evaluate_metric(net, "ei_index"), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(hn::evaluate_metric(net, "cross_group_share"), 2.0 / 3.0);
  EXPECT_NE(hn::find_metric("coverage_ratio"), nullptr);
}
