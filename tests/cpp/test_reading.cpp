// SPDX-License-Identifier: MIT
// The shared reading layer: problems collected and counted, sector labels
// resolved, repeated pairs merged by the stated rule. Oracles: hand-computed
// from the few rows each test adds.
#include <healthnet/detail/reading.hpp>
#include <healthnet/io.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

namespace hn = healthnet;
using hn::detail::problem_list;
using hn::detail::sector_resolver;
using hn::detail::tie_table;

TEST(Reading, ProblemListKeepsTheFirstAndCountsAll) {
  problem_list problems(2);
  for (int i = 1; i <= 5; ++i) problems.add(hn::invalid_input(hn::source_location{"t.csv", std::size_t(i), "x"}, "bad"));
  EXPECT_EQ(problems.total(), 5U);
  EXPECT_EQ(problems.items().size(), 2U);
  try {
    problems.throw_first();
    FAIL() << "no throw";
  } catch (const hn::invalid_input& e) {
    EXPECT_STREQ(e.what(), "t.csv:1: x: bad (and 4 more problems; validate lists them all)");
  }
}

TEST(Reading, SectorsResolveByIdLabelAndMap) {
  hn::table_rules rules;
  rules.sector_map = {{"Ärzte", "outpatient_care"}};
  sector_resolver resolve(hn::taxonomy::builtin(), rules);
  EXPECT_EQ(resolve.resolve("pharmacy"), "pharmacy");
  EXPECT_EQ(resolve.resolve(" Pflege "), "nursing_care");   // German label, trimmed
  EXPECT_EQ(resolve.resolve("NURSING CARE"), "nursing_care");  // English label, ASCII case
  EXPECT_EQ(resolve.resolve("Ärzte"), "outpatient_care");
  try {
    (void)resolve.resolve("outpatient");
    FAIL() << "no throw";
  } catch (const hn::invalid_input& e) {
    EXPECT_NE(std::string(e.what()).find("unknown sector 'outpatient'; did you mean 'outpatient_care'?"), std::string::npos)
        << e.what();
  }
}

TEST(Reading, SectorMapValuesMustBeIds) {
  hn::table_rules rules;
  rules.sector_map = {{"Kasse", "insurance"}};
  EXPECT_THROW(sector_resolver(hn::taxonomy::builtin(), rules), hn::invalid_input);
}

TEST(Reading, KeptLabelsAreCountedInANote) {
  hn::table_rules rules;
  rules.keep_unknown_sectors = true;
  sector_resolver resolve(hn::taxonomy::builtin(), rules);
  EXPECT_EQ(resolve.resolve("Kasse"), "Kasse");
  EXPECT_EQ(resolve.resolve("Kasse"), "Kasse");
  std::vector<hn::data_note> notes;
  resolve.note_kept(&notes, "a.csv");
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0].count, 2U);
  EXPECT_NE(notes[0].message.find("'Kasse' (2)"), std::string::npos);
}

/// Three actors a, b, c and the rows (u, v, weight, trust) through a tie_table.
struct table_case {
  hn::network net;
  hn::table_rules rules;
  problem_list problems{20};
  std::vector<hn::data_note> notes;

  explicit table_case(hn::directedness d = hn::directedness::directed) : net(d) {
    for (const char* id : {"a", "b", "c"}) net.add_actor(hn::actor{id});
  }
  void read(const std::vector<std::tuple<int, int, double, double>>& rows) {
    tie_table table(
        net, rules, problems, [](std::size_t r, std::string_view f) { return hn::source_location{"t.csv", r + 2, std::string(f)}; },
        [](std::size_t r) { return "line " + std::to_string(r + 2); });
    const char* ids[] = {"a", "b", "c"};
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto [u, v, w, trust] = rows[r];
      hn::tie_details d;
      d.attributes["trust"] = trust;
      table.add(hn::vertex_index(u), hn::vertex_index(v), w, std::move(d), r, ids[u], ids[v]);
    }
    if (problems.empty()) table.finish(net, &notes);
  }
  double trust(const char* s, const char* t) { return std::get<double>(net.get_tie(s, t).attributes.at("trust")); }
};

TEST(Reading, RepeatedPairsMergeByRule) {
  // Rows: a->b (4, trust 3), b->c (1, 2), a->b (2, trust 1). By hand per rule:
  // sum 6 / 4, max 4 / 3, min 2 / 1, mean 3 / 2, first 4 / 3, last 2 / 1.
  const std::vector<std::tuple<hn::merge_rule, double, double>> expected{
      {hn::merge_rule::sum, 6, 4},  {hn::merge_rule::max, 4, 3},   {hn::merge_rule::min, 2, 1},
      {hn::merge_rule::mean, 3, 2}, {hn::merge_rule::first, 4, 3}, {hn::merge_rule::last, 2, 1}};
  for (const auto& [rule, weight, trust] : expected) {
    table_case t;
    t.rules.duplicates = rule;
    t.read({{0, 1, 4, 3}, {1, 2, 1, 2}, {0, 1, 2, 1}});
    ASSERT_TRUE(t.problems.empty()) << hn::to_string(rule);
    EXPECT_EQ(t.net.n_ties(), 2U);
    EXPECT_DOUBLE_EQ(t.net.get_tie("a", "b").weight, weight) << hn::to_string(rule);
    EXPECT_DOUBLE_EQ(t.trust("a", "b"), trust) << hn::to_string(rule);
    ASSERT_EQ(t.notes.size(), 1U);
    EXPECT_EQ(t.notes[0].count, 1U);
    EXPECT_EQ(t.notes[0].where.line, 4U);  // the repeating row
    EXPECT_NE(t.notes[0].message.find("repeats line 2"), std::string::npos) << t.notes[0].message;
  }
}

TEST(Reading, MeanOfThreeRows) {
  // a->b three times, weights 1, 2, 6: mean 3 (not the running mean 3.25).
  table_case t;
  t.rules.duplicates = hn::merge_rule::mean;
  t.read({{0, 1, 1, 1}, {0, 1, 2, 1}, {0, 1, 6, 4}});
  EXPECT_DOUBLE_EQ(t.net.get_tie("a", "b").weight, 3);
  EXPECT_DOUBLE_EQ(t.trust("a", "b"), 2);
  EXPECT_EQ(t.notes[0].count, 2U);
}

TEST(Reading, ErrorRuleReportsTheRepeat) {
  table_case t;
  t.rules.duplicates = hn::merge_rule::error;
  t.read({{0, 1, 4, 3}, {0, 1, 2, 1}});
  ASSERT_EQ(t.problems.total(), 1U);
  EXPECT_STREQ(t.problems.items()[0].what(),
               "t.csv:3: pair 'a' -> 'b' repeats line 2 (duplicates='error'); remove the repeated row or choose a "
               "rule: sum, max, min, mean, first, last");
}

TEST(Reading, UndirectedReversedRowsMergeWithTheirOwnNote) {
  table_case t(hn::directedness::undirected);
  t.read({{0, 1, 1, 3}, {1, 0, 2, 1}});
  EXPECT_EQ(t.net.n_ties(), 1U);
  EXPECT_DOUBLE_EQ(t.net.get_tie("a", "b").weight, 3);  // 1 + 2 under sum
  ASSERT_EQ(t.notes.size(), 1U);
  EXPECT_NE(t.notes[0].message.find("reported in both directions"), std::string::npos);
}

TEST(Reading, BlankWeights) {
  table_case t;
  tie_table table(
      t.net, t.rules, t.problems, [](std::size_t r, std::string_view f) { return hn::source_location{"t.csv", r + 2, std::string(f)}; },
      [](std::size_t r) { return "line " + std::to_string(r + 2); });
  table.add(0, 1, std::nullopt, {}, 0, "a", "b");
  ASSERT_EQ(t.problems.total(), 1U);
  EXPECT_NE(std::string(t.problems.items()[0].what()).find("t.csv:2: weight: weight is blank"), std::string::npos);

  table_case fill;
  fill.rules.missing_weight = hn::blank_weight::fill;
  fill.rules.fill_weight = 2.5;
  tie_table filled(
      fill.net, fill.rules, fill.problems, [](std::size_t r, std::string_view f) { return hn::source_location{"t.csv", r + 2, std::string(f)}; },
      [](std::size_t r) { return "line " + std::to_string(r + 2); });
  filled.add(0, 1, std::nullopt, {}, 0, "a", "b");
  filled.finish(fill.net, &fill.notes);
  EXPECT_DOUBLE_EQ(fill.net.get_tie("a", "b").weight, 2.5);
  ASSERT_EQ(fill.notes.size(), 1U);
}

TEST(Reading, CsvCollectsEveryRowProblem) {
  hn::csv_options o;
  const auto report = hn::check_csv("id\na\nb\n", "source,target,weight\na,x,1\nb,a,-1\na,b,\n", o);
  // By hand: unknown x (line 2), negative weight (line 3), blank weight (line 4).
  ASSERT_EQ(report.total, 3U);
  EXPECT_EQ(report.problems[0].where().line, 2U);
  EXPECT_EQ(report.problems[1].where().line, 3U);
  EXPECT_EQ(report.problems[2].where().line, 4U);
}

TEST(Reading, Cp1252IsDecoded) {
  hn::csv_options o;
  o.encoding = "cp1252";
  o.rules.keep_unknown_sectors = true;
  // "Müller" in cp1252 (0xfc) and the euro sign (0x80) as a name.
  const auto net = hn::parse_csv("id;name\na;M\xfcller\nb;\x80\n", "source;target\na;b\n", o);
  EXPECT_EQ(net.get_actor("a").name, "Müller");
  EXPECT_EQ(net.get_actor("b").name, "€");
}

TEST(Reading, SectorMapFiles) {
  EXPECT_EQ(hn::parse_sector_map("label;sector\nÄrzte;outpatient_care\n").at("Ärzte"), "outpatient_care");
  EXPECT_EQ(hn::parse_sector_map(R"({"Kasse": "health_insurance"})").at("Kasse"), "health_insurance");
  EXPECT_THROW((void)hn::parse_sector_map(R"({"Kasse": "a", "Kasse": "b"})"), hn::invalid_input);
  EXPECT_THROW((void)hn::parse_sector_map("label,sektor\nx,y\n"), hn::invalid_input);
}

}  // namespace
