// SPDX-License-Identifier: MIT
// two-step reach and reach efficiency (Kumu's reach metrics).
// Oracle: hand-computed values on the graphs drawn below; there is no library
// function for these (the Python tests recompute the definitions with
// networkx single_source_shortest_path_length(cutoff=2)).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include <healthnet/healthnet.hpp>
#include <healthnet/reach.hpp>

namespace hn = healthnet;

namespace {

using values = std::vector<double>;

hn::network make(hn::directedness d, const std::vector<std::string>& actors,
                 const std::vector<std::pair<const char*, const char*>>& ties, double weight = 1.0) {
  hn::network net{d};
  for (const auto& a : actors) net.add_actor({.id = a});
  for (const auto& [s, t] : ties) net.add_tie({.source = s, .target = t, .weight = weight});
  return net;
}

//  a --- b --- c --- d       e        undirected path plus an isolate
hn::network path_plus_isolate(double weight = 1.0) {
  return make(hn::directedness::undirected, {"a", "b", "c", "d", "e"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}},
              weight);
}

void expect_near(const values& got, const values& expected) {
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], expected[i], 1e-12) << "actor " << i;
}

}  // namespace

// Within two steps of 4 others: a {b,c}, b {a,c,d}, c {b,d,a}, d {c,b}, e {}.
// Efficiency = count / degree: 2/1, 3/2, 3/2, 2/1, 0. Oracle: hand-computed.
TEST(Reach, UndirectedPath) {
  const auto net = path_plus_isolate();
  expect_near(hn::two_step_reach(net), {2.0 / 4, 3.0 / 4, 3.0 / 4, 2.0 / 4, 0});
  expect_near(hn::reach_efficiency(net), {2.0, 1.5, 1.5, 2.0, 0});
}

//  a --> b --> c --> d              directed, one-way ties only: reach follows
//  |                                out-ties. a {b,e,c}, b {c,d}, c {d}, d {}, e {}.
//  +---> e                          Oracle: hand-computed.
TEST(Reach, DirectedOneWayTies) {
  const auto net = make(hn::directedness::directed, {"a", "b", "c", "d", "e"},
                        {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"a", "e"}});
  expect_near(hn::two_step_reach(net), {3.0 / 4, 2.0 / 4, 1.0 / 4, 0, 0});
  expect_near(hn::reach_efficiency(net), {3.0 / 2, 2.0, 1.0, 0, 0});
}

//        l1   l2
//          \ /
//   l4 --- h --- l3 --- p           a hub (its row is the base set for the
//                                   leaves) and a pendant behind l3
// h {l1..l4, p} 5; l1, l2, l4 {h + 3 leaves} 4; l3 {h, p, 3 leaves} 5; p {l3, h} 2,
// all over n - 1 = 5. Efficiency: 5/4, 4, 4, 5/2, 4, 2. Oracle: hand-computed.
TEST(Reach, HubAndPendant) {
  const auto net = make(hn::directedness::undirected, {"h", "l1", "l2", "l3", "l4", "p"},
                        {{"h", "l1"}, {"h", "l2"}, {"h", "l3"}, {"h", "l4"}, {"l3", "p"}});
  expect_near(hn::two_step_reach(net), {1.0, 0.8, 0.8, 1.0, 0.8, 0.4});
  expect_near(hn::reach_efficiency(net), {5.0 / 4, 4.0, 4.0, 5.0 / 2, 4.0, 2.0});
}

// Directed hub with mutual and one-way ties: h -> x1..x6, x1 <-> h, y -> x1.
// h {x1..x6} 6/7; x1 {h, x2..x6} 6/7; x2..x6 {} 0; y {x1, h} 2/7.
// Oracle: hand-computed.
TEST(Reach, DirectedHub) {
  //   y --> x1 <==> h --> x2 .. x6
  const auto net = make(hn::directedness::directed, {"h", "x1", "x2", "x3", "x4", "x5", "x6", "y"},
                        {{"h", "x1"}, {"h", "x2"}, {"h", "x3"}, {"h", "x4"}, {"h", "x5"}, {"h", "x6"},
                         {"x1", "h"}, {"y", "x1"}});
  expect_near(hn::two_step_reach(net), {6.0 / 7, 6.0 / 7, 0, 0, 0, 0, 0, 2.0 / 7});
  expect_near(hn::reach_efficiency(net), {1.0, 6.0, 0, 0, 0, 0, 0, 2.0});
}

// Self-loops count neither as reach nor as a contact: a --- b with a loop at a.
// Oracle: hand-computed.
TEST(Reach, SelfLoopsIgnored) {
  auto net = make(hn::directedness::undirected, {"a", "b"}, {{"a", "b"}});
  net.set_allow_self_loops(true);
  net.add_tie({.source = "a", .target = "a"});
  expect_near(hn::two_step_reach(net), {1.0, 1.0});
  expect_near(hn::reach_efficiency(net), {1.0, 1.0});
}

// Zero weights are ties: same values as with unit weights. Oracle: UndirectedPath.
TEST(Reach, ZeroWeights) {
  expect_near(hn::two_step_reach(path_plus_isolate(0.0)), hn::two_step_reach(path_plus_isolate(1.0)));
  expect_near(hn::reach_efficiency(path_plus_isolate(0.0)), hn::reach_efficiency(path_plus_isolate(1.0)));
}

// Empty network, single actor, no ties: all 0 (n < 2 or no contacts). Oracle: definitions.
TEST(Reach, EdgeCases) {
  EXPECT_TRUE(hn::two_step_reach(hn::network{}).empty());
  EXPECT_TRUE(hn::reach_efficiency(hn::network{}).empty());
  const auto single = make(hn::directedness::undirected, {"a"}, {});
  EXPECT_EQ(hn::two_step_reach(single), (values{0}));
  EXPECT_EQ(hn::reach_efficiency(single), (values{0}));
  const auto none = make(hn::directedness::directed, {"a", "b", "c"}, {});
  EXPECT_EQ(hn::two_step_reach(none), (values{0, 0, 0}));
  EXPECT_EQ(hn::reach_efficiency(none), (values{0, 0, 0}));
}

// A 1M-actor path: inner actors reach 4 others, the ends 2. Oracle: the
// path's known structure (no timing assertion).
TEST(Reach, MillionActorPath) {
  constexpr std::size_t n = 1'000'000;
  hn::network path;
  for (std::size_t i = 0; i < n; ++i) path.add_actor({.id = std::to_string(i)});
  for (std::size_t i = 0; i + 1 < n; ++i) {
    path.add_tie({.source = std::to_string(i), .target = std::to_string(i + 1)});
  }
  const auto reach = hn::two_step_reach(path);
  const double others = static_cast<double>(n - 1);
  EXPECT_DOUBLE_EQ(reach[0], 2.0 / others);
  EXPECT_DOUBLE_EQ(reach[n / 2], 4.0 / others);
  EXPECT_DOUBLE_EQ(reach[n - 1], 2.0 / others);
  const auto eff = hn::reach_efficiency(path);
  EXPECT_DOUBLE_EQ(eff[0], 2.0);
  EXPECT_DOUBLE_EQ(eff[n / 2], 2.0);
}
