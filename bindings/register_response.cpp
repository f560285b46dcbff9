// SPDX-License-Identifier: MIT
// Survey response: response rate, respondent flags, symmetrisation and the
// reconstruction of non-respondents' ties. python/healthnet/_response.py
// holds the public docstrings.
#include <pybind11/stl.h>

#include <healthnet/response.hpp>
#include <healthnet/symmetrize.hpp>

#include "common.hpp"

namespace healthnet::bindings {

void register_response(py::module_& m) {
  py::class_<response_summary>(m, "ResponseRate", "Who answered the survey (see healthnet.response_rate).")
      .def_readonly("respondents", &response_summary::respondents, "Actors marked respondent = True.")
      .def_readonly("nonrespondents", &response_summary::nonrespondents, "Actors marked respondent = False.")
      .def_readonly("unknown", &response_summary::unknown, "Actors without a respondent flag.")
      .def_readonly("rate", &response_summary::rate,
                    "respondents / (respondents + nonrespondents); NaN when no actor's status is known.")
      .def_readonly("nonrespondent_ids", &response_summary::nonrespondent_ids,
                    "Ids of the non-respondents, in actor order.")
      .def_property_readonly("known", &response_summary::known, "Whether some actor's status is known.")
      .def("__repr__", [](const response_summary& r) {
        return "ResponseRate(respondents=" + std::to_string(r.respondents) +
               ", nonrespondents=" + std::to_string(r.nonrespondents) + ", unknown=" + std::to_string(r.unknown) +
               ", rate=" + (r.known() ? detail::format_number(r.rate) : std::string("nan")) + ")";
      });
  m.def("response_rate", computed(&response_rate), py::arg("net"));
  m.def("_set_respondents", [](network& net, const std::vector<std::optional<bool>>& flags) {
        write_access lock(net);
        if (flags.size() != net.n_actors()) {
          throw invalid_input(field_location("respondent"), "expected one flag per actor (" +
                                                                std::to_string(net.n_actors()) + "), got " +
                                                                std::to_string(flags.size()));
        }
        for (std::size_t i = 0; i < flags.size(); ++i) {
          if (net.actor_at(static_cast<vertex_index>(i)).respondent == flags[i]) continue;
          actor a = net.actor_at(static_cast<vertex_index>(i));
          a.respondent = flags[i];
          net.update_actor(std::move(a));
        }
      }, py::arg("net"), py::arg("flags"), "Sets every actor's respondent flag (None: unknown), in actor order.");
  m.def("reconstruct_missing", computed(&reconstruct_missing), py::arg("net"));
  m.def("impute_missing", computed(&impute_missing), py::arg("net"), py::arg("seed") = 1);
  m.def("symmetrize", [](const network& net, const std::string& rule, const std::string& nonrespondents,
                         const std::string& combine, const std::map<std::string, std::string>& combine_by) {
        symmetrize_options o;
        o.rule = parse_symmetrize_rule(rule);
        o.nonrespondents = parse_nonrespondent_rule(nonrespondents);
        o.combine = parse_combine_rule(combine);
        for (const auto& [name, value] : combine_by) {
          o.combine_by.emplace(name, parse_combine_rule(value, "combine['" + name + "']"));
        }
        computing scope(net);
        return symmetrize(net, o);
      }, py::arg("net"), py::arg("rule") = "weak", py::arg("nonrespondents") = "trust", py::arg("combine") = "max",
        py::arg("combine_by") = std::map<std::string, std::string>{});
}

}  // namespace healthnet::bindings
