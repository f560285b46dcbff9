// SPDX-License-Identifier: MIT
// Graph layout: determinism per seed, positions finite and inside the unit
// square, isolates on the border ring, the sector-grouped circle (hand-computed
// positions) and the switch between the two.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <healthnet/example.hpp>
#include <healthnet/synthetic.hpp>
#include <healthnet/layout.hpp>

namespace hn = healthnet;

namespace {

double distance_from_centre(const hn::layout_point& p) { return std::hypot(p.x - 0.5, p.y - 0.5); }

void expect_in_unit_square(const std::vector<hn::layout_point>& points) {
  for (const auto& p : points) {
    ASSERT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
    EXPECT_GE(p.x, 0.0);
    EXPECT_LE(p.x, 1.0);
    EXPECT_GE(p.y, 0.0);
    EXPECT_LE(p.y, 1.0);
  }
}

//   hub --- a          iso1   iso2   (no ties)
//    | \
//    b   c
// hub: outpatient_care; a, b: nursing_care; c, iso1: pharmacy; iso2: no sector.
hn::network star_with_isolates() {
  hn::network net;
  net.add_actor({.id = "hub", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "a", .sectors = {"nursing_care"}});
  net.add_actor({.id = "b", .sectors = {"nursing_care"}});
  net.add_actor({.id = "c", .sectors = {"pharmacy"}});
  net.add_actor({.id = "iso1", .sectors = {"pharmacy"}});
  net.add_actor({.id = "iso2"});
  for (const char* leaf : {"a", "b", "c"}) net.add_tie({.source = "hub", .target = leaf});
  return net;
}

}  // namespace

// The same seed gives identical positions, another seed different ones (oracle: equality).
TEST(Layout, DeterministicPerSeed) {
  const auto net = hn::example_region();
  const auto first = hn::force_directed_layout(net, 7);
  const auto again = hn::force_directed_layout(net, 7);
  const auto other = hn::force_directed_layout(net, 8);
  ASSERT_EQ(first.size(), net.n_actors());
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
}

// Every position of the example region is finite and inside [0, 1]², and the
// layout uses the square (its extent exceeds 0.8 on some axis).
TEST(Layout, FiniteAndInRange) {
  const auto points = hn::force_directed_layout(hn::example_region(), 1);
  expect_in_unit_square(points);
  double lo = 1, hi = 0;
  for (const auto& p : points) {
    lo = std::min({lo, p.x, p.y});
    hi = std::max({hi, p.x, p.y});
  }
  EXPECT_GT(hi - lo, 0.8);
}

// Force-directed: tied actors lie closer together than actors in general (the
// mean length of the example's ties is below the mean distance over all pairs).
TEST(Layout, TiesAreShorterThanAverage) {
  const auto net = hn::example_region();
  const auto p = hn::force_directed_layout(net, 1);
  auto dist = [&](std::size_t u, std::size_t v) { return std::hypot(p[u].x - p[v].x, p[u].y - p[v].y); };
  double tie_sum = 0;
  for (const auto& [u, v] : net.tie_ends()) tie_sum += dist(u, v);
  double all_sum = 0, pairs = 0;
  for (std::size_t u = 0; u < p.size(); ++u) {
    for (std::size_t v = u + 1; v < p.size(); ++v) {
      all_sum += dist(u, v);
      pairs += 1;
    }
  }
  EXPECT_LT(tie_sum / static_cast<double>(net.n_ties()), 0.75 * all_sum / pairs);
}

// Isolates sit on the ring of radius 0.48, the tied actors inside radius 0.44
// (the documented placement), all distinct.
TEST(Layout, IsolatesOnTheBorderRing) {
  const auto net = star_with_isolates();
  const auto p = hn::force_directed_layout(net, 3);
  expect_in_unit_square(p);
  for (const char* id : {"iso1", "iso2"}) EXPECT_NEAR(distance_from_centre(p[net.index_of(id)]), 0.48, 1e-12);
  for (const char* id : {"hub", "a", "b", "c"}) EXPECT_LE(distance_from_centre(p[net.index_of(id)]), 0.44 + 1e-12);
  std::set<std::pair<double, double>> distinct;
  for (const auto& q : p) distinct.emplace(q.x, q.y);
  EXPECT_EQ(distinct.size(), p.size());
}

// Degenerate inputs: no actors gives no positions; one actor sits in the
// centre; only isolates lie on the circle of radius 0.45.
TEST(Layout, DegenerateNetworks) {
  hn::network empty;
  EXPECT_TRUE(hn::force_directed_layout(empty).empty());
  hn::network one;
  one.add_actor({.id = "x"});
  EXPECT_EQ(hn::force_directed_layout(one), (std::vector<hn::layout_point>{{0.5, 0.5}}));
  hn::network loners;
  for (const char* id : {"a", "b", "c", "d"}) loners.add_actor({.id = id});
  const auto p = hn::force_directed_layout(loners);
  for (const auto& q : p) EXPECT_NEAR(distance_from_centre(q), 0.45, 1e-12);
  // Four points from the top, clockwise: (0.5, 0.05), (0.95, 0.5), (0.5, 0.95), (0.05, 0.5).
  EXPECT_NEAR(p[0].y, 0.05, 1e-12);
  EXPECT_NEAR(p[1].x, 0.95, 1e-12);
  EXPECT_NEAR(p[2].y, 0.95, 1e-12);
  EXPECT_NEAR(p[3].x, 0.05, 1e-12);
}

// A directed network lays out like its undirected version: a->b plus b->a is one pair.
TEST(Layout, DirectedTiesCountOncePerPair) {
  hn::network directed{hn::directedness::directed};
  hn::network undirected;
  for (auto* net : {&directed, &undirected}) {
    for (const char* id : {"a", "b", "c"}) net->add_actor({.id = id});
  }
  directed.add_tie({.source = "a", .target = "b"});
  directed.add_tie({.source = "b", .target = "a"});
  directed.add_tie({.source = "b", .target = "c"});
  undirected.add_tie({.source = "a", .target = "b"});
  undirected.add_tie({.source = "b", .target = "c"});
  EXPECT_EQ(hn::detail::undirected_pairs(directed).size(), 2u);
  EXPECT_EQ(hn::force_directed_layout(directed, 5), hn::force_directed_layout(undirected, 5));
}

// Sector circle, hand-computed: two outpatient actors, a gap slot, one nursing
// actor: 4 slots at -90°, 0° and 180° on the circle of radius 0.45.
TEST(Layout, SectorCircleGroupsBySector) {
  hn::network net;
  net.add_actor({.id = "n", .sectors = {"nursing_care"}});
  net.add_actor({.id = "o1", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "o2", .sectors = {"outpatient_care"}});
  const auto p = hn::sector_circle_layout(net);
  EXPECT_NEAR(p[1].x, 0.5, 1e-12);
  EXPECT_NEAR(p[1].y, 0.05, 1e-12);
  EXPECT_NEAR(p[2].x, 0.95, 1e-12);
  EXPECT_NEAR(p[2].y, 0.5, 1e-12);
  EXPECT_NEAR(p[0].x, 0.05, 1e-12);
  EXPECT_NEAR(p[0].y, 0.5, 1e-12);
}

// network_layout uses the sector circle above force_directed_limit and the
// force-directed layout up to it, and honours an explicit method.
TEST(Layout, AutomaticSwitch) {
  const auto net = star_with_isolates();
  hn::layout_options o;
  o.seed = 2;
  EXPECT_EQ(hn::network_layout(net, o), hn::force_directed_layout(net, 2));
  o.force_directed_limit = 5;  // 6 actors
  EXPECT_EQ(hn::network_layout(net, o), hn::sector_circle_layout(net));
  o.method = hn::layout_method::force_directed;
  EXPECT_EQ(hn::network_layout(net, o), hn::force_directed_layout(net, 2));
}

// Above 500 tied actors the grid variant runs; its result is still finite,
// in range and deterministic (a 600-actor synthetic region, 60 steps).
TEST(Layout, GridVariantForLargerNetworks) {
  hn::synthetic_options s;
  s.n_actors = 600;
  s.n_ties = 1800;
  const auto net = hn::synthetic_region(s);
  const auto p = hn::force_directed_layout(net, 1, 60);
  ASSERT_EQ(p.size(), 600u);
  expect_in_unit_square(p);
  EXPECT_EQ(p, hn::force_directed_layout(net, 1, 60));
}
