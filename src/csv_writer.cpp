// SPDX-License-Identifier: MIT
// The CSV pair writer: an actors file and a ties file that read_csv reads back.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <healthnet/detail/file_io.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/error.hpp>
#include <healthnet/io.hpp>

namespace healthnet {

namespace {

/// One CSV field (RFC 4180): neutralised against formula injection (see
/// detail::neutralize_csv_cell), quoted when it holds a comma, a quote, a
/// line break or leading/trailing blanks.
void put_cell(std::string& out, std::string_view raw, const std::string& where) {
  if (detail::invalid_utf8_offset(raw) != std::string_view::npos) {
    throw invalid_input(field_location(where), "string is not valid utf-8; cannot write csv");
  }
  const std::string cell = detail::neutralize_csv_cell(raw);
  const bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
                     (!cell.empty() && (cell.front() == ' ' || cell.back() == ' ' || cell.back() == '\t'));
  if (!quote) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string value_text(const attribute_value& v, const std::string& where) {
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const double* d = std::get_if<double>(&v)) {
    if (!std::isfinite(*d)) throw invalid_input(field_location(where), "cannot write " + detail::format_number(*d) + " as csv");
    // A whole double gets ".0" so that it reads back as a double, not an integer.
    std::string text = detail::format_number(*d);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
  }
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return std::get<std::string>(v);
}

/// The attribute columns: every key of any row, sorted; a key that is also a
/// fixed column would be read back as that column, so it is an error.
template <class Range, class Get>
std::set<std::string> attribute_columns(const Range& rows, Get attributes, std::initializer_list<const char*> fixed,
                                        const char* what) {
  std::set<std::string> keys;
  for (const auto& row : rows) {
    for (const auto& [k, v] : attributes(row)) keys.insert(k);
  }
  for (const char* f : fixed) {
    if (keys.count(f)) {
      throw invalid_input(field_location(std::string(what) + ".attributes." + f),
                          "attribute has the name of a fixed csv column; cannot write csv");
    }
  }
  return keys;
}

/// Sectors and relations are joined with `|`: an item holding `|` (or an
/// empty one) would read back as other items.
std::string join_list(const std::vector<std::string>& items, const std::string& where, const char* what) {
  std::string out;
  for (const auto& item : items) {
    if (item.empty() || item.find('|') != std::string::npos) {
      throw invalid_input(field_location(where), std::string("cannot write as csv: ") + what + " " +
                                                     detail::quote_value(item) + " is empty or holds '|', the list separator");
    }
    out += (out.empty() ? "" : "|") + item;
  }
  return out;
}

}  // namespace

std::string to_csv_actors(const network& net) {
  const auto columns = attribute_columns(net.actors(), [](const actor& a) -> const attribute_map& { return a.attributes; },
                                         {"id", "name", "type", "sector", "sectors", "respondent"}, "actors");
  // The respondent column only when some actor's status is known (true/false; blank: unknown).
  const bool respondents = std::any_of(net.actors().begin(), net.actors().end(),
                                       [](const actor& a) { return a.respondent.has_value(); });
  std::string out = respondents ? "id,name,type,sector,sectors,respondent" : "id,name,type,sector,sectors";
  for (const auto& c : columns) put_cell(out += ',', c, "actors.attributes");
  out += '\n';
  std::size_t i = 0;
  for (const actor& a : net.actors()) {
    const std::string where = "actors[" + std::to_string(i++) + "]";
    put_cell(out, a.id, where + ".id");
    put_cell(out += ',', a.name, where + ".name");
    put_cell(out += ',', a.type, where + ".type");
    const std::string sectors = join_list(a.sectors, where + ".sectors", "sector");
    const std::size_t bar = std::min(sectors.find('|'), sectors.size());
    put_cell(out += ',', std::string_view(sectors).substr(0, bar), where + ".sectors");
    put_cell(out += ',', bar < sectors.size() ? std::string_view(sectors).substr(bar + 1) : "", where + ".sectors");
    if (respondents) out += a.respondent ? (*a.respondent ? ",true" : ",false") : ",";
    for (const auto& c : columns) {
      out += ',';
      if (const auto it = a.attributes.find(c); it != a.attributes.end()) {
        put_cell(out, value_text(it->second, where + ".attributes." + c), where + ".attributes." + c);
      }
    }
    out += '\n';
  }
  return out;
}

std::string to_csv_ties(const network& net) {
  const auto ties = net.ties();
  const auto columns = attribute_columns(ties, [](const auto& t) -> const attribute_map& { return t.attributes; },
                                         {"source", "target", "relation", "relations", "weight", "since"}, "ties");
  std::string out = "source,target,relations,weight,since";
  for (const auto& c : columns) put_cell(out += ',', c, "ties.attributes");
  out += '\n';
  std::size_t i = 0;
  for (const auto& t : ties) {
    const std::string where = "ties[" + std::to_string(i++) + "]";
    put_cell(out, t.source, where + ".source");
    put_cell(out += ',', t.target, where + ".target");
    const std::string relations =
        join_list(std::vector<std::string>(t.relations.begin(), t.relations.end()), where + ".relations", "relation");
    put_cell(out += ',', relations, where + ".relations");
    out += ',' + value_text(t.weight, where + ".weight");
    put_cell(out += ',', t.since.value_or(""), where + ".since");
    for (const auto& c : columns) {
      out += ',';
      if (const auto it = t.attributes.find(c); it != t.attributes.end()) {
        put_cell(out, value_text(it->second, where + ".attributes." + c), where + ".attributes." + c);
      }
    }
    out += '\n';
  }
  return out;
}

void write_csv(const network& net, const std::string& actors_path, const std::string& ties_path) {
  const std::string actors = to_csv_actors(net);
  const std::string ties = to_csv_ties(net);
  detail::write_file_atomically(actors_path, actors);
  detail::write_file_atomically(ties_path, ties);
}

}  // namespace healthnet
