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

/// Writes `content` to `path` safely.
///
/// - A regular file or a new path: written to a temporary file
///   `.hn-<random>.tmp` in the same folder (mode 0600 while it is written),
///   flushed to disk, given its final mode (that of the file it replaces, or
///   0666 & ~umask) and renamed over `path`. On any failure the temporary file
///   is removed and `path` is untouched.
/// - A symbolic link: the same, onto the file the link points to; the link stays.
/// - A character device, FIFO or socket (`/dev/null`, `/dev/stdout`, a pipe,
///   a terminal): written through directly, the node stays as it is.
/// - Anything else (a directory, a block device): refused.
/// @throws file_error naming `path` (never the temporary file).
void write_file_atomically(const std::string& path, std::string_view content);

/// True when both paths name the same existing file (after links).
bool same_file(const std::string& a, const std::string& b);

}  // namespace healthnet::detail
