// SPDX-License-Identifier: MIT
// Betweenness, closeness, harmonic closeness, eigenvector centrality,
// PageRank and Freeman centralization.
// Oracle: hand-computed values on the graphs drawn below (the Python tests
// cross-check the same functions against networkx and igraph on generated
// graphs).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include <healthnet/centrality.hpp>
#include <healthnet/example.hpp>
#include <healthnet/synthetic.hpp>

namespace hn = healthnet;

namespace {

hn::network make(hn::directedness d, const std::vector<std::string>& ids,
                 const std::vector<std::tuple<std::string, std::string, double>>& ties) {
  hn::network net{d};
  for (const auto& id : ids) net.add_actor({.id = id});
  for (const auto& [s, t, w] : ties) net.add_tie({.source = s, .target = t, .weight = w});
  return net;
}

//  a --- b --- c --- d          undirected path
hn::network path4() {
  return make(hn::directedness::undirected, {"a", "b", "c", "d"}, {{"a", "b", 1}, {"b", "c", 1}, {"c", "d", 1}});
}

//        l1
//        |
//  l4 -- h -- l2                undirected star, hub h and four leaves
//        |
//        l3
hn::network star5() {
  return make(hn::directedness::undirected, {"h", "l1", "l2", "l3", "l4"},
              {{"h", "l1", 1}, {"h", "l2", 1}, {"h", "l3", 1}, {"h", "l4", 1}});
}

//  a ---> b ---> c              directed, one-way ties only
hn::network chain3() {
  return make(hn::directedness::directed, {"a", "b", "c"}, {{"a", "b", 1}, {"b", "c", 1}});
}

//  a --1-- b --1-- c            undirected, weights as lengths: a-b-c (2)
//   \_______3_____/             is shorter than the direct tie a-c (3)
hn::network weighted_triangle() {
  return make(hn::directedness::undirected, {"a", "b", "c"}, {{"a", "b", 1}, {"b", "c", 1}, {"a", "c", 3}});
}

//  a --0-- b --1-- c            undirected, a zero-weight (zero-length) tie
hn::network zero_weight_path() {
  return make(hn::directedness::undirected, {"a", "b", "c"}, {{"a", "b", 0}, {"b", "c", 1}});
}

void expect_near_all(const std::vector<double>& got, const std::vector<double>& want, double tol = 1e-12) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "index " << i;
}

}  // namespace

// Path a-b-c-d: b lies on (a,c),(a,d), c on (a,d),(b,d); normalized by 2/((n-1)(n-2)) = 1/3 (networkx).
TEST(Betweenness, UndirectedPath) {
  expect_near_all(hn::betweenness(path4()), {0, 2, 2, 0});
  expect_near_all(hn::betweenness(path4(), {.normalized = true}), {0, 2.0 / 3, 2.0 / 3, 0});
}

// Star: the hub lies on all C(4,2) = 6 leaf pairs; leaves on none (networkx/igraph value).
TEST(Betweenness, Star) { expect_near_all(hn::betweenness(star5()), {6, 0, 0, 0, 0}); }

// One-way chain a->b->c: only the ordered pair (a,c) passes b; normalized by 1/((n-1)(n-2)) = 1/2.
TEST(Betweenness, DirectedOneWay) {
  expect_near_all(hn::betweenness(chain3()), {0, 1, 0});
  expect_near_all(hn::betweenness(chain3(), {.normalized = true}), {0, 0.5, 0});
}

// Weights are lengths: the detour a-b-c (2) beats the direct tie (3), so b carries (a,c) only when weighted.
TEST(Betweenness, WeightsAreLengths) {
  expect_near_all(hn::betweenness(weighted_triangle()), {0, 0, 0});
  expect_near_all(hn::betweenness(weighted_triangle(), {.weighted = true}), {0, 1, 0});
}

// Zero-length tie a-b: the only shortest a-c path is a-b-c, so b = 1 (hand value; networkx says 1.5 here).
TEST(Betweenness, ZeroWeightTie) {
  expect_near_all(hn::betweenness(zero_weight_path(), {.weighted = true}), {0, 1, 0});
}

// Two equal shortest paths a-b-d and a-c-d split the pair (a,d) half and half (sigma counting).
TEST(Betweenness, SplitsEqualPaths) {
  //  a --- b
  //  |     |
  //  c --- d
  const auto net = make(hn::directedness::undirected, {"a", "b", "c", "d"},
                        {{"a", "b", 1}, {"a", "c", 1}, {"b", "d", 1}, {"c", "d", 1}});
  expect_near_all(hn::betweenness(net), {0.5, 0.5, 0.5, 0.5});
  expect_near_all(hn::betweenness(net, {.weighted = true}), {0.5, 0.5, 0.5, 0.5});
}

// Empty network, single actor, two actors, no ties: empty or zeros (networkx).
TEST(Betweenness, EdgeCases) {
  EXPECT_TRUE(hn::betweenness(hn::network{}).empty());
  EXPECT_EQ(hn::betweenness(make(hn::directedness::undirected, {"a"}, {})), (std::vector<double>{0}));
  EXPECT_EQ(hn::betweenness(make(hn::directedness::undirected, {"a", "b"}, {{"a", "b", 1}}), {.normalized = true}),
            (std::vector<double>{0, 0}));
  EXPECT_EQ(hn::betweenness(make(hn::directedness::directed, {"a", "b", "c"}, {})), (std::vector<double>{0, 0, 0}));
}

// Sampling with k = n is the exact computation, whatever the seed.
TEST(Betweenness, SamplesEqualToNIsExact) {
  expect_near_all(hn::betweenness(path4(), {.samples = 4, .seed = 7}), {0, 2, 2, 0});
}

// Star: every leaf pivot contributes 3 to the hub, so the (n-1)/k, (n-1)/(k-1) scaling
// (networkx 3.5+) gives the exact 6 for any pivot set with k >= 2.
TEST(Betweenness, SampledScalingIsUnbiasedOnStar) {
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    for (std::size_t k = 2; k <= 4; ++k) {
      const auto b = hn::betweenness(star5(), {.samples = k, .seed = seed});
      EXPECT_NEAR(b[0], 6.0, 1e-12) << "seed " << seed << " k " << k;
      for (std::size_t v = 1; v < 5; ++v) EXPECT_EQ(b[v], 0.0);
    }
  }
}

// k = 1: the single pivot has no information about itself: NaN, as networkx.
TEST(Betweenness, OnePivotLeavesPivotNaN) {
  const auto b = hn::betweenness(path4(), {.samples = 1, .seed = 3});
  int nans = 0;
  for (double x : b) nans += std::isnan(x) ? 1 : 0;
  EXPECT_EQ(nans, 1);
}

// The same seed gives the same pivots and values; some seeds give different estimates.
TEST(Betweenness, SamplingIsReproducible) {
  const auto net = hn::synthetic_region({.n_actors = 200, .n_ties = 500, .seed = 3});
  const auto a = hn::betweenness(net, {.samples = 20, .seed = 42});
  const auto b = hn::betweenness(net, {.samples = 20, .seed = 42});
  EXPECT_EQ(a, b);
  bool differs = false;
  for (std::uint64_t seed = 43; seed < 48 && !differs; ++seed) {
    differs = hn::betweenness(net, {.samples = 20, .seed = seed}) != a;
  }
  EXPECT_TRUE(differs);
}

// threads = 2 equals threads = 1 up to summation order, unweighted and weighted.
TEST(Betweenness, ThreadsMatchSingleThread) {
  for (bool directed : {false, true}) {
    const auto net = hn::synthetic_region(
        {.n_actors = 300, .n_ties = 900, .directed = directed, .weighted = true, .seed = 5});
    for (bool weighted : {false, true}) {
      const auto one = hn::betweenness(net, {.weighted = weighted});
      expect_near_all(hn::betweenness(net, {.weighted = weighted, .threads = 2}), one, 1e-9);
      expect_near_all(hn::betweenness(net, {.weighted = weighted, .threads = 3}), one, 1e-9);
    }
  }
}

// samples outside 1..n and threads == 0 are rejected, naming the parameter.
TEST(Betweenness, BadArguments) {
  EXPECT_THROW(hn::betweenness(path4(), {.samples = 0}), hn::invalid_input);
  EXPECT_THROW(hn::betweenness(path4(), {.samples = 5}), hn::invalid_input);
  EXPECT_THROW(hn::betweenness(hn::network{}, {.samples = 1}), hn::invalid_input);
  try {
    (void)hn::betweenness(path4(), {.threads = 0});
    FAIL();
  } catch (const hn::invalid_input& e) {
    EXPECT_NE(std::string(e.what()).find("threads"), std::string::npos);
  }
}

// Path: distance sums 6, 4, 4, 6 -> (n-1)/sum = 0.5, 0.75, 0.75, 0.5 (networkx closeness).
TEST(Closeness, UndirectedPath) {
  expect_near_all(hn::closeness(path4()), {0.5, 0.75, 0.75, 0.5});
  expect_near_all(hn::harmonic_closeness(path4()), {1 + 0.5 + 1.0 / 3, 2.5, 2.5, 1 + 0.5 + 1.0 / 3});
  expect_near_all(hn::harmonic_closeness(path4(), false, true),
                  {(1 + 0.5 + 1.0 / 3) / 3, 2.5 / 3, 2.5 / 3, (1 + 0.5 + 1.0 / 3) / 3});
}

// Directed a->b->c, inward distance: a is reached by nobody (0); b by a (1/1 * WF 1/2);
// c by b, a (2/3 * WF 2/2). Harmonic: 0, 1, 1.5.
TEST(Closeness, DirectedInwardOneWay) {
  expect_near_all(hn::closeness(chain3()), {0, 0.5, 2.0 / 3});
  expect_near_all(hn::closeness(chain3(), false, false), {0, 1, 2.0 / 3});
  expect_near_all(hn::harmonic_closeness(chain3()), {0, 1, 1.5});
}

// Weighted: a reaches c at length 2 through b, not 3; sums a 1+2, b 1+1, c 2+1.
TEST(Closeness, WeightsAreLengths) {
  expect_near_all(hn::closeness(weighted_triangle(), true), {2.0 / 3, 1.0, 2.0 / 3});
  expect_near_all(hn::harmonic_closeness(weighted_triangle(), true), {1.5, 2.0, 1.5});
}

// Zero-length tie: a-b at 0, so a's sum is 1 (to c) -> 2; harmonic skips d = 0 (networkx values).
TEST(Closeness, ZeroWeightTie) {
  expect_near_all(hn::closeness(zero_weight_path(), true), {2, 2, 1});
  expect_near_all(hn::harmonic_closeness(zero_weight_path(), true), {1, 1, 2});
}

// Two components {a,b} and {c,d,e path}: Wasserman-Faust scaling by (r-1)/(n-1) (networkx).
TEST(Closeness, DisconnectedScaling) {
  //  a --- b      c --- d --- e
  const auto net = make(hn::directedness::undirected, {"a", "b", "c", "d", "e"},
                        {{"a", "b", 1}, {"c", "d", 1}, {"d", "e", 1}});
  expect_near_all(hn::closeness(net), {1.0 * 1 / 4, 1.0 * 1 / 4, 2.0 / 3 * 2 / 4, 1.0 * 2 / 4, 2.0 / 3 * 2 / 4});
  expect_near_all(hn::closeness(net, false, false), {1, 1, 2.0 / 3, 1, 2.0 / 3});
}

// Empty network -> empty; single actor and no ties -> 0 (networkx).
TEST(Closeness, EdgeCases) {
  EXPECT_TRUE(hn::closeness(hn::network{}).empty());
  EXPECT_TRUE(hn::harmonic_closeness(hn::network{}).empty());
  const auto one = make(hn::directedness::undirected, {"a"}, {});
  EXPECT_EQ(hn::closeness(one), (std::vector<double>{0}));
  EXPECT_EQ(hn::harmonic_closeness(one, false, true), (std::vector<double>{0}));
  const auto none = make(hn::directedness::directed, {"a", "b", "c"}, {});
  EXPECT_EQ(hn::closeness(none), (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(hn::harmonic_closeness(none), (std::vector<double>{0, 0, 0}));
}

// More than 64 actors: several 64-source batches of the bit-parallel BFS. A path of
// 150 actors: actor i has distance sum i(i+1)/2 + (n-1-i)(n-i)/2 (closed form).
TEST(Closeness, ManyBatchesOnLongPath) {
  const std::size_t n = 150;
  hn::network net;
  for (std::size_t i = 0; i < n; ++i) net.add_actor({.id = std::to_string(i)});
  for (std::size_t i = 0; i + 1 < n; ++i) net.add_tie({.source = std::to_string(i), .target = std::to_string(i + 1)});
  const auto c = hn::closeness(net);
  const auto c_weighted = hn::closeness(net, true);  // all weights 1: same kernel, same values
  for (std::size_t i = 0; i < n; ++i) {
    const double sum = static_cast<double>(i * (i + 1) / 2 + (n - 1 - i) * (n - i) / 2);
    EXPECT_NEAR(c[i], (n - 1) / sum, 1e-14) << i;
    EXPECT_EQ(c[i], c_weighted[i]);
  }
}

// Star: leading eigenvector (hub 1/sqrt 2, leaves 1/(2 sqrt 2)), unit length (networkx).
TEST(Eigenvector, Star) {
  const double leaf = 1 / (2 * std::sqrt(2.0));
  expect_near_all(hn::eigenvector_centrality(star5()), {1 / std::sqrt(2.0), leaf, leaf, leaf, leaf}, 1e-9);
}

// Directed cycle a->b->c->a plus a->c: x gathers over in-ties, lambda x_a = x_c,
// lambda x_b = x_a, lambda x_c = x_a + x_b, so lambda^3 = lambda + 1 (hand-solved left eigenvector).
TEST(Eigenvector, DirectedUsesInTies) {
  const auto net = make(hn::directedness::directed, {"a", "b", "c"},
                        {{"a", "b", 1}, {"b", "c", 1}, {"c", "a", 1}, {"a", "c", 1}});
  const double lambda = 1.3247179572447460;  // the real root of l^3 = l + 1
  const double xa = 1.0, xb = xa / lambda, xc = lambda * xa;
  const double norm = std::sqrt(xa * xa + xb * xb + xc * xc);
  expect_near_all(hn::eigenvector_centrality(net), {xa / norm, xb / norm, xc / norm}, 1e-8);
}

// A one-way chain has no dominant eigenvector: the iteration fails, naming max_iter.
TEST(Eigenvector, DirectedAcyclicDoesNotConverge) {
  try {
    (void)hn::eigenvector_centrality(chain3());
    FAIL();
  } catch (const hn::invalid_input& e) {
    EXPECT_NE(std::string(e.what()).find("max_iter"), std::string::npos);
  }
  EXPECT_THROW(hn::eigenvector_centrality(star5(), false, 1), hn::invalid_input);
  EXPECT_THROW(hn::eigenvector_centrality(star5(), false, 0), hn::invalid_input);
  EXPECT_THROW(hn::eigenvector_centrality(star5(), false, 100, 0.0), hn::invalid_input);
}

// Empty -> empty; one actor -> 1; no ties -> 1/sqrt(n) each (networkx iteration).
TEST(Eigenvector, EdgeCases) {
  EXPECT_TRUE(hn::eigenvector_centrality(hn::network{}).empty());
  expect_near_all(hn::eigenvector_centrality(make(hn::directedness::undirected, {"a"}, {})), {1});
  const double u = 1 / std::sqrt(3.0);
  expect_near_all(hn::eigenvector_centrality(make(hn::directedness::undirected, {"a", "b", "c"}, {})), {u, u, u});
}

// Weighted: a --3-- b --1-- c; A x = lambda x with lambda = sqrt(10): b = sqrt(10) a / 3, c = a / 3.
TEST(Eigenvector, Weighted) {
  const auto net = make(hn::directedness::undirected, {"a", "b", "c"}, {{"a", "b", 3}, {"b", "c", 1}});
  const double a = 3, b = std::sqrt(10.0), c = 1;
  const double norm = std::sqrt(a * a + b * b + c * c);
  expect_near_all(hn::eigenvector_centrality(net, true), {a / norm, b / norm, c / norm}, 1e-8);
}

// Chain a->b->c with c dangling: closed form x = (1, 1+alpha, 1+alpha+alpha^2) / (3 + 2 alpha + alpha^2).
TEST(PageRank, DanglingChain) {
  const double al = 0.85, d = 3 + 2 * al + al * al;
  expect_near_all(hn::pagerank(chain3()), {1 / d, (1 + al) / d, (1 + al + al * al) / d}, 1e-10);
}

// Star: the hub gets (1-alpha)/n + alpha * (all leaf score); symmetric solution by hand.
TEST(PageRank, UndirectedStar) {
  // x_h = (1-a)/5 + a * 4 x_l ; x_l = (1-a)/5 + a x_h / 4 ; x_h + 4 x_l = 1
  const double a = 0.85;
  const double xl = ((1 - a) / 5 + a * (1 - a) / 20) / (1 - a * a);
  const double xh = 1 - 4 * xl;
  expect_near_all(hn::pagerank(star5()), {xh, xl, xl, xl, xl}, 1e-10);
}

// Weights split the score: a->b (3), a->c (1), both dangling; alpha = 1 keeps it simple:
// x_a = s/3, x_b = s/3 + 3/4 x_a, x_c = s/3 + 1/4 x_a with s = x_b + x_c.
TEST(PageRank, WeightedSplit) {
  const auto net = make(hn::directedness::directed, {"a", "b", "c"}, {{"a", "b", 3}, {"a", "c", 1}});
  // s = 1 - x_a and x_a = s / 3 -> x_a = 1/4, s = 3/4; x_b = 1/4 + 3/16, x_c = 1/4 + 1/16.
  expect_near_all(hn::pagerank(net, 1.0), {0.25, 0.25 + 3.0 / 16, 0.25 + 1.0 / 16}, 1e-10);
  // Unweighted: x_b = x_c = 1/4 + 1/8.
  expect_near_all(hn::pagerank(net, 1.0, false), {0.25, 0.375, 0.375}, 1e-10);
}

// Ties of weight 0 pass nothing; an actor with only such ties is dangling (networkx).
TEST(PageRank, ZeroWeightTieIsDangling) {
  const auto net = make(hn::directedness::directed, {"a", "b"}, {{"a", "b", 0}});
  expect_near_all(hn::pagerank(net), {0.5, 0.5}, 1e-10);
}

// Empty -> empty; single actor -> 1; no ties -> 1/n; bad alpha rejected.
TEST(PageRank, EdgeCases) {
  EXPECT_TRUE(hn::pagerank(hn::network{}).empty());
  expect_near_all(hn::pagerank(make(hn::directedness::undirected, {"a"}, {})), {1});
  expect_near_all(hn::pagerank(make(hn::directedness::directed, {"a", "b", "c", "d"}, {})), {0.25, 0.25, 0.25, 0.25});
  EXPECT_THROW(hn::pagerank(star5(), 1.5), hn::invalid_input);
  EXPECT_THROW(hn::pagerank(star5(), 0.85, true, 1), hn::invalid_input);
}

// Star: degree, betweenness and closeness centralization are 1 (the star is the maximum);
// eigenvector: hub 1, leaves 1/2 -> 4 * 1/2 / (n - 2) = 2/3 (igraph's maximum).
TEST(Centralization, StarIsMaximal) {
  EXPECT_NEAR(hn::degree_centralization(star5()), 1.0, 1e-12);
  EXPECT_NEAR(hn::betweenness_centralization(star5()), 1.0, 1e-12);
  EXPECT_NEAR(hn::closeness_centralization(star5()), 1.0, 1e-12);
  EXPECT_NEAR(hn::eigenvector_centralization(star5()), 2.0 / 3, 1e-9);
}

// Path a-b-c-d: degree 2/6, betweenness 4/9, closeness 0.5/(3*2/5) (igraph definitions by hand).
TEST(Centralization, UndirectedPath) {
  EXPECT_NEAR(hn::degree_centralization(path4()), 1.0 / 3, 1e-12);
  EXPECT_NEAR(hn::betweenness_centralization(path4()), 4.0 / 9, 1e-12);
  EXPECT_NEAR(hn::closeness_centralization(path4()), 0.5 / 1.2, 1e-12);
}

// Directed a->b->c: degree in/out 1/(n-1)^2 = 1/4, all 2/(2(n-1)(n-2)) = 1/2; betweenness
// 2/((n-1)^2 (n-2)) = 1/2; closeness in/out/all all reach the maximum 1.
TEST(Centralization, DirectedOneWay) {
  EXPECT_NEAR(hn::degree_centralization(chain3(), hn::degree_mode::in), 0.25, 1e-12);
  EXPECT_NEAR(hn::degree_centralization(chain3(), hn::degree_mode::out), 0.25, 1e-12);
  EXPECT_NEAR(hn::degree_centralization(chain3(), hn::degree_mode::all), 0.5, 1e-12);
  EXPECT_NEAR(hn::betweenness_centralization(chain3()), 0.5, 1e-12);
  EXPECT_NEAR(hn::closeness_centralization(chain3(), hn::degree_mode::in), 1.0, 1e-12);
  EXPECT_NEAR(hn::closeness_centralization(chain3(), hn::degree_mode::out), 1.0, 1e-12);
  EXPECT_NEAR(hn::closeness_centralization(chain3(), hn::degree_mode::all), 1.0, 1e-12);
}

// Self-loops do not count in degree centralization (igraph loops=False).
TEST(Centralization, DegreeIgnoresSelfLoops) {
  auto net = path4();
  net.set_allow_self_loops(true);
  net.add_tie({.source = "a", .target = "a"});
  EXPECT_NEAR(hn::degree_centralization(net), 1.0 / 3, 1e-12);
}

// Empty network and n <= 2: theoretical maximum 0 -> NaN; no ties with n = 3 -> 0.
TEST(Centralization, EdgeCases) {
  const hn::network empty;
  EXPECT_TRUE(std::isnan(hn::degree_centralization(empty)));
  EXPECT_TRUE(std::isnan(hn::betweenness_centralization(empty)));
  EXPECT_TRUE(std::isnan(hn::closeness_centralization(empty)));
  EXPECT_TRUE(std::isnan(hn::eigenvector_centralization(empty)));
  const auto one = make(hn::directedness::undirected, {"a"}, {});
  EXPECT_TRUE(std::isnan(hn::degree_centralization(one)));
  EXPECT_TRUE(std::isnan(hn::eigenvector_centralization(one)));
  const auto pair = make(hn::directedness::undirected, {"a", "b"}, {{"a", "b", 1}});
  EXPECT_TRUE(std::isnan(hn::degree_centralization(pair)));
  EXPECT_TRUE(std::isnan(hn::betweenness_centralization(pair)));
  EXPECT_TRUE(std::isnan(hn::closeness_centralization(pair)));
  EXPECT_TRUE(std::isnan(hn::eigenvector_centralization(pair)));
  // Directed pair a->b: in-degree maximum (n-1)^2 = 1 is positive: centralization 1.
  const auto arc = make(hn::directedness::directed, {"a", "b"}, {{"a", "b", 1}});
  EXPECT_NEAR(hn::degree_centralization(arc, hn::degree_mode::in), 1.0, 1e-12);
  EXPECT_TRUE(std::isnan(hn::degree_centralization(arc, hn::degree_mode::all)));
  const auto none = make(hn::directedness::undirected, {"a", "b", "c"}, {});
  EXPECT_EQ(hn::degree_centralization(none), 0.0);
  EXPECT_EQ(hn::betweenness_centralization(none), 0.0);
  EXPECT_EQ(hn::closeness_centralization(none), 0.0);
  EXPECT_NEAR(hn::eigenvector_centralization(none), 0.0, 1e-12);
}

// An isolate has closeness 0 in closeness_centralization (igraph would give NaN):
// path a-b-c plus isolate d: c = 2/3, 1, 2/3, 0 -> (1/3 + 1/3 + 1) / (3*2/5).
TEST(Centralization, ClosenessWithIsolate) {
  const auto net = make(hn::directedness::undirected, {"a", "b", "c", "d"}, {{"a", "b", 1}, {"b", "c", 1}});
  EXPECT_NEAR(hn::closeness_centralization(net), (1.0 / 3 + 1.0 / 3 + 1.0) / 1.2, 1e-12);
}
