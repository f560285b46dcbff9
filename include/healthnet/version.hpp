// SPDX-License-Identifier: MIT
/// @file version.hpp
/// @brief Library version.
#pragma once

/// Major version number.
#define HEALTHNET_VERSION_MAJOR 0
/// Minor version number.
#define HEALTHNET_VERSION_MINOR 1
/// Patch version number.
#define HEALTHNET_VERSION_PATCH 0
/// The version as a string, `major.minor.patch`.
#define HEALTHNET_VERSION_STRING "0.1.0"

namespace healthnet {
/// The library version, `major.minor.patch`.
inline constexpr const char* version = HEALTHNET_VERSION_STRING;
}  // namespace healthnet
