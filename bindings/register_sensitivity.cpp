// SPDX-License-Identifier: MIT
// Sensitivity of metrics to further non-response (healthnet/sensitivity.hpp).
// python/healthnet/_sensitivity.py holds the public docstring.
#include <pybind11/stl.h>

#include <healthnet/sensitivity.hpp>

#include "common.hpp"

namespace healthnet::bindings {

void register_sensitivity(py::module_& m) {
  py::class_<sensitivity_row>(m, "SensitivityRow", "One metric's observed value and its spread over the runs.")
      .def_readonly("metric", &sensitivity_row::metric, "Metric name.")
      .def_readonly("observed", &sensitivity_row::observed, "Value on the network as given.")
      .def_readonly("mean", &sensitivity_row::mean, "Mean over the runs (NaN runs left out).")
      .def_readonly("low", &sensitivity_row::low, "5 % quantile of the run values (numpy's default method).")
      .def_readonly("high", &sensitivity_row::high, "95 % quantile of the run values.")
      .def_readonly("valid_runs", &sensitivity_row::valid_runs, "Runs whose value is a number.")
      .def_property_readonly(
          "values", [](const sensitivity_row& r) { return to_numpy(std::vector<double>(r.values)); },
          "The value of every run, in run order.");
  py::class_<sensitivity_result>(m, "SensitivityResult", "The result of nonresponse_sensitivity.")
      .def_readonly("rows", &sensitivity_result::rows, "One row per metric, in the order asked.")
      .def_readonly("drop", &sensitivity_result::drop)
      .def_readonly("runs", &sensitivity_result::runs)
      .def_readonly("seed", &sensitivity_result::seed)
      .def_readonly("respondents", &sensitivity_result::respondents, "Actors whose reports may be dropped.")
      .def_readonly("dropped", &sensitivity_result::dropped, "Respondents dropped in every run.")
      .def_readonly("all_assumed_respondents", &sensitivity_result::all_assumed_respondents,
                    "True when no respondent status was known and every actor counted as a respondent.")
      .def_property_readonly(
          "missing", [](const sensitivity_result& r) { return std::string(to_string(r.missing)); },
          "The missing-data policy of the metrics ('absent').");
  m.def(
      "nonresponse_sensitivity",
      [](const network& net, const std::vector<std::string>& metrics, double drop, std::int64_t runs,
         std::uint64_t seed, const std::string& by) {
        if (runs < 1) {
          throw invalid_input(field_location("runs"), "expected at least 1 run, got " + std::to_string(runs));
        }
        read_access lock(net);
        sensitivity_options o;
        o.metrics = metrics;
        o.drop = drop;
        o.runs = static_cast<std::size_t>(runs);
        o.seed = seed;
        o.by = by;
        return interruptible([&] { return nonresponse_sensitivity(net, o); });
      },
      py::arg("net"), py::arg("metrics") = std::vector<std::string>{}, py::arg("drop") = 0.1, py::arg("runs") = 200,
      py::arg("seed") = 0, py::arg("by") = "sector");
}

}  // namespace healthnet::bindings
