// SPDX-License-Identifier: MIT
// Many groups (linear/quadratic grouped measures) and interruptible kernels.
#include <atomic>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <healthnet/healthnet.hpp>
#include <healthnet/synthetic.hpp>
#include <healthnet/interrupt.hpp>

namespace hn = healthnet;

namespace {

// A path 0 - 1 - 2 - 3 - 4 - 5, actor i in group "g{i / 2}" or by `by`:
//
//   g0: 0 1   g1: 2 3   g2: 4 5
//   0 - 1 - 2 - 3 - 4 - 5
hn::network path6(const std::vector<std::string>& sectors) {
  hn::network net;
  for (int i = 0; i < 6; ++i) net.add_actor({.id = std::to_string(i), .sectors = {sectors[i]}});
  for (int i = 0; i < 5; ++i) net.add_tie({.source = std::to_string(i), .target = std::to_string(i + 1)});
  return net;
}

}  // namespace

// Hand-computed: groups {0,1} {2,3} {4,5} on the path; g0-g1 and g1-g2 are
// tied, g0-g2 is the one gap, at distance 3 (1 -> 2 -> 3 -> 4); best placed
// are 2 and 3 (d(2, g0) + d(2, g2) = 1 + 2 = 3, the same for 3), ties broken
// by degree (both 2) and index; 1 and 4 score 0 + 3 = 3 as well (degree 2);
// fifth of top 5: 0 and 5 score 0 + 4 = 4, both of degree 1, index picks 0.
TEST(ManyGroups, GapsHandComputed) {
  const auto net = path6({"a", "a", "b", "b", "c", "c"});
  const auto g = hn::group_actors(net, "sector");
  EXPECT_EQ(hn::count_group_gaps(net, g), 1u);
  const auto gaps = hn::group_gaps(net, g, 5);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].from, 0u);
  EXPECT_EQ(gaps[0].to, 2u);
  EXPECT_EQ(gaps[0].distance, 3u);
  EXPECT_EQ(gaps[0].candidates, (std::vector<hn::vertex_index>{1, 2, 3, 4, 0}));
  EXPECT_EQ(gaps[0].candidate_score, (std::vector<double>{3, 3, 3, 3, 4}));
}

// One group per actor on the path: C(6, 2) = 15 pairs, 5 tied, 10 gaps;
// the limit lists the first ones in (from, to) order: (0,2), (0,3), ...
TEST(ManyGroups, GapCountAndLimit) {
  const auto net = path6({"a", "b", "c", "d", "e", "f"});
  const auto g = hn::group_actors(net, "sector");
  EXPECT_EQ(hn::count_group_gaps(net, g), 10u);
  EXPECT_EQ(hn::group_gaps(net, g).size(), 10u);
  const auto first = hn::group_gaps(net, g, 2, 3);
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].from, 0u);
  EXPECT_EQ(first[0].to, 2u);
  EXPECT_EQ(first[2].to, 4u);
  EXPECT_EQ(first[2].distance, 4u);
}

// Oracle: the sparse cells equal the nonzero cells of the dense matrix.
TEST(ManyGroups, BlockDensityCellsMatchDense) {
  {
    const auto net = hn::example_region();
    const auto g = hn::group_actors(net, "sector");
    const auto dense = hn::block_density(net, g);
    const auto cells = hn::block_density_cells(net, g);
    std::size_t nonzero = 0;
    for (std::size_t a = 0; a < g.size(); ++a) {
      for (std::size_t b = 0; b < g.size(); ++b) nonzero += dense.at(a, b) > 0 ? 1 : 0;
    }
    EXPECT_EQ(cells.size(), nonzero);
    for (const auto& c : cells) EXPECT_DOUBLE_EQ(c.density, dense.at(c.from, c.to));
  }
}

// Oracle: sna's liaison variance as its triple loop over distinct ordered
// group triples (R sna brokerage(), the term var[4] minus exp·(1 − p)),
// against the O(k) power-sum form, for 30 groups of unequal sizes.
TEST(ManyGroups, BrokerageLiaisonVarianceMatchesTripleLoop) {
  hn::network net;
  std::vector<double> n;
  int id = 0;
  for (int grp = 0; grp < 30; ++grp) {
    const int size = 1 + (grp * 7) % 5;
    n.push_back(size);
    for (int i = 0; i < size; ++i) net.add_actor({.id = std::to_string(id++), .sectors = {"s" + std::to_string(grp)}});
  }
  for (int i = 0; i < id; ++i) {
    net.add_tie({.source = std::to_string(i), .target = std::to_string((i + 1) % id)});
    net.add_tie({.source = std::to_string(i), .target = std::to_string((i + 5) % id)});
  }
  const auto r = hn::brokerage(net, hn::group_actors(net, "sector"));
  const double N = id, d = 2.0 * 2 * id / (N * (N - 1));  // undirected: both directions are arcs
  const double p = d * d * (1 - d), d3 = std::pow(d, 3) * std::pow(1 - d, 3), d4 = std::pow(d, 4) * std::pow(1 - d, 2),
               d5 = std::pow(d, 5) * (1 - d);
  double v = r.expected[4] * (1 - p);
  for (std::size_t i = 0; i < n.size(); ++i) {
    for (std::size_t j = 0; j < n.size(); ++j) {
      for (std::size_t l = 0; l < n.size(); ++l) {
        if (i == j || j == l || i == l) continue;
        v += n[i] * n[j] * n[l] *
             ((4 * (N - n[j]) - 2 * (n[i] + n[l] + 1)) * d3 - (4 * (N - n[l]) - 2 * (n[i] + n[j] + 1)) * d4 +
              (N - (n[i] + n[l] + 1)) * d5);
      }
    }
  }
  EXPECT_NEAR(r.sd[4], std::sqrt(v), 1e-9 * std::sqrt(v));
}

namespace {
struct countdown {
  std::atomic<int> left;
};
bool stop_after(void* p) { return static_cast<countdown*>(p)->left.fetch_sub(1) <= 0; }
}  // namespace

// A check that says "stop" after a few calls interrupts every long kernel;
// without a check nothing changes.
TEST(Interrupt, KernelsThrowInterrupted) {
  const auto net = hn::example_region();
  const auto g = hn::group_actors(net, "sector");
  const auto want = hn::betweenness(net);
  for (unsigned threads : {1u, 3u}) {
    countdown c{5};
    hn::interrupt_scope scope(stop_after, &c);
    hn::betweenness_options o;
    o.threads = threads;
    EXPECT_THROW(hn::betweenness(net, o), hn::interrupted);
  }
  {
    countdown c{5};
    hn::interrupt_scope scope(stop_after, &c);
    EXPECT_THROW(hn::ei_index(net, g, 1000), hn::interrupted);
    c.left = 0;
    EXPECT_THROW(hn::closeness(net), hn::interrupted);
    c.left = 0;
    EXPECT_THROW(hn::pagerank(net), hn::interrupted);
    c.left = 0;
    const auto path = path6({"a", "b", "c", "d", "e", "f"});  // 10 gaps
    EXPECT_THROW(hn::group_gaps(path, hn::group_actors(path, "sector")), hn::interrupted);
    c.left = 0;
    EXPECT_THROW(hn::louvain(hn::synthetic_region({.n_actors = 20000, .n_ties = 40000})), hn::interrupted);
  }
  EXPECT_EQ(hn::betweenness(net), want);  // the scope is gone
  try {
    countdown c{0};
    hn::interrupt_scope scope(stop_after, &c);
    hn::ei_index(net, g, 10);
    FAIL();
  } catch (const hn::error& e) {  // part of the healthnet hierarchy
    EXPECT_STREQ(e.what(), "interrupted");
  }
}

// The permutation cap: invalid_input naming the field and the cap.
TEST(Interrupt, PermutationCap) {
  const auto net = hn::example_region();
  const auto g = hn::group_actors(net, "sector");
  try {
    hn::ei_index(net, g, hn::max_permutations + 1);
    FAIL();
  } catch (const hn::invalid_input& e) {
    EXPECT_NE(std::string(e.what()).find("at most 10000000"), std::string::npos) << e.what();
  }
}

// Betweenness estimate: above the limit, pivots; the estimate is within a
// few standard errors of the exact value (example: n = 120).
TEST(Interrupt, BetweennessEstimateScope) {
  const auto net = hn::example_region();
  const double exact = hn::betweenness_centralization(net);
  {
    hn::betweenness_estimate_scope scope(1.0, 64, 7);
    const double est = hn::betweenness_centralization(net);
    const auto& e = hn::betweenness_estimate_scope::last();
    ASSERT_TRUE(e.estimated);
    EXPECT_EQ(e.pivots, 64u);
    EXPECT_GT(e.std_error, 0.0);
    EXPECT_LT(std::abs(est - exact), 0.25);
  }
  {
    hn::betweenness_estimate_scope scope;  // default limit: the example is small, exact
    EXPECT_EQ(hn::betweenness_centralization(net), exact);
    EXPECT_FALSE(hn::betweenness_estimate_scope::last().estimated);
  }
}
