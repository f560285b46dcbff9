// SPDX-License-Identifier: MIT
// Layout, network SVG and the sector palette for Jupyter display and
// healthnet.plot. Public docstrings: python/healthnet/_display.py, plot.py.
#include <string>
#include <utility>
#include <vector>

#include <pybind11/stl.h>

#include <healthnet/layout.hpp>
#include <healthnet/svg.hpp>

#include "common.hpp"

namespace healthnet::bindings {

namespace {

layout_method parse_layout_method(const std::string& method) {
  if (method == "auto") return layout_method::automatic;
  if (method == "force_directed") return layout_method::force_directed;
  if (method == "sector_circle") return layout_method::sector_circle;
  throw invalid_input(field_location("layout"),
                      "expected 'auto', 'force_directed' or 'sector_circle', got '" + method + "'");
}

/// Positions as an (n, 2) float64 array of x, y in the unit square.
py::array_t<double> layout_array(const network& net, std::uint64_t seed, const std::string& method,
                                 std::size_t force_directed_limit) {
  read_access lock(net);
  layout_options options;
  options.seed = seed;
  options.method = parse_layout_method(method);
  options.force_directed_limit = force_directed_limit;
  std::vector<layout_point> points;
  {
    py::gil_scoped_release release;
    points = network_layout(net, options);
  }
  py::array_t<double> out({static_cast<py::ssize_t>(points.size()), py::ssize_t{2}});
  auto view = out.mutable_unchecked<2>();
  for (std::size_t i = 0; i < points.size(); ++i) {
    view(static_cast<py::ssize_t>(i), 0) = points[i].x;
    view(static_cast<py::ssize_t>(i), 1) = points[i].y;
  }
  return out;
}

std::string svg_from_positions(const network& net, const py::array_t<double, py::array::c_style | py::array::forcecast>& xy,
                               const std::string& lang, const std::string& id) {
  read_access lock(net);
  if (xy.ndim() != 2 || xy.shape(1) != 2) {
    throw invalid_input(field_location("positions"), "expected an array of shape (n_actors, 2)");
  }
  const auto view = xy.unchecked<2>();
  std::vector<layout_point> points(static_cast<std::size_t>(xy.shape(0)));
  for (std::size_t i = 0; i < points.size(); ++i) {
    points[i] = {view(static_cast<py::ssize_t>(i), 0), view(static_cast<py::ssize_t>(i), 1)};
  }
  svg_options options;
  options.lang = lang;
  options.id = id;
  py::gil_scoped_release release;
  return network_svg(net, points, options);
}

}  // namespace

void register_display(py::module_& m) {
  m.def("_network_layout", &layout_array, py::arg("net"), py::arg("seed") = 1, py::arg("method") = "auto",
        py::arg("force_directed_limit") = 2000,
        "Actor positions (n, 2) in the unit square, y downwards (healthnet::network_layout).");
  m.def("_network_svg", &svg_from_positions, py::arg("net"), py::arg("positions"), py::arg("lang") = "en",
        py::arg("id") = "", "The network drawing of the report as SVG text (healthnet::network_svg).");
  m.def(
      "_sector_colours",
      [](const taxonomy& tax) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& s : tax.sectors()) out.emplace_back(s.id, std::string(sector_colour(tax, s.id)));
        return out;
      },
      py::arg("taxonomy"), "(sector id, colour) in taxonomy order: the palette of healthnet::sector_colour.");
  m.attr("_NO_SECTOR_COLOUR") = std::string(no_sector_colour);
}

}  // namespace healthnet::bindings
