// SPDX-License-Identifier: MIT
// The CSR analysis view: layout, sorting, weights, caching and invalidation.
#include <gtest/gtest.h>

#include <healthnet/healthnet.hpp>

namespace hn = healthnet;

namespace {
std::vector<hn::vertex_index> row(std::span<const hn::vertex_index> s) { return {s.begin(), s.end()}; }
}  // namespace

//  0 -> 2, 0 -> 1, 2 -> 1, 3 -> 0  (directed, added in this order)
TEST(AnalysisView, DirectedRowsSorted) {
  const std::vector<hn::vertex_index> src{0, 0, 2, 3}, dst{2, 1, 1, 0};
  const auto v = hn::analysis_view::from_ties(4, src, dst, {}, true);
  EXPECT_EQ(v.n_ties(), 4u);
  EXPECT_EQ(v.n_arcs(), 4u);
  EXPECT_FALSE(v.weighted());
  EXPECT_EQ(row(v.out_neighbors(0)), (std::vector<hn::vertex_index>{1, 2}));
  EXPECT_EQ(row(v.in_neighbors(1)), (std::vector<hn::vertex_index>{0, 2}));
  EXPECT_EQ(row(v.in_neighbors(0)), (std::vector<hn::vertex_index>{3}));
  EXPECT_TRUE(v.has_arc(3, 0));
  EXPECT_FALSE(v.has_arc(0, 3));
  // unweighted: 4 bytes per out-arc + 4 per in-arc, no weights stored
  EXPECT_TRUE(v.out_weight_array().empty());
}

//  0 - 1 (w 2), 1 - 2 (w 1): undirected stores both arcs, weights kept
TEST(AnalysisView, UndirectedSymmetricWeighted) {
  const std::vector<hn::vertex_index> src{1, 1}, dst{0, 2};
  const std::vector<double> w{2.0, 1.0};
  const auto v = hn::analysis_view::from_ties(3, src, dst, w, false);
  EXPECT_EQ(v.n_arcs(), 4u);
  EXPECT_TRUE(v.weighted());
  EXPECT_EQ(row(v.out_neighbors(1)), (std::vector<hn::vertex_index>{0, 2}));
  EXPECT_EQ(row(v.in_neighbors(1)), (std::vector<hn::vertex_index>{0, 2}));
  EXPECT_DOUBLE_EQ(v.out_weights(1)[0], 2.0);
  EXPECT_DOUBLE_EQ(v.out_weights(0)[0], 2.0);
  EXPECT_DOUBLE_EQ(v.out_weights(2)[0], 1.0);
}

// Out-of-range indices and mismatched lengths are rejected.
TEST(AnalysisView, RejectsBadArrays) {
  const std::vector<hn::vertex_index> src{0}, dst{5};
  EXPECT_THROW(hn::analysis_view::from_ties(3, src, dst, {}, true), hn::invalid_input);
  const std::vector<double> w{1.0, 2.0};
  EXPECT_THROW(hn::analysis_view::from_ties(6, src, dst, w, true), hn::invalid_input);
}

// An empty network has an empty but valid view.
TEST(AnalysisView, Empty) {
  const hn::network net;
  const auto v = net.view();
  EXPECT_EQ(v->n_vertices(), 0u);
  EXPECT_EQ(v->n_arcs(), 0u);
}

// The view is built once, shared, and rebuilt after a change.
TEST(AnalysisView, CachedAndInvalidated) {
  hn::network net;
  net.add_actor({.id = "a"});
  net.add_actor({.id = "b"});
  const auto v1 = net.view();
  EXPECT_EQ(net.view(), v1);
  net.add_tie({.source = "a", .target = "b"});
  const auto v2 = net.view();
  EXPECT_NE(v2, v1);
  EXPECT_EQ(v1->n_ties(), 0u);  // an old view stays valid for its holder
  EXPECT_EQ(v2->n_ties(), 1u);
}
