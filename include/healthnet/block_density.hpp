// SPDX-License-Identifier: MIT
/// @file block_density.hpp
/// @brief Densities within and between groups (the block/image matrix).
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include <healthnet/groups.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// A square matrix over groups, row-major: `at(from, to)`.
struct group_matrix {
  std::vector<std::string> labels;  ///< group labels (rows and columns)
  std::vector<double> values;       ///< labels.size()² cells, row-major
  /// The cell of row `from`, column `to`.
  [[nodiscard]] double at(std::size_t from, std::size_t to) const { return values[from * labels.size() + to]; }
};

/// Block densities: the density of ties from group g to group h.
///
/// Cell (g, h) = ties from g to h / possible pairs, with n_g·n_h possible
/// pairs off the diagonal and n_g(n_g − 1) ordered pairs on it, halved when
/// undirected (so the diagonal is the density within the group, and an
/// undirected matrix is symmetric). `weighted`: the sum of tie weights
/// instead of the count (UCINET's valued block densities). NaN where no pair
/// is possible (a group of one actor, on the diagonal).
/// Reference: UCINET Network > Roles & Positions > Blockmodel (density
/// matrix); R sna `blockmodel(..., )$block.model`.
/// Actors without a group and their ties are left out. Complexity: O(m + g²).
inline group_matrix block_density(const network& net, const grouping& groups, bool weighted = false) {
  const std::size_t k = groups.size();
  group_matrix out{groups.labels, std::vector<double>(k * k, 0.0)};
  const auto ties = net.ties();
  const auto ends = net.tie_ends();
  for (std::size_t t = 0; t < ends.size(); ++t) {
    const auto [u, v] = ends[t];
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group || u == v) continue;
    const double x = weighted ? ties[t].weight : 1.0;
    out.values[static_cast<std::size_t>(gu) * k + static_cast<std::size_t>(gv)] += x;
    if (!net.directed() && gu != gv) out.values[static_cast<std::size_t>(gv) * k + static_cast<std::size_t>(gu)] += x;
  }
  const auto sizes = groups.sizes();
  for (std::size_t g = 0; g < k; ++g) {
    for (std::size_t h = 0; h < k; ++h) {
      const double ng = static_cast<double>(sizes[g]), nh = static_cast<double>(sizes[h]);
      double pairs = g == h ? ng * (ng - 1) : ng * nh;
      if (g == h && !net.directed()) pairs /= 2;
      double& cell = out.values[g * k + h];
      cell = pairs > 0 ? cell / pairs : std::numeric_limits<double>::quiet_NaN();
    }
  }
  return out;
}

/// One nonzero cell of a block-density matrix.
struct block_cell {
  std::size_t from{};  ///< group index (row)
  std::size_t to{};    ///< group index (column)
  double ties{};       ///< ties from `from` to `to` (summed weights when weighted)
  double density{};    ///< ties / possible pairs, as block_density()
};

/// The cells of block_density() with at least one tie, row-major (from, to)
/// order; the others are 0 (or NaN on the diagonal of one-actor groups). For
/// many groups, where the k × k matrix would not fit: O(m log m + k) time,
/// O(m + k) memory.
inline std::vector<block_cell> block_density_cells(const network& net, const grouping& groups, bool weighted = false) {
  std::vector<block_cell> cells;
  const auto ties = net.ties();
  const auto ends = net.tie_ends();
  for (std::size_t t = 0; t < ends.size(); ++t) {
    const auto [u, v] = ends[t];
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group || u == v) continue;
    const double x = weighted ? ties[t].weight : 1.0;
    cells.push_back({static_cast<std::size_t>(gu), static_cast<std::size_t>(gv), x, 0.0});
    if (!net.directed() && gu != gv) cells.push_back({static_cast<std::size_t>(gv), static_cast<std::size_t>(gu), x, 0.0});
  }
  std::sort(cells.begin(), cells.end(),
            [](const block_cell& a, const block_cell& b) { return a.from != b.from ? a.from < b.from : a.to < b.to; });
  std::vector<block_cell> out;
  for (const auto& c : cells) {
    if (!out.empty() && out.back().from == c.from && out.back().to == c.to) out.back().ties += c.ties;
    else out.push_back(c);
  }
  const auto sizes = groups.sizes();
  for (auto& c : out) {
    const double ng = static_cast<double>(sizes[c.from]), nh = static_cast<double>(sizes[c.to]);
    double pairs = c.from == c.to ? ng * (ng - 1) : ng * nh;
    if (c.from == c.to && !net.directed()) pairs /= 2;
    c.density = pairs > 0 ? c.ties / pairs : std::numeric_limits<double>::quiet_NaN();
  }
  return out;
}

/// Ties between groups: cell (g, h) counts the ties from g to h (directed)
/// or between g and h (undirected: symmetric; the diagonal counts each
/// within-group tie once). Actors without a group are left out.
/// Complexity: O(m + g²).
inline group_matrix tie_counts(const network& net, const grouping& groups) {
  const std::size_t k = groups.size();
  group_matrix out{groups.labels, std::vector<double>(k * k, 0.0)};
  for (const auto& [u, v] : net.tie_ends()) {
    const auto gu = groups.group_of[u], gv = groups.group_of[v];
    if (gu == grouping::no_group || gv == grouping::no_group || u == v) continue;
    out.values[static_cast<std::size_t>(gu) * k + static_cast<std::size_t>(gv)] += 1;
    if (!net.directed() && gu != gv) out.values[static_cast<std::size_t>(gv) * k + static_cast<std::size_t>(gu)] += 1;
  }
  return out;
}

}  // namespace healthnet
