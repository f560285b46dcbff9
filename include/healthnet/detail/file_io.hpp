// SPDX-License-Identifier: MIT
// Whole-file reading and atomic writing, shared by the readers, writers and CLI.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace healthnet::detail {

/// Largest input file the readers take by default: 4 GiB.
inline constexpr std::uint64_t max_input_bytes = std::uint64_t{4} << 30;

/// The whole file as bytes. Only regular files are read (a FIFO, a device such
/// as /dev/zero, a socket or a directory is refused before any byte is read),
/// and at most `max_bytes` bytes.
/// @throws file_error naming the path: cannot open, not a regular file, larger
///         than `max_bytes`, read error.
std::string read_file(const std::string& path, std::uint64_t max_bytes = max_input_bytes);

/// Writes `content` to a temporary file beside `path`, flushes it to disk and
/// renames it over `path`; on any failure the temporary file is removed and
/// `path` is untouched. @throws file_error naming the path.
void write_file_atomically(const std::string& path, std::string_view content);

/// True when both paths name the same existing file (after links).
bool same_file(const std::string& a, const std::string& b);

}  // namespace healthnet::detail
