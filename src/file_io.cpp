// SPDX-License-Identifier: MIT
// Whole-file reads and safe writes: atomic replacement of regular files
// (temporary file + fsync + rename), writing through devices and FIFOs.
#include <healthnet/detail/file_io.hpp>
#include <healthnet/error.hpp>

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace healthnet::detail {

namespace {

std::string errno_text(int e) { return std::strerror(e); }
std::string errno_text() { return errno_text(errno); }

/// The process umask, read without changing it where Linux allows
/// (`Umask:` in /proc/self/status, Linux >= 4.7); else by setting and
/// restoring it, which is racy only against files created meanwhile.
mode_t current_umask() {
  if (std::FILE* f = std::fopen("/proc/self/status", "re")) {
    char line[256];
    unsigned mask = 0;
    bool found = false;
    while (std::fgets(line, sizeof line, f)) {
      if (std::sscanf(line, "Umask: %o", &mask) == 1) {
        found = true;
        break;
      }
    }
    std::fclose(f);
    if (found) return static_cast<mode_t>(mask);
  }
  static std::mutex lock;
  const std::lock_guard<std::mutex> guard(lock);
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

/// What `mode` is, for messages.
const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISFIFO(mode)) return "a fifo";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

bool writes_through(mode_t mode) { return S_ISCHR(mode) || S_ISFIFO(mode) || S_ISSOCK(mode); }

/// Writes every byte to `fd`, retrying after signals; false (errno set) on failure.
bool write_all(int fd, std::string_view content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

/// Streams `content` into an existing device, FIFO or socket (/dev/null,
/// /dev/stdout, a terminal, a pipe): no temporary file, no rename, so the
/// node and any link to it stay as they are.
void write_through(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw file_error(path + ": cannot write: " + errno_text());
  if (!write_all(fd, content)) {
    const std::string reason = errno_text();
    ::close(fd);
    throw file_error(path + ": write failed: " + reason);
  }
  if (::close(fd) != 0 && errno != EINTR) throw file_error(path + ": write failed: " + errno_text());
}

/// The descriptor that `path` names when it is one of the links to an open
/// descriptor: /dev/stdin|stdout|stderr, /dev/fd/N, /proc/self/fd/N. Writing
/// to the descriptor itself keeps what the shell set up: the offset, append
/// mode (`>>`), and the file behind a redirect, which a rename would replace
/// and opening the link anew would overwrite from offset 0.
std::optional<int> open_descriptor(std::string_view path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string_view prefix : {std::string_view("/dev/fd/"), std::string_view("/proc/self/fd/")}) {
    if (path.substr(0, prefix.size()) != prefix) continue;
    const std::string_view digits = path.substr(prefix.size());
    int fd = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
    if (ec == std::errc() && end == digits.data() + digits.size() && !digits.empty() && fd >= 0) return fd;
  }
  return std::nullopt;
}

/// Writes `content` to the open descriptor `fd` that `path` names; stdio's
/// buffer of the same descriptor is flushed first, so the order is kept.
void write_to_descriptor(const std::string& path, int fd, std::string_view content) {
  if (::fcntl(fd, F_GETFL) < 0) throw file_error(path + ": cannot write: " + errno_text());
  if (fd == STDOUT_FILENO) std::fflush(stdout);
  if (fd == STDERR_FILENO) std::fflush(stderr);
  if (!write_all(fd, content)) throw file_error(path + ": write failed: " + errno_text());
}

/// The folder of `file` for opening and messages: "." for a bare name.
std::filesystem::path folder_of(const std::filesystem::path& file) {
  const auto dir = file.parent_path();
  return dir.empty() ? std::filesystem::path(".") : dir;
}

/// Throws a clear error when the folder that would hold `file` is missing
/// or is not a folder; `path` is the name the user gave.
void check_folder(const std::string& path, const std::filesystem::path& file) {
  const auto dir = folder_of(file);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT) throw file_error(path + ": cannot write: folder '" + dir.string() + "' does not exist");
    throw file_error(path + ": cannot write: folder '" + dir.string() + "': " + errno_text());
  }
  if (!S_ISDIR(st.st_mode)) throw file_error(path + ": cannot write: '" + dir.string() + "' is not a folder");
}

/// Follows a chain of symbolic links from `link` whose final target does not
/// exist (a dangling link), returning the path the chain ends at.
std::filesystem::path dangling_target(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path at = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return at;
    std::error_code ec;
    const fs::path next = fs::read_symlink(at, ec);
    if (ec) throw file_error(path + ": cannot read the link: " + ec.message());
    at = next.is_absolute() ? next : folder_of(at) / next;
  }
  throw file_error(path + ": cannot write: " + errno_text(ELOOP));
}

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
  if (path.empty()) throw file_error("cannot write: the output file name is empty");
  if (const auto fd = open_descriptor(path)) return write_to_descriptor(path, *fd, content);
  fs::path target = path;
  struct stat st {};
  bool replaces = false;
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) {
      // Keep the link: write to what it points to.
      if (::stat(path.c_str(), &st) == 0) {
        if (writes_through(st.st_mode)) return write_through(path, content);
        if (!S_ISREG(st.st_mode)) {
          throw file_error(path + ": is a link to " + kind_of(st.st_mode) + ", not to a regular file; refusing to write");
        }
        char* real = ::realpath(path.c_str(), nullptr);
        if (real == nullptr) throw file_error(path + ": cannot resolve the link: " + errno_text());
        target = real;
        std::free(real);
        replaces = true;
      } else if (errno == ENOENT) {
        target = dangling_target(path);
        check_folder(path, target);
      } else {
        throw file_error(path + ": cannot write: " + errno_text());
      }
    } else if (writes_through(st.st_mode)) {
      return write_through(path, content);
    } else if (S_ISDIR(st.st_mode)) {
      throw file_error(path + ": is a directory");
    } else if (!S_ISREG(st.st_mode)) {
      throw file_error(path + ": is " + std::string(kind_of(st.st_mode)) + ", not a regular file; refusing to replace it");
    } else {
      replaces = true;
    }
  } else if (errno == ENOENT || errno == ENOTDIR) {
    check_folder(path, target);
  } else {
    throw file_error(path + ": cannot write: " + errno_text());
  }

  // The temporary file: a short name (a long output name near NAME_MAX
  // still fits), in the same folder (so that rename is atomic), mode 0600
  // until the data is complete.
  const fs::path dir = folder_of(target);
  std::random_device rd;
  fs::path tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    char name[40];
    std::snprintf(name, sizeof name, ".hn-%08x%08x.tmp", static_cast<unsigned>(rd()), static_cast<unsigned>(rd()));
    tmp = dir / name;
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) throw file_error(path + ": cannot write: " + errno_text());
  auto fail = [&](const std::string& what, int e) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    throw file_error(path + ": " + what + ": " + errno_text(e));
  };
  if (!write_all(fd, content)) fail("write failed", errno);
  if (::fsync(fd) != 0) fail("write failed", errno);
  // The final mode, just before the rename: that of the file replaced (and
  // its owner, where allowed), else 0666 & ~umask as for any new file.
  if (replaces) {
    struct stat mine {};
    if (::fstat(fd, &mine) == 0 && (mine.st_uid != st.st_uid || mine.st_gid != st.st_gid)) {
      [[maybe_unused]] const int ignored = ::fchown(fd, st.st_uid, st.st_gid);
    }
  }
  const mode_t mode = replaces ? (st.st_mode & 07777) : (0666 & ~current_umask());
  if (::fchmod(fd, mode) != 0) fail("cannot set the mode", errno);
  const int closed = ::close(fd);
  fd = -1;
  if (closed != 0) fail("write failed", errno);
  if (std::rename(tmp.c_str(), target.c_str()) != 0) fail("cannot replace the file", errno);
  // Make the rename itself durable.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  const bool same = std::filesystem::equivalent(a, b, ec);
  return !ec && same;
}

}  // namespace healthnet::detail
