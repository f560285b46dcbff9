// SPDX-License-Identifier: MIT
// Components, cut points, cores, fragmentation and reach. The kernels release
// the GIL; per-actor results go to numpy. python/healthnet/_components.py
// holds the public docstrings.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/stl.h>

#include <healthnet/components.hpp>
#include <healthnet/reach.hpp>

#include "common.hpp"

namespace healthnet::bindings {

void register_components(py::module_& m) {
  using gil_free = py::call_guard<py::gil_scoped_release>;
  m.def("connected_components", computed(&connected_components), py::arg("net"), py::arg("strong") = false);
  m.def("component_labels", [](const network& net, bool strong) {
        read_access lock(net);
        std::vector<std::int64_t> labels;
        {
          py::gil_scoped_release release;
          const auto raw = component_labels(net, strong);
          labels.assign(raw.begin(), raw.end());
        }
        return to_numpy(std::move(labels));
      }, py::arg("net"), py::arg("strong") = false);
  m.def("n_components", computed(&n_components), py::arg("net"), py::arg("strong") = false);
  m.def("largest_component_share", computed(&largest_component_share), py::arg("net"), py::arg("strong") = false);
  m.def("articulation_points", computed(&articulation_points), py::arg("net"));
  m.def("bridges", computed(&bridges), py::arg("net"));
  m.def("core_number", [](const network& net) {
        read_access lock(net);
        std::vector<double> values;
        {
          py::gil_scoped_release release;
          values = core_number(net);
        }
        return to_numpy(std::move(values));
      }, py::arg("net"));
  m.def("fragmentation", [](const network& net, const std::vector<actor_id_arg>& removed) {
        std::vector<std::string> ids;
        ids.reserve(removed.size());
        for (const auto& id : removed) ids.push_back(id.text);
        computing scope(net);
        return fragmentation(net, ids);
      }, py::arg("net"), py::arg("removed") = std::vector<actor_id_arg>{});
  m.def("two_step_reach", [](const network& net) {
        read_access lock(net);
        std::vector<double> values;
        {
          py::gil_scoped_release release;
          values = two_step_reach(net);
        }
        return to_numpy(std::move(values));
      }, py::arg("net"));
  m.def("reach_efficiency", [](const network& net) {
        read_access lock(net);
        std::vector<double> values;
        {
          py::gil_scoped_release release;
          values = reach_efficiency(net);
        }
        return to_numpy(std::move(values));
      }, py::arg("net"));
}

}  // namespace healthnet::bindings
