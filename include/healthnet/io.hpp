// SPDX-License-Identifier: MIT
/// @file io.hpp
/// @brief Reading and writing networks: healthnet JSON, CSV pairs, GraphML.
///
/// Every reader either returns a complete network or throws invalid_input
/// naming the file, the line and the field; it never returns half a network.
/// Readers take regular files of at most 4 GiB only (file_error otherwise) and
/// throw out_of_memory ("out of memory reading FILE") when memory runs out.
/// Every writer writes atomically (a temporary file in the same directory,
/// then a rename), so an interrupted run never leaves a truncated file.
#pragma once

#include <string>
#include <string_view>

#include <healthnet/network.hpp>
#include <healthnet/reading.hpp>
#include <healthnet/taxonomy.hpp>

#include <map>
#include <vector>

namespace healthnet {

/// Options shared by the readers.
struct read_options {
  /// Accept ties from an actor to itself (rejected by default).
  bool allow_self_loops{false};
};

/// Options of the CSV reader (an actors file plus a ties file).
///
/// Actors file: the id column (required); optional name, type, the sector
/// column and further sectors (separated by `|`). Ties file: source and
/// target (required); optional relations (separated by `|`; a column
/// `relation` is read too), since and weight. The column names are
/// `columns` (column_names); a column named otherwise than by default must
/// exist. Every other column becomes an attribute: numbers parse as numbers,
/// `true` and `false` as booleans, an empty cell leaves the attribute absent.
///
/// The separator (`,`, `;` or tab) is detected from the header line unless
/// given. With `;` numbers are German unless `decimal` says otherwise: a
/// decimal comma (`1,5`) and `.` grouping thousands (`1.234,5`,
/// `12.345.678`); `1.000` without a comma is ambiguous and an error
/// (docs/format.md). Lines end with LF, CRLF or CR. Files are UTF-8 unless
/// `encoding` names another; fields may be quoted with `"` and may then hold
/// separators, doubled quotes and line breaks.
///
/// Sector labels must be taxonomy ids, taxonomy labels or mapped
/// (table_rules::sector_map); blank weights and repeated pairs follow
/// `rules` (table_rules).
struct csv_options {
  /// Build a directed network (ties run from source to target).
  bool directed{true};
  /// The column names.
  column_names columns;
  /// `,`, `;` or tab; 0 detects it from the header line.
  char separator{0};
  /// `,` or `.`; 0: `,` when the separator is `;`, else `.`.
  char decimal{0};
  /// utf-8 (default; a byte order mark is skipped), utf-8-sig, cp1252,
  /// latin-1, utf-16 (with byte order mark), utf-16-le, utf-16-be.
  std::string encoding{"utf-8"};
  /// Repeated pairs, blank weights, sector labels, problems listed.
  table_rules rules;
  /// The sector vocabulary labels are checked against; null: the built-in one.
  const taxonomy* sector_taxonomy{nullptr};
  /// Accept ties from an actor to itself (rejected by default).
  bool allow_self_loops{false};
};

/// Reads a healthnet JSON file (see docs/format.md).
/// @throws invalid_input for bad content
/// @throws file_error when the file cannot be read
network read_json(const std::string& path, const read_options& options = {});
/// Parses healthnet JSON text; `origin` names the text in error messages.
network parse_json(std::string_view text, const std::string& origin = "<json>", const read_options& options = {});
/// Serialises to healthnet JSON (`indent` < 0 for one line). Round trips exactly.
/// @throws invalid_input for what JSON or the reader cannot take back: strings
/// that are not valid UTF-8, NaN or infinite attribute values, and locations
/// that are not finite or out of range (naming the field, e.g.
/// `actors[3].attributes.staff`).
std::string to_json(const network& net, int indent = 2);
/// Writes healthnet JSON atomically; nothing is written when to_json throws.
/// @throws invalid_input as to_json
/// @throws file_error when the file cannot be written
void write_json(const network& net, const std::string& path);

/// Reads an actors CSV and a ties CSV. What the reader assumed (merged
/// pairs, dropped or filled weights, kept sector labels) is appended to
/// `notes` when given.
/// @throws invalid_input for the first problem; its message says how many
///         more there are (validate_csv lists them)
/// @throws file_error when the file cannot be read
network read_csv(const std::string& actors_path, const std::string& ties_path, const csv_options& options = {},
                 std::vector<data_note>* notes = nullptr);
/// Parses actors and ties CSV text; the origins name them in error messages.
network parse_csv(std::string_view actors_text, std::string_view ties_text, const csv_options& options = {},
                  const std::string& actors_origin = "<actors>", const std::string& ties_origin = "<ties>",
                  std::vector<data_note>* notes = nullptr);
/// Every problem of a CSV pair (up to options.rules.max_errors), and the
/// notes when there is none. Never throws invalid_input.
/// @throws file_error when a file cannot be read
problem_report validate_csv(const std::string& actors_path, const std::string& ties_path,
                            const csv_options& options = {});
/// A sector map file: a CSV with the columns `label,sector`, or a JSON
/// object `{"label": "sector"}` (table_rules::sector_map).
/// @throws invalid_input for a repeated or empty label, naming file and line
/// @throws file_error when the file cannot be read
std::map<std::string, std::string, std::less<>> read_sector_map(const std::string& path);
/// read_sector_map() on text; `origin` names it in messages.
std::map<std::string, std::string, std::less<>> parse_sector_map(std::string_view text,
                                                                 const std::string& origin = "<sector map>");
/// validate_csv() on text.
problem_report check_csv(std::string_view actors_text, std::string_view ties_text, const csv_options& options = {},
                         const std::string& actors_origin = "<actors>", const std::string& ties_origin = "<ties>");

/// The actors file of a CSV pair: columns `id,name,type,sector,sectors`
/// (further sectors joined by `|`), then one column per attribute key, sorted.
/// Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, tab or CR, unless a number) get a leading `'`, which read_csv keeps
/// as text. Region, taxonomy, bodies and locations are not written.
/// @throws invalid_input for strings that are not UTF-8, non-finite values
/// and attribute keys named like a fixed column
std::string to_csv_actors(const network& net);
/// The ties file of a CSV pair: `source,target,relations,weight,since`, then
/// the attribute columns; read it back with `weight = "weight"` (and
/// `directed = false` for an undirected network). @throws invalid_input as to_csv_actors
std::string to_csv_ties(const network& net);
/// Writes both files of a CSV pair, each atomically; nothing is written when
/// to_csv_actors or to_csv_ties throws.
/// @throws invalid_input as to_csv_actors
/// @throws file_error when a file cannot be written
void write_csv(const network& net, const std::string& actors_path, const std::string& ties_path);

/// Reads GraphML (Gephi, igraph, networkx). Node and edge `<data>` keys
/// become attributes; keys named `name`, `sector`, `sectors`, `type`,
/// `relations` and `weight` fill the matching fields.
/// @throws invalid_input for bad content
/// @throws file_error when the file cannot be read
network read_graphml(const std::string& path, const read_options& options = {});
/// Parses GraphML text; `origin` names it in error messages.
network parse_graphml(std::string_view text, const std::string& origin = "<graphml>", const read_options& options = {});
/// Serialises to GraphML; region metadata, bodies and a custom taxonomy go
/// into graph-level data (see docs/format.md), so the round trip is exact.
/// @throws invalid_input for strings that are not valid UTF-8 or hold a NUL
///         or U+FFFE or U+FFFF (not characters in XML 1.0),
///         and for an empty sector or relation or one holding `|` (the list
///         separator; a lone sector may hold it).
std::string to_graphml(const network& net);
/// Writes GraphML atomically. @throws file_error
void write_graphml(const network& net, const std::string& path);

}  // namespace healthnet
