// SPDX-License-Identifier: MIT
/// @file example.hpp
/// @brief The built-in example region and a generator of synthetic regions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <healthnet/network.hpp>

namespace healthnet {

/// "Landkreis Musterstadt": a fictional but realistic health region of about
/// 120 actors across all built-in sectors, with a coordination office, a
/// steering group, working groups, a health conference and multiplex ties.
/// Made by a seeded generator, so it is the same on every machine.
network example_region();

/// The earlier (2022) wave of the example region, for wave comparison: 12
/// actors had not yet joined (none of them in the steering group or the
/// office), about 15 % of the ties did not yet exist, and about 12 % of the
/// kept ties carried one relation fewer or a lower weight. Seeded.
network example_region_earlier();

/// Parameters of a synthetic, sector-structured region (a stochastic block
/// model with homophily).
struct synthetic_options {
  std::size_t n_actors{150};      ///< number of actors
  std::size_t n_ties{600};        ///< target number of ties (distinct pairs)
  std::vector<std::string> sectors;  ///< empty: the built-in core sectors
  /// Probability weight of a within-sector tie relative to a cross-sector tie
  /// (1 = no homophily).
  double homophily{4.0};
  bool directed{false};           ///< generate a directed network
  bool weighted{false};           ///< draw integer weights 1..5
  bool with_bodies{true};         ///< add a steering group, office, working groups, conference
  std::uint64_t seed{1};          ///< random seed; equal seeds give equal networks
  std::string region_id{"synthetic"};  ///< id of the region metadata, also used in its name
};

/// A synthetic region; the same options give the same network on every machine.
network synthetic_region(const synthetic_options& options);

}  // namespace healthnet
