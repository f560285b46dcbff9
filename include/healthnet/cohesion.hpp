// SPDX-License-Identifier: MIT
/// @file cohesion.hpp
/// @brief Reciprocity, transitivity and clustering.
///
/// All functions here treat ties as present or absent: tie weights are not
/// used, and a tie of weight 0 is still a tie. Self-loops (where allowed) are
/// ignored: they are neither reciprocated ties, nor sides of a triangle, nor
/// counted in degrees, as in R sna (`diag = FALSE`) and networkx's clustering.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include <healthnet/network.hpp>
#include <healthnet/response.hpp>

namespace healthnet {

namespace detail {

/// Calls `f(u, dir, w_out, w_in)` once for every distinct actor `u != v` tied
/// to `v`, in increasing `u`. `dir` bit 0: v->u exists, bit 1: u->v exists
/// (3 for undirected ties); `w_out`, `w_in` are the weights of those arcs (0
/// when absent, 1 when the view is unweighted). O(deg v).
template <class F>
void for_each_contact(const analysis_view& g, vertex_index v, F&& f) {
  const auto out = g.out_neighbors(v);
  const auto out_w = g.out_weights(v);
  if (!g.directed()) {
    for (std::size_t k = 0; k < out.size(); ++k) {
      if (out[k] == v) continue;
      const double w = out_w.empty() ? 1.0 : out_w[k];
      f(out[k], std::uint8_t{3}, w, w);
    }
    return;
  }
  const auto in = g.in_neighbors(v);
  const auto in_w = g.in_weights(v);
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < out.size() || j < in.size()) {
    vertex_index u;
    std::uint8_t dir = 0;
    double wo = 0.0;
    double wi = 0.0;
    if (j == in.size() || (i < out.size() && out[i] < in[j])) {
      u = out[i];
      dir = 1;
      wo = out_w.empty() ? 1.0 : out_w[i];
      ++i;
    } else if (i == out.size() || in[j] < out[i]) {
      u = in[j];
      dir = 2;
      wi = in_w.empty() ? 1.0 : in_w[j];
      ++j;
    } else {
      u = out[i];
      dir = 3;
      wo = out_w.empty() ? 1.0 : out_w[i];
      wi = in_w.empty() ? 1.0 : in_w[j];
      ++i;
      ++j;
    }
    if (u != v) f(u, dir, wo, wi);
  }
}

/// Calls `f(ia, ib)` for every position pair with `a[ia] == b[ib]` of two
/// sorted, duplicate-free rows. Linear merge when the rows have similar
/// lengths; binary search of the shorter row's entries in the longer one
/// (advancing the search start) when one is 16 times longer or more.
/// O(min(|a|,|b|) log max(|a|,|b|)) or O(|a| + |b|), whichever is smaller.
template <class F>
void intersect_sorted(std::span<const vertex_index> a, std::span<const vertex_index> b, F&& f) {
  if (a.size() * 16 <= b.size() || b.size() * 16 <= a.size()) {
    const bool a_short = a.size() <= b.size();
    const auto s = a_short ? a : b;
    const auto l = a_short ? b : a;
    auto from = l.begin();
    for (std::size_t k = 0; k < s.size() && from != l.end(); ++k) {
      from = std::lower_bound(from, l.end(), s[k]);
      if (from != l.end() && *from == s[k]) {
        const auto pos = static_cast<std::size_t>(from - l.begin());
        if (a_short) {
          f(k, pos);
        } else {
          f(pos, k);
        }
        ++from;
      }
    }
    return;
  }
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      f(i, j);
      ++i;
      ++j;
    }
  }
}

/// The contact graph (ties as undirected pairs, no self-loops) oriented from
/// lower to higher (contact degree, index) rank: every pair is stored once,
/// at its lower-ranked end, so every row has at most sqrt(2m) entries. `dir`
/// keeps the directions as in for_each_contact(), seen from the row's vertex.
struct forward_rows {
  std::vector<std::uint32_t> offsets;         ///< n + 1 entries
  std::vector<vertex_index> targets;          ///< higher-ranked contacts, sorted by index
  std::vector<std::uint8_t> dir;              ///< parallel to targets
  std::vector<std::uint32_t> contact_degree;  ///< distinct contacts per vertex

  [[nodiscard]] std::span<const vertex_index> row(vertex_index v) const noexcept {
    return {targets.data() + offsets[v], offsets[v + 1] - offsets[v]};
  }
};

/// Builds forward_rows. O(n + m).
inline forward_rows make_forward_rows(const analysis_view& g) {
  const auto n = static_cast<vertex_index>(g.n_vertices());
  forward_rows f;
  f.contact_degree.assign(n, 0);
  for (vertex_index v = 0; v < n; ++v) {
    std::uint32_t d = 0;
    for_each_contact(g, v, [&](vertex_index, std::uint8_t, double, double) { ++d; });
    f.contact_degree[v] = d;
  }
  const auto& deg = f.contact_degree;
  auto higher = [&](vertex_index u, vertex_index v) { return deg[u] > deg[v] || (deg[u] == deg[v] && u > v); };
  f.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  for (vertex_index v = 0; v < n; ++v) {
    std::uint32_t k = 0;
    for_each_contact(g, v, [&](vertex_index u, std::uint8_t, double, double) { k += higher(u, v) ? 1 : 0; });
    f.offsets[v + 1] = f.offsets[v] + k;
  }
  f.targets.resize(f.offsets[n]);
  f.dir.resize(f.offsets[n]);
  for (vertex_index v = 0; v < n; ++v) {
    auto slot = f.offsets[v];
    for_each_contact(g, v, [&](vertex_index u, std::uint8_t dir, double, double) {
      if (!higher(u, v)) return;
      f.targets[slot] = u;
      f.dir[slot] = dir;
      ++slot;
    });
  }
  return f;
}

/// The forward rows of `net` (whose analysis view is `g`), computed once per
/// revision of the network (network::memoized(), key "forward_rows") and
/// shared by triangles(), transitivity() and local_clustering().
inline std::shared_ptr<const forward_rows> shared_forward_rows(const network& net, const analysis_view& g) {
  return net.memoized<forward_rows>("forward_rows", [&] { return make_forward_rows(g); });
}

/// Calls `f(a, b, c, d_ab, d_ac, d_bc)` once for every triangle of the contact
/// graph; `d_xy` gives the directions between x and y seen from x (bit 0:
/// x->y, bit 1: y->x). Forward algorithm (Schank & Wagner; Latapy): for each
/// oriented pair (a,b), the forward row of b is scanned against a marking of
/// the forward row of a (one look-up per entry instead of a branchy merge).
/// O(m sqrt(m)) time, O(n + m) memory.
template <class F>
void for_each_triangle(const forward_rows& fw, F&& f) {
  const auto n = static_cast<vertex_index>(fw.contact_degree.size());
  struct mark {
    vertex_index owner;  // the a whose forward row holds this vertex
    std::uint32_t slot;  // its position in that row
  };
  constexpr auto none = std::numeric_limits<vertex_index>::max();
  std::vector<mark> marks(n, mark{none, 0});
  for (vertex_index a = 0; a < n; ++a) {
    const auto ra = fw.row(a);
    if (ra.size() < 2) continue;
    const std::uint8_t* da = fw.dir.data() + fw.offsets[a];
    for (std::uint32_t k = 0; k < ra.size(); ++k) marks[ra[k]] = mark{a, k};
    for (std::size_t k = 0; k < ra.size(); ++k) {
      const vertex_index b = ra[k];
      const auto rb = fw.row(b);
      const std::uint8_t* db = fw.dir.data() + fw.offsets[b];
      for (std::size_t ib = 0; ib < rb.size(); ++ib) {
        const mark m = marks[rb[ib]];
        if (m.owner == a) f(a, b, rb[ib], da[k], da[m.slot], db[ib]);
      }
    }
  }
}

/// Reverses a direction code: the directions between x and y seen from y.
constexpr std::uint8_t flip(std::uint8_t d) noexcept {
  return static_cast<std::uint8_t>(((d & 1U) << 1) | ((d >> 1) & 1U));
}

/// Number of ordered triples (i, j, k) of the three vertices of a triangle
/// with arcs i->j, j->k and i->k (sna's weakly transitive triples).
constexpr unsigned transitive_triples(std::uint8_t d_ab, std::uint8_t d_ac, std::uint8_t d_bc) noexcept {
  // arc[x][y] for x, y in {a=0, b=1, c=2}.
  const bool arc[3][3] = {{false, (d_ab & 1U) != 0, (d_ac & 1U) != 0},
                          {(d_ab & 2U) != 0, false, (d_bc & 1U) != 0},
                          {(d_ac & 2U) != 0, (d_bc & 2U) != 0, false}};
  constexpr int perms[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
  unsigned count = 0;
  for (const auto& p : perms) count += (arc[p[0]][p[1]] && arc[p[1]][p[2]] && arc[p[0]][p[2]]) ? 1U : 0U;
  return count;
}

}  // namespace detail

// ---- reciprocity ------------------------------------------------------------

/// Dyad census: every unordered pair of distinct actors is mutual (ties both
/// ways), asymmetric (one way) or null (no tie). R sna `dyad.census`; igraph
/// `dyad_census`. Undirected ties count as mutual. Self-loops are ignored.
struct dyad_census_result {
  std::uint64_t mutual{0};      ///< pairs tied both ways
  std::uint64_t asymmetric{0};  ///< pairs tied one way only
  std::uint64_t null{0};        ///< pairs not tied: n(n-1)/2 - mutual - asymmetric
};

/// Counts mutual, asymmetric and null dyads.
/// Reference: R sna `dyad.census`, igraph `Graph.dyad_census`.
/// Complexity: O(n + m) (merges each actor's sorted out- and in-row).
inline dyad_census_result dyad_census(const network& net) {
  const auto g = net.view();
  const auto n = static_cast<vertex_index>(g->n_vertices());
  std::uint64_t mutual_arcs = 0;  // each mutual pair counted at both ends
  std::uint64_t one_way_arcs = 0;
  for (vertex_index v = 0; v < n; ++v) {
    detail::for_each_contact(*g, v, [&](vertex_index, std::uint8_t dir, double, double) {
      if (dir == 3) {
        ++mutual_arcs;
      } else if (dir == 1) {
        ++one_way_arcs;
      }
    });
  }
  dyad_census_result r;
  r.mutual = mutual_arcs / 2;
  r.asymmetric = one_way_arcs;
  const std::uint64_t pairs = static_cast<std::uint64_t>(n) * (n > 0 ? n - 1 : 0) / 2;
  r.null = pairs - r.mutual - r.asymmetric;
  return r;
}

/// Which share reciprocity() reports (the `measure` of R sna `grecip`).
enum class reciprocity_measure {
  edgewise,        ///< reciprocated arcs / arcs = 2M / (2M + A)
  dyadic,          ///< (mutual + null dyads) / all dyads = (M + N) / (M + A + N)
  dyadic_nonnull,  ///< mutual / tied dyads = M / (M + A)
};

/// Reciprocity: how far ties are returned. The default measure is networkx's;
/// note that sna's `grecip` defaults to `dyadic`.
///
/// With M mutual, A asymmetric and N null dyads (dyad_census()):
/// - `edgewise`: the share of arcs whose reverse arc also exists, 2M / (2M + A);
///   R sna `grecip(measure = "edgewise")` and `networkx.reciprocity(G)`
///   (reciprocated arcs / arcs) are the same number.
/// - `dyadic`: the share of dyads that are symmetric (mutual or null),
///   (M + N) / (M + A + N); R sna `grecip(measure = "dyadic")`.
/// - `dyadic_nonnull`: the share of tied dyads that are mutual, M / (M + A);
///   R sna `grecip(measure = "dyadic.nonnull")`.
///
/// Undirected networks are symmetric (as sna treats them): every tie is
/// mutual, so each measure is 1 wherever it is defined. A measure whose
/// denominator is 0 is NaN: `edgewise` and `dyadic_nonnull` without ties
/// (networkx raises instead), `dyadic` with fewer than two actors (sna gives
/// NaN too). Self-loops are ignored (networkx counts a self-loop as an
/// unreciprocated arc). Weights are not used.
///
/// `missing` (healthnet/response.hpp): `absent` (default) counts every dyad;
/// `exclude` counts only dyads whose two actors are not non-respondents
/// (respondent or unknown): the measure of the subnetwork they induce, as a
/// dyad with a non-respondent can never be seen reciprocated; `reconstruct`
/// measures reconstruct_missing(net) (Stork & Richards 1992), where every
/// reported tie to a non-respondent becomes mutual; `impute` measures
/// impute_missing(net, seed) (Huisman 2009).
/// Complexity: O(n + m).
inline double reciprocity(const network& net, reciprocity_measure measure = reciprocity_measure::edgewise,
                          missing_policy missing = missing_policy::absent, std::uint64_t seed = 1) {
  if (missing == missing_policy::exclude && net.directed()) {
    bool any = false;
    for (const auto& a : net.actors()) any = any || is_nonrespondent(a);
    if (any) return reciprocity(net.subnetwork([](const actor& a) { return !is_nonrespondent(a); }), measure);
  }
  if (missing == missing_policy::reconstruct && net.directed()) {
    return reciprocity(reconstruct_missing(net), measure);
  }
  if (missing == missing_policy::impute && net.directed()) {
    return reciprocity(impute_missing(net, seed), measure);
  }
  const auto c = dyad_census(net);
  const double m = static_cast<double>(c.mutual);
  const double a = static_cast<double>(c.asymmetric);
  const double z = static_cast<double>(c.null);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  switch (measure) {
    case reciprocity_measure::edgewise:
      return (m + a) == 0 ? nan : 2 * m / (2 * m + a);
    case reciprocity_measure::dyadic:
      return (m + a + z) == 0 ? nan : (m + z) / (m + a + z);
    case reciprocity_measure::dyadic_nonnull:
      return (m + a) == 0 ? nan : m / (m + a);
  }
  return nan;
}

// ---- triangles, transitivity, clustering -------------------------------------

/// Number of triangles each actor is part of, in index order (ties taken as
/// undirected pairs; directions are ignored in a directed network).
/// Reference: networkx `triangles`, igraph `Graph.count_triangles` style.
/// Complexity: O(m sqrt(m)) time (forward algorithm with degree ordering),
/// O(n + m) memory.
inline std::vector<double> triangles(const network& net) {
  const auto g = net.view();
  const auto fw_shared = detail::shared_forward_rows(net, *g);
  const auto& fw = *fw_shared;
  std::vector<std::uint64_t> t(g->n_vertices(), 0);
  detail::for_each_triangle(fw, [&](vertex_index a, vertex_index b, vertex_index c, std::uint8_t, std::uint8_t,
                                    std::uint8_t) {
    ++t[a];
    ++t[b];
    ++t[c];
  });
  return {t.begin(), t.end()};
}

/// Transitivity: the share of two-paths that are closed.
///
/// Undirected: the global clustering coefficient 3 * triangles / connected
/// triples, where a connected triple is a path of two ties (sum over actors
/// of d(d-1)/2); `networkx.transitivity`, igraph `transitivity_undirected`.
/// 0 when there is no triangle (as networkx; igraph gives NaN when there is
/// no connected triple).
///
/// Directed: R sna `gtrans(measure = "weak")`: of all ordered two-paths
/// i->j->k with i != k, the share closed by the arc i->k, i.e.
/// sum_{i != k} (A^2)_ik A_ik / sum_{i != k} (A^2)_ik. This is not
/// networkx's directed clustering (see local_clustering()). 0 when there is no
/// such two-path, following the undirected (networkx) convention so both
/// cases agree; for this 0/0 case sna returns 1 and igraph NaN.
///
/// Weights are not used; a tie of weight 0 is a tie; self-loops are ignored.
/// Complexity: O(m sqrt(m)) time, O(n + m) memory.
inline double transitivity(const network& net) {
  const auto g = net.view();
  const auto fw_shared = detail::shared_forward_rows(net, *g);
  const auto& fw = *fw_shared;
  if (!g->directed()) {
    std::uint64_t tri = 0;
    detail::for_each_triangle(fw, [&](vertex_index, vertex_index, vertex_index, std::uint8_t, std::uint8_t,
                                      std::uint8_t) { ++tri; });
    if (tri == 0) return 0.0;
    double triples = 0;  // ordered two-paths: sum of d(d-1)
    for (auto d : fw.contact_degree) triples += static_cast<double>(d) * (static_cast<double>(d) - 1);
    return 6.0 * static_cast<double>(tri) / triples;
  }
  std::uint64_t closed = 0;
  detail::for_each_triangle(fw, [&](vertex_index, vertex_index, vertex_index, std::uint8_t ab, std::uint8_t ac,
                                    std::uint8_t bc) { closed += detail::transitive_triples(ab, ac, bc); });
  if (closed == 0) return 0.0;
  // Two-paths i->j->k, i != k, through each j: in(j) * out(j) - mutual(j).
  double two_paths = 0;
  for (vertex_index j = 0; j < g->n_vertices(); ++j) {
    std::uint64_t in = 0, out = 0, both = 0;
    detail::for_each_contact(*g, j, [&](vertex_index, std::uint8_t dir, double, double) {
      out += dir & 1U;
      in += (dir >> 1) & 1U;
      both += dir == 3 ? 1 : 0;
    });
    two_paths += static_cast<double>(in * out - both);
  }
  return static_cast<double>(closed) / two_paths;
}

/// Local clustering coefficient of every actor, in index order.
///
/// Undirected: 2 t(v) / (d(v)(d(v)-1)), with t(v) the triangles through v and
/// d(v) its number of neighbours; `networkx.clustering(G)`, igraph
/// `transitivity_local_undirected(mode="zero")`.
///
/// Directed: Fagiolo's coefficient as networkx computes it for a DiGraph:
/// T(v) / (2 (d_tot(v)(d_tot(v)-1) - 2 d_bi(v))), where T(v) = ((A + A^T)^3)_vv
/// counts the directed triangles through v, d_tot = in + out degree and d_bi
/// the number of reciprocated ties of v.
///
/// 0 for actors without a triangle (isolates, one neighbour, ...), as networkx.
/// Weights are not used; a tie of weight 0 is a tie; self-loops are ignored.
/// Complexity: O(m sqrt(m)) time, O(n + m) memory.
inline std::vector<double> local_clustering(const network& net) {
  const auto g = net.view();
  const auto n = static_cast<vertex_index>(g->n_vertices());
  const auto fw_shared = detail::shared_forward_rows(net, *g);
  const auto& fw = *fw_shared;
  std::vector<double> out(n, 0.0);
  std::vector<std::uint64_t> t(n, 0);
  if (!g->directed()) {
    detail::for_each_triangle(fw, [&](vertex_index a, vertex_index b, vertex_index c, std::uint8_t, std::uint8_t,
                                      std::uint8_t) {
      ++t[a];
      ++t[b];
      ++t[c];
    });
    for (vertex_index v = 0; v < n; ++v) {
      if (t[v] == 0) continue;
      const double d = fw.contact_degree[v];
      out[v] = 2.0 * static_cast<double>(t[v]) / (d * (d - 1));
    }
    return out;
  }
  detail::for_each_triangle(fw, [&](vertex_index a, vertex_index b, vertex_index c, std::uint8_t ab, std::uint8_t ac,
                                    std::uint8_t bc) {
    // (S^3)_aa over this triangle: 2 s_ab s_bc s_ca with s = number of arcs.
    const auto p = 2ULL * static_cast<unsigned>(std::popcount(ab)) * static_cast<unsigned>(std::popcount(ac)) *
                   static_cast<unsigned>(std::popcount(bc));
    t[a] += p;
    t[b] += p;
    t[c] += p;
  });
  for (vertex_index v = 0; v < n; ++v) {
    if (t[v] == 0) continue;
    std::uint64_t tot = 0, both = 0;
    detail::for_each_contact(*g, v, [&](vertex_index, std::uint8_t dir, double, double) {
      tot += static_cast<unsigned>(std::popcount(dir));
      both += dir == 3 ? 1 : 0;
    });
    const double dt = static_cast<double>(tot);
    out[v] = static_cast<double>(t[v]) / (2.0 * (dt * (dt - 1) - 2.0 * static_cast<double>(both)));
  }
  return out;
}

/// Mean local clustering coefficient (local_clustering()).
///
/// With `count_zeros` false, the mean is taken only over actors whose
/// coefficient is not 0. Reference: `networkx.average_clustering`.
/// NaN when there is nothing to average (no actors, or every coefficient 0
/// with `count_zeros` false), where networkx raises ZeroDivisionError.
/// Complexity: O(m sqrt(m)).
inline double average_clustering(const network& net, bool count_zeros = true) {
  const auto c = local_clustering(net);
  double sum = 0;
  std::size_t k = 0;
  for (double x : c) {
    if (!count_zeros && x == 0.0) continue;
    sum += x;
    ++k;
  }
  return k == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / static_cast<double>(k);
}

}  // namespace healthnet
