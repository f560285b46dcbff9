// SPDX-License-Identifier: MIT
// cohesion kernels (being written; see issue 3).
#include "common.hpp"

namespace healthnet::bindings {

void register_cohesion(py::module_& m) { (void)m; }

}  // namespace healthnet::bindings
