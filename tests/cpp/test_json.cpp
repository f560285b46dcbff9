// SPDX-License-Identifier: MIT
// healthnet JSON: exact round trips and line-precise errors for bad input.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include <healthnet/detail/file_io.hpp>
#include <healthnet/healthnet.hpp>

namespace hn = healthnet;

namespace {

hn::network rich() {
  hn::network net{hn::directedness::directed};
  net.set_region({.id = "r1", .name = "Landkreis X", .state = "Niedersachsen", .population = 120000, .wave = "2024",
                  .date = "2024-05-01"});
  net.add_actor({.id = "a1", .name = "Praxis Ä", .sectors = {"outpatient_care", "prevention"}, .type = "gp_practice",
                 .attributes = {{"staff", 4.0}, {"rural", true}, {"gemeinde", std::string("Nord")}},
                 .location = hn::geo_point{52.1, 9.9}});
  net.add_actor({.id = "a2", .name = "Klinikum", .sectors = {"inpatient_care"}, .type = "hospital"});
  net.add_actor({.id = "a3"});
  net.add_tie({.source = "a1", .target = "a2", .relations = {"referral", "information"}, .weight = 0.1 + 0.2,
               .attributes = {{"trust", 4.0}}, .since = "2020-01-15"});
  net.add_tie({.source = "a2", .target = "a1", .weight = 1e-300});
  net.add_body({.id = "sg", .kind = hn::body_kind::steering_group, .name = "Steuerungsgruppe", .members = {"a1", "a2"}});
  net.add_body({.id = "hk", .kind = hn::body_kind::health_conference, .members = {"a1", "a2", "a3"}, .year = 2024});
  net.add_body({.id = "ag", .kind = hn::body_kind::working_group, .topic = "Pflege"});
  return net;
}

// Expects parse_json(text) to fail with exactly `message`.
void expect_error(const std::string& text, const std::string& message) {
  try {
    (void)hn::parse_json(text, "region.json");
    ADD_FAILURE() << "accepted: " << text;
  } catch (const hn::invalid_input& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

}  // namespace

// Everything survives a write/read cycle, doubles bit for bit.
TEST(Json, RoundTripIsExact) {
  const auto net = rich();
  const auto back = hn::parse_json(hn::to_json(net));
  EXPECT_EQ(back, net);
  EXPECT_EQ(back.get_tie("a1", "a2").weight, 0.1 + 0.2);
  EXPECT_EQ(hn::to_json(back), hn::to_json(net));
  EXPECT_EQ(hn::parse_json(hn::to_json(net, -1)), net);
}

// A custom taxonomy and the self-loop setting are part of the file.
TEST(Json, RoundTripTaxonomyAndSelfLoops) {
  auto net = rich();
  net.set_taxonomy(hn::taxonomy({{"care", "Versorgung", "Care", true}}));
  net.set_allow_self_loops(true);
  net.add_tie({.source = "a3", .target = "a3"});
  EXPECT_EQ(hn::parse_json(hn::to_json(net)), net);
}

// The issue's contract example reads as documented.
TEST(Json, ContractExample) {
  const auto net = hn::parse_json(R"({"format": "healthnet", "version": 1, "directed": false,
   "region": {"id": "r1", "name": "Landkreis X", "state": "Niedersachsen", "population": 120000},
   "actors": [{"id": "a1", "name": "Praxis A", "sectors": ["outpatient_care"], "type": "gp_practice", "attributes": {}},
              {"id": "a2"}],
   "ties":   [{"source": "a1", "target": "a2", "relations": ["referral"], "weight": 1.0}],
   "bodies": [{"id": "sg", "kind": "steering_group", "name": "Steuerungsgruppe", "members": ["a1"]}]})");
  EXPECT_FALSE(net.directed());
  EXPECT_EQ(net.region().population, 120000);
  EXPECT_EQ(net.n_actors(), 2u);
  EXPECT_TRUE(net.has_tie("a2", "a1"));
  EXPECT_EQ(net.get_body("sg").members, (std::vector<std::string>{"a1"}));
}

// write_json replaces a file atomically and leaves no temporary files.
TEST(Json, WriteIsAtomic) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "hn_json_write";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto path = (dir / "out.json").string();
  { std::ofstream(path) << "old"; }
  hn::write_json(rich(), path);
  EXPECT_EQ(hn::read_json(path), rich());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
  EXPECT_THROW(hn::write_json(rich(), (dir / "missing" / "x.json").string()), hn::file_error);
  EXPECT_THROW((void)hn::read_json((dir / "nope.json").string()), hn::file_error);
  fs::remove_all(dir);
}

// Each bad-input case names file, line and field.
TEST(JsonErrors, Syntax) {
  expect_error("", "region.json:1: file is empty");
  expect_error("{\"actors\": [\n  {\"id\": \"a\"},\n", "region.json:3: column 1: invalid json: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
  expect_error("{\"actors\": [{\"id\": \"a\"}],\n \"ties\": [{\"source\": \"a\", \"target\": \"a\", \"weight\": NaN}]}",
               "region.json:2: column 52: invalid json: syntax error while parsing value - invalid literal; last read: '\"weight\": N'");
  expect_error("{\"actors\": [{\"id\": \"\xE9\"}]}", "region.json:1: column 21: invalid utf-8 byte 0xe9 (save the file as utf-8)");
}

TEST(JsonErrors, MissingAndWrongFields) {
  expect_error("{\"ties\": []}", "region.json:1: missing required field 'actors'");
  expect_error("{\"actors\": [\n {\"name\": \"x\"}]}", "region.json:2: actors[0]: missing required field 'id'");
  // An integer id is accepted (integer ids, test_integer_ids.cpp); a fraction is not.
  expect_error("{\"actors\": [\n {\"id\": 7.5}]}",
               "region.json:2: actors[0].id: an actor id must be a string or an integer within int64, found 7.5");
  expect_error("{\"actors\": {}}", "region.json:1: actors: expected an array, found an object");
  expect_error("{\"actors\": [{\"id\": \"a\",\n \"sectors\": [\"x\", 3]}]}",
               "region.json:2: actors[0].sectors[1]: expected a string, found a number");
  expect_error("{\"actors\": [{\"id\": \"a\",\n \"attributes\": {\"x\": [1]}}]}",
               "region.json:2: actors[0].attributes.x: attribute must be a string, number or boolean, found an array");
  expect_error("{\"format\": \"gexf\", \"actors\": []}",
               "region.json:1: format: not a healthnet file (format is \"gexf\")");
  expect_error("{\"version\": 2, \"actors\": []}",
               "region.json:1: version: unsupported format version 2 (this healthnet reads version 1)");
}

TEST(JsonErrors, DuplicatesAndReferences) {
  expect_error("{\"actors\": [\n {\"id\": \"a\"},\n {\"id\": \"a\"}]}", "region.json:3: actors[1].id: duplicate actor id 'a'");
  expect_error("{\"actors\": [{\"id\": \"a\"}],\n \"ties\": [\n {\"source\": \"a\",\n  \"target\": \"b\"}]}",
               "region.json:4: ties[0].target: unknown actor id 'b'");
  expect_error("{\"actors\": [{\"id\": \"a\"}],\n \"bodies\": [{\"id\": \"sg\", \"kind\": \"steering_group\",\n \"members\": [\"a\", \"x\"]}]}",
               "region.json:3: bodies[0].members[1]: unknown actor id 'x'");
  expect_error("{\"actors\": [{\"id\": \"a\"}],\n \"bodies\": [{\"id\": \"sg\", \"kind\": \"board\"}]}",
               "region.json:2: bodies[0].kind: unknown body kind 'board' (expected steering_group, working_group, coordination_office or health_conference)");
}

TEST(JsonErrors, WeightsAndSelfLoops) {
  const std::string actors = "{\"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"ties\": [\n";
  expect_error(actors + " {\"source\": \"a\", \"target\": \"b\", \"weight\": \"3\"}]}",
               "region.json:3: ties[0].weight: expected a number, found a string");
  expect_error(actors + " {\"source\": \"a\", \"target\": \"b\", \"weight\": -0.5}]}",
               "region.json:3: ties[0].weight: weight is negative: -0.5");
  expect_error(actors + " {\"source\": \"a\", \"target\": \"b\"},\n {\"source\": \"a\", \"target\": \"a\"}]}",
               "region.json:4: ties[1].target: self-loop on actor 'a' (self-loops are not allowed)");
  // Allowed on request.
  const auto net = hn::parse_json(actors + " {\"source\": \"a\", \"target\": \"a\"}]}", "x", hn::read_options{true});
  EXPECT_EQ(net.n_ties(), 1u);
}
