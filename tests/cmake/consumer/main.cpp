// SPDX-License-Identifier: MIT
// The README's C++ example, built against the installed package (core target
// only), plus boost::breadth_first_search on the analysis view.
#include <healthnet/boost_graph.hpp>
#include <healthnet/healthnet.hpp>

#include <boost/graph/breadth_first_search.hpp>

#include <cstdio>
#include <limits>
#include <vector>

int main(int argc, char** argv) {
  healthnet::network net{healthnet::directedness::undirected};
  net.add_actor({.id = "a", .name = "Praxis A", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "b", .name = "Klinikum B", .sectors = {"inpatient_care"}});
  net.add_actor({.id = "c", .name = "Pflegedienst C", .sectors = {"nursing_care"}});
  net.add_tie({.source = "a", .target = "b"});
  net.add_tie({.source = "b", .target = "c"});
  double d = healthnet::density(net);
  if (d != 2.0 / 3.0) {
    std::fprintf(stderr, "density of the path a-b-c is %g, expected 2/3\n", d);
    return 1;
  }
  // Boost.Graph's own BFS on the analysis view; hand-computed: c is 2 ties from a.
  {
    const auto view = net.view();
    std::vector<std::uint32_t> dist(view->n_vertices(), 0);
    boost::breadth_first_search(*view, 0, boost::visitor(boost::make_bfs_visitor(
                                              boost::record_distances(dist.data(), boost::on_tree_edge{}))));
    if (dist[1] != 1 || dist[2] != 2) {
      std::fprintf(stderr, "bfs distances from a: %u %u, expected 1 2\n", dist[1], dist[2]);
      return 1;
    }
  }
  if (argc > 1) {
    healthnet::network region = healthnet::read_json(argv[1]);
    std::printf("%s: %zu actors, %zu ties, density %.4f\n", region.region().name.c_str(), region.n_actors(),
                region.n_ties(), healthnet::density(region));
    if (region.n_actors() == 0) return 1;
    // BFS from actor 0 reaches its component: as many actors as component_labels() puts with it.
    const auto view = region.view();
    constexpr auto unseen = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> dist(view->n_vertices(), unseen);
    dist[0] = 0;
    boost::breadth_first_search(*view, 0, boost::visitor(boost::make_bfs_visitor(
                                              boost::record_distances(dist.data(), boost::on_tree_edge{}))));
    const auto labels = healthnet::component_labels(region);
    std::size_t reached = 0, same = 0;
    for (std::size_t v = 0; v < dist.size(); ++v) {
      reached += dist[v] != unseen;
      same += labels[v] == labels[0];
    }
    std::printf("bfs from %s reaches %zu actors\n", region.actors()[0].id.c_str(), reached);
    if (!view->directed() && reached != same) return 1;
  }
  std::printf("consumer ok (healthnet %s)\n", healthnet::version);
  return 0;
}
