// SPDX-License-Identifier: MIT
// Readers, writers, the built-in example region and the synthetic generator. Public docstrings live in
// python/healthnet/_io.py; these private functions take str paths.
#include <pybind11/stl.h>

#include <healthnet/example.hpp>
#include <healthnet/synthetic.hpp>
#include <healthnet/io.hpp>

#include "common.hpp"
#include "reading.hpp"

namespace healthnet::bindings {

void register_io(py::module_& m) {
  using gil_free = py::call_guard<py::gil_scoped_release>;
  m.def("read_json", [](const std::string& path, bool self_loops) {
        return read_json(path, read_options{self_loops});
      }, py::arg("path"), py::arg("allow_self_loops") = false, gil_free());
  m.def("parse_json", [](const std::string& text, const std::string& origin, bool self_loops) {
        return parse_json(text, origin, read_options{self_loops});
      }, py::arg("text"), py::arg("origin") = "<json>", py::arg("allow_self_loops") = false, gil_free());
  m.def("to_json", computed(&to_json), py::arg("net"), py::arg("indent") = 2);
  m.def("write_json", computed(&write_json), py::arg("net"), py::arg("path"));
  // (network, notes) and (problems, total, notes); see bindings/reading.hpp for the dicts.
  const auto csv_options_from = [](bool directed, const py::dict& columns, const std::string& sep,
                                   const std::string& decimal, const std::string& encoding, const py::dict& rules,
                                   bool self_loops) {
    csv_options o;
    o.directed = directed;
    o.columns = column_names_from(columns);
    o.separator = sep.empty() ? '\0' : sep.front();
    o.decimal = decimal.empty() ? '\0' : decimal.front();
    o.encoding = encoding;
    o.rules = table_rules_from(rules);
    o.allow_self_loops = self_loops;
    return o;
  };
  m.def("read_csv", [csv_options_from](const std::string& actors, const std::string& ties, bool directed,
                                       const py::dict& columns, const std::string& sep, const std::string& decimal,
                                       const std::string& encoding, const py::dict& rules, bool self_loops) {
        const csv_options o = csv_options_from(directed, columns, sep, decimal, encoding, rules, self_loops);
        std::vector<data_note> notes;
        network net = [&] {
          py::gil_scoped_release release;
          return read_csv(actors, ties, o, &notes);
        }();
        return py::make_tuple(std::move(net), notes_to_python(notes));
      }, py::arg("actors"), py::arg("ties"), py::arg("directed"), py::arg("columns"), py::arg("sep"),
      py::arg("decimal"), py::arg("encoding"), py::arg("rules"), py::arg("allow_self_loops"));
  m.def("validate_csv", [csv_options_from](const std::string& actors, const std::string& ties, bool directed,
                                           const py::dict& columns, const std::string& sep, const std::string& decimal,
                                           const std::string& encoding, const py::dict& rules, bool self_loops) {
        const csv_options o = csv_options_from(directed, columns, sep, decimal, encoding, rules, self_loops);
        const problem_report report = [&] {
          py::gil_scoped_release release;
          return validate_csv(actors, ties, o);
        }();
        py::list problems;
        for (const auto& p : report.problems) problems.append(std::string(p.what()));
        return py::make_tuple(problems, report.total, notes_to_python(report.notes));
      }, py::arg("actors"), py::arg("ties"), py::arg("directed"), py::arg("columns"), py::arg("sep"),
      py::arg("decimal"), py::arg("encoding"), py::arg("rules"), py::arg("allow_self_loops"));
  m.def("read_sector_map", &read_sector_map, py::arg("path"), gil_free());
  m.def("read_graphml", [](const std::string& path, bool self_loops) {
        return read_graphml(path, read_options{self_loops});
      }, py::arg("path"), py::arg("allow_self_loops") = false, gil_free());
  m.def("to_graphml", computed(&to_graphml), py::arg("net"));
  m.def("write_graphml", computed(&write_graphml), py::arg("net"), py::arg("path"));
  m.def("example_region", &example_region, gil_free());
  m.def("example_region_earlier", &example_region_earlier, gil_free());
  m.def("synthetic_region", [](std::size_t n_actors, std::size_t n_ties, std::vector<std::string> sectors,
                                double homophily, bool directed, bool weighted, bool with_bodies,
                                std::uint64_t seed, std::string region_id) {
        synthetic_options o;
        o.n_actors = n_actors;
        o.n_ties = n_ties;
        o.sectors = std::move(sectors);
        o.homophily = homophily;
        o.directed = directed;
        o.weighted = weighted;
        o.with_bodies = with_bodies;
        o.seed = seed;
        o.region_id = std::move(region_id);
        return synthetic_region(o);
      }, py::arg("n_actors"), py::arg("n_ties"), py::arg("sectors"), py::arg("homophily"), py::arg("directed"),
      py::arg("weighted"), py::arg("with_bodies"), py::arg("seed"), py::arg("region_id"), gil_free());
}

}  // namespace healthnet::bindings
