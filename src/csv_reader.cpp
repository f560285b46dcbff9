// SPDX-License-Identifier: MIT
// CSV reader: an actors file plus a ties file (Excel, LibreOffice, pandas, R).
// The tokenizer, number cells and the actors file are in csv_table.hpp,
// shared with the survey readers (survey_reader.cpp).
#include "encoding.hpp"
#include "json_locate.hpp"

#include <healthnet/detail/keyed_hash.hpp>
#include <healthnet/detail/integer_text.hpp>
#include <healthnet/detail/reading.hpp>
#include <healthnet/detail/respondent.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/detail/file_io.hpp>
#include <healthnet/detail/integer_text.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/error.hpp>
#include <healthnet/io.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "csv_table.hpp"

namespace healthnet {

namespace {

using namespace csv_table;

void read_ties(csv_file& file, const csv_options& options, const std::string& actors_origin,
               const actor_reading& actors, network& net, detail::problem_list& problems,
               std::vector<data_note>* notes) {
  const column_names& names = options.columns;
  const column_names defaults;
  column_map map(file);
  const std::size_t source = map.take(names.source, defaults.source, true);
  const std::size_t target = map.take(names.target, defaults.target, true);
  const std::size_t weight = map.take(names.weight, defaults.weight, false, "weight column");
  std::vector<std::size_t> relations;
  if (const std::size_t r = map.take(names.relations, defaults.relations); r != csv_file::npos) relations.push_back(r);
  if (names.relations == defaults.relations) {
    if (const std::size_t r = map.take("relation", "relation"); r != csv_file::npos) relations.push_back(r);
  }
  const std::size_t since = map.take(names.since, defaults.since);
  const std::vector<attribute_column> attributes = map.rest();
  const bool decimal_comma = decimal_comma_of(file, options);
  const std::string not_in_actors = " (not in " + actors_origin + ")";
  // A tie_table row is the row's line in the file (no second table of lines).
  detail::tie_table table(
      net, options.rules, problems,
      [&](std::size_t line, std::string_view field) {
        return source_location{file.origin(), line, field.empty() ? std::string() : column_label(field == "weight" ? names.weight : field)};
      },
      [&](std::size_t line) { return "line " + std::to_string(line); });

  each_row(file, problems, [&] {
    const std::size_t row = file.line();
    const std::string_view from = file.field(source);
    const std::string_view to = file.field(target);
    if (from.empty()) file.fail(source, "actor id is empty");
    if (to.empty()) file.fail(target, "actor id is empty");
    const auto u = net.find_index(from);
    const auto v = net.find_index(to);
    // An actor whose own row had a problem is reported there, not again here.
    if ((!u && actors.failed_ids.contains(std::string(from))) || (!v && actors.failed_ids.contains(std::string(to)))) {
      return;
    }
    if (!u) file.fail(source, "unknown actor id " + detail::quote_value(from) + not_in_actors);
    if (from == to && !options.allow_self_loops) {
      file.fail(target, "self-loop on actor " + detail::quote_value(from) + " (set allow_self_loops to keep it)");
    }
    if (!v) file.fail(target, "unknown actor id " + detail::quote_value(to) + not_in_actors);
    tie_details details;
    for (const std::size_t r : relations) {
      split_list(file.field(r), [&details](std::string_view s) { details.relations.emplace(s); });
    }
    if (since != csv_file::npos) {
      const std::string_view date = file.field(since);
      if (!date.empty()) {
        if (!detail::is_iso_date(date)) {
          file.fail(since, "since " + detail::quote_value(date) +
                               " is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy");
        }
        details.since = std::string(date);
      }
    }
    std::optional<double> w = 1.0;
    if (weight != csv_file::npos) {
      const std::string_view cell = file.field(weight);
      if (cell.empty()) {
        w.reset();
      } else {
        const number_cell number = parse_cell_number(cell, decimal_comma);
        if (number.ambiguous) file.fail(weight, ambiguous_number("weight ", cell));
        const auto& parsed = number.value;
        if (!parsed) file.fail(weight, "weight " + detail::quote_value(cell) + " is not a number");
        if (!std::isfinite(*parsed)) file.fail(weight, "weight " + detail::quote_value(cell) + " is not a finite number");
        if (*parsed < 0) file.fail(weight, "weight " + detail::quote_value(cell) + " is negative");
        w = *parsed;
      }
    }
    fill_attributes(file, attributes, decimal_comma, details.attributes);
    table.add(*u, *v, w, std::move(details), row, from, to);
  });
  try {
    table.finish(net, notes);
  } catch (const invalid_input& e) {  // a merged weight overflowing (placed), or "too many ties"
    if (!e.where().file.empty()) throw;
    file.fail_at(file.line(), "ties", e.problem());
  }
}

/// Reads both files into `net`, recording row problems in `problems`;
/// throws invalid_input for a problem that ends a file.
network read_tables(std::string_view actors_text, std::string_view ties_text, const csv_options& options,
                    const std::string& actors_origin, const std::string& ties_origin, detail::problem_list& problems,
                    std::vector<data_note>* notes) {
  check_dialect(options);
  const auto actors_utf8 = decode_text(actors_text, options.encoding, actors_origin);
  const auto ties_utf8 = decode_text(ties_text, options.encoding, ties_origin);
  const std::string_view actors_view = actors_utf8 ? std::string_view(*actors_utf8) : actors_text;
  const std::string_view ties_view = ties_utf8 ? std::string_view(*ties_utf8) : ties_text;
  network net(options.directed ? directedness::directed : directedness::undirected);
  net.set_allow_self_loops(options.allow_self_loops);
  if (options.sector_taxonomy) net.set_taxonomy(*options.sector_taxonomy);
  actor_reading actors;
  {
    csv_file file(actors_view, actors_origin, options.separator);
    check_decimal_separator(file, options);
    read_actors(file, options, reading_taxonomy(options), net, actors, problems, notes);
  }
  // Ids that are all canonical integers (101, not 0101) came in as numbers,
  // as pandas reads them: results are then indexed by integers.
  set_integer_ids(net);
  csv_file file(ties_view, ties_origin, options.separator);
  check_decimal_separator(file, options);
  read_ties(file, options, actors_origin, actors, net, problems, notes);
  return net;
}

}  // namespace

network parse_csv(std::string_view actors_text, std::string_view ties_text, const csv_options& options,
                  const std::string& actors_origin, const std::string& ties_origin, std::vector<data_note>* notes) {
  try {
    detail::problem_list problems(options.rules.max_errors);
    std::vector<data_note> found;
    network net;
    try {
      net = read_tables(actors_text, ties_text, options, actors_origin, ties_origin, problems, &found);
    } catch (const invalid_input& e) {  // a problem that ends a file comes after the rows' problems
      problems.add(e);                  // (as check_csv lists them): the first is thrown, counting the rest
    }
    problems.throw_first();
    if (notes != nullptr) notes->insert(notes->end(), found.begin(), found.end());
    return net;
  } catch (const out_of_memory&) {
    throw;
  } catch (const std::bad_alloc&) {  // the reader's memory is freed by now
    throw out_of_memory("out of memory reading " + actors_origin + " and " + ties_origin);
  }
}

network read_csv(const std::string& actors_path, const std::string& ties_path, const csv_options& options,
                 std::vector<data_note>* notes) {
  const std::string actors = detail::read_file(actors_path);
  const std::string ties = detail::read_file(ties_path);
  return parse_csv(actors, ties, options, actors_path, ties_path, notes);
}

problem_report check_csv(std::string_view actors_text, std::string_view ties_text, const csv_options& options,
                         const std::string& actors_origin, const std::string& ties_origin) {
  detail::problem_list problems(options.rules.max_errors);
  std::vector<data_note> notes;
  try {
    (void)read_tables(actors_text, ties_text, options, actors_origin, ties_origin, problems, &notes);
  } catch (const invalid_input& e) {
    problems.add(e);
  }
  return problems.report(problems.empty() ? std::move(notes) : std::vector<data_note>{});
}

std::map<std::string, std::string, std::less<>> parse_sector_map(std::string_view text, const std::string& origin) {
  std::map<std::string, std::string, std::less<>> out;
  std::string_view body = detail::trim(text);
  if (body.starts_with("\xEF\xBB\xBF")) body = detail::trim(body.substr(3));
  if (body.starts_with("{")) {  // a JSON object {"label": "sector"}
    // The shared JSON front end (json_locate.hpp): syntax errors, numbers
    // beyond double, invalid UTF-8 and repeated keys name file, line and column.
    // A byte order mark after leading blanks becomes blanks (lines stay right).
    std::string blanked;
    std::string_view json_text = text;
    if (const std::size_t bom = text.find("\xEF\xBB\xBF"); bom != std::string_view::npos && bom > 0 &&
                                                             detail::trim(text.substr(0, bom)).empty()) {
      blanked.assign(text);
      blanked.replace(bom, 3, "   ");
      json_text = blanked;
    }
    const detail::json_document doc = detail::parse_json_document(json_text, origin);
    for (const auto& item : doc.root().items()) {
      const std::string& label = item.key();
      const nlohmann::json& sector = item.value();
      const auto place = [&] {
        const std::string pointer = "/" + detail::escape_pointer_token(label);
        return source_location{origin, detail::locate_json_pointer(json_text, pointer), detail::quote_value(label)};
      };
      if (label.empty()) throw invalid_input(place(), "label is empty");
      if (!sector.is_string() || sector.get<std::string>().empty()) {
        throw invalid_input(place(), "expected a sector id (text)");
      }
      out.emplace(label, sector.get<std::string>());
    }
    return out;
  }
  csv_file file(text, origin);
  const std::size_t label = file.find_column("label");
  const std::size_t sector = file.find_column("sector");
  if (label == csv_file::npos) file.missing_column("label", "required column is missing (a sector map has the columns label,sector)");
  if (sector == csv_file::npos) file.missing_column("sector", "required column is missing (a sector map has the columns label,sector)");
  std::map<std::string, std::size_t, std::less<>> lines;
  while (file.next()) {
    const std::string_view l = file.field(label);
    const std::string_view id = file.field(sector);
    if (l.empty()) file.fail(label, "label is empty");
    if (id.empty()) file.fail(sector, "sector is empty");
    if (const auto it = lines.find(l); it != lines.end()) {
      file.fail(label, "label " + detail::quote_value(l) + " appears twice (first on line " + std::to_string(it->second) + ")");
    }
    lines.emplace(std::string(l), file.line());
    out.emplace(std::string(l), std::string(id));
  }
  return out;
}

std::map<std::string, std::string, std::less<>> read_sector_map(const std::string& path) {
  return parse_sector_map(detail::read_file(path), path);
}

problem_report validate_csv(const std::string& actors_path, const std::string& ties_path, const csv_options& options) {
  const std::string actors = detail::read_file(actors_path);
  const std::string ties = detail::read_file(ties_path);
  return check_csv(actors, ties, options, actors_path, ties_path);
}

}  // namespace healthnet
