// SPDX-License-Identifier: MIT
// Metric kernels. They release the GIL and return numpy arrays that own their
// memory; python/healthnet/_metrics.py wraps them in pandas objects and holds
// the public docstrings.
#include <pybind11/stl.h>

#include <healthnet/composition.hpp>
#include <healthnet/degree.hpp>
#include <healthnet/density.hpp>
#include <healthnet/metric_registry.hpp>
#include <healthnet/profile.hpp>

#include "common.hpp"

namespace healthnet::bindings {

void register_metrics(py::module_& m) {
  using gil_free = py::call_guard<py::gil_scoped_release>;
  m.def("density", [](const network& net, bool weighted, const std::string& missing, std::uint64_t seed) {
        const auto policy = parse_missing_policy(missing);
        computing scope(net);
        return density(net, weighted, policy, seed);
      }, py::arg("net"), py::arg("weighted") = false, py::arg("missing") = "absent", py::arg("seed") = 1);
  m.def("degree", [](const network& net, const std::string& mode, bool weighted) {
        read_access lock(net);
        const auto dm = parse_degree_mode(mode);
        std::vector<double> values;
        {
          py::gil_scoped_release release;
          values = weighted ? strength(net, dm) : degree(net, dm);
        }
        return to_numpy(std::move(values));
      }, py::arg("net"), py::arg("mode") = "all", py::arg("weighted") = false);
  m.def("isolates", computed(&isolates), py::arg("net"));
  m.def("sector_counts", computed(&sector_counts), py::arg("net"));
  m.def("profile", [](const network& net) {
        read_access lock(net);
        std::vector<profile_entry> entries;
        {
          py::gil_scoped_release release;
          entries = profile(net);
        }
        std::vector<std::string> names;
        std::vector<double> values;
        for (auto& e : entries) {
          names.push_back(std::move(e.name));
          values.push_back(e.value);
        }
        return py::make_tuple(names, to_numpy(std::move(values)));
      }, py::arg("net"));
  m.def("evaluate_metric", computed(&evaluate_metric), py::arg("net"), py::arg("name"), py::arg("by") = "sector");
  m.def("metric_catalog", [] {
        py::list out;
        for (const auto& d : metric_catalog()) {
          out.append(py::make_tuple(d.name, d.label_en, d.label_de, d.grouped, d.structural));
        }
        return out;
      });
}

}  // namespace healthnet::bindings
