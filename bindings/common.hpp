// SPDX-License-Identifier: MIT
// Shared pybind11 helpers: attribute conversion, zero-copy numpy arrays,
// interruptible kernels.
#pragma once

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <healthnet/attributes.hpp>
#include <healthnet/error.hpp>
#include <healthnet/interrupt.hpp>
#include <healthnet/network.hpp>

namespace healthnet::bindings {

namespace py = pybind11;

// ---- threads: one network shared by Python threads (docs/limits.md) --------
//
// Every binding call holds network::access_mutex(): shared while it reads
// (with the GIL released for the computation), exclusive while it changes
// the network. Two rules make this free of deadlocks with the GIL: no thread
// waits for the network lock while it holds the GIL (try first, else release
// the GIL and wait), and a change never calls Python while it holds the lock.
// So a computation runs to its end while another thread changes the network
// afterwards, and many threads may read at once.

namespace detail_threads {
/// The networks this thread reads at the moment (a few entries at most).
inline std::vector<const network*>& reading_here() {
  thread_local std::vector<const network*> held;
  return held;
}
}  // namespace detail_threads

/// Shared access to `net` for the lifetime of this object.
class read_access {
 public:
  explicit read_access(const network& net) : m_net(&net) {
    auto& held = detail_threads::reading_here();
    // Nested reads on one thread (a == a, a callback reading its network)
    // share the outer lock: std::shared_mutex must not be locked twice.
    m_locked = std::find(held.begin(), held.end(), m_net) == held.end();
    if (m_locked && !net.access_mutex().try_lock_shared()) {
      py::gil_scoped_release release;
      net.access_mutex().lock_shared();
    }
    held.push_back(m_net);
  }
  read_access(const read_access&) = delete;
  read_access& operator=(const read_access&) = delete;
  ~read_access() {
    auto& held = detail_threads::reading_here();
    for (auto it = held.rbegin(); it != held.rend(); ++it) {
      if (*it == m_net) {
        held.erase(std::next(it).base());
        break;
      }
    }
    if (m_locked) m_net->access_mutex().unlock_shared();
  }

 private:
  const network* m_net;
  bool m_locked{false};
};

/// Exclusive access to `net` for a change. Raises RuntimeError when this
/// thread is reading the same network (a callback of subnetwork or
/// filter_ties that changes it), which would otherwise wait for itself.
class write_access {
 public:
  explicit write_access(network& net) : m_net(&net) {
    for (const network* held : detail_threads::reading_here()) {
      if (held == m_net) {
        throw std::runtime_error("cannot change a network while this thread reads it (a callback must not change it)");
      }
    }
    if (!net.access_mutex().try_lock()) {
      py::gil_scoped_release release;
      net.access_mutex().lock();
    }
  }
  write_access(const write_access&) = delete;
  write_access& operator=(const write_access&) = delete;
  ~write_access() { m_net->access_mutex().unlock(); }

 private:
  network* m_net;
};

/// A computation on `net`: shared access, then the GIL released. On exit the
/// GIL is taken back first, then the lock is released.
class computing {
 public:
  explicit computing(const network& net) : m_access(net) {}

 private:
  read_access m_access;
  py::gil_scoped_release m_release;
};

/// Binds `fn(net, args...)` as a computation (shared access, GIL released).
template <class R, class... Args>
auto computed(R (*fn)(const network&, Args...)) {
  return [fn](const network& net, Args... args) -> R {
    computing scope(net);
    return fn(net, std::forward<Args>(args)...);
  };
}

/// Binds a const member of network under shared access, with the GIL held
/// (cheap queries). The result is copied while the lock is held.
template <class R, class... Args>
auto reader(R (network::*fn)(Args...) const) {
  return [fn](const network& net, Args... args) -> std::remove_cvref_t<R> {
    read_access lock(net);
    return (net.*fn)(std::forward<Args>(args)...);
  };
}
template <class R, class... Args>
auto reader(R (network::*fn)(Args...) const noexcept) {
  return [fn](const network& net, Args... args) -> std::remove_cvref_t<R> {
    read_access lock(net);
    return (net.*fn)(std::forward<Args>(args)...);
  };
}

/// Binds a changing member of network under exclusive access.
template <class R, class... Args>
auto writer(R (network::*fn)(Args...)) {
  return [fn](network& net, Args... args) -> std::remove_cvref_t<R> {
    write_access lock(net);
    return (net.*fn)(std::forward<Args>(args)...);
  };
}
template <class R, class... Args>
auto writer(R (network::*fn)(Args...) noexcept) {
  return [fn](network& net, Args... args) -> std::remove_cvref_t<R> {
    write_access lock(net);
    return (net.*fn)(std::forward<Args>(args)...);
  };
}

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

/// An actor id as Python code passes it: a str, or an int (also a numpy
/// integer, never a bool) meaning its decimal text, so `net.actor(101)` finds
/// the actor "101" of a network read with integer ids. A float raises
/// TypeError saying to pass an int or a str (101.0 is not silently 101).
struct actor_id_arg {
  std::string text;
  operator std::string_view() const noexcept { return text; }  // NOLINT: used where ids are string_view
  operator const std::string&() const noexcept { return text; }  // NOLINT
};

/// The text of an actor id given from Python (see actor_id_arg), or nothing
/// when `obj` is neither str nor int. @throws py::type_error for bool and float.
std::optional<std::string> actor_id_text(const py::handle& obj);

/// Actor ids out to Python: ints when the network has integer ids, else str.
py::object actor_id_to_python(const network& net, const std::string& id);

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
void register_response(py::module_& m);
void register_quality(py::module_& m);
void register_sensitivity(py::module_& m);

}  // namespace healthnet::bindings

namespace pybind11::detail {

/// Loads healthnet::bindings::actor_id_arg from str or int (see there).
template <>
struct type_caster<healthnet::bindings::actor_id_arg> {
  PYBIND11_TYPE_CASTER(healthnet::bindings::actor_id_arg, const_name("str | int"));
  bool load(handle src, bool /*convert*/) {
    auto text = healthnet::bindings::actor_id_text(src);
    if (!text) return false;
    value.text = std::move(*text);
    return true;
  }
  static handle cast(const healthnet::bindings::actor_id_arg& id, return_value_policy, handle) {
    return pybind11::str(id.text).release();
  }
};

}  // namespace pybind11::detail
