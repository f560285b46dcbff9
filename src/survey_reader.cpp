// SPDX-License-Identifier: MIT
// Survey exports as CSV: the long roster layout and the adjacency matrix
// (healthnet/survey_io.hpp), read with the CSV layer of csv_table.hpp and the
// shared rules of detail/reading.hpp. Rules and messages follow the Python
// from_survey and from_matrix (python/healthnet/_survey.py).
#include "csv_table.hpp"

#include <healthnet/detail/file_io.hpp>
#include <healthnet/survey_io.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace healthnet {

namespace {

using namespace csv_table;

constexpr std::size_t npos_slot = static_cast<std::size_t>(-1);

/// Text and decoded view of one input.
struct decoded {
  std::optional<std::string> utf8;
  std::string_view view;
  decoded(std::string_view raw, const std::string& encoding, const std::string& origin)
      : utf8(decode_text(raw, encoding, origin)), view(utf8 ? std::string_view(*utf8) : raw) {}
  decoded(const decoded&) = delete;  // `view` may point into `utf8`
  decoded& operator=(const decoded&) = delete;
};

/// A checkbox cell compared as Python's _box_key: without ASCII case and
/// surrounding space, a whole number as its digits (`1.0`, `1,0` are `1`).
std::string box_key(std::string_view cell, bool decimal_comma) {
  const std::string_view s = detail::trim(cell);
  if (const auto n = parse_cell_number(s, decimal_comma).value;
      n && std::isfinite(*n) && *n == std::floor(*n) && std::abs(*n) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(*n));
  }
  return detail::ascii_lower(s);
}

/// `a, b, c` of sorted codes, the empty code shown as `''`.
std::string code_list(const std::set<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + (c.empty() ? std::string("''") : c);
  return out;
}

/// The actors file: read as by read_csv into `net`; ids of rows with a problem
/// go to `state.failed_ids`.
void read_roster(std::string_view text, const std::string& origin, const csv_options& options, network& net,
                 actor_reading& state, detail::problem_list& problems, std::vector<data_note>* notes,
                 bool forbid_respondent) {
  csv_file file(text, origin, options.separator);
  check_decimal_separator(file, options);
  csv_options o = options;
  if (forbid_respondent) {
    const std::string& name = options.columns.respondent.empty() ? column_names{}.respondent : options.columns.respondent;
    if (file.find_column(name) != csv_file::npos) {
      file.fail_at(file.header_line(), column_label(name),
                   "the survey reader sets it from the responses; drop or rename it");
    }
    o.columns.respondent.clear();
  }
  read_actors(file, o, reading_taxonomy(options), net, state, problems, notes);
  set_integer_ids(net);
}

/// Ids of the actors, sorted, for "did you mean".
std::vector<std::string> sorted_ids(const network& net) {
  std::vector<std::string> ids;
  for (const auto& a : net.actors()) ids.push_back(a.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// ---------------------------------------------------------------- survey

struct survey_row {
  std::size_t line;
  std::string respondent, partner;
  std::vector<std::optional<double>> values;  ///< ratings, then the weight if not a rating
  std::vector<bool> ticked;
};

network read_survey(std::string_view responses_text, std::optional<std::string_view> actors_text,
                    const survey_options& options, const std::string& responses_origin,
                    const std::string& actors_origin, detail::problem_list& problems, std::vector<data_note>* notes) {
  const csv_options& reading = options.reading;
  check_dialect(reading);
  // The checkbox coding.
  std::set<std::string> ticked_codes, empty_codes;
  for (const auto& c : options.ticked) ticked_codes.insert(box_key(c, reading.decimal == ','));
  for (const auto& c : options.empty) empty_codes.insert(box_key(c, reading.decimal == ','));
  for (const auto& c : ticked_codes) {
    if (empty_codes.contains(c)) {
      throw invalid_input(field_location("checkbox"), detail::quote_value(c) + " is both ticked and empty");
    }
  }
  network net(reading.directed ? directedness::directed : directedness::undirected);
  net.set_allow_self_loops(reading.allow_self_loops);
  if (reading.sector_taxonomy) net.set_taxonomy(*reading.sector_taxonomy);
  actor_reading roster;
  if (actors_text) {
    const decoded actors(*actors_text, reading.encoding, actors_origin);
    read_roster(actors.view, actors_origin, reading, net, roster, problems, notes, true);
  }
  const bool have_roster = actors_text.has_value();

  const decoded responses(responses_text, reading.encoding, responses_origin);
  csv_file file(responses.view, responses_origin, reading.separator);
  check_decimal_separator(file, reading);
  const bool decimal_comma = decimal_comma_of(file, reading);
  const auto column = [&](const std::string& name, std::string_view what) {
    const std::size_t i = file.find_column(name);
    if (i == csv_file::npos) file.missing_column(name, std::string(what) + " column is missing");
    return i;
  };
  const std::size_t respondent = column(options.respondent, "respondent");
  const std::size_t partner = column(options.partner, "partner");
  std::vector<std::string> value_names = options.ratings;
  if (!options.weight.empty() &&
      std::find(value_names.begin(), value_names.end(), options.weight) == value_names.end()) {
    value_names.push_back(options.weight);
  }
  std::vector<std::size_t> value_columns;
  for (std::size_t k = 0; k < value_names.size(); ++k) {
    value_columns.push_back(column(value_names[k], k < options.ratings.size() ? "rating" : "weight"));
    for (const char* taken : {"relations", "source", "target"}) {
      if (value_names[k] == taken) {
        file.fail_at(file.header_line(), column_label(taken),
                     "rename it, ['relations', 'source', 'target'] are taken by the ties");
      }
    }
  }
  std::vector<std::size_t> relation_columns;
  for (const auto& [name, relation] : options.relations) relation_columns.push_back(column(name, "relation"));
  const std::size_t weight_slot =
      options.weight.empty()
          ? npos_slot
          : static_cast<std::size_t>(std::find(value_names.begin(), value_names.end(), options.weight) -
                                     value_names.begin());
  const std::vector<std::string> roster_ids = have_roster ? sorted_ids(net) : std::vector<std::string>{};

  std::vector<survey_row> rows;
  std::unordered_set<std::string, detail::keyed_string_hash> respondents;
  std::vector<std::string> order;  // without an actors file: ids in order of first appearance
  std::unordered_set<std::string, detail::keyed_string_hash> seen;
  const auto appear = [&](std::string_view id) {
    if (!have_roster && seen.emplace(id).second) order.emplace_back(id);
  };
  // True when `id` is known (or its actors row had a problem, reported there).
  const auto check_id = [&](std::size_t col, std::string_view id, const char* what) {
    // Checked here, where the row is known (the actors are added after the
    // rows, and the model's own check could not name the line).
    if (id.find('\0') != std::string_view::npos) {
      file.fail(col, std::string(what) + " id contains a NUL character: " + detail::quote_value(detail::escape_control(id)));
    }
    if (!have_roster || net.find_index(id)) return true;
    if (roster.failed_ids.contains(std::string(id))) return false;
    file.fail(col, std::string(what) + " " + detail::quote_value(id) + " is not in the actors" +
                       detail::did_you_mean(id, roster_ids));
  };

  each_row(file, problems, [&] {
    survey_row row;
    row.line = file.line();
    const std::string_view r = file.field(respondent);
    if (r.empty()) file.fail(respondent, "missing respondent id");
    if (!check_id(respondent, r, "respondent")) return;
    for (std::size_t k = 0; k < value_columns.size(); ++k) {
      const std::size_t c = value_columns[k];
      const std::string_view cell = file.field(c);
      if (cell.empty()) {
        row.values.emplace_back();
        continue;
      }
      const char* what = k == weight_slot && k >= options.ratings.size() ? "weight " : "rating ";
      const number_cell number = parse_cell_number(cell, decimal_comma);
      if (number.ambiguous) file.fail(c, ambiguous_number(what, cell));
      if (!number.value) {
        const std::string hint = !decimal_comma && cell.find(',') != std::string_view::npos
                                     ? " (a decimal comma? read the file with decimal=',', command line: --decimal ,)"
                                     : "";
        file.fail(c, what + detail::quote_value(cell) + " is not a number" + hint);
      }
      if (!std::isfinite(*number.value)) file.fail(c, what + detail::quote_value(cell) + " is not a finite number");
      if (k == weight_slot && *number.value < 0) file.fail(c, "weight " + detail::quote_value(cell) + " is negative");
      row.values.push_back(number.value);
    }
    bool answered = std::any_of(row.values.begin(), row.values.end(), [](const auto& v) { return v.has_value(); });
    for (const std::size_t c : relation_columns) {
      const std::string_view cell = file.field(c);
      bool tick = false;
      if (!cell.empty()) {
        const std::string key = box_key(cell, decimal_comma);
        if (ticked_codes.contains(key)) {
          tick = true;
        } else if (!empty_codes.contains(key)) {
          file.fail(c, "checkbox value " + detail::quote_value(cell) + " is neither ticked (" +
                           code_list(ticked_codes) + ") nor empty (blank, " + code_list(empty_codes) +
                           "); pass checkbox=(ticked, empty) for another coding (command line: --checkbox "
                           "TICKED:EMPTY)");
        }
      }
      row.ticked.push_back(tick);
      answered = answered || tick;
    }
    const std::string_view p = file.field(partner);
    if (p.empty() && answered) file.fail(partner, "missing partner id in a row with answers");
    if (!p.empty() && !check_id(partner, p, "partner")) return;
    respondents.emplace(r);
    appear(r);
    if (p.empty()) return;
    appear(p);
    if (!answered) return;
    row.respondent = r;
    row.partner = p;
    rows.push_back(std::move(row));
  });

  if (!have_roster) {
    for (const auto& id : order) {
      actor a;
      a.id = id;
      net.add_actor(std::move(a));
    }
    set_integer_ids(net);
  }
  for (std::size_t i = 0; i < net.n_actors(); ++i) {
    actor a = net.actor_at(static_cast<vertex_index>(i));
    a.respondent = respondents.contains(a.id);
    net.update_actor(std::move(a));
  }

  const std::string weight_column = options.weight;
  detail::tie_table table(
      net, reading.rules, problems,
      [&](std::size_t t, std::string_view field) {
        return source_location{responses_origin, rows[t].line,
                               field.empty() ? std::string() : column_label(field == "weight" ? weight_column : field)};
      },
      [&](std::size_t t) { return "line " + std::to_string(rows[t].line); });
  table.reserve(rows.size());
  for (std::size_t t = 0; t < rows.size(); ++t) {
    survey_row& row = rows[t];
    const auto u = net.find_index(row.respondent);
    const auto v = net.find_index(row.partner);
    if (!u || !v) continue;  // an actors row with a problem, reported there
    if (*u == *v && !reading.allow_self_loops) {
      problems.add(invalid_input(source_location{responses_origin, row.line, column_label(options.partner)},
                                 "self-loop on actor " + detail::quote_value(row.partner) +
                                     " (set allow_self_loops to keep it)"));
      continue;
    }
    tie_details details;
    for (std::size_t k = 0; k < options.relations.size(); ++k) {
      if (row.ticked[k]) details.relations.emplace(options.relations[k].second);
    }
    for (std::size_t k = 0; k < options.ratings.size(); ++k) {
      if (options.ratings[k] == options.weight || !row.values[k]) continue;
      details.attributes.insert_or_assign(options.ratings[k], *row.values[k]);
    }
    const std::optional<double> w = weight_slot == npos_slot ? std::optional<double>(1.0) : row.values[weight_slot];
    table.add(*u, *v, w, std::move(details), t, row.respondent, row.partner);
  }
  try {
    table.finish(net, notes);
  } catch (const invalid_input& e) {
    if (!e.where().file.empty()) throw;
    file.fail_at(file.line(), "ties", e.problem());
  }
  return net;
}

// ---------------------------------------------------------------- matrix

network read_matrix(std::string_view text, std::optional<std::string_view> actors_text,
                    const matrix_options& options, const std::string& origin, const std::string& actors_origin,
                    detail::problem_list& problems, std::vector<data_note>* notes) {
  const csv_options& reading = options.reading;
  check_dialect(reading);
  const decoded input(text, reading.encoding, origin);
  csv_file file(input.view, origin, reading.separator, false);
  check_decimal_separator(file, reading);
  const bool decimal_comma = decimal_comma_of(file, reading);
  const auto header = [&](std::string field) { return source_location{origin, file.header_line(), std::move(field)}; };
  const std::vector<std::string>& columns = file.columns();
  if (columns.size() < 2) {
    file.fail_at(file.header_line(), {}, "a matrix needs a column of row labels and one column per actor");
  }
  // Column labels.
  std::unordered_map<std::string, std::size_t, detail::keyed_string_hash> column_of;  // label -> column index
  bool labels_ok = true;
  for (std::size_t c = 1; c < columns.size(); ++c) {
    if (columns[c].empty()) {
      problems.add(invalid_input(header("column " + std::to_string(c + 1)), "column label is blank: missing id"));
      labels_ok = false;
    } else if (columns[c].find('\0') != std::string::npos) {
      problems.add(invalid_input(header("column " + std::to_string(c + 1)),
                                 "column label contains a NUL character: " +
                                     detail::quote_value(detail::escape_control(columns[c]))));
      labels_ok = false;
    } else if (!column_of.emplace(columns[c], c).second) {
      problems.add(invalid_input(header("column label " + detail::quote_value(columns[c])), "appears more than once"));
      labels_ok = false;
    }
  }
  // Rows: the label and the cells as text, checked for numbers.
  struct matrix_row {
    std::size_t line;
    std::string label;
    std::vector<double> cells;  ///< by column index; NaN for blank
    std::vector<bool> unread;   ///< by column index: not a number (reported)
  };
  constexpr double blank = std::numeric_limits<double>::quiet_NaN();
  std::vector<matrix_row> rows;
  std::unordered_map<std::string, std::size_t, detail::keyed_string_hash> row_of;
  const auto cell_field = [&](std::string_view row, std::string_view col) {
    return "row " + detail::quote_value(row) + ", column " + detail::quote_value(col);
  };
  const std::size_t before_rows = problems.total();
  std::size_t cell_problems = 0;  // the others are problems of whole rows
  each_row(file, problems, [&] {
    matrix_row row;
    row.line = file.line();
    row.label = file.field(0);
    if (row.label.empty()) file.fail(0, "row label is blank: missing id");
    if (row.label.find('\0') != std::string::npos) {
      file.fail(0, "row label contains a NUL character: " + detail::quote_value(detail::escape_control(row.label)));
    }
    if (!row_of.emplace(row.label, rows.size()).second) {
      labels_ok = false;
      file.fail_at(row.line, "row label " + detail::quote_value(row.label),
                   "appears more than once (first on line " + std::to_string(rows[row_of[row.label]].line) + ")");
    }
    row.cells.assign(columns.size(), blank);
    row.unread.assign(columns.size(), false);
    for (std::size_t c = 1; c < columns.size(); ++c) {
      const std::string_view cell = file.field(c);
      if (cell.empty()) continue;
      const number_cell number = parse_cell_number(cell, decimal_comma);
      if (number.ambiguous) {
        problems.add(invalid_input(source_location{origin, row.line, cell_field(row.label, columns[c])},
                                   ambiguous_number("", cell)));
        ++cell_problems;
        row.unread[c] = true;
        continue;
      }
      if (!number.value) {
        problems.add(invalid_input(source_location{origin, row.line, cell_field(row.label, columns[c])},
                                   detail::quote_value(cell) + " is not a number"));
        ++cell_problems;
        row.unread[c] = true;
        continue;
      }
      row.cells[c] = *number.value;
    }
    rows.push_back(std::move(row));
  });
  // A row that could not be read (a field count, a label problem) leaves the
  // labels incomplete: no label checks then, they would only echo it.
  if (problems.total() - before_rows != cell_problems) return network{};
  // Row and column labels must be the same set.
  std::vector<std::string> lonely_columns;
  for (std::size_t c = 1; c < columns.size(); ++c) {
    if (!columns[c].empty() && !row_of.contains(columns[c])) lonely_columns.push_back(columns[c]);
  }
  for (const auto& row : rows) {
    if (column_of.contains(row.label)) continue;
    std::string also;
    if (!lonely_columns.empty()) {
      also = "; columns without a row: ";
      for (std::size_t k = 0; k < lonely_columns.size() && k < 5; ++k) {
        also += (k == 0 ? "" : ", ") + detail::quote_value(lonely_columns[k]);
      }
    }
    problems.add(invalid_input(source_location{origin, row.line, "row label " + detail::quote_value(row.label)},
                               "has no column" + also));
    labels_ok = false;
  }
  // Columns without a row are named in the first row problem already (as Python does).
  for (const auto& label : labels_ok ? lonely_columns : std::vector<std::string>{}) {
    problems.add(invalid_input(header("column label " + detail::quote_value(label)), "has no row"));
    labels_ok = false;
  }
  if (!labels_ok) return network{};
  const std::size_t n = rows.size();
  // values[i][j]: row i, the column of row j's label.
  std::vector<std::vector<double>> values(n, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) values[i][j] = rows[i].cells[column_of.at(rows[j].label)];
  }
  const auto at = [&](std::size_t i, std::size_t j) {
    return source_location{origin, rows[i].line, cell_field(rows[i].label, rows[j].label)};
  };
  std::vector<std::vector<bool>> bad(n, std::vector<bool>(n, false));  // reported once
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) bad[i][j] = rows[i].unread[column_of.at(rows[j].label)];
  }
  const auto report = [&](std::size_t i, std::size_t j, const std::string& problem) {
    bad[i][j] = true;
    problems.add(invalid_input(at(i, j), problem));
  };
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double& x = values[i][j];
      if (bad[i][j]) continue;
      if (i == j && !reading.allow_self_loops) {
        if (!std::isnan(x) && x != 0) {
          report(i, j, "self-loop " + detail::format_number(x) +
                           " on the diagonal (pass allow_self_loops=True to keep it; command line: --allow-self-loops)");
        }
        x = 0;
        continue;
      }
      if (std::isnan(x)) {
        if (options.missing == blank_cell::error) {
          report(i, j, "blank cell; a blank is ambiguous in a matrix: write 0 for no tie, or pass missing='absent' "
                       "to read blanks as no tie (command line: --matrix-missing absent)");
        }
        x = 0;
        continue;
      }
      if (!std::isfinite(x)) {
        report(i, j, detail::format_number(x) + " is not a finite number");
      } else if (options.binary && x != 0 && x != 1) {
        report(i, j, detail::format_number(x) + " in a binary matrix (expected 0 or 1)");
      } else if (x < 0) {
        report(i, j, "weight " + detail::format_number(x) + " is negative");
      }
    }
  }
  if (!reading.directed) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        if (bad[i][j] || bad[j][i] || values[i][j] == values[j][i]) continue;
        report(i, j, detail::format_number(values[i][j]) + " but " + detail::format_number(values[j][i]) +
                         " the other way; an undirected matrix must be symmetric (read it directed and symmetrise it)");
      }
    }
  }
  network net(reading.directed ? directedness::directed : directedness::undirected);
  net.set_allow_self_loops(reading.allow_self_loops);
  if (reading.sector_taxonomy) net.set_taxonomy(*reading.sector_taxonomy);
  if (actors_text) {
    actor_reading roster;
    const decoded actors(*actors_text, reading.encoding, actors_origin);
    read_roster(actors.view, actors_origin, reading, net, roster, problems, notes, false);
    const std::vector<std::string> ids = sorted_ids(net);
    for (const auto& row : rows) {
      if (!net.find_index(row.label) && !roster.failed_ids.contains(row.label)) {
        problems.add(invalid_input(source_location{origin, row.line, "row label " + detail::quote_value(row.label)},
                                   "label " + detail::quote_value(row.label) + " is not in the actors" +
                                       detail::did_you_mean(row.label, ids)));
      }
    }
    for (std::size_t k = 0; k < net.n_actors(); ++k) {
      const std::string& id = net.actor_at(static_cast<vertex_index>(k)).id;
      if (!row_of.contains(id)) {
        problems.add(invalid_input(source_location{actors_origin, roster.lines[k], column_label(reading.columns.id)},
                                   "id " + detail::quote_value(id) + " has no row and column in the matrix"));
      }
    }
  } else {
    for (const auto& row : rows) {
      actor a;
      a.id = row.label;
      net.add_actor(std::move(a));
    }
    set_integer_ids(net);
  }
  if (!problems.empty()) return net;
  // Ties in row-major order (undirected: the upper triangle).
  std::vector<std::pair<std::size_t, std::size_t>> cells;
  detail::tie_table table(
      net, reading.rules, problems,
      [&](std::size_t t, std::string_view) { return at(cells[t].first, cells[t].second); },
      [&](std::size_t t) { return "line " + std::to_string(rows[cells[t].first].line); });
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = reading.directed ? 0 : i; j < n; ++j) {
      if (values[i][j] == 0) continue;
      const auto u = net.find_index(rows[i].label);
      const auto v = net.find_index(rows[j].label);
      cells.emplace_back(i, j);
      table.add(*u, *v, options.binary ? 1.0 : values[i][j], tie_details{}, cells.size() - 1, rows[i].label,
                rows[j].label);
    }
  }
  try {
    table.finish(net, notes);
  } catch (const invalid_input& e) {  // "too many ties" has no place yet
    if (!e.where().file.empty()) throw;
    file.fail_at(file.header_line(), {}, e.problem());
  }
  return net;
}

template <class Read>
network read_or_throw(Read read, std::size_t max_errors, const std::string& what, std::vector<data_note>* notes) {
  try {
    detail::problem_list problems(max_errors);
    std::vector<data_note> found;
    network net = read(problems, &found);
    problems.throw_first();
    if (notes != nullptr) notes->insert(notes->end(), found.begin(), found.end());
    return net;
  } catch (const out_of_memory&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw out_of_memory("out of memory reading " + what);
  }
}

template <class Read>
problem_report check(Read read, std::size_t max_errors) {
  detail::problem_list problems(max_errors);
  std::vector<data_note> notes;
  try {
    (void)read(problems, &notes);
  } catch (const invalid_input& e) {
    problems.add(e);
  }
  return problems.report(problems.empty() ? std::move(notes) : std::vector<data_note>{});
}

std::optional<std::string> read_optional(const std::string& path) {
  if (path.empty()) return std::nullopt;
  return detail::read_file(path);
}

std::optional<std::string_view> view_of(const std::optional<std::string>& text) {
  return text ? std::optional<std::string_view>(*text) : std::nullopt;
}

}  // namespace

network parse_survey_csv(std::string_view responses_text, const survey_options& options,
                         std::optional<std::string_view> actors_text, const std::string& responses_origin,
                         const std::string& actors_origin, std::vector<data_note>* notes) {
  return read_or_throw(
      [&](detail::problem_list& p, std::vector<data_note>* n) {
        return read_survey(responses_text, actors_text, options, responses_origin, actors_origin, p, n);
      },
      options.reading.rules.max_errors, responses_origin, notes);
}

network read_survey_csv(const std::string& responses_path, const survey_options& options,
                        const std::string& actors_path, std::vector<data_note>* notes) {
  const std::string responses = detail::read_file(responses_path);
  const auto actors = read_optional(actors_path);
  return parse_survey_csv(responses, options, view_of(actors), responses_path, actors_path, notes);
}

problem_report check_survey_csv(std::string_view responses_text, const survey_options& options,
                                std::optional<std::string_view> actors_text, const std::string& responses_origin,
                                const std::string& actors_origin) {
  return check(
      [&](detail::problem_list& p, std::vector<data_note>* n) {
        return read_survey(responses_text, actors_text, options, responses_origin, actors_origin, p, n);
      },
      options.reading.rules.max_errors);
}

problem_report validate_survey_csv(const std::string& responses_path, const survey_options& options,
                                   const std::string& actors_path) {
  const std::string responses = detail::read_file(responses_path);
  const auto actors = read_optional(actors_path);
  return check_survey_csv(responses, options, view_of(actors), responses_path, actors_path);
}

network parse_matrix_csv(std::string_view text, const matrix_options& options,
                         std::optional<std::string_view> actors_text, const std::string& origin,
                         const std::string& actors_origin, std::vector<data_note>* notes) {
  return read_or_throw(
      [&](detail::problem_list& p, std::vector<data_note>* n) {
        return read_matrix(text, actors_text, options, origin, actors_origin, p, n);
      },
      options.reading.rules.max_errors, origin, notes);
}

network read_matrix_csv(const std::string& path, const matrix_options& options, const std::string& actors_path,
                        std::vector<data_note>* notes) {
  const std::string text = detail::read_file(path);
  const auto actors = read_optional(actors_path);
  return parse_matrix_csv(text, options, view_of(actors), path, actors_path, notes);
}

problem_report check_matrix_csv(std::string_view text, const matrix_options& options,
                                std::optional<std::string_view> actors_text, const std::string& origin,
                                const std::string& actors_origin) {
  return check(
      [&](detail::problem_list& p, std::vector<data_note>* n) {
        return read_matrix(text, actors_text, options, origin, actors_origin, p, n);
      },
      options.reading.rules.max_errors);
}

problem_report validate_matrix_csv(const std::string& path, const matrix_options& options,
                                   const std::string& actors_path) {
  const std::string text = detail::read_file(path);
  const auto actors = read_optional(actors_path);
  return check_matrix_csv(text, options, view_of(actors), path, actors_path);
}

}  // namespace healthnet
