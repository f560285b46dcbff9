// SPDX-License-Identifier: MIT
// Boost.Graph's algorithms vs healthnet's kernels on the same analysis view.
//
// Build and run (opt-in, not in the default build):
//   cmake -S . -B build-bench -DHEALTHNET_BUILD_BENCHMARKS=ON -DHEALTHNET_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench --target bgl_vs_healthnet
//   build-bench/bgl_vs_healthnet [ACTORS TIES REPS] ...   (default: 1000 5000 3  10000 50000 1)
//
// For each size: a synthetic undirected region (hn::synthetic_region, seed 1),
// then the best of REPS wall-clock times of
//   betweenness  hn::betweenness            vs boost::brandes_betweenness_centrality (undirected_view)
//   components   hn::component_labels       vs boost::connected_components (undirected_view)
//   closeness    hn::closeness (all-source BFS) vs boost::breadth_first_search from every actor + sums
// Every pair of results is checked to agree before its time is printed.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>

#include <healthnet/boost_graph.hpp>
#include <healthnet/healthnet.hpp>
#include <healthnet/synthetic.hpp>

namespace hn = healthnet;

namespace {

template <class F>
double best_seconds(int reps, F&& f) {
  double best = std::numeric_limits<double>::infinity();
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
  }
  return best;
}

double max_rel_diff(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]) / (1.0 + std::abs(b[i])));
  return worst;
}

void row(const char* kernel, double ours, double bgl, bool agree) {
  std::printf("| %-11s | %12.3f | %12.3f | %6.2f | %s |\n", kernel, ours * 1e3, bgl * 1e3, bgl / ours,
              agree ? "yes" : "NO");
}

bool run(std::size_t n, std::size_t m, int reps) {
  const hn::network net = hn::synthetic_region({.n_actors = n, .n_ties = m, .seed = 1});
  const auto view = net.view();  // built once, cached: both sides run on it
  const auto ug = hn::as_undirected(*view);
  std::printf("\n%zu actors, %zu ties (best of %d)\n\n", view->n_vertices(), view->n_ties(), reps);
  std::printf("| kernel      | healthnet ms | BGL ms | BGL/healthnet | agree |\n|---|---|---|---|---|\n");
  std::vector<double> b_ours, b_bgl(n);
  const double t_b_ours = best_seconds(reps, [&] { b_ours = hn::betweenness(net); });
  const double t_b_bgl = best_seconds(reps, [&] { boost::brandes_betweenness_centrality(ug, b_bgl.data()); });
  const bool b_agree = max_rel_diff(b_bgl, b_ours) < 1e-9;
  row("betweenness", t_b_ours, t_b_bgl, b_agree);

  std::vector<std::uint32_t> c_ours;
  std::vector<std::size_t> c_bgl(n);
  std::size_t k_bgl = 0;
  const double t_c_ours = best_seconds(reps * 10, [&] { c_ours = hn::component_labels(net); });
  const double t_c_bgl = best_seconds(reps * 10, [&] { k_bgl = boost::connected_components(ug, c_bgl.data()); });
  bool c_agree = k_bgl == hn::n_components(net);
  {
    std::vector<std::size_t> to_ours(k_bgl, std::numeric_limits<std::size_t>::max());
    for (std::size_t v = 0; v < n; ++v) {
      auto& x = to_ours[c_bgl[v]];
      if (x == std::numeric_limits<std::size_t>::max()) x = c_ours[v];
      c_agree = c_agree && x == c_ours[v];
    }
  }
  row("components", t_c_ours, t_c_bgl, c_agree);

  std::vector<double> cl_ours, cl_bgl(n);
  const double t_cl_ours = best_seconds(reps, [&] { cl_ours = hn::closeness(net, false, false); });
  const double t_cl_bgl = best_seconds(reps, [&] {
    constexpr auto unseen = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> level(n);
    std::vector<double> total(n, 0.0), reached(n, 0.0);
    for (hn::vertex_index s = 0; s < n; ++s) {
      std::fill(level.begin(), level.end(), unseen);
      level[s] = 0;
      boost::breadth_first_search(*view, s, boost::visitor(boost::make_bfs_visitor(
                                                boost::record_distances(level.data(), boost::on_tree_edge{}))));
      for (std::size_t u = 0; u < n; ++u) {
        if (u == s || level[u] == unseen) continue;
        total[u] += level[u];
        reached[u] += 1;
      }
    }
    for (std::size_t u = 0; u < n; ++u) cl_bgl[u] = total[u] > 0 ? reached[u] / total[u] : 0.0;
  });
  const bool cl_agree = max_rel_diff(cl_bgl, cl_ours) < 1e-12;
  row("closeness", t_cl_ours, t_cl_bgl, cl_agree);
  return b_agree && c_agree && cl_agree;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::array<long, 3>> sizes;
  for (int i = 1; i + 2 < argc; i += 3) sizes.push_back({std::atol(argv[i]), std::atol(argv[i + 1]), std::atol(argv[i + 2])});
  if (sizes.empty()) sizes = {{1000, 5000, 3}, {10000, 50000, 1}};
  bool ok = true;
  for (const auto& [n, m, reps] : sizes) ok = run(static_cast<std::size_t>(n), static_cast<std::size_t>(m), static_cast<int>(reps)) && ok;
  return ok ? 0 : 1;
}
