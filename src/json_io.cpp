// SPDX-License-Identifier: MIT
// healthnet JSON: the native format (docs/format.md, docs/healthnet.schema.json).
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include <healthnet/detail/keyed_hash.hpp>
#include <healthnet/detail/file_io.hpp>
#include <healthnet/io.hpp>
#include <healthnet/taxonomy.hpp>

#include <healthnet/detail/integer_text.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/detail/validate.hpp>

#include "json_locate.hpp"

namespace healthnet {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;
using value_t = json::value_t;
using detail::json_reader;

attribute_map read_attributes(const json_reader& r, const json& obj, const std::string& pointer) {
  attribute_map out;
  const json& attrs = r.member(obj, pointer, "attributes", value_t::object, false);
  if (!attrs.is_object()) return out;
  for (const auto& [key, v] : attrs.items()) {
    const std::string path = pointer + "/attributes/" + detail::escape_pointer_token(key);
    if (v.is_boolean()) out.emplace(key, v.get<bool>());
    // An integer literal within int64 stays an integer; anything else (a
    // fraction, an exponent, a larger integer) is a double.
    else if (v.is_number_integer() && !v.is_number_unsigned()) out.emplace(key, v.get<std::int64_t>());
    else if (v.is_number_unsigned() && v.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX)) {
      out.emplace(key, static_cast<std::int64_t>(v.get<std::uint64_t>()));
    } else if (v.is_number()) out.emplace(key, v.get<double>());
    else if (v.is_string()) out.emplace(key, v.get<std::string>());
    else r.fail(path, std::string("attribute must be a string, number or boolean, found ") + json_reader::type_name(v));
  }
  return out;
}

/// An actor id at `pointer`: a string, or an integer within int64 (its
/// decimal text). `number` is set when it was an integer.
std::string id_value(const json_reader& r, const json& v, const std::string& pointer, bool* number = nullptr) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() && (!v.is_number_unsigned() || v.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX))) {
    if (number != nullptr) *number = true;
    return v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>()) : std::to_string(v.get<std::int64_t>());
  }
  if (v.is_number()) r.fail(pointer, "an actor id must be a string or an integer within int64, found " + v.dump());
  r.fail(pointer, std::string("expected a string or an integer, found ") + json_reader::type_name(v));
}

/// The actor id member `key` of `obj` (see id_value).
std::string id_member(const json_reader& r, const json& obj, const std::string& path, const char* key,
                      bool* number = nullptr) {
  r.object_at(obj, path);
  const auto it = obj.find(key);
  if (it == obj.end()) {
    (void)r.string_member(obj, path, key, true);  // the reader's own "missing" message
    return {};
  }
  return id_value(r, *it, path + "/" + key, number);
}

region_info read_region(const json_reader& r, const json& doc) {
  region_info region;
  const json& j = r.member(doc, "", "region", value_t::object, false);
  if (!j.is_object()) return region;
  region.id = r.string_member(j, "/region", "id", false);
  region.name = r.string_member(j, "/region", "name", false);
  region.state = r.string_member(j, "/region", "state", false);
  region.wave = r.string_member(j, "/region", "wave", false);
  region.date = r.string_member(j, "/region", "date", false);
  const json& pop = r.member(j, "/region", "population", value_t::number_float, false);
  if (pop.is_number()) {
    const double p = pop.get<double>();
    if (auto problem = detail::population_problem(p, pop.dump()); !problem.empty()) r.fail("/region/population", problem);
    region.population = static_cast<std::int64_t>(p);
  }
  return region;
}

actor read_actor(const json_reader& r, const json& item, const std::string& path, bool& number_id) {
  r.object_at(item, path);
  actor a;
  number_id = false;
  a.id = id_member(r, item, path, "id", &number_id);
  if (a.id.empty()) r.fail(path + "/id", "actor id is empty");
  a.name = r.string_member(item, path, "name", false);
  a.sectors = r.string_list_member(item, path, "sectors");
  // "sector" is accepted as a shorthand for a single primary sector.
  if (a.sectors.empty()) {
    const std::string s = r.string_member(item, path, "sector", false);
    if (!s.empty()) a.sectors.push_back(s);
  }
  a.type = r.string_member(item, path, "type", false);
  a.attributes = read_attributes(r, item, path);
  // respondent: true or false; absent means unknown (null is refused too).
  const json& respondent = r.member(item, path, "respondent", value_t::boolean, false);
  if (respondent.is_boolean()) a.respondent = respondent.get<bool>();
  const json& loc = r.member(item, path, "location", value_t::object, false);
  if (loc.is_object()) {
    const std::string lp = path + "/location";
    const json& lat = r.member(loc, lp, "lat", value_t::number_float, true);
    const json& lon = r.member(loc, lp, "lon", value_t::number_float, true);
    a.location = geo_point{lat.get<double>(), lon.get<double>()};
    if (auto problem = detail::latitude_problem(a.location->lat, lat.dump()); !problem.empty()) r.fail(lp + "/lat", problem);
    if (auto problem = detail::longitude_problem(a.location->lon, lon.dump()); !problem.empty()) r.fail(lp + "/lon", problem);
  }
  return a;
}

tie read_tie(const json_reader& r, const json& item, const std::string& path, const network& net) {
  r.object_at(item, path);
  tie t;
  t.source = id_member(r, item, path, "source");
  t.target = id_member(r, item, path, "target");
  if (!net.has_actor(t.source)) r.fail(path + "/source", "unknown actor id '" + t.source + "'");
  if (!net.has_actor(t.target)) r.fail(path + "/target", "unknown actor id '" + t.target + "'");
  for (auto& rel : r.string_list_member(item, path, "relations")) t.relations.insert(std::move(rel));
  const json& w = r.member(item, path, "weight", value_t::number_float, false);
  if (w.is_number()) {
    t.weight = w.get<double>();
    if (!std::isfinite(t.weight)) r.fail(path + "/weight", "weight is not a finite number");
    if (t.weight < 0) r.fail(path + "/weight", "weight is negative: " + w.dump());
  }
  t.attributes = read_attributes(r, item, path);
  const json& since = r.member(item, path, "since", value_t::string, false);
  if (since.is_string()) {
    t.since = since.get<std::string>();
    if (!detail::is_iso_date(*t.since)) {
      r.fail(path + "/since", "since " + detail::quote_value(*t.since) + " is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy");
    }
  }
  if (t.source == t.target && !net.allow_self_loops()) {
    r.fail(path + "/target", "self-loop on actor '" + t.source + "' (self-loops are not allowed)");
  }
  return t;
}

body read_body(const json_reader& r, const json& item, const std::string& path, const network& net) {
  r.object_at(item, path);
  body b;
  b.id = r.string_member(item, path, "id", true);
  if (b.id.empty()) r.fail(path + "/id", "body id is empty");
  const std::string kind = r.string_member(item, path, "kind", true);
  const auto k = parse_body_kind(kind);
  if (!k) {
    r.fail(path + "/kind", "unknown body kind '" + kind +
                               "' (expected steering_group, working_group, coordination_office or health_conference)");
  }
  b.kind = *k;
  b.name = r.string_member(item, path, "name", false);
  const json& members = r.member(item, path, "members", value_t::array, false);
  if (members.is_array()) {
    b.members.reserve(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
      b.members.push_back(id_value(r, members[i], path + "/members/" + std::to_string(i)));
    }
  }
  std::unordered_set<std::string_view, detail::keyed_string_hash> seen;  // O(k) expected; a pairwise scan took 34 s for 100k members
  seen.reserve(b.members.size());
  for (std::size_t i = 0; i < b.members.size(); ++i) {
    if (!net.has_actor(b.members[i])) {
      r.fail(path + "/members/" + std::to_string(i), "unknown actor id '" + b.members[i] + "'");
    }
    if (!seen.insert(b.members[i]).second) {
      r.fail(path + "/members/" + std::to_string(i), "actor '" + b.members[i] + "' listed twice");
    }
  }
  const json& topic = r.member(item, path, "topic", value_t::string, false);
  if (topic.is_string()) b.topic = topic.get<std::string>();
  const json& year = r.member(item, path, "year", value_t::number_float, false);
  if (year.is_number()) {
    const double y = year.get<double>();
    if (auto problem = detail::body_year_problem(y, year.dump()); !problem.empty()) r.fail(path + "/year", problem);
    b.year = static_cast<int>(y);
  }
  return b;
}

taxonomy read_taxonomy(const json_reader& r, const json& obj, const std::string& pointer) {
  const auto& list = r.member(obj, pointer, "sectors", value_t::array, true);
  std::vector<sector> sectors;
  std::unordered_set<std::string, detail::keyed_string_hash> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = pointer + "/sectors/" + std::to_string(i);
    const auto& item = r.object_at(list[i], path);
    sector s;
    s.id = r.string_member(item, path, "id", true);
    if (s.id.empty()) r.fail(path + "/id", "sector id is empty");
    s.label_de = r.string_member(item, path, "de", false);
    s.label_en = r.string_member(item, path, "en", false);
    if (s.label_de.empty()) s.label_de = s.id;
    if (s.label_en.empty()) s.label_en = s.id;
    s.core = r.bool_member(item, path, "core", false);
    if (!seen.insert(s.id).second) r.fail(path + "/id", "duplicate sector id '" + s.id + "'");
    sectors.push_back(std::move(s));
  }
  return taxonomy(std::move(sectors));
}

/// `v`, or invalid_input naming `field` when it is NaN or infinite: nlohmann
/// would write null, which no reader takes back, so the value would be lost.
double finite_for_json(double v, const std::string& field) {
  if (!std::isfinite(v)) {
    throw invalid_input(field_location(field),
                        "cannot write " + detail::format_number(v) + " as json (json has no nan or infinity)");
  }
  return v;
}

/// The attributes as a JSON object; `owner` names their actor or tie in errors.
/// An actor id as written: a JSON integer in a network with integer ids.
ordered_json id_json(const network& net, const std::string& id) {
  if (net.id_kind() == id_kind::integer) {
    if (const auto v = detail::parse_canonical_integer(id)) return *v;
  }
  return id;
}

ordered_json attributes_json(const attribute_map& attrs, const std::string& owner) {
  ordered_json out = ordered_json::object();
  for (const auto& [name, v] : attrs) {
    const std::string& k = name;  // clang < 16 cannot capture a structured binding
    if (const double* d = std::get_if<double>(&v)) finite_for_json(*d, owner + ".attributes." + k);
    std::visit([&](const auto& x) { out[k] = x; }, v);
  }
  return out;
}

}  // namespace

namespace {

network build_network(const json& doc, std::string_view text, const std::string& origin, const read_options& options) {
  const json_reader r{text, origin};
  r.check_header(doc, "healthnet", "healthnet file");
  network net(r.bool_member(doc, "", "directed", false) ? directedness::directed : directedness::undirected);
  net.set_allow_self_loops(options.allow_self_loops || r.bool_member(doc, "", "self_loops", false));
  net.set_region(read_region(r, doc));
  const json& tax = r.member(doc, "", "taxonomy", value_t::object, false);
  if (tax.is_object()) net.set_taxonomy(read_taxonomy(r, tax, "/taxonomy"));

  const json& actors = r.member(doc, "", "actors", value_t::array, true);
  // Actor ids that are all JSON integers make a network with integer ids; a
  // mix of numbers and strings is an error rather than a silent choice.
  std::size_t number_ids = 0;
  std::string first_text_id;  // pointer of the first string id
  for (std::size_t i = 0; i < actors.size(); ++i) {
    const std::string path = "/actors/" + std::to_string(i);
    bool number_id = false;
    actor a = read_actor(r, actors[i], path, number_id);
    if (number_id) {
      if (!first_text_id.empty()) {
        r.fail(path + "/id", "actor id " + a.id + " is a number, but " + first_text_id +
                                 " is a string: write all actor ids as integers or all as strings");
      }
      ++number_ids;
    } else if (first_text_id.empty()) {
      if (number_ids > 0) {
        r.fail(path + "/id", "actor id '" + a.id + "' is a string, but earlier actor ids are numbers: "
                             "write all actor ids as integers or all as strings");
      }
      first_text_id = "actors[" + std::to_string(i) + "].id";
    }
    if (net.has_actor(a.id)) r.fail(path + "/id", "duplicate actor id '" + a.id + "'");
    try {
      net.add_actor(std::move(a));
    } catch (const invalid_input& e) {  // the model's text checks (NUL, UTF-8): name the line
      if (!e.where().file.empty()) throw;
      r.fail(path + "/" + e.where().field, e.problem());
    }
  }
  if (number_ids > 0) net.set_id_kind(id_kind::integer);
  const json& ties = r.member(doc, "", "ties", value_t::array, false);
  for (std::size_t i = 0; i < ties.size(); ++i) {
    const std::string path = "/ties/" + std::to_string(i);
    try {
      net.add_tie(read_tie(r, ties[i], path, net));
    } catch (const invalid_input& e) {  // a repeated tie whose weights add up to infinity
      if (!e.where().file.empty()) throw;
      r.fail(path + "/" + e.where().field, e.problem());
    }
  }
  const json& bodies = r.member(doc, "", "bodies", value_t::array, false);
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const std::string path = "/bodies/" + std::to_string(i);
    body b = read_body(r, bodies[i], path, net);
    if (net.find_body(b.id)) r.fail(path + "/id", "duplicate body id '" + b.id + "'");
    net.add_body(std::move(b));
  }
  return net;
}

}  // namespace

network parse_json(std::string_view text, const std::string& origin, const read_options& options) {
  try {
    const auto document = detail::parse_json_document(text, origin);  // freed without allocating
    return build_network(document.root(), text, origin, options);
  } catch (const out_of_memory&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw out_of_memory("out of memory reading " + origin);
  }
}

network read_json(const std::string& path, const read_options& options) {
  return parse_json(detail::read_file(path), path, options);
}

std::string to_json(const network& net, int indent) {
  ordered_json doc;
  doc["format"] = "healthnet";
  doc["version"] = 1;
  doc["directed"] = net.directed();
  if (net.allow_self_loops()) doc["self_loops"] = true;
  const region_info& reg = net.region();
  ordered_json region = ordered_json::object();
  auto put = [](ordered_json& o, const char* key, const std::string& v) {
    if (!v.empty()) o[key] = v;
  };
  put(region, "id", reg.id);
  put(region, "name", reg.name);
  put(region, "state", reg.state);
  if (reg.population) region["population"] = *reg.population;
  put(region, "wave", reg.wave);
  put(region, "date", reg.date);
  doc["region"] = region;
  if (net.has_custom_taxonomy()) {
    ordered_json sectors = ordered_json::array();
    for (const auto& s : net.sector_taxonomy().sectors()) {
      sectors.push_back({{"id", s.id}, {"de", s.label_de}, {"en", s.label_en}, {"core", s.core}});
    }
    doc["taxonomy"] = {{"sectors", sectors}};
  }
  ordered_json actors = ordered_json::array();
  for (const auto& a : net.actors()) {
    const std::string where = "actors[" + std::to_string(actors.size()) + "]";
    ordered_json j;
    j["id"] = id_json(net, a.id);
    j["name"] = a.name;
    j["sectors"] = a.sectors;
    j["type"] = a.type;
    j["attributes"] = attributes_json(a.attributes, where);
    if (a.location) {
      // The reader takes latitudes in [-90, 90] and longitudes in [-180, 180] only.
      const double lat = finite_for_json(a.location->lat, where + ".location.lat");
      const double lon = finite_for_json(a.location->lon, where + ".location.lon");
      if (std::abs(lat) > 90) {
        throw invalid_input(field_location(where + ".location.lat"),
                            "latitude out of range: " + detail::format_number(lat));
      }
      if (std::abs(lon) > 180) {
        throw invalid_input(field_location(where + ".location.lon"),
                            "longitude out of range: " + detail::format_number(lon));
      }
      j["location"] = {{"lat", lat}, {"lon", lon}};
    }
    if (a.respondent) j["respondent"] = *a.respondent;
    actors.push_back(std::move(j));
  }
  doc["actors"] = std::move(actors);
  ordered_json ties = ordered_json::array();
  for (const auto& t : net.ties()) {
    const std::string where = "ties[" + std::to_string(ties.size()) + "]";
    ordered_json j;
    j["source"] = id_json(net, t.source);
    j["target"] = id_json(net, t.target);
    j["relations"] = ordered_json::array();
    for (const auto& rel : t.relations) j["relations"].push_back(rel);
    j["weight"] = t.weight;
    if (!t.attributes.empty()) j["attributes"] = attributes_json(t.attributes, where);
    if (t.since) j["since"] = *t.since;
    ties.push_back(std::move(j));
  }
  doc["ties"] = std::move(ties);
  ordered_json bodies = ordered_json::array();
  for (const auto& b : net.bodies()) {
    ordered_json j;
    j["id"] = b.id;
    j["kind"] = std::string(to_string(b.kind));
    j["name"] = b.name;
    j["members"] = ordered_json::array();
    for (const auto& m : b.members) j["members"].push_back(id_json(net, m));
    if (b.topic) j["topic"] = *b.topic;
    if (b.year) j["year"] = *b.year;
    bodies.push_back(std::move(j));
  }
  doc["bodies"] = std::move(bodies);
  try {
    std::string out = doc.dump(indent, ' ', false, ordered_json::error_handler_t::strict);
    out += '\n';
    return out;
  } catch (const ordered_json::type_error&) {
    throw invalid_input("network holds a string that is not valid utf-8; cannot write json");
  }
}

void write_json(const network& net, const std::string& path) { detail::write_file_atomically(path, to_json(net)); }

taxonomy taxonomy::parse(std::string_view text, const std::string& origin) {
  try {
    const auto document = detail::parse_json_document(text, origin);
    const json_reader r{text, origin};
    r.object_at(document.root(), "");
    return read_taxonomy(r, document.root(), "");
  } catch (const out_of_memory&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw out_of_memory("out of memory reading " + origin);
  }
}

taxonomy taxonomy::load(const std::string& path) { return parse(detail::read_file(path), path); }

}  // namespace healthnet
