// SPDX-License-Identifier: MIT
// The built-in example region "Landkreis Musterstadt": the shipped
// examples/musterstadt.json (wave 2024) and examples/musterstadt_2022.json,
// embedded at build time (CMakeLists.txt, cmake/builtin_examples.cpp.in) and
// parsed by the JSON reader. The files are the source of truth; the seeded
// C++ generator that first produced them was retired (git history, before
// the commit that added this file's present form).
#include <healthnet/example.hpp>
#include <healthnet/io.hpp>

#include "builtin_examples.hpp"

namespace healthnet {

network example_region() { return parse_json(detail::builtin_example_text(), "<builtin>/musterstadt.json"); }

network example_region_earlier() {
  return parse_json(detail::builtin_example_2022_text(), "<builtin>/musterstadt_2022.json");
}

}  // namespace healthnet
