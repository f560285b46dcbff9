// SPDX-License-Identifier: MIT
// Domain model: Network, Actor, Tie, Body, Region, Sector, Taxonomy.
#include <optional>
#include <sstream>

#include <pybind11/stl.h>

#include <healthnet/network.hpp>
#include <healthnet/detail/text.hpp>

#include "common.hpp"

namespace healthnet::bindings {

namespace {

bool is_numpy_bool(const py::handle& obj) {
  const auto name = py::type::of(obj).attr("__name__").cast<std::string>();
  return name == "bool_" || (name == "bool" && !PyBool_Check(obj.ptr()));
}

/// An int within int64 as a value, else nothing (the caller names the problem).
std::optional<std::int64_t> int64_of(const py::handle& obj) {
  int overflow = 0;
  const py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(obj.ptr()));
  if (!index) throw py::error_already_set();
  const long long v = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
  if (overflow != 0) return std::nullopt;
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  return static_cast<std::int64_t>(v);
}

}  // namespace

std::optional<std::string> actor_id_text(const py::handle& obj) {
  if (PyUnicode_Check(obj.ptr())) return obj.cast<std::string>();
  if (PyBool_Check(obj.ptr()) || is_numpy_bool(obj)) {
    throw py::type_error("an actor id must be a str or an int, not bool");
  }
  if (PyLong_Check(obj.ptr()) || (PyIndex_Check(obj.ptr()) && !PyFloat_Check(obj.ptr()))) {
    const py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(obj.ptr()));
    if (!index) throw py::error_already_set();
    return py::str(index).cast<std::string>();  // the decimal text
  }
  if (PyFloat_Check(obj.ptr()) || py::isinstance(obj, py::module_::import("numbers").attr("Real"))) {
    throw py::type_error("an actor id must be a str or an int, not float (" + py::repr(obj).cast<std::string>() +
                         "); pass int(x) for an integer id, or convert a float id column with .astype('Int64')");
  }
  return std::nullopt;
}

py::object actor_id_to_python(const network& net, const std::string& id) {
  if (net.id_kind() == id_kind::integer) {
    if (const auto v = healthnet::detail::parse_canonical_integer(id)) return py::int_(*v);
  }
  return py::str(id);
}

attribute_map attributes_from_python(const py::handle& obj, const char* what) {
  attribute_map out;
  if (obj.is_none()) return out;
  if (!py::isinstance<py::dict>(obj)) throw py::type_error(std::string(what) + " must be a dict");
  const py::module_ numbers = py::module_::import("numbers");
  const py::object real = numbers.attr("Real");
  for (auto [key, value] : py::reinterpret_borrow<py::dict>(obj)) {
    const auto name = py::str(key).cast<std::string>();
    if (py::isinstance<py::bool_>(value) || is_numpy_bool(value)) {
      out.emplace(name, value.cast<bool>());
    } else if (PyLong_Check(value.ptr()) || (PyIndex_Check(value.ptr()) && py::isinstance(value, real))) {
      // An int stays an int (int64); one beyond int64 is an error, not a rounded float.
      const auto v = int64_of(value);
      if (!v) {
        throw py::value_error(std::string(what) + "['" + name + "']: integer " + py::repr(value).cast<std::string>() +
                              " does not fit in 64 bits; pass it as float or str");
      }
      out.emplace(name, *v);
    } else if (py::isinstance(value, real)) {
      out.emplace(name, value.cast<double>());
    } else if (py::isinstance<py::str>(value)) {
      out.emplace(name, value.cast<std::string>());
    } else {
      throw py::type_error(std::string(what) + "['" + name + "'] must be str, int, float or bool, not " +
                           py::type::of(value).attr("__name__").cast<std::string>());
    }
  }
  return out;
}

py::object attribute_to_python(const attribute_value& value) {
  if (const auto* b = std::get_if<bool>(&value)) return py::bool_(*b);
  if (const auto* d = std::get_if<double>(&value)) return py::float_(*d);
  if (const auto* i = std::get_if<std::int64_t>(&value)) return py::int_(*i);
  return py::str(std::get<std::string>(value));
}

py::dict attributes_to_python(const attribute_map& attrs) {
  py::dict out;
  for (const auto& [k, v] : attrs) out[py::str(k)] = attribute_to_python(v);
  return out;
}

degree_mode parse_degree_mode(const std::string& mode) {
  if (mode == "all") return degree_mode::all;
  if (mode == "in") return degree_mode::in;
  if (mode == "out") return degree_mode::out;
  throw invalid_input(field_location("mode"), "expected 'all', 'in' or 'out', got '" + mode + "'");
}

namespace {

body_kind parse_kind(const std::string& kind) {
  const auto k = parse_body_kind(kind);
  if (!k) {
    throw invalid_input(field_location("kind"), "unknown body kind '" + kind +
                                                    "' (expected steering_group, working_group, "
                                                    "coordination_office or health_conference)");
  }
  return *k;
}

// A body's year as the JSON reader accepts it (a whole year 1900-2200), so
// that whatever Python stores can be written and read back.
std::optional<int> body_year(std::optional<std::int64_t> year) {
  if (year && (*year < 1900 || *year > 2200)) {
    throw invalid_input(field_location("year"), "year must be a whole year from 1900 to 2200, found " + std::to_string(*year));
  }
  return year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt;
}

std::vector<std::string> id_texts(const std::vector<actor_id_arg>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto& id : ids) out.push_back(id.text);
  return out;
}

std::string network_repr(const network& net) {
  std::ostringstream os;
  os << "<healthnet.Network";
  if (!net.region().name.empty()) os << " '" << net.region().name << "'";
  os << ": " << net.n_actors() << " actors, " << net.n_ties() << " ties, " << net.n_bodies() << " bodies, "
     << (net.directed() ? "directed" : "undirected") << ">";
  return os.str();
}

// Keeps the actors for which `keep` holds: a callable(Actor) -> bool, or an
// iterable of actor ids.
network subnetwork_from_python(const network& net, const py::object& keep) {
  read_access lock(net);  // `keep` is Python code: other threads run meanwhile
  if (PyCallable_Check(keep.ptr())) {
    return net.subnetwork([&](const actor& a) { return keep(a).cast<bool>(); });
  }
  std::vector<char> wanted(net.n_actors(), 0);
  for (auto id : keep) {
    const auto text = actor_id_text(id);
    if (!text) throw py::type_error("subnetwork: an actor id must be a str or an int, not " + py::type::of(id).attr("__name__").cast<std::string>());
    wanted[net.index_of(*text)] = 1;
  }
  return net.subnetwork([&](const actor& a) { return wanted[net.index_of(a.id)] != 0; });
}

/// `with net._reading():` holds a shared lock of the network across several
/// binding calls made by Python code (see python/healthnet/_metrics.py).
class reading_guard {
 public:
  explicit reading_guard(const network& net) : m_net(&net) {}
  void enter() { m_access = std::make_unique<read_access>(*m_net); }
  void exit() { m_access.reset(); }

 private:
  const network* m_net;
  std::unique_ptr<read_access> m_access;
};

}  // namespace

void register_model(py::module_& m) {
  py::class_<reading_guard>(m, "_ReadingGuard", "Holds a shared lock of a network in a with block.")
      .def("__enter__", [](reading_guard& g) { g.enter(); })
      .def("__exit__", [](reading_guard& g, const py::args&) { g.exit(); });
  py::class_<geo_point>(m, "GeoPoint", "A position in WGS 84 degrees.")
      .def(py::init<double, double>(), py::arg("lat"), py::arg("lon"))
      .def_readwrite("lat", &geo_point::lat)
      .def_readwrite("lon", &geo_point::lon)
      .def("__eq__", [](const geo_point& a, const geo_point& b) { return a == b; })
      .def("__repr__", [](const geo_point& p) {
        return "GeoPoint(lat=" + std::to_string(p.lat) + ", lon=" + std::to_string(p.lon) + ")";
      });

  py::class_<actor>(m, "Actor", R"doc(
An actor of the network: a practice, hospital, insurer, office or group.

Parameters
----------
id : str or int
    Unique, non-empty id; an int means its decimal text (``101`` is ``"101"``).
name : str, optional
sectors : list of str, optional
    Sector ids; the first is the primary sector.
type : str, optional
    Actor type, e.g. ``"gp_practice"``.
attributes : dict, optional
    Free attributes; values are str, int (int64), float or bool.
location : GeoPoint, optional
respondent : bool or None, optional
    Whether the actor answered the survey; None (default): unknown.
)doc")
      .def(py::init([](actor_id_arg id, std::string name, std::vector<std::string> sectors, std::string type,
                       const py::object& attributes, std::optional<geo_point> location,
                       std::optional<bool> respondent) {
             return actor{std::move(id.text), std::move(name), std::move(sectors), std::move(type),
                          attributes_from_python(attributes, "attributes"), location, respondent};
           }),
           py::arg("id"), py::arg("name") = "", py::arg("sectors") = std::vector<std::string>{},
           py::arg("type") = "", py::arg("attributes") = py::none(), py::arg("location") = py::none(),
           py::arg("respondent") = py::none())
      .def_readwrite("id", &actor::id)
      .def_readwrite("name", &actor::name)
      .def_readwrite("sectors", &actor::sectors)
      .def_readwrite("type", &actor::type)
      .def_readwrite("location", &actor::location)
      .def_readwrite("respondent", &actor::respondent,
                     "Whether the actor answered the survey: True, False, or None (unknown).")
      .def_property_readonly("sector", [](const actor& a) -> py::object {
        if (a.sectors.empty()) return py::none();
        return py::str(a.sectors.front());
      }, "The primary sector, or None.")
      .def_property(
          "attributes", [](const actor& a) { return attributes_to_python(a.attributes); },
          [](actor& a, const py::object& d) { a.attributes = attributes_from_python(d, "attributes"); })
      .def("__eq__", [](const actor& a, const actor& b) { return a == b; })
      .def("__repr__", [](const actor& a) {
        return "Actor(id='" + a.id + "', name='" + a.name + "', sector=" +
               (a.sectors.empty() ? std::string("None") : "'" + a.sectors.front() + "'") + ")";
      });

  py::class_<tie>(m, "Tie", R"doc(
A cooperation tie. Directed networks read it as source -> target.

Parameters
----------
source, target : str or int
    Actor ids (an int means its decimal text).
relations : iterable of str, optional
    Relation types, e.g. ``{"referral", "information"}`` (multiplex).
weight : float, default 1.0
    Frequency or intensity; finite and >= 0.
attributes : dict, optional
since : str, optional
    ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
)doc")
      .def(py::init([](actor_id_arg s, actor_id_arg t, std::vector<std::string> rel, double w,
                       const py::object& attributes, std::optional<std::string> since) {
             return tie{std::move(s.text), std::move(t.text), {rel.begin(), rel.end()}, w,
                        attributes_from_python(attributes, "attributes"), std::move(since)};
           }),
           py::arg("source"), py::arg("target"), py::arg("relations") = std::vector<std::string>{},
           py::arg("weight") = 1.0, py::arg("attributes") = py::none(), py::arg("since") = py::none())
      .def_readwrite("source", &tie::source)
      .def_readwrite("target", &tie::target)
      .def_property(
          "relations", [](const tie& t) { return std::vector<std::string>(t.relations.begin(), t.relations.end()); },
          [](tie& t, const std::vector<std::string>& r) { t.relations = {r.begin(), r.end()}; },
          "Relation types, sorted.")
      .def_readwrite("weight", &tie::weight)
      .def_readwrite("since", &tie::since)
      .def_property(
          "attributes", [](const tie& t) { return attributes_to_python(t.attributes); },
          [](tie& t, const py::object& d) { t.attributes = attributes_from_python(d, "attributes"); })
      .def("__eq__", [](const tie& a, const tie& b) { return a == b; })
      .def("__repr__", [](const tie& t) {
        std::string rel;
        for (const auto& r : t.relations) rel += (rel.empty() ? "'" : ", '") + r + "'";
        return "Tie('" + t.source + "' - '" + t.target + "', relations=[" + rel + "], weight=" +
               healthnet::detail::format_number(t.weight) + ")";
      });

  py::class_<body>(m, "Body", R"doc(
A governance body and its members.

Parameters
----------
id : str
kind : {"steering_group", "working_group", "coordination_office", "health_conference"}
name : str, optional
members : list of str or int, optional
    Actor ids.
topic : str, optional
year : int, optional
)doc")
      .def(py::init([](std::string id, const std::string& kind, std::string name, const std::vector<actor_id_arg>& members,
                       std::optional<std::string> topic, std::optional<std::int64_t> year) {
             return body{std::move(id), parse_kind(kind), std::move(name), id_texts(members), std::move(topic),
                         body_year(year)};
           }),
           py::arg("id"), py::arg("kind"), py::arg("name") = "", py::arg("members") = std::vector<std::string>{},
           py::arg("topic") = py::none(), py::arg("year") = py::none())
      .def_readwrite("id", &body::id)
      .def_property(
          "kind", [](const body& b) { return std::string(to_string(b.kind)); },
          [](body& b, const std::string& k) { b.kind = parse_kind(k); })
      .def_readwrite("name", &body::name)
      .def_readwrite("members", &body::members)
      .def_readwrite("topic", &body::topic)
      .def_property(
          "year", [](const body& b) { return b.year; },
          [](body& b, std::optional<std::int64_t> year) { b.year = body_year(year); })
      .def("__eq__", [](const body& a, const body& b) { return a == b; })
      .def("__repr__", [](const body& b) {
        return "Body(id='" + b.id + "', kind='" + std::string(to_string(b.kind)) + "', name='" + b.name + "', " +
               std::to_string(b.members.size()) + " members)";
      });

  py::class_<region_info>(m, "Region", "Metadata of the region a network describes.")
      .def(py::init([](std::string id, std::string name, std::string state, std::optional<std::int64_t> population,
                       std::string wave, std::string date) {
             return region_info{std::move(id), std::move(name), std::move(state), population, std::move(wave),
                                std::move(date)};
           }),
           py::arg("id") = "", py::arg("name") = "", py::arg("state") = "", py::arg("population") = py::none(),
           py::arg("wave") = "", py::arg("date") = "")
      .def_readwrite("id", &region_info::id)
      .def_readwrite("name", &region_info::name)
      .def_readwrite("state", &region_info::state)
      .def_readwrite("population", &region_info::population)
      .def_readwrite("wave", &region_info::wave)
      .def_readwrite("date", &region_info::date)
      .def("__eq__", [](const region_info& a, const region_info& b) { return a == b; })
      .def("__repr__", [](const region_info& r) {
        return "Region(id='" + r.id + "', name='" + r.name + "', state='" + r.state + "')";
      });

  py::class_<sector>(m, "Sector", "One sector of a taxonomy, with German and English labels.")
      .def(py::init([](std::string id, std::string de, std::string en, bool core) {
             return sector{std::move(id), std::move(de), std::move(en), core};
           }),
           py::arg("id"), py::arg("label_de") = "", py::arg("label_en") = "", py::arg("core") = false)
      .def_readonly("id", &sector::id)
      .def_readonly("label_de", &sector::label_de)
      .def_readonly("label_en", &sector::label_en)
      .def_readonly("core", &sector::core)
      .def("__repr__", [](const sector& s) { return "Sector('" + s.id + "', '" + s.label_en + "')"; });

  py::class_<taxonomy>(m, "Taxonomy", "A sector vocabulary (ids with German and English labels).")
      .def(py::init<std::vector<sector>>(), py::arg("sectors"))
      .def_static("builtin", &taxonomy::builtin, py::return_value_policy::copy,
                  "The built-in taxonomy of the sectors named in the programmes.")
      .def_static("load", &taxonomy::load, py::arg("path"),
                  "Load a taxonomy from JSON ``{\"sectors\": [{\"id\", \"de\", \"en\", \"core\"}]}``.")
      .def_property_readonly("sectors", &taxonomy::sectors)
      .def("label", &taxonomy::label, py::arg("id"), py::arg("lang") = "en",
           "Label of a sector in ``lang`` ('de' or 'en'); the id for unknown sectors.")
      .def("core_sectors", &taxonomy::core_sectors, "Ids of the core sectors.")
      .def("__contains__", [](const taxonomy& t, const std::string& id) { return t.contains(id); })
      .def("__len__", &taxonomy::size)
      .def("__eq__", [](const taxonomy& a, const taxonomy& b) { return a == b; })
      .def("__repr__", [](const taxonomy& t) { return "<Taxonomy: " + std::to_string(t.size()) + " sectors>"; });

  py::class_<network>(m, "Network", R"doc(
A regional cooperation network: actors, ties, governance bodies, region.

Parameters
----------
directed : bool, default False
    Whether ties are directed (survey nominations) or symmetric.

Notes
-----
A tie added between a pair that is already tied merges into the existing
tie: relations are united, weights add up, new attributes overwrite, and
``since`` keeps the earlier date.
)doc")
      .def(py::init([](bool directed) { return network(directed ? directedness::directed : directedness::undirected); }),
           py::arg("directed") = false)
      .def_property_readonly("directed", reader(&network::directed), "Whether ties are directed.")
      .def_property_readonly("n_actors", reader(&network::n_actors), "Number of actors.")
      .def_property_readonly("n_ties", reader(&network::n_ties), "Number of ties (an undirected tie counts once).")
      .def_property_readonly("n_bodies", reader(&network::n_bodies), "Number of governance bodies.")
      .def_property("region", reader(&network::region), writer(&network::set_region), "Region metadata (a copy; assign to change).")
      .def_property("taxonomy", reader(&network::sector_taxonomy), writer(&network::set_taxonomy), "The sector vocabulary.")
      .def_property("allow_self_loops", reader(&network::allow_self_loops), writer(&network::set_allow_self_loops),
                    "Whether ties from an actor to itself are accepted (default False).")
      .def(
          "add_actor",
          [](network& net, actor_id_arg id, std::string name, std::vector<std::string> sectors, std::string type,
             const py::object& attributes, std::optional<geo_point> location, std::optional<bool> respondent) {
            actor a{std::move(id.text), std::move(name), std::move(sectors), std::move(type),
                    attributes_from_python(attributes, "attributes"), location, respondent};
            write_access lock(net);
            net.add_actor(std::move(a));
          },
          py::arg("id"), py::arg("name") = "", py::arg("sectors") = std::vector<std::string>{}, py::arg("type") = "",
          py::arg("attributes") = py::none(), py::arg("location") = py::none(), py::arg("respondent") = py::none(),
          "Add an actor. Raises ValueError for an empty or duplicate id.")
      .def(
          "add_tie",
          [](network& net, actor_id_arg s, actor_id_arg t, std::vector<std::string> rel, double w,
             const py::object& attributes, std::optional<std::string> since) {
            tie added{std::move(s.text), std::move(t.text), {rel.begin(), rel.end()}, w,
                      attributes_from_python(attributes, "attributes"), std::move(since)};
            write_access lock(net);
            return net.add_tie(std::move(added)).copy();
          },
          py::arg("source"), py::arg("target"), py::arg("relations") = std::vector<std::string>{},
          py::arg("weight") = 1.0, py::arg("attributes") = py::none(), py::arg("since") = py::none(),
          "Add a tie, or merge it into the existing tie of the pair; returns the stored Tie. "
          "Raises KeyError for an unknown actor, ValueError for a bad weight or a self-loop.")
      .def(
          "add_body",
          [](network& net, std::string id, const std::string& kind, std::string name, const std::vector<actor_id_arg>& members,
             std::optional<std::string> topic, std::optional<std::int64_t> year) {
            body b{std::move(id), parse_kind(kind), std::move(name), id_texts(members), std::move(topic),
                   body_year(year)};
            write_access lock(net);
            net.add_body(std::move(b));
          },
          py::arg("id"), py::arg("kind"), py::arg("name") = "", py::arg("members") = std::vector<std::string>{},
          py::arg("topic") = py::none(), py::arg("year") = py::none(), "Add a governance body.")
      .def("update_actor", writer(&network::update_actor), py::arg("actor"), "Replace the data of the actor with the same id.")
      .def("remove_actor", [](network& net, const actor_id_arg& id) { write_access lock(net); net.remove_actor(id.text); }, py::arg("id"),
           "Remove an actor with its ties and body memberships. Raises KeyError if unknown.")
      .def("remove_tie", [](network& net, const actor_id_arg& s, const actor_id_arg& t) {
             write_access lock(net);
             net.remove_tie(s.text, t.text);
           }, py::arg("source"), py::arg("target"), "Remove the tie of a pair.")
      .def("remove_body", writer(&network::remove_body), py::arg("id"), "Remove a governance body.")
      .def("has_actor", [](const network& net, const actor_id_arg& id) { read_access lock(net); return net.has_actor(id.text); },
           py::arg("id"), "Whether an actor has this id (str, or int for its decimal text).")
      .def("has_tie", [](const network& net, const actor_id_arg& s, const actor_id_arg& t) {
             read_access lock(net);
             return net.has_tie(s.text, t.text);
           }, py::arg("source"), py::arg("target"))
      .def("actor", [](const network& net, const actor_id_arg& id) { read_access lock(net); return net.get_actor(id.text); },
           py::arg("id"), "The Actor with this id (a copy; str, or int for its decimal text). Raises KeyError.")
      .def("tie", [](const network& net, const actor_id_arg& s, const actor_id_arg& t) { read_access lock(net); return net.get_tie(s.text, t.text).copy(); },
           py::arg("source"), py::arg("target"), "The Tie joining the pair (a copy).")
      .def("body", reader(&network::get_body), py::arg("id"), "The Body with this id (a copy).")
      .def_property_readonly(
          "actors", [](const network& net) { read_access lock(net); return std::vector<actor>(net.actors().begin(), net.actors().end()); },
          "All actors, in order (copies).")
      .def_property_readonly(
          "ties",
          [](const network& net) {
            read_access lock(net);
            std::vector<tie> out;
            out.reserve(net.n_ties());
            for (const tie_view t : net.ties()) out.push_back(t.copy());
            return out;
          },
          "All ties, in order (copies).")
      .def_property_readonly(
          "bodies", [](const network& net) { read_access lock(net); return std::vector<body>(net.bodies().begin(), net.bodies().end()); },
          "All governance bodies (copies).")
      .def_property_readonly("_actor_revision", reader(&network::actor_revision),
                             "Changes whenever actors are added or removed (see network::actor_revision).")
      .def_property_readonly(
          "actor_ids",
          [](const network& net) {
            read_access lock(net);
            py::list out(net.n_actors());
            for (std::size_t i = 0; i < net.n_actors(); ++i) out[i] = actor_id_to_python(net, net.actors()[i].id);
            return out;
          },
          "Actor ids in index order (the index of every per-actor result): ints when ``id_kind`` is "
          "``'integer'``, else str.")
      .def_property(
          "id_kind", [](const network& net) { read_access lock(net); return std::string(to_string(net.id_kind())); },
          [](network& net, const std::string& kind) {
            if (kind != "text" && kind != "integer") {
              throw invalid_input(field_location("id_kind"), "expected 'text' or 'integer', got '" + kind + "'");
            }
            write_access lock(net);
            net.set_id_kind(kind == "integer" ? id_kind::integer : id_kind::text);
          },
          "What the actor ids came in as: ``'integer'`` (all ids are integers, given back as int by "
          "``actor_ids``, per-actor results and frames) or ``'text'``. Setting ``'integer'`` raises "
          "ValueError unless every id is canonical integer text; while it is set, a non-integer id "
          "cannot be added.")
      .def("neighbors", [](const network& net, const actor_id_arg& id, const std::string& mode) {
             read_access lock(net);
             py::list out;
             for (const auto& n : net.neighbors(id.text, parse_degree_mode(mode))) out.append(actor_id_to_python(net, n));
             return out;
           },
           py::arg("id"), py::arg("mode") = "all",
           "Ids of the actors tied to ``id``; mode 'out', 'in' or 'all' for directed networks.")
      .def("subnetwork", &subnetwork_from_python, py::arg("keep"),
           "The subnetwork of the actors selected by ``keep``: a callable(Actor) -> bool or an iterable of ids. "
           "Ties among them are kept, bodies keep only selected members.")
      .def("filter_ties", [](const network& net, const py::function& keep) {
             read_access lock(net);
             return net.filter_ties([&](const tie_view& t) { return keep(t.copy()).cast<bool>(); });
           },
           py::arg("keep"), "All actors, and only the ties for which ``keep(Tie)`` is true.")
      .def("body_subnetwork", reader(&network::body_subnetwork), py::arg("body_id"),
           "The members of one governance body and the ties among them.")
      .def("relation_layer", reader(&network::relation_layer), py::arg("relation"),
           "All actors, and only the ties that carry ``relation``. Raises KeyError when the network has ties but none "
           "carries it.")
      .def("_reading", [](const network& net) { return reading_guard(net); }, py::keep_alive<0, 1>(),
           "A context manager holding a shared lock of the network (for the Python layer).")
      .def("copy", [](const network& net) { read_access lock(net); return network(net); }, "A deep copy.")
      .def("__copy__", [](const network& net) { read_access lock(net); return network(net); })
      .def("__deepcopy__", [](const network& net, const py::dict&) { read_access lock(net); return network(net); }, py::arg("memo"))
      .def("__contains__", [](const network& net, const py::object& id) {
             const auto text = actor_id_text(id);
             if (!text) return false;
             read_access lock(net);
             return net.has_actor(*text);
           })
      .def("__len__", reader(&network::n_actors))
      .def("__eq__", [](const network& a, const network& b) { read_access lock_a(a); read_access lock_b(b); return a == b; })
      .def("__repr__", [](const network& net) { read_access lock(net); return network_repr(net); });
}

}  // namespace healthnet::bindings
