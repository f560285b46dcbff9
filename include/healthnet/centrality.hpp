// SPDX-License-Identifier: MIT
/// @file centrality.hpp
/// @brief Actor centrality (betweenness, closeness, harmonic closeness,
/// eigenvector, PageRank) and Freeman centralization of the whole network.
///
/// Conventions shared by every function here:
/// - Results are one value per actor, in actor index order.
/// - `weighted = true` in a shortest-path metric (betweenness, closeness,
///   harmonic_closeness) uses the tie weight as the LENGTH of the tie, exactly
///   as networkx does with `weight="weight"`: a heavier tie is a longer path.
///   Tie weights in healthnet mean strength/frequency of cooperation, so
///   convert them first (e.g. length = 1 / weight) when short should mean
///   strong. A tie of weight 0 is still a tie, of length 0.
/// - In eigenvector_centrality and pagerank the weight is a strength (a
///   heavier tie passes on more), as in networkx.
/// - An empty network gives empty results and NaN centralization.
/// - Every function is safe to call concurrently on the same const network.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <healthnet/detail/shortest_paths.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// Options of betweenness(); every member has the networkx default.
struct betweenness_options {
  /// Divide by the number of pairs that could pass through an actor:
  /// (n-1)(n-2) ordered pairs when directed, (n-1)(n-2)/2 pairs when undirected.
  bool normalized{false};
  /// Use tie weights as lengths (Dijkstra) instead of counting ties (BFS).
  bool weighted{false};
  /// Estimate from this many distinct source actors (pivots), 1 <= samples <= n;
  /// unset: exact. samples == n is exact as well.
  std::optional<std::size_t> samples{};
  /// Seed of the pivot sampling (std::mt19937_64); unset: std::random_device.
  std::optional<std::uint64_t> seed{};
  /// Explicit pivots (actor indices) instead of drawn ones: the same
  /// estimator as `samples = pivots.size()`; repeated indices count once.
  /// Exclusive with `samples`. Lets other tools be run on the same pivots.
  std::optional<std::vector<vertex_index>> pivots{};
  /// Number of threads sharing the source actors (>= 1).
  unsigned threads{1};
};

namespace detail {

inline void check_iteration(std::size_t max_iter, double tol) {
  if (max_iter < 1) throw invalid_input(field_location("max_iter"), "expected at least 1, got 0");
  if (!(tol > 0) || !std::isfinite(tol)) {
    throw invalid_input(field_location("tol"), "expected a positive finite number, got " + std::to_string(tol));
  }
}

[[noreturn]] inline void not_converged(std::size_t max_iter) {
  throw invalid_input(field_location("max_iter"),
                      "power iteration did not converge within " + std::to_string(max_iter) +
                          " iterations; raise max_iter or tol");
}

/// Weight of arc k in `g`, halved for the two arcs an undirected self-loop
/// leaves in the symmetric CSR, so the loop counts once as in networkx's
/// adjacency matrix.
inline double arc_weight(const csr_rows& g, std::uint32_t k, vertex_index row, bool undirected) {
  double w = g.weights ? g.weights[k] : 1.0;
  if (undirected && g.targets[k] == row) w *= 0.5;
  return w;
}

/// Freeman centralization: sum(max - c_i) / theoretical_max; NaN when there
/// are no actors or the theoretical maximum is not positive.
inline double freeman(std::span<const double> c, double theoretical_max) {
  if (c.empty() || !(theoretical_max > 0)) return std::numeric_limits<double>::quiet_NaN();
  double top = c[0];
  for (double x : c) top = std::max(top, x);
  double sum = 0.0;
  for (double x : c) sum += top - x;
  return sum / theoretical_max;
}

}  // namespace detail

/// Shortest-path betweenness of every actor (Brandes' algorithm).
///
/// Formula: b(v) = sum over pairs s != v != t of sigma_st(v) / sigma_st, where
/// sigma_st counts the shortest s-t paths and sigma_st(v) those through v.
/// Directed networks sum over ordered pairs (s, t); undirected networks over
/// unordered pairs, each once. Values equal networkx
/// `betweenness_centrality(G, normalized=..., weight=...)` and, unnormalized,
/// igraph `betweenness`.
///
/// - `normalized`: times 1/((n-1)(n-2)) when directed, 2/((n-1)(n-2)) when
///   undirected (networkx); no scaling when n <= 2.
/// - `weighted`: tie weights are lengths (see the file comment); a network
///   whose weights are all 1 runs the BFS kernel either way. With
///   zero-length ties the shortest paths through them are ambiguous (zero-
///   length cycles give infinitely many); healthnet follows each zero-length
///   arc only from the actor Dijkstra settles first (of the actors queued
///   at equal distance, the lower index first), which keeps values finite
///   and deterministic. networkx
///   gives order-dependent values there (it adds path counts to actors
///   already processed), so the two can differ in that case only.
/// - `samples = k` (pivot sampling, networkx `k=`): only k distinct source
///   actors drawn uniformly (seeded std::mt19937_64) are expanded, and the sums
///   are scaled to estimate the exact value as networkx 3.5+ does: by
///   (n-1)/k for actors that are not pivots and (n-1)/(k-1) for pivots (which
///   cannot lie between themselves and a target); k = 1 leaves the pivot NaN
///   (no information), as in networkx. k = n gives the exact values.
/// - `pivots`: the same estimator over the given source actors (e.g. to
///   compare with igraph `betweenness(sources=...)` or networkx
///   `betweenness_centrality_subset` on identical pivots).
/// - `threads`: the sources are split over this many std::threads, each with
///   its own buffers and partial sums, added at the end; results equal the
///   single-threaded ones up to floating-point summation order.
///
/// Edge cases: an empty network gives an empty vector; one or two actors, or
/// no ties, give zeros. Self-loops never lie on a shortest path.
///
/// @throws invalid_input for samples outside 1..n or threads == 0.
/// Complexity: O(n m) unweighted, O(n m log n) weighted (k instead of n
/// sources when sampled); O(n) memory per thread.
inline std::vector<double> betweenness(const network& net, const betweenness_options& options = {}) {
  const auto g = net.view();
  const std::size_t n = g->n_vertices();
  if (options.threads == 0) throw invalid_input(field_location("threads"), "expected at least 1, got 0");
  if (options.samples && (*options.samples < 1 || *options.samples > n)) {
    throw invalid_input(field_location("samples"), "expected a number between 1 and the number of actors (" +
                                                       std::to_string(n) + "), got " +
                                                       std::to_string(*options.samples));
  }
  if (options.pivots && options.samples) {
    throw invalid_input(field_location("pivots"), "give either samples or pivots, not both");
  }
  std::vector<vertex_index> sources;
  if (options.pivots) {
    sources = *options.pivots;
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    if (sources.empty()) throw invalid_input(field_location("pivots"), "expected at least one pivot");
    if (sources.back() >= n) {
      throw invalid_input(field_location("pivots"), "actor index " + std::to_string(sources.back()) +
                                                        " out of range (" + std::to_string(n) + " actors)");
    }
  }
  if (n == 0) return {};
  const bool sampled = (options.samples && *options.samples < n) || (options.pivots && sources.size() < n);
  if (options.pivots) {
    // sources already set
  } else if (sampled) {
    const std::uint64_t seed = options.seed ? *options.seed
                                            : (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
    sources = detail::sample_pivots(n, *options.samples, seed);
  } else {
    sources.resize(n);
    for (std::size_t v = 0; v < n; ++v) sources[v] = static_cast<vertex_index>(v);
  }
  std::vector<double> b = detail::brandes_scores(detail::out_rows(*g, options.weighted), n, g->n_arcs(), sources,
                                                   options.threads);

  // Rescaling as networkx `_rescale` (endpoints=False): the sums above count
  // ordered pairs; N = n - 1 possible targets per source.
  const double big_n = static_cast<double>(n) - 1.0;
  if (big_n < 2) return b;
  const double correction = g->directed() ? 1.0 : 2.0;
  if (!sampled) {
    const double scale = options.normalized ? 1.0 / (big_n * (big_n - 1.0)) : 1.0 / correction;
    if (scale != 1.0) {
      for (double& x : b) x *= scale;
    }
    return b;
  }
  const double k = static_cast<double>(sources.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  double scale_pivot = 0.0;
  double scale_other = 0.0;
  if (options.normalized) {
    scale_pivot = k > 1 ? 1.0 / ((k - 1.0) * (big_n - 1.0)) : nan;
    scale_other = 1.0 / (k * (big_n - 1.0));
  } else {
    scale_pivot = k > 1 ? big_n / ((k - 1.0) * correction) : nan;
    scale_other = big_n / (k * correction);
  }
  std::size_t next_pivot = 0;
  for (std::size_t v = 0; v < n; ++v) {
    const bool pivot = next_pivot < sources.size() && sources[next_pivot] == v;
    if (pivot) ++next_pivot;
    b[v] *= pivot ? scale_pivot : scale_other;
  }
  return b;
}

/// Closeness centrality of every actor, as networkx `closeness_centrality`.
///
/// Formula: C(u) = (r - 1) / sum_v d(v, u), over the r actors (u included)
/// that reach u; with `wf_improved` (Wasserman and Faust's correction for
/// disconnected networks) times (r - 1) / (n - 1). C(u) = 0 when no other
/// actor reaches u, when the distance sum is 0 (zero-length ties) or n = 1.
/// Directed networks use INWARD distance d(v, u), from the other actors to
/// u, as networkx does by default (igraph `closeness(mode="in")` on a strongly
/// connected network); reverse the ties for outward distance. Undirected
/// networks: d(u, v) = d(v, u).
///
/// - `weighted`: tie weights are lengths (see the file comment); zero-length
///   ties are allowed.
/// - `threads`: sources are shared out over this many std::threads; each
///   actor's value is computed by one thread, so results are identical.
///
/// Reference: networkx `closeness_centrality(G, distance=..., wf_improved=...)`;
/// Wasserman and Faust (1994), eq. 5.3.
/// Edge cases: empty network -> empty vector; a single actor or no ties -> 0.
/// Complexity: unweighted O(n m / 64 + n^2) (64 sources per bit-parallel
/// BFS); weighted O(n m log n).
inline std::vector<double> closeness(const network& net, bool weighted = false, bool wf_improved = true,
                                     unsigned threads = 1) {
  if (threads == 0) throw invalid_input(field_location("threads"), "expected at least 1, got 0");
  const auto g = net.view();
  const std::size_t n = g->n_vertices();
  if (n == 0) return {};
  const detail::csr_rows rows = detail::in_rows(*g, weighted);
  const detail::distance_sums sums = rows.weights ? detail::dijkstra_distance_sums(rows, n, threads)
                                                  : detail::bfs_distance_sums(std::span(&rows, 1), n, threads);
  std::vector<double> c(n, 0.0);
  if (n < 2) return c;
  for (std::size_t v = 0; v < n; ++v) {
    const double r = sums.reached[v];
    if (sums.total[v] > 0) {
      c[v] = r / sums.total[v];
      if (wf_improved) c[v] *= r / (static_cast<double>(n) - 1.0);
    }
  }
  return c;
}

/// Harmonic closeness of every actor, as networkx `harmonic_centrality`.
///
/// Formula: H(u) = sum over v != u of 1 / d(v, u), where unreachable actors
/// add 0 (1/inf), and actors at distance 0 (zero-length ties) add nothing,
/// as in networkx. Directed networks use INWARD distance, like closeness().
/// `normalized` divides by n - 1 (igraph `harmonic_centrality(normalized=True)`),
/// giving values in [0, 1]; networkx's is the unnormalized sum.
///
/// - `weighted`: tie weights are lengths (see the file comment).
/// - `threads`: as in closeness().
///
/// Reference: networkx `harmonic_centrality(G, distance=...)`; Marchiori and
/// Latora (2000); Boldi and Vigna (2014).
/// Edge cases: empty network -> empty vector; single actor, no ties -> 0.
/// Complexity: as closeness().
inline std::vector<double> harmonic_closeness(const network& net, bool weighted = false, bool normalized = false,
                                              unsigned threads = 1) {
  if (threads == 0) throw invalid_input(field_location("threads"), "expected at least 1, got 0");
  const auto g = net.view();
  const std::size_t n = g->n_vertices();
  if (n == 0) return {};
  const detail::csr_rows rows = detail::in_rows(*g, weighted);
  detail::distance_sums sums = rows.weights ? detail::dijkstra_distance_sums(rows, n, threads)
                                            : detail::bfs_distance_sums(std::span(&rows, 1), n, threads);
  if (normalized) {
    for (double& x : sums.inverse) x = n > 1 ? x / (static_cast<double>(n) - 1.0) : 0.0;
  }
  return std::move(sums.inverse);
}

/// Eigenvector centrality of every actor, as networkx `eigenvector_centrality`.
///
/// Power iteration on A + I from the uniform vector 1/n, each step scaled to
/// unit Euclidean length, stopping when sum_i |x_i - x_i(previous)| < n * tol;
/// the result has unit Euclidean length. x_v gathers from the actors tied to
/// v: directed networks use in-ties (the left eigenvector: being nominated by
/// central actors makes central), as networkx and igraph do.
/// A + I has the eigenvectors of A and converges on bipartite networks too.
/// Disconnected networks: there is no unique leading eigenvector; the result
/// is what this iteration gives, the same values networkx gives (igraph's
/// ARPACK may pick another vector there).
///
/// - `weighted`: A holds the tie weights (strengths) instead of 1.
/// - An undirected self-loop counts once in A, as in networkx.
///
/// Reference: networkx `eigenvector_centrality(G, max_iter, tol, weight=...)`;
/// igraph `eigenvector_centrality(scale=False)` up to the norm.
/// Edge cases: empty network -> empty vector (networkx raises); a single
/// actor -> 1; no ties -> 1/sqrt(n) each.
/// @throws invalid_input (naming max_iter) when it does not converge within
///         max_iter steps, e.g. on most directed acyclic networks; for
///         max_iter < 1 or tol not positive.
/// Complexity: O((n + m) * iterations).
inline std::vector<double> eigenvector_centrality(const network& net, bool weighted = false,
                                                  std::size_t max_iter = 1000, double tol = 1e-10) {
  detail::check_iteration(max_iter, tol);
  const auto g = net.view();
  const std::size_t n = g->n_vertices();
  if (n == 0) return {};
  const detail::csr_rows in = detail::in_rows(*g, weighted);
  const bool undirected = !g->directed();
  std::vector<double> x(n, 1.0 / static_cast<double>(n));
  std::vector<double> last(n);
  for (std::size_t it = 0; it < max_iter; ++it) {
    detail::check_interrupt();  // one iteration is O(n + m)
    x.swap(last);
    double norm2 = 0.0;
    for (vertex_index w = 0; w < n; ++w) {
      double s = last[w];
      for (std::uint32_t k = in.offsets[w], end = in.offsets[w + 1]; k < end; ++k) {
        s += last[in.targets[k]] * detail::arc_weight(in, k, w, undirected);
      }
      x[w] = s;
      norm2 += s * s;
    }
    const double norm = norm2 > 0 ? std::sqrt(norm2) : 1.0;
    double err = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      x[v] /= norm;
      err += std::abs(x[v] - last[v]);
    }
    if (err < static_cast<double>(n) * tol) return x;
  }
  detail::not_converged(max_iter);
}

/// PageRank of every actor, as networkx `pagerank`.
///
/// Power iteration x <- alpha * (x P + (sum of x over dangling actors) / n)
/// + (1 - alpha) / n from x = 1/n, where P[v][w] = w_vw / (sum of v's
/// out-weights); it stops when sum_i |x_i - x_i(previous)| < n * tol and returns x
/// scaled to sum 1. Dangling actors (no out-ties, or only ties of weight 0)
/// spread their score uniformly over all actors. Undirected ties count in
/// both directions; an undirected self-loop counts once.
///
/// - `weighted` (default true, as networkx's `weight="weight"`): ties pass on
///   score in proportion to their weight (strength); false: equally.
///
/// Reference: networkx `pagerank(G, alpha, max_iter, tol, weight=...)`;
/// igraph `pagerank(directed=True, weights=...)` (PRPACK, solved exactly)
/// agrees to the iteration's tolerance.
/// Edge cases: empty network -> empty vector; no ties -> 1/n each.
/// @throws invalid_input for alpha outside [0, 1], max_iter < 1, tol not
///         positive, and (naming max_iter) when the iteration does not
///         converge within max_iter steps.
/// Complexity: O((n + m) * iterations); about log(tol)/log(alpha) iterations.
inline std::vector<double> pagerank(const network& net, double alpha = 0.85, bool weighted = true,
                                    std::size_t max_iter = 1000, double tol = 1e-12) {
  if (!(alpha >= 0 && alpha <= 1)) {
    throw invalid_input(field_location("alpha"), "expected a number between 0 and 1, got " + std::to_string(alpha));
  }
  detail::check_iteration(max_iter, tol);
  const auto g = net.view();
  const std::size_t n = g->n_vertices();
  if (n == 0) return {};
  const detail::csr_rows out = detail::out_rows(*g, weighted);
  const detail::csr_rows in = detail::in_rows(*g, weighted);
  const bool undirected = !g->directed();
  const double nd = static_cast<double>(n);
  std::vector<double> inv_strength(n, 0.0);
  std::vector<vertex_index> dangling;
  for (vertex_index v = 0; v < n; ++v) {
    double s = 0.0;
    for (std::uint32_t k = out.offsets[v], end = out.offsets[v + 1]; k < end; ++k) {
      s += detail::arc_weight(out, k, v, undirected);
    }
    if (s > 0) {
      inv_strength[v] = 1.0 / s;
    } else {
      dangling.push_back(v);
    }
  }
  std::vector<double> x(n, 1.0 / nd);
  std::vector<double> share(n);
  std::vector<double> next(n);
  for (std::size_t it = 0; it < max_iter; ++it) {
    detail::check_interrupt();  // one iteration is O(n + m)
    double dangling_sum = 0.0;
    for (vertex_index v : dangling) dangling_sum += x[v];
    for (std::size_t v = 0; v < n; ++v) share[v] = x[v] * inv_strength[v];
    const double base = alpha * dangling_sum / nd + (1.0 - alpha) / nd;
    double err = 0.0;
    for (vertex_index w = 0; w < n; ++w) {
      double s = 0.0;
      for (std::uint32_t k = in.offsets[w], end = in.offsets[w + 1]; k < end; ++k) {
        s += share[in.targets[k]] * detail::arc_weight(in, k, w, undirected);
      }
      next[w] = alpha * s + base;
      err += std::abs(next[w] - x[w]);
    }
    x.swap(next);
    if (err < nd * tol) {
      double total = 0.0;
      for (double v : x) total += v;
      for (double& v : x) v /= total;
      return x;
    }
  }
  detail::not_converged(max_iter);
}

// ---- Freeman centralization ---------------------------------------------------

/// Freeman degree centralization: sum_i (max_j d_j - d_i) / theoretical max.
///
/// d_i is the raw degree without self-loops (igraph `loops=False`): ties sent
/// (`out`), received (`in`), or both added (`all`) in a directed network;
/// mode is ignored when undirected. The theoretical maximum, reached by a
/// star, is (n-1)(n-2) undirected, (n-1)^2 for directed `in`/`out`, and
/// 2(n-1)(n-2) for directed `all` (igraph `centralization_degree_tmax(loops=False)`).
///
/// Reference: Freeman (1979); igraph `centr_degree(mode, loops=FALSE)$centralization`.
/// R sna `centralization(g, degree, cmode="freeman"|"indegree"|"outdegree")`
/// gives the same values: its maxima are the same, and for undirected
/// networks it counts each tie twice in the degrees and in the maximum.
/// Edge cases: NaN when the maximum is 0 or there are no actors (n = 0, 1, 2
/// undirected or directed `all`; n = 0, 1 directed `in`/`out`), as igraph.
/// Complexity: O(n + m).
inline double degree_centralization(const network& net, degree_mode mode = degree_mode::all) {
  const auto g = net.view();
  const std::size_t n = g->n_vertices();
  auto count = [&](std::span<const vertex_index> row, vertex_index v) {
    double d = 0;
    for (vertex_index w : row) d += w != v ? 1.0 : 0.0;
    return d;
  };
  std::vector<double> d(n, 0.0);
  for (vertex_index v = 0; v < n; ++v) {
    if (!g->directed() || mode != degree_mode::in) d[v] += count(g->out_neighbors(v), v);
    if (g->directed() && mode != degree_mode::out) d[v] += count(g->in_neighbors(v), v);
  }
  const double nn = static_cast<double>(n);
  double tmax = (nn - 1) * (nn - 2);
  if (g->directed()) tmax = mode == degree_mode::all ? 2 * (nn - 1) * (nn - 2) : (nn - 1) * (nn - 1);
  return detail::freeman(d, tmax);
}

/// Freeman betweenness centralization: sum_i (max_j b_j - b_i) / theoretical max.
///
/// b_i is betweenness() unnormalized and unweighted (directed paths in a
/// directed network). The maximum, a star's, is (n-1)^2 (n-2) directed and
/// (n-1)^2 (n-2) / 2 undirected.
///
/// Reference: Freeman (1979); igraph `centr_betw(directed=TRUE)$centralization`.
/// Edge cases: NaN for n <= 2 (maximum 0) and for an empty network.
/// Exact unless a betweenness_estimate_scope is active on this thread and
/// n·m exceeds its limit (then estimated from pivots, see there).
/// Complexity: that of betweenness(), O(n m).
inline double betweenness_centralization(const network& net);

/// How betweenness centralization was last estimated on this thread under a
/// betweenness_estimate_scope (see there).
struct betweenness_estimate {
  bool estimated{false};  ///< false: computed exactly
  std::size_t pivots{};   ///< source actors used
  double value{};         ///< the estimate
  double std_error{};     ///< its standard error, from 8 independent batches of pivots
};

namespace detail {
struct betweenness_policy {
  bool active{false};
  double exact_limit{};  // n·m above which the estimate is used
  std::size_t pivots{};
  std::uint64_t seed{1};
  betweenness_estimate last{};
};
inline betweenness_policy& current_betweenness_policy() noexcept {
  thread_local betweenness_policy policy;
  return policy;
}
}  // namespace detail

/// Default n·m above which the CLI estimates betweenness (2·10^9: about
/// 10 s of exact computation; e.g. 20,000 actors with 100,000 ties).
inline constexpr double default_betweenness_exact_limit = 2e9;
/// Default number of pivots of that estimate.
inline constexpr std::size_t default_betweenness_pivots = 512;

/// While alive, betweenness_centralization() on this thread estimates from
/// `pivots` seeded pivots (Brandes & Pich 2007, as betweenness() with
/// `samples`) when n·m > `exact_limit`, and records what it did in last().
/// The standard error is the spread of the estimates from 8 disjoint
/// batches of pivots/8 divided by √8 (the batch means' standard error); the
/// reported value uses all pivots.
class betweenness_estimate_scope {
 public:
  /// Estimates above `exact_limit` (n·m) from `pivots` pivots (at least 16) drawn with `seed`.
  explicit betweenness_estimate_scope(double exact_limit = default_betweenness_exact_limit,
                                      std::size_t pivots = default_betweenness_pivots, std::uint64_t seed = 1)
      : m_saved(detail::current_betweenness_policy()) {
    detail::current_betweenness_policy() = {true, exact_limit, std::max<std::size_t>(pivots, 16), seed, {}};
  }
  /// Restores the previous policy.
  ~betweenness_estimate_scope() { detail::current_betweenness_policy() = m_saved; }
  betweenness_estimate_scope(const betweenness_estimate_scope&) = delete;
  betweenness_estimate_scope& operator=(const betweenness_estimate_scope&) = delete;
  /// What the last betweenness_centralization() call under this scope did.
  [[nodiscard]] static const betweenness_estimate& last() { return detail::current_betweenness_policy().last; }

 private:
  detail::betweenness_policy m_saved;
};

inline double betweenness_centralization(const network& net) {
  const double nn = static_cast<double>(net.n_actors());
  const double tmax = (nn - 1) * (nn - 1) * (nn - 2) / (net.directed() ? 1.0 : 2.0);
  auto& policy = detail::current_betweenness_policy();
  const double size = nn * static_cast<double>(net.n_ties());
  if (!policy.active || size <= policy.exact_limit || policy.pivots >= net.n_actors()) {
    if (policy.active) policy.last = {};
    return detail::freeman(betweenness(net), tmax);
  }
  // Pivots drawn once; the estimate uses all of them, the error 8 batches.
  const auto pivots = detail::sample_pivots(net.n_actors(), policy.pivots, policy.seed);
  betweenness_options all;
  all.pivots = pivots;
  const double value = detail::freeman(betweenness(net, all), tmax);
  constexpr std::size_t batches = 8;
  std::vector<double> est;
  for (std::size_t b = 0; b < batches; ++b) {
    betweenness_options part;
    std::vector<vertex_index> p;
    for (std::size_t i = b; i < pivots.size(); i += batches) p.push_back(pivots[i]);
    part.pivots = std::move(p);
    est.push_back(detail::freeman(betweenness(net, part), tmax));
  }
  double mean = 0, var = 0;
  for (double x : est) mean += x / batches;
  for (double x : est) var += (x - mean) * (x - mean) / (batches - 1);
  policy.last = {true, pivots.size(), value, std::sqrt(var / batches)};
  return value;
}

/// Freeman closeness centralization: sum_i (max_j c_i - c_i) / theoretical max.
///
/// c_i is igraph's normalized closeness: (r - 1) / (sum of distances), over
/// the r actors (i included) connected to i -- unweighted, and without the
/// Wasserman-Faust factor, so it equals closeness(net, false, false). For a
/// directed network `mode` picks the distances: `in` from the others to i
/// (the default, as closeness()), `out` from i to the others, `all`
/// ignoring directions; mode is ignored when undirected. The maximum is
/// (n-1)(n-2)/(2n-3) undirected or `all`, and (n-1)(1 - 1/n) for `in`/`out`
/// (igraph `centralization_closeness_tmax`).
///
/// Reference: Freeman (1979); igraph `centr_clo(mode)$centralization`; equal to
/// it whenever every actor is connected to some other actor. Difference: an
/// actor reached by nobody (an isolate) has c_i = 0 here, NaN in igraph (so
/// igraph's centralization is NaN then).
/// Edge cases: NaN when the maximum is 0 or there are no actors (n <= 2
/// undirected or `all`; n <= 1 for `in`/`out`).
/// Complexity: O(n m / 64 + n^2), bit-parallel BFS.
inline double closeness_centralization(const network& net, degree_mode mode = degree_mode::in) {
  const auto g = net.view();
  const std::size_t n = g->n_vertices();
  if (!g->directed()) mode = degree_mode::all;
  std::vector<detail::csr_rows> rows;
  if (!g->directed() || mode != degree_mode::in) rows.push_back(detail::out_rows(*g, false));
  if (g->directed() && mode != degree_mode::out) rows.push_back(detail::in_rows(*g, false));
  const detail::distance_sums sums = detail::bfs_distance_sums(rows, n);
  std::vector<double> c(n, 0.0);
  for (std::size_t v = 0; v < n; ++v) {
    if (sums.total[v] > 0) c[v] = sums.reached[v] / sums.total[v];
  }
  const double nn = static_cast<double>(n);
  const double tmax = mode == degree_mode::all ? (nn - 1) * (nn - 2) / (2 * nn - 3) : (nn - 1) * (1 - 1 / nn);
  return detail::freeman(c, tmax);
}

/// Freeman eigenvector centralization: sum_i (max_j e_j - e_i) / theoretical max.
///
/// e_i is eigenvector_centrality(net, false, max_iter, tol) divided by its
/// maximum (igraph `scale=True`). The maximum is n - 2 undirected (igraph's
/// choice, a single tie) and n - 1 directed (an in-star).
///
/// Reference: igraph `centr_eigen(directed=TRUE)$centralization`; equal to it
/// on connected (directed: strongly connected) networks. On other networks
/// the eigenvector is not unique; the values follow eigenvector_centrality()
/// (networkx's iteration), where igraph may return another vector.
/// Edge cases: NaN when the maximum is 0 or there are no actors (n <= 2
/// undirected, n <= 1 directed).
/// @throws invalid_input when the power iteration does not converge.
/// Complexity: that of eigenvector_centrality().
inline double eigenvector_centralization(const network& net, std::size_t max_iter = 1000, double tol = 1e-10) {
  std::vector<double> e = eigenvector_centrality(net, false, max_iter, tol);
  double top = 0.0;
  for (double x : e) top = std::max(top, x);
  if (top > 0) {
    for (double& x : e) x /= top;
  }
  const double nn = static_cast<double>(e.size());
  return detail::freeman(e, net.directed() ? nn - 1 : nn - 2);
}

}  // namespace healthnet
