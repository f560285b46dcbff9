// SPDX-License-Identifier: MIT
// The analysis view as a Boost.Graph graph (healthnet/boost_graph.hpp).
// Oracle: Boost.Graph itself. BGL's own breadth_first_search,
// dijkstra_shortest_paths, connected_components and
// brandes_betweenness_centrality run on `*net.view()` and must agree with
// healthnet's kernels (closeness, component_labels, betweenness) on
// hand-drawn graphs and synthetic regions; the graph-structure checks
// (num_edges, out_edges orientation, self-loops) are hand-computed.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/property_map/property_map.hpp>

#include <healthnet/boost_graph.hpp>
#include <healthnet/healthnet.hpp>
#include <healthnet/synthetic.hpp>

namespace hn = healthnet;

// The concepts BGL's algorithms check, asserted at compile time.
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<hn::analysis_view>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<hn::analysis_view>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<hn::analysis_view>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<hn::analysis_view>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyGraphConcept<hn::analysis_view, hn::vertex_index, boost::vertex_index_t>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<hn::analysis_view, hn::graph_arc, boost::edge_weight_t>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<hn::undirected_view>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<hn::undirected_view>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<hn::undirected_view>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<hn::undirected_view>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyGraphConcept<hn::undirected_view, hn::vertex_index, boost::vertex_index_t>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<hn::undirected_view, hn::graph_arc, boost::edge_weight_t>));
static_assert(std::is_same_v<boost::graph_traits<hn::undirected_view>::directed_category, boost::undirected_tag>);
static_assert(std::is_same_v<boost::graph_traits<hn::analysis_view>::directed_category, boost::directed_tag>);

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

struct tie3 {
  const char* s;
  const char* t;
  double w;
};

hn::network make(hn::directedness d, const std::vector<std::string>& actors, const std::vector<tie3>& ties) {
  hn::network net{d};
  for (const auto& a : actors) net.add_actor({.id = a});
  for (const auto& [s, t, w] : ties) net.add_tie({.source = s, .target = t, .weight = w});
  return net;
}

//  a --1-- b --1-- c --1-- d      f --2-- g      h
//           \     /
//            3   1                 undirected; weights are lengths
//             \ /
//              e
hn::network hand_undirected() {
  return make(hn::directedness::undirected, {"a", "b", "c", "d", "e", "f", "g", "h"},
              {{"a", "b", 1}, {"b", "c", 1}, {"c", "d", 1}, {"b", "e", 3}, {"c", "e", 1}, {"f", "g", 2}});
}

//  a --> b --> c --> a     c --> d <==> e      directed, unit weights
hn::network hand_directed() {
  return make(hn::directedness::directed, {"a", "b", "c", "d", "e"},
              {{"a", "b", 1}, {"b", "c", 1}, {"c", "a", 1}, {"c", "d", 1}, {"d", "e", 1}, {"e", "d", 1}});
}

hn::network synthetic(bool directed, bool weighted, std::uint64_t seed) {
  return hn::synthetic_region(
      {.n_actors = 150, .n_ties = 500, .directed = directed, .weighted = weighted, .seed = seed});
}

// Closeness without the Wasserman-Faust factor from BGL distances: for each
// target u, (number of other actors s reaching u) / sum_s d(s, u), 0 when none.
template <class Distances>
std::vector<double> closeness_from(std::size_t n, Distances run_from) {
  std::vector<double> total(n, 0.0);
  std::vector<double> reached(n, 0.0);
  for (hn::vertex_index s = 0; s < n; ++s) {
    const std::vector<double> d = run_from(s);
    for (std::size_t u = 0; u < n; ++u) {
      if (u == s || !std::isfinite(d[u])) continue;
      total[u] += d[u];
      reached[u] += 1;
    }
  }
  std::vector<double> c(n, 0.0);
  for (std::size_t u = 0; u < n; ++u) c[u] = total[u] > 0 ? reached[u] / total[u] : 0.0;
  return c;
}

// Unit-length distances from s by boost::breadth_first_search.
std::vector<double> bgl_bfs_distances(const hn::analysis_view& g, hn::vertex_index s) {
  std::vector<std::uint32_t> level(g.n_vertices(), std::numeric_limits<std::uint32_t>::max());
  level[s] = 0;
  boost::breadth_first_search(
      g, s, boost::visitor(boost::make_bfs_visitor(boost::record_distances(level.data(), boost::on_tree_edge{}))));
  std::vector<double> d(g.n_vertices());
  for (std::size_t v = 0; v < d.size(); ++v) {
    d[v] = level[v] == std::numeric_limits<std::uint32_t>::max() ? inf : level[v];
  }
  return d;
}

// Weighted distances from s by boost::dijkstra_shortest_paths with the view's edge weight map.
template <class Graph>
std::vector<double> bgl_dijkstra_distances(const Graph& g, hn::vertex_index s) {
  std::vector<double> d(num_vertices(g));
  boost::dijkstra_shortest_paths(g, s, boost::distance_map(d.data()).weight_map(get(boost::edge_weight, g)));
  for (double& x : d) {
    if (x == std::numeric_limits<double>::max()) x = inf;
  }
  return d;
}

template <class Graph>
std::vector<double> bgl_betweenness(const Graph& g, bool weighted) {
  std::vector<double> c(num_vertices(g), 0.0);
  if (weighted) {
    boost::brandes_betweenness_centrality(g, boost::centrality_map(c.data()).weight_map(get(boost::edge_weight, g)));
  } else {
    boost::brandes_betweenness_centrality(g, c.data());
  }
  return c;
}

void expect_near_all(const std::vector<double>& got, const std::vector<double>& want, double rel = 1e-9) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i], want[i], rel * (1.0 + std::abs(want[i]))) << "at " << i;
  }
}

// Same partition: u and v share a BGL component exactly when they share a healthnet one.
void expect_same_partition(const std::vector<std::size_t>& bgl, const std::vector<std::uint32_t>& ours) {
  ASSERT_EQ(bgl.size(), ours.size());
  std::map<std::size_t, std::uint32_t> to_ours;
  std::map<std::uint32_t, std::size_t> to_bgl;
  for (std::size_t v = 0; v < bgl.size(); ++v) {
    const auto [a, new_a] = to_ours.emplace(bgl[v], ours[v]);
    const auto [b, new_b] = to_bgl.emplace(ours[v], bgl[v]);
    EXPECT_EQ(a->second, ours[v]) << "actor " << v;
    EXPECT_EQ(b->second, bgl[v]) << "actor " << v;
  }
}

}  // namespace

// Hand-computed: 6 ties -> 12 stored arcs; as undirected, 6 edges; out_edges
// of b are oriented away from b, in neighbour order a, c, e.
TEST(BoostGraph, StructureOfHandDrawnUndirected) {
  const auto net = hand_undirected();
  const auto view = net.view();
  EXPECT_EQ(num_vertices(*view), 8u);
  EXPECT_EQ(num_edges(*view), 12u);
  const auto ug = hn::as_undirected(*view);
  EXPECT_EQ(num_edges(ug), 6u);
  const hn::vertex_index b = 1;
  std::vector<std::pair<hn::vertex_index, hn::vertex_index>> arcs;
  std::vector<double> weights;
  for (auto [it, end] = out_edges(b, ug); it != end; ++it) {
    arcs.emplace_back(source(*it, ug), target(*it, ug));
    weights.push_back(get(boost::edge_weight, ug, *it));
  }
  EXPECT_EQ(arcs, (std::vector<std::pair<hn::vertex_index, hn::vertex_index>>{{1, 0}, {1, 2}, {1, 4}}));
  EXPECT_EQ(weights, (std::vector<double>{1, 1, 3}));
  EXPECT_EQ(out_degree(b, ug), 3u);
  std::vector<hn::vertex_index> adj;
  for (auto [it, end] = adjacent_vertices(b, *view); it != end; ++it) adj.push_back(*it);
  EXPECT_EQ(adj, (std::vector<hn::vertex_index>{0, 2, 4}));
  // Every tie once, from its lower-index end.
  std::vector<std::pair<hn::vertex_index, hn::vertex_index>> listed;
  for (auto [it, end] = edges(ug); it != end; ++it) listed.emplace_back(source(*it, ug), target(*it, ug));
  EXPECT_EQ(listed, (std::vector<std::pair<hn::vertex_index, hn::vertex_index>>{
                        {0, 1}, {1, 2}, {1, 4}, {2, 3}, {2, 4}, {5, 6}}));
  EXPECT_EQ(get(get(boost::vertex_index, ug), hn::vertex_index{7}), 7u);
}

// Hand-computed: an undirected self-loop is two arcs of its row (degree 2, as
// in BGL's adjacency_list) and one edge in edges().
TEST(BoostGraph, UndirectedSelfLoopListedOnce) {
  const std::vector<std::pair<hn::vertex_index, hn::vertex_index>> ends{{0, 0}, {0, 1}, {1, 1}, {1, 1}};
  const auto view = hn::analysis_view::from_tie_ends(2, ends, {}, false);
  const auto ug = hn::as_undirected(view);
  EXPECT_EQ(out_degree(0, ug), 3u);
  EXPECT_EQ(out_degree(1, ug), 5u);
  EXPECT_EQ(num_edges(ug), 4u);
  std::vector<std::pair<hn::vertex_index, hn::vertex_index>> listed;
  for (auto [it, end] = edges(ug); it != end; ++it) listed.emplace_back(source(*it, ug), target(*it, ug));
  EXPECT_EQ(listed, (std::vector<std::pair<hn::vertex_index, hn::vertex_index>>{{0, 0}, {0, 1}, {1, 1}, {1, 1}}));
  // Unweighted views weigh every arc 1.
  for (auto [it, end] = edges(ug); it != end; ++it) EXPECT_EQ(get(boost::edge_weight, ug, *it), 1.0);
}

TEST(BoostGraph, UndirectedViewRejectsDirected) {
  const auto net = hand_directed();
  EXPECT_THROW((void)hn::as_undirected(*net.view()), hn::invalid_input);
}

// Oracle: BGL breadth_first_search distances, summed per target, give
// healthnet's unnormalized closeness (inward distances when directed).
TEST(BoostGraph, BfsMatchesCloseness) {
  for (const auto& net : {hand_undirected(), hand_directed(), synthetic(false, false, 3), synthetic(true, false, 4)}) {
    const auto view = net.view();
    const auto want = closeness_from(view->n_vertices(), [&](hn::vertex_index s) { return bgl_bfs_distances(*view, s); });
    expect_near_all(hn::closeness(net, false, false), want);
  }
}

// Oracle: BGL dijkstra_shortest_paths with get(boost::edge_weight, g).
// Hand check on the drawing: d(b, e) = 2 via c, not 3 directly.
TEST(BoostGraph, DijkstraWithWeightMapMatchesWeightedCloseness) {
  const auto hand = hand_undirected();
  const auto d = bgl_dijkstra_distances(*hand.view(), 1);
  EXPECT_EQ(d[4], 2.0);
  EXPECT_EQ(d[3], 2.0);
  EXPECT_EQ(d[7], inf);
  EXPECT_EQ(bgl_dijkstra_distances(hn::as_undirected(*hand.view()), 1), d);
  for (const auto& net : {hand, synthetic(false, true, 5), synthetic(true, true, 6)}) {
    const auto view = net.view();
    ASSERT_EQ(view->weighted(), true);
    const auto want =
        closeness_from(view->n_vertices(), [&](hn::vertex_index s) { return bgl_dijkstra_distances(*view, s); });
    expect_near_all(hn::closeness(net, true, false), want);
  }
}

// Oracle: BGL connected_components on the undirected view; healthnet's
// component_labels number them differently (largest first), so the
// partitions are compared. Hand: {a,b,c,d,e}, {f,g}, {h}.
TEST(BoostGraph, ConnectedComponentsMatch) {
  for (const auto& net : {hand_undirected(), synthetic(false, false, 7), synthetic(false, false, 8)}) {
    const auto view = net.view();
    std::vector<std::size_t> comp(view->n_vertices());
    const std::size_t k = boost::connected_components(hn::as_undirected(*view), comp.data());
    EXPECT_EQ(k, hn::n_components(net));
    expect_same_partition(comp, hn::component_labels(net));
  }
  EXPECT_EQ(hn::n_components(hand_undirected()), 3u);
}

// Oracle: BGL brandes_betweenness_centrality. On the undirected_view BGL
// halves its ordered-pair sums itself (undirected_tag); on the view as a
// directed graph of both arcs it counts every pair twice, so it is halved
// here. Hand check on the drawing: unweighted, c lies on the only shortest
// paths a-d, b-d, e-d (3; a-e goes a-b-e); weighted, also on a-b-c-e (3 < 4)
// and b-c-e (2 < 3), so 5.
TEST(BoostGraph, BrandesMatchesBetweenness) {
  const auto hand = hand_undirected();
  EXPECT_DOUBLE_EQ(bgl_betweenness(hn::as_undirected(*hand.view()), false)[2], 3.0);
  EXPECT_DOUBLE_EQ(bgl_betweenness(hn::as_undirected(*hand.view()), true)[2], 5.0);
  for (const auto& net : {hand, hand_directed(), synthetic(false, false, 9), synthetic(true, false, 10),
                          synthetic(false, true, 11), synthetic(true, true, 12)}) {
    const auto view = net.view();
    for (bool weighted : {false, true}) {
      SCOPED_TRACE(std::string(view->directed() ? "directed" : "undirected") + (weighted ? " weighted" : ""));
      const auto ours = hn::betweenness(net, {.weighted = weighted});
      auto as_directed = bgl_betweenness(*view, weighted);
      if (!view->directed()) {
        for (double& x : as_directed) x /= 2;
        expect_near_all(bgl_betweenness(hn::as_undirected(*view), weighted), ours);
      }
      expect_near_all(as_directed, ours);
    }
  }
}
