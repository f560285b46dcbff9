// SPDX-License-Identifier: MIT
// The text catalogue: every fixed text of the reports, charts and scorecard
// explanations, one JSON table per language (src/text/<lang>.json, compiled
// in by CMake), looked up by key. The only place that tells languages apart.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace healthnet::detail {

/// The catalogue's languages, sorted ("de", "en").
const std::vector<std::string>& catalogue_languages();

/// @throws invalid_input unless `lang` is a catalogue language.
void check_language(std::string_view lang);

/// The text `key` in `lang`.
/// @throws invalid_input for an unknown language; not_found for an unknown key.
const std::string& text(std::string_view lang, std::string_view key);

/// The text `key` with %1 … %9 replaced by `args` in one pass (an argument
/// containing "%2" is not expanded again); "%%" gives "%".
std::string format_text(std::string_view lang, std::string_view key, std::initializer_list<std::string_view> args);

/// The keys of `lang`'s table, sorted.
std::vector<std::string> catalogue_keys(std::string_view lang);

/// The German or English member of bilingual data (taxonomy, metric and
/// scorecard labels): `de` for "de", `en` otherwise.
template <class T>
const T& by_language(std::string_view lang, const T& de, const T& en) {
  return lang == "de" ? de : en;
}

}  // namespace healthnet::detail
