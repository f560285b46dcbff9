// SPDX-License-Identifier: MIT
// GraphML reading and writing (healthnet/io.hpp): exact round trips, files
// written by networkx, igraph and yEd, XML details, and bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>

#include <healthnet/io.hpp>

// The fixtures use designated initialisers that leave members at their
// defaults, which g++ 12 reports under -Wextra.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

namespace {

using namespace healthnet;

const std::string data_dir = std::string(HEALTHNET_TEST_DATA) + "/graphml/";

// The rich fixture: directed, self-loops allowed, every kind of field set.
//
//             referral|information (2.5, since 2019-04)
//     gp1 ──────────────────────────────────────▶ kh ◀─┐ joint_project
//      ▲ ◀────────────────────────────────────── │  └──┘ (self-loop)
//      │              (0.1)
//      │ information (0.30000000000000004)
//     amt                       "shg|1 ü" (isolated)
//
// bodies: sg {gp1, kh, amt}, ag {gp1, shg|1 ü}, co {}, hk {amt}
network rich_network() {
  network net(directedness::directed);
  net.set_allow_self_loops(true);
  net.set_region({.id = "03241",
                  .name = "Region Hannover",
                  .state = "Niedersachsen",
                  .population = 1171000,
                  .wave = "2024",
                  .date = "2024-03-15"});
  net.add_actor({.id = "gp1",
                 .name = "Praxis Dr. Müller & Partner <GbR>",
                 .sectors = {"outpatient_care", "prevention"},
                 .type = "gp_practice",
                 .attributes = {{"doctors", 3.0},
                                {"accepts_new", true},
                                {"note", std::string("a \"quoted\"\tnote\nsecond line\r\n 'end' ")}},
                 .location = geo_point{52.375, 9.732}});
  net.add_actor({.id = "kh",
                 .name = "Klinikum",
                 .sectors = {"inpatient_care"},
                 .type = "hospital",
                 // `name` collides with the field; `doctors` is a number elsewhere.
                 .attributes = {{"beds", 350.0}, {"name", std::string("KH Nord")}, {"doctors", std::string("unknown")}}});
  net.add_actor({.id = "amt", .name = "Gesundheitsamt", .sectors = {"public_health"}, .location = geo_point{-0.5, 1e-7}});
  net.add_actor({.id = "shg|1 ü", .attributes = {{"bell", std::string("ring\x07")}, {"lat", 1.0}}});
  net.add_tie({.source = "gp1",
               .target = "kh",
               .relations = {"referral", "information"},
               .weight = 2.5,
               .attributes = {{"trust", 4.0}, {"formal", false}},
               .since = "2019-04"});
  net.add_tie({.source = "kh", .target = "gp1", .weight = 0.1});
  net.add_tie({.source = "kh", .target = "kh", .relations = {"joint_project"}, .since = "2021-07-01"});
  net.add_tie({.source = "amt",
               .target = "gp1",
               .relations = {"information"},
               .weight = 0.1 + 0.2,
               .attributes = {{"weight", std::string("attribute, not the field")}}});
  net.add_body({.id = "sg", .kind = body_kind::steering_group, .name = "Steuerungsgruppe",
                .members = {"gp1", "kh", "amt"}, .year = 2023});
  net.add_body({.id = "ag", .kind = body_kind::working_group, .name = "AG Prävention\tund Gesundheit",
                .members = {"gp1", "shg|1 ü"}, .topic = "Prävention | Schule \\ Kita\n(2. Zeile)"});
  net.add_body({.id = "co", .kind = body_kind::coordination_office, .name = "Geschäftsstelle", .topic = ""});
  net.add_body({.id = "hk", .kind = body_kind::health_conference, .members = {"amt"}, .year = 2024});
  return net;
}

/// The message of the invalid_input that parsing `text` throws.
std::string error_of(std::string_view text, const read_options& options = {}) {
  try {
    parse_graphml(text, "bad.graphml", options);
  } catch (const invalid_input& e) {
    return e.what();
  }
  return "(no error)";
}

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

#define EXPECT_CONTAINS(haystack, needle) EXPECT_PRED2(contains, haystack, needle)

/// A four-line GraphML prologue, `body` (starting on line 5) and the closing tags.
std::string doc(std::string_view body, std::string_view edgedefault = "undirected") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                     "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                     "  <graph edgedefault=\"") +
         std::string(edgedefault) + "\">\n" + std::string(body) + "  </graph>\n</graphml>\n";
}

// ---- round trips ---------------------------------------------------------------

// Everything in a rich directed network survives to_graphml + parse_graphml:
// multiplex weighted ties, typed and mixed-type attributes, attributes named
// like fields, control characters, bodies, region, location, self-loops.
TEST(GraphmlRoundTrip, RichDirectedNetworkIsExact) {
  const network net = rich_network();
  const std::string text = to_graphml(net);
  const network back = parse_graphml(text);
  EXPECT_TRUE(back == net);
  EXPECT_TRUE(back.allow_self_loops());
  EXPECT_EQ(back.get_actor("kh").attributes.at("name"), attribute_value(std::string("KH Nord")));
  EXPECT_EQ(back.get_actor("kh").name, "Klinikum");
  EXPECT_EQ(back.get_tie("amt", "gp1").weight, 0.1 + 0.2);
  EXPECT_EQ(to_graphml(back), text);  // deterministic output
}

// An undirected network keeps tie order and each tie's stored orientation.
TEST(GraphmlRoundTrip, UndirectedKeepsOrientationAndOrder) {
  //  c ── a ── b      (ties added as c-a, then b-a)
  network net(directedness::undirected);
  for (const char* id : {"a", "b", "c"}) net.add_actor({.id = id});
  net.add_tie({.source = "c", .target = "a", .weight = 3});
  net.add_tie({.source = "b", .target = "a"});
  const network back = parse_graphml(to_graphml(net));
  EXPECT_TRUE(back == net);
  EXPECT_FALSE(back.directed());
  EXPECT_EQ(back.ties()[0].source, "c");
  EXPECT_EQ(back.ties()[1].source, "b");
}

// An empty network (no actors, no ties, no metadata) round trips.
TEST(GraphmlRoundTrip, EmptyNetwork) {
  EXPECT_TRUE(parse_graphml(to_graphml(network{})) == network{});
  EXPECT_TRUE(parse_graphml(to_graphml(network{directedness::directed})) == network{directedness::directed});
}

// A custom sector taxonomy (compared by network equality) round trips.
TEST(GraphmlRoundTrip, CustomTaxonomy) {
  network net;
  net.set_taxonomy(taxonomy({{"care", "Versorgung\tambulant", "Care | outpatient", true}, {"misc", "Sonstiges", "Other", false}}));
  net.add_actor({.id = "a", .sectors = {"care"}});
  const network back = parse_graphml(to_graphml(net));
  EXPECT_TRUE(back.has_custom_taxonomy());
  EXPECT_TRUE(back == net);
}

// write_graphml and read_graphml round trip through a file and leave no
// temporary file behind.
TEST(GraphmlRoundTrip, ThroughFile) {
  const auto dir = std::filesystem::temp_directory_path() / ("healthnet_graphml_" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "rich.graphml").string();
  write_graphml(rich_network(), path);
  EXPECT_TRUE(read_graphml(path) == rich_network());
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);
  std::filesystem::remove_all(dir);
}

// The common case writes clean keys: attr.name is the attribute name and no
// healthnet marker appears; mixed types and field names get marked keys.
TEST(GraphmlWriter, KeysAreCleanInTheCommonCase) {
  network net;
  net.add_actor({.id = "a", .sectors = {"pharmacy"}, .attributes = {{"beds", 10.0}, {"open", true}}});
  net.add_actor({.id = "b", .attributes = {{"beds", 2.0}}});
  net.add_tie({.source = "a", .target = "b", .weight = 2});
  const std::string text = to_graphml(net);
  EXPECT_CONTAINS(text, "for=\"node\" attr.name=\"beds\" attr.type=\"double\"/>");
  EXPECT_CONTAINS(text, "for=\"node\" attr.name=\"open\" attr.type=\"boolean\"/>");
  EXPECT_CONTAINS(text, "for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>");
  EXPECT_CONTAINS(text, "for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>");
  EXPECT_FALSE(contains(text, "hn:"));

  const std::string rich = to_graphml(rich_network());
  EXPECT_CONTAINS(rich, "attr.name=\"doctors\" attr.type=\"double\"/>");
  EXPECT_CONTAINS(rich, "attr.name=\"doctors.string\" attr.type=\"string\" hn:attribute=\"doctors\"/>");
  EXPECT_CONTAINS(rich, "attr.name=\"name.string\" attr.type=\"string\" hn:attribute=\"name\"/>");
  EXPECT_CONTAINS(rich, "&#7;");  // the bell character, as a character reference
}

// Text that XML cannot carry (invalid UTF-8, NUL) is refused, naming the actor.
TEST(GraphmlWriter, RejectsUnwritableText) {
  network net;
  // The model refuses such a name itself (every way in), so test the writer on an attribute.
  EXPECT_THROW(net.add_actor({.id = "a", .name = std::string("bad \xff byte")}), invalid_input);
  net.add_actor({.id = "a", .attributes = {{"note", std::string("bad \xff byte")}}});
  try {
    (void)to_graphml(net);
    FAIL() << "no error";
  } catch (const invalid_input& e) {
    EXPECT_CONTAINS(std::string(e.what()), "actor 'a'");
    EXPECT_CONTAINS(std::string(e.what()), "utf-8");
  }
  network nul;
  nul.add_actor({.id = "n", .attributes = {{"x", std::string("a\0b", 3)}}});
  try {
    (void)to_graphml(nul);
    FAIL() << "no error";
  } catch (const invalid_input& e) {
    EXPECT_CONTAINS(std::string(e.what()), "actor 'n': cannot write as graphml: text contains a nul character");
  }
}

// ---- reading other tools' files ------------------------------------------------

// A file as networkx.write_graphml writes it: two `weight` keys (long and
// double), booleans as `False`, graph data after the edges.
TEST(GraphmlRead, NetworkxStyleFile) {
  const network net = read_graphml(data_dir + "networkx_style.graphml");
  ASSERT_EQ(net.n_actors(), 3u);
  EXPECT_TRUE(net.directed());
  const actor& gp = net.get_actor("gp1");
  EXPECT_EQ(gp.name, "Praxis Dr. Müller");
  EXPECT_EQ(gp.primary_sector(), "outpatient_care");
  EXPECT_EQ(gp.attributes.at("beds"), attribute_value(std::int64_t{0}));  // attr.type long: an int64
  EXPECT_EQ(gp.attributes.at("public"), attribute_value(false));
  EXPECT_EQ(gp.attributes.at("score"), attribute_value(3.5));
  EXPECT_EQ(net.get_actor("amt").name, "");
  EXPECT_EQ(net.get_tie("gp1", "kh").weight, 2.0);
  EXPECT_EQ(net.get_tie("gp1", "kh").relations, (std::set<std::string, std::less<>>{"information", "referral"}));
  EXPECT_EQ(net.get_tie("kh", "amt").weight, 1.0);
  EXPECT_FALSE(net.has_tie("kh", "gp1"));
}

// A file as igraph writes it: node ids n0, n1, ... stay the actor ids, the
// `name` data becomes the actor name, and an empty `since` (igraph's value
// for a missing string) means no date.
TEST(GraphmlRead, IgraphStyleFile) {
  const network net = read_graphml(data_dir + "igraph_style.graphml");
  ASSERT_EQ(net.n_actors(), 3u);
  EXPECT_FALSE(net.directed());
  EXPECT_EQ(net.actors()[0].id, "n0");
  EXPECT_EQ(net.actors()[0].name, "A");
  EXPECT_EQ(net.get_actor("n1").attributes.at("size"), attribute_value(2.0));
  EXPECT_TRUE(net.get_actor("n2").sectors.empty());
  EXPECT_EQ(net.get_tie("n2", "n1").weight, 3.0);
  EXPECT_EQ(net.get_tie("n0", "n1").attributes.at("ok"), attribute_value(true));
  EXPECT_EQ(net.get_tie("n0", "n1").since, std::optional<std::string>("2022-11"));
  EXPECT_FALSE(net.get_tie("n1", "n2").since.has_value());
}

// A yEd file: yFiles graphics data, keys without attr.name, <desc>, other
// namespaces (y:, viz:) and graphml-level data are ignored.
TEST(GraphmlRead, YedStyleForeignElementsAreIgnored) {
  const network net = read_graphml(data_dir + "yed_style.graphml");
  ASSERT_EQ(net.n_actors(), 2u);
  EXPECT_TRUE(net.directed());
  EXPECT_EQ(net.get_actor("n0").attributes.at("description"), attribute_value(std::string("Hausarztpraxis")));
  EXPECT_EQ(net.get_actor("n0").attributes.size(), 1u);
  EXPECT_TRUE(net.get_actor("n1").attributes.empty());
  EXPECT_EQ(net.get_tie("n0", "n1").attributes.at("description"), attribute_value(std::string("Überweisungen")));
}

// Predefined entities, character references, CDATA, comments, processing
// instructions, a DOCTYPE without entities, single-quoted attributes and CRLF line ends.
TEST(GraphmlRead, XmlEntitiesCdataComments) {
  const std::string text =
      "\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8'?>\r\n"
      "<!DOCTYPE graphml [ <!ELEMENT graphml ANY> <!-- no entities --> ]>\r\n"
      "<?some-tool keep='going'?>\r\n"
      "<!-- a comment with <tags> & ampersands -->\r\n"
      "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'>\r\n"
      "  <key id='n' for='node' attr.name='name' attr.type='string'/>\r\n"
      "  <key id='t' for='node' attr.name='text' attr.type='string'/>\r\n"
      "  <graph edgedefault='undirected'>\r\n"
      "    <node id='a&amp;b&#x20;&#252;&#x1F600;'>\r\n"
      "      <data key='n'>&lt;A&gt; &quot;&apos;&amp;&#65;<!-- hidden --><![CDATA[<raw & text>]]></data>\r\n"
      "      <data key=\"t\">line one\r\nline two</data>\r\n"
      "    </node>\r\n"
      "  </graph>\r\n"
      "</graphml>\r\n"
      "<!-- trailing comment -->\r\n";
  const network net = parse_graphml(text);
  ASSERT_EQ(net.n_actors(), 1u);
  const actor& a = net.actors()[0];
  EXPECT_EQ(a.id, "a&b \xC3\xBC\xF0\x9F\x98\x80");
  EXPECT_EQ(a.name, "<A> \"'&A<raw & text>");
  EXPECT_EQ(a.attributes.at("text"), attribute_value(std::string("line one\nline two")));
}

// Files declared as ISO-8859-1 are converted to UTF-8.
TEST(GraphmlRead, Latin1Declaration) {
  const std::string text =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<graphml><key id=\"n\" for=\"node\" attr.name=\"name\"/><graph>"
      "<node id=\"a\"><data key=\"n\">M\xFCller</data></node></graph></graphml>";
  EXPECT_EQ(parse_graphml(text).get_actor("a").name, "M\xC3\xBCller");
}

// <default> values fill elements without that data; keys for="all" apply to
// nodes and edges; `sector` moves to the front of `sectors`.
TEST(GraphmlRead, DefaultsKeysForAllAndSectors) {
  const std::string text =
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"s\" for=\"node\" attr.name=\"sectors\"/>\n"
      "  <key id=\"p\" for=\"node\" attr.name=\"sector\"/>\n"
      "  <key id=\"all\" for=\"all\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"r\" for=\"node\" attr.name=\"rank\" attr.type=\"int\"><desc>rank</desc><default>7</default></key>\n"
      "  <key id=\"x\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"><default> 4 </default></key>\n"
      "  <graph edgedefault=\"undirected\">\n"
      "    <node id=\"a\"><data key=\"s\">c|b</data><data key=\"p\">b</data><data key=\"all\">x</data></node>\n"
      "    <node id=\"b\"><data key=\"r\">1</data></node>\n"
      "    <edge source=\"a\" target=\"b\"><data key=\"all\">z</data></edge>\n"
      "  </graph>\n"
      "</graphml>\n";
  const network net = parse_graphml(text);
  EXPECT_EQ(net.get_actor("a").sectors, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(net.get_actor("a").attributes.at("rank"), attribute_value(std::int64_t{7}));  // attr.type int
  EXPECT_EQ(net.get_actor("a").attributes.at("label"), attribute_value(std::string("x")));
  EXPECT_EQ(net.get_actor("b").attributes.at("rank"), attribute_value(std::int64_t{1}));
  EXPECT_FALSE(net.get_actor("b").attributes.contains("label"));
  EXPECT_EQ(net.get_tie("a", "b").attributes.at("label"), attribute_value(std::string("z")));
  EXPECT_EQ(net.get_tie("a", "b").weight, 4.0);
}

// A key marked hn:attribute fills that attribute even without attr.name or
// when attr.name is a field name; at graph level such keys are ignored.
TEST(GraphmlRead, HealthnetAttributeMarker) {
  const std::string text =
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:h=\"urn:healthnet:graphml\">\n"
      "  <key id=\"a\" for=\"node\" h:attribute=\"name\"/>\n"
      "  <key id=\"b\" for=\"all\" attr.name=\"weight\" attr.type=\"double\" h:attribute=\"weight\"/>\n"
      "  <graph>\n"
      "    <data key=\"b\">5</data>\n"
      "    <node id=\"x\"><data key=\"a\">alias</data><data key=\"b\">2</data></node>\n"
      "  </graph>\n"
      "</graphml>\n";
  const network net = parse_graphml(text);
  EXPECT_EQ(net.get_actor("x").name, "");
  EXPECT_EQ(net.get_actor("x").attributes.at("name"), attribute_value(std::string("alias")));
  EXPECT_EQ(net.get_actor("x").attributes.at("weight"), attribute_value(2.0));
}

// Repeated edges merge by the model's rule: relations unite, weights add up;
// an edge `directed` attribute that agrees with edgedefault is fine.
TEST(GraphmlRead, RepeatedEdgesMerge) {
  const std::string text = doc(
      "    <node id=\"a\"/>\n"
      "    <node id=\"b\"/>\n"
      "    <edge source=\"a\" target=\"b\" directed=\"false\"><data key=\"w\">1.5</data></edge>\n"
      "    <edge source=\"b\" target=\"a\"><data key=\"w\"> 2 </data></edge>\n");
  const network net = parse_graphml(text);
  ASSERT_EQ(net.n_ties(), 1u);
  EXPECT_EQ(net.ties()[0].weight, 3.5);
  EXPECT_EQ(net.ties()[0].source, "a");
}

// Self-loops load when read_options allow them, and the network then allows
// them too (the file's allow_self_loops key is covered by the round trip).
TEST(GraphmlRead, SelfLoopsWhenAllowed) {
  const std::string text = doc("    <node id=\"a\"/>\n    <edge source=\"a\" target=\"a\"/>\n");
  const network net = parse_graphml(text, "loop.graphml", read_options{.allow_self_loops = true});
  EXPECT_TRUE(net.has_tie("a", "a"));
  EXPECT_TRUE(net.allow_self_loops());
}

// ---- bad input: file:line: field: problem -------------------------------------

// An empty (or blank) file names the file and line 1.
TEST(GraphmlErrors, EmptyFile) {
  EXPECT_CONTAINS(error_of(""), "bad.graphml:1: <graphml>: file is empty");
  EXPECT_CONTAINS(error_of("\xEF\xBB\xBF"), "bad.graphml:1: <graphml>: file is empty");
}

// A file cut off inside the graph names the innermost open element.
TEST(GraphmlErrors, TruncatedFile) {
  std::string text = doc("    <node id=\"a\"/>\n    <node id=\"b\">\n");
  text.resize(text.find("  </graph>"));
  EXPECT_CONTAINS(error_of(text), "bad.graphml:7: <node>: unexpected end of file, element opened on line 6 is not closed");
  EXPECT_CONTAINS(error_of("<graphml>\n<graph>\n<node id=\"a\"/>\n  <edge source=\"a\" tar"),
                  "bad.graphml:4: <edge>: unexpected end of file inside the tag");
  // The value runs into the next tag ('<' is not allowed in it).
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a")), "bad.graphml:5: <node>: invalid xml: not well-formed (invalid token)");
}

// An end tag that does not match the open element.
TEST(GraphmlErrors, MismatchedTag) {
  const std::string msg = error_of(doc("    <node id=\"a\">\n    </edge>\n"));
  EXPECT_CONTAINS(msg, "bad.graphml:6: <node>: end tag '</edge>' does not match '<node>' opened on line 5");
}

// Attribute syntax: unquoted value, missing '=', duplicate attribute, '<' in
// a value, no space between attributes (expat's messages, naming the tag).
TEST(GraphmlErrors, BadAttributeSyntax) {
  const std::string invalid = ": <node>: invalid xml: not well-formed (invalid token)";
  EXPECT_CONTAINS(error_of(doc("    <node id=a/>\n")), "bad.graphml:5" + invalid);
  EXPECT_CONTAINS(error_of(doc("    <node\n id \"a\"/>\n")), "bad.graphml:6" + invalid);
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\" id=\"b\"/>\n")), "bad.graphml:5: attribute 'id': attribute given twice");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"<a\"/>\n")), "bad.graphml:5" + invalid);
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\"x=\"b\"/>\n")), "bad.graphml:5" + invalid);
  // 100 attributes with the 77th given again: expat names the repeated one.
  std::string many = "    <node id=\"a\"";
  for (int i = 0; i < 100; ++i) many += " x" + std::to_string(i) + "=\"1\"";
  EXPECT_CONTAINS(error_of(doc(many + "\n      x77=\"2\"/>\n")), "bad.graphml:6: attribute 'x77': attribute given twice");
}

// Unknown entities, bare ampersands and references to invalid characters
// name the element they are in.
TEST(GraphmlErrors, BadReferences) {
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\"><data key=\"w\">&nbsp;</data></node>\n")),
                  "bad.graphml:5: <data>: unknown entity '&nbsp;'");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a &amp b\"/>\n")), "bad.graphml:5: <node>: invalid xml: not well-formed (invalid token)");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"&#xD800;\"/>\n")),
                  "bad.graphml:5: <node>: invalid xml: reference to invalid character number");
}

// A <data> of an undeclared key is an error naming the key; also from a file,
// where the origin is the path.
TEST(GraphmlErrors, UnknownKey) {
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\">\n      <data key=\"d9\">x</data>\n    </node>\n")),
                  "bad.graphml:6: <data>: unknown key 'd9'");
  try {
    read_graphml(data_dir + "unknown_key.graphml");
    FAIL() << "no error";
  } catch (const invalid_input& e) {
    EXPECT_CONTAINS(std::string(e.what()), "unknown_key.graphml:7: <data>: unknown key 'd9'");
    EXPECT_EQ(e.where().line, 7u);
    EXPECT_EQ(e.where().field, "<data>");
  }
}

// An edge end that is no node.
TEST(GraphmlErrors, UnknownNodeInEdge) {
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\"/>\n    <edge source=\"a\"\n          target=\"x\"/>\n")),
                  "bad.graphml:7: attribute 'target': unknown actor id 'x'");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\"/>\n    <edge source=\"y\" target=\"a\"/>\n")),
                  "bad.graphml:6: attribute 'source': unknown actor id 'y'");
}

// Two nodes with one id.
TEST(GraphmlErrors, DuplicateNodeId) {
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\"/>\n    <node id=\"b\"/>\n    <node id=\"a\"/>\n")),
                  "bad.graphml:7: attribute 'id': duplicate actor id 'a'");
}

// Weights must be finite numbers >= 0.
TEST(GraphmlErrors, BadWeights) {
  const std::string nodes = "    <node id=\"a\"/>\n    <node id=\"b\"/>\n";
  EXPECT_CONTAINS(error_of(doc(nodes + "    <edge source=\"a\" target=\"b\">\n      <data key=\"w\">-2</data>\n    </edge>\n")),
                  "bad.graphml:8: key 'w': weight is negative: '-2'");
  EXPECT_CONTAINS(error_of(doc(nodes + "    <edge source=\"a\" target=\"b\"><data key=\"w\">NaN</data></edge>\n")),
                  "bad.graphml:7: key 'w': weight is not a finite number: 'NaN'");
  EXPECT_CONTAINS(error_of(doc(nodes + "    <edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge>\n")),
                  "bad.graphml:7: key 'w': weight is not a number: 'heavy'");
}

// `since` must be an ISO date (yyyy, yyyy-mm or yyyy-mm-dd).
TEST(GraphmlErrors, BadSince) {
  const std::string text =
      "<graphml>\n"
      "  <key id=\"s\" for=\"edge\" attr.name=\"since\"/>\n"
      "  <graph>\n"
      "    <node id=\"a\"/><node id=\"b\"/>\n"
      "    <edge source=\"a\" target=\"b\"><data key=\"s\">15.3.2021</data></edge>\n"
      "  </graph>\n"
      "</graphml>\n";
  EXPECT_CONTAINS(error_of(text), "bad.graphml:5: key 's': since is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy: '15.3.2021'");
}

// Self-loops are refused unless allowed.
TEST(GraphmlErrors, SelfLoop) {
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\"/>\n    <edge source=\"a\" target=\"a\"/>\n")),
                  "bad.graphml:6: <edge>: self-loop on actor 'a'");
}

// Invalid UTF-8 and control characters name the element or attribute holding them.
TEST(GraphmlErrors, InvalidUtf8) {
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\">\n      <data key=\"w\">M\xFCller</data></node>\n")),
                  "bad.graphml:6: <data>: invalid utf-8 (byte 0xfc)");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"\xC3\"/>\n")), "bad.graphml:5: <node>: invalid utf-8 (byte 0xc3)");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\x01\"/>\n")), "bad.graphml:5: <node>: control character 0x01 is not allowed");
  EXPECT_CONTAINS(error_of(std::string("\xFF\xFE<\0g\0", 6)), "bad.graphml:1: encoding: utf-16 is not supported");
}

// GraphML features the model has no place for are refused, not dropped.
TEST(GraphmlErrors, UnsupportedGraphmlFeatures) {
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\"/>\n    <hyperedge><endpoint node=\"a\"/></hyperedge>\n")),
                  "bad.graphml:6: <hyperedge>: hyperedges are not supported");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\">\n      <graph edgedefault=\"directed\"/>\n    </node>\n")),
                  "bad.graphml:6: <graph>: nested graphs are not supported");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a\"/>\n    <node id=\"b\"/>\n    <edge source=\"a\" target=\"b\" directed=\"true\"/>\n")),
                  "bad.graphml:7: attribute 'directed': mixed graphs are not supported");
  EXPECT_CONTAINS(error_of(doc("    <nodes/>\n")), "bad.graphml:5: <nodes>: unexpected element in <graph>");
  EXPECT_CONTAINS(error_of("<graphml>\n</graphml>\n"), "bad.graphml:1: <graphml>: no <graph> element");
  EXPECT_CONTAINS(error_of("<gexf/>"), "bad.graphml:1: <gexf>: root element must be <graphml>");
}

// Data that does not fit its key's attr.type, or the wrong domain.
TEST(GraphmlErrors, BadDataValues) {
  const std::string text =
      "<graphml>\n"
      "  <key id=\"b\" for=\"node\" attr.name=\"ok\" attr.type=\"boolean\"/>\n"
      "  <key id=\"e\" for=\"edge\" attr.name=\"x\"/>\n"
      "  <graph>\n"
      "    <node id=\"a\"><data key=\"b\">maybe</data></node>\n"
      "    <node id=\"c\"><data key=\"e\">1</data></node>\n"
      "  </graph>\n"
      "</graphml>\n";
  EXPECT_CONTAINS(error_of(text), "bad.graphml:5: key 'b': not a boolean: 'maybe'");
  std::string wrong_domain = text;
  wrong_domain.replace(wrong_domain.find("maybe"), 5, "true");
  EXPECT_CONTAINS(error_of(wrong_domain), "bad.graphml:6: key 'e': key is declared for edge, not for node");
}

// A malformed bodies line names the line inside the graph-level data.
TEST(GraphmlErrors, BadBodiesText) {
  const std::string text =
      "<graphml>\n"
      "  <key id=\"b\" for=\"graph\" attr.name=\"bodies\" attr.type=\"string\"/>\n"
      "  <graph>\n"
      "    <data key=\"b\">sg\tsteering_group\tSG\t\\N\t\\N\ta\n"
      "wg\tworking_group\tWG\t\\N</data>\n"
      "    <node id=\"a\"/>\n"
      "  </graph>\n"
      "</graphml>\n";
  EXPECT_CONTAINS(error_of(text), "bad.graphml:5: key 'b': body: expected 6 tab-separated fields, got 4");
  std::string unknown_member = text;
  unknown_member.replace(unknown_member.find("\ta\n"), 3, "\tzz\n");
  EXPECT_CONTAINS(error_of(unknown_member), "bad.graphml:4: key 'b': unknown actor id 'zz'");
}

// Hostile nesting is refused with an error, not a stack overflow; text after
// the root element is refused too.
TEST(GraphmlErrors, DeepNestingAndTrailingContent) {
  std::string deep = "<graphml><graph><node id=\"a\">";
  for (int i = 0; i < 100000; ++i) deep += "<x:y xmlns:x=\"urn:x\">";
  EXPECT_CONTAINS(error_of(deep), "bad.graphml:1: <x:y>: elements nested deeper than");
  EXPECT_CONTAINS(error_of(doc("") + "junk\n"), "bad.graphml:7: <graphml>: text after the root element");
  EXPECT_CONTAINS(error_of(doc("") + "<graphml/>\n"), "bad.graphml:7: <graphml>: second root element");
}

// ---- XML security and details of the expat-based reader ------------------------

// Entities are never expanded: a DOCTYPE declaring any entity (internal, as
// in "billion laughs", external as in XXE, or a parameter entity) is refused
// before anything is read; with an external DTD (never loaded) a reference to
// an undeclared entity is refused in text and in attribute values alike.
TEST(GraphmlSecurity, EntitiesAreNeverExpanded) {
  const std::string rest = "<graphml><graph><node id=\"&e;\"/></graph></graphml>\n";
  EXPECT_CONTAINS(error_of("<!DOCTYPE graphml [\n<!ENTITY e \"boom\">\n]>\n" + rest),
                  "bad.graphml:2: <!DOCTYPE>: entity declarations are not supported (entity 'e')");
  std::string laughs = "<!DOCTYPE graphml [\n<!ENTITY e0 \"ha\">\n";
  for (int i = 1; i < 10; ++i) {
    laughs += "<!ENTITY e" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) laughs += "&e" + std::to_string(i - 1) + ";";
    laughs += "\">\n";
  }
  EXPECT_CONTAINS(error_of(laughs + "]>\n<graphml><graph><node id=\"&e9;\"/></graph></graphml>\n"),
                  "bad.graphml:2: <!DOCTYPE>: entity declarations are not supported (entity 'e0')");
  EXPECT_CONTAINS(error_of("<!DOCTYPE graphml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n" + rest),
                  "bad.graphml:1: <!DOCTYPE>: entity declarations are not supported (entity 'e')");
  EXPECT_CONTAINS(error_of("<!DOCTYPE graphml [<!ENTITY % p SYSTEM \"http://example.invalid/x.dtd\"> %p;]>\n" + rest),
                  "bad.graphml:1: <!DOCTYPE>: entity declarations are not supported (entity 'p')");
  const std::string external = "<!DOCTYPE graphml SYSTEM \"http://example.invalid/graphml.dtd\">\n";
  EXPECT_CONTAINS(error_of(external + rest), "bad.graphml:2: <node>: unknown entity '&e;'");
  EXPECT_CONTAINS(error_of(external + "<graphml><graph><desc>&e;</desc></graph></graphml>\n"),
                  "bad.graphml:2: <desc>: unknown entity '&e;'");
  // Predefined entities and character references still work with an external DTD.
  EXPECT_EQ(parse_graphml(external + "<graphml><graph><node id=\"&lt;&#65;\"/></graph></graphml>\n").actors()[0].id, "<A");
}

// References to control characters (XML 1.1; to_graphml writes them) read as
// the characters; inside CDATA they are plain text. Oracle: the references
// decoded by hand (&#7; is BEL 0x07, &#x1f; is 0x1f).
TEST(GraphmlRead, ControlCharacterReferences) {
  const std::string text =
      "<graphml>\n"
      "  <key id=\"t\" for=\"node\" attr.name=\"text\"/>\n"
      "  <graph>\n"
      "    <node id=\"a&#x1f;\"><data key=\"t\">x&#7;y<![CDATA[&#7;]]></data></node>\n"
      "  </graph>\n"
      "</graphml>\n";
  const network net = parse_graphml(text);
  ASSERT_EQ(net.n_actors(), 1u);
  EXPECT_EQ(net.actors()[0].id, "a\x1f");
  EXPECT_EQ(net.actors()[0].attributes.at("text"), attribute_value(std::string("x\x07y&#7;")));
  // U+F0000.. stands in for them while expat reads; a file holding such a
  // character besides a control reference is refused, not changed.
  std::string reserved = text;
  reserved.replace(reserved.find("x&#7;"), 1, "&#983040;");
  EXPECT_CONTAINS(error_of(reserved), "bad.graphml:4: <graphml>: characters U+F0000 to U+F001F are not read");
  EXPECT_CONTAINS(error_of(doc("    <node id=\"a&#0;\"/>\n")), "bad.graphml:5: <node>: invalid xml: reference to invalid character number");
}

// Encodings: latin1 is an alias of ISO-8859-1 (oracle: 0xFC is U+00FC, ü);
// other single-byte encodings are refused by name; an undeclared namespace
// prefix is malformed XML (expat).
TEST(GraphmlRead, EncodingsAndPrefixes) {
  const std::string body = "<graphml><key id=\"n\" for=\"node\" attr.name=\"name\"/><graph>"
                           "<node id=\"a\"><data key=\"n\">M\xFCller</data></node></graph></graphml>";
  EXPECT_EQ(parse_graphml("<?xml version=\"1.0\" encoding=\"latin1\"?>\n" + body).get_actor("a").name, "M\xC3\xBCller");
  EXPECT_CONTAINS(error_of("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + body),
                  "bad.graphml:1: encoding: unsupported encoding 'windows-1252'");
  EXPECT_CONTAINS(error_of(doc("    <y:ShapeNode/>\n")), "bad.graphml:5: <graph>: invalid xml: unbound prefix");
}

// Elements nested 256 deep (the limit, docs/limits.md) are read; one more is refused.
TEST(GraphmlRead, DepthLimitIsExact) {
  // graphml > graph > node > data (4 levels) + 252 foreign levels = 256.
  auto nested = [](int foreign) {
    std::string s = "<graphml xmlns:f=\"urn:f\"><key id=\"t\" for=\"node\" attr.name=\"t\"/><graph><node id=\"a\"><data key=\"t\">";
    for (int i = 0; i < foreign; ++i) s += "<f:x>";
    for (int i = 0; i < foreign; ++i) s += "</f:x>";
    return s + "</data></node></graph></graphml>";
  };
  EXPECT_EQ(parse_graphml(nested(252)).n_actors(), 1u);
  EXPECT_CONTAINS(error_of(nested(253)), "bad.graphml:1: <f:x>: elements nested deeper than 256 levels");
}

// Bodies and taxonomy are written as JSON text, one item per line, with the
// field names of the JSON format (oracle: the lines written out by hand).
TEST(GraphmlBodies, WrittenAsJson) {
  const std::string text = to_graphml(rich_network());
  EXPECT_CONTAINS(text, ">[\n{\"id\":\"sg\",\"kind\":\"steering_group\",\"name\":\"Steuerungsgruppe\","
                        "\"members\":[\"gp1\",\"kh\",\"amt\"],\"year\":2023},\n");
  EXPECT_CONTAINS(text, "{\"id\":\"ag\",\"kind\":\"working_group\",\"name\":\"AG Prävention\\tund Gesundheit\","
                        "\"members\":[\"gp1\",\"shg|1 ü\"],\"topic\":\"Prävention | Schule \\\\ Kita\\n(2. Zeile)\"},\n");
  EXPECT_CONTAINS(text, "{\"id\":\"hk\",\"kind\":\"health_conference\",\"name\":\"\",\"members\":[\"amt\"],\"year\":2024}\n]</data>");
  network net;
  net.set_taxonomy(taxonomy({{"care", "Versorgung", "Care", true}, {"misc", "Sonstiges", "Other", false}}));
  EXPECT_CONTAINS(to_graphml(net), ">{\"sectors\": [\n{\"id\":\"care\",\"de\":\"Versorgung\",\"en\":\"Care\",\"core\":true},\n"
                                   "{\"id\":\"misc\",\"de\":\"Sonstiges\",\"en\":\"Other\",\"core\":false}\n]}</data>");
}

// Files of healthnet 0.1.0 hold bodies and taxonomy as tab-separated text;
// they still read to the network they were written from (oracle: that
// network, built by hand; the text is what 0.1.0's to_graphml wrote for it).
TEST(GraphmlBodies, TabSeparatedTextOfEarlierVersionsIsRead) {
  network expected;
  expected.set_taxonomy(taxonomy({{"care", "Versorgung\tambulant", "Care | outpatient", true}, {"misc", "Sonstiges", "Other", false}}));
  expected.add_actor({.id = "a", .sectors = {"care"}});
  expected.add_actor({.id = "b|c"});
  expected.add_body({.id = "sg", .kind = body_kind::steering_group, .name = "SG", .members = {"a", "b|c"}, .year = 2023});
  expected.add_body({.id = "co", .kind = body_kind::coordination_office, .name = "Büro", .topic = "x\\y"});
  const std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"d0\" for=\"graph\" attr.name=\"bodies\" attr.type=\"string\"/>\n"
      "  <key id=\"d1\" for=\"graph\" attr.name=\"taxonomy\" attr.type=\"string\"/>\n"
      "  <key id=\"d2\" for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>\n"
      "  <graph id=\"G\" edgedefault=\"undirected\">\n"
      "    <data key=\"d0\">sg\tsteering_group\tSG\t\\N\t2023\ta|b\\|c\n"
      "co\tcoordination_office\tBüro\tx\\\\y\t\\N\t</data>\n"
      "    <data key=\"d1\">care\tVersorgung\\tambulant\tCare \\| outpatient\ttrue\n"
      "misc\tSonstiges\tOther\tfalse</data>\n"
      "    <node id=\"a\">\n"
      "      <data key=\"d2\">care</data>\n"
      "    </node>\n"
      "    <node id=\"b|c\"/>\n"
      "  </graph>\n"
      "</graphml>\n";
  const network net = parse_graphml(text);
  EXPECT_TRUE(net == expected);
  EXPECT_TRUE(net.has_custom_taxonomy());
}

// Problems in the JSON text of bodies and taxonomy name the line of the file
// (the data text starts on line 4; oracle: counted by hand) and the JSON field.
TEST(GraphmlBodies, JsonErrorsNameFileLines) {
  const std::string head =
      "<graphml>\n"
      "  <key id=\"b\" for=\"graph\" attr.name=\"bodies\" attr.type=\"string\"/>\n"
      "  <graph>\n";
  const std::string tail = "    <node id=\"a\"/>\n  </graph>\n</graphml>\n";
  EXPECT_CONTAINS(error_of(head + "    <data key=\"b\">[\n{\"id\":\"sg\",\"kind\":\"steering_group\",\"members\":[\"a\"]},\n"
                                  "{\"id\":\"hk\",\"kind\":\"health_conference\",\"year\":1800}\n]</data>\n" + tail),
                  "bad.graphml:6: key 'b': bodies[1].year: year must be a whole year from 1900 to 2200, found 1800");
  EXPECT_CONTAINS(error_of(head + "    <data key=\"b\">[\n{\"id\":\"sg\",\"kind\":\"steering_group\",\"members\":[\"zz\"]}\n]</data>\n" + tail),
                  "bad.graphml:5: key 'b': bodies[0]: unknown actor id 'zz'");
  EXPECT_CONTAINS(error_of(head + "    <data key=\"b\">[{\"id\":\"sg\",\n\"kind\":\"committee\"}]</data>\n" + tail),
                  "bad.graphml:5: key 'b': bodies[0].kind: unknown body kind 'committee'");
  EXPECT_CONTAINS(error_of(head + "    <data key=\"b\">[{\"id\":\"sg\",]</data>\n" + tail), "bad.graphml:4: key 'b': ");
}

}  // namespace
