// SPDX-License-Identifier: MIT
// "Did you mean": edit distances and suggestions for names that match nothing.
#include <healthnet/detail/suggest.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using healthnet::detail::closest_names;
using healthnet::detail::did_you_mean;
using healthnet::detail::edit_distance;
using healthnet::detail::known_names;

// Oracle: Levenshtein's textbook pairs, by hand. kitten -> sitting: k/s, e/i, +g = 3.
TEST(Suggest, EditDistanceMatchesHandComputedPairs) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2U);
  EXPECT_EQ(edit_distance("", "abc"), 3U);
  EXPECT_EQ(edit_distance("Sektor", "sektor"), 0U);  // ASCII case ignored
  EXPECT_EQ(edit_distance("Sektorr", "sector"), 2U);  // k/c, -r
}

TEST(Suggest, ClosestNamesRankNearestFirstAndIgnoreFarOnes) {
  const std::vector<std::string> known{"sector", "type", "staff", "sectors"};
  // By hand: Sektorr -> sectors 2 (k/c, r/s), -> sector 2 (k/c, -r); candidate order breaks the tie.
  EXPECT_EQ(closest_names("Sektorr", known), (std::vector<std::string>{"sector", "sectors"}));
  EXPECT_TRUE(closest_names("population", known).empty());
  EXPECT_EQ(did_you_mean("tpye", known), "; did you mean 'type'?");
  EXPECT_EQ(did_you_mean("zzzzzz", known), "");
}

TEST(Suggest, PrefixCountsAsClose) {
  const std::vector<std::string> known{"outpatient_care", "inpatient_care"};
  EXPECT_EQ(closest_names("outpat", known), (std::vector<std::string>{"outpatient_care"}));
}

TEST(Suggest, KnownNamesAreCut) {
  std::vector<std::string> many;
  for (int i = 0; i < 25; ++i) many.push_back("c" + std::to_string(i));
  const std::string text = known_names(many, 3);
  EXPECT_EQ(text, "known: 'c0', 'c1', 'c2', ... (25 in all)");
  EXPECT_EQ(known_names(std::vector<std::string>{}), "none are known");
}

}  // namespace
