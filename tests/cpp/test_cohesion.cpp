// SPDX-License-Identifier: MIT
// Reciprocity, dyad census, triangles, transitivity and clustering.
// Oracle: hand-computed values on the graphs drawn below (checked against
// networkx.clustering / networkx.reciprocity and R sna grecip / gtrans), and
// brute-force O(n^3) counting on an adjacency matrix for random graphs. The
// Python tests cross-check the same functions against networkx and sna on
// generated graphs.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <healthnet/cohesion.hpp>

namespace hn = healthnet;

namespace {

using measure = hn::reciprocity_measure;

hn::network make(hn::directedness d, std::initializer_list<const char*> ids,
                 std::initializer_list<std::pair<const char*, const char*>> ties, double weight = 1.0) {
  hn::network net{d};
  for (const char* id : ids) net.add_actor({.id = id});
  for (const auto& [s, t] : ties) net.add_tie({.source = s, .target = t, .weight = weight});
  return net;
}

//  a --- b
//  | \   |
//  |   \ |
//  c --- d --- e        f (isolate)
//
// undirected; triangles a-b-d and a-c-d.
hn::network kite() {
  return make(hn::directedness::undirected, {"a", "b", "c", "d", "e", "f"},
              {{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "d"}, {"c", "d"}, {"d", "e"}});
}

//  a <---> b ----> c        d (isolate)
//  ^               |
//  +---------------+        c -> a
//
// directed: one mutual dyad {a,b}, two asymmetric {b,c} {c,a}, three null.
hn::network mixed_digraph() {
  return make(hn::directedness::directed, {"a", "b", "c", "d"}, {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "a"}});
}

//  a ---> b
//  ^     /
//   \   v
//     c          a one-way 3-cycle a->b->c->a
hn::network one_way_cycle() {
  return make(hn::directedness::directed, {"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}});
}

bool is_nan(double x) { return std::isnan(x); }

// A random graph as an adjacency matrix plus the same network.
struct random_case {
  std::size_t n;
  std::vector<std::vector<int>> adj;
  hn::network net;
};

random_case random_graph(std::size_t n, double p, bool directed, unsigned seed) {
  std::mt19937 rng(seed);
  std::bernoulli_distribution coin(p);
  random_case rc{n, std::vector<std::vector<int>>(n, std::vector<int>(n, 0)),
                 hn::network{directed ? hn::directedness::directed : hn::directedness::undirected}};
  for (std::size_t i = 0; i < n; ++i) rc.net.add_actor({.id = std::to_string(i)});
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = directed ? 0 : i + 1; j < n; ++j) {
      // vertex 0 is a hub tied to most others, so rows have very different lengths.
      const bool hub = (i == 0 || j == 0) && rng() % 4 != 0;
      if (i == j || !(coin(rng) || hub)) continue;
      rc.adj[i][j] = 1;
      if (!directed) rc.adj[j][i] = 1;
      rc.net.add_tie({.source = std::to_string(i), .target = std::to_string(j)});
    }
  }
  return rc;
}

}  // namespace

// Undirected: every tie is mutual, so all measures are 1 (sna on a symmetric matrix).
TEST(Reciprocity, UndirectedIsOne) {
  const auto net = kite();
  EXPECT_DOUBLE_EQ(hn::reciprocity(net), 1.0);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, measure::dyadic), 1.0);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, measure::dyadic_nonnull), 1.0);
}

// Mixed digraph: M=1, A=2, N=3; edgewise 2/4 (networkx.reciprocity 0.5),
// dyadic (1+3)/6, dyadic.nonnull 1/3 (sna grecip).
TEST(Reciprocity, DirectedMeasures) {
  const auto net = mixed_digraph();
  const auto c = hn::dyad_census(net);
  EXPECT_EQ(c.mutual, 1U);
  EXPECT_EQ(c.asymmetric, 2U);
  EXPECT_EQ(c.null, 3U);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net), 0.5);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, measure::dyadic), 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, measure::dyadic_nonnull), 1.0 / 3.0);
}

// Only one-way ties (3-cycle): nothing is reciprocated; all three dyads asymmetric.
TEST(Reciprocity, OnlyOneWayTies) {
  const auto net = one_way_cycle();
  EXPECT_DOUBLE_EQ(hn::reciprocity(net), 0.0);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, measure::dyadic), 0.0);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, measure::dyadic_nonnull), 0.0);
}

// Empty network and single actor: no dyads, every measure is 0/0 = NaN.
TEST(Reciprocity, EmptyAndSingleActor) {
  for (std::size_t n : {0U, 1U}) {
    hn::network net{hn::directedness::directed};
    if (n == 1) net.add_actor({.id = "a"});
    EXPECT_TRUE(is_nan(hn::reciprocity(net))) << n;
    EXPECT_TRUE(is_nan(hn::reciprocity(net, measure::dyadic))) << n;
    EXPECT_TRUE(is_nan(hn::reciprocity(net, measure::dyadic_nonnull))) << n;
  }
}

// No ties among three actors: edgewise and nonnull NaN, dyadic 3 null / 3 = 1 (sna grecip).
TEST(Reciprocity, NoTies) {
  const auto net = make(hn::directedness::directed, {"a", "b", "c"}, {});
  EXPECT_TRUE(is_nan(hn::reciprocity(net)));
  EXPECT_DOUBLE_EQ(hn::reciprocity(net, measure::dyadic), 1.0);
  EXPECT_TRUE(is_nan(hn::reciprocity(net, measure::dyadic_nonnull)));
  EXPECT_EQ(hn::dyad_census(net).null, 3U);
}

// Ties of weight 0 are ties; self-loops are ignored (a->a is not a dyad).
TEST(Reciprocity, ZeroWeightsAndSelfLoops) {
  auto net = make(hn::directedness::directed, {"a", "b"}, {{"a", "b"}, {"b", "a"}}, 0.0);
  EXPECT_DOUBLE_EQ(hn::reciprocity(net), 1.0);
  net.set_allow_self_loops(true);
  net.add_tie({.source = "a", .target = "a"});
  EXPECT_DOUBLE_EQ(hn::reciprocity(net), 1.0);
  EXPECT_EQ(hn::dyad_census(net).mutual, 1U);
}

// Kite: triangles a=2 b=1 c=1 d=2 e=0 f=0 (networkx.triangles).
TEST(Triangles, Kite) {
  EXPECT_EQ(hn::triangles(kite()), (std::vector<double>{2, 1, 1, 2, 0, 0}));
}

// Kite: transitivity 3*2 / (3+1+1+6) connected triples = 6/11 (networkx.transitivity).
TEST(Transitivity, UndirectedKite) {
  EXPECT_DOUBLE_EQ(hn::transitivity(kite()), 6.0 / 11.0);
}

// Mixed digraph: two-paths c->a->b, a->b->c, b->c->a; only b->c->a is closed
// (b->a exists): sna gtrans weak = 1/3.
TEST(Transitivity, DirectedWeak) {
  EXPECT_DOUBLE_EQ(hn::transitivity(mixed_digraph()), 1.0 / 3.0);
}

// One-way tie patterns: a 3-cycle closes none of its 3 two-paths (0); the
// transitive triad a->b, b->c, a->c closes its only two-path (1).
TEST(Transitivity, OnlyOneWayTies) {
  EXPECT_DOUBLE_EQ(hn::transitivity(one_way_cycle()), 0.0);
  const auto triad = make(hn::directedness::directed, {"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"a", "c"}});
  EXPECT_DOUBLE_EQ(hn::transitivity(triad), 1.0);
}

// Complete graphs: undirected K5 and the complete digraph on 4 actors are fully transitive.
TEST(Transitivity, Complete) {
  for (auto d : {hn::directedness::undirected, hn::directedness::directed}) {
    hn::network net{d};
    for (int i = 0; i < 5; ++i) net.add_actor({.id = std::to_string(i)});
    for (int i = 0; i < 5; ++i) {
      for (int j = 0; j < 5; ++j) {
        if (i != j && (d == hn::directedness::directed || i < j)) {
          net.add_tie({.source = std::to_string(i), .target = std::to_string(j)});
        }
      }
    }
    EXPECT_DOUBLE_EQ(hn::transitivity(net), 1.0);
    EXPECT_EQ(hn::local_clustering(net), std::vector<double>(5, 1.0));
    EXPECT_DOUBLE_EQ(hn::reciprocity(net), 1.0);
  }
}

// Empty, single actor, no ties, two-paths but no triangle: transitivity 0 (networkx convention).
TEST(Transitivity, Degenerate) {
  EXPECT_EQ(hn::transitivity(hn::network{}), 0.0);
  EXPECT_EQ(hn::transitivity(make(hn::directedness::undirected, {"a"}, {})), 0.0);
  EXPECT_EQ(hn::transitivity(make(hn::directedness::directed, {"a", "b", "c"}, {})), 0.0);
  EXPECT_EQ(hn::transitivity(make(hn::directedness::undirected, {"a", "b", "c"}, {{"a", "b"}, {"b", "c"}})), 0.0);
  // sna gives 1 here (no two-path at all); healthnet 0.
  EXPECT_EQ(hn::transitivity(make(hn::directedness::directed, {"a", "b", "c", "d"}, {{"a", "b"}, {"c", "d"}})), 0.0);
}

// Ties of weight 0 are still ties: a zero-weight triangle is a triangle.
TEST(Transitivity, ZeroWeights) {
  const auto net = make(hn::directedness::undirected, {"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"a", "c"}}, 0.0);
  EXPECT_DOUBLE_EQ(hn::transitivity(net), 1.0);
  EXPECT_EQ(hn::local_clustering(net), std::vector<double>(3, 1.0));
}

// Kite local clustering: a 2/3, b 1, c 1, d 1/3, e 0, f 0 (networkx.clustering);
// average 3/6, or 3/4 without zeros (networkx.average_clustering).
TEST(Clustering, UndirectedKite) {
  const auto c = hn::local_clustering(kite());
  const std::vector<double> expected{2.0 / 3.0, 1.0, 1.0, 1.0 / 3.0, 0.0, 0.0};
  ASSERT_EQ(c.size(), expected.size());
  for (std::size_t i = 0; i < c.size(); ++i) EXPECT_DOUBLE_EQ(c[i], expected[i]) << i;
  EXPECT_DOUBLE_EQ(hn::average_clustering(kite()), 0.5);
  EXPECT_DOUBLE_EQ(hn::average_clustering(kite(), false), 0.75);
}

// Mixed digraph, Fagiolo (networkx.clustering on a DiGraph): S = A + A^T has
// s_ab=2, s_bc=1, s_ca=1, so T = 2*2*1*1 = 4 at a, b, c; a: d_tot 3, d_bi 1,
// 4/(2*(6-2)) = 0.5; b likewise 0.5; c: d_tot 2, 4/(2*2) = 1; d: 0.
TEST(Clustering, DirectedFagiolo) {
  EXPECT_EQ(hn::local_clustering(mixed_digraph()), (std::vector<double>{0.5, 0.5, 1.0, 0.0}));
  // One-way 3-cycle: T = 2, d_tot = 2, d_bi = 0: 2/(2*2) = 0.5 each (networkx).
  EXPECT_EQ(hn::local_clustering(one_way_cycle()), (std::vector<double>{0.5, 0.5, 0.5}));
}

// Empty network: no values, average NaN (networkx raises); single actor and
// no ties: 0 each, average 0, and NaN without zeros.
TEST(Clustering, Degenerate) {
  EXPECT_TRUE(hn::local_clustering(hn::network{}).empty());
  EXPECT_TRUE(is_nan(hn::average_clustering(hn::network{})));
  const auto single = make(hn::directedness::undirected, {"a"}, {});
  EXPECT_EQ(hn::local_clustering(single), std::vector<double>{0.0});
  const auto none = make(hn::directedness::directed, {"a", "b", "c"}, {});
  EXPECT_EQ(hn::local_clustering(none), std::vector<double>(3, 0.0));
  EXPECT_EQ(hn::average_clustering(none), 0.0);
  EXPECT_TRUE(is_nan(hn::average_clustering(none, false)));
}

// Self-loops are ignored: a triangle with a loop on a keeps clustering 1 (networkx ignores loops too).
TEST(Clustering, SelfLoopsIgnored) {
  for (auto d : {hn::directedness::undirected, hn::directedness::directed}) {
    auto net = make(d, {"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"a", "c"}, {"b", "a"}, {"c", "b"}, {"c", "a"}});
    net.set_allow_self_loops(true);
    net.add_tie({.source = "a", .target = "a"});
    EXPECT_EQ(hn::local_clustering(net), std::vector<double>(3, 1.0));
    EXPECT_DOUBLE_EQ(hn::transitivity(net), 1.0);
    EXPECT_EQ(hn::triangles(net), std::vector<double>(3, 1.0));
  }
}

// Random graphs with a hub: triangles, undirected clustering and transitivity,
// directed weak transitivity and Fagiolo clustering equal brute-force O(n^3)
// counting on the adjacency matrix (the definitions, computed independently).
TEST(Cohesion, MatchesBruteForce) {
  for (bool directed : {false, true}) {
    for (unsigned seed : {1U, 2U, 3U}) {
      const auto rc = random_graph(70, 0.08, directed, seed);
      const auto& A = rc.adj;
      const std::size_t n = rc.n;
      std::vector<double> tri(n, 0), fag_t(n, 0);
      double closed = 0, two_paths = 0, tri_total = 0, triples = 0;
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          for (std::size_t k = 0; k < n; ++k) {
            if (i == j || j == k || i == k) continue;
            const int sij = A[i][j] + A[j][i], sjk = A[j][k] + A[k][j], ski = A[k][i] + A[i][k];
            fag_t[i] += sij * sjk * ski;
            if ((sij > 0) && (sjk > 0) && (ski > 0)) tri[i] += 0.5;  // (j,k) and (k,j)
            if (A[i][j] && A[j][k]) {
              two_paths += 1;
              closed += A[i][k];
            }
          }
        }
      }
      std::vector<double> clust(n, 0.0);
      for (std::size_t i = 0; i < n; ++i) {
        double dtot = 0, dbi = 0, d = 0;
        for (std::size_t j = 0; j < n; ++j) {
          dtot += A[i][j] + (directed ? A[j][i] : 0);
          dbi += A[i][j] * A[j][i];
          d += (A[i][j] || A[j][i]) ? 1 : 0;
        }
        tri_total += tri[i] / 3;
        triples += d * (d - 1);
        if (directed) {
          if (fag_t[i] > 0) clust[i] = fag_t[i] / (2 * (dtot * (dtot - 1) - 2 * dbi));
        } else if (tri[i] > 0) {
          clust[i] = 2 * tri[i] / (d * (d - 1));
        }
      }
      ASSERT_GT(tri_total, 0);
      EXPECT_EQ(hn::triangles(rc.net), tri) << directed << seed;
      const auto c = hn::local_clustering(rc.net);
      for (std::size_t i = 0; i < n; ++i) EXPECT_NEAR(c[i], clust[i], 1e-12) << directed << seed << " " << i;
      const double expected = directed ? closed / two_paths : 6 * tri_total / triples;
      EXPECT_NEAR(hn::transitivity(rc.net), expected, 1e-12) << directed << seed;
    }
  }
}

// Concurrent calls on one const network give the same results (no shared mutable state).
TEST(Cohesion, ConcurrentCalls) {
  const auto rc = random_graph(200, 0.05, true, 7);
  const auto expected = hn::local_clustering(rc.net);
  std::vector<std::vector<double>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] { got[t] = hn::local_clustering(rc.net); });
  }
  for (auto& th : threads) th.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

// intersect_sorted reports every common element with its positions, both on
// the merge path (similar lengths) and the binary-search path (16x longer).
TEST(Cohesion, IntersectSorted) {
  std::vector<hn::vertex_index> longer;  // 0, 2, ..., 98: 50 entries
  for (hn::vertex_index x = 0; x < 100; x += 2) longer.push_back(x);
  // 3 entries: binary search (3 * 16 <= 50); 8 entries: merge.
  for (const std::vector<hn::vertex_index>& shorter :
       {std::vector<hn::vertex_index>{4, 31, 98}, std::vector<hn::vertex_index>{0, 4, 5, 9, 22, 23, 98, 99}}) {
    for (bool swap : {false, true}) {
      std::vector<std::pair<std::size_t, std::size_t>> hits;
      const auto& a = swap ? longer : shorter;
      const auto& b = swap ? shorter : longer;
      hn::detail::intersect_sorted(a, b, [&](std::size_t i, std::size_t j) { hits.emplace_back(i, j); });
      std::vector<std::pair<std::size_t, std::size_t>> expected;
      for (std::size_t i = 0; i < a.size(); ++i) {
        for (std::size_t j = 0; j < b.size(); ++j) {
          if (a[i] == b[j]) expected.emplace_back(i, j);
        }
      }
      EXPECT_EQ(hits, expected);
    }
  }
}
