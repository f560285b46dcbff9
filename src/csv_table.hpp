// SPDX-License-Identifier: MIT
// The CSV layer shared by the readers of src/ (actors and ties, survey
// responses, adjacency matrices): the tokenizer (csv_file), number cells,
// column mapping, row-by-row problem collection and the actors file.
// Private to the compiled library; not installed.
//
// The whole file is parsed from one buffer; fields are string_views into it,
// and only quoted fields holding doubled quotes or CRLF line breaks are copied
// (into one scratch buffer reused for every record).
#pragma once

#include "encoding.hpp"

#include <healthnet/detail/integer_text.hpp>
#include <healthnet/detail/keyed_hash.hpp>
#include <healthnet/detail/reading.hpp>
#include <healthnet/detail/respondent.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/error.hpp>
#include <healthnet/io.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace healthnet::csv_table {

inline std::string column_label(std::string_view name) { return "column '" + std::string(name) + "'"; }

inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

inline bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

inline std::string hex_byte(unsigned char c) {
  constexpr char digits[] = "0123456789abcdef";
  return std::string("0x") + digits[c >> 4] + digits[c & 0xF];
}

/// One CSV file: the header and a cursor over its records.
class csv_file {
 public:
  /// `separator` 0 detects it from the header line.
  /// `unique_columns` false leaves repeated header names to the caller.
  csv_file(std::string_view text, const std::string& origin, char separator = 0, bool unique_columns = true)
      : m_origin(origin), m_separator(separator) {
    // With a byte-order mark, or without one (a NUL among the first bytes of a text file).
    if ((text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) ||
        text.substr(0, 4).find('\0') != std::string_view::npos) {
      fail_at(1, {}, "file is utf-16; pass encoding='utf-16' (command line: --encoding utf-16) or save it as utf-8");
    }
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    // Old Mac files end lines with a lone CR. Such text is copied with every
    // CR, LF and CRLF turned into one LF (also inside quoted fields, as for
    // CRLF files), so line numbers count lines in every convention.
    if (has_lone_cr(text)) {
      m_normalized.reserve(text.size());
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
          m_normalized.push_back('\n');
          if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
          m_normalized.push_back(text[i]);
        }
      }
      text = m_normalized;
    }
    m_text = text;
    if (is_blank(m_text)) fail_at(0, {}, "file is empty");
    skip_blank_lines();
    // Excel's optional first line `sep=;` names the separator.
    const std::string_view rest = m_text.substr(m_pos);
    if (rest.size() >= 5 && iequals(rest.substr(0, 4), "sep=")) {
      const std::string_view line = detail::trim(rest.substr(0, rest.find('\n')));
      if (line.size() == 5 && (line[4] == ',' || line[4] == ';' || line[4] == '\t')) {
        if (m_separator != 0 && m_separator != line[4]) {
          fail_at(m_line, "sep", "the file's first line says " + detail::quote_value(line) + " but the separator " +
                                     detail::quote_value(std::string(1, m_separator)) + " was given");
        }
        m_separator = line[4];
        const std::size_t eol = rest.find('\n');
        m_pos += eol == npos ? rest.size() : eol + 1;
        ++m_line;
        skip_blank_lines();
        if (is_blank(m_text.substr(m_pos))) fail_at(0, {}, "file is empty");
      }
    }
    if (m_separator == 0) m_separator = detect_separator(m_text.substr(m_pos));
    m_header_line = m_line;
    read_record();
    m_columns.reserve(m_fields.size());
    for (std::size_t i = 0; i < m_fields.size(); ++i) m_columns.emplace_back(detail::trim(field(i)));
    // Repeated names by hashing, O(columns) expected: a pairwise scan took
    // 39 s for 100k columns.
    if (!unique_columns) return;
    std::unordered_set<std::string_view, detail::keyed_string_hash> seen;
    seen.reserve(m_columns.size());
    for (const auto& name : m_columns) {
      if (!name.empty() && !seen.insert(name).second) {
        fail_at(m_header_line, column_label(name), "column appears twice in the header");
      }
    }
  }

  [[nodiscard]] const std::string& origin() const noexcept { return m_origin; }
  [[nodiscard]] char separator() const noexcept { return m_separator; }
  [[nodiscard]] std::size_t header_line() const noexcept { return m_header_line; }
  /// Header names in file order; an empty name marks a column to ignore.
  [[nodiscard]] const std::vector<std::string>& columns() const noexcept { return m_columns; }

  /// Index of the column with this name, or npos.
  [[nodiscard]] std::size_t find_column(std::string_view name) const noexcept {
    const auto it = std::find(m_columns.begin(), m_columns.end(), name);
    return it == m_columns.end() ? npos : static_cast<std::size_t>(it - m_columns.begin());
  }

  /// Throws the error for a column the caller needs but the header lacks.
  [[noreturn]] void missing_column(std::string_view name, std::string_view what) const {
    std::string problem(what);
    for (const auto& c : m_columns) {
      if (iequals(c, name)) {
        problem += " (found " + detail::quote_value(c) + "; column names are case-sensitive)";
        fail_at(m_header_line, column_label(name), problem);
      }
    }
    const std::string close = detail::did_you_mean(name, m_columns);
    problem += close.empty() ? " (" + detail::known_names(m_columns) + ")" : close;
    fail_at(m_header_line, column_label(name), problem);
  }

  /// Moves to the next record that is not blank; false at the end of the file.
  /// @throws invalid_input when the record has more or fewer fields than the header.
  bool next() {
    for (;;) {
      if (m_pos >= m_text.size()) return false;
      read_record();
      if (!is_blank_record()) break;
    }
    if (m_fields.size() > m_columns.size()) {
      fail_at(m_fields[m_columns.size()].line, "column " + std::to_string(m_columns.size() + 1),
              "row has " + std::to_string(m_fields.size()) + " fields but the header has " +
                  std::to_string(m_columns.size()) + "; quote fields that contain " + separator_name());
    }
    if (m_fields.size() < m_columns.size()) {
      fail_at(m_record_line, column_of(m_fields.size()),
              "row has " + std::to_string(m_fields.size()) + " fields but the header has " +
                  std::to_string(m_columns.size()));
    }
    return true;
  }

  /// Field `i` of the current record: unquoted fields trimmed, quoted fields unescaped.
  [[nodiscard]] std::string_view field(std::size_t i) const noexcept {
    const raw_field& f = m_fields[i];
    return f.in_scratch ? std::string_view(m_scratch).substr(f.begin, f.size) : m_text.substr(f.begin, f.size);
  }
  /// Line of the first record line (or, with a column, where that field starts).
  [[nodiscard]] std::size_t line() const noexcept { return m_record_line; }

  /// Throws invalid_input for field `column` of the current record.
  [[noreturn]] void fail(std::size_t column, const std::string& problem) const {
    fail_at(column < m_fields.size() ? m_fields[column].line : m_record_line, column_of(column), problem);
  }
  [[noreturn]] void fail_at(std::size_t line, std::string field, const std::string& problem) const {
    throw invalid_input(source_location{m_origin, line, std::move(field)}, problem);
  }
  /// An error after which the rest of the file cannot be read (an unclosed
  /// quote, bytes that are not UTF-8): reading stops there.
  [[noreturn]] void fail_fatal(std::size_t line, std::string field, const std::string& problem) {
    m_fatal = true;
    m_pos = m_text.size();
    fail_at(line, std::move(field), problem);
  }
  /// Whether the last error ended the reading of this file.
  [[nodiscard]] bool fatal() const noexcept { return m_fatal; }
  /// Byte offset of the next record.
  [[nodiscard]] std::size_t position() const noexcept { return m_pos; }

  static constexpr std::size_t npos = std::string_view::npos;

 private:
  /// Whether a lone CR (not followed by LF) ends a line somewhere: outside
  /// quotes. A lone CR inside a quoted field of an LF or CRLF file is data.
  static bool has_lone_cr(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '"') quoted = !quoted;  // "" inside quotes toggles twice
      else if (text[i] == '\r' && !quoted && (i + 1 == text.size() || text[i + 1] != '\n')) return true;
    }
    return false;
  }

  struct raw_field {
    std::size_t begin;
    std::size_t size;
    std::size_t line;
    bool in_scratch;
    bool quoted;
  };

  [[nodiscard]] std::string column_of(std::size_t i) const {
    if (i < m_columns.size() && !m_columns[i].empty()) return column_label(m_columns[i]);
    return "column " + std::to_string(i + 1);
  }
  [[nodiscard]] std::string separator_name() const {
    return m_separator == '\t' ? std::string("tabs") : "'" + std::string(1, m_separator) + "'";
  }

  void skip_blank_lines() {
    for (;;) {
      std::size_t p = m_pos;
      while (p < m_text.size() && (m_text[p] == ' ' || m_text[p] == '\t' || m_text[p] == '\r')) ++p;
      if (p >= m_text.size() || m_text[p] != '\n') return;
      m_pos = p + 1;
      ++m_line;
    }
  }

  /// The separator occurring most often outside quotes in the first line;
  /// ties go to `,`, then `;`, then tab. A single-column header gives `,`.
  static char detect_separator(std::string_view text) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (const char c : text) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\n') break;
        if (c == ',') ++comma;
        else if (c == ';') ++semicolon;
        else if (c == '\t') ++tab;
      }
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
  }

  [[nodiscard]] bool is_blank_record() const noexcept {
    return std::all_of(m_fields.begin(), m_fields.end(), [](const raw_field& f) { return f.size == 0 && !f.quoted; });
  }

  void check_utf8(std::string_view raw, std::size_t line, std::size_t column) {
    const std::size_t bad = detail::invalid_utf8_offset(raw);
    if (bad == npos) return;
    const std::size_t bad_line = line + detail::line_of(raw, bad) - 1;
    fail_fatal(bad_line, column_of(column),
               "invalid utf-8 byte " + hex_byte(static_cast<unsigned char>(raw[bad])) +
                   "; German Excel saves 'CSV' as Windows-1252: pass encoding='cp1252' (command line: "
                   "--encoding cp1252), or save the file as 'CSV UTF-8'");
  }

  /// Reads one physical record starting at m_pos into m_fields.
  void read_record() {
    m_fields.clear();
    m_scratch.clear();
    m_record_line = m_line;
    const std::size_t n = m_text.size();
    const char sep = m_separator;
    for (;;) {
      const std::size_t field_line = m_line;
      std::size_t p = m_pos;
      while (p < n && (m_text[p] == ' ' || (m_text[p] == '\t' && sep != '\t'))) ++p;
      if (p < n && m_text[p] == '"') {
        read_quoted(p + 1, field_line);
      } else {
        p = m_pos;
        while (p < n && m_text[p] != sep && m_text[p] != '\n') ++p;
        const std::string_view raw = m_text.substr(m_pos, p - m_pos);
        check_utf8(raw, field_line, m_fields.size());
        const std::string_view value = detail::trim(raw);
        const auto begin = static_cast<std::size_t>(value.data() - m_text.data());
        m_fields.push_back({begin, value.size(), field_line, false, false});
        m_pos = p;
      }
      if (m_pos >= n) return;
      if (m_text[m_pos] == sep) {
        ++m_pos;
        continue;
      }
      // A line break ends the record (read_quoted has already skipped a '\r').
      ++m_pos;
      ++m_line;
      return;
    }
  }

  /// Reads a quoted field whose content starts at `start`; leaves m_pos on the
  /// separator or line break after it.
  void read_quoted(std::size_t start, std::size_t field_line) {
    const std::size_t n = m_text.size();
    const std::size_t column = m_fields.size();
    std::size_t p = start;
    bool doubled = false;
    bool has_cr = false;
    std::size_t end = 0;
    for (;;) {
      const std::size_t q = m_text.find('"', p);
      if (q == npos) fail_fatal(field_line, column_of(column), "quoted field is never closed (missing '\"')");
      const std::string_view span = m_text.substr(p, q - p);
      const auto breaks = static_cast<std::size_t>(std::count(span.begin(), span.end(), '\n'));
      if (breaks != 0) {
        m_line += breaks;
        has_cr = has_cr || span.find('\r') != npos;
      }
      if (q + 1 < n && m_text[q + 1] == '"') {
        doubled = true;
        p = q + 2;
        continue;
      }
      end = q;
      p = q + 1;
      break;
    }
    const std::string_view raw = m_text.substr(start, end - start);
    check_utf8(raw, field_line, column);
    while (p < n && (m_text[p] == ' ' || (m_text[p] == '\t' && m_separator != '\t') || m_text[p] == '\r')) ++p;
    if (p < n && m_text[p] != m_separator && m_text[p] != '\n') {
      // Show the whole UTF-8 character, or the byte in hex if it starts none.
      const auto lead = static_cast<unsigned char>(m_text[p]);
      const std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      const std::string_view ch = m_text.substr(p, len);
      fail_fatal(m_line, column_of(column),
                 "unexpected " + (detail::invalid_utf8_offset(ch) == npos ? detail::quote_value(ch) : hex_byte(lead)) +
                     " after closing quote; double quotes inside quoted fields");
    }
    m_pos = p;
    if (!doubled && !has_cr) {
      m_fields.push_back({start, raw.size(), field_line, false, true});
      return;
    }
    const std::size_t begin = m_scratch.size();
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '"') ++i;  // the first of a doubled pair
      else if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      m_scratch.push_back(raw[i]);
    }
    m_fields.push_back({begin, m_scratch.size() - begin, field_line, true, true});
  }

  std::string m_origin;
  std::string m_normalized;  ///< the text with lone CRs turned into LF, when it had any
  std::string_view m_text;
  std::size_t m_pos{0};
  std::size_t m_line{1};
  std::size_t m_header_line{1};
  std::size_t m_record_line{1};
  char m_separator{0};
  bool m_fatal{false};
  std::vector<std::string> m_columns;
  std::vector<raw_field> m_fields;
  std::string m_scratch;
};

/// A number cell: its value, or why it is not one.
struct number_cell {
  std::optional<double> value;
  bool ambiguous{false};  ///< `1.000` in a `;` file: a thousand, or one?
};

/// True for `d`, `dd` or `ddd` (not starting with 0) followed by one or more
/// `.ddd` groups: German thousands grouping, e.g. `1.000`, `12.345.678`.
inline bool thousands_grouped(std::string_view s) {
  const std::size_t first = s.find('.');
  if (first == std::string_view::npos || first == 0 || first > 3 || s[0] == '0') return false;
  for (std::size_t i = 0; i < first; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  for (std::size_t i = first; i < s.size(); i += 4) {
    if (s[i] != '.' || i + 4 > s.size()) return false;
    for (std::size_t k = i + 1; k < i + 4; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
    }
  }
  return true;
}

/// Reads a number cell. In a `,` or tab file `.` is the decimal point. In a
/// `;` file (German Excel) `,` is the decimal separator and `.` groups
/// thousands: `1.234,5` is 1234.5 and `12.345.678` is 12345678. A `.` that
/// cannot group thousands is a decimal point (`1.5`, `0.250`, `1234.5`).
/// A single group without decimal comma (`1.000`, `2.500`) could be either,
/// so it is reported as ambiguous, never read as 1.0 or 2.5.
inline number_cell parse_cell_number(std::string_view s, bool decimal_comma) {
  if (!decimal_comma || s.find('.') == std::string_view::npos) return {detail::parse_number(s, decimal_comma)};
  std::string_view body = s;
  std::string sign;
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
    sign = body.front();
    body.remove_prefix(1);
  }
  const std::size_t comma = body.find(',');
  const std::string_view integer = body.substr(0, comma);
  const bool grouped = thousands_grouped(integer);
  const auto ungrouped = [&] {
    std::string plain = sign;
    for (const char c : body) {
      if (c != '.') plain += c;
    }
    return detail::parse_number(plain, true);
  };
  if (comma != std::string_view::npos) {
    if (!grouped) return {};  // `1.5,0`: neither reading
    return {ungrouped()};
  }
  if (!grouped) return {detail::parse_number(s)};
  if (std::count(integer.begin(), integer.end(), '.') >= 2) return {ungrouped()};
  return {std::nullopt, true};
}

/// The problem of an ambiguous number cell, e.g. `1.000`.
inline std::string ambiguous_number(std::string_view what, std::string_view cell) {
  std::string thousands, comma;
  for (const char c : cell) {
    if (c != '.') thousands += c;
    comma += c == '.' ? ',' : c;
  }
  return std::string(what) + detail::quote_value(cell) +
         " is ambiguous: in a ';'-separated file '.' groups thousands, but it may be a decimal point; write " +
         detail::quote_value(thousands) + " for thousands or " + detail::quote_value(comma) + " with a decimal comma";
}

/// Cell `column` of the current record as an attribute: `true`/`false` (any
/// case) as bool, canonical integers within int64 (detail::is_canonical_integer)
/// as int64, other finite numbers as double, anything else as string. Integers
/// with a leading zero (postcodes such as `01067`, phone numbers) stay
/// strings. @throws invalid_input for an ambiguous number (parse_cell_number).
inline attribute_value typed_value(const csv_file& file, std::size_t column, bool decimal_comma) {
  const std::string_view s = file.field(column);
  if (iequals(s, "true")) return true;
  if (iequals(s, "false")) return false;
  std::string_view digits = s;
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
  const bool leading_zero = digits.size() > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9';
  const bool numeric_start =
      !digits.empty() && ((digits[0] >= '0' && digits[0] <= '9') || digits[0] == '.' || digits[0] == ',');
  if (numeric_start && !leading_zero) {
    if (const auto i = detail::parse_canonical_integer(s)) return *i;
    const number_cell n = parse_cell_number(s, decimal_comma);
    if (n.ambiguous) file.fail(column, ambiguous_number("number ", s));
    if (n.value && std::isfinite(*n.value)) return *n.value;
  }
  return std::string(s);
}

/// Splits `s` at `|`, trims the parts and calls `out` for each non-empty one.
template <class Sink>
inline void split_list(std::string_view s, Sink out) {
  for (;;) {
    const std::size_t bar = s.find('|');
    const std::string_view part = detail::trim(s.substr(0, bar));
    if (!part.empty()) out(part);
    if (bar == std::string_view::npos) return;
    s.remove_prefix(bar + 1);
  }
}

struct attribute_column {
  std::size_t index;
  std::string name;
};

/// Attribute columns sorted by name, so that each row fills its map with end hints.
inline std::vector<attribute_column> sorted(std::vector<attribute_column> columns) {
  std::sort(columns.begin(), columns.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return columns;
}

inline void fill_attributes(const csv_file& file, const std::vector<attribute_column>& columns, bool decimal_comma,
                     attribute_map& out) {
  for (const auto& c : columns) {
    if (!file.field(c.index).empty()) out.emplace_hint(out.end(), c.name, typed_value(file, c.index, decimal_comma));
  }
}

/// The columns a file maps, found by name. A mapped name that differs from
/// its default must be in the header; a default-named optional column may be
/// absent. Every other named column becomes an attribute.
class column_map {
 public:
  static constexpr std::size_t npos = csv_file::npos;

  explicit column_map(const csv_file& file) : m_file(file) {}

  /// Index of the column `name` (its default `fallback`), or npos; `required`
  /// columns must exist. An empty name means no such column.
  std::size_t take(const std::string& name, std::string_view fallback, bool required = false,
                   std::string_view what = "mapped column") {
    if (name.empty()) return npos;
    const std::size_t i = m_file.find_column(name);
    if (i == npos) {
      if (required) m_file.missing_column(name, "required column is missing");
      if (name != fallback) m_file.missing_column(name, std::string(what) + " is missing from the header");
      return npos;
    }
    m_taken.push_back(i);
    return i;
  }

  /// The columns nobody took, sorted by name: the attributes.
  [[nodiscard]] std::vector<attribute_column> rest() const {
    std::vector<attribute_column> out;
    const auto& columns = m_file.columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!columns[i].empty() && std::find(m_taken.begin(), m_taken.end(), i) == m_taken.end()) {
        out.push_back({i, columns[i]});
      }
    }
    return sorted(std::move(out));
  }

 private:
  const csv_file& m_file;
  std::vector<std::size_t> m_taken;
};

/// Whether numbers have a decimal comma: as given, else with a ';' separator.
inline bool decimal_comma_of(const csv_file& file, const csv_options& options) {
  if (options.decimal == ',') return true;
  if (options.decimal == '.') return false;
  return file.separator() == ';';
}

/// Runs `row` for every record; a problem in one row is recorded and the
/// reader goes on, unless the problem ends the file (fatal()).
template <class Row>
inline void each_row(csv_file& file, detail::problem_list& problems, Row row) {
  for (;;) {
    const std::size_t start = file.position();
    try {
      if (!file.next()) return;
      row();
    } catch (const invalid_input& e) {
      // A problem that leaves the reader where it was would repeat forever.
      if (file.fatal() || file.position() == start) throw;
      problems.add(e);
    }
  }
}

struct actor_reading {
  std::vector<std::size_t> lines;                                          ///< first line of each actor
  std::unordered_set<std::string, detail::keyed_string_hash> failed_ids;  ///< ids of rows with a problem
};

inline void read_actors(csv_file& file, const csv_options& options, const taxonomy& tax, network& net,
                 actor_reading& state, detail::problem_list& problems, std::vector<data_note>* notes) {
  const column_names& names = options.columns;
  const column_names defaults;
  column_map map(file);
  const std::size_t id = map.take(names.id, defaults.id, true);
  const std::size_t name = map.take(names.name, defaults.name);
  const std::size_t type = map.take(names.type, defaults.type);
  const std::size_t primary = map.take(names.sector, defaults.sector, false, "sector column");
  const std::size_t sectors = map.take(names.sectors, defaults.sectors);
  const std::size_t respondent = map.take(names.respondent, defaults.respondent, false, "respondent column");
  const std::vector<attribute_column> attributes = map.rest();
  const bool decimal_comma = decimal_comma_of(file, options);
  detail::sector_resolver resolver(tax, options.rules);

  each_row(file, problems, [&] {
    actor a;
    const std::string_view key = file.field(id);
    if (key.empty()) file.fail(id, "actor id is empty");
    if (const actor* first = net.find_actor(key)) {
      file.fail(id, "duplicate actor id " + detail::quote_value(key) + " (first on line " +
                        std::to_string(state.lines[net.index_of(first->id)]) + ")");
    }
    a.id = key;
    if (name != csv_file::npos) a.name = file.field(name);
    if (type != csv_file::npos) a.type = file.field(type);
    if (respondent != csv_file::npos) {
      const auto flag = detail::parse_respondent(file.field(respondent));
      if (!flag) file.fail(respondent, detail::respondent_problem(file.field(respondent)));
      a.respondent = *flag;
    }
    bool failed = false;
    // Each sector once, in order: a linear check for the few sectors of a
    // cell, a hash set once a cell lists many (no quadratic time).
    std::unordered_set<std::string, detail::keyed_string_hash> seen_sectors;
    const auto first_time = [&](const std::string& s) {
      if (a.sectors.size() < 16) return std::find(a.sectors.begin(), a.sectors.end(), s) == a.sectors.end();
      if (seen_sectors.empty()) seen_sectors.insert(a.sectors.begin(), a.sectors.end());
      return seen_sectors.insert(s).second;
    };
    const auto add_sectors = [&](std::size_t column) {
      split_list(file.field(column), [&](std::string_view label) {
        try {
          std::string s = resolver.resolve(label);
          if (first_time(s)) a.sectors.push_back(std::move(s));
        } catch (const invalid_input& e) {
          problems.add(invalid_input(source_location{file.origin(), file.line(), column_label(file.columns()[column])},
                                     e.problem()));
          failed = true;
        }
      });
    };
    if (primary != csv_file::npos) add_sectors(primary);
    if (sectors != csv_file::npos) add_sectors(sectors);
    try {
      fill_attributes(file, attributes, decimal_comma, a.attributes);
      if (!failed) {
        net.add_actor(std::move(a));
        state.lines.push_back(file.line());
        return;
      }
    } catch (const invalid_input& e) {
      state.failed_ids.emplace(key);
      if (e.where().file == file.origin()) throw;
      file.fail(id, e.problem());
    }
    state.failed_ids.emplace(key);
  });
  resolver.note_kept(notes, file.origin());
}

/// The vocabulary sector labels are checked against.
inline const taxonomy& reading_taxonomy(const csv_options& options) {
  return options.sector_taxonomy ? *options.sector_taxonomy : taxonomy::builtin();
}

/// @throws invalid_input for a separator or decimal mark no reader takes.
inline void check_dialect(const csv_options& options) {
  if (options.decimal != 0 && options.decimal != ',' && options.decimal != '.') {
    throw invalid_input(field_location("decimal"), "expected ',' or '.', got " +
                                                       detail::quote_value(std::string(1, options.decimal)));
  }
  if (options.separator != 0 && options.separator != ',' && options.separator != ';' && options.separator != '\t') {
    throw invalid_input(field_location("sep"), "expected ',', ';' or a tab, got " +
                                                   detail::quote_value(std::string(1, options.separator)));
  }
  if (options.separator == ',' && options.decimal == ',') {
    throw invalid_input(field_location("decimal"), "a decimal comma needs a ';' or tab separator");
  }
}

/// A separator detected as ',' in a file: that file cannot have a decimal comma.
/// @throws invalid_input naming the file (line 0, field `decimal`).
inline void check_decimal_separator(const csv_file& file, const csv_options& options) {
  if (file.separator() == ',' && options.decimal == ',') {
    file.fail_at(0, "decimal", "a decimal comma needs a ';' or tab separator, and the file is separated by ','");
  }
}

/// Ids that are all canonical integers (101, not 0101) came in as numbers,
/// as pandas reads them: results are then indexed by integers.
inline void set_integer_ids(network& net) {
  const auto ids = net.actors();
  if (!ids.empty() &&
      std::all_of(ids.begin(), ids.end(), [](const actor& a) { return detail::is_canonical_integer(a.id); })) {
    net.set_id_kind(id_kind::integer);
  }
}

}  // namespace healthnet::csv_table
