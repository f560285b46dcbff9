// SPDX-License-Identifier: MIT
#include "encoding.hpp"

#include <healthnet/detail/text.hpp>
#include <healthnet/error.hpp>

#include <cerrno>
#include <iconv.h>

#include <array>
#include <string>
#include <utility>

namespace healthnet {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : (c == '_' ? '-' : c);
  return out;
}

/// The iconv name of an encoding the readers accept, or empty.
std::string iconv_name(std::string_view encoding) {
  static const std::array<std::pair<const char*, const char*>, 10> names{{
      {"cp1252", "CP1252"},
      {"windows-1252", "CP1252"},
      {"latin-1", "ISO-8859-1"},
      {"latin1", "ISO-8859-1"},
      {"iso-8859-1", "ISO-8859-1"},
      {"utf-16", "UTF-16"},
      {"utf-16-le", "UTF-16LE"},
      {"utf-16le", "UTF-16LE"},
      {"utf-16-be", "UTF-16BE"},
      {"utf-16be", "UTF-16BE"},
  }};
  const std::string key = lower(encoding);
  for (const auto& [name, iconv] : names) {
    if (key == name) return iconv;
  }
  return {};
}

/// Closes an iconv descriptor on every path.
struct iconv_handle {
  iconv_t cd;
  ~iconv_handle() { iconv_close(cd); }
};

}  // namespace

bool is_utf8_name(std::string_view encoding) {
  const std::string key = lower(encoding);
  return key.empty() || key == "utf-8" || key == "utf8" || key == "utf-8-sig";
}

std::optional<std::string> decode_text(std::string_view raw, std::string_view encoding, const std::string& origin) {
  if (is_utf8_name(encoding)) return std::nullopt;
  const std::string from = iconv_name(encoding);
  if (from.empty()) {
    throw invalid_input(field_location("encoding"),
                        "unknown encoding " + detail::quote_value(encoding) +
                            "; choose utf-8, utf-8-sig, cp1252, latin-1, utf-16, utf-16-le or utf-16-be");
  }
  if (from == "UTF-16") {
    const bool bom = raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF'));
    if (!bom) {
      throw invalid_input(source_location{origin, 1, "encoding"},
                          "utf-16 file without a byte order mark; pass encoding='utf-16-le' (Windows) or 'utf-16-be'");
    }
  }
  iconv_handle handle{iconv_open("UTF-8", from.c_str())};
  if (handle.cd == reinterpret_cast<iconv_t>(-1)) {
    throw invalid_input(field_location("encoding"), "encoding " + detail::quote_value(encoding) + " is not available");
  }
  std::string out;
  out.resize(raw.size() * 2 + 16);  // cp1252/latin-1: at most 3 bytes per byte; grown below when short
  char* in = const_cast<char*>(raw.data());  // iconv's signature; the input is not written
  std::size_t in_left = raw.size();
  std::size_t done = 0;
  while (in_left > 0) {
    char* dst = out.data() + done;
    std::size_t out_left = out.size() - done;
    const std::size_t rc = iconv(handle.cd, &in, &in_left, &dst, &out_left);
    done = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const std::size_t offset = raw.size() - in_left;
    const auto byte = static_cast<unsigned char>(raw[offset]);
    constexpr char digits[] = "0123456789abcdef";
    const std::string hex = std::string("0x") + digits[byte >> 4] + digits[byte & 0xF];
    throw invalid_input(source_location{origin, detail::line_of(raw, offset), "encoding"},
                        errno == EINVAL ? "the file ends inside a character of " + std::string(encoding)
                                        : "byte " + hex + " is not a character in " + std::string(encoding) +
                                              "; check the encoding= option");
  }
  out.resize(done);
  return out;
}

}  // namespace healthnet
