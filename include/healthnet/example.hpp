// SPDX-License-Identifier: MIT
/// @file example.hpp
/// @brief The built-in example region "Landkreis Musterstadt" (two survey waves).
#pragma once

#include <healthnet/network.hpp>

namespace healthnet {

/// "Landkreis Musterstadt": a fictional but realistic health region of about
/// 120 actors across all built-in sectors, with a coordination office, a
/// steering group, working groups, a health conference and multiplex ties.
/// It is examples/musterstadt.json, compiled into the library and parsed on
/// each call, so it is the same on every machine.
network example_region();

/// The earlier (2022) wave of the example region, for wave comparison:
/// examples/musterstadt_2022.json, compiled in. 12 actors had not yet joined
/// (none of them in the steering group or the office), about 15 % of the ties
/// did not yet exist, and about 12 % of the kept ties carried one relation
/// fewer or a lower weight.
network example_region_earlier();

}  // namespace healthnet
