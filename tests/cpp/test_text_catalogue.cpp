// SPDX-License-Identifier: MIT
// The text catalogue (src/text/<lang>.json): complete in every language,
// no empty text, the same placeholders everywhere, one-pass formatting.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <healthnet/error.hpp>

#include "text/catalogue.hpp"

using namespace healthnet;

namespace {

/// The placeholders %1 … %9 a text uses.
std::set<char> placeholders(const std::string& s) {
  std::set<char> out;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '%' && s[i + 1] >= '1' && s[i + 1] <= '9') out.insert(s[i + 1]);
  }
  return out;
}

}  // namespace

// Oracle: the two shipped tables, de and en.
TEST(TextCatalogue, LanguagesAreGermanAndEnglish) {
  EXPECT_EQ(detail::catalogue_languages(), (std::vector<std::string>{"de", "en"}));
}

// Oracle: set equality of the key lists; every value non-empty; a text and
// its translation use the same placeholders (a missing %2 would drop a value).
TEST(TextCatalogue, EveryKeyInEveryLanguageNonEmptySamePlaceholders) {
  const auto& langs = detail::catalogue_languages();
  ASSERT_FALSE(langs.empty());
  const auto reference = detail::catalogue_keys(langs.front());
  EXPECT_GT(reference.size(), 150u);
  for (const auto& lang : langs) {
    const auto keys = detail::catalogue_keys(lang);
    EXPECT_EQ(keys, reference) << "keys of '" << lang << "' differ from '" << langs.front() << "'";
    for (const auto& key : keys) {
      EXPECT_FALSE(detail::text(lang, key).empty()) << lang << ": " << key;
      EXPECT_EQ(placeholders(detail::text(lang, key)), placeholders(detail::text(langs.front(), key)))
          << lang << ": " << key;
    }
  }
}

// Oracle: hand-written expected strings from de.json / en.json.
TEST(TextCatalogue, LooksUpAndFormats) {
  EXPECT_EQ(detail::text("de", "report.contents"), "Inhalt");
  EXPECT_EQ(detail::text("en", "report.contents"), "Contents");
  EXPECT_EQ(detail::format_text("de", "report.criteria_met", {"3", "7"}), "3 von 7 Kriterien erfüllt");
  EXPECT_EQ(detail::format_text("en", "report.criteria_met", {"3", "7"}), "3 of 7 criteria met");
  // An argument holding a placeholder is not expanded again.
  EXPECT_EQ(detail::format_text("en", "report.criteria_met", {"%2", "7"}), "%2 of 7 criteria met");
  EXPECT_EQ(detail::format_text("de", "number.percent", {"25"}), "25\u00a0%");
  EXPECT_EQ(detail::format_text("en", "number.percent", {"25"}), "25%");
}

TEST(TextCatalogue, UnknownLanguageAndKeyThrow) {
  EXPECT_THROW(detail::check_language("fr"), invalid_input);
  EXPECT_THROW((void)detail::text("fr", "report.contents"), invalid_input);
  EXPECT_THROW((void)detail::text("de", "report.no_such_key"), not_found);
  EXPECT_NO_THROW(detail::check_language("de"));
}
