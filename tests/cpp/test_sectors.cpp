// SPDX-License-Identifier: MIT
// Group-based measures on small drawn graphs with hand-computed values
// (the Python tests add R sna, igraph and networkx as oracles).
#include <cmath>

#include <gtest/gtest.h>

#include <healthnet/assortativity.hpp>
#include <healthnet/block_density.hpp>
#include <healthnet/brokerage.hpp>
#include <healthnet/communities.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/ei_index.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/healthnet.hpp>
#include <healthnet/multiplexity.hpp>
#include <healthnet/sector_bridges.hpp>

namespace hn = healthnet;

namespace {

//  Two sectors, A = {a1, a2, a3}, B = {b1, b2}; u has no sector.
//
//   a1 --- a2        b1 --- b2
//     \   /   \     /
//      a3      ----      u --- b2
//   (a2-b1 crosses; u-b2 is left out with u)
hn::network two_sectors(hn::directedness d = hn::directedness::undirected) {
  hn::network net{d};
  for (const char* id : {"a1", "a2", "a3"}) net.add_actor({.id = id, .sectors = {"outpatient_care"}});
  for (const char* id : {"b1", "b2"}) net.add_actor({.id = id, .sectors = {"nursing_care"}});
  net.add_actor({.id = "u"});
  for (auto [s, t] : {std::pair{"a1", "a2"}, {"a1", "a3"}, {"a2", "a3"}, {"b1", "b2"}, {"a2", "b1"}, {"u", "b2"}}) {
    net.add_tie({.source = s, .target = t});
  }
  return net;
}

}  // namespace

// Grouping by sector keeps taxonomy order and marks actors without a value.
TEST(Groups, SectorAndMissing) {
  const auto g = hn::group_actors(two_sectors(), "sector");
  EXPECT_EQ(g.labels, (std::vector<std::string>{"outpatient_care", "nursing_care"}));
  EXPECT_EQ(g.group_of.back(), hn::grouping::no_group);
  EXPECT_EQ(g.sizes(), (std::vector<std::size_t>{3, 2}));
  EXPECT_THROW(hn::group_actors(two_sectors(), ""), hn::invalid_input);
}

// Numeric attributes sort as numbers: 2 < 10.
TEST(Groups, NumericAttributeOrder) {
  hn::network net;
  net.add_actor({.id = "a", .attributes = {{"size", 10.0}}});
  net.add_actor({.id = "b", .attributes = {{"size", 2.0}}});
  EXPECT_EQ(hn::group_actors(net, "size").labels, (std::vector<std::string>{"2", "10"}));
}

// E = 1 (a2-b1), I = 4; u-b2 left out. E-I = (1 - 4) / 5.
TEST(EiIndex, HandComputed) {
  const auto net = two_sectors();
  const auto g = hn::group_actors(net, "sector");
  const auto r = hn::ei_index(net, g);
  EXPECT_EQ(r.external, 1u);
  EXPECT_EQ(r.internal, 4u);
  EXPECT_DOUBLE_EQ(r.ei, -0.6);
  // I_max = 3 + 1 = 4 within pairs, E_max = 6: max = (5-0)/5 = 1, min = (1-4)/5.
  EXPECT_DOUBLE_EQ(r.max_possible, 1.0);
  EXPECT_DOUBLE_EQ(r.min_possible, -0.6);
  EXPECT_DOUBLE_EQ(r.rescaled, -1.0);
  // Groups: A has I=3, E=1 -> -0.5; B has I=1, E=1 -> 0.
  EXPECT_EQ(hn::ei_index_groups(net, g), (std::vector<double>{-0.5, 0.0}));
  const auto per_actor = hn::ei_index_actors(net, g);
  EXPECT_DOUBLE_EQ(per_actor[1], (1.0 - 2.0) / 3.0);  // a2: a1, a3 inside, b1 outside
  EXPECT_TRUE(std::isnan(per_actor[5]));               // u has no group
}

// The permutation test is reproducible per seed and brackets the observed value.
TEST(EiIndex, PermutationSeeded) {
  const auto net = hn::example_region();
  const auto g = hn::group_actors(net, "sector");
  const auto a = hn::ei_index(net, g, 200, 7), b = hn::ei_index(net, g, 200, 7);
  EXPECT_EQ(a.p_greater_equal, b.p_greater_equal);
  EXPECT_EQ(a.permutation_mean, b.permutation_mean);
  EXPECT_GE(a.p_greater_equal + a.p_less_equal, 1.0);
}

// Block densities of the drawn graph: A-A 3/3, B-B 1/1, A-B 1/(3*2).
TEST(BlockDensity, HandComputed) {
  const auto net = two_sectors();
  const auto m = hn::block_density(net, hn::group_actors(net, "sector"));
  EXPECT_DOUBLE_EQ(m.at(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(m.at(1, 1), 1.0);
  EXPECT_DOUBLE_EQ(m.at(0, 1), 1.0 / 6.0);
  EXPECT_DOUBLE_EQ(m.at(1, 0), 1.0 / 6.0);
}

// Directed a1->b1 only: the matrix is not symmetric; a singleton diagonal is NaN.
TEST(BlockDensity, DirectedAndSingleton) {
  hn::network net{hn::directedness::directed};
  net.add_actor({.id = "a1", .sectors = {"pharmacy"}});
  net.add_actor({.id = "b1", .sectors = {"nursing_care"}});
  net.add_actor({.id = "b2", .sectors = {"nursing_care"}});
  net.add_tie({.source = "a1", .target = "b1", .weight = 3});
  const auto g = hn::group_actors(net, "sector");
  const auto m = hn::block_density(net, g, true);  // labels: nursing_care, pharmacy
  EXPECT_DOUBLE_EQ(m.at(1, 0), 3.0 / 2.0);
  EXPECT_DOUBLE_EQ(m.at(0, 1), 0.0);
  EXPECT_TRUE(std::isnan(m.at(1, 1)));
}

// Perfectly sorted groups give r = 1; the drawn graph: e_AA = 6/10, e_BB = 2/10,
// e_AB = e_BA = 1/10, a = b = (7/10, 3/10): r = (0.8 - 0.58) / 0.42.
TEST(Assortativity, HandComputed) {
  const auto net = two_sectors();
  EXPECT_NEAR(hn::assortativity(net, hn::group_actors(net, "sector")), (0.8 - 0.58) / 0.42, 1e-12);
  auto sorted = net;
  sorted.remove_tie("a2", "b1");
  EXPECT_DOUBLE_EQ(hn::assortativity(sorted, hn::group_actors(sorted, "sector")), 1.0);
}

// Modularity of the drawn graph without u: m = 5, L_A = 3, L_B = 1,
// d_A = 7, d_B = 3: Q = 3/5 - (7/10)^2 + 1/5 - (3/10)^2.
TEST(Modularity, HandComputed) {
  const auto net = two_sectors();
  EXPECT_NEAR(hn::modularity(net, hn::group_actors(net, "sector")), 0.8 - 0.49 - 0.09, 1e-12);
}

//  Directed:  x1 -> v -> y1   (x1 ↛ y1)   v, x1, x2 in X; y1 in Y
//             x2 -> v -> x1?  no: x2 -> v, v -> y1 as well
//  Pairs through v: (x1, y1), (x2, y1): representative twice (a and v in X, b in Y).
TEST(Brokerage, HandComputed) {
  hn::network net{hn::directedness::directed};
  for (const char* id : {"v", "x1", "x2"}) net.add_actor({.id = id, .sectors = {"X"}});
  net.add_actor({.id = "y1", .sectors = {"Y"}});
  net.add_tie({.source = "x1", .target = "v"});
  net.add_tie({.source = "x2", .target = "v"});
  net.add_tie({.source = "v", .target = "y1"});
  const auto r = hn::brokerage(net, hn::group_actors(net, "sector"));
  EXPECT_EQ(r.counts[0][2], 2.0);  // representative
  EXPECT_EQ(r.counts[0][5], 2.0);  // total
  EXPECT_EQ(r.observed[5], 2.0);
  net.add_tie({.source = "x1", .target = "y1"});  // closes one path
  EXPECT_EQ(hn::brokerage(net, hn::group_actors(net, "sector")).counts[0][5], 1.0);
}

// Coverage against a programme list; Blau over primary sectors (3 A, 2 B).
TEST(Coverage, HandComputed) {
  const auto net = two_sectors();
  const auto c = hn::sector_coverage(net, std::vector<std::string>{"outpatient_care", "municipality"});
  EXPECT_EQ(c.missing, (std::vector<std::string>{"municipality"}));
  EXPECT_DOUBLE_EQ(c.coverage_ratio, 0.5);
  EXPECT_EQ(c.connected, (std::vector<std::string>{"outpatient_care", "nursing_care"}));
  EXPECT_DOUBLE_EQ(c.blau, 1 - 0.36 - 0.16);
  EXPECT_DOUBLE_EQ(c.iqv, c.blau / (1 - 1.0 / 16));
  EXPECT_EQ(hn::sector_coverage(net).required, hn::taxonomy::builtin().core_sectors());
}

// Multiplexity: 1 of 2 ties has two relations; relation layer densities.
TEST(Multiplexity, HandComputed) {
  hn::network net;
  for (const char* id : {"a", "b", "c"}) net.add_actor({.id = id});
  net.add_tie({.source = "a", .target = "b", .relations = {"referral", "information"}});
  net.add_tie({.source = "b", .target = "c", .relations = {"information"}});
  EXPECT_DOUBLE_EQ(hn::multiplexity(net), 0.5);
  const auto d = hn::relation_density(net);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].first, "information");
  EXPECT_DOUBLE_EQ(d[0].second, 2.0 / 3.0);
  EXPECT_TRUE(std::isnan(hn::multiplexity(hn::network{})));
}

// Gaps: with a2-b1 removed, A and B have no tie and nobody connects them.
TEST(SectorBridges, GapsAndReach) {
  auto net = two_sectors();
  const auto g = hn::group_actors(net, "sector");
  const auto reached = hn::count_groups_reached(net, g);
  EXPECT_EQ(reached.other[1], 1.0);  // a2 reaches B
  EXPECT_TRUE(hn::group_gaps(net, g).empty());
  net.remove_tie("a2", "b1");
  const auto gaps = hn::group_gaps(net, hn::group_actors(net, "sector"));
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].distance, 0u);
  EXPECT_TRUE(gaps[0].candidates.empty());
}

// Louvain separates two 5-cliques joined by one tie, reproducibly.
TEST(Communities, LouvainTwoCliques) {
  hn::network net;
  for (int i = 0; i < 10; ++i) net.add_actor({.id = std::to_string(i)});
  for (int c = 0; c < 2; ++c) {
    for (int i = 0; i < 5; ++i) {
      for (int j = i + 1; j < 5; ++j) net.add_tie({.source = std::to_string(5 * c + i), .target = std::to_string(5 * c + j)});
    }
  }
  net.add_tie({.source = "4", .target = "5"});
  const auto p = hn::louvain(net, true, 1.0, 3);
  EXPECT_EQ(p, hn::louvain(net, true, 1.0, 3));
  EXPECT_EQ(p, (hn::partition{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}));
}

// ARI and NMI: identical partitions give 1 (relabelled), NMI of a split known by hand.
TEST(Communities, AriNmi) {
  EXPECT_DOUBLE_EQ(hn::adjusted_rand_index({0, 0, 1, 1}, {1, 1, 0, 0}), 1.0);
  EXPECT_DOUBLE_EQ(hn::normalized_mutual_information({0, 0, 1, 1}, {1, 1, 0, 0}), 1.0);
  // a = {0,0,1,1}, b = {0,0,0,0}: I = 0 -> NMI 0; ARI 0.
  EXPECT_DOUBLE_EQ(hn::normalized_mutual_information({0, 0, 1, 1}, {0, 0, 0, 0}), 0.0);
  EXPECT_DOUBLE_EQ(hn::adjusted_rand_index({0, 0, 1, 1}, {0, 0, 0, 0}), 0.0);
  EXPECT_TRUE(std::isnan(hn::adjusted_rand_index({0}, {0})));
}
