// SPDX-License-Identifier: MIT
// Cohesion kernels: reciprocity, transitivity, clustering, structural holes.
// They release the GIL and return numpy arrays that own their memory;
// python/healthnet/_cohesion.py wraps them and holds the public docstrings.
#include <string>
#include <utility>
#include <vector>

#include <healthnet/cohesion.hpp>
#include <healthnet/structural_holes.hpp>

#include "common.hpp"

namespace healthnet::bindings {

namespace {
reciprocity_measure measure_from(const std::string& measure) {
  if (measure == "edgewise") return reciprocity_measure::edgewise;
  if (measure == "dyadic") return reciprocity_measure::dyadic;
  if (measure == "dyadic.nonnull") return reciprocity_measure::dyadic_nonnull;
  throw invalid_input(field_location("measure"),
                      "expected 'edgewise', 'dyadic' or 'dyadic.nonnull', got '" + measure + "'");
}

template <class Kernel>
py::array_t<double> per_actor(Kernel kernel) {
  std::vector<double> values;
  {
    py::gil_scoped_release release;
    values = kernel();
  }
  return to_numpy(std::move(values));
}
}  // namespace

void register_cohesion(py::module_& m) {
  using gil_free = py::call_guard<py::gil_scoped_release>;
  m.def("reciprocity", [](const network& net, const std::string& measure, const std::string& missing,
                          std::uint64_t seed) {
        read_access lock(net);
        const auto which = measure_from(measure);
        const auto policy = parse_missing_policy(missing);
        py::gil_scoped_release release;
        return reciprocity(net, which, policy, seed);
      }, py::arg("net"), py::arg("measure") = "edgewise", py::arg("missing") = "absent", py::arg("seed") = 1);
  m.def("dyad_census", [](const network& net) {
        read_access lock(net);
        dyad_census_result c;
        {
          py::gil_scoped_release release;
          c = dyad_census(net);
        }
        return py::make_tuple(c.mutual, c.asymmetric, c.null);
      }, py::arg("net"));
  m.def("transitivity", computed(&transitivity), py::arg("net"));
  m.def("average_clustering", computed(&average_clustering), py::arg("net"), py::arg("count_zeros") = true);
  m.def("triangles", [](const network& net) { read_access lock(net); return per_actor([&] { return triangles(net); }); },
        py::arg("net"));
  m.def("local_clustering", [](const network& net) { read_access lock(net); return per_actor([&] { return local_clustering(net); }); },
        py::arg("net"));
  m.def("structural_holes", [](const network& net, bool weighted) {
        read_access lock(net);
        structural_holes_result r;
        {
          py::gil_scoped_release release;
          r = structural_holes(net, weighted);
        }
        return py::make_tuple(to_numpy(std::move(r.constraint)), to_numpy(std::move(r.effective_size)),
                              to_numpy(std::move(r.efficiency)));
      }, py::arg("net"), py::arg("weighted") = false);
  m.def("constraint", [](const network& net, bool weighted) {
        read_access lock(net);
        return per_actor([&] { return constraint(net, weighted); });
      }, py::arg("net"), py::arg("weighted") = false);
  m.def("effective_size", [](const network& net, bool weighted) {
        read_access lock(net);
        return per_actor([&] { return effective_size(net, weighted); });
      }, py::arg("net"), py::arg("weighted") = false);
  m.def("efficiency", [](const network& net, bool weighted) {
        read_access lock(net);
        return per_actor([&] { return efficiency(net, weighted); });
      }, py::arg("net"), py::arg("weighted") = false);
}

}  // namespace healthnet::bindings
