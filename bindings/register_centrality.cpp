// SPDX-License-Identifier: MIT
// Centrality kernels. They release the GIL and return numpy arrays that own
// their memory; python/healthnet/_centrality.py wraps them in pandas objects
// and holds the public docstrings.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include <pybind11/stl.h>

#include <healthnet/centrality.hpp>

#include "common.hpp"

namespace healthnet::bindings {

namespace {

// Python ints may be negative: check them here so the message names the
// parameter (pybind11 would raise a TypeError for an unsigned C++ type).
std::size_t at_least_one(std::int64_t value, const char* name) {
  if (value < 1) throw invalid_input(field_location(name), "expected at least 1, got " + std::to_string(value));
  return static_cast<std::size_t>(value);
}

}  // namespace

void register_centrality(py::module_& m) {
  using gil_free = py::call_guard<py::gil_scoped_release>;

  m.def(
      "betweenness",
      [](const network& net, bool normalized, bool weighted, std::optional<std::int64_t> samples,
         std::optional<std::uint64_t> seed, std::int64_t threads,
         std::optional<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>> pivots) {
        read_access lock(net);
        betweenness_options options;
        options.normalized = normalized;
        options.weighted = weighted;
        if (samples) options.samples = at_least_one(*samples, "samples");
        options.seed = seed;
        if (pivots) {
          std::vector<vertex_index> p;
          p.reserve(static_cast<std::size_t>(pivots->size()));
          for (py::ssize_t i = 0; i < pivots->size(); ++i) {
            const std::int64_t x = pivots->data()[i];
            if (x < 0 || static_cast<std::uint64_t>(x) >= net.n_actors()) {
              throw invalid_input(field_location("pivots"), "actor index " + std::to_string(x) + " out of range (" +
                                                                std::to_string(net.n_actors()) + " actors)");
            }
            p.push_back(static_cast<vertex_index>(x));
          }
          options.pivots = std::move(p);
        }
        options.threads = static_cast<unsigned>(std::min<std::int64_t>(at_least_one(threads, "threads"), 1024));
        std::vector<double> values;
        values = interruptible([&] { return betweenness(net, options); });
        return to_numpy(std::move(values));
      },
      py::arg("net"), py::arg("normalized") = false, py::arg("weighted") = false, py::arg("samples") = py::none(),
      py::arg("seed") = py::none(), py::arg("threads") = 1, py::arg("pivots") = py::none());

  m.def(
      "closeness",
      [](const network& net, bool weighted, bool wf_improved, std::int64_t threads) {
        read_access lock(net);
        const auto t = static_cast<unsigned>(std::min<std::int64_t>(at_least_one(threads, "threads"), 1024));
        std::vector<double> values;
        values = interruptible([&] { return closeness(net, weighted, wf_improved, t); });
        return to_numpy(std::move(values));
      },
      py::arg("net"), py::arg("weighted") = false, py::arg("wf_improved") = true, py::arg("threads") = 1);

  m.def(
      "harmonic_closeness",
      [](const network& net, bool weighted, bool normalized) {
        read_access lock(net);
        std::vector<double> values;
        values = interruptible([&] { return harmonic_closeness(net, weighted, normalized); });
        return to_numpy(std::move(values));
      },
      py::arg("net"), py::arg("weighted") = false, py::arg("normalized") = false);

  m.def(
      "eigenvector_centrality",
      [](const network& net, bool weighted, std::int64_t max_iter, double tol) {
        read_access lock(net);
        const std::size_t iterations = at_least_one(max_iter, "max_iter");
        std::vector<double> values;
        values = interruptible([&] { return eigenvector_centrality(net, weighted, iterations, tol); });
        return to_numpy(std::move(values));
      },
      py::arg("net"), py::arg("weighted") = false, py::arg("max_iter") = 1000, py::arg("tol") = 1e-10);

  m.def(
      "pagerank",
      [](const network& net, double alpha, bool weighted, std::int64_t max_iter, double tol) {
        read_access lock(net);
        const std::size_t iterations = at_least_one(max_iter, "max_iter");
        std::vector<double> values;
        values = interruptible([&] { return pagerank(net, alpha, weighted, iterations, tol); });
        return to_numpy(std::move(values));
      },
      py::arg("net"), py::arg("alpha") = 0.85, py::arg("weighted") = true, py::arg("max_iter") = 1000,
      py::arg("tol") = 1e-12);

  m.def(
      "degree_centralization",
      [](const network& net, const std::string& mode) {
        read_access lock(net);
        const degree_mode dm = parse_degree_mode(mode);
        py::gil_scoped_release release;
        return degree_centralization(net, dm);
      },
      py::arg("net"), py::arg("mode") = "all");
  m.def("betweenness_centralization", computed(&betweenness_centralization), py::arg("net"));
  m.def(
      "closeness_centralization",
      [](const network& net, const std::string& mode) {
        read_access lock(net);
        const degree_mode dm = parse_degree_mode(mode);
        py::gil_scoped_release release;
        return closeness_centralization(net, dm);
      },
      py::arg("net"), py::arg("mode") = "in");
  m.def(
      "eigenvector_centralization",
      [](const network& net, std::int64_t max_iter, double tol) {
        read_access lock(net);
        const std::size_t iterations = at_least_one(max_iter, "max_iter");
        py::gil_scoped_release release;
        return eigenvector_centralization(net, iterations, tol);
      },
      py::arg("net"), py::arg("max_iter") = 1000, py::arg("tol") = 1e-10);
}

}  // namespace healthnet::bindings
