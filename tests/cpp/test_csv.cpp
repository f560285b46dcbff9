// SPDX-License-Identifier: MIT
// The CSV reader: separators, quoting, encodings, typed attributes, merging,
// and an error naming file, line and column for every kind of bad input.
#include <healthnet/error.hpp>
#include <healthnet/io.hpp>
#include <healthnet/network.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <variant>

namespace {

using healthnet::csv_options;
using healthnet::parse_csv;

const std::string data_dir = std::string(HEALTHNET_TEST_DATA) + "/csv/";

constexpr std::string_view three_actors = "id,name\na,A\nb,B\nc,C\n";

// Runs `body`, expects invalid_input, and checks that the message names every
// fragment (file name, ":line:", column); returns the message.
template <class Body>
std::string error_of(Body body, std::initializer_list<std::string_view> fragments) {
  try {
    body();
  } catch (const healthnet::invalid_input& e) {
    const std::string message = e.what();
    for (const auto f : fragments) EXPECT_NE(message.find(f), std::string::npos) << "'" << f << "' not in: " << message;
    return message;
  }
  ADD_FAILURE() << "no invalid_input thrown";
  return {};
}

std::string ties_error(std::string_view ties, std::initializer_list<std::string_view> fragments,
                       const csv_options& options = {}) {
  return error_of([&] { (void)parse_csv(three_actors, ties, options, "actors.csv", "ties.csv"); }, fragments);
}

std::string actors_error(std::string_view actors, std::initializer_list<std::string_view> fragments,
                         const csv_options& options = {}) {
  return error_of([&] { (void)parse_csv(actors, "source,target\n", options, "actors.csv", "ties.csv"); }, fragments);
}

csv_options named(std::string sector, std::string weight) {
  csv_options o;
  o.columns.sector = std::move(sector);
  o.columns.weight = std::move(weight);
  return o;
}
csv_options de_options() {
  csv_options o = named("sector", "weight");
  o.directed = false;
  return o;
}
csv_options undirected_options() {
  csv_options o;
  o.directed = false;
  return o;
}
csv_options self_loop_options() {
  csv_options o;
  o.allow_self_loops = true;
  return o;
}

// The number of an int64 or double attribute ("420" reads as int64, "1.5" as double).
double number(const healthnet::attribute_map& m, const std::string& key) { return healthnet::numeric_value(m.at(key)).value(); }
const std::string& text(const healthnet::attribute_map& m, const std::string& key) {
  return std::get<std::string>(m.at(key));
}

// ---- good input ------------------------------------------------------------

// A comma file with names, sectors, types, typed attributes and merged ties.
//
//   gp1 --(referral, information, joint_project)--> hosp --(information)--> ph
//    |
//    `--(referral)--> care
/// The options that make the ties file's `weight` column an ordinary attribute.
csv_options weight_as_attribute() {
  csv_options o;
  o.columns.weight.clear();
  return o;
}

TEST(Csv, ReadsGoodCommaFiles) {
  const auto net = healthnet::read_csv(data_dir + "actors_good.csv", data_dir + "ties_good.csv", weight_as_attribute());
  ASSERT_EQ(net.n_actors(), 4u);
  EXPECT_TRUE(net.directed());
  const auto& hosp = net.get_actor("hosp");
  EXPECT_EQ(hosp.name, "Klinikum Musterstadt, Haus A");
  EXPECT_EQ(hosp.type, "hospital");
  EXPECT_EQ(hosp.sectors, (std::vector<std::string>{"inpatient_care", "rehabilitation", "emergency_care"}));
  EXPECT_EQ(net.get_actor("care").name, "Pflegedienst \"Sonnenschein\"");
  EXPECT_EQ(net.get_actor("gp1").sectors, std::vector<std::string>{"outpatient_care"});

  ASSERT_EQ(net.n_ties(), 3u);
  const auto& t = net.get_tie("gp1", "hosp");
  EXPECT_EQ(t.relations, (std::set<std::string, std::less<>>{"information", "joint_project", "referral"}));
  EXPECT_DOUBLE_EQ(t.weight, 2.0);  // two rows of weight 1 (no weight option)
  EXPECT_EQ(t.since, "2018");
  EXPECT_DOUBLE_EQ(number(t.attributes, "trust"), 4.0);
  EXPECT_FALSE(net.get_tie("hosp", "ph").attributes.contains("trust"));
  // With no weight column named (weight = "") the column is an ordinary attribute, every weight 1.
  EXPECT_DOUBLE_EQ(net.get_tie("hosp", "ph").weight, 1.0);
  EXPECT_DOUBLE_EQ(number(net.get_tie("hosp", "ph").attributes, "weight"), 1.5);
}

// The `weight` column is the weight; its empty cell (gp1 -> care) is an error
// unless a fill-in is given, here 1.
TEST(Csv, WeightColumnFromOptions) {
  csv_options options;
  EXPECT_THROW((void)healthnet::read_csv(data_dir + "actors_good.csv", data_dir + "ties_good.csv", options),
               healthnet::invalid_input);
  options.rules.missing_weight = healthnet::blank_weight::fill;
  options.rules.fill_weight = 1.0;
  const auto net = healthnet::read_csv(data_dir + "actors_good.csv", data_dir + "ties_good.csv", options);
  EXPECT_DOUBLE_EQ(net.get_tie("gp1", "hosp").weight, 3.0);
  EXPECT_DOUBLE_EQ(net.get_tie("hosp", "ph").weight, 1.5);
  EXPECT_DOUBLE_EQ(net.get_tie("gp1", "care").weight, 1.0);
  EXPECT_FALSE(net.get_tie("hosp", "ph").attributes.contains("weight"));
}

// Attributes are typed: numbers, booleans, strings; empty cells are absent;
// leading-zero integers such as postcodes stay strings.
TEST(Csv, TypedAttributes) {
  const auto net = healthnet::read_csv(data_dir + "actors_good.csv", data_dir + "ties_good.csv", weight_as_attribute());
  const auto& gp = net.get_actor("gp1").attributes;
  EXPECT_FALSE(gp.contains("beds"));
  EXPECT_EQ(std::get<bool>(gp.at("teaching")), false);
  EXPECT_EQ(text(gp, "district"), "Nord");
  EXPECT_EQ(text(gp, "postcode"), "01067");
  const auto& hosp = net.get_actor("hosp").attributes;
  EXPECT_DOUBLE_EQ(number(hosp, "beds"), 420.0);
  EXPECT_EQ(std::get<bool>(hosp.at("teaching")), true);
  const auto& ph = net.get_actor("ph").attributes;
  EXPECT_FALSE(ph.contains("teaching"));
  EXPECT_FALSE(ph.contains("postcode"));
  EXPECT_DOUBLE_EQ(number(net.get_actor("care").attributes, "beds"), 0.0);
  // The sector columns are fields, not attributes.
  EXPECT_FALSE(gp.contains("sector"));
  EXPECT_FALSE(gp.contains("sectors"));

  const auto n2 = parse_csv("id,x,y,z,w\na,TRUE,-2.5e3,nan,1;2\n", "source,target\n");
  const auto& a = n2.get_actor("a").attributes;
  EXPECT_EQ(std::get<bool>(a.at("x")), true);
  EXPECT_DOUBLE_EQ(number(a, "y"), -2500.0);
  EXPECT_EQ(text(a, "z"), "nan");  // non-finite numbers are not numbers
  EXPECT_EQ(text(a, "w"), "1;2");
}

// A German Excel export: byte order mark, CRLF, `;`, decimal commas, umlauts,
// a quoted `;` and a quoted CRLF line break.
TEST(Csv, ReadsGermanExcelExport) {
  const auto net = healthnet::read_csv(data_dir + "actors_excel_de.csv", data_dir + "ties_excel_de.csv",
                                       de_options());
  ASSERT_EQ(net.n_actors(), 3u);
  EXPECT_TRUE(net.has_actor("kk"));  // the BOM is not part of the first column name
  EXPECT_EQ(net.get_actor("kk").name, "Krankenkasse Süd");
  EXPECT_DOUBLE_EQ(number(net.get_actor("kk").attributes, "budget"), 1234.5);
  EXPECT_FALSE(net.get_actor("apo").attributes.contains("budget"));
  EXPECT_EQ(net.get_actor("kom").name, "Stadt Musterstadt; Sozialamt");
  EXPECT_EQ(net.get_actor("kom").sectors, std::vector<std::string>{"municipality"});
  ASSERT_EQ(net.n_ties(), 2u);
  EXPECT_DOUBLE_EQ(net.get_tie("apo", "kk").weight, 1.5);
  EXPECT_EQ(text(net.get_tie("kk", "apo").attributes, "note"), "Gespräch");
  const auto& t = net.get_tie("kom", "apo");
  EXPECT_EQ(t.relations, (std::set<std::string, std::less<>>{"information", "referral"}));
  EXPECT_EQ(text(t.attributes, "note"), "Zeile 1\nZeile 2");
}

// Tab-separated text, with spaces around unquoted fields trimmed.
TEST(Csv, ReadsTabSeparated) {
  const auto net = parse_csv("id\tname\tscore\n a \t Praxis A \t1.5\nb\tB\t2,5\n",
                             "source\ttarget\trelation\na\tb\tinformation\n");
  EXPECT_EQ(net.get_actor("a").name, "Praxis A");
  EXPECT_DOUBLE_EQ(number(net.get_actor("a").attributes, "score"), 1.5);
  EXPECT_EQ(text(net.get_actor("b").attributes, "score"), "2,5");  // decimal commas only with `;`
  EXPECT_TRUE(net.has_tie("a", "b"));
}

// RFC 4180 quoting: separators, doubled quotes and line breaks inside quotes,
// spaces kept inside quotes, and line numbers counted through quoted breaks.
TEST(Csv, QuotedFields) {
  const auto net = parse_csv(
      "id,name,note\n"
      "a,\"Meier, Schulz & Partner\",\"er sagte \"\"ja\"\"\"\n"
      "b,\" B \",\"zwei\nZeilen\"\n"
      "c,\"\",\"\"\"\"\n",
      "source,target\n");
  EXPECT_EQ(net.get_actor("a").name, "Meier, Schulz & Partner");
  EXPECT_EQ(text(net.get_actor("a").attributes, "note"), "er sagte \"ja\"");
  EXPECT_EQ(net.get_actor("b").name, " B ");
  EXPECT_EQ(text(net.get_actor("b").attributes, "note"), "zwei\nZeilen");
  EXPECT_EQ(net.get_actor("c").name, "");
  EXPECT_EQ(text(net.get_actor("c").attributes, "note"), "\"");
  // The record after a quoted line break is reported on its physical line.
  error_of([] { (void)parse_csv("id,note\na,\"x\ny\"\na,z\n", "source,target\n", {}, "actors.csv"); },
           {"actors.csv:4:", "column 'id'", "duplicate actor id 'a'", "first on line 2"});
}

// Several sectors and relations separated by `|`, trimmed, without repeats.
TEST(Csv, ListsSplitOnBar) {
  const auto net = parse_csv("id,sector,sectors\na,prevention, self_help | prevention ||education\nb,,other\n",
                             "source,target,relation,relations\na,b,information | referral,joint_project\n");
  EXPECT_EQ(net.get_actor("a").sectors, (std::vector<std::string>{"prevention", "self_help", "education"}));
  EXPECT_EQ(net.get_actor("b").sectors, std::vector<std::string>{"other"});
  EXPECT_EQ(net.get_tie("a", "b").relations,
            (std::set<std::string, std::less<>>{"information", "joint_project", "referral"}));
}

// A named primary-sector column; an empty option makes `sector` an attribute.
TEST(Csv, SectorColumnOption) {
  csv_options options;
  options.columns.sector = "Sektor";
  auto net = parse_csv("id,Sektor,sectors\na,pharmacy,other\n", "source,target\n", options);
  EXPECT_EQ(net.get_actor("a").sectors, (std::vector<std::string>{"pharmacy", "other"}));
  options.columns.sector.clear();
  net = parse_csv("id,sector\na,pharmacy\n", "source,target\n", options);
  EXPECT_TRUE(net.get_actor("a").sectors.empty());
  EXPECT_EQ(text(net.get_actor("a").attributes, "sector"), "pharmacy");
  // The default `sector` column may be missing.
  EXPECT_NO_THROW((void)parse_csv("id\na\n", "source,target\n"));
}

// Repeated pairs merge: relations united, weights added, earlier `since` kept.
TEST(Csv, RepeatedTiesMerge) {
  const auto net = parse_csv(three_actors,
                             "source,target,relation,w,since\n"
                             "a,b,information,2,2021-05\n"
                             "a,b,referral,0.5,2019-01-31\n"
                             "a,b,information,1,2020\n",
                             named("sector", "w"));
  ASSERT_EQ(net.n_ties(), 1u);
  const auto& t = net.get_tie("a", "b");
  EXPECT_EQ(t.relations, (std::set<std::string, std::less<>>{"information", "referral"}));
  EXPECT_DOUBLE_EQ(t.weight, 3.5);
  EXPECT_EQ(t.since, "2019-01-31");
}

// Directed: a->b and b->a are two ties; undirected: one merged tie.
TEST(Csv, DirectedAndUndirected) {
  constexpr std::string_view ties = "source,target\na,b\nb,a\nb,c\n";
  const auto directed = parse_csv(three_actors, ties);
  EXPECT_TRUE(directed.directed());
  EXPECT_EQ(directed.n_ties(), 3u);
  const auto undirected = parse_csv(three_actors, ties, undirected_options());
  EXPECT_FALSE(undirected.directed());
  EXPECT_EQ(undirected.n_ties(), 2u);
  EXPECT_DOUBLE_EQ(undirected.get_tie("b", "a").weight, 2.0);
}

// Self-loops are kept when allowed.
TEST(Csv, SelfLoopsWhenAllowed) {
  const auto net = parse_csv(three_actors, "source,target\na,a\n", self_loop_options());
  EXPECT_TRUE(net.allow_self_loops());
  EXPECT_TRUE(net.has_tie("a", "a"));
}

// Header-only files give no actors / no ties; blank lines, `;;;` rows and an
// Excel `sep=` line are skipped; a last line without line break is read.
TEST(Csv, HeaderOnlyBlankLinesAndSepLine) {
  auto net = parse_csv("id,name\n", "source,target");
  EXPECT_EQ(net.n_actors(), 0u);
  EXPECT_EQ(net.n_ties(), 0u);
  net = healthnet::read_csv(data_dir + "actors_good.csv", data_dir + "ties_empty.csv");
  EXPECT_EQ(net.n_actors(), 4u);
  EXPECT_EQ(net.n_ties(), 0u);
  net = parse_csv("sep=;\r\nid;score\r\n\r\na;1,5\r\n;\r\n  \r\nb;2", "source;target\na;b");
  EXPECT_EQ(net.n_actors(), 2u);
  EXPECT_DOUBLE_EQ(number(net.get_actor("a").attributes, "score"), 1.5);
  EXPECT_TRUE(net.has_tie("a", "b"));
}

// ---- bad input: every error names file, line and column -------------------

// An empty file (also: only a byte order mark, only blank lines).
TEST(CsvErrors, EmptyFile) {
  actors_error("", {"actors.csv: ", "file is empty"});
  actors_error("\xEF\xBB\xBF\r\n\n", {"actors.csv: ", "file is empty"});
  ties_error("", {"ties.csv: ", "file is empty"});
}

// A missing required column, reported on the header line.
TEST(CsvErrors, MissingRequiredColumn) {
  actors_error("name,sector\nA,other\n", {"actors.csv:1:", "column 'id'", "required column is missing"});
  ties_error("source,to\na,b\n", {"ties.csv:1:", "column 'target'", "required column is missing"});
  ties_error("from,target\na,b\n", {"ties.csv:1:", "column 'source'"});
  const auto m = actors_error("ID,name\na,A\n", {"actors.csv:1:", "column 'id'"});
  EXPECT_NE(m.find("case-sensitive"), std::string::npos) << m;
}

// A sector or weight column the caller named but the header lacks.
TEST(CsvErrors, MissingNamedColumns) {
  actors_error("id,sector\na,other\n", {"actors.csv:1:", "column 'Sektor'", "missing"}, named("Sektor", ""));
  ties_error("source,target\na,b\n", {"ties.csv:1:", "column 'Gewicht'", "missing"}, named("sector", "Gewicht"));
}

// A header naming the same column twice.
TEST(CsvErrors, DuplicateColumn) {
  actors_error("id,name,name\na,A,B\n", {"actors.csv:1:", "column 'name'", "twice"});
}

// A quote that is never closed, reported where the quoted field starts.
TEST(CsvErrors, UnterminatedQuote) {
  actors_error("id,name\na,A\nb,\"Praxis B\nc,C\n", {"actors.csv:3:", "column 'name'", "never closed"});
}

// Text between a closing quote and the next separator.
TEST(CsvErrors, TextAfterClosingQuote) {
  actors_error("id,name\na,\"Praxis\" A\n", {"actors.csv:2:", "column 'name'", "after closing quote"});
}

// Rows with more or with fewer fields than the header.
TEST(CsvErrors, WrongFieldCount) {
  ties_error("source,target,relation\na,b,information\nb,c,referral,extra\n",
             {"ties.csv:3:", "column 4", "4 fields but the header has 3"});
  ties_error("source,target,relation\na,b,information\n\nb,c\n",
             {"ties.csv:4:", "column 'relation'", "2 fields but the header has 3"});
}

// A Latin-1 file (Excel "CSV (Trennzeichen-getrennt)"): names the encoding option.
TEST(CsvErrors, NotUtf8) {
  const std::string path = data_dir + "actors_latin1.csv";
  const auto m = error_of([&] { (void)healthnet::read_csv(path, data_dir + "ties_empty.csv"); },
                          {path + ":3:", "column 'name'", "0xfc", "utf-8"});
  EXPECT_NE(m.find("pass encoding='cp1252'"), std::string::npos) << m;
  ties_error("source,target,note\na,b,ok\nb,c,\"line\nGr\xF6\xDF" "e\"\n", {"ties.csv:4:", "column 'note'", "0xf6"});
  actors_error("\xFF\xFEi\0d", {"actors.csv:1:", "utf-16"});
}

// Duplicate and empty actor ids.
TEST(CsvErrors, BadActorIds) {
  actors_error("id,name\na,A\nb,B\na,C\n", {"actors.csv:4:", "column 'id'", "duplicate actor id 'a'", "line 2"});
  actors_error("id,name\na,A\n  ,B\n", {"actors.csv:3:", "column 'id'", "actor id is empty"});
  ties_error("source,target\na,\n", {"ties.csv:2:", "column 'target'", "actor id is empty"});
}

// A tie naming an actor that the actors file does not have.
TEST(CsvErrors, UnknownActor) {
  ties_error("source,target\na,b\nb,x\n", {"ties.csv:3:", "column 'target'", "unknown actor id 'x'", "actors.csv"});
  ties_error("source,target\ny,a\n", {"ties.csv:2:", "column 'source'", "unknown actor id 'y'"});
  ties_error("source,target\nz,z\n", {"ties.csv:2:", "column 'source'", "unknown actor id 'z'"});
}

// Weights that are not numbers, negative, NaN or infinite.
TEST(CsvErrors, BadWeights) {
  const csv_options options = named("sector", "weight");
  ties_error("source,target,weight\na,b,1\nb,c,oft\n", {"ties.csv:3:", "column 'weight'", "'oft' is not a number"},
             options);
  ties_error("source,target,weight\na,b,-2\n", {"ties.csv:2:", "column 'weight'", "'-2' is negative"}, options);
  ties_error("source,target,weight\na,b,nan\n", {"ties.csv:2:", "column 'weight'", "'nan' is not a finite"}, options);
  ties_error("source,target,weight\na,b,inf\n", {"ties.csv:2:", "column 'weight'", "'inf'"}, options);
  // A decimal comma is only a number in `;` files.
  ties_error("source,target,weight\na,b,\"1,5\"\n", {"ties.csv:2:", "column 'weight'", "'1,5'"}, options);
}

// A self-loop while self-loops are not allowed.
TEST(CsvErrors, SelfLoop) {
  ties_error("source,target\na,b\nc,c\n", {"ties.csv:3:", "column 'target'", "self-loop on actor 'c'"});
}

// A `since` that is not an ISO date.
TEST(CsvErrors, BadSince) {
  ties_error("source,target,since\na,b,01.03.2020\n", {"ties.csv:2:", "column 'since'", "'01.03.2020'"});
}

// Files that cannot be read throw file_error naming the path.
TEST(CsvErrors, UnreadableFile) {
  try {
    (void)healthnet::read_csv(data_dir + "no_such_actors.csv", data_dir + "ties_good.csv");
    FAIL() << "no file_error thrown";
  } catch (const healthnet::file_error& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_actors.csv"), std::string::npos) << e.what();
  }
}

}  // namespace
