// SPDX-License-Identifier: MIT
// healthnet._core: the compiled part of the Python package.
#include <healthnet/error.hpp>
#include <healthnet/version.hpp>

#include "common.hpp"

PYBIND11_MODULE(_core, m) {
  using namespace healthnet::bindings;
  m.doc() = "Compiled core of healthnet; use the public package `healthnet` instead.";
  m.attr("__version__") = healthnet::version;

  // invalid_input derives from std::invalid_argument -> ValueError without
  // glue. not_found and file_error need the Python types the design promises.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const healthnet::not_found& e) {
      PyErr_SetString(PyExc_KeyError, e.what());
    } catch (const healthnet::file_error& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    }
  });

  register_model(m);
  register_io(m);
  register_metrics(m);
  register_centrality(m);
  register_components(m);
  register_cohesion(m);
  register_sectors(m);
  register_scoring(m);
  register_interop(m);
  register_display(m);
  register_arrays(m);
  register_response(m);
  register_quality(m);
  register_sensitivity(m);
}
