// SPDX-License-Identifier: MIT
/// @file healthnet.hpp
/// @brief Umbrella header of the core target `healthnet::healthnet`.
///
/// Not included here: the presentation headers of `healthnet::report`
/// (report.hpp, svg.hpp, layout.hpp; link healthnet::report for them) and
/// boost_graph.hpp (Boost.Graph concepts for the analysis view; include it
/// where BGL algorithms run on `*net.view()`).
#pragma once

#include <healthnet/version.hpp>
#include <healthnet/error.hpp>
#include <healthnet/attributes.hpp>
#include <healthnet/taxonomy.hpp>
#include <healthnet/actor.hpp>
#include <healthnet/tie.hpp>
#include <healthnet/body.hpp>
#include <healthnet/region.hpp>
#include <healthnet/analysis_view.hpp>
#include <healthnet/network.hpp>
#include <healthnet/io.hpp>
#include <healthnet/survey_io.hpp>
#include <healthnet/example.hpp>
// whole-network and per-actor structure
#include <healthnet/relationship_quality.hpp>
#include <healthnet/response.hpp>
#include <healthnet/symmetrize.hpp>
#include <healthnet/density.hpp>
#include <healthnet/degree.hpp>
#include <healthnet/composition.hpp>
#include <healthnet/cohesion.hpp>
#include <healthnet/centrality.hpp>
#include <healthnet/components.hpp>
#include <healthnet/reach.hpp>
#include <healthnet/structural_holes.hpp>
// groups and sectors
#include <healthnet/groups.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/ei_index.hpp>
#include <healthnet/block_density.hpp>
#include <healthnet/assortativity.hpp>
#include <healthnet/brokerage.hpp>
#include <healthnet/multiplexity.hpp>
#include <healthnet/sector_bridges.hpp>
#include <healthnet/communities.hpp>
// evaluation
#include <healthnet/metric_registry.hpp>
#include <healthnet/profile.hpp>
#include <healthnet/sensitivity.hpp>
#include <healthnet/scorecard.hpp>
#include <healthnet/compare.hpp>
