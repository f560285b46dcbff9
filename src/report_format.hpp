// SPDX-License-Identifier: MIT
// Text helpers of the report and the SVG charts: languages, localised numbers,
// UTF-8 lengths and estimated text widths (no font metrics are available).
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "text/catalogue.hpp"

namespace healthnet::detail {

/// @throws invalid_input unless `lang` is a catalogue language ("de" or "en").
inline void check_report_lang(std::string_view lang) { check_language(lang); }

/// Digits grouped by threes with `sep`: "12345" -> "12.345".
inline std::string group_thousands(const std::string& digits, const std::string& sep) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

/// `v` with `decimals` decimals in the language's notation (the catalogue's
/// number.decimal_mark and number.group_mark: "0,25" in German, "0.25" in
/// English); integer parts from 10,000 on grouped by thousands. NaN gives
/// an en dash, infinities "∞" / "−∞".
inline std::string format_decimal(double v, int decimals, std::string_view lang) {
  if (std::isnan(v)) return "\u2013";
  if (std::isinf(v)) return v > 0 ? "\u221e" : "\u2212\u221e";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
  std::string printed = buf;
  // "-0.00" prints as "0.00".
  bool negative = v < 0;
  if (negative && printed.find_first_not_of("0.") == std::string::npos) negative = false;
  const std::size_t dot = printed.find('.');
  std::string whole = printed.substr(0, dot), frac = dot == std::string::npos ? "" : printed.substr(dot + 1);
  if (whole.size() > 4) whole = group_thousands(whole, text(lang, "number.group_mark"));
  std::string out = negative ? "\u2212" : "";
  out += whole;
  if (!frac.empty()) out += text(lang, "number.decimal_mark") + frac;
  return out;
}

/// A count or other value: integers without decimals, others with `decimals`.
inline std::string format_value(double v, std::string_view lang, int decimals = 3) {
  if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15) return format_decimal(v, 0, lang);
  return format_decimal(v, decimals, lang);
}

/// A signed difference: "+0,012", "−3", "±0".
inline std::string format_delta(double v, std::string_view lang, int decimals = 3) {
  if (std::isfinite(v) && v == 0) return "\u00b10";
  const std::string s = format_value(v, lang, decimals);
  if (std::isnan(v)) return s;
  return v > 0 ? "+" + s : s;
}

/// A percentage with `decimals` decimals and the catalogue's number.percent: "25\u00a0%" in German, "25%" in English.
inline std::string format_percent(double percent_value, int decimals, std::string_view lang) {
  return format_text(lang, "number.percent", {format_decimal(percent_value, decimals, lang)});
}

/// Number of code points of UTF-8 text.
inline std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

/// At most `max_chars` code points of `s`, ending in "…" when cut.
inline std::string truncate_utf8(std::string_view s, std::size_t max_chars) {
  if (utf8_length(s) <= max_chars || max_chars == 0) return std::string(s);
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == max_chars - 1) break;
      ++count;
    }
  }
  return std::string(s.substr(0, i)) + "\u2026";
}

/// Estimated width of `s` in a sans-serif font of `font_size` px, measured on
/// DejaVu Sans (the widest common fallback, so other fonts fit too): narrow
/// letters 0.32 em, digits 0.64 em, capitals and m/w 0.74 em, other
/// characters 0.6 em.
inline double text_width(std::string_view s, double font_size) {
  double em = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (c >= 0x80) em += 0.6;
    else if (std::string_view("iljtfr.,:;'|!() ").find(static_cast<char>(c)) != std::string_view::npos) em += 0.32;
    else if (c >= '0' && c <= '9') em += 0.64;
    else if ((c >= 'A' && c <= 'Z') || c == 'm' || c == 'w') em += 0.74;
    else em += 0.6;
  }
  return em * font_size;
}

}  // namespace healthnet::detail
