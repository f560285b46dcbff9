// SPDX-License-Identifier: MIT
// Columns in and out: export behind Network.actors_frame(), ties_frame(),
// to_networkx() and to_igraph(), and the builder behind from_pandas(),
// from_networkx() and from_igraph(). One call moves whole columns, so a
// 1M-actor network costs no per-actor binding call. Docstrings: the two
// Network methods here, the public functions in python/healthnet/_interop.py.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <pybind11/stl.h>

#include <healthnet/detail/integer_text.hpp>

#include <healthnet/network.hpp>

#include <healthnet/detail/reading.hpp>

#include "common.hpp"
#include "reading.hpp"

namespace healthnet::bindings {

namespace {

/// One Python str per distinct value, for columns with few distinct values
/// (sectors, types): saves an allocation per cell.
class str_cache {
 public:
  py::str operator()(const std::string& s) {
    auto it = m_cache.find(s);
    if (it == m_cache.end()) it = m_cache.emplace(s, py::str(s)).first;
    return it->second;
  }

 private:
  std::unordered_map<std::string, py::str, detail::keyed_string_hash> m_cache;
};

/// The attributes of `n` rows as columns, one per key (keys sorted). Each is
/// a tuple (key, kind, values, missing):
///   kind "float": values float64 array, missing bool array;
///   kind "int":   values int64 array, missing bool array;
///   kind "bool":  values bool array, missing bool array;
///   kind "str":   values list of str or None, missing None;
///   kind "mixed": values list of bool/int/float/str or None, missing None
///                 (also ints and floats together, so that each value keeps
///                 its type through a frame or networkx graph and back).
template <class RowAttributes>
py::list attribute_columns(std::size_t n, RowAttributes row) {
  // Which alternatives occur per key: bit 0 bool, 1 double, 2 string, 3 int64.
  constexpr unsigned boolean = 1U, real = 2U, integer = 8U;
  std::map<std::string, unsigned, std::less<>> kinds;
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& [k, v] : row(i)) {
      auto it = kinds.find(k);
      if (it == kinds.end()) it = kinds.emplace(k, 0U).first;
      it->second |= 1U << v.index();
    }
  }
  py::list out;
  for (const auto& [key, mask] : kinds) {
    if (mask == boolean || mask == real || mask == integer) {
      py::array_t<bool> missing(static_cast<py::ssize_t>(n));
      bool* miss = missing.mutable_data();
      if (mask == integer) {
        py::array_t<std::int64_t> values(static_cast<py::ssize_t>(n));
        std::int64_t* val = values.mutable_data();
        for (std::size_t i = 0; i < n; ++i) {
          const auto& attrs = row(i);
          const auto it = attrs.find(key);
          miss[i] = it == attrs.end();
          val[i] = miss[i] ? 0 : std::get<std::int64_t>(it->second);
        }
        out.append(py::make_tuple(key, "int", values, missing));
      } else if (mask == real) {
        py::array_t<double> values(static_cast<py::ssize_t>(n));
        double* val = values.mutable_data();
        for (std::size_t i = 0; i < n; ++i) {
          const auto& attrs = row(i);
          const auto it = attrs.find(key);
          miss[i] = it == attrs.end();
          val[i] = miss[i] ? 0.0 : std::get<double>(it->second);
        }
        out.append(py::make_tuple(key, "float", values, missing));
      } else {
        py::array_t<bool> values(static_cast<py::ssize_t>(n));
        bool* val = values.mutable_data();
        for (std::size_t i = 0; i < n; ++i) {
          const auto& attrs = row(i);
          const auto it = attrs.find(key);
          miss[i] = it == attrs.end();
          val[i] = !miss[i] && std::get<bool>(it->second);
        }
        out.append(py::make_tuple(key, "bool", values, missing));
      }
      continue;
    }
    py::list values(n);
    str_cache text;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& attrs = row(i);
      const auto it = attrs.find(key);
      if (it == attrs.end()) {
        values[i] = py::none();
      } else if (const auto* str = std::get_if<std::string>(&it->second)) {
        values[i] = text(*str);
      } else {
        values[i] = attribute_to_python(it->second);
      }
    }
    out.append(py::make_tuple(key, mask == 4U ? "str" : "mixed", values, py::none()));
  }
  return out;
}

py::dict actor_columns(const network& net) {
  read_access lock(net);  // Python objects are made while the network is read
  const auto actors = net.actors();
  const std::size_t n = actors.size();
  py::list name(n), type(n), sector(n), sectors(n);
  const bool integer_ids = net.id_kind() == id_kind::integer;
  py::list id(integer_ids ? 0 : n);
  std::vector<std::int64_t> integer_id(integer_ids ? n : 0);
  str_cache labels;
  bool any_location = false;
  bool any_respondent = false;
  for (std::size_t i = 0; i < n; ++i) {
    const actor& a = actors[i];
    if (integer_ids) {
      integer_id[i] = *healthnet::detail::parse_canonical_integer(a.id);  // set_id_kind checked every id
    } else {
      id[i] = py::str(a.id);
    }
    name[i] = py::str(a.name);
    type[i] = labels(a.type);
    sector[i] = a.sectors.empty() ? py::object(py::none()) : py::object(labels(a.sectors.front()));
    py::list s(a.sectors.size());
    for (std::size_t k = 0; k < a.sectors.size(); ++k) s[k] = labels(a.sectors[k]);
    sectors[i] = std::move(s);
    any_location = any_location || a.location.has_value();
    any_respondent = any_respondent || a.respondent.has_value();
  }
  py::dict out;
  out["id"] = integer_ids ? py::object(to_numpy(std::move(integer_id))) : py::object(id);
  out["name"] = name;
  out["type"] = type;
  out["sector"] = sector;
  out["sectors"] = sectors;
  if (any_location) {
    // (lat, lon, missing), missing where an actor has no location.
    py::array_t<double> lat(static_cast<py::ssize_t>(n)), lon(static_cast<py::ssize_t>(n));
    py::array_t<bool> missing(static_cast<py::ssize_t>(n));
    double* la = lat.mutable_data();
    double* lo = lon.mutable_data();
    bool* miss = missing.mutable_data();
    for (std::size_t i = 0; i < n; ++i) {
      const auto& loc = actors[i].location;
      miss[i] = !loc.has_value();
      la[i] = loc ? loc->lat : 0.0;
      lo[i] = loc ? loc->lon : 0.0;
    }
    out["location"] = py::make_tuple(lat, lon, missing);
  } else {
    out["location"] = py::none();
  }
  if (any_respondent) {  // True, False or None per actor
    py::list respondent(n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& r = actors[i].respondent;
      respondent[i] = r ? py::object(py::bool_(*r)) : py::object(py::none());
    }
    out["respondent"] = std::move(respondent);
  } else {
    out["respondent"] = py::none();
  }
  out["attributes"] = attribute_columns(n, [&](std::size_t i) -> const attribute_map& { return actors[i].attributes; });
  return out;
}

py::dict tie_columns(const network& net) {
  read_access lock(net);
  const std::size_t m = net.n_ties();
  const auto ends = net.tie_ends();
  std::vector<std::uint32_t> source(m), target(m);
  std::vector<double> weight(m);
  py::list relations(m), since(m);
  std::vector<const attribute_map*> attributes(m);
  // Ties mostly share a few relation sets: build each tuple once.
  std::unordered_map<std::string, py::tuple, detail::keyed_string_hash> tuples;
  str_cache dates;
  std::string key;
  std::size_t i = 0;
  for (const auto& t : net.ties()) {
    source[i] = ends[i].first;
    target[i] = ends[i].second;
    weight[i] = t.weight;
    key.clear();
    for (const auto& r : t.relations) {
      key += r;
      key += '\x1f';
    }
    auto it = tuples.find(key);
    if (it == tuples.end()) {
      py::tuple tup(t.relations.size());
      std::size_t k = 0;
      for (const auto& r : t.relations) tup[k++] = py::str(r);
      it = tuples.emplace(key, std::move(tup)).first;
    }
    relations[i] = it->second;
    since[i] = t.since ? py::object(dates(*t.since)) : py::object(py::none());
    attributes[i] = &t.attributes;
    ++i;
  }
  py::dict out;
  out["source"] = to_numpy(std::move(source));
  out["target"] = to_numpy(std::move(target));
  out["weight"] = to_numpy(std::move(weight));
  out["relations"] = relations;
  out["since"] = since;
  out["attributes"] = attribute_columns(m, [&](std::size_t k) -> const attribute_map& { return *attributes[k]; });
  return out;
}

/// One attribute column as given to network_from_columns (the format
/// attribute_columns() returns), read into C++ values.
struct attribute_column {
  std::string key;
  std::vector<std::optional<attribute_value>> values;
};

std::vector<attribute_column> attribute_columns_from_python(const py::list& columns, std::size_t n, const char* what) {
  std::vector<attribute_column> out;
  for (const auto& item : columns) {
    const auto col = item.cast<py::tuple>();
    attribute_column c{col[0].cast<std::string>(), {}};
    const auto kind = col[1].cast<std::string>();
    c.values.resize(n);
    if (kind == "float" || kind == "bool" || kind == "int") {
      const auto missing = col[3].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
      if (static_cast<std::size_t>(missing.size()) != n) throw invalid_input(field_location(what), "attribute column of wrong length");
      const bool* miss = missing.data();
      if (kind == "int") {
        const auto values = col[2].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
        const std::int64_t* v = values.data();
        for (std::size_t i = 0; i < n; ++i) {
          if (!miss[i]) c.values[i] = v[i];
        }
      } else if (kind == "float") {
        const auto values = col[2].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
        const double* v = values.data();
        for (std::size_t i = 0; i < n; ++i) {
          if (!miss[i]) c.values[i] = v[i];
        }
      } else {
        const auto values = col[2].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
        const bool* v = values.data();
        for (std::size_t i = 0; i < n; ++i) {
          if (!miss[i]) c.values[i] = v[i];
        }
      }
    } else {
      const auto values = col[2].cast<py::list>();
      if (values.size() != n) throw invalid_input(field_location(what), "attribute column of wrong length");
      for (std::size_t i = 0; i < n; ++i) {
        const py::handle v = values[i];
        if (v.is_none()) continue;
        if (PyBool_Check(v.ptr())) {
          c.values[i] = v.cast<bool>();
        } else if (PyFloat_Check(v.ptr())) {
          c.values[i] = v.cast<double>();
        } else if (PyLong_Check(v.ptr())) {
          c.values[i] = v.cast<std::int64_t>();  // the Python layer checked the range
        } else {
          c.values[i] = v.cast<std::string>();
        }
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

attribute_map row_attributes(const std::vector<attribute_column>& columns, std::size_t i) {
  attribute_map out;
  for (const auto& c : columns) {
    if (c.values[i]) out.emplace(c.key, *c.values[i]);
  }
  return out;
}

/// `what[i].field: problem`, so Python can name the row and the column.
[[noreturn]] void rethrow_at(const invalid_input& e, const char* what, std::size_t i) {
  throw invalid_input(field_location(std::string(what) + "[" + std::to_string(i) + "]." + e.where().field), e.problem());
}

/// Builds a network from normalised columns (see healthnet/_interop.py,
/// _build): ids, names, types, sector lists, locations and attribute columns
/// of the actors; end ids, weights (NaN: a blank cell), relation lists, dates
/// and attribute columns of the ties, read with the shared rules
/// (healthnet/reading.hpp; `rules` is None for the graph converters, which
/// keep sectors as they are). Problems name `actors[i].field` or
/// `ties[j].field`, and the first is thrown (invalid_input -> ValueError)
/// saying how many more there are. Returns (network, notes).
py::tuple network_from_columns(bool directed, bool allow_self_loops, const std::vector<std::string>& ids,
                               const std::vector<std::string>& names, const std::vector<std::string>& types,
                               const std::vector<std::vector<std::string>>& sectors, const py::object& location,
                               const py::list& actor_attributes, const std::vector<std::string>& source,
                               const std::vector<std::string>& target,
                               const py::array_t<double, py::array::c_style | py::array::forcecast>& weight,
                               const std::vector<std::vector<std::string>>& relations,
                               const std::vector<std::optional<std::string>>& since, const py::list& tie_attributes,
                               const py::object& rules_dict, const py::object& tax,
                               bool integer_ids) {
  const std::size_t n = ids.size();
  const std::size_t m = source.size();
  if (names.size() != n || types.size() != n || sectors.size() != n || target.size() != m ||
      static_cast<std::size_t>(weight.size()) != m || relations.size() != m || since.size() != m) {
    throw invalid_input("columns of different lengths");
  }
  std::vector<std::optional<geo_point>> locations(n);
  if (!location.is_none()) {
    const auto t = location.cast<py::tuple>();
    const auto lat = t[0].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
    const auto lon = t[1].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
    const auto missing = t[2].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
    for (std::size_t i = 0; i < n; ++i) {
      if (!missing.data()[i]) locations[i] = geo_point{lat.data()[i], lon.data()[i]};
    }
  }
  const auto actor_attrs = attribute_columns_from_python(actor_attributes, n, "actor attributes");
  const auto tie_attrs = attribute_columns_from_python(tie_attributes, m, "tie attributes");
  const double* w = weight.data();
  const bool resolve = !rules_dict.is_none();
  const table_rules rules = resolve ? table_rules_from(rules_dict.cast<py::dict>()) : table_rules{};
  const std::optional<taxonomy> vocabulary = tax.is_none() ? std::nullopt : std::optional<taxonomy>(tax.cast<taxonomy>());

  std::vector<data_note> notes;
  network net = [&] {
    py::gil_scoped_release release;
    network out(directed ? directedness::directed : directedness::undirected);
    out.set_allow_self_loops(allow_self_loops);
    if (vocabulary) out.set_taxonomy(*vocabulary);
    if (integer_ids) out.set_id_kind(id_kind::integer);  // every add_actor checks its id
    detail::problem_list problems(rules.max_errors);
    const auto at = [](const char* what, std::size_t i, const std::string& field) {
      return field_location(std::string(what) + "[" + std::to_string(i) + "]" + (field.empty() ? "" : "." + field));
    };
    std::optional<detail::sector_resolver> resolver;
    if (resolve) resolver.emplace(out.sector_taxonomy(), rules);
    std::unordered_set<std::string, detail::keyed_string_hash> failed_ids;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<std::string> resolved;
      bool failed = false;
      if (resolver) {
        resolved.reserve(sectors[i].size());
        for (const auto& label : sectors[i]) {
          try {
            std::string id = resolver->resolve(label);
            if (std::find(resolved.begin(), resolved.end(), id) == resolved.end()) resolved.push_back(std::move(id));
          } catch (const invalid_input& e) {
            problems.add(invalid_input(at("actors", i, "sector"), e.problem()));
            failed = true;
          }
        }
      } else {
        resolved = sectors[i];
      }
      try {
        if (!failed) {
          out.add_actor(actor{ids[i], names[i], std::move(resolved), types[i], row_attributes(actor_attrs, i), locations[i]});
          continue;
        }
      } catch (const invalid_input& e) {
        problems.add(invalid_input(at("actors", i, e.where().field), e.problem()));
      }
      failed_ids.insert(ids[i]);
    }
    if (resolver) resolver->note_kept(&notes, "actors");
    detail::tie_table table(
        out, rules, problems, [&](std::size_t j, std::string_view field) { return at("ties", j, std::string(field)); },
        [](std::size_t j) { return "ties[" + std::to_string(j) + "]"; });
    table.reserve(m);
    for (std::size_t j = 0; j < m; ++j) {
      const auto u = out.find_index(source[j]);
      const auto v = out.find_index(target[j]);
      if ((!u && failed_ids.contains(source[j])) || (!v && failed_ids.contains(target[j]))) continue;
      if (!u || !v) {
        const bool src = !u;
        problems.add(invalid_input(at("ties", j, src ? "source" : "target"),
                                   "unknown actor id " + detail::quote_value(src ? source[j] : target[j])));
        continue;
      }
      if (*u == *v && !allow_self_loops) {
        problems.add(invalid_input(at("ties", j, "target"), "self-loop on actor " + detail::quote_value(source[j]) +
                                                                " (set allow_self_loops to keep it)"));
        continue;
      }
      if (!std::isnan(w[j]) && (!std::isfinite(w[j]) || w[j] < 0)) {
        problems.add(invalid_input(at("ties", j, "weight"), std::isfinite(w[j]) ? "weight is negative"
                                                                                 : "weight is not a finite number"));
        continue;
      }
      if (since[j] && !detail::is_iso_date(*since[j])) {
        problems.add(invalid_input(at("ties", j, "since"), "since " + detail::quote_value(*since[j]) +
                                                               " is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy"));
        continue;
      }
      tie_details details{{relations[j].begin(), relations[j].end()}, row_attributes(tie_attrs, j), since[j]};
      if (!resolve) {  // a graph converter: parallel edges merge as add_tie merges (docs/format.md)
        if (std::isnan(w[j])) {
          problems.add(invalid_input(at("ties", j, "weight"), "missing weight"));
          continue;
        }
        try {
          out.add_tie(*u, *v, w[j], std::move(details));
        } catch (const invalid_input& e) {
          problems.add(invalid_input(at("ties", j, e.where().field), e.problem()));
        }
        continue;
      }
      table.add(*u, *v, std::isnan(w[j]) ? std::nullopt : std::optional<double>(w[j]), std::move(details), j,
                source[j], target[j]);
    }
    {
      try {
        table.finish(out, &notes);
      } catch (const invalid_input& e) {
        problems.add(invalid_input(at("ties", m == 0 ? 0 : m - 1, e.where().field), e.problem()));
      }
    }
    problems.throw_first();
    return out;
  }();
  return py::make_tuple(std::move(net), notes_to_python(notes));
}

}  // namespace

void register_interop(py::module_& m) {

  m.def("_network_from_columns", &network_from_columns, py::arg("directed"), py::arg("allow_self_loops"),
        py::arg("ids"), py::arg("names"), py::arg("types"), py::arg("sectors"), py::arg("location"),
        py::arg("actor_attributes"), py::arg("source"), py::arg("target"), py::arg("weight"), py::arg("relations"),
        py::arg("since"), py::arg("tie_attributes"), py::arg("rules") = py::none(), py::arg("taxonomy") = py::none(), py::arg("integer_ids") = false,
        "Builds a network from normalised columns (behind healthnet.from_pandas, from_networkx, from_igraph).");
  m.def("_actor_columns", &actor_columns, py::arg("net"),
        "Actor fields and attributes as columns (behind Network.actors_frame).");
  m.def("_tie_columns", &tie_columns, py::arg("net"),
        "Tie fields and attributes as columns (behind Network.ties_frame).");
}

}  // namespace healthnet::bindings
