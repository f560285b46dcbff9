// SPDX-License-Identifier: MIT
// Private helpers for reading JSON documents with line-precise errors.
//
// nlohmann/json keeps no positions in its values. Instead of paying for
// positions on every load, the reader addresses values by JSON pointer and,
// only when it has to report a problem, re-scans the text with a SAX parser
// that stops at that pointer and returns the line it was found on.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <healthnet/error.hpp>

namespace healthnet::detail {

/// A parsed document that is destroyed without allocating memory.
///
/// nlohmann::json's destructor moves the children of a container into a
/// std::vector to destroy a tree iteratively; under memory pressure that
/// allocation throws inside a noexcept destructor and the process aborts
/// ("terminate called after throwing an instance of 'std::bad_alloc'"). This
/// holder tears the tree down from its last leaves instead, using a spare
/// stack whose capacity (reserved while parsing) covers the tree's depth.
class json_document {
 public:
  json_document() = default;
  json_document(json_document&&) noexcept = default;
  json_document& operator=(json_document&&) = delete;
  json_document(const json_document&) = delete;
  ~json_document() { release(); }

  [[nodiscard]] const nlohmann::json& root() const noexcept { return m_root; }
  /// Frees the tree without allocating; O(size).
  void release() noexcept;

 private:
  friend json_document parse_json_document(std::string_view text, const std::string& origin);
  nlohmann::json m_root;
  std::vector<nlohmann::json*> m_spare;  ///< capacity >= depth of m_root
};

/// Parses a whole document; syntax errors name origin, line and column, and
/// a key that appears twice in one object is an error naming its line.
/// @throws out_of_memory naming `origin` when memory runs out (after the
///         partial tree is freed).
json_document parse_json_document(std::string_view text, const std::string& origin);

/// 1-based line of the value (or object key) at `pointer` (e.g.
/// `/actors/3/weight`), or of its nearest existing ancestor; 0 if unknown.
std::size_t locate_json_pointer(std::string_view text, const std::string& pointer);

/// A key as one JSON pointer token (RFC 6901: `~` -> `~0`, `/` -> `~1`).
std::string escape_pointer_token(std::string_view key);

/// `/actors/3/weight` -> `actors[3].weight`.
std::string pointer_to_field(const std::string& pointer);

/// Typed access to a parsed document that reports problems with positions.
struct json_reader {
  std::string_view text;
  std::string origin;

  [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const {
    throw invalid_input(source_location{origin, locate_json_pointer(text, pointer), pointer_to_field(pointer)},
                        problem);
  }
  static const char* type_name(const nlohmann::json& j);

  const nlohmann::json& object_at(const nlohmann::json& j, const std::string& pointer) const;
  /// The member `key` of object `obj` at `pointer`, checked for `type` (a
  /// number accepts integers too); a null json when absent and not required.
  const nlohmann::json& member(const nlohmann::json& obj, const std::string& pointer, const char* key,
                               nlohmann::json::value_t type, bool required) const;
  std::string string_member(const nlohmann::json& obj, const std::string& pointer, const char* key,
                            bool required) const;
  bool bool_member(const nlohmann::json& obj, const std::string& pointer, const char* key, bool fallback) const;
  /// Checks the optional `format` (must equal `format_id`) and `version`
  /// (must be 1) members of a document; `what` names the kind of file.
  void check_header(const nlohmann::json& doc, const char* format_id, const char* what) const;
  std::vector<std::string> string_list_member(const nlohmann::json& obj, const std::string& pointer,
                                              const char* key) const;
};

}  // namespace healthnet::detail
