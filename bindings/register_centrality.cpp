// SPDX-License-Identifier: MIT
// centrality kernels (being written; see issue 3).
#include "common.hpp"

namespace healthnet::bindings {

void register_centrality(py::module_& m) { (void)m; }

}  // namespace healthnet::bindings
