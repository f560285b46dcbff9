// SPDX-License-Identifier: MIT
/// @file layout.hpp
/// @brief Graph layout for drawings: Fruchterman–Reingold (Boost.Graph), or a sector-grouped circle for large networks.
///
/// Every layout returns one position per actor (in actor order) inside the
/// unit square [0, 1]², y pointing down as in SVG. Layouts are deterministic:
/// the same network and seed give the same positions on the same platform.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <boost/property_map/property_map.hpp>

#include <healthnet/network.hpp>
#include <healthnet/detail/random.hpp>

namespace healthnet {

/// A position in the unit square: x to the right, y downwards.
struct layout_point {
  double x{};  ///< horizontal position in [0, 1]
  double y{};  ///< vertical position in [0, 1]
  /// Member-wise equality.
  friend bool operator==(const layout_point&, const layout_point&) = default;
};

/// Which layout network_layout() computes.
enum class layout_method {
  automatic,       ///< force_directed up to layout_options::force_directed_limit actors, else sector_circle
  force_directed,  ///< force_directed_layout()
  sector_circle,   ///< sector_circle_layout()
};

/// Options of network_layout().
struct layout_options {
  std::uint64_t seed{1};          ///< seed of the random initial positions (force-directed)
  /// Cooling steps of the force-directed layout; 0 chooses them from the size
  /// (see force_directed_layout()).
  std::size_t iterations{0};
  /// Largest network (actors) that `automatic` lays out force-directed.
  std::size_t force_directed_limit{2000};
  layout_method method{layout_method::automatic};  ///< the layout to compute
};

namespace detail {

/// Distinct undirected pairs {u, v}, u < v, of the network's ties (self-loops dropped).
inline std::vector<std::pair<vertex_index, vertex_index>> undirected_pairs(const network& net) {
  std::vector<std::pair<vertex_index, vertex_index>> pairs;
  pairs.reserve(net.n_ties());
  for (auto [u, v] : net.tie_ends()) {
    if (u == v) continue;
    if (v < u) std::swap(u, v);
    pairs.emplace_back(u, v);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

/// Evenly spaced points on a circle around (0.5, 0.5), starting at the top, clockwise.
inline void place_on_ring(const std::vector<vertex_index>& order, double radius, std::vector<layout_point>& out) {
  const double n = static_cast<double>(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    const double angle = 2 * std::numbers::pi * static_cast<double>(i) / n - std::numbers::pi / 2;
    out[order[i]] = {0.5 + radius * std::cos(angle), 0.5 + radius * std::sin(angle)};
  }
}

/// Actor indices sorted by the taxonomy position of their primary sector
/// (sectors outside the taxonomy, then actors without one, last), then by index.
inline std::vector<vertex_index> sector_order(const network& net, const std::vector<vertex_index>& actors) {
  const auto& tax = net.sector_taxonomy().sectors();
  auto rank = [&](vertex_index v) -> std::size_t {
    const std::string& s = net.actor_at(v).primary_sector();
    if (s.empty()) return tax.size() + 1;
    for (std::size_t i = 0; i < tax.size(); ++i) {
      if (tax[i].id == s) return i;
    }
    return tax.size();
  };
  std::vector<std::pair<std::size_t, vertex_index>> keyed;
  keyed.reserve(actors.size());
  for (auto v : actors) keyed.emplace_back(rank(v), v);
  std::sort(keyed.begin(), keyed.end());
  std::vector<vertex_index> out;
  out.reserve(keyed.size());
  for (const auto& [r, v] : keyed) out.push_back(v);
  return out;
}

}  // namespace detail

/// Sector-grouped circular layout: every actor on one circle of radius 0.45
/// around the centre, grouped by primary sector in taxonomy order (actors
/// without a sector last), with a gap of one slot between sectors.
///
/// The cheap fallback for large networks: O(n·s + n log n) for s taxonomy
/// sectors, no dependence on the ties.
inline std::vector<layout_point> sector_circle_layout(const network& net) {
  const std::size_t n = net.n_actors();
  std::vector<layout_point> out(n, layout_point{0.5, 0.5});
  if (n <= 1) return out;
  std::vector<vertex_index> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<vertex_index>(i);
  const auto order = detail::sector_order(net, all);
  // One empty slot between consecutive sectors.
  std::vector<double> slot(n);
  double next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && net.actor_at(order[i]).primary_sector() != net.actor_at(order[i - 1]).primary_sector()) next += 1;
    slot[i] = next;
    next += 1;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double angle = 2 * std::numbers::pi * slot[i] / next - std::numbers::pi / 2;
    out[order[i]] = {0.5 + 0.45 * std::cos(angle), 0.5 + 0.45 * std::sin(angle)};
  }
  return out;
}

/// Fruchterman–Reingold force-directed layout (Fruchterman & Reingold 1991),
/// computed with Boost.Graph's `fruchterman_reingold_force_directed_layout`.
///
/// Ties are taken as undirected, once per pair. Actors with ties are laid
/// out on a `boost::adjacency_list<vecS, vecS, undirectedS>` in a square of
/// side 1 (so the ideal distance is k = 1/√n), starting from uniform random
/// positions drawn from a `std::mt19937_64` seeded with `seed` through
/// detail::uniform_unit (the same numbers on every platform), with linear
/// cooling from temperature 0.1 to 0 over `iterations` steps (0 chooses:
/// 300 up to 500 actors with ties, else 300·500/n but at least 50).
/// Repulsion is computed between all pairs up to 500 actors with ties and
/// with Boost's grid (pairs closer than 2k) above.
///
/// FR packs the dense core of a hub-dominated network into a small disk
/// while a few leaves float far out, so the result is then spread radially
/// around the centre of its bounding box: every actor keeps its direction
/// and its rank by distance, and moves to the distance
/// ½·(r/r_max)^0.7 + ½·√((rank + ½)/n) (the second term is the radius at
/// which a uniform disk holds that share of the actors). The result is
/// scaled to fill the unit square. Isolates (actors without ties) are
/// placed on a ring of radius 0.48 at the border, grouped by sector, with
/// the rest scaled into the disk of radius 0.44 inside it.
///
/// Complexity: O(iterations · (n² + m)) up to 500 actors; above, with the
/// grid, O(iterations · (n + m)) when the actors spread evenly and O(n²) per
/// step in the worst case (about 3 s for 2,000 actors and 8,000 ties on one
/// core). network_layout() switches to the sector_circle_layout() above
/// 2,000 actors by default.
inline std::vector<layout_point> force_directed_layout(const network& net, std::uint64_t seed = 1,
                                                       std::size_t iterations = 0) {
  const std::size_t n = net.n_actors();
  std::vector<layout_point> out(n, layout_point{0.5, 0.5});
  if (n == 0) return out;
  const auto pairs = detail::undirected_pairs(net);

  // Actors with ties form the force-directed part; isolates go on the ring.
  std::vector<std::uint32_t> local(n, UINT32_MAX);
  std::vector<vertex_index> tied, isolated;
  for (const auto& [u, v] : pairs) local[u] = local[v] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (local[i] == 0) {
      local[i] = static_cast<std::uint32_t>(tied.size());
      tied.push_back(static_cast<vertex_index>(i));
    } else {
      isolated.push_back(static_cast<vertex_index>(i));
    }
  }

  using graph_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using topology_type = boost::rectangle_topology<>;
  using point_type = topology_type::point_type;
  graph_type g(tied.size());
  for (const auto& [u, v] : pairs) boost::add_edge(local[u], local[v], g);

  std::vector<point_type> position(tied.size());
  std::mt19937_64 rng(seed);
  for (auto& p : position) {
    p[0] = detail::uniform_unit(rng) - 0.5;
    p[1] = detail::uniform_unit(rng) - 0.5;
  }
  if (iterations == 0) {
    iterations = tied.size() <= 500 ? 300 : std::max<std::size_t>(50, 300 * 500 / tied.size());
  }
  if (tied.size() > 1) {
    const topology_type topology(-0.5, -0.5, 0.5, 0.5);
    auto pmap = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
    auto cooling = boost::linear_cooling<double>(iterations, 0.1);
    if (tied.size() <= 500) {
      boost::fruchterman_reingold_force_directed_layout(
          g, pmap, topology, boost::force_pairs(boost::all_force_pairs()).cooling(cooling));
    } else {
      boost::fruchterman_reingold_force_directed_layout(
          g, pmap, topology, boost::force_pairs(boost::make_grid_force_pairs(topology, pmap, g)).cooling(cooling));
    }
  }

  // Centre on the bounding box, then spread radially: FR packs the dense
  // core of a hub-dominated network into a small disk while a few leaves
  // float far out. Each actor keeps its direction from the centre and its
  // rank by distance; its new distance is the mean of (r / r_max)^0.7 and
  // √((rank + ½) / n), the radius at which a uniform disk holds that share.
  // Finally scale into the square (no isolates) or into the disk of radius
  // 0.44 inside the isolates' ring.
  if (!tied.empty()) {
    double min_x = position[0][0], max_x = min_x, min_y = position[0][1], max_y = min_y;
    for (const auto& p : position) {
      min_x = std::min(min_x, p[0]);
      max_x = std::max(max_x, p[0]);
      min_y = std::min(min_y, p[1]);
      max_y = std::max(max_y, p[1]);
    }
    const double cx = (min_x + max_x) / 2, cy = (min_y + max_y) / 2;
    std::vector<std::pair<double, std::size_t>> by_radius(tied.size());
    for (std::size_t i = 0; i < tied.size(); ++i) by_radius[i] = {std::hypot(position[i][0] - cx, position[i][1] - cy), i};
    std::sort(by_radius.begin(), by_radius.end());
    const double r_max = by_radius.back().first;
    std::vector<layout_point> spread(tied.size(), layout_point{0, 0});
    for (std::size_t k = 0; k < by_radius.size() && r_max > 0; ++k) {
      const auto [r, i] = by_radius[k];
      if (!(r > 0)) continue;
      const double share = (static_cast<double>(k) + 0.5) / static_cast<double>(by_radius.size());
      const double target = 0.5 * std::pow(r / r_max, 0.7) + 0.5 * std::sqrt(share);
      spread[i] = {(position[i][0] - cx) * target / r, (position[i][1] - cy) * target / r};
    }
    double scale = 0, ox = 0, oy = 0;
    if (isolated.empty()) {
      double lo_x = 0, hi_x = 0, lo_y = 0, hi_y = 0;
      for (const auto& p : spread) {
        lo_x = std::min(lo_x, p.x);
        hi_x = std::max(hi_x, p.x);
        lo_y = std::min(lo_y, p.y);
        hi_y = std::max(hi_y, p.y);
      }
      const double extent = std::max(hi_x - lo_x, hi_y - lo_y);
      scale = extent > 0 ? 0.96 / extent : 0;
      ox = (lo_x + hi_x) / 2;
      oy = (lo_y + hi_y) / 2;
    } else {
      scale = 0.44;
    }
    for (std::size_t i = 0; i < tied.size(); ++i) {
      const double x = 0.5 + (spread[i].x - ox) * scale, y = 0.5 + (spread[i].y - oy) * scale;
      out[tied[i]] = {std::isfinite(x) ? std::clamp(x, 0.0, 1.0) : 0.5, std::isfinite(y) ? std::clamp(y, 0.0, 1.0) : 0.5};
    }
  }
  if (!isolated.empty() && !(tied.empty() && isolated.size() == 1)) {
    detail::place_on_ring(detail::sector_order(net, isolated), tied.empty() ? 0.45 : 0.48, out);
  }
  return out;
}

/// The layout for a drawing: force_directed_layout() up to
/// `options.force_directed_limit` actors (2,000 by default), else the cheaper
/// sector_circle_layout(), unless `options.method` names one.
/// Complexity: that of the chosen layout.
inline std::vector<layout_point> network_layout(const network& net, const layout_options& options = {}) {
  layout_method m = options.method;
  if (m == layout_method::automatic) {
    m = net.n_actors() <= options.force_directed_limit ? layout_method::force_directed : layout_method::sector_circle;
  }
  if (m == layout_method::sector_circle) return sector_circle_layout(net);
  return force_directed_layout(net, options.seed, options.iterations);
}

}  // namespace healthnet
