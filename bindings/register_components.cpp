// SPDX-License-Identifier: MIT
// components kernels (being written; see issue 3).
#include "common.hpp"

namespace healthnet::bindings {

void register_components(py::module_& m) { (void)m; }

}  // namespace healthnet::bindings
