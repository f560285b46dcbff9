// SPDX-License-Identifier: MIT
// Shared pybind11 helpers: attribute conversion, zero-copy numpy arrays,
// interruptible kernels.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <healthnet/attributes.hpp>
#include <healthnet/error.hpp>
#include <healthnet/interrupt.hpp>
#include <healthnet/network.hpp>

namespace healthnet::bindings {

namespace py = pybind11;

/// Moves a vector into a numpy array that owns it (no element copy).
template <class T>
py::array_t<T> to_numpy(std::vector<T>&& values) {
  auto* owned = new std::vector<T>(std::move(values));
  py::capsule free_when_done(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({owned->size()}, {sizeof(T)}, owned->data(), free_when_done);
}

/// Runs `f()` with the GIL released, interruptible by Ctrl-C: the kernel's
/// interruption check (healthnet/interrupt.hpp) re-acquires the GIL and calls
/// PyErr_CheckSignals() at most every 100 ms, on this thread only; when a
/// signal handler raised (KeyboardInterrupt), the kernel stops with
/// `interrupted` and that Python exception is re-raised here.
template <class F>
auto interruptible(F&& f) {
  struct state {
    std::chrono::steady_clock::time_point next;
    bool raised{false};
  } st{std::chrono::steady_clock::now() + std::chrono::milliseconds(100)};
  constexpr interrupt_function check = [](void* p) -> bool {
    auto& s = *static_cast<state*>(p);
    const auto now = std::chrono::steady_clock::now();
    if (now < s.next) return false;
    s.next = now + std::chrono::milliseconds(100);
    py::gil_scoped_acquire gil;
    s.raised = PyErr_CheckSignals() != 0;  // the exception stays set for error_already_set
    return s.raised;
  };
  try {
    py::gil_scoped_release release;
    const interrupt_scope scope(check, &st);
    return f();
  } catch (const interrupted&) {
    if (st.raised) throw py::error_already_set();
    throw;
  }
}

/// A Python dict of str -> bool | int | float | str (numpy scalars too).
/// @throws py::type_error naming the key for other values.
attribute_map attributes_from_python(const py::handle& dict, const char* what);
py::dict attributes_to_python(const attribute_map& attrs);
py::object attribute_to_python(const attribute_value& value);

/// "all", "in" or "out". @throws invalid_input naming `mode` otherwise.
degree_mode parse_degree_mode(const std::string& mode);

void register_model(py::module_& m);
void register_io(py::module_& m);
void register_metrics(py::module_& m);
void register_centrality(py::module_& m);
void register_components(py::module_& m);
void register_cohesion(py::module_& m);
void register_sectors(py::module_& m);
void register_scoring(py::module_& m);
void register_interop(py::module_& m);
void register_display(py::module_& m);
void register_arrays(py::module_& m);

}  // namespace healthnet::bindings
