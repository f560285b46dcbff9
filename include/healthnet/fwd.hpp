// SPDX-License-Identifier: MIT
/// @file fwd.hpp
/// @brief Forward declarations of the main healthnet types.
#pragma once

#include <cstdint>

namespace healthnet {
class error;
class invalid_input;
class not_found;
class file_error;
struct actor;
struct tie;
struct body;
struct region_info;
struct sector;
class taxonomy;
class network;
class analysis_view;
using vertex_index = std::uint32_t;
}  // namespace healthnet
