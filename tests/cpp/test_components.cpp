// SPDX-License-Identifier: MIT
// connected components, component labels, articulation points, bridges, core
// numbers and fragmentation.
// Oracle: hand-computed values on the graphs drawn below (the Python tests
// cross-check the same functions against networkx on generated graphs).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include <healthnet/components.hpp>
#include <healthnet/healthnet.hpp>

namespace hn = healthnet;

namespace {

using ids = std::vector<std::string>;
using id_pairs = std::vector<std::pair<std::string, std::string>>;

hn::network make(hn::directedness d, const ids& actors,
                 const std::vector<std::pair<const char*, const char*>>& ties, double weight = 1.0) {
  hn::network net{d};
  for (const auto& a : actors) net.add_actor({.id = a});
  for (const auto& [s, t] : ties) net.add_tie({.source = s, .target = t, .weight = weight});
  return net;
}

//  a --- b       d --- e --- f        g
//   \   /            |
//     c              h                 undirected; the tie e-f is stored as f-e
hn::network two_pieces(double weight = 1.0) {
  return make(hn::directedness::undirected, {"a", "b", "c", "d", "e", "f", "g", "h"},
              {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}, {"f", "e"}, {"e", "h"}}, weight);
}

//  a --> b            d <==> e      (==: ties both ways, d->e stored first)
//  ^     |            ^
//  |     v            |
//  +---- c -----------+             directed: a->b, b->c, c->a, c->d, d->e, e->d
hn::network cycle_and_pair() {
  return make(hn::directedness::directed, {"a", "b", "c", "d", "e"},
              {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "d"}});
}

//  x --> y --> z                    directed, one-way ties only
hn::network one_way_chain() {
  return make(hn::directedness::directed, {"x", "y", "z"}, {{"x", "y"}, {"y", "z"}});
}

}  // namespace

// Components largest first, members in actor order; ties in size by first actor.
// Oracle: hand-computed ({d,e,f,h} of 4, {a,b,c} of 3, {g} of 1).
TEST(Components, UndirectedOrderAndLabels) {
  const auto net = two_pieces();
  EXPECT_EQ(hn::connected_components(net),
            (std::vector<ids>{{"d", "e", "f", "h"}, {"a", "b", "c"}, {"g"}}));
  EXPECT_EQ(hn::component_labels(net), (std::vector<std::uint32_t>{1, 1, 1, 0, 0, 0, 2, 0}));
  EXPECT_EQ(hn::n_components(net), 3U);
  EXPECT_DOUBLE_EQ(hn::largest_component_share(net), 4.0 / 8.0);
  // undirected: strong is ignored
  EXPECT_EQ(hn::connected_components(net, true), hn::connected_components(net));
}

// Equal sizes: order by the smallest actor index. Oracle: hand-computed.
TEST(Components, TiesInSizeBySmallestIndex) {
  //  p   q --- r   s --- t     (p alone; {q,r} and {s,t} both of size 2)
  const auto net = make(hn::directedness::undirected, {"p", "s", "q", "t", "r"}, {{"s", "t"}, {"q", "r"}});
  EXPECT_EQ(hn::connected_components(net), (std::vector<ids>{{"s", "t"}, {"q", "r"}, {"p"}}));
  EXPECT_EQ(hn::component_labels(net), (std::vector<std::uint32_t>{2, 0, 1, 0, 1}));
}

// Directed: one weak component; strong {a,b,c} and {d,e}. Oracle: hand-computed.
TEST(Components, DirectedWeakAndStrong) {
  const auto net = cycle_and_pair();
  EXPECT_EQ(hn::connected_components(net), (std::vector<ids>{{"a", "b", "c", "d", "e"}}));
  EXPECT_EQ(hn::connected_components(net, true), (std::vector<ids>{{"a", "b", "c"}, {"d", "e"}}));
  EXPECT_EQ(hn::component_labels(net, true), (std::vector<std::uint32_t>{0, 0, 0, 1, 1}));
  EXPECT_EQ(hn::n_components(net), 1U);
  EXPECT_EQ(hn::n_components(net, true), 2U);
  EXPECT_DOUBLE_EQ(hn::largest_component_share(net), 1.0);
  EXPECT_DOUBLE_EQ(hn::largest_component_share(net, true), 3.0 / 5.0);
}

// Only one-way ties: weakly connected, every actor its own strong component.
// Oracle: hand-computed.
TEST(Components, DirectedOneWayTies) {
  const auto net = one_way_chain();
  EXPECT_EQ(hn::n_components(net), 1U);
  EXPECT_EQ(hn::connected_components(net, true), (std::vector<ids>{{"x"}, {"y"}, {"z"}}));
  EXPECT_DOUBLE_EQ(hn::largest_component_share(net, true), 1.0 / 3.0);
}

// Empty network, single actor, no ties. Oracle: definitions (networkx agrees).
TEST(Components, EdgeCases) {
  const hn::network empty;
  EXPECT_TRUE(hn::connected_components(empty).empty());
  EXPECT_TRUE(hn::component_labels(empty).empty());
  EXPECT_EQ(hn::n_components(empty), 0U);
  EXPECT_EQ(hn::largest_component_share(empty), 0.0);

  const auto single = make(hn::directedness::directed, {"a"}, {});
  EXPECT_EQ(hn::connected_components(single, true), (std::vector<ids>{{"a"}}));
  EXPECT_EQ(hn::largest_component_share(single), 1.0);

  const auto no_ties = make(hn::directedness::undirected, {"a", "b", "c", "d"}, {});
  EXPECT_EQ(hn::n_components(no_ties), 4U);
  EXPECT_EQ(hn::component_labels(no_ties), (std::vector<std::uint32_t>{0, 1, 2, 3}));
  EXPECT_DOUBLE_EQ(hn::largest_component_share(no_ties), 0.25);
}

// Zero weights: ties of weight 0 are ties; every result equals the unit-weight one.
// Oracle: the unit-weight results above.
TEST(Components, ZeroWeightsAreTies) {
  const auto zero = two_pieces(0.0);
  const auto unit = two_pieces(1.0);
  EXPECT_EQ(hn::connected_components(zero), hn::connected_components(unit));
  EXPECT_EQ(hn::articulation_points(zero), hn::articulation_points(unit));
  EXPECT_EQ(hn::bridges(zero), hn::bridges(unit));
  EXPECT_EQ(hn::core_number(zero), hn::core_number(unit));
  EXPECT_EQ(hn::fragmentation(zero), hn::fragmentation(unit));
}

// Cut points of the drawn graph: e; bridges d-e, f-e (as stored), e-h.
// Oracle: hand-computed (networkx articulation_points / bridges agree).
TEST(CutPoints, Undirected) {
  const auto net = two_pieces();
  EXPECT_EQ(hn::articulation_points(net), (ids{"e"}));
  EXPECT_EQ(hn::bridges(net), (id_pairs{{"d", "e"}, {"f", "e"}, {"e", "h"}}));
}

// Directed ties read as undirected: c and d cut; bridges c->d and the mutual
// pair d<->e once, as its first stored tie. Oracle: hand-computed on the
// undirected version (networkx on G.to_undirected() agrees).
TEST(CutPoints, DirectedReadAsUndirected) {
  const auto net = cycle_and_pair();
  EXPECT_EQ(hn::articulation_points(net), (ids{"c", "d"}));
  EXPECT_EQ(hn::bridges(net), (id_pairs{{"c", "d"}, {"d", "e"}}));
  const auto chain = one_way_chain();
  EXPECT_EQ(hn::articulation_points(chain), (ids{"y"}));
  EXPECT_EQ(hn::bridges(chain), (id_pairs{{"x", "y"}, {"y", "z"}}));
}

// A root with two DFS children is a cut point; a cycle has none; a self-loop is
// never a bridge. Oracle: hand-computed.
TEST(CutPoints, RootCycleAndSelfLoop) {
  //  b --- a --- c        (a is the DFS root, index 0)
  auto star = make(hn::directedness::undirected, {"a", "b", "c"}, {{"a", "b"}, {"a", "c"}});
  EXPECT_EQ(hn::articulation_points(star), (ids{"a"}));
  //  a --- b --- c --- d --- a   (a 4-cycle)
  const auto ring =
      make(hn::directedness::undirected, {"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}});
  EXPECT_TRUE(hn::articulation_points(ring).empty());
  EXPECT_TRUE(hn::bridges(ring).empty());
  star.set_allow_self_loops(true);
  star.add_tie({.source = "b", .target = "b"});
  EXPECT_EQ(hn::articulation_points(star), (ids{"a"}));
  EXPECT_EQ(hn::bridges(star), (id_pairs{{"a", "b"}, {"a", "c"}}));
}

// A bow tie: the back tie e-c reaches exactly c (lowpoint == c's DFS number),
// so c is a cut point though no tie is a bridge. Oracle: hand-computed.
TEST(CutPoints, BowTie) {
  //  a           d
  //  | \       / |
  //  |   c ---   |       triangles a-b-c and c-d-e sharing c
  //  | /       \ |
  //  b           e
  const auto net = make(hn::directedness::undirected, {"a", "b", "c", "d", "e"},
                        {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "c"}});
  EXPECT_EQ(hn::articulation_points(net), (ids{"c"}));
  EXPECT_TRUE(hn::bridges(net).empty());
  EXPECT_EQ(hn::core_number(net), (std::vector<double>{2, 2, 2, 2, 2}));
}

// Empty, single actor, no ties: no cut points, no bridges. Oracle: definitions.
TEST(CutPoints, EdgeCases) {
  EXPECT_TRUE(hn::articulation_points(hn::network{}).empty());
  EXPECT_TRUE(hn::bridges(hn::network{}).empty());
  const auto single = make(hn::directedness::undirected, {"a"}, {});
  EXPECT_TRUE(hn::articulation_points(single).empty());
  const auto pair = make(hn::directedness::undirected, {"a", "b", "c"}, {{"a", "b"}});
  EXPECT_TRUE(hn::articulation_points(pair).empty());
  EXPECT_EQ(hn::bridges(pair), (id_pairs{{"a", "b"}}));
}

// Core numbers: the triangle 2, the tree around e 1, the isolate g 0.
// Oracle: hand-computed (networkx core_number agrees).
TEST(CoreNumber, Undirected) {
  EXPECT_EQ(hn::core_number(two_pieces()), (std::vector<double>{2, 2, 2, 1, 1, 1, 0, 1}));
  //  e --- a --- b        K4 on a, b, c, d plus e tied to a only
  //        | \ / |
  //        |  X  |
  //        | / \ |
  //        c --- d
  const auto k4 = make(hn::directedness::undirected, {"a", "b", "c", "d", "e"},
                       {{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "c"}, {"b", "d"}, {"c", "d"}, {"e", "a"}});
  EXPECT_EQ(hn::core_number(k4), (std::vector<double>{3, 3, 3, 3, 1}));
}

// Directed: degree = in + out, a mutual pair counts twice (networkx DiGraph):
// degrees a2 b2 c3 d3 e2, so everybody is in the 2-core and none in a 3-core.
// One-way chain: x1 y2 z1 -> all 1. Oracle: hand-computed.
TEST(CoreNumber, DirectedInPlusOut) {
  EXPECT_EQ(hn::core_number(cycle_and_pair()), (std::vector<double>{2, 2, 2, 2, 2}));
  EXPECT_EQ(hn::core_number(one_way_chain()), (std::vector<double>{1, 1, 1}));
}

// Self-loops are ignored; empty, single actor and no ties give 0s. Oracle: definitions.
TEST(CoreNumber, EdgeCases) {
  EXPECT_TRUE(hn::core_number(hn::network{}).empty());
  EXPECT_EQ(hn::core_number(make(hn::directedness::undirected, {"a"}, {})), (std::vector<double>{0}));
  EXPECT_EQ(hn::core_number(make(hn::directedness::directed, {"a", "b"}, {})), (std::vector<double>{0, 0}));
  auto loop = make(hn::directedness::undirected, {"a", "b"}, {{"a", "b"}});
  loop.set_allow_self_loops(true);
  loop.add_tie({.source = "a", .target = "a"});
  EXPECT_EQ(hn::core_number(loop), (std::vector<double>{1, 1}));
}

// F = 1 - (4*3 + 3*2) / (8*7) = 19/28; without e: 1 - 3*2 / (7*6) = 6/7.
// Oracle: hand-computed.
TEST(Fragmentation, RemovingACutPoint) {
  const auto net = two_pieces();
  EXPECT_DOUBLE_EQ(hn::fragmentation(net), 19.0 / 28.0);
  const std::vector<std::string> gone{"e"};
  EXPECT_DOUBLE_EQ(hn::fragmentation(net, gone), 6.0 / 7.0);
  const std::vector<std::string> twice{"e", "e"};  // repeated ids count once
  EXPECT_DOUBLE_EQ(hn::fragmentation(net, twice), 6.0 / 7.0);
}

// "What happens if the coordination office drops out": a star falls apart.
// Oracle: hand-computed (0 before, 1 after).
TEST(Fragmentation, CoordinationOfficeDropsOut) {
  //  gp --- office --- hospital
  //           |
  //        nursing
  const auto net = make(hn::directedness::directed, {"office", "gp", "hospital", "nursing"},
                        {{"office", "gp"}, {"hospital", "office"}, {"office", "nursing"}});
  EXPECT_DOUBLE_EQ(hn::fragmentation(net), 0.0);  // weak components: one-way ties connect
  const std::vector<std::string> office{"office"};
  EXPECT_DOUBLE_EQ(hn::fragmentation(net, office), 1.0);
}

// Unknown ids raise not_found naming the id. Oracle: the error contract.
TEST(Fragmentation, UnknownId) {
  const std::vector<std::string> bad{"a", "nobody"};
  try {
    (void)hn::fragmentation(two_pieces(), bad);
    FAIL() << "expected not_found";
  } catch (const hn::not_found& e) {
    EXPECT_NE(std::string(e.what()).find("'nobody'"), std::string::npos);
  }
}

// n < 2 gives 0; no ties gives 1; removing all but one actor gives 0.
// Oracle: definitions.
TEST(Fragmentation, EdgeCases) {
  EXPECT_EQ(hn::fragmentation(hn::network{}), 0.0);
  EXPECT_EQ(hn::fragmentation(make(hn::directedness::undirected, {"a"}, {})), 0.0);
  EXPECT_EQ(hn::fragmentation(make(hn::directedness::undirected, {"a", "b", "c"}, {})), 1.0);
  const std::vector<std::string> two{"a", "b"};
  EXPECT_EQ(hn::fragmentation(make(hn::directedness::undirected, {"a", "b", "c"}, {{"a", "b"}}), two), 0.0);
  EXPECT_DOUBLE_EQ(hn::fragmentation(one_way_chain()), 0.0);
}

// A 1M-actor path (and a 1M-actor directed cycle): the iterative traversals
// must not overflow the stack. Oracle: the path's known structure.
TEST(Components, MillionActorPathNoStackOverflow) {
  constexpr std::size_t n = 1'000'000;
  hn::network path;
  hn::network cycle{hn::directedness::directed};
  for (std::size_t i = 0; i < n; ++i) {
    path.add_actor({.id = std::to_string(i)});
    cycle.add_actor({.id = std::to_string(i)});
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    path.add_tie({.source = std::to_string(i), .target = std::to_string(i + 1)});
    cycle.add_tie({.source = std::to_string(i), .target = std::to_string(i + 1)});
  }
  cycle.add_tie({.source = std::to_string(n - 1), .target = "0"});

  EXPECT_EQ(hn::n_components(path), 1U);
  EXPECT_EQ(hn::n_components(cycle, true), 1U);
  EXPECT_EQ(hn::articulation_points(path).size(), n - 2);
  EXPECT_EQ(hn::bridges(path).size(), n - 1);
  EXPECT_TRUE(hn::bridges(cycle).empty());
  const auto core = hn::core_number(path);
  EXPECT_EQ(core.front(), 1.0);
  EXPECT_EQ(core.back(), 1.0);
  EXPECT_EQ(hn::fragmentation(path), 0.0);
  const std::vector<std::string> middle{std::to_string(n / 2)};
  const double half = static_cast<double>(n / 2);  // both halves hold n/2 and n/2 - 1 actors
  const double rest = static_cast<double>(n - 1);
  const double connected = half * (half - 1) + (half - 1) * (half - 2);
  EXPECT_NEAR(hn::fragmentation(path, middle), 1.0 - connected / (rest * (rest - 1)), 1e-12);
}
