// SPDX-License-Identifier: MIT
// Burt's constraint, effective size and efficiency.
// Oracle: hand-computed values on the graphs drawn below (each also checked
// with networkx.constraint / networkx.effective_size), and a dense-matrix
// implementation of the definitions for random graphs with a hub. The Python
// tests cross-check against networkx on generated graphs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <healthnet/structural_holes.hpp>

namespace hn = healthnet;

namespace {

struct wtie {
  const char* s;
  const char* t;
  double w;
};

hn::network make(hn::directedness d, std::initializer_list<const char*> ids, std::initializer_list<wtie> ties) {
  hn::network net{d};
  for (const char* id : ids) net.add_actor({.id = id});
  for (const auto& t : ties) net.add_tie({.source = t.s, .target = t.t, .weight = t.w});
  return net;
}

//  a --2-- b
//   \     /
//    1   1          undirected; weights used only when weighted = true
//     \ /
//      c --3-- d
hn::network triangle_with_pendant() {
  return make(hn::directedness::undirected, {"a", "b", "c", "d"},
              {{"a", "b", 2}, {"a", "c", 1}, {"b", "c", 1}, {"c", "d", 3}});
}

void expect_values(const std::vector<double>& got, const std::vector<double>& expected, const char* what) {
  ASSERT_EQ(got.size(), expected.size()) << what;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(expected[i])) {
      EXPECT_TRUE(std::isnan(got[i])) << what << " [" << i << "] = " << got[i];
    } else {
      EXPECT_NEAR(got[i], expected[i], 1e-12) << what << " [" << i << "]";
    }
  }
}

}  // namespace

// Unweighted triangle with pendant: p = 1/degree.
// constraint a = (1/2 + 1/2*1/3)^2 + (1/2 + 1/2*1/2)^2 = 4/9 + 9/16 = 145/144 (b alike),
// c = 2*(1/3 + 1/3*1/2)^2 + (1/3)^2 = 11/18, d = 1.
// Effective size (Borgatti n - 2t/n): a 2 - 2/2 = 1, b 1, c 3 - 2/3 = 7/3, d 1;
// efficiency = effective size / contacts: 1/2, 1/2, 7/9, 1.
TEST(StructuralHoles, UnweightedTriangleWithPendant) {
  const auto r = hn::structural_holes(triangle_with_pendant());
  expect_values(r.constraint, {145.0 / 144, 145.0 / 144, 11.0 / 18, 1.0}, "constraint");
  expect_values(r.effective_size, {1.0, 1.0, 7.0 / 3, 1.0}, "effective_size");
  expect_values(r.efficiency, {0.5, 0.5, 7.0 / 9, 1.0}, "efficiency");
  expect_values(hn::constraint(triangle_with_pendant()), r.constraint, "constraint()");
  expect_values(hn::effective_size(triangle_with_pendant()), r.effective_size, "effective_size()");
  expect_values(hn::efficiency(triangle_with_pendant()), r.efficiency, "efficiency()");
}

// Weighted: p_ab = 2/3, p_ac = 1/3, p_ca = p_cb = 1/5, p_cd = 3/5.
// constraint a = (2/3 + 1/3*1/5)^2 + (1/3 + 2/3*1/3)^2 = 121/225 + 25/81 = 1714/2025,
// c = 2*(1/5 + 1/5*2/3)^2 + (3/5)^2 = 131/225, d = 1.
// Effective size a = (1 - 1/3*1/2) + (1 - 2/3*1/3) = 29/18; c = 2*(1 - 1/5) + 1 = 13/5.
TEST(StructuralHoles, WeightedTriangleWithPendant) {
  const auto r = hn::structural_holes(triangle_with_pendant(), true);
  expect_values(r.constraint, {1714.0 / 2025, 1714.0 / 2025, 131.0 / 225, 1.0}, "constraint");
  expect_values(r.effective_size, {29.0 / 18, 29.0 / 18, 13.0 / 5, 1.0}, "effective_size");
  expect_values(r.efficiency, {29.0 / 36, 29.0 / 36, 13.0 / 15, 1.0}, "efficiency");
}

//  a <---> b
//   \     ^
//    v   /          directed: mutual weights a-b 2, a-c 1, b-c 1
//      c
// constraint a = (2/3 + 1/3*1/2)^2 + (1/3 + 2/3*1/3)^2 = 25/36 + 25/81 = 325/324 (b alike);
// c = 2*(1/2 + 1/2*2/3)^2 = 25/18. Effective size a = (1 - 1/3*1/2) + (1 - 2/3*1) = 7/6,
// c = 2*(1 - 1/2*1) = 1. Efficiency divides by the 2 contacts.
TEST(StructuralHoles, Directed) {
  const auto net = make(hn::directedness::directed, {"a", "b", "c"},
                        {{"a", "b", 1}, {"b", "a", 1}, {"a", "c", 1}, {"c", "b", 1}});
  const auto r = hn::structural_holes(net);
  expect_values(r.constraint, {325.0 / 324, 325.0 / 324, 25.0 / 18}, "constraint");
  expect_values(r.effective_size, {7.0 / 6, 7.0 / 6, 1.0}, "effective_size");
  expect_values(r.efficiency, {7.0 / 12, 7.0 / 12, 0.5}, "efficiency");
}

//  l1 --> h <-- l2
//         ^
//         |          only one-way ties, all into the hub h
//         l3
// h: 3 unconnected contacts: constraint 3*(1/3)^2 = 1/3, effective size 3,
// efficiency 1; leaves: one contact: 1, 1, 1. (networkx without scipy gives
// NaN for h, which has no out-ties; its own formula gives these values.)
TEST(StructuralHoles, OnlyOneWayTies) {
  const auto net = make(hn::directedness::directed, {"h", "l1", "l2", "l3"},
                        {{"l1", "h", 1}, {"l2", "h", 1}, {"l3", "h", 1}});
  const auto r = hn::structural_holes(net);
  expect_values(r.constraint, {1.0 / 3, 1, 1, 1}, "constraint");
  expect_values(r.effective_size, {3, 1, 1, 1}, "effective_size");
  expect_values(r.efficiency, {1, 1, 1, 1}, "efficiency");
}

//  a --0-- b
//   \     /
//    2   1          d --0-- e      undirected, weighted
//     \ /
//      c
// Weighted: the 0 tie a-b keeps b a contact of a with p_ab = 0:
// constraint a = (0 + 1*1/3)^2 + (1 + 0)^2 = 10/9, b = (0 + 1*2/3)^2 + 1 = 13/9,
// c = (2/3)^2 + (1/3)^2 = 5/9; effective size a = (1 - 1*1) + (1 - 0) = 1, b 1,
// c 2; efficiency a 1/2, b 1/2, c 1 (networkx's per-node code agrees).
// d and e have only a 0 tie: p is 0/0, so NaN. Unweighted, every tie counts 1.
TEST(StructuralHoles, ZeroWeights) {
  const auto net = make(hn::directedness::undirected, {"a", "b", "c", "d", "e"},
                        {{"a", "b", 0}, {"a", "c", 2}, {"b", "c", 1}, {"d", "e", 0}});
  const double nan = std::nan("");
  const auto w = hn::structural_holes(net, true);
  expect_values(w.constraint, {10.0 / 9, 13.0 / 9, 5.0 / 9, nan, nan}, "constraint");
  expect_values(w.effective_size, {1, 1, 2, nan, nan}, "effective_size");
  expect_values(w.efficiency, {0.5, 0.5, 1, nan, nan}, "efficiency");
  const auto u = hn::structural_holes(net, false);
  // Unweighted: a triangle (each 2*(1/2 + 1/4)^2 = 9/8, effective size 1) and a pair (1, 1).
  expect_values(u.constraint, {9.0 / 8, 9.0 / 8, 9.0 / 8, 1, 1}, "constraint");
  expect_values(u.effective_size, {1, 1, 1, 1, 1}, "effective_size");
}

// Empty network: empty results; single actor and no ties: NaN for everyone (networkx).
TEST(StructuralHoles, Degenerate) {
  const auto empty = hn::structural_holes(hn::network{});
  EXPECT_TRUE(empty.constraint.empty() && empty.effective_size.empty() && empty.efficiency.empty());
  for (std::size_t n : {1U, 3U}) {
    hn::network net{hn::directedness::directed};
    for (std::size_t i = 0; i < n; ++i) net.add_actor({.id = std::to_string(i)});
    for (bool weighted : {false, true}) {
      const auto r = hn::structural_holes(net, weighted);
      ASSERT_EQ(r.constraint.size(), n);
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_TRUE(std::isnan(r.constraint[i]) && std::isnan(r.effective_size[i]) && std::isnan(r.efficiency[i]));
      }
    }
  }
}

// Self-loops are ignored: a loop on a does not change the unweighted triangle-with-pendant values.
TEST(StructuralHoles, SelfLoopsIgnored) {
  auto net = triangle_with_pendant();
  net.set_allow_self_loops(true);
  net.add_tie({.source = "a", .target = "a", .weight = 5});
  const auto r = hn::structural_holes(net);
  expect_values(r.constraint, {145.0 / 144, 145.0 / 144, 11.0 / 18, 1.0}, "constraint");
  expect_values(r.effective_size, {1.0, 1.0, 7.0 / 3, 1.0}, "effective_size");
}

// Random weighted graphs with a hub (rows of very different lengths, so both
// intersection paths run): the three measures equal a dense-matrix evaluation
// of the formulas in structural_holes.hpp (P = row-normalised A + A^T).
TEST(StructuralHoles, MatchesDenseDefinition) {
  for (bool directed : {false, true}) {
    for (bool weighted : {false, true}) {
      std::mt19937 rng(directed * 2 + weighted + 11);
      std::uniform_int_distribution<int> weight(1, 4);
      const std::size_t n = 60;
      std::vector<std::vector<double>> a(n, std::vector<double>(n, 0.0));
      hn::network net{directed ? hn::directedness::directed : hn::directedness::undirected};
      for (std::size_t i = 0; i < n; ++i) net.add_actor({.id = std::to_string(i)});
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = directed ? 0 : i + 1; j < n; ++j) {
          const bool hub = (i == 0 || j == 0) && rng() % 3 != 0;
          if (i == j || !(rng() % 20 == 0 || hub)) continue;
          const double w = weight(rng);
          a[i][j] = weighted ? w : 1.0;
          if (!directed) a[j][i] = a[i][j];
          net.add_tie({.source = std::to_string(i), .target = std::to_string(j), .weight = w});
        }
      }
      std::vector<std::vector<double>> mw(n, std::vector<double>(n)), p(n, std::vector<double>(n, 0.0)),
          m(n, std::vector<double>(n, 0.0));
      for (std::size_t i = 0; i < n; ++i) {
        double s = 0, mx = 0;
        for (std::size_t j = 0; j < n; ++j) {
          mw[i][j] = a[i][j] + a[j][i];
          s += mw[i][j];
          mx = std::max(mx, mw[i][j]);
        }
        for (std::size_t j = 0; j < n; ++j) {
          if (s > 0) p[i][j] = mw[i][j] / s;
          if (mx > 0) m[i][j] = mw[i][j] / mx;
        }
      }
      const auto r = hn::structural_holes(net, weighted);
      for (std::size_t i = 0; i < n; ++i) {
        double c = 0, e = 0, deg = 0;
        for (std::size_t j = 0; j < n; ++j) {
          if (mw[i][j] == 0) continue;
          deg += 1;
          double indirect = 0, red = 0;
          for (std::size_t q = 0; q < n; ++q) {
            if (q == j) continue;
            indirect += p[i][q] * p[q][j];
            red += p[i][q] * m[j][q];
          }
          c += (p[i][j] + indirect) * (p[i][j] + indirect);
          e += 1 - red;
        }
        if (deg == 0) {
          EXPECT_TRUE(std::isnan(r.constraint[i]));
          continue;
        }
        EXPECT_NEAR(r.constraint[i], c, 1e-12) << directed << weighted << " " << i;
        EXPECT_NEAR(r.effective_size[i], e, 1e-12) << directed << weighted << " " << i;
        EXPECT_NEAR(r.efficiency[i], e / deg, 1e-12) << directed << weighted << " " << i;
      }
    }
  }
}
