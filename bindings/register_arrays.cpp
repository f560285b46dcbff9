// SPDX-License-Identifier: MIT
// Bulk construction from numpy arrays and column export: no per-element
// Python work, the GIL released while the network is built.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <healthnet/network.hpp>

#include <pybind11/stl.h>

#include "common.hpp"

namespace healthnet::bindings {
namespace {

/// Copies a 1-d integer array into actor indices, rejecting negative values
/// and values that do not fit; any integer dtype is read without conversion.
template <class T>
void copy_indices(const py::array& a, const char* name, std::vector<vertex_index>& out) {
  const auto view = a.unchecked<T, 1>();
  out.resize(static_cast<std::size_t>(view.shape(0)));
  for (py::ssize_t i = 0; i < view.shape(0); ++i) {
    const T x = view(i);
    if constexpr (std::is_signed_v<T>) {
      if (x < 0) {
        throw invalid_input(field_location(std::string(name) + "[" + std::to_string(i) + "]"),
                            "actor index " + std::to_string(x) + " is negative");
      }
    }
    if (static_cast<std::uint64_t>(x) >= std::numeric_limits<vertex_index>::max()) {
      throw invalid_input(field_location(std::string(name) + "[" + std::to_string(i) + "]"),
                          "actor index " + std::to_string(x) + " is too large");
    }
    out[static_cast<std::size_t>(i)] = static_cast<vertex_index>(x);
  }
}

std::vector<vertex_index> indices_from_numpy(const py::array& a, const char* name) {
  if (a.ndim() != 1) throw invalid_input(field_location(name), "expected a 1-d array");
  std::vector<vertex_index> out;
  const char kind = a.dtype().kind();
  const auto size = a.dtype().itemsize();
  // Non-native byte order would be read as other numbers ([0, 1] as >i2 is
  // [0, 256] here): refuse it rather than guess (Python converts first).
  if (size > 1 && a.dtype().attr("byteorder").cast<std::string>() == ">") {
    throw invalid_input(field_location(name), "array is big-endian (dtype " + std::string(py::str(a.dtype())) +
                                                  "): convert with .astype(int) first");
  }
  if (kind == 'i' && size == 8) copy_indices<std::int64_t>(a, name, out);
  else if (kind == 'i' && size == 4) copy_indices<std::int32_t>(a, name, out);
  else if (kind == 'i' && size == 2) copy_indices<std::int16_t>(a, name, out);
  else if (kind == 'i' && size == 1) copy_indices<std::int8_t>(a, name, out);
  else if (kind == 'u' && size == 8) copy_indices<std::uint64_t>(a, name, out);
  else if (kind == 'u' && size == 4) copy_indices<std::uint32_t>(a, name, out);
  else if (kind == 'u' && size == 2) copy_indices<std::uint16_t>(a, name, out);
  else if (kind == 'u' && size == 1) copy_indices<std::uint8_t>(a, name, out);
  else throw invalid_input(field_location(name), "expected an integer array, got dtype " + std::string(py::str(a.dtype())));
  return out;
}

/// Strings of a 1-d numpy array of dtype 'U' (UCS-4, read from the buffer) or
/// object (str items), or of any Python sequence of str.
std::vector<std::string> strings_from_python(const py::handle& values, const char* name) {
  std::vector<std::string> out;
  if (py::isinstance<py::array>(values)) {
    const auto a = py::reinterpret_borrow<py::array>(values);
    if (a.ndim() != 1) throw invalid_input(field_location(name), "expected a 1-d array");
    if (a.dtype().kind() == 'U') {
      const auto width = static_cast<std::size_t>(a.dtype().itemsize()) / 4;
      const auto n = static_cast<std::size_t>(a.shape(0));
      out.resize(n);
      const auto* base = static_cast<const char*>(a.data());
      if (a.dtype().attr("byteorder").cast<std::string>() == ">") {
        throw invalid_input(field_location(name), "big-endian strings: convert with .astype('U') first");
      }
      for (std::size_t i = 0; i < n; ++i) {
        const auto* chars = reinterpret_cast<const char32_t*>(base + static_cast<std::size_t>(a.strides(0)) * i);
        std::string& s = out[i];
        std::size_t length = width;  // numpy pads with NUL: strip the padding only
        while (length > 0 && chars[length - 1] == 0) --length;
        for (std::size_t k = 0; k < length; ++k) {
          const char32_t c = chars[k];  // UTF-32 -> UTF-8
          if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
            throw invalid_input(field_location(std::string(name) + "[" + std::to_string(i) + "]"),
                                c == 0 ? std::string("contains a NUL character")
                                       : "is not valid Unicode (code point " + std::to_string(static_cast<std::uint32_t>(c)) + ")");
          }
          if (c < 0x80) {
            s.push_back(static_cast<char>(c));
          } else if (c < 0x800) {
            s.push_back(static_cast<char>(0xC0 | (c >> 6)));
            s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
          } else if (c < 0x10000) {
            s.push_back(static_cast<char>(0xE0 | (c >> 12)));
            s.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
          } else {
            s.push_back(static_cast<char>(0xF0 | (c >> 18)));
            s.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            s.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
          }
        }
      }
      return out;
    }
  }
  const auto seq = py::reinterpret_borrow<py::sequence>(values);
  out.reserve(seq.size());
  std::size_t i = 0;
  for (const auto& item : seq) {
    if (!py::isinstance<py::str>(item)) {
      throw invalid_input(field_location(std::string(name) + "[" + std::to_string(i) + "]"),
                          "expected a str, got " + std::string(py::str(py::type::of(item).attr("__name__"))));
    }
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(item.ptr(), &size);
    if (!utf8) {  // lone surrogates cannot be encoded
      PyErr_Clear();
      throw invalid_input(field_location(std::string(name) + "[" + std::to_string(i) + "]"),
                          "is not valid Unicode (a lone surrogate)");
    }
    out.emplace_back(utf8, static_cast<std::size_t>(size));
    ++i;
  }
  return out;
}

network network_from_arrays(const py::array& source, const py::array& target, bool directed,
                            const std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>>& weight,
                            const std::optional<py::array>& sector_codes, const std::vector<std::string>& sector_labels,
                            const py::object& actor_ids, std::optional<std::int64_t> n_actors) {
  std::vector<vertex_index> src = indices_from_numpy(source, "source");
  std::vector<vertex_index> dst = indices_from_numpy(target, "target");
  if (src.size() != dst.size()) {
    throw invalid_input(field_location("target"), "has " + std::to_string(dst.size()) + " entries but source has " +
                                                       std::to_string(src.size()));
  }
  if (weight && (weight->ndim() != 1 || static_cast<std::size_t>(weight->shape(0)) != src.size())) {
    throw invalid_input(field_location("weight"), "expected one weight per tie (" + std::to_string(src.size()) + ")");
  }
  std::vector<std::string> ids;
  if (!actor_ids.is_none()) ids = strings_from_python(actor_ids, "actor_ids");
  std::vector<vertex_index> codes;
  if (sector_codes) codes = indices_from_numpy(*sector_codes, "sector");

  // n: given, else the length of actor_ids or sector, else max index + 1.
  std::optional<std::size_t> n;
  const auto agree = [&n](std::size_t k, const char* what) {
    if (n && *n != k) {
      throw invalid_input(field_location(what), "has " + std::to_string(k) + " entries for " + std::to_string(*n) + " actors");
    }
    n = k;
  };
  if (n_actors) {
    if (*n_actors < 0) throw invalid_input(field_location("n_actors"), "is negative");
    n = static_cast<std::size_t>(*n_actors);
  }
  if (!actor_ids.is_none()) agree(ids.size(), "actor_ids");
  if (sector_codes) agree(codes.size(), "sector");
  std::size_t max_index_plus_one = 0;
  for (std::size_t i = 0; i < src.size(); ++i) {
    max_index_plus_one = std::max<std::size_t>(max_index_plus_one, std::max(src[i], dst[i]) + std::size_t{1});
  }
  if (!n) n = max_index_plus_one;
  if (max_index_plus_one > *n) {  // say where n came from, not just "out of range"
    const char* from = n_actors ? "n_actors" : !actor_ids.is_none() ? "actor_ids" : "sector";
    for (std::size_t i = 0; i < src.size(); ++i) {
      const bool bad_source = src[i] >= *n;
      if (bad_source || dst[i] >= *n) {
        throw invalid_input(field_location(std::string(bad_source ? "source" : "target") + "[" + std::to_string(i) + "]"),
                            "actor index " + std::to_string(bad_source ? src[i] : dst[i]) + " out of range: " + from +
                                " gives " + std::to_string(*n) + " actors");
      }
    }
  }
  for (const auto& code : codes) {
    if (code >= sector_labels.size()) throw invalid_input(field_location("sector"), "sector code out of range");
  }

  py::gil_scoped_release release;
  network net(directed ? directedness::directed : directedness::undirected);
  net.reserve(*n, src.size());
  for (std::size_t i = 0; i < *n; ++i) {
    actor a;
    a.id = ids.empty() ? std::to_string(i) : std::move(ids[i]);
    if (!codes.empty() && !sector_labels[codes[i]].empty()) a.sectors.push_back(sector_labels[codes[i]]);
    try {
      net.add_actor(std::move(a));
    } catch (const invalid_input& e) {
      throw invalid_input(field_location("actor_ids[" + std::to_string(i) + "]"), e.problem());
    }
  }
  std::span<const double> w;
  if (weight) w = {weight->data(), src.size()};
  net.add_ties(src, dst, w);
  return net;
}

}  // namespace

void register_arrays(py::module_& m) {
  m.def("_from_arrays", &network_from_arrays, py::arg("source"), py::arg("target"), py::arg("directed"),
        py::arg("weight"), py::arg("sector_codes"), py::arg("sector_labels"), py::arg("actor_ids"),
        py::arg("n_actors"), "Bulk constructor behind healthnet.from_arrays.");

  m.def(
      "_tie_arrays",
      [](const network& net) {
        read_access lock(net);
        const auto ends = net.tie_ends();
        std::vector<std::uint32_t> src(ends.size()), dst(ends.size());
        for (std::size_t i = 0; i < ends.size(); ++i) {
          src[i] = ends[i].first;
          dst[i] = ends[i].second;
        }
        std::vector<double> w(net.tie_weights().begin(), net.tie_weights().end());
        return py::make_tuple(to_numpy(std::move(src)), to_numpy(std::move(dst)), to_numpy(std::move(w)));
      },
      py::arg("net"), "Tie end points (actor indices) and weights as three numpy arrays, in tie order.");

  m.def(
      "_analysis_memory_bytes", [](const network& net) { read_access lock(net); return net.view()->memory_bytes(); }, py::arg("net"),
      "Bytes held by the cached analysis view (CSR arrays), building it if needed.");
}

}  // namespace healthnet::bindings
