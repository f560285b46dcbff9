// SPDX-License-Identifier: MIT
// Survey exports as CSV (healthnet/survey_io.hpp): the long roster layout
// and the adjacency matrix. Oracles: the small networks drawn in the
// comments, worked out by hand from the rows of each test, and the messages
// of the Python from_survey / from_matrix (python/healthnet/_survey.py),
// whose wording the C++ readers share.
#include <healthnet/survey_io.hpp>

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

namespace hn = healthnet;

/// The message of the invalid_input that `f` throws.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const hn::invalid_input& e) {
    return e.what();
  }
  return "no error";
}

std::vector<std::string> messages(const hn::problem_report& r) {
  std::vector<std::string> out;
  for (const auto& p : r.problems) out.emplace_back(p.what());
  return out;
}

hn::survey_options survey_opts() {
  hn::survey_options o;
  o.relations = {{"Info", "information"}, {"Projekt", "joint_project"}};
  o.ratings = {"trust"};
  return o;
}

// German Excel export (';', decimal comma):
//   101 -> 102  information + joint_project, trust 4,5
//   101 -> 103  nothing ticked, no rating: no tie (101 is a respondent anyway)
//   102 -> 101  information, trust blank (stays missing)
//   103 (blank partner, nothing ticked): a respondent without ties
//   104 named by nobody as respondent -> appears as partner of 102
//
//   101 --(info, project, trust 4.5)--> 102
//   102 --(info)--> 101
//   102 --(project, trust 1)--> 104
constexpr const char* k_survey =
    "respondent;partner;Info;Projekt;trust;note\n"
    "101;102;x;ja;4,5;a\n"
    "101;103;;nein;;b\n"
    "102;101;1;0;;\n"
    "102;104;;YES;1;\n"
    "103;;;;;\n";

TEST(SurveyCsv, LongLayoutByHand) {
  const hn::network net = hn::parse_survey_csv(k_survey, survey_opts());
  ASSERT_EQ(net.n_actors(), 4U);
  EXPECT_EQ(net.id_kind(), hn::id_kind::integer);
  // Roster in order of first appearance: 101, 102, 103, 104.
  const std::vector<std::string> ids{"101", "102", "103", "104"};
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(net.actor_at(static_cast<hn::vertex_index>(i)).id, ids[i]);
  EXPECT_EQ(net.get_actor("101").respondent, true);
  EXPECT_EQ(net.get_actor("103").respondent, true);  // no ties, but answered
  EXPECT_EQ(net.get_actor("104").respondent, false);
  ASSERT_EQ(net.n_ties(), 3U);
  const auto t1 = net.get_tie("101", "102");
  EXPECT_EQ(t1.weight, 1.0);
  EXPECT_EQ(t1.relations, (hn::relation_set{"information", "joint_project"}));
  EXPECT_EQ(std::get<double>(t1.attributes.at("trust")), 4.5);
  EXPECT_EQ(t1.attributes.count("note"), 0U);  // other columns are not kept
  const auto t2 = net.get_tie("102", "101");
  EXPECT_EQ(t2.relations, (hn::relation_set{"information"}));
  EXPECT_TRUE(t2.attributes.empty());  // blank rating: missing, not 0
  EXPECT_FALSE(net.has_tie("101", "103"));
  EXPECT_EQ(std::get<double>(net.get_tie("102", "104").attributes.at("trust")), 1.0);
}

TEST(SurveyCsv, WeightFromARatingAndTheBlankWeightRule) {
  // trust as the weight: 101 -> 102 weight 3; 102 -> 101 has a ticked box but a blank weight.
  const char* text = "respondent,partner,Info,trust\n101,102,x,3\n102,101,x,\n";
  hn::survey_options o;
  o.relations = {{"Info", "Info"}};
  o.weight = "trust";
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv(text, o); }),
            "<responses>:3: column 'trust': weight is blank; pass missing_weight='drop' to leave such ties out or a "
            "number to fill them in (command line: --missing-weight)");
  o.reading.rules.missing_weight = hn::blank_weight::drop;
  std::vector<hn::data_note> notes;
  const hn::network net = hn::parse_survey_csv(text, o, std::nullopt, "<responses>", "<actors>", &notes);
  ASSERT_EQ(net.n_ties(), 1U);
  EXPECT_EQ(net.get_tie("101", "102").weight, 3.0);
  EXPECT_TRUE(net.get_tie("101", "102").attributes.empty());  // the weight is not also an attribute
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_NE(notes[0].message.find("1 tie with a blank weight left out"), std::string::npos);
}

TEST(SurveyCsv, RepeatedSubmissionFollowsTheRule) {
  // 101 -> 102 submitted twice (trust 3, then 4): max keeps 4 and the relations of both rows.
  const char* text = "respondent,partner,a,b,trust\n101,102,x,,3\n101,102,,x,4\n";
  hn::survey_options o;
  o.relations = {{"a", "a"}, {"b", "b"}};
  o.ratings = {"trust"};
  o.reading.rules.duplicates = hn::merge_rule::max;
  const hn::network net = hn::parse_survey_csv(text, o);
  ASSERT_EQ(net.n_ties(), 1U);
  EXPECT_EQ(net.get_tie("101", "102").relations, (hn::relation_set{"a", "b"}));
  EXPECT_EQ(std::get<double>(net.get_tie("101", "102").attributes.at("trust")), 4.0);
  o.reading.rules.duplicates = hn::merge_rule::error;
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv(text, o); }),
            "<responses>:3: pair '101' -> '102' repeats line 2 (duplicates='error'); remove the repeated row or "
            "choose a rule: sum, max, min, mean, first, last");
}

TEST(SurveyCsv, CheckboxCodingCanBeReplaced) {
  // SoSci Survey: 2 ticked, 1 empty. 1 -> 2 ticked; 1 -> 3 not; "x" is now an error.
  const char* text = "respondent;partner;k\n1;2;2\n1;3;1\n";
  hn::survey_options o;
  o.relations = {{"k", "contact"}};
  o.ticked = {"2"};
  o.empty = {"1"};
  const hn::network net = hn::parse_survey_csv(text, o);
  EXPECT_EQ(net.n_ties(), 1U);
  EXPECT_TRUE(net.has_tie("1", "2"));
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv("respondent;partner;k\n1;2;x\n", o); }),
            "<responses>:2: column 'k': checkbox value 'x' is neither ticked (2) nor empty (blank, 1); pass "
            "checkbox=(ticked, empty) for another coding (command line: --checkbox TICKED:EMPTY)");
  o.empty = {"2.0"};  // a whole number in any notation is its digits
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv(text, o); }), "checkbox: '2' is both ticked and empty");
}

TEST(SurveyCsv, EveryProblemIsListed) {
  // line 2: fine; 3: blank respondent; 4: 'vielleicht'; 5: blank partner with an answer;
  // 6: rating 'gut'; 7: self-loop 105 -> 105.
  const char* text =
      "respondent;partner;Info;trust\n"
      "101;102;x;3\n"
      ";102;x;3\n"
      "101;103;vielleicht;\n"
      "102;;x;\n"
      "102;101;;gut\n"
      "105;105;x;\n";
  hn::survey_options o;
  o.relations = {{"Info", "information"}};
  o.ratings = {"trust"};
  const hn::problem_report report = hn::check_survey_csv(text, o, std::nullopt, "s.csv");
  EXPECT_EQ(report.total, 5U);
  EXPECT_EQ(messages(report),
            (std::vector<std::string>{
                "s.csv:3: column 'respondent': missing respondent id",
                "s.csv:4: column 'Info': checkbox value 'vielleicht' is neither ticked (1, ja, true, x, y, yes) nor "
                "empty (blank, '', 0, false, n, nein, no); pass checkbox=(ticked, empty) for another coding "
                "(command line: --checkbox TICKED:EMPTY)",
                "s.csv:5: column 'partner': missing partner id in a row with answers",
                "s.csv:6: column 'trust': rating 'gut' is not a number",
                "s.csv:7: column 'partner': self-loop on actor '105' (set allow_self_loops to keep it)",
            }));
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv(text, o, std::nullopt, "s.csv"); }),
            "s.csv:3: column 'respondent': missing respondent id (and 4 more problems; validate lists them all)");
  // A decimal comma in a ','-separated file gets the hint.
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv("respondent,partner,trust\n1,2,\"2,5\"\n", o); }),
            "<responses>:1: column 'Info': relation column is missing (known: 'respondent', 'partner', 'trust')");
  o.relations.clear();
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv("respondent,partner,trust\n1,2,\"2,5\"\n", o); }),
            "<responses>:2: column 'trust': rating '2,5' is not a number (a decimal comma? read the file with "
            "decimal=',', command line: --decimal ,)");
}

TEST(SurveyCsv, RosterFromAnActorsFile) {
  // Roster 101, 102, 103 (with sectors); the responses name 999 and 10l.
  const char* actors = "id;sector\n101;Pflege\n102;pharmacy\n103;pharmacy\n";
  const char* text = "respondent;partner;Info\n101;102;x\n101;999;x\n10l;102;x\n";
  hn::survey_options o;
  o.relations = {{"Info", "information"}};
  const hn::problem_report report = hn::check_survey_csv(text, o, actors, "s.csv", "a.csv");
  EXPECT_EQ(messages(report),
            (std::vector<std::string>{
                "s.csv:3: column 'partner': partner '999' is not in the actors",
                "s.csv:4: column 'respondent': respondent '10l' is not in the actors; did you mean '101', '102' or '103'?",
            }));
  const hn::network net = hn::parse_survey_csv("respondent;partner;Info\n101;102;x\n", o, actors);
  ASSERT_EQ(net.n_actors(), 3U);
  EXPECT_EQ(net.get_actor("101").sectors, std::vector<std::string>{"nursing_care"});
  EXPECT_EQ(net.get_actor("101").respondent, true);
  EXPECT_EQ(net.get_actor("102").respondent, false);
  EXPECT_EQ(net.get_actor("103").respondent, false);
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv(text, o, "id;respondent\n101;true\n", "s.csv", "a.csv"); }),
            "a.csv:1: column 'respondent': the survey reader sets it from the responses; drop or rename it");
}

TEST(SurveyCsv, Cp1252File) {
  // "Überweisung" in cp1252 (0xDC); 1 -> 2 referral.
  const std::string text = "respondent;partner;\xDC" "berweisung\n1;2;x\n";
  hn::survey_options o;
  o.relations = {{"\xC3\x9C" "berweisung", "referral"}};
  o.reading.encoding = "cp1252";
  const hn::network net = hn::parse_survey_csv(text, o);
  EXPECT_EQ(net.get_tie("1", "2").relations, (hn::relation_set{"referral"}));
}

// Matrix (';', decimal comma), labels in another order in the columns:
//        103  101  102
//   101   0    0    2        101 -> 102 (2)
//   102  1,5   0    0        102 -> 103 (1.5)
//   103   0    4    0        103 -> 101 (4)
TEST(MatrixCsv, ValuedByHand) {
  const hn::network net = hn::parse_matrix_csv(";103;101;102\n101;0;0;2\n102;1,5;0;0\n103;0;4;0\n");
  ASSERT_EQ(net.n_actors(), 3U);
  EXPECT_EQ(net.actor_at(0).id, "101");
  EXPECT_EQ(net.id_kind(), hn::id_kind::integer);
  ASSERT_EQ(net.n_ties(), 3U);
  EXPECT_EQ(net.get_tie("101", "102").weight, 2.0);
  EXPECT_EQ(net.get_tie("102", "103").weight, 1.5);
  EXPECT_EQ(net.get_tie("103", "101").weight, 4.0);
}

TEST(MatrixCsv, BinaryUndirectedAndBlanks) {
  // a - b, a - c (upper triangle of a symmetric matrix).
  const char* sym = "x,a,b,c\na,0,1,1\nb,1,0,0\nc,1,0,0\n";
  hn::matrix_options o;
  o.reading.directed = false;
  o.binary = true;
  const hn::network net = hn::parse_matrix_csv(sym, o);
  EXPECT_FALSE(net.directed());
  EXPECT_EQ(net.n_ties(), 2U);
  EXPECT_TRUE(net.has_tie("a", "b") && net.has_tie("a", "c"));
  const char* bad = "x,a,b,c\na,0,1,1\nb,1,0,\nc,2,0,0\n";
  const hn::problem_report r = hn::check_matrix_csv(bad, o, std::nullopt, "m.csv");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "m.csv:3: row 'b', column 'c': blank cell; a blank is ambiguous in a matrix: write 0 for no tie, or "
                "pass missing='absent' to read blanks as no tie (command line: --matrix-missing absent)",
                "m.csv:4: row 'c', column 'a': 2 in a binary matrix (expected 0 or 1)",  // not also asymmetric
            }));
  o.binary = false;
  EXPECT_EQ(error_of([&] { (void)hn::parse_matrix_csv("x,a,b\na,0,1\nb,2,0\n", o, std::nullopt, "m.csv"); }),
            "m.csv:2: row 'a', column 'b': 1 but 2 the other way; an undirected matrix must be symmetric (read "
            "it directed and symmetrise it)");
  // Blank as absent; the blank diagonal is fine either way: b -> a only.
  hn::matrix_options absent;
  absent.missing = hn::blank_cell::absent;
  const hn::network net2 = hn::parse_matrix_csv(";a;b\na;;\nb;1;\n", absent);
  EXPECT_EQ(net2.n_ties(), 1U);
  EXPECT_TRUE(net2.has_tie("b", "a"));
}

TEST(MatrixCsv, DiagonalAndLabels) {
  EXPECT_EQ(error_of([] { (void)hn::parse_matrix_csv(";a;b\na;3;1\nb;0;0\n", {}, std::nullopt, "m.csv"); }),
            "m.csv:2: row 'a', column 'a': self-loop 3 on the diagonal (pass allow_self_loops=True to keep it; "
            "command line: --allow-self-loops)");
  hn::matrix_options loops;
  loops.reading.allow_self_loops = true;
  const hn::network net = hn::parse_matrix_csv(";a;b\na;3;1\nb;0;0\n", loops);
  EXPECT_EQ(net.get_tie("a", "a").weight, 3.0);
  EXPECT_EQ(net.get_tie("a", "b").weight, 1.0);
  EXPECT_EQ(messages(hn::check_matrix_csv(";a;b\na;0;viel\nb;0;0\n", {}, std::nullopt, "m.csv")),
            std::vector<std::string>{"m.csv:2: row 'a', column 'b': 'viel' is not a number"});
  EXPECT_EQ(messages(hn::check_matrix_csv(";a;b\na;0;1\na;0;0\n", {}, std::nullopt, "m.csv")),
            std::vector<std::string>{"m.csv:3: row label 'a': appears more than once (first on line 2)"});
  EXPECT_EQ(messages(hn::check_matrix_csv(";a;a\na;0;1\nb;0;0\n", {}, std::nullopt, "m.csv")),
            (std::vector<std::string>{"m.csv:1: column label 'a': appears more than once",
                                      "m.csv:3: row label 'b': has no column"}));
  EXPECT_EQ(messages(hn::check_matrix_csv(";a;c\na;0;1\nb;0;0\n", {}, std::nullopt, "m.csv")),
            std::vector<std::string>{"m.csv:3: row label 'b': has no column; columns without a row: 'c'"});
  // A short row is its one problem (the labels are not checked without it).
  EXPECT_EQ(messages(hn::check_matrix_csv(";a;b\na;0\nb;0;0\n", {}, std::nullopt, "m.csv")),
            std::vector<std::string>{"m.csv:2: column 'b': row has 2 fields but the header has 3"});
  EXPECT_EQ(error_of([] { (void)hn::parse_matrix_csv(";a;b\na;0;1\n", {}, std::nullopt, "m.csv"); }),
            "m.csv:1: column label 'b': has no row");
  EXPECT_EQ(error_of([] { (void)hn::parse_matrix_csv(";a;b\na;0;-1\nb;0;0\n", {}, std::nullopt, "m.csv"); }),
            "m.csv:2: row 'a', column 'b': weight -1 is negative");
}

TEST(MatrixCsv, WithActors) {
  // Actors 2, 1 (in that order, with sectors); matrix 1 -> 2.
  const char* m = ";1;2\n1;0;1\n2;0;0\n";
  const hn::network net = hn::parse_matrix_csv(m, {}, "id,sector\n2,pharmacy\n1,outpatient_care\n");
  EXPECT_EQ(net.actor_at(0).id, "2");
  EXPECT_EQ(net.get_actor("2").sectors, std::vector<std::string>{"pharmacy"});
  EXPECT_TRUE(net.has_tie("1", "2"));
  EXPECT_EQ(error_of([&] { (void)hn::parse_matrix_csv(m, {}, "id\n1\n2\n3\n", "m.csv", "a.csv"); }),
            "a.csv:4: column 'id': id '3' has no row and column in the matrix");
  EXPECT_EQ(error_of([&] { (void)hn::parse_matrix_csv(m, {}, "id\n1\n", "m.csv", "a.csv"); }),
            "m.csv:3: row label '2': label '2' is not in the actors; did you mean '1'?");
}

// Mutated inputs (bytes replaced, inserted, deleted from the samples above,
// seeded): a reader returns a network or throws invalid_input, nothing else,
// and validate agrees with the reader on whether the input is good.
TEST(SurveyCsv, MutatedInputsOnlyFailCleanly) {
  const std::string alphabet = ";,\n\r\" x01-.\xC3\x9C";
  std::mt19937 rng(7);
  const std::vector<std::string> seeds{k_survey, ";103;101;102\n101;0;0;2\n102;1,5;0;0\n103;0;4;0\n",
                                       "x,a,b\na,0,1\nb,1,0\n"};
  std::size_t read = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = seeds[static_cast<std::size_t>(round) % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: text[at] = c; break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: text.erase(at, 1);
      }
    }
    const auto expect_clean = [&](const auto& parse, const auto& check) {
      bool ok = true;
      try {
        (void)parse();
        ++read;
      } catch (const hn::invalid_input& e) {
        EXPECT_EQ(std::string(e.what()).rfind('<', 0), 0U) << e.what();  // names the input
        ok = false;
      }
      EXPECT_EQ(check().ok(), ok) << text;
    };
    hn::survey_options so = survey_opts();
    so.reading.directed = round % 2 == 0;
    so.weight = round % 3 == 0 ? "trust" : "";
    so.reading.rules.missing_weight = hn::blank_weight::drop;
    expect_clean([&] { return hn::parse_survey_csv(text, so); }, [&] { return hn::check_survey_csv(text, so); });
    hn::matrix_options mo;
    mo.reading.directed = round % 2 == 0;
    mo.missing = round % 3 == 0 ? hn::blank_cell::absent : hn::blank_cell::error;
    expect_clean([&] { return hn::parse_matrix_csv(text, mo); }, [&] { return hn::check_matrix_csv(text, mo); });
  }
  EXPECT_GT(read, 100U);  // the mutations leave many inputs readable
}

}  // namespace

// fuzz_survey (session 6, within seconds): an id holding a NUL reached
// network::add_actor after the rows were read, and its message named no file
// or line. Oracle: the input, checked by hand (line 3, the partner column;
// line 2 of the matrix, the row label, and its second column label).
TEST(SurveyCsv, NulInAnIdNamesFileAndLine) {
  hn::survey_options o;
  o.relations = {{"Info", "information"}};
  using namespace std::string_literals;
  const std::string text = "respondent;partner;Info\n101;102;x\n110;\0" "03;x\n"s;
  EXPECT_EQ(error_of([&] { (void)hn::parse_survey_csv(text, o, std::nullopt, "umfrage.csv"); }),
            "umfrage.csv:3: column 'partner': partner id contains a NUL character: '\\x0003'");
  hn::matrix_options m;
  const std::string matrix = ";a;b\0c\na;0;1\nb\0c;0;0\n"s;
  const auto msg = error_of([&] { (void)hn::parse_matrix_csv(matrix, m, std::nullopt, "matrix.csv"); });
  EXPECT_NE(msg.find("matrix.csv:1: column 3: column label contains a NUL character: 'b\\x00c'"), std::string::npos) << msg;
}
