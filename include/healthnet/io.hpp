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

namespace healthnet {

/// Options shared by the readers.
struct read_options {
  /// Accept ties from an actor to itself (rejected by default).
  bool allow_self_loops{false};
};

/// Options of the CSV reader (an actors file plus a ties file).
///
/// Actors file: required column `id`; optional `name`, `type`, the sector
/// column (`sector` by default) and `sectors` (further sectors separated by
/// `|`). Ties file: required `source` and `target`; optional `relation` or
/// `relations` (several separated by `|`), `since` and the weight column.
/// Every other column becomes an attribute: numbers parse as numbers, `true`
/// and `false` as booleans, an empty cell leaves the attribute absent.
///
/// The separator (`,`, `;` or tab) is detected from the header line. With `;`
/// numbers are German: a decimal comma (`1,5`) and `.` grouping thousands
/// (`1.234,5`, `12.345.678`); `1.000` without a comma is ambiguous and an
/// error (docs/format.md). Lines end with LF, CRLF or CR. Files are UTF-8,
/// with or without byte order mark; fields may be quoted with `"` and may
/// then hold separators, doubled quotes and line breaks.
struct csv_options {
  /// Build a directed network (ties run from `source` to `target`).
  bool directed{true};
  /// Actors column holding the primary sector; empty for none.
  std::string sector{"sector"};
  /// Ties column holding the weight; empty: every weight is 1.
  std::string weight;
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

/// Reads an actors CSV and a ties CSV.
/// @throws invalid_input for bad content
/// @throws file_error when the file cannot be read
network read_csv(const std::string& actors_path, const std::string& ties_path, const csv_options& options = {});
/// Parses actors and ties CSV text; the origins name them in error messages.
network parse_csv(std::string_view actors_text, std::string_view ties_text, const csv_options& options = {},
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
/// @throws invalid_input for strings that are not valid UTF-8 or hold a NUL,
///         and for an empty sector or relation or one holding `|` (the list
///         separator; a lone sector may hold it).
std::string to_graphml(const network& net);
/// Writes GraphML atomically. @throws file_error
void write_graphml(const network& net, const std::string& path);

}  // namespace healthnet
