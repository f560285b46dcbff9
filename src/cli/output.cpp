// SPDX-License-Identifier: MIT
// Standard output of the healthnet tool: every write is checked, once, here.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <sys/types.h>
#include <unistd.h>

#include <healthnet/error.hpp>

#include "cli.hpp"

namespace healthnet::cli {

namespace {

/// errno of the first failed write to file descriptor 1 (0: none so far).
/// stdio forgets it (a later fflush may succeed on an emptied buffer), so the
/// stream installed by install_stdout() records it.
int first_write_errno = 0;

#ifdef __GLIBC__
ssize_t write_fd1(void*, const char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(STDOUT_FILENO, data + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (first_write_errno == 0) first_write_errno = errno;
      return done > 0 ? static_cast<ssize_t>(done) : -1;
    }
    done += static_cast<std::size_t>(n);
  }
  return static_cast<ssize_t>(done);
}
#endif

[[noreturn]] void stdout_failed(int e) {
  if (first_write_errno != 0) e = first_write_errno;
  throw file_error(std::string("cannot write to standard output: ") + std::strerror(e != 0 ? e : EIO));
}

}  // namespace

void install_stdout() {
#ifdef __GLIBC__
  // glibc documents stdout as an ordinary variable that may be assigned.
  cookie_io_functions_t io{};
  io.write = write_fd1;
  if (std::FILE* f = ::fopencookie(nullptr, "w", io)) {
    std::setvbuf(f, nullptr, ::isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF, BUFSIZ);
    stdout = f;
  }
#endif
}

void write_stdout(std::string_view text) {
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) stdout_failed(errno);
}

void finish_stdout() {
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  const int e = errno;
  if (!flushed || std::ferror(stdout)) stdout_failed(e);
}

}  // namespace healthnet::cli
