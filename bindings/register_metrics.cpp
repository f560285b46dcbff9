// SPDX-License-Identifier: MIT
// Metric kernels. They release the GIL and return numpy arrays that own their
// memory; python/healthnet/_metrics.py wraps them in pandas objects and holds
// the public docstrings.
#include <pybind11/stl.h>

#include <healthnet/composition.hpp>
#include <healthnet/degree.hpp>
#include <healthnet/density.hpp>

#include "common.hpp"

namespace healthnet::bindings {

namespace {
degree_mode mode_from(const std::string& mode) {
  if (mode == "all") return degree_mode::all;
  if (mode == "in") return degree_mode::in;
  if (mode == "out") return degree_mode::out;
  throw invalid_input(field_location("mode"), "expected 'all', 'in' or 'out', got '" + mode + "'");
}
}  // namespace

void register_metrics(py::module_& m) {
  using gil_free = py::call_guard<py::gil_scoped_release>;
  m.def("density", &density, py::arg("net"), py::arg("weighted") = false, gil_free());
  m.def("degree", [](const network& net, const std::string& mode, bool weighted) {
        const auto dm = mode_from(mode);
        std::vector<double> values;
        {
          py::gil_scoped_release release;
          values = weighted ? strength(net, dm) : degree(net, dm);
        }
        return to_numpy(std::move(values));
      }, py::arg("net"), py::arg("mode") = "all", py::arg("weighted") = false);
  m.def("isolates", &isolates, py::arg("net"), gil_free());
  m.def("sector_counts", &sector_counts, py::arg("net"), gil_free());
}

}  // namespace healthnet::bindings
