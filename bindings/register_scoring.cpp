// SPDX-License-Identifier: MIT
// Scorecards and their evaluation. Public docstrings: python/healthnet/_scoring.py.
#include <pybind11/stl.h>

#include <healthnet/compare.hpp>
#include <healthnet/report.hpp>
#include <healthnet/scorecard.hpp>
#include <healthnet/detail/file_io.hpp>

#include "common.hpp"

namespace healthnet::bindings {

namespace {

py::dict result_to_python(scorecard_result r) {
  py::dict d;
  d["scorecard"] = r.scorecard_id;
  d["region_id"] = r.region_id;
  d["region_name"] = r.region_name;
  d["lang"] = r.lang;
  d["total"] = r.total;
  py::list rows;
  for (const auto& row : r.rows) {
    py::dict x;
    x["indicator"] = row.id;
    x["kind"] = row.kind;
    x["label"] = row.label;
    x["value"] = row.value;
    x["target"] = row.target;
    x["score"] = row.score;
    x["weight"] = row.weight;
    x["passed"] = row.passed;
    x["explanation"] = row.explanation;
    x["source"] = row.source;
    rows.append(x);
  }
  d["rows"] = rows;
  d["_data"] = py::cast(std::move(r));  // the C++ result: to_json() serializes it (strict JSON)
  return d;
}

}  // namespace

void register_scoring(py::module_& m) {
  py::class_<scorecard_result>(m, "_ScorecardResultData", "The C++ scorecard result behind healthnet.ScorecardResult.")
      .def(
          "to_json", [](const scorecard_result& r, int indent) { return to_json(r, indent); }, py::arg("indent") = 2,
          "The result as strict JSON (NaN and infinities as null), the same text as the CLI writes.");
  py::class_<scorecard>(m, "ScorecardData", "A parsed scorecard (use healthnet.Scorecard).")
      .def_readonly("id", &scorecard::id)
      .def_property_readonly("name_de", [](const scorecard& c) { return c.name.de; })
      .def_property_readonly("name_en", [](const scorecard& c) { return c.name.en; })
      .def_readonly("programme", &scorecard::programme)
      .def_readonly("source", &scorecard::source)
      .def_property_readonly("indicator_ids", [](const scorecard& c) {
        std::vector<std::string> ids;
        for (const auto& i : c.indicators) ids.push_back(i.id);
        return ids;
      })
      .def_property_readonly("rule_ids", [](const scorecard& c) {
        std::vector<std::string> ids;
        for (const auto& r : c.rules) ids.push_back(r.id);
        return ids;
      })
      .def("to_json", [](const scorecard& c) { return to_json(c); });
  // Sectors are checked against `taxonomy` (None: the built-in one).
  m.def("load_scorecard", [](const std::string& id_or_path, const std::optional<taxonomy>& tax) {
        return load_scorecard(id_or_path, tax ? *tax : taxonomy::builtin());
      }, py::arg("id_or_path"), py::arg("taxonomy") = py::none(), py::call_guard<py::gil_scoped_release>());
  m.def("parse_scorecard", [](std::string_view text, const std::string& origin, const std::optional<taxonomy>& tax) {
        return parse_scorecard(text, origin, tax ? *tax : taxonomy::builtin());
      }, py::arg("text"), py::arg("origin") = "<scorecard>", py::arg("taxonomy") = py::none(),
        py::call_guard<py::gil_scoped_release>());
  m.def("builtin_scorecard_ids", &builtin_scorecard_ids);
  m.def("evaluate_scorecard", [](const scorecard& card, const network& net, const std::string& lang) {
        read_access lock(net);
        scorecard_result r;
        {
          py::gil_scoped_release release;
          r = evaluate(card, net, lang);
        }
        return result_to_python(r);
      }, py::arg("card"), py::arg("net"), py::arg("lang") = "en");
  m.def("evaluate_scorecard_many", [](const scorecard& card, const std::vector<const network*>& nets,
                                      const std::string& lang) {
        std::vector<scorecard_result> results(nets.size());
        std::vector<std::unique_ptr<read_access>> locks;
        for (const network* n : nets) locks.push_back(std::make_unique<read_access>(*n));
        {
          py::gil_scoped_release release;
          for (std::size_t i = 0; i < nets.size(); ++i) results[i] = evaluate(card, *nets[i], lang);
        }
        py::list out;
        for (const auto& r : results) out.append(result_to_python(r));
        return out;
      }, py::arg("card"), py::arg("nets"), py::arg("lang") = "en");
  m.def("compare", [](const network& before, const network& after) {
        read_access lock_before(before);
        read_access lock_after(after);
        wave_comparison c;
        {
          py::gil_scoped_release release;
          c = compare(before, after);
        }
        py::dict d;
        d["joined"] = c.joined;
        d["left"] = c.left;
        d["actors_kept"] = c.actors_kept;
        d["ties_formed"] = c.ties_formed;
        d["ties_dissolved"] = c.ties_dissolved;
        d["ties_kept"] = c.ties_kept;
        py::list changed;
        for (const auto& t : c.ties_changed) {
          changed.append(py::make_tuple(t.source, t.target, t.relations_added, t.relations_removed, t.weight_before,
                                        t.weight_after));
        }
        d["ties_changed"] = changed;
        py::list metrics;
        for (const auto& m : c.metrics) metrics.append(py::make_tuple(m.name, m.before, m.after, m.delta));
        d["metrics"] = metrics;
        d["sectors_newly_connected"] = c.sectors_newly_connected;
        d["sectors_disconnected"] = c.sectors_disconnected;
        d["sectors_newly_present"] = c.sectors_newly_present;
        return d;
      }, py::arg("before"), py::arg("after"));
  m.def("render_report", [](const network& net, const std::string& format, const std::string& lang,
                            const std::optional<scorecard>& card, const network* earlier, std::uint64_t seed,
                            std::vector<std::string> reading_notes) {
        read_access lock(net);
        if (format != "html" && format != "md" && format != "json") {
          throw invalid_input(field_location("format"), "expected 'html', 'md' or 'json', got '" + format + "'");
        }
        report_options options;
        options.lang = lang;
        options.card = card;
        options.earlier = earlier;
        options.seed = seed;
        options.reading_notes = std::move(reading_notes);
        std::optional<read_access> lock_earlier;
        if (earlier) lock_earlier.emplace(*earlier);
        py::gil_scoped_release release;
        return format == "html" ? render_report_html(net, options)
               : format == "md" ? render_report_markdown(net, options)
                                : render_report_json(net, options);
      }, py::arg("net"), py::arg("format") = "html", py::arg("lang") = "de", py::arg("card") = py::none(),
      py::arg("earlier") = py::none(), py::arg("seed") = 1, py::arg("reading_notes") = std::vector<std::string>{});
  m.def("report_format", [](const std::string& path, const std::string& format) {
        return report_format_for(path, format);
      }, py::arg("path"), py::arg("format"), "The report format for a path (healthnet::report_format_for).");
  m.def("write_text_atomically", [](const std::string& path, const std::string& text) {
        detail::write_file_atomically(path, text);
      }, py::arg("path"), py::arg("text"), py::call_guard<py::gil_scoped_release>());
  m.def("scorecard_result_json", [](const scorecard& card, const network& net, const std::string& lang) {
        read_access lock(net);
        py::gil_scoped_release release;
        return to_json(evaluate(card, net, lang));
      }, py::arg("card"), py::arg("net"), py::arg("lang") = "en");
}

}  // namespace healthnet::bindings
