// SPDX-License-Identifier: MIT
/// @file boost_graph.hpp
/// @brief Boost.Graph (BGL) concepts for the analysis view: run BGL's algorithms on `*net.view()`.
///
/// `analysis_view` models BGL's VertexListGraph, EdgeListGraph, IncidenceGraph
/// and AdjacencyGraph as a DIRECTED graph over its out-CSR: a directed view
/// has one arc per tie, an undirected view both arcs of every tie (its CSR is
/// symmetric). That is what breadth_first_search and dijkstra_shortest_paths
/// need; brandes_betweenness_centrality on an undirected view then counts every
/// pair twice (halve it, or use undirected_view, for which BGL halves).
///
/// `undirected_view` (as_undirected()) presents an undirected analysis view to
/// BGL as an undirected graph (`boost::undirected_tag`), as
/// connected_components and the other undirected-only algorithms require.
/// As for BGL's undirected graphs, out_edges(u) lists every tie of u once,
/// oriented away from u (source(e) == u), a self-loop twice; edges() lists
/// every tie once.
///
/// Property maps: `get(boost::vertex_index, g)` (the identity on 0..n-1) and
/// `get(boost::edge_weight, g)` (the tie weight, 1 for every tie when the view
/// is unweighted).
///
/// Not included by healthnet.hpp (it pulls in BGL's property and iterator
/// headers); include it where BGL is used:
/// @code
/// #include <boost/graph/breadth_first_search.hpp>
/// #include <healthnet/boost_graph.hpp>
/// auto view = net.view();  // keep the view alive while BGL runs on it
/// std::vector<healthnet::vertex_index> parent(view->n_vertices());
/// boost::breadth_first_search(*view, 0, boost::visitor(boost::make_bfs_visitor(
///     boost::record_predecessors(parent.data(), boost::on_tree_edge{}))));
/// @endcode
/// Descriptors: vertices are `vertex_index`, edges `graph_arc` (an arc of the
/// out-CSR). Edge descriptors compare equal when they name the same stored
/// arc, so the two ends of an undirected tie give different descriptors (as
/// in BGL's compressed_sparse_row_graph with both arcs stored).
#pragma once

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <utility>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include <healthnet/analysis_view.hpp>
#include <healthnet/error.hpp>

namespace healthnet {

/// BGL edge descriptor: the stored arc `source -> target` at position `index`
/// of analysis_view::out_targets().
struct graph_arc {
  vertex_index source{};  ///< tail of the arc (the vertex whose out_edges listed it)
  vertex_index target{};  ///< head of the arc
  std::uint32_t index{};  ///< position in the out-CSR arrays (out_targets(), out_weight_array())
  /// Member-wise comparison (descriptors name one stored arc).
  friend auto operator<=>(const graph_arc&, const graph_arc&) = default;
};

/// An undirected analysis view presented to BGL as an undirected graph.
///
/// Holds a reference: the analysis view must outlive it. Cheap to copy.
class undirected_view {
 public:
  /// @throws invalid_input when `g` is directed (its out-CSR is not symmetric).
  explicit undirected_view(const analysis_view& g) : m_g(&g) {
    if (g.directed()) {
      throw invalid_input("undirected_view: the network is directed; BGL's undirected algorithms need an undirected one");
    }
  }
  /// The analysis view underneath.
  [[nodiscard]] const analysis_view& base() const noexcept { return *m_g; }

 private:
  const analysis_view* m_g;
};

/// `undirected_view(g)`: BGL's undirected concepts over an undirected view.
/// @throws invalid_input when `g` is directed.
inline undirected_view as_undirected(const analysis_view& g) { return undirected_view(g); }

/// Readable BGL property map: the weight of an arc (1 when the view is unweighted).
class arc_weight_map {
 public:
  using key_type = graph_arc;                            ///< BGL property_traits
  using value_type = double;                             ///< BGL property_traits
  using reference = double;                              ///< BGL property_traits
  using category = boost::readable_property_map_tag;     ///< BGL property_traits
  /// A map that weighs every arc 1.
  arc_weight_map() = default;
  /// Over the out-CSR weights of `g`.
  explicit arc_weight_map(const analysis_view& g) noexcept
      : m_w(g.out_weight_array().empty() ? nullptr : g.out_weight_array().data()) {}
  /// The weight of arc `e`.
  friend double get(const arc_weight_map& m, const graph_arc& e) noexcept { return m.m_w ? m.m_w[e.index] : 1.0; }

 private:
  const double* m_w{nullptr};
};

namespace detail {

/// out_edges() iterator: the arcs of one CSR row, as graph_arc.
class bgl_out_edge_iterator
    : public boost::iterator_facade<bgl_out_edge_iterator, graph_arc, boost::random_access_traversal_tag, graph_arc,
                                    std::ptrdiff_t> {
 public:
  bgl_out_edge_iterator() = default;
  bgl_out_edge_iterator(const vertex_index* targets, vertex_index source, std::uint32_t k) noexcept
      : m_targets(targets), m_source(source), m_k(k) {}

 private:
  friend class boost::iterator_core_access;
  [[nodiscard]] graph_arc dereference() const noexcept { return {m_source, m_targets[m_k], m_k}; }
  [[nodiscard]] bool equal(const bgl_out_edge_iterator& o) const noexcept { return m_k == o.m_k; }
  void increment() noexcept { ++m_k; }
  void decrement() noexcept { --m_k; }
  void advance(std::ptrdiff_t d) noexcept { m_k = static_cast<std::uint32_t>(m_k + d); }
  [[nodiscard]] std::ptrdiff_t distance_to(const bgl_out_edge_iterator& o) const noexcept {
    return static_cast<std::ptrdiff_t>(o.m_k) - static_cast<std::ptrdiff_t>(m_k);
  }
  const vertex_index* m_targets{nullptr};
  vertex_index m_source{0};
  std::uint32_t m_k{0};
};

/// edges() iterator: every stored arc (directed), or every tie once
/// (`canonical`: the arc u->v with u < v, and every other copy of a self-loop).
class bgl_edge_iterator
    : public boost::iterator_facade<bgl_edge_iterator, graph_arc, boost::forward_traversal_tag, graph_arc> {
 public:
  bgl_edge_iterator() = default;
  bgl_edge_iterator(const analysis_view& g, std::uint32_t k, bool canonical) noexcept
      : m_offsets(g.out_offsets().data()),
        m_targets(g.out_targets().data()),
        m_end(static_cast<std::uint32_t>(g.n_arcs())),
        m_k(k),
        m_canonical(canonical) {
    settle();
  }

 private:
  friend class boost::iterator_core_access;
  [[nodiscard]] graph_arc dereference() const noexcept { return {m_u, m_targets[m_k], m_k}; }
  [[nodiscard]] bool equal(const bgl_edge_iterator& o) const noexcept { return m_k == o.m_k; }
  void increment() noexcept {
    ++m_k;
    settle();
  }
  // Moves to the first listed arc at or after m_k, keeping m_u its row.
  void settle() noexcept {
    for (; m_k < m_end; ++m_k) {
      while (m_offsets[m_u + 1] <= m_k) ++m_u;
      if (!m_canonical || listed()) return;
    }
  }
  [[nodiscard]] bool listed() const noexcept {
    const vertex_index t = m_targets[m_k];
    if (t != m_u) return t > m_u;
    // A self-loop is stored twice, side by side in its sorted row: list the first of each pair.
    const vertex_index* first = std::lower_bound(m_targets + m_offsets[m_u], m_targets + m_offsets[m_u + 1], m_u);
    return (m_targets + m_k - first) % 2 == 0;
  }
  const std::uint32_t* m_offsets{nullptr};
  const vertex_index* m_targets{nullptr};
  std::uint32_t m_end{0};
  std::uint32_t m_k{0};
  vertex_index m_u{0};
  bool m_canonical{false};
};

/// Types common to both graph_traits specializations.
template <class DirectedCategory>
struct bgl_traits {
  using vertex_descriptor = vertex_index;                        ///< 0..n-1
  using edge_descriptor = graph_arc;                             ///< a stored arc
  using directed_category = DirectedCategory;                    ///< directed_tag or undirected_tag
  using edge_parallel_category = boost::allow_parallel_edge_tag;  ///< the view does not forbid them
  /// Traversal concepts modelled.
  struct traversal_category : boost::vertex_list_graph_tag,
                              boost::edge_list_graph_tag,
                              boost::incidence_graph_tag,
                              boost::adjacency_graph_tag {};
  using vertex_iterator = boost::counting_iterator<vertex_index>;  ///< vertices()
  using edge_iterator = bgl_edge_iterator;                        ///< edges()
  using out_edge_iterator = bgl_out_edge_iterator;                ///< out_edges()
  using adjacency_iterator = const vertex_index*;                 ///< adjacent_vertices()
  using in_edge_iterator = void;                                  ///< not a BidirectionalGraph
  using vertices_size_type = std::size_t;                         ///< num_vertices()
  using edges_size_type = std::size_t;                            ///< num_edges()
  using degree_size_type = std::size_t;                           ///< out_degree()
  /// No vertex.
  static vertex_descriptor null_vertex() noexcept { return std::numeric_limits<vertex_index>::max(); }
};

}  // namespace detail

// ---- BGL free functions (found by argument-dependent lookup) ----------------

/// VertexListGraph: all vertices, 0..n-1. O(1).
inline std::pair<boost::counting_iterator<vertex_index>, boost::counting_iterator<vertex_index>> vertices(
    const analysis_view& g) noexcept {
  return {vertex_index{0}, static_cast<vertex_index>(g.n_vertices())};
}
/// VertexListGraph: number of vertices. O(1).
inline std::size_t num_vertices(const analysis_view& g) noexcept { return g.n_vertices(); }
/// IncidenceGraph: the stored arcs leaving `u` (both arcs' one end when undirected). O(1).
inline std::pair<detail::bgl_out_edge_iterator, detail::bgl_out_edge_iterator> out_edges(
    vertex_index u, const analysis_view& g) noexcept {
  const auto off = g.out_offsets();
  const vertex_index* t = g.out_targets().data();
  return {detail::bgl_out_edge_iterator(t, u, off[u]), detail::bgl_out_edge_iterator(t, u, off[u + 1])};
}
/// IncidenceGraph: number of stored arcs leaving `u`. O(1).
inline std::size_t out_degree(vertex_index u, const analysis_view& g) noexcept { return g.out_degree(u); }
/// IncidenceGraph: the tail of arc `e`.
inline vertex_index source(const graph_arc& e, const analysis_view&) noexcept { return e.source; }
/// IncidenceGraph: the head of arc `e`.
inline vertex_index target(const graph_arc& e, const analysis_view&) noexcept { return e.target; }
/// AdjacencyGraph: the heads of the arcs leaving `u`, sorted. O(1).
inline std::pair<const vertex_index*, const vertex_index*> adjacent_vertices(vertex_index u,
                                                                            const analysis_view& g) noexcept {
  const auto r = g.out_neighbors(u);
  return {r.data(), r.data() + r.size()};
}
/// EdgeListGraph: every stored arc (an undirected view: both arcs of each tie). O(1).
inline std::pair<detail::bgl_edge_iterator, detail::bgl_edge_iterator> edges(const analysis_view& g) noexcept {
  return {detail::bgl_edge_iterator(g, 0, false),
          detail::bgl_edge_iterator(g, static_cast<std::uint32_t>(g.n_arcs()), false)};
}
/// EdgeListGraph: number of stored arcs (n_arcs()).
inline std::size_t num_edges(const analysis_view& g) noexcept { return g.n_arcs(); }
/// Vertex index map: the identity on 0..n-1.
inline boost::typed_identity_property_map<vertex_index> get(boost::vertex_index_t, const analysis_view&) noexcept {
  return {};
}
/// The index of vertex `v`: `v`.
inline vertex_index get(boost::vertex_index_t, const analysis_view&, vertex_index v) noexcept { return v; }
/// Edge weight map: the tie weight of each arc, 1 when the view is unweighted.
inline arc_weight_map get(boost::edge_weight_t, const analysis_view& g) noexcept { return arc_weight_map(g); }
/// The weight of arc `e` (1 when the view is unweighted).
inline double get(boost::edge_weight_t, const analysis_view& g, const graph_arc& e) noexcept {
  return get(arc_weight_map(g), e);
}

/// VertexListGraph: all vertices, 0..n-1.
inline std::pair<boost::counting_iterator<vertex_index>, boost::counting_iterator<vertex_index>> vertices(
    const undirected_view& g) noexcept {
  return vertices(g.base());
}
/// VertexListGraph: number of vertices.
inline std::size_t num_vertices(const undirected_view& g) noexcept { return g.base().n_vertices(); }
/// IncidenceGraph: every tie of `u` once, oriented away from `u`; a self-loop twice.
inline std::pair<detail::bgl_out_edge_iterator, detail::bgl_out_edge_iterator> out_edges(
    vertex_index u, const undirected_view& g) noexcept {
  return out_edges(u, g.base());
}
/// IncidenceGraph: number of ties of `u` (a self-loop counts twice).
inline std::size_t out_degree(vertex_index u, const undirected_view& g) noexcept { return g.base().out_degree(u); }
/// Degree of `u`: out_degree() (undirected).
inline std::size_t degree(vertex_index u, const undirected_view& g) noexcept { return g.base().out_degree(u); }
/// IncidenceGraph: the end `e` was reached from.
inline vertex_index source(const graph_arc& e, const undirected_view&) noexcept { return e.source; }
/// IncidenceGraph: the other end of `e`.
inline vertex_index target(const graph_arc& e, const undirected_view&) noexcept { return e.target; }
/// AdjacencyGraph: the neighbours of `u`, sorted.
inline std::pair<const vertex_index*, const vertex_index*> adjacent_vertices(vertex_index u,
                                                                            const undirected_view& g) noexcept {
  return adjacent_vertices(u, g.base());
}
/// EdgeListGraph: every tie once (as the arc from its lower-index end).
inline std::pair<detail::bgl_edge_iterator, detail::bgl_edge_iterator> edges(const undirected_view& g) noexcept {
  return {detail::bgl_edge_iterator(g.base(), 0, true),
          detail::bgl_edge_iterator(g.base(), static_cast<std::uint32_t>(g.base().n_arcs()), true)};
}
/// EdgeListGraph: number of ties (n_ties()).
inline std::size_t num_edges(const undirected_view& g) noexcept { return g.base().n_ties(); }
/// Vertex index map: the identity on 0..n-1.
inline boost::typed_identity_property_map<vertex_index> get(boost::vertex_index_t, const undirected_view&) noexcept {
  return {};
}
/// The index of vertex `v`: `v`.
inline vertex_index get(boost::vertex_index_t, const undirected_view&, vertex_index v) noexcept { return v; }
/// Edge weight map: the tie weight, 1 when the view is unweighted.
inline arc_weight_map get(boost::edge_weight_t, const undirected_view& g) noexcept {
  return arc_weight_map(g.base());
}
/// The weight of tie `e` (1 when the view is unweighted).
inline double get(boost::edge_weight_t, const undirected_view& g, const graph_arc& e) noexcept {
  return get(arc_weight_map(g.base()), e);
}

}  // namespace healthnet

/// @cond BGL_SPECIALIZATIONS
namespace boost {

template <>
struct graph_traits<healthnet::analysis_view> : healthnet::detail::bgl_traits<directed_tag> {};
template <>
struct graph_traits<healthnet::undirected_view> : healthnet::detail::bgl_traits<undirected_tag> {};
template <>
struct graph_traits<const healthnet::analysis_view> : graph_traits<healthnet::analysis_view> {};
template <>
struct graph_traits<const healthnet::undirected_view> : graph_traits<healthnet::undirected_view> {};

template <>
struct property_map<healthnet::analysis_view, vertex_index_t> {
  using type = typed_identity_property_map<healthnet::vertex_index>;
  using const_type = type;
};
template <>
struct property_map<healthnet::analysis_view, edge_weight_t> {
  using type = healthnet::arc_weight_map;
  using const_type = type;
};
template <>
struct property_map<healthnet::undirected_view, vertex_index_t> {
  using type = typed_identity_property_map<healthnet::vertex_index>;
  using const_type = type;
};
template <>
struct property_map<healthnet::undirected_view, edge_weight_t> {
  using type = healthnet::arc_weight_map;
  using const_type = type;
};

template <class Tag>
struct property_map<const healthnet::analysis_view, Tag> : property_map<healthnet::analysis_view, Tag> {};
template <class Tag>
struct property_map<const healthnet::undirected_view, Tag> : property_map<healthnet::undirected_view, Tag> {};

}  // namespace boost
/// @endcond
