// SPDX-License-Identifier: MIT
/// @file error.hpp
/// @brief The exception hierarchy of healthnet.
///
/// Every exception healthnet throws derives from healthnet::error. The leaves
/// also derive from the matching standard exception, so pybind11 maps them
/// without glue: bad input -> std::invalid_argument -> ValueError, unknown
/// id -> std::out_of_range -> KeyError, file system -> std::runtime_error -> OSError.
#pragma once

#include <cstddef>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

namespace healthnet {

/// Root of all healthnet exceptions; catch this to catch them all.
class error {
 public:
  virtual ~error() = default;
  /// The message, lowercase, naming file, line, field and bad value where known.
  [[nodiscard]] virtual const char* what() const noexcept = 0;
};

/// Where in an input a problem was found. Empty/zero members are unknown.
struct source_location {
  std::string file;   ///< file name as given by the caller
  std::size_t line{}; ///< 1-based line, 0 when unknown
  std::string field;  ///< field or column, e.g. `actors[3].id` or `column 'weight'`
};

/// A location that names only a field (for errors raised outside a file).
inline source_location field_location(std::string field) {
  source_location where;
  where.field = std::move(field);
  return where;
}

/// Bad input: a malformed file, a missing or invalid field, a duplicate id,
/// a reference to an unknown actor, a bad weight, a self-loop.
///
/// The message reads `file:line: field: problem`, leaving out what is unknown.
class invalid_input : public std::invalid_argument, public error {
 public:
  /// A problem found at `where`; the message is compose(where, problem).
  invalid_input(source_location where, const std::string& problem)
      : std::invalid_argument(compose(where, problem)), m_where(std::move(where)), m_problem(problem) {}
  /// A problem with no known location.
  explicit invalid_input(const std::string& problem) : invalid_input(source_location{}, problem) {}

  [[nodiscard]] const char* what() const noexcept override { return std::invalid_argument::what(); }
  /// Where the problem was found.
  [[nodiscard]] const source_location& where() const noexcept { return m_where; }
  /// The problem alone, without the location.
  [[nodiscard]] const std::string& problem() const noexcept { return m_problem; }

  /// `file:line: field: problem` with unknown parts omitted.
  static std::string compose(const source_location& where, const std::string& problem) {
    std::string out;
    if (!where.file.empty()) out += where.file;
    if (where.line != 0) {
      out += (out.empty() ? "line " : ":") + std::to_string(where.line);
    }
    if (!out.empty()) out += ": ";
    if (!where.field.empty()) out += where.field + ": ";
    out += problem;
    return out;
  }

 private:
  source_location m_where;
  std::string m_problem;
};

/// An id that names no actor, tie or body of the network.
class not_found : public std::out_of_range, public error {
 public:
  /// An error with this message.
  explicit not_found(const std::string& message) : std::out_of_range(message) {}
  [[nodiscard]] const char* what() const noexcept override { return std::out_of_range::what(); }
};

/// A file could not be opened, read, written or renamed.
class file_error : public std::runtime_error, public error {
 public:
  /// An error with this message.
  explicit file_error(const std::string& message) : std::runtime_error(message) {}
  [[nodiscard]] const char* what() const noexcept override { return std::runtime_error::what(); }
};

/// Memory ran out while reading an input; the message names the file. Derives
/// from std::bad_alloc (MemoryError in Python). Thrown after the partly read
/// data has been released, so the caller can go on.
class out_of_memory : public std::bad_alloc, public error {
 public:
  /// An error with this message.
  explicit out_of_memory(std::string message) : m_message(std::move(message)) {}
  [[nodiscard]] const char* what() const noexcept override { return m_message.c_str(); }

 private:
  std::string m_message;
};

/// Long work was stopped by the interruption check installed with
/// interrupt_scope (Ctrl-C in the CLI and in Python). No partial result is
/// returned.
class interrupted : public std::runtime_error, public error {
 public:
  /// An error with the default message "interrupted".
  interrupted() : std::runtime_error("interrupted") {}
  [[nodiscard]] const char* what() const noexcept override { return std::runtime_error::what(); }
};

}  // namespace healthnet
