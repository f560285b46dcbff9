// SPDX-License-Identifier: MIT
/// @file region.hpp
/// @brief Metadata of the region a network describes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace healthnet {

/// Region metadata. All members are optional; empty strings mean unknown.
struct region_info {
  std::string id;                        ///< e.g. `r1`, an official district key
  std::string name;                      ///< e.g. `Landkreis Musterstadt`
  std::string state;                     ///< e.g. `Niedersachsen`, `Bayern`, `Hessen`
  std::optional<std::int64_t> population;  ///< number of inhabitants, if known
  std::string wave;                      ///< survey wave label, e.g. `2024`
  std::string date;                      ///< ISO date of the survey

  /// Member-wise equality.
  friend bool operator==(const region_info&, const region_info&) = default;
};

}  // namespace healthnet
