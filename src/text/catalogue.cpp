// SPDX-License-Identifier: MIT
#include "text/catalogue.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include <healthnet/error.hpp>

#include "text/catalogue_data.hpp"

namespace healthnet::detail {

namespace {

using table = std::map<std::string, std::string, std::less<>>;

/// Language -> key -> text, parsed once from the compiled-in JSON.
const std::map<std::string, table, std::less<>>& tables() {
  static const auto all = [] {
    std::map<std::string, table, std::less<>> out;
    for (const auto& [lang, json_text] : builtin_text_tables()) {
      table& t = out[std::string(lang)];
      const auto parsed = nlohmann::json::parse(json_text);
      for (const auto& [key, value] : parsed.items()) t.emplace(key, value.get<std::string>());
    }
    return out;
  }();
  return all;
}

const table& table_of(std::string_view lang) {
  const auto& all = tables();
  const auto it = all.find(lang);
  if (it == all.end()) {
    std::string known;
    for (const auto& [l, t] : all) known += (known.empty() ? "" : " or ") + l;
    throw invalid_input(field_location("lang"), "unknown language '" + std::string(lang) + "' (expected " + known + ")");
  }
  return it->second;
}

}  // namespace

const std::vector<std::string>& catalogue_languages() {
  static const auto langs = [] {
    std::vector<std::string> v;
    for (const auto& [l, t] : tables()) v.push_back(l);
    return v;
  }();
  return langs;
}

void check_language(std::string_view lang) { (void)table_of(lang); }

const std::string& text(std::string_view lang, std::string_view key) {
  const table& t = table_of(lang);
  const auto it = t.find(key);
  if (it == t.end()) throw not_found("no text '" + std::string(key) + "' in language '" + std::string(lang) + "'");
  return it->second;
}

std::string format_text(std::string_view lang, std::string_view key, std::initializer_list<std::string_view> args) {
  const std::string& pattern = text(lang, key);
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size()) {
      const char c = pattern[i + 1];
      if (c == '%') {
        out += '%';
        ++i;
        continue;
      }
      if (c >= '1' && c <= '9') {
        const auto n = static_cast<std::size_t>(c - '1');
        if (n < args.size()) out += *(args.begin() + n);
        ++i;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

std::vector<std::string> catalogue_keys(std::string_view lang) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : table_of(lang)) keys.push_back(k);
  return keys;
}

}  // namespace healthnet::detail
