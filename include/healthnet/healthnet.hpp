// SPDX-License-Identifier: MIT
/// @file healthnet.hpp
/// @brief Umbrella header: includes every public healthnet header.
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
#include <healthnet/density.hpp>
#include <healthnet/degree.hpp>
#include <healthnet/composition.hpp>
#include <healthnet/profile.hpp>
#include <healthnet/example.hpp>
