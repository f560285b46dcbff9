// SPDX-License-Identifier: MIT
/// @file components.hpp
/// @brief Connected components, cut points (articulation points and bridges),
/// k-cores and fragmentation.
///
/// Every kernel here is an iterative graph traversal (no recursion), so a
/// chain of a million actors needs no deep call stack. Tie weights play no
/// role: a tie of weight 0 is still a tie.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <healthnet/network.hpp>

namespace healthnet {

namespace detail {

inline constexpr std::uint32_t unset_index = std::numeric_limits<std::uint32_t>::max();

// Weak components (ties read in both directions) by breadth-first search over
// the out- and, when directed, the in-rows. Actors with skip[v] != 0 (skip may
// be empty) get unset_index. Labels are numbered in order of each component's
// smallest actor index. Returns the number of components. O(n + m); the
// visited test reads a bitset of n / 8 bytes, which stays in cache.
inline std::uint32_t weak_labels(const analysis_view& g, std::span<const char> skip,
                                 std::vector<std::uint32_t>& label) {
  const auto n = static_cast<vertex_index>(g.n_vertices());
  label.assign(n, unset_index);
  std::vector<std::uint64_t> seen((static_cast<std::size_t>(n) + 63) / 64, 0);
  auto first_visit = [&](vertex_index w) {
    std::uint64_t& word = seen[w >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (w & 63);
    if (word & bit) return false;
    word |= bit;
    return true;
  };
  if (!skip.empty()) {
    for (vertex_index v = 0; v < n; ++v) {
      if (skip[v]) first_visit(v);
    }
  }
  std::vector<vertex_index> queue(n);
  const auto out_off = g.out_offsets();
  const auto out_tgt = g.out_targets();
  const auto in_off = g.in_offsets();
  const auto in_tgt = g.in_targets();
  const bool both = g.directed();
  std::uint32_t k = 0;
  for (vertex_index s = 0; s < n; ++s) {
    if (!first_visit(s)) continue;
    std::size_t head = 0, tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const vertex_index v = queue[head++];
      label[v] = k;
      for (auto e = out_off[v]; e < out_off[v + 1]; ++e) {
        if (first_visit(out_tgt[e])) queue[tail++] = out_tgt[e];
      }
      if (!both) continue;
      for (auto e = in_off[v]; e < in_off[v + 1]; ++e) {
        if (first_visit(in_tgt[e])) queue[tail++] = in_tgt[e];
      }
    }
    ++k;
  }
  return k;
}

// Strong components by Tarjan's algorithm with an explicit call stack.
// Labels are in order of completion. Returns the number of components. O(n + m).
inline std::uint32_t strong_labels(const analysis_view& g, std::vector<std::uint32_t>& label) {
  const auto n = static_cast<vertex_index>(g.n_vertices());
  const auto off = g.out_offsets();
  const auto tgt = g.out_targets();
  label.assign(n, unset_index);
  std::vector<std::uint32_t> order(n, unset_index), low(n);
  std::vector<vertex_index> stack;  // Tarjan's stack: visited, not yet in a component
  std::vector<std::pair<vertex_index, std::uint32_t>> call;  // (vertex, next arc)
  stack.reserve(n);
  std::uint32_t counter = 0, k = 0;
  for (vertex_index s = 0; s < n; ++s) {
    if (order[s] != unset_index) continue;
    order[s] = low[s] = counter++;
    stack.push_back(s);
    call.emplace_back(s, off[s]);
    while (!call.empty()) {
      const vertex_index v = call.back().first;
      const std::uint32_t e = call.back().second;
      if (e < off[v + 1]) {
        call.back().second = e + 1;
        const vertex_index w = tgt[e];
        if (order[w] == unset_index) {
          order[w] = low[w] = counter++;
          stack.push_back(w);
          call.emplace_back(w, off[w]);
        } else if (label[w] == unset_index) {  // w is on Tarjan's stack
          low[v] = std::min(low[v], order[w]);
        }
        continue;
      }
      call.pop_back();
      if (low[v] == order[v]) {
        vertex_index w;
        do {
          w = stack.back();
          stack.pop_back();
          label[w] = k;
        } while (w != v);
        ++k;
      }
      if (!call.empty()) {
        const vertex_index p = call.back().first;
        low[p] = std::min(low[p], low[v]);
      }
    }
  }
  return k;
}

// Renumbers labels 0..k-1 so that components come largest first, ties in size
// broken by the smallest actor index. Returns the sizes in the new order. O(n + k).
inline std::vector<std::uint32_t> rank_labels(std::vector<std::uint32_t>& label, std::uint32_t k) {
  // 1. number by first occurrence (= smallest actor index)
  std::vector<std::uint32_t> first(k, unset_index), size(k, 0);
  std::uint32_t seen = 0;
  for (auto& l : label) {
    if (first[l] == unset_index) first[l] = seen++;
    l = first[l];
    ++size[l];
  }
  // 2. stable counting sort by size, descending
  std::uint32_t max_size = 0;
  for (auto s : size) max_size = std::max(max_size, s);
  std::vector<std::uint32_t> start(static_cast<std::size_t>(max_size) + 2, 0);
  for (auto s : size) ++start[max_size - s + 1];
  for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
  std::vector<std::uint32_t> rank(k), sorted(k);
  for (std::uint32_t c = 0; c < k; ++c) {
    rank[c] = start[max_size - size[c]]++;
    sorted[rank[c]] = size[c];
  }
  for (auto& l : label) l = rank[l];
  return sorted;
}

// Raw (unranked) labels and their count.
inline std::uint32_t raw_labels(const analysis_view& g, bool strong, std::vector<std::uint32_t>& label) {
  return strong && g.directed() ? strong_labels(g, label) : weak_labels(g, {}, label);
}

// The undirected simple graph under a view: each neighbour once, no
// self-loops. Undirected views without self-loops are used as they are;
// otherwise rows are merged (out + in) and cleaned into `store`.
struct simple_adjacency {
  std::span<const std::uint32_t> offsets;
  std::span<const vertex_index> targets;
  std::vector<std::uint32_t> offset_store;
  std::vector<vertex_index> target_store;
};

inline void make_simple(const analysis_view& g, simple_adjacency& a) {
  const auto n = static_cast<vertex_index>(g.n_vertices());
  const auto out_off = g.out_offsets();
  const auto out_tgt = g.out_targets();
  bool clean = !g.directed();
  for (vertex_index v = 0; clean && v < n; ++v) {
    for (auto e = out_off[v]; e < out_off[v + 1]; ++e) {
      if (out_tgt[e] == v) {
        clean = false;
        break;
      }
    }
  }
  if (clean) {
    a.offsets = out_off;
    a.targets = out_tgt;
    return;
  }
  const auto in_off = g.in_offsets();
  const auto in_tgt = g.in_targets();
  a.offset_store.assign(static_cast<std::size_t>(n) + 1, 0);
  a.target_store.clear();
  a.target_store.reserve(g.directed() ? 2 * g.n_arcs() : g.n_arcs());
  for (vertex_index v = 0; v < n; ++v) {
    // merge two sorted rows (the same row twice when undirected), dropping
    // duplicates and v itself
    auto i = out_off[v], j = g.directed() ? in_off[v] : in_off[v + 1];
    const auto i_end = out_off[v + 1], j_end = in_off[v + 1];
    vertex_index last = unset_index;
    while (i < i_end || j < j_end) {
      vertex_index w;
      if (j == j_end || (i < i_end && out_tgt[i] <= in_tgt[j])) {
        w = out_tgt[i++];
      } else {
        w = in_tgt[j++];
      }
      if (w != v && w != last) a.target_store.push_back(w);
      last = w;
    }
    a.offset_store[v + 1] = static_cast<std::uint32_t>(a.target_store.size());
  }
  a.offsets = a.offset_store;
  a.targets = a.target_store;
}

// Hopcroft-Tarjan lowpoints by iterative depth-first search on the undirected
// simple graph. Sets cut[v] for articulation points, parent[v] for the DFS
// tree and bridge_child[c] when the tree edge (parent[c], c) is a bridge. O(n + m).
inline void lowpoints(const analysis_view& g, std::vector<char>& cut, std::vector<vertex_index>& parent,
                      std::vector<char>& bridge_child) {
  simple_adjacency a;
  make_simple(g, a);
  const auto n = static_cast<vertex_index>(g.n_vertices());
  cut.assign(n, 0);
  bridge_child.assign(n, 0);
  parent.assign(n, unset_index);
  std::vector<std::uint32_t> order(n, unset_index), low(n);
  std::vector<std::pair<vertex_index, std::uint32_t>> call;
  std::uint32_t counter = 0;
  for (vertex_index r = 0; r < n; ++r) {
    if (order[r] != unset_index) continue;
    std::uint32_t root_children = 0;
    order[r] = low[r] = counter++;
    call.emplace_back(r, a.offsets[r]);
    while (!call.empty()) {
      const vertex_index v = call.back().first;
      const std::uint32_t e = call.back().second;
      if (e < a.offsets[v + 1]) {
        call.back().second = e + 1;
        const vertex_index w = a.targets[e];
        if (order[w] == unset_index) {
          parent[w] = v;
          order[w] = low[w] = counter++;
          if (v == r) ++root_children;
          call.emplace_back(w, a.offsets[w]);
        } else if (w != parent[v]) {
          low[v] = std::min(low[v], order[w]);
        }
        continue;
      }
      call.pop_back();
      if (call.empty()) break;
      const vertex_index p = call.back().first;
      low[p] = std::min(low[p], low[v]);
      if (p != r && low[v] >= order[p]) cut[p] = 1;
      if (low[v] > order[p]) bridge_child[v] = 1;
    }
    if (root_children > 1) cut[r] = 1;
  }
}

}  // namespace detail

/// Component index of every actor, in actor index order.
///
/// Components are numbered 0, 1, ... largest first; components of equal size
/// are ordered by their smallest actor index, so index k is the k-th list of
/// connected_components(). Weak components for directed networks (ties read
/// in both directions) unless `strong` is true: then two actors share a
/// component when each can reach the other along ties. Undirected networks
/// ignore `strong`. Weights play no role.
///
/// Reference: networkx `connected_components`, `weakly_connected_components`,
/// `strongly_connected_components`; igraph `components(mode="weak"/"strong")`.
/// Complexity: O(n + m) (breadth-first search; Tarjan's algorithm with an
/// explicit stack for strong components).
inline std::vector<std::uint32_t> component_labels(const network& net, bool strong = false) {
  const auto g = net.view();
  std::vector<std::uint32_t> label;
  const auto k = detail::raw_labels(*g, strong, label);
  detail::rank_labels(label, k);
  return label;
}

/// The connected components as lists of actor ids.
///
/// Largest first; components of equal size in order of their smallest actor
/// index; members in actor index order. Every actor is in exactly one
/// component (an isolate is a component of its own); an empty network has
/// none. Weak components for directed networks unless `strong` is true
/// (see component_labels()); undirected networks ignore `strong`.
///
/// Reference: networkx `connected_components`, `weakly_connected_components`,
/// `strongly_connected_components`. Complexity: O(n + m).
inline std::vector<std::vector<std::string>> connected_components(const network& net, bool strong = false) {
  const auto g = net.view();
  std::vector<std::uint32_t> label;
  const auto k = detail::raw_labels(*g, strong, label);
  const auto sizes = detail::rank_labels(label, k);
  std::vector<std::vector<std::string>> out(k);
  for (std::uint32_t c = 0; c < k; ++c) out[c].reserve(sizes[c]);
  const auto actors = net.actors();
  for (vertex_index v = 0; v < label.size(); ++v) out[label[v]].push_back(actors[v].id);
  return out;
}

/// Number of connected components (weak for directed networks unless
/// `strong`; see component_labels()). 0 for an empty network; every isolate
/// counts as one.
///
/// Reference: networkx `number_connected_components`,
/// `number_weakly_connected_components`, `number_strongly_connected_components`.
/// Complexity: O(n + m).
inline std::size_t n_components(const network& net, bool strong = false) {
  const auto g = net.view();
  std::vector<std::uint32_t> label;
  return detail::raw_labels(*g, strong, label);
}

/// Share of the actors in the largest component: max_k s_k / n.
///
/// The programmes' first goal is to connect as many actors as possible; this
/// is the share of them that are connected in one piece. 0 for an empty
/// network, 1 for a connected one, 1/n when there are no ties. Weak
/// components for directed networks unless `strong`.
///
/// Reference: networkx `max(connected_components(G), key=len)` / n.
/// Complexity: O(n + m).
inline double largest_component_share(const network& net, bool strong = false) {
  const auto g = net.view();
  const auto n = g->n_vertices();
  if (n == 0) return 0.0;
  std::vector<std::uint32_t> label;
  const auto k = detail::raw_labels(*g, strong, label);
  std::vector<std::uint32_t> size(k, 0);
  for (auto l : label) ++size[l];
  return static_cast<double>(*std::max_element(size.begin(), size.end())) / static_cast<double>(n);
}

/// Articulation points (cut vertices): actors whose removal splits their
/// component into more pieces. Ids in actor index order.
///
/// Computed on the undirected version of the network: a directed network's
/// ties are read as undirected, a mutual pair as one tie (networkx
/// `articulation_points(G.to_undirected())`). Self-loops and weights play no
/// role. An actor with one tie, an isolate, and every actor of a network with
/// fewer than three actors is never a cut point.
///
/// Reference: Hopcroft & Tarjan (1973), networkx `articulation_points`,
/// igraph `articulation_points`, R sna `cutpoints(mode="graph")`.
/// Complexity: O(n + m), iterative depth-first search.
inline std::vector<std::string> articulation_points(const network& net) {
  const auto g = net.view();
  std::vector<char> cut, bridge_child;
  std::vector<vertex_index> parent;
  detail::lowpoints(*g, cut, parent, bridge_child);
  std::vector<std::string> out;
  for (vertex_index v = 0; v < cut.size(); ++v) {
    if (cut[v]) out.push_back(net.actor_at(v).id);
  }
  return out;
}

/// Bridges: ties whose removal splits their component, as (source id,
/// target id) pairs in tie order, each tie in its stored orientation.
///
/// Computed on the undirected version of the network, like
/// articulation_points(). A directed mutual pair (a->b and b->a) is one
/// undirected tie: it is a bridge when the pair is, and only its first stored
/// tie is listed. Self-loops are never bridges.
///
/// Reference: Tarjan (1974), networkx `bridges(G.to_undirected())`, igraph
/// `bridges`. Complexity: O(n + m).
inline std::vector<std::pair<std::string, std::string>> bridges(const network& net) {
  const auto g = net.view();
  std::vector<char> cut, bridge_child;
  std::vector<vertex_index> parent;
  detail::lowpoints(*g, cut, parent, bridge_child);
  std::vector<std::pair<std::string, std::string>> out;
  const auto ties = net.ties();
  const auto ends = net.tie_ends();
  for (std::size_t i = 0; i < ends.size(); ++i) {
    const auto [u, v] = ends[i];
    if (u == v) continue;
    char* flag = nullptr;
    if (parent[v] == u && bridge_child[v]) flag = &bridge_child[v];
    else if (parent[u] == v && bridge_child[u]) flag = &bridge_child[u];
    if (!flag) continue;
    *flag = 0;  // a mutual pair is listed once
    out.emplace_back(ties[i].source, ties[i].target);
  }
  return out;
}

/// Core number (k-core index) of every actor, in index order: the largest k
/// such that the actor belongs to a subnetwork in which every actor has
/// degree >= k.
///
/// Degree is the number of ties; for a directed network it is in-degree +
/// out-degree, so a mutual pair counts twice, exactly as networkx
/// `core_number` on a DiGraph. Self-loops are ignored (networkx refuses
/// graphs with self-loops; the result equals networkx's after
/// `G.remove_edges_from(nx.selfloop_edges(G))`). Isolates have core number 0.
/// Weights play no role.
///
/// Reference: Batagelj & Zaversnik (2003), networkx `core_number`, igraph
/// `coreness(mode="all")`. Complexity: O(n + m), bucket algorithm.
inline std::vector<double> core_number(const network& net) {
  const auto g = net.view();
  const auto n = static_cast<vertex_index>(g->n_vertices());
  const auto out_off = g->out_offsets();
  const auto out_tgt = g->out_targets();
  const auto in_off = g->in_offsets();
  const auto in_tgt = g->in_targets();
  const bool directed = g->directed();
  auto for_each_neighbor = [&](vertex_index v, auto&& f) {
    for (auto e = out_off[v]; e < out_off[v + 1]; ++e) {
      if (out_tgt[e] != v) f(out_tgt[e]);
    }
    if (directed) {
      for (auto e = in_off[v]; e < in_off[v + 1]; ++e) {
        if (in_tgt[e] != v) f(in_tgt[e]);
      }
    }
  };
  std::vector<std::uint32_t> deg(n, 0);
  std::uint32_t max_deg = 0;
  for (vertex_index v = 0; v < n; ++v) {
    for_each_neighbor(v, [&](vertex_index) { ++deg[v]; });
    max_deg = std::max(max_deg, deg[v]);
  }
  // bin[d]: first position of degree d in `vert` (vertices sorted by degree)
  std::vector<std::uint32_t> bin(static_cast<std::size_t>(max_deg) + 1, 0), pos(n), vert(n);
  for (vertex_index v = 0; v < n; ++v) ++bin[deg[v]];
  for (std::uint32_t d = 0, start = 0; d <= max_deg; ++d) {
    const auto count = bin[d];
    bin[d] = start;
    start += count;
  }
  for (vertex_index v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    vert[pos[v]] = v;
  }
  for (std::uint32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const vertex_index v = vert[i];
    for_each_neighbor(v, [&](vertex_index u) {
      if (deg[u] > deg[v]) {
        const auto du = deg[u];
        const auto pu = pos[u];
        const auto pw = bin[du];
        const vertex_index w = vert[pw];
        if (u != w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        ++bin[du];
        --deg[u];
      }
    });
  }
  return {deg.begin(), deg.end()};
}

/// Fragmentation: the share of pairs of actors that cannot reach each other,
/// after removing the actors in `removed` (and their ties).
///
/// F = 1 - sum_k s_k (s_k - 1) / (n (n - 1)) over the components k of sizes
/// s_k of the remaining n actors (Borgatti 2006, "key player" fragmentation;
/// UCINET). Components are weak for directed networks: two actors count as
/// connected when a chain of ties joins them in any direction. 0 means
/// connected in one piece, 1 means no ties at all. Fewer than two remaining
/// actors give 0. Removing actors answers "what happens if the coordination
/// office drops out": compare fragmentation(net) with
/// fragmentation(net, {office_id}). Repeated ids count once. Weights play no role.
///
/// Reference: Borgatti, "Identifying sets of key players in a social
/// network" (2006); networkx: components of `G.subgraph(kept)`.
/// @throws not_found naming the first id in `removed` that is not an actor.
/// Complexity: O(n + m + r) for r removed ids.
inline double fragmentation(const network& net, std::span<const std::string> removed = {}) {
  const auto g = net.view();
  std::vector<char> skip;
  std::size_t n = g->n_vertices();
  if (!removed.empty()) {
    skip.assign(n, 0);
    for (const auto& id : removed) {
      const auto v = net.index_of(id);
      if (!skip[v]) {
        skip[v] = 1;
        --n;
      }
    }
  }
  if (n < 2) return 0.0;
  std::vector<std::uint32_t> label;
  const auto k = detail::weak_labels(*g, skip, label);
  std::vector<std::uint64_t> size(k, 0);
  for (auto l : label) {
    if (l != detail::unset_index) ++size[l];
  }
  double connected = 0.0;
  for (auto s : size) connected += static_cast<double>(s) * static_cast<double>(s - 1);
  const double nn = static_cast<double>(n);
  return 1.0 - connected / (nn * (nn - 1.0));
}

}  // namespace healthnet
