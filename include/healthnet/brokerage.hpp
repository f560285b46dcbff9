// SPDX-License-Identifier: MIT
/// @file brokerage.hpp
/// @brief Gould–Fernandez brokerage roles, as R sna `brokerage()` defines them.
#pragma once

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <healthnet/groups.hpp>
#include <healthnet/interrupt.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// The five brokerage roles of Gould & Fernandez (1989), with the group
/// pattern of source a → broker v → target b.
enum class brokerage_role {
  coordinator,     ///< w_I: a, v, b in one group (A → A → A)
  itinerant,       ///< w_O: a and b in one group, v in another (A → B → A)
  representative,  ///< b_IO: v in a's group, b elsewhere (A → A → B)
  gatekeeper,      ///< b_OI: v in b's group, a elsewhere (A → B → B)
  liaison,         ///< b_O: a, v, b in three groups (A → B → C)
};

/// Role counts per actor (rows in actor order) and the network-level test.
struct brokerage_result {
  /// Per actor: the counts of the five roles, then their total t.
  std::vector<std::array<double, 6>> counts;
  std::array<double, 6> observed{};  ///< network totals (sum over actors)
  std::array<double, 6> expected{};  ///< Gould–Fernandez expectation under a random graph of the same density
  std::array<double, 6> sd{};        ///< its standard deviation
  std::array<double, 6> z{};         ///< (observed − expected) / sd
};

/// Gould–Fernandez brokerage roles (Gould & Fernandez 1989), exactly as R sna
/// `brokerage(g, cl)` computes them.
///
/// For every actor v, each ordered pair (a, b) of distinct other actors with
/// a → v, v → b and no tie a → b is one brokerage, classified by the groups
/// of a, v and b (see brokerage_role). Undirected networks are treated as
/// symmetric digraphs (both directions of every tie), as sna does with a
/// symmetric adjacency matrix, so each open path a – v – b counts twice.
///
/// Network level: observed totals, and sna's expectations and variances
/// under a Bernoulli graph of density d = arcs / (N(N − 1)) with the group
/// sizes n_g (sna `brokerage()$exp.gli`, `$sd.gli`, `$z.gli`).
///
/// Actors without a group are left out with their ties (the roles are those
/// of the subnetwork of grouped actors); their rows are NaN.
/// Polls the interruption check (interrupt.hpp).
/// Complexity: O(Σ_v indeg(v)·outdeg(v)·log d_max + n + g) time, O(n) memory.
inline brokerage_result brokerage(const network& net, const grouping& groups) {
  const auto g = net.view();
  const std::size_t n_all = g->n_vertices();
  const auto& cl = groups.group_of;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  brokerage_result r;
  r.counts.assign(n_all, std::array<double, 6>{});
  detail::interrupt_poller poll;
  for (vertex_index v = 0; v < n_all; ++v) {
    if (cl[v] == grouping::no_group) {
      r.counts[v].fill(nan);
      continue;
    }
    auto& c = r.counts[v];
    for (const auto a : g->in_neighbors(v)) {
      if (a == v || cl[a] == grouping::no_group) continue;
      for (const auto b : g->out_neighbors(v)) {
        poll();
        if (b == v || b == a || cl[b] == grouping::no_group || g->has_arc(a, b)) continue;
        const auto ga = cl[a], gv = cl[v], gb = cl[b];
        std::size_t role;
        if (ga == gv && gv == gb) role = 0;
        else if (ga == gb) role = 1;
        else if (ga == gv) role = 2;
        else if (gv == gb) role = 3;
        else role = 4;
        c[role] += 1;
        c[5] += 1;
      }
    }
    for (std::size_t k = 0; k < 6; ++k) r.observed[k] += c[k];
  }

  // Expectations (sna brokerage(), network level), over grouped actors only.
  std::vector<double> n;
  for (auto s : groups.sizes()) {
    if (s > 0) n.push_back(static_cast<double>(s));
  }
  const double N = static_cast<double>(groups.n_grouped());
  double arcs = 0;
  for (vertex_index v = 0; v < n_all; ++v) {
    if (cl[v] == grouping::no_group) continue;
    for (const auto b : g->out_neighbors(v)) {
      if (cl[b] != grouping::no_group) arcs += 1;
    }
  }
  const double d = N > 1 ? arcs / (N * (N - 1)) : nan;
  const double p = d * d * (1 - d);
  const double d3 = std::pow(d, 3) * std::pow(1 - d, 3), d4 = std::pow(d, 4) * std::pow(1 - d, 2),
               d5 = std::pow(d, 5) * (1 - d);
  std::array<double, 6> var{};
  // sna sums over all ordered pairs (x, y) and distinct triples (i, j, l) of
  // group sizes; here in O(k) from sums of powers, so that many groups cost
  // no more than a few (p1 = Σ n_g = N, p2 = Σ n_g²):
  //   Σ_x Σ_y x y (N − x − y)              = N p1² − 2 p1 p2
  //   Σ_x Σ_y x y (x − 1)(2x + 2y − 6) d3 + … = Σ_x x (x − 1) [p1 ((2x − 6) d3 + (N − x − 1) d5) + 2 p2 d3]
  double s0 = 0, s1 = 0, s2 = 0, s4a = 0, s4b = 0, v0 = 0, v1a = 0, v1b = 0, v2 = 0, p1 = 0, p2 = 0;
  for (const double x : n) {
    p1 += x;
    p2 += x * x;
  }
  for (const double x : n) {
    s0 += x * (x - 1) * (x - 2);
    s1 += x * (N - x) * (x - 1);
    s4b += x * x * (N - 2 * x);
    v0 += x * (x - 1) * (x - 2) * ((4 * x - 10) * d3 - 4 * (x - 3) * d4 + (x - 3) * d5);
    v1b += x * x * (x - 1) * ((4 * x - 6) * d3 + (N - x - 1) * d5);
    v2 += x * (N - x) * (x - 1) * ((N - 3) * d3 + (x - 2) * d5);
    v1a += x * (x - 1) * (p1 * ((2 * x - 6) * d3 + (N - x - 1) * d5) + 2 * p2 * d3);
  }
  s4a = N * p1 * p1 - 2 * p1 * p2;
  s2 = s1;
  r.expected = {p * s0, p * s1, p * s2, p * s2, p * (s4a - s4b), p * N * (N - 1) * (N - 2)};
  var[0] = r.expected[0] * (1 - p) + v0;
  var[1] = r.expected[1] * (1 - p) + (v1a - v1b);
  var[2] = var[3] = r.expected[2] * (1 - p) + v2;
  var[4] = r.expected[4] * (1 - p);
  // Liaison variance, sna's sum over distinct ordered triples (i, j, l):
  //   Σ n_i n_j n_l [(4(N − n_j) − 2(n_i + n_l + 1)) d3 − (4(N − n_l) − 2(n_i + n_j + 1)) d4 + (N − n_i − n_l − 1) d5]
  // = T0 [(4N − 2)(d3 − d4) + (N − 1) d5] + T1 (−8 d3 + 8 d4 − 2 d5),
  // with T0 = Σ n_i n_j n_l = 6 e3 and T1 = Σ n_i² n_j n_l = 2 Σ_{i<j<l} n_i n_j n_l (n_i + n_j + n_l),
  // accumulated group by group (all terms positive: no cancellation). O(k).
  double e1 = 0, e2 = 0, e3 = 0, q1 = 0, f2 = 0, f3 = 0;
  for (const double x : n) {
    f3 += x * x * e2 + x * f2;
    e3 += x * e2;
    f2 += x * x * e1 + x * q1;
    e2 += x * e1;
    e1 += x;
    q1 += x * x;
  }
  const double t0 = 6 * e3, t1 = 2 * f3;
  var[4] += t0 * ((4 * N - 2) * (d3 - d4) + (N - 1) * d5) + t1 * (-8 * d3 + 8 * d4 - 2 * d5);
  var[5] = r.expected[5] * (1 - p) + N * (N - 1) * (N - 2) * ((4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5);
  for (std::size_t i = 0; i < 6; ++i) {
    r.sd[i] = std::sqrt(var[i]);
    r.z[i] = (r.observed[i] - r.expected[i]) / r.sd[i];
  }
  return r;
}

/// Role names in the order of brokerage_result columns:
/// coordinator, itinerant, representative, gatekeeper, liaison, total.
inline const std::array<std::string, 6>& brokerage_role_names() {
  static const std::array<std::string, 6> names{"coordinator", "itinerant", "representative",
                                                "gatekeeper", "liaison", "total"};
  return names;
}

}  // namespace healthnet
