// SPDX-License-Identifier: MIT
// Small text helpers shared by the parsers and the CLI: line numbers, UTF-8
// checks, numbers, escaping for terminals and CSV cells.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace healthnet::detail {

/// 1-based line of byte `offset` in `text`.
inline std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// Offset of the first byte that is not valid UTF-8, or npos.
inline std::size_t invalid_utf8_offset(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned min = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
    else return i;
    if (i + len > n) return i;
    unsigned cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

/// Parses a whole string as a finite or non-finite double (no spaces, no
/// trailing characters). With `decimal_comma`, a single `,` is read as `.`.
inline std::optional<double> parse_number(std::string_view s, bool decimal_comma = false) {
  if (s.empty()) return std::nullopt;
  std::string buffer;
  if (decimal_comma && s.find(',') != std::string_view::npos) {
    if (s.find('.') != std::string_view::npos || std::count(s.begin(), s.end(), ',') != 1) return std::nullopt;
    buffer.assign(s);
    std::replace(buffer.begin(), buffer.end(), ',', '.');
    s = buffer;
  }
  if (s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double value{};
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

/// Shortest text that reads back as the same double; integers without `.0`.
inline std::string format_number(double v) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc{} ? std::string(buf, end) : std::string("nan");
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real day of the proleptic
/// Gregorian calendar (ISO 8601): month 1-12, day 1 to the month's length,
/// February 29 only in leap years (divisible by 4, centuries only when
/// divisible by 400). The forms of a tie's `since`, which compare correctly as text.
inline bool is_iso_date(std::string_view s) {
  auto digits = [](std::string_view d) {
    return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(s.substr(0, 4))) return false;
  const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int month = 0;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(s.substr(5, 2))) return false;
    month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(s.substr(8, 2))) return false;
    const int day = (s[8] - '0') * 10 + (s[9] - '0');
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int length[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = length[month - 1] + (month == 2 && leap ? 1 : 0);
    if (day < 1 || day > last) return false;
  }
  return true;
}

/// Removes leading and trailing spaces and tabs.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// `s` made safe to print on a terminal: C0 controls (U+0000-U+001F), DEL
/// and bytes that are not valid UTF-8 become `\xHH`, C1 controls
/// (U+0080-U+009F, which some terminals obey as ESC sequences) become
/// `\u00HH`; with `keep_newlines`, `\n` and `\t` pass. Backslashes are not
/// doubled (the result is for reading, not for parsing back).
inline std::string escape_control(std::string_view s, bool keep_newlines = false) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned c = p[i];
    if (c < 0x20 || c == 0x7F) {
      if (keep_newlines && (c == '\n' || c == '\t')) out += static_cast<char>(c);
      else out += {'\\', 'x', hex[c >> 4], hex[c & 15]};
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const std::size_t bad = invalid_utf8_offset(s.substr(i, std::min<std::size_t>(4, s.size() - i)));
    const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (bad == 0 || (bad != std::string_view::npos && bad < len)) {
      out += {'\\', 'x', hex[c >> 4], hex[c & 15]};
      ++i;
      continue;
    }
    if (c == 0xC2 && p[i + 1] < 0xA0) {
      const unsigned cp = p[i + 1];
      out += {'\\', 'u', '0', '0', hex[cp >> 4], hex[cp & 15]};
    } else {
      out.append(s, i, len);
    }
    i += len;
  }
  return out;
}

/// A CSV cell that a spreadsheet would run as a formula (OWASP "CSV
/// injection": a first character `=`, `+`, `-`, `@`, tab or CR), prefixed with
/// `'` so that it shows as text. Numbers such as `-3.5` or `+1` stay as they
/// are. The project's CSV reader keeps the `'` as part of the text.
inline std::string neutralize_csv_cell(std::string_view s) {
  if (s.empty()) return {};
  const char c = s.front();
  const bool risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  if (!risky || ((c == '+' || c == '-') && parse_number(s))) return std::string(s);
  return "'" + std::string(s);
}

/// Text shown for a bad value in a message: quoted, cut to 40 characters.
/// Cuts at a character boundary, so messages stay valid UTF-8.
inline std::string quote_value(std::string_view s) {
  std::string out = "'";
  if (s.size() > 40) {
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    out += std::string(s.substr(0, cut)) + "...";
  } else {
    out += s;
  }
  return out + "'";
}

}  // namespace healthnet::detail
