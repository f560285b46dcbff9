// SPDX-License-Identifier: MIT
// The region report and its SVG charts: escaping, well-formed SVG, the sector
// palette, every section in German and English, the comparison only with an
// earlier wave, and hand-computed brokers, gaps and numbers on a drawn network.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <healthnet/block_density.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/example.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/report.hpp>
#include <healthnet/scorecard.hpp>
#include <healthnet/svg.hpp>

namespace hn = healthnet;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// The part of an HTML page from <body> to </body>.
std::string body_of(const std::string& html) {
  const auto from = html.find("<body>"), to = html.rfind("</body>");
  return html.substr(from, to + 7 - from);
}

// Checks that `xml` is well-formed enough: tags balance and nest, and no raw
// `<` or bare `&` appears in text or attribute values. Returns "" or the problem.
std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  while (i < xml.size()) {
    const char c = xml[i];
    if (c == '&') {
      const auto semi = xml.find(';', i);
      if (semi == std::string::npos || semi - i > 8) return "bare & at " + std::to_string(i);
      const std::string entity = xml.substr(i, semi - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" && entity != "&#39;" &&
          entity != "&apos;") {
        return "unknown entity " + entity;
      }
      i = semi + 1;
      continue;
    }
    if (c != '<') {
      if (c == '>') return "raw > in text at " + std::to_string(i);
      ++i;
      continue;
    }
    const auto end = xml.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = xml.substr(i + 1, end - i - 1);
    // Attribute values may not hold '<'; '&' inside them must be an entity.
    if (tag.find('<') != std::string::npos) return "< inside tag at " + std::to_string(i);
    for (std::size_t a = tag.find('&'); a != std::string::npos; a = tag.find('&', a + 1)) {
      const auto semi = tag.find(';', a);
      if (semi == std::string::npos || semi - a > 8) return "bare & in attribute at " + std::to_string(i);
    }
    if (tag.starts_with("/")) {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return "unbalanced </" + name + ">";
      open.pop_back();
    } else if (!tag.ends_with("/")) {
      open.push_back(tag.substr(0, tag.find_first_of(" \n\t")));
    }
    i = end + 1;
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

//   c ---- a1          c, a1: outpatient_care (A)
//   | \                b1, b2: nursing_care (B)
//   b1  b2 ---- d      d: pharmacy (C)
//
// Undirected, 5 actors, 4 ties: density 4/10 = 0.4. c brokers 6 ordered
// pairs of its unlinked neighbours (a1, b1, b2): a1-b1, a1-b2 as
// representative (A→A→B), b1-a1, b2-a1 as gatekeeper (B→A→A), b1-b2, b2-b1 as
// itinerant (B→A→B); b2 brokers c-d, d-c (A→B→C, C→B→A) as liaison: 2.
// Sectors A-C have no tie (a gap at distance 2: c-b2-d); best placed by
// d(x, A) + d(x, C) = 2: c (degree 3), b2 (degree 2), d (degree 1).
hn::network drawn(const std::string& c_name = "Praxis C") {
  hn::network net;
  net.set_region({.id = "t1", .name = "Testkreis <Nord> & Süd", .state = "Hessen", .population = 12345, .wave = "2024"});
  net.add_actor({.id = "c", .name = c_name, .sectors = {"outpatient_care"}});
  net.add_actor({.id = "a1", .name = "Praxis A1", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "b1", .name = "Pflege B1", .sectors = {"nursing_care"}});
  net.add_actor({.id = "b2", .name = "Pflege B2", .sectors = {"nursing_care"}});
  net.add_actor({.id = "d", .name = "Apotheke \"D\" | <script>", .sectors = {"pharmacy"}});
  for (auto [s, t] : {std::pair{"c", "a1"}, {"c", "b1"}, {"c", "b2"}, {"b2", "d"}}) net.add_tie({.source = s, .target = t});
  return net;
}

// One indicator: density >= 0.5 (0 at 0): 0.4 scores 80 and fails.
hn::scorecard density_card() {
  return hn::parse_scorecard(R"({"id": "dens", "name": {"de": "Dichtekarte", "en": "Density card"},
    "indicators": [{"id": "d", "metric": "density", "direction": "higher", "target": 0.5, "minimum": 0,
                    "label": {"de": "Dichte", "en": "Density"}}], "rules": []})");
}

hn::report_options options(const std::string& lang) {
  hn::report_options o;
  o.lang = lang;
  o.card = density_card();
  return o;
}

const std::vector<std::string> section_ids{"summary",         "scorecard-section", "coverage-section", "drawing-section",
                                           "blocks-section",  "brokers-section",   "gaps-section"};
const std::vector<std::string> headings_de{"Überblick",          "Bewertung (Scorecard)", "Sektorabdeckung",
                                           "Netzwerkzeichnung",  "Dichte zwischen den Sektoren",
                                           "Vermittler (Brokerage)", "Lücken zwischen Sektoren"};
const std::vector<std::string> headings_en{"Summary",          "Scorecard",    "Sector coverage", "Network drawing",
                                           "Density between sectors", "Brokers", "Gaps between sectors"};

}  // namespace

// Escaping, hand-written oracle: the five XML special characters become references.
TEST(Svg, XmlEscape) {
  EXPECT_EQ(hn::xml_escape(R"(<a href="x">Tom & Jerry's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(hn::xml_escape("Prävention"), "Prävention");
}

// The palette: the documented colours in taxonomy order, 16 distinct ones, grey beyond.
TEST(Svg, SectorPalette) {
  EXPECT_EQ(hn::sector_colour(0), "#1f5fa8");
  EXPECT_EQ(hn::sector_colour(2), "#2e8b3e");
  EXPECT_EQ(hn::sector_colour(15), "#f4a582");
  EXPECT_EQ(hn::sector_colour(16), hn::no_sector_colour);
  std::vector<std::string_view> all(hn::sector_palette.begin(), hn::sector_palette.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::unique(all.begin(), all.end()), all.end());
  EXPECT_FALSE(std::binary_search(all.begin(), all.end(), hn::no_sector_colour));
  const auto& tax = hn::taxonomy::builtin();
  EXPECT_EQ(hn::sector_colour(tax, "nursing_care"), "#2e8b3e");
  EXPECT_EQ(hn::sector_colour(tax, "no_such_sector"), hn::no_sector_colour);
  EXPECT_EQ(hn::sector_colour(tax, ""), hn::no_sector_colour);
}

// The three charts are well-formed and escape every name (the drawn network
// has a region, an actor name with <script>, quotes and a pipe).
TEST(Svg, WellFormedAndEscaped) {
  const auto net = drawn();
  hn::svg_options o;
  o.id = "chart";
  const auto positions = hn::force_directed_layout(net, 1);
  const auto groups = hn::group_actors(net, "sector");
  for (const auto& svg : {hn::network_svg(net, positions, o), hn::sector_coverage_svg(net, hn::sector_coverage(net), o),
                          hn::block_density_svg(hn::block_density(net, groups), net.sector_taxonomy(), o)}) {
    EXPECT_EQ(xml_problem(svg), "") << svg;
    EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart\""));
    EXPECT_FALSE(contains(svg, "<script"));
    EXPECT_FALSE(contains(svg, "href"));
    EXPECT_EQ(count(svg, "http"), 1u);  // the SVG namespace only
  }
  // The checker itself rejects what it must: an unclosed tag, a raw '<', a bare '&'.
  EXPECT_NE(xml_problem("<g><text>x</text>"), "");
  EXPECT_NE(xml_problem("<text>a < b</text>"), "");
  EXPECT_NE(xml_problem("<text>a & b</text>"), "");
  const auto drawing = hn::network_svg(net, positions, o);
  EXPECT_TRUE(contains(drawing, "Apotheke &quot;D&quot; | &lt;script&gt;"));
  // One circle with a tooltip per actor.
  EXPECT_EQ(count(drawing, "</title></circle>"), net.n_actors());
}

// Chart errors: positions of the wrong length and unknown languages.
TEST(Svg, Errors) {
  const auto net = drawn();
  const std::vector<hn::layout_point> short_positions(2);
  EXPECT_THROW(hn::network_svg(net, short_positions), hn::invalid_input);
  hn::svg_options fr;
  fr.lang = "fr";
  EXPECT_THROW(hn::network_svg(net, hn::force_directed_layout(net), fr), hn::invalid_input);
  EXPECT_THROW(hn::sector_coverage_svg(net, hn::sector_coverage(net), fr), hn::invalid_input);
}

// The coverage chart marks a required sector without actors (public_health
// here) in the language, and nothing when all required sectors are present.
TEST(Svg, CoverageMarksMissingRequiredSectors) {
  const auto net = drawn();
  hn::svg_options de, en;
  en.lang = "en";
  const auto cov = hn::sector_coverage(net, std::vector<std::string>{"outpatient_care", "public_health"});
  EXPECT_EQ(cov.missing, (std::vector<std::string>{"public_health"}));
  const auto svg_de = hn::sector_coverage_svg(net, cov, de);
  EXPECT_EQ(count(svg_de, "fehlt (Pflichtsektor)"), 1u);
  EXPECT_TRUE(contains(svg_de, "Öffentlicher Gesundheitsdienst"));
  EXPECT_EQ(count(hn::sector_coverage_svg(net, cov, en), "missing (required sector)"), 1u);
  const auto full = hn::sector_coverage(net, std::vector<std::string>{"outpatient_care", "pharmacy"});
  EXPECT_EQ(count(hn::sector_coverage_svg(net, full, de), "fehlt (Pflichtsektor)"), 0u);
}

// The heatmap has one cell with a tooltip per pair of groups (3² here), sector
// labels in the language, and the hand-computed density B→C = 1 / (2·1) = 0,50.
TEST(Svg, BlockDensityHeatmap) {
  const auto net = drawn();
  const auto blocks = hn::block_density(net, hn::group_actors(net, "sector"));
  hn::svg_options en;
  en.lang = "en";
  const auto de = hn::block_density_svg(blocks, net.sector_taxonomy());
  EXPECT_EQ(count(de, "</title></rect>"), 9u);
  EXPECT_TRUE(contains(de, "Pflege \u2192 Apotheken: 0,500"));
  EXPECT_TRUE(contains(hn::block_density_svg(blocks, net.sector_taxonomy(), en), "Nursing care \u2192 Pharmacy: 0.500"));
}

// The model on the drawn network: brokers and gaps as hand-computed in the
// comment of drawn(), density 0.4, the scorecard scoring 80.
TEST(Report, ModelHandComputed) {
  const auto r = hn::build_report(drawn(), options("en"));
  ASSERT_EQ(r.brokers.size(), 2u);
  EXPECT_EQ(r.brokers[0].id, "c");
  EXPECT_EQ(r.brokers[0].counts, (std::array<double, 6>{0, 2, 2, 2, 0, 6}));
  EXPECT_EQ(r.brokers[0].main_role, "itinerant");  // first of the tied maxima
  EXPECT_EQ(r.brokers[1].id, "b2");
  EXPECT_EQ(r.brokers[1].main_role, "liaison");
  ASSERT_EQ(r.gaps.size(), 1u);
  EXPECT_EQ(r.gaps[0].from, "outpatient_care");
  EXPECT_EQ(r.gaps[0].to, "pharmacy");
  EXPECT_EQ(r.gaps[0].distance, 2u);
  EXPECT_EQ(r.gaps[0].candidates, (std::vector<std::string>{"c", "b2", "d"}));
  EXPECT_EQ(r.gaps[0].candidate_names.front(), "Praxis C");
  ASSERT_EQ(r.metrics.size(), hn::report_metric_names().size());
  EXPECT_EQ(r.metrics[0].name, "n_actors");
  EXPECT_EQ(r.metrics[0].value, 5);
  EXPECT_EQ(r.metrics[3].name, "density");
  EXPECT_DOUBLE_EQ(r.metrics[3].value, 0.4);
  EXPECT_DOUBLE_EQ(r.score.total, 80);
  EXPECT_FALSE(r.comparison);
  EXPECT_EQ(r.layout.size(), 5u);
}

// HTML in German and English: valid HTML5 skeleton, every section with its
// heading in the language, the ids tools rely on, localised numbers (0,400 /
// 0.400), the failed criterion marked, escaped names, nothing external.
TEST(Report, HtmlSectionsInBothLanguages) {
  const auto net = drawn();
  for (const std::string lang : {"de", "en"}) {
    const auto html = hn::render_report_html(net, options(lang));
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"" + lang + "\">"));
    EXPECT_TRUE(contains(html, "<meta charset=\"utf-8\">"));
    for (const auto& id : section_ids) EXPECT_EQ(count(html, "<section id=\"" + id + "\">"), 1u) << id;
    for (const auto& h : lang == "de" ? headings_de : headings_en) EXPECT_TRUE(contains(html, h + "</h2>")) << h;
    for (const char* id : {"id=\"scorecard\"", "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"network-drawing\"",
                           "id=\"sector-coverage\"", "id=\"block-density\"", "id=\"brokers\"", "id=\"gaps\"",
                           "id=\"key-metrics\""}) {
      EXPECT_EQ(count(html, id), 1u) << id;
    }
    EXPECT_TRUE(contains(html, lang == "de" ? ">0,400</td>" : ">0.400</td>"));
    EXPECT_EQ(count(html, "badge fail"), 1u);
    EXPECT_EQ(count(html, "badge pass"), 0u);
    EXPECT_TRUE(contains(html, lang == "de" ? "80,0" : "80.0"));
    EXPECT_TRUE(contains(html, "Testkreis &lt;Nord&gt; &amp; Süd"));
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_FALSE(contains(html, "<Nord>"));
    EXPECT_FALSE(contains(html, "src="));
    EXPECT_FALSE(contains(html, "@import"));
    EXPECT_FALSE(contains(html, "https:"));
    EXPECT_EQ(count(html, "http:"), 3u);  // the namespace of the three SVG charts
    EXPECT_FALSE(contains(html, "id=\"comparison\""));
  }
}

// The wave comparison appears only with an earlier wave: the example's 2022
// wave lacks 12 actors who joined by 2024 (example.hpp), none left.
TEST(Report, ComparisonOnlyWhenGiven) {
  const auto later = hn::example_region();
  const auto earlier = hn::example_region_earlier();
  hn::report_options o;
  o.lang = "de";
  const auto without = hn::build_report(later, o);
  EXPECT_FALSE(without.comparison);
  EXPECT_FALSE(contains(hn::to_html(later, without), "Vergleich mit der früheren Welle"));
  EXPECT_FALSE(contains(hn::to_markdown(later, without), "Vergleich mit der früheren Welle"));
  o.earlier = &earlier;
  const auto with = hn::build_report(later, o);
  ASSERT_TRUE(with.comparison);
  EXPECT_EQ(with.comparison->joined.size(), 12u);
  EXPECT_TRUE(with.comparison->left.empty());
  const auto html = hn::to_html(later, with);
  EXPECT_EQ(count(html, "<section id=\"comparison\">"), 1u);
  EXPECT_TRUE(contains(html, "Vergleich mit der früheren Welle</h2>"));
  EXPECT_TRUE(contains(html, "<td>Hinzugekommene Akteure</td><td class=\"num\">12</td>"));
  EXPECT_EQ(xml_problem(body_of(html)), "");
  const auto md = hn::to_markdown(later, with);
  EXPECT_TRUE(contains(md, "## 8. Vergleich mit der früheren Welle"));
  EXPECT_TRUE(contains(md, "| Hinzugekommene Akteure | 12 |"));
}

// Markdown has every section as a numbered heading in both languages, tables
// instead of charts, the drawing noted as HTML-only, and escaped cells.
TEST(Report, MarkdownSections) {
  const auto net = drawn();
  for (const std::string lang : {"de", "en"}) {
    const auto md = hn::render_report_markdown(net, options(lang));
    const auto& headings = lang == "de" ? headings_de : headings_en;
    for (std::size_t i = 0; i < headings.size(); ++i) {
      EXPECT_TRUE(contains(md, "## " + std::to_string(i + 1) + ". " + headings[i] + "\n")) << headings[i];
    }
    EXPECT_FALSE(contains(md, "## 8."));
    EXPECT_FALSE(contains(md, "<svg"));
    EXPECT_TRUE(contains(md, lang == "de" ? "nur im HTML-Bericht" : "HTML report only"));
    EXPECT_TRUE(contains(md, lang == "de" ? "| Dichte | 0,400 |" : "| Density | 0.400 |"));
    EXPECT_TRUE(contains(md, "Apotheke \"D\" \\| &lt;script&gt;"));
  }
}

// Control characters from the input never reach the Markdown raw (issue 20,
// item 9): ESC/BEL (a terminal title), CR + ESC[K (a faked line), DEL and the
// C1 CSI U+009B. Oracle: the bytes of the output, and the escapes written by hand.
TEST(Report, MarkdownEscapesControlCharacters) {
  auto net = drawn("Praxis\r\x1b[KE\x7f\xc2\x9b");
  net.set_region({.id = "t1", .name = "Kreis\x1b]0;TITLE\x07", .state = "Hessen"});
  for (const std::string lang : {"de", "en"}) {
    const auto md = hn::render_report_markdown(net, options(lang));
    for (const unsigned char c : md) {
      EXPECT_TRUE(c >= 0x20 || c == '\n') << "raw control byte " << static_cast<int>(c);
      EXPECT_NE(c, 0x7F);
    }
    EXPECT_EQ(md.find("\xc2\x9b"), std::string::npos);
    EXPECT_TRUE(contains(md, "Kreis\\\\x1b\\]0;TITLE\\\\x07")) << md.substr(0, 200);
    EXPECT_TRUE(contains(md, "| Praxis \\\\x1b\\[KE\\\\x7f\\\\u009b |"));
  }
}

// JSON holds the same data: parseable, stable keys, NaN as null, the brokers,
// gaps and scorecard of the model.
TEST(Report, Json) {
  const auto net = drawn();
  const auto doc = nlohmann::json::parse(hn::render_report_json(net, options("en")));
  EXPECT_EQ(doc["format"], "healthnet-report");
  EXPECT_EQ(doc["lang"], "en");
  EXPECT_EQ(doc["region"]["population"], 12345);
  EXPECT_EQ(doc["n_actors"], 5);
  EXPECT_EQ(doc["scorecard"]["id"], "dens");
  EXPECT_DOUBLE_EQ(doc["scorecard"]["total"].get<double>(), 80);
  EXPECT_EQ(doc["scorecard"]["rows"][0]["passed"], false);
  EXPECT_EQ(doc["brokers"][0]["id"], "c");
  EXPECT_EQ(doc["brokers"][0]["roles"]["itinerant"], 2);
  EXPECT_EQ(doc["gaps"][0]["candidates"][0]["id"], "c");
  EXPECT_EQ(doc["block_density"]["sectors"].size(), 3u);
  // Single pharmacy actor: its within-sector density is undefined.
  EXPECT_TRUE(doc["block_density"]["values"][2][2].is_null());
  EXPECT_TRUE(doc["comparison"].is_null());
  EXPECT_EQ(doc["layout"]["method"], "force_directed");
}

// The default scorecard is the shipped generic one, and other languages are refused.
TEST(Report, DefaultsAndErrors) {
  const auto net = drawn();
  const auto r = hn::build_report(net);
  EXPECT_EQ(r.lang, "de");
  EXPECT_EQ(r.score.scorecard_id, "network");
  hn::report_options fr;
  fr.lang = "fr";
  EXPECT_THROW(hn::build_report(net, fr), hn::invalid_input);
  EXPECT_THROW(hn::render_report_html(net, fr), hn::invalid_input);
}

// The example region's full HTML report is well-formed (tags balance) and
// its charts name each of its sectors in the language.
TEST(Report, ExampleRegionWellFormed) {
  const auto net = hn::example_region();
  hn::report_options o;
  o.lang = "en";
  const auto html = hn::render_report_html(net, o);
  EXPECT_EQ(xml_problem(body_of(html)), "");
  for (const auto& s : net.sector_taxonomy().sectors()) EXPECT_TRUE(contains(html, ">" + s.label_en + "</text>")) << s.id;
}

// Degenerate networks render in both formats and stay well-formed: no actors
// at all; three actors without sectors or ties (all 8 core sectors missing,
// the legend shows "ohne Sektor"); a directed network with a reciprocated pair.
TEST(Report, DegenerateNetworks) {
  hn::network empty;
  hn::network loners;
  for (const char* id : {"x", "y", "z"}) loners.add_actor({.id = id});
  hn::network directed{hn::directedness::directed};
  for (const char* id : {"a", "b", "c"}) directed.add_actor({.id = id, .sectors = {"municipality"}});
  directed.add_tie({.source = "a", .target = "b"});
  directed.add_tie({.source = "b", .target = "a"});
  directed.add_tie({.source = "b", .target = "c"});
  for (const auto* net : {&empty, &loners, &directed}) {
    hn::report_options o;
    const auto r = hn::build_report(*net, o);
    const auto html = hn::to_html(*net, r);
    EXPECT_EQ(xml_problem(body_of(html)), "");
    EXPECT_EQ(count(html, "<section id="), 7u);
    EXPECT_TRUE(nlohmann::json::parse(hn::to_json(r)).is_object());
    EXPECT_TRUE(contains(hn::to_markdown(*net, r), "## 7. Lücken zwischen Sektoren"));
  }
  const auto html = hn::render_report_html(loners);
  EXPECT_EQ(count(html, "fehlt (Pflichtsektor)"), 8u);
  EXPECT_TRUE(contains(html, ">ohne Sektor</text>"));
}

// The HTML and Markdown come from mustache templates (src/report/templates/)
// filled from the text catalogue: no tag or catalogue placeholder may be left
// over, and the output keeps the line structure of the former hand-written
// renderer (oracle: its output on the example, which the templates reproduce
// byte for byte): no blank line in HTML, never two in a row in Markdown.
TEST(Report, TemplatesLeaveNoTagsOrPlaceholders) {
  const auto later = hn::example_region();
  const auto earlier = hn::example_region_earlier();
  const hn::network empty;
  for (const std::string lang : {"de", "en"}) {
    for (const hn::network* net : {&later, &empty}) {
      hn::report_options o;
      o.lang = lang;
      if (net == &later) o.earlier = &earlier;
      const auto r = hn::build_report(*net, o);
      const std::vector<std::pair<std::string, std::string>> outputs{{"html", hn::to_html(*net, r)},
                                                                     {"md", hn::to_markdown(*net, r)}};
      for (const auto& [format, text] : outputs) {
        EXPECT_FALSE(contains(text, "{{")) << format << " " << lang;
        for (const char* p : {"%1", "%2", "%3"}) EXPECT_FALSE(contains(text, p)) << format << " " << lang << " " << p;
        EXPECT_FALSE(contains(text, format == "html" ? "\n\n" : "\n\n\n")) << format << " " << lang;
      }
    }
  }
  // The comparison's name lists: 12 joined actors listed, "none" for those who left.
  hn::report_options o;
  o.lang = "en";
  o.earlier = &earlier;
  const auto html = hn::render_report_html(later, o);
  EXPECT_TRUE(contains(html, "<h3>Actors left</h3>\n<p class=\"note\">none</p>\n</div>"));
  EXPECT_EQ(count(html, "<ul class=\"compact\"><li>"), 2u);  // joined actors, newly connected sector pairs
}
