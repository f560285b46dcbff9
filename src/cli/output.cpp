// SPDX-License-Identifier: MIT
// Standard output of the healthnet tool: every write is checked, once, here.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <healthnet/error.hpp>

#include "cli.hpp"

namespace healthnet::cli {

namespace {

[[noreturn]] void stdout_failed(int e) {
  throw file_error(std::string("cannot write to standard output: ") + std::strerror(e != 0 ? e : EIO));
}

}  // namespace

void write_stdout(std::string_view text) {
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) stdout_failed(errno);
}

void finish_stdout() {
  errno = 0;
  // fflush retries the bytes a failed write left in the buffer, so errno
  // names the reason even when an earlier printf failed.
  const bool flushed = std::fflush(stdout) == 0;
  const int e = errno;
  if (!flushed || std::ferror(stdout)) stdout_failed(e);
}

}  // namespace healthnet::cli
