// SPDX-License-Identifier: MIT
// Whole-file reads and atomic writes (temporary file + fsync + rename).
#include <healthnet/detail/file_io.hpp>
#include <healthnet/error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace healthnet::detail {

namespace {
std::string errno_text() { return std::strerror(errno); }
}  // namespace

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
  // open() then fstat() on the descriptor: the check and the read see the same
  // file. O_NONBLOCK keeps open() from blocking on a FIFO without a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == EISDIR) throw file_error(path + ": is a directory, not a file");
    throw file_error(path + ": cannot open: " + errno_text());
  }
  struct fd_closer {
    int fd;
    ~fd_closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw file_error(path + ": cannot read: " + errno_text());
  if (S_ISDIR(st.st_mode)) throw file_error(path + ": is a directory, not a file");
  if (!S_ISREG(st.st_mode)) {
    const char* kind = S_ISFIFO(st.st_mode)   ? "a pipe (fifo)"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "not a regular file";
    throw file_error(path + ": is " + std::string(kind) + ", not a regular file; only regular files are read");
  }
  const auto too_large = [&] {
    return file_error(path + ": file is larger than the limit of " + std::to_string(max_bytes) + " bytes");
  };
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes) throw too_large();
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string data;
  data.resize(static_cast<std::size_t>(size));
  std::size_t got = 0;
  // Read until end of file, not just st_size bytes: files in /proc report
  // size 0, and a file may grow while it is read (the limit still holds).
  for (;;) {
    if (got == data.size()) {
      if (data.size() >= max_bytes) {
        char probe = 0;
        ssize_t n = 0;
        do n = ::read(fd, &probe, 1);
        while (n < 0 && errno == EINTR);
        if (n < 0) throw file_error(path + ": read error: " + errno_text());
        if (n == 0) break;
        throw too_large();
      }
      const std::uint64_t grown = std::max<std::uint64_t>(data.size() * 2, 1 << 16);
      data.resize(static_cast<std::size_t>(std::min(grown, max_bytes)));
    }
    const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw file_error(path + ": read error: " + errno_text());
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  data.resize(got);
  return data;
}

void write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (fs::is_directory(target, ec)) throw file_error(path + ": is a directory");
  std::random_device rd;
  const std::string tmp =
      (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd())))
          .string();
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw file_error(path + ": cannot write: " + errno_text());
  auto fail = [&](const std::string& what) {
    const std::string reason = errno_text();
    ::close(fd);
    ::unlink(tmp.c_str());
    throw file_error(path + ": " + what + ": " + reason);
  };
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write failed");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // Keep the permissions of a file we replace.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) ::fchmod(fd, st.st_mode & 07777);
  if (::fsync(fd) != 0) fail("fsync failed");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw file_error(path + ": close failed: " + errno_text());
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = errno_text();
    ::unlink(tmp.c_str());
    throw file_error(path + ": rename failed: " + reason);
  }
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  const bool same = std::filesystem::equivalent(a, b, ec);
  return !ec && same;
}

}  // namespace healthnet::detail
