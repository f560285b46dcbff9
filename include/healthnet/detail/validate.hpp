// SPDX-License-Identifier: MIT
// Value checks shared by every reader (JSON, GraphML, CSV), so that a file
// is accepted or refused alike whatever its format. Each returns the problem
// (a message without location) or an empty string; `shown` is the value as
// the file wrote it.
#pragma once

#include <cmath>
#include <string>
#include <string_view>

namespace healthnet::detail {

/// Inhabitants: a whole number in [0, 9e15] (9e15 < 2^53, so exact as a double).
inline std::string population_problem(double p, std::string_view shown) {
  if (!(p >= 0) || p != std::floor(p) || p > 9.0e15) {
    return "population must be a whole number >= 0, found " + std::string(shown);
  }
  return {};
}

/// Latitude in degrees: finite and in [-90, 90].
inline std::string latitude_problem(double lat, std::string_view shown) {
  if (!std::isfinite(lat)) return "latitude is not a finite number: " + std::string(shown);
  if (std::abs(lat) > 90) return "latitude out of range: " + std::string(shown) + " (must be in [-90, 90])";
  return {};
}

/// Longitude in degrees: finite and in [-180, 180].
inline std::string longitude_problem(double lon, std::string_view shown) {
  if (!std::isfinite(lon)) return "longitude is not a finite number: " + std::string(shown);
  if (std::abs(lon) > 180) return "longitude out of range: " + std::string(shown) + " (must be in [-180, 180])";
  return {};
}

/// Year of a governance body (e.g. of a health conference): whole, 1900 to 2200.
inline std::string body_year_problem(double y, std::string_view shown) {
  if (!(y == std::floor(y) && y >= 1900 && y <= 2200)) {
    return "year must be a whole year from 1900 to 2200, found " + std::string(shown);
  }
  return {};
}

}  // namespace healthnet::detail
