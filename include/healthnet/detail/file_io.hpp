// SPDX-License-Identifier: MIT
// Whole-file reading and atomic writing, shared by the readers, writers and CLI.
#pragma once

#include <string>
#include <string_view>

namespace healthnet::detail {

/// The whole file as bytes. @throws file_error naming the path.
std::string read_file(const std::string& path);

/// Writes `content` to a temporary file beside `path`, flushes it to disk and
/// renames it over `path`; on any failure the temporary file is removed and
/// `path` is untouched. @throws file_error naming the path.
void write_file_atomically(const std::string& path, std::string_view content);

/// True when both paths name the same existing file (after links).
bool same_file(const std::string& a, const std::string& b);

}  // namespace healthnet::detail
