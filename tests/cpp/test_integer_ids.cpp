// SPDX-License-Identifier: MIT
// Integer actor ids (network::id_kind) and int64 attributes: the model's rule,
// and exact round trips through JSON, GraphML and CSV. Oracles: hand-written
// expected texts and values; a round trip must give back an equal network.
#include <cstdint>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include <healthnet/detail/integer_text.hpp>
#include <healthnet/healthnet.hpp>

namespace hn = healthnet;

namespace {

//   101 --- 102 --- 135      integer ids, one int64 and one double attribute
hn::network integer_network() {
  hn::network net;
  net.set_id_kind(hn::id_kind::integer);
  net.add_actor({.id = "101", .attributes = {{"postcode", std::int64_t{5001}}, {"share", 0.5}}});
  net.add_actor({.id = "102", .attributes = {{"postcode", std::int64_t{-7}}, {"share", 2.0}}});
  net.add_actor({.id = "135"});
  net.add_tie({.source = "101", .target = "102", .attributes = {{"rating", std::int64_t{4}}}});
  net.add_tie({.source = "102", .target = "135"});
  net.add_body({.id = "sg", .kind = hn::body_kind::steering_group, .members = {"101", "135"}});
  return net;
}

std::string invalid_message(auto&& f) {
  try {
    f();
  } catch (const hn::invalid_input& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

// Hand-listed canonical and non-canonical texts.
TEST(IntegerIds, CanonicalText) {
  for (const char* ok : {"0", "7", "101", "-5", "9223372036854775807", "-9223372036854775808"}) {
    EXPECT_TRUE(hn::detail::is_canonical_integer(ok)) << ok;
  }
  for (const char* bad : {"", "-", "-0", "01", "+5", " 5", "5 ", "1.0", "1e3", "abc", "9223372036854775808",
                          "-9223372036854775809", "0x10"}) {
    EXPECT_FALSE(hn::detail::is_canonical_integer(bad)) << bad;
  }
  EXPECT_EQ(hn::detail::parse_canonical_integer("-9223372036854775808"), std::numeric_limits<std::int64_t>::min());
}

TEST(IntegerIds, KindIsCheckedCopiedAndCompared) {
  hn::network net;
  EXPECT_EQ(net.id_kind(), hn::id_kind::text);
  net.add_actor({.id = "a"});
  EXPECT_EQ(invalid_message([&] { net.set_id_kind(hn::id_kind::integer); }),
            "id: actor id 'a' is not an integer, but the network has integer ids (set its id kind to text first)");
  EXPECT_EQ(net.id_kind(), hn::id_kind::text);  // unchanged after the error

  auto ints = integer_network();
  // No silent change back to text: a non-integer id is refused.
  EXPECT_THROW(ints.add_actor({.id = "x"}), hn::invalid_input);
  EXPECT_THROW(ints.add_actor({.id = "0101"}), hn::invalid_input);
  EXPECT_EQ(ints.n_actors(), 3U);
  // Copies, subnetworks and filtered networks keep the kind; == compares it.
  EXPECT_EQ(hn::network(ints).id_kind(), hn::id_kind::integer);
  EXPECT_EQ(ints.subnetwork([](const hn::actor& a) { return a.id != "135"; }).id_kind(), hn::id_kind::integer);
  EXPECT_EQ(ints.filter_ties([](const hn::tie_view&) { return false; }).id_kind(), hn::id_kind::integer);
  auto as_text = ints;
  const auto revision = as_text.actor_revision();
  as_text.set_id_kind(hn::id_kind::text);
  EXPECT_NE(as_text.actor_revision(), revision);  // per-actor indices built for integer ids are stale
  EXPECT_NE(as_text, ints);
  as_text.add_actor({.id = "x"});  // allowed once the kind is text
}

// Integer ids are JSON numbers; int64 attributes JSON integers, doubles keep a
// fraction ("2.0"). Expected lines hand-written.
TEST(IntegerIds, JsonRoundTrip) {
  const auto net = integer_network();
  const std::string text = hn::to_json(net, -1);
  EXPECT_NE(text.find(R"("id":101,)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("source":101,"target":102)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("members":[101,135])"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("postcode":5001,"share":0.5)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("postcode":-7,"share":2.0)"), std::string::npos) << text;
  const auto back = hn::parse_json(text);
  EXPECT_EQ(back, net);
  EXPECT_EQ(back.id_kind(), hn::id_kind::integer);
  EXPECT_EQ(std::get<std::int64_t>(back.get_actor("101").attributes.at("postcode")), 5001);
  EXPECT_EQ(std::get<double>(back.get_actor("102").attributes.at("share")), 2.0);
  EXPECT_EQ(std::get<std::int64_t>(back.get_tie("101", "102").attributes.at("rating")), 4);
}

TEST(IntegerIds, JsonNumbersAsIdsAndAttributes) {
  const auto net = hn::parse_json(R"({"actors": [{"id": 7, "attributes": {"a": 3, "b": 3.0, "c": 1e2,
      "d": 9223372036854775807, "e": 9223372036854775808, "f": -9223372036854775808}}, {"id": 8}],
      "ties": [{"source": 7, "target": "8"}], "bodies": [{"id": "b", "kind": "working_group", "members": [8]}]})");
  EXPECT_EQ(net.id_kind(), hn::id_kind::integer);
  EXPECT_TRUE(net.has_tie("7", "8"));
  const auto& a = net.get_actor("7").attributes;
  EXPECT_EQ(a.at("a"), hn::attribute_value(std::int64_t{3}));
  EXPECT_EQ(a.at("b"), hn::attribute_value(3.0));
  EXPECT_EQ(a.at("c"), hn::attribute_value(100.0));  // an exponent: a double
  EXPECT_EQ(a.at("d"), hn::attribute_value(std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(a.at("e"), hn::attribute_value(9223372036854775808.0));  // beyond int64: a double
  EXPECT_EQ(a.at("f"), hn::attribute_value(std::numeric_limits<std::int64_t>::min()));
  // String ids stay text ids.
  EXPECT_EQ(hn::parse_json(R"({"actors": [{"id": "7"}]})").id_kind(), hn::id_kind::text);
}

TEST(IntegerIds, JsonBadNumberIds) {
  EXPECT_EQ(invalid_message([] { (void)hn::parse_json(R"({"actors": [{"id": 1.5}]})", "r.json"); }),
            "r.json:1: actors[0].id: an actor id must be a string or an integer within int64, found 1.5");
  EXPECT_EQ(invalid_message([] { (void)hn::parse_json(R"({"actors": [{"id": 1}, {"id": "x"}]})", "r.json"); }),
            "r.json:1: actors[1].id: actor id 'x' is a string, but earlier actor ids are numbers: "
            "write all actor ids as integers or all as strings");
  EXPECT_EQ(invalid_message([] { (void)hn::parse_json(R"({"actors": [{"id": "x"}, {"id": 2}]})", "r.json"); }),
            "r.json:1: actors[1].id: actor id 2 is a number, but actors[0].id is a string: "
            "write all actor ids as integers or all as strings");
  EXPECT_EQ(invalid_message([] { (void)hn::parse_json(R"({"actors": [{"id": true}]})", "r.json"); }),
            "r.json:1: actors[0].id: expected a string or an integer, found a boolean");
}

TEST(IntegerIds, GraphmlRoundTrip) {
  const auto net = integer_network();
  const std::string text = hn::to_graphml(net);
  EXPECT_NE(text.find(R"(attr.name="id_kind" attr.type="string")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(attr.name="postcode" attr.type="long")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(attr.name="share" attr.type="double")"), std::string::npos) << text;
  const auto back = hn::parse_graphml(text);
  EXPECT_EQ(back, net);
  EXPECT_EQ(back.id_kind(), hn::id_kind::integer);
  // Without the key the ids are text, as before.
  auto text_net = net;
  text_net.set_id_kind(hn::id_kind::text);
  EXPECT_EQ(hn::parse_graphml(hn::to_graphml(text_net)).id_kind(), hn::id_kind::text);
}

// GraphML of other tools: attr.type int/long give int64, float/double doubles.
TEST(IntegerIds, GraphmlIntKeys) {
  const auto net = hn::parse_graphml(R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="k0" for="node" attr.name="n" attr.type="int"/>
<key id="k1" for="node" attr.name="m" attr.type="long"/>
<key id="k2" for="node" attr.name="x" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"><data key="k0">5</data><data key="k1">2.5</data><data key="k2">5</data></node></graph>
</graphml>)");
  const auto& a = net.get_actor("a").attributes;
  EXPECT_EQ(a.at("n"), hn::attribute_value(std::int64_t{5}));
  EXPECT_EQ(a.at("m"), hn::attribute_value(2.5));  // not an integer: the number it says
  EXPECT_EQ(a.at("x"), hn::attribute_value(5.0));
}

// A CSV cell "5" is an int64, "5.0" a double; the writer keeps them apart.
TEST(IntegerIds, CsvAttributes) {
  hn::network net;
  net.add_actor({.id = "a", .attributes = {{"n", std::int64_t{5}}, {"x", 5.0}}});
  const auto back = hn::parse_csv(hn::to_csv_actors(net), hn::to_csv_ties(net));
  EXPECT_EQ(back.get_actor("a").attributes, net.get_actor("a").attributes);
}

// Grouping: 1 and 1.0 are one group, sorted numerically with the doubles.
TEST(IntegerIds, GroupingTreatsIntegersAsNumbers) {
  hn::network net;
  net.add_actor({.id = "a", .attributes = {{"g", std::int64_t{10}}}});
  net.add_actor({.id = "b", .attributes = {{"g", 1.0}}});
  net.add_actor({.id = "c", .attributes = {{"g", std::int64_t{1}}}});
  net.add_actor({.id = "d", .attributes = {{"g", 2.5}}});
  const auto g = hn::group_actors(net, "g");
  EXPECT_EQ(g.labels, (std::vector<std::string>{"1", "2.5", "10"}));
  EXPECT_EQ(g.group_of, (std::vector<std::int32_t>{2, 0, 0, 1}));
}
