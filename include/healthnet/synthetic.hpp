// SPDX-License-Identifier: MIT
/// @file synthetic.hpp
/// @brief A generator of synthetic, sector-structured regions (target healthnet::synthetic).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <healthnet/network.hpp>

namespace healthnet {

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
/// Links with the target healthnet::synthetic (src/synthetic.cpp), not with the core.
/// @throws invalid_input for a homophily that is not a positive finite number,
///         an empty or repeated sector id, or too many actors.
network synthetic_region(const synthetic_options& options);

}  // namespace healthnet
