// SPDX-License-Identifier: MIT
// Checks shared by the readers and the model: calendar dates, merged weights
// that overflow, repeated body members, the input-size limit, duplicate JSON
// keys and tearing a parsed JSON document down.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include <healthnet/detail/file_io.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/healthnet.hpp>

namespace hn = healthnet;

// Oracle: the Gregorian calendar (ISO 8601): 30 days hath September, April,
// June and November; February has 29 days in years divisible by 4, except
// centuries not divisible by 400.
TEST(IsoDate, RealCalendarDaysOnly) {
  for (const char* ok : {"2024", "2024-02", "2024-02-29", "2000-02-29", "2023-02-28", "2023-04-30", "2023-12-31",
                         "1996-02-29", "0001-01-01"}) {
    EXPECT_TRUE(hn::detail::is_iso_date(ok)) << ok;
  }
  for (const char* bad : {"2023-02-29", "1900-02-29", "2100-02-29", "2023-02-30", "2023-04-31", "2023-06-31",
                          "2023-09-31", "2023-11-31", "2023-01-32", "2023-01-00", "2023-00", "2023-13", "23-01-01",
                          "2023-1-01", "2023/01/01"}) {
    EXPECT_FALSE(hn::detail::is_iso_date(bad)) << bad;
  }
}

//   a === b   two ties of 1.7e308 between one pair: 3.4e308 > DBL_MAX ~ 1.798e308
TEST(MergeOverflow, AddTieRefusesAndKeepsTheWeight) {
  hn::network net;
  net.add_actor({.id = "a"});
  net.add_actor({.id = "b"});
  net.add_tie({.source = "a", .target = "b", .weight = 1.7e308});
  try {
    net.add_tie({.source = "b", .target = "a", .weight = 1.7e308});
    FAIL() << "no error";
  } catch (const hn::invalid_input& e) {
    EXPECT_EQ(e.where().field, "weight");
    EXPECT_NE(e.problem().find("between 'a' and 'b'"), std::string::npos) << e.what();
  }
  EXPECT_EQ(net.get_tie("a", "b").weight, 1.7e308);
  net.add_tie({.source = "b", .target = "a", .weight = 1.0});  // finite sums still merge
  EXPECT_EQ(net.n_ties(), 1u);
}

TEST(MergeOverflow, AddTiesRefusesBeforeChangingAnything) {
  for (const bool has_ties : {false, true}) {
    hn::network net;
    net.add_actor({.id = "a"});
    net.add_actor({.id = "b"});
    net.add_actor({.id = "c"});
    if (has_ties) net.add_tie({.source = "b", .target = "c", .weight = 2.0});
    const hn::network before = net;
    const std::vector<hn::vertex_index> s{0, 1, 0};
    const std::vector<hn::vertex_index> t{1, 2, 1};
    const std::vector<double> w{1.7e308, 1.0, 1.7e308};
    try {
      net.add_ties(s, t, w);
      FAIL() << "no error";
    } catch (const hn::invalid_input& e) {
      EXPECT_EQ(e.where().field, "weight[2]");  // the third tie completes the overflowing pair
    }
    EXPECT_TRUE(net == before) << has_ties;
  }
}

TEST(Body, RepeatedMemberNamesItsPosition) {
  hn::network net;
  for (const char* id : {"a", "b", "c"}) net.add_actor({.id = id});
  try {
    net.add_body({.id = "sg", .members = {"a", "b", "c", "b", "a"}});
    FAIL() << "no error";
  } catch (const hn::invalid_input& e) {
    // The first repeat in member order is "b" at position 3 (not "a" at 4).
    EXPECT_EQ(e.where().field, "members[3]");
    EXPECT_NE(e.problem().find("'b' listed twice"), std::string::npos) << e.what();
  }
  EXPECT_EQ(net.n_bodies(), 0u);
}

TEST(ReadFile, StopsAtTheLimit) {
  const auto path = std::filesystem::temp_directory_path() / "healthnet_read_limit.txt";
  std::ofstream(path) << "0123456789";  // 10 bytes
  EXPECT_EQ(hn::detail::read_file(path.string(), 10), "0123456789");
  try {
    (void)hn::detail::read_file(path.string(), 9);
    FAIL() << "no error";
  } catch (const hn::file_error& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ": file is larger than the limit of 9 bytes");
  }
  std::filesystem::remove(path);
}

TEST(ReadFile, RefusesDevicesAndDirectories) {
  EXPECT_THROW((void)hn::detail::read_file("/dev/zero"), hn::file_error);
  EXPECT_THROW((void)hn::detail::read_file("/"), hn::file_error);
  try {
    (void)hn::read_json("/dev/zero");
    FAIL() << "no error";
  } catch (const hn::file_error& e) {
    EXPECT_EQ(std::string(e.what()), "/dev/zero: is a character device, not a regular file; only regular files are read");
  }
}

TEST(JsonKeys, DuplicateKeyNamesLineAndField) {
  const std::string text = "{\"format\": \"healthnet\",\n \"actors\": [{\"id\": \"a\",\n  \"attributes\": {\"x\": 1,\n \"x\": 2}}]}";
  try {
    (void)hn::parse_json(text, "t.json");
    FAIL() << "no error";
  } catch (const hn::invalid_input& e) {
    EXPECT_EQ(std::string(e.what()), "t.json:4: actors[0].attributes.x: key 'x' appears twice in one object");
  }
  // The same key in different objects is fine.
  EXPECT_EQ(hn::parse_json("{\"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}").n_actors(), 2u);
}

TEST(JsonDocument, DeepAndWideDocumentsParseAndFree) {
  // 100 000 nested arrays and a wide object: parsed and freed without recursion.
  std::string deep = "{\"format\": \"healthnet\", \"x\": " + std::string(100000, '[') + std::string(100000, ']') +
                     ", \"actors\": [";
  for (int i = 0; i < 1000; ++i) deep += std::string(i ? "," : "") + "{\"id\": \"a" + std::to_string(i) + "\"}";
  deep += "]}";
  EXPECT_EQ(hn::parse_json(deep).n_actors(), 1000u);
}
