// SPDX-License-Identifier: MIT
// The region report: the model (build_report) and its HTML, Markdown and JSON writers.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <healthnet/brokerage.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/metric_registry.hpp>
#include <healthnet/report.hpp>
#include <healthnet/sector_bridges.hpp>
#include <healthnet/svg.hpp>
#include <healthnet/version.hpp>

#include "report_format.hpp"

namespace healthnet {

namespace {

using ordered_json = nlohmann::ordered_json;

// ---- texts -------------------------------------------------------------------

/// The report's texts in one language: `t("kicker")` is the catalogue's
/// "report.kicker" (src/text/<lang>.json).
struct texts {
  std::string_view lang;
  const std::string& operator()(std::string_view key) const {
    return detail::text(lang, std::string("report.").append(key));
  }
  /// The text with %1, %2, ... replaced by `args`.
  std::string fill(std::string_view key, std::initializer_list<std::string_view> args) const {
    return detail::format_text(lang, std::string("report.").append(key), args);
  }
};

texts text_for(std::string_view lang) { return texts{lang}; }

/// The text with its first (ASCII) letter in upper case.
std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string role_label(const texts& t, std::size_t role) {
  switch (role) {
    case 0: return t("role_coordinator");
    case 1: return t("role_itinerant");
    case 2: return t("role_representative");
    case 3: return t("role_gatekeeper");
    case 4: return t("role_liaison");
    default: return t("total");
  }
}

std::string role_label(const texts& t, const std::string& name) {
  const auto& names = brokerage_role_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return role_label(t, i);
  }
  return name;
}

std::string body_kind_label(body_kind k, std::string_view lang) {
  return detail::text(lang, "report.body_kind." + std::string(to_string(k)));
}

/// A body's name with its topic and year where the name does not already say them.
std::string body_name(const body& b) {
  std::string name = b.name.empty() ? b.id : b.name;
  if (b.topic && !b.topic->empty() && name.find(*b.topic) == std::string::npos) name += " (" + *b.topic + ")";
  if (b.year && name.find(std::to_string(*b.year)) == std::string::npos) name += ", " + std::to_string(*b.year);
  return name;
}

std::string metric_label(const std::string& name, std::string_view lang) {
  const metric_definition* m = find_metric(name);
  if (!m) return name;
  return capitalised(detail::by_language(lang, m->label_de, m->label_en));
}

std::string sector_label(const taxonomy& tax, const std::string& id, std::string_view lang) {
  if (id.empty()) return detail::text(lang, "sector.none");
  return tax.label(id, lang);
}

std::string actor_label(const network& net, const std::string& id) {
  const actor* a = net.find_actor(id);
  return a && !a->name.empty() ? a->name : id;
}

/// A scorecard target in the language: "≥ 0,8" rather than ">= 0.8".
std::string localise_target(std::string target, std::string_view lang) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = target.find(from); at != std::string::npos; at = target.find(from, at + to.size())) {
      target.replace(at, from.size(), to);
    }
  };
  replace_all(">= ", "\u2265\u00a0");
  replace_all("<= ", "\u2264\u00a0");
  replace_all(">=", "\u2265");
  replace_all("<=", "\u2264");
  replace_all(" - ", "\u00a0\u2013 ");
  // The scorecard writes its targets with the language's decimal mark already;
  // a point between digits left in the text becomes that mark too.
  const std::string& mark = detail::text(lang, "number.decimal_mark");
  std::string out;
  for (std::size_t i = 0; i < target.size(); ++i) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (target[i] == '.' && i > 0 && i + 1 < target.size() && digit(target[i - 1]) && digit(target[i + 1])) out += mark;
    else out += target[i];
  }
  return out;
}

/// A row's value: metric values as numbers, rule values (share of items met) in percent.
std::string score_value(const score_row& row, std::string_view lang) {
  if (row.kind == "rule") return detail::format_percent(row.value * 100, 0, lang);
  return detail::format_value(row.value, lang);
}

std::string percent(double share, std::string_view lang) {
  if (!std::isfinite(share)) return detail::format_decimal(share, 0, lang);
  return detail::format_percent(share * 100, share * 100 == std::floor(share * 100) ? 0 : 1, lang);
}

std::string region_title(const region_report& r) {
  const texts t = text_for(r.lang);
  return r.region.name.empty() ? (r.region.id.empty() ? std::string(t("unnamed_region")) : r.region.id) : r.region.name;
}

/// "Niedersachsen · Welle 2024 · Stand 2024-10-01".
std::string region_subtitle(const region_report& r) {
  const texts t = text_for(r.lang);
  std::vector<std::string> parts;
  if (!r.region.state.empty()) parts.push_back(r.region.state);
  if (!r.region.wave.empty()) parts.push_back(std::string(t("wave")) + " " + r.region.wave);
  if (!r.region.date.empty()) parts.push_back(std::string(t("date")) + " " + r.region.date);
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : " \u00b7 ") + p;
  return s;
}

std::string wave_name(const region_info& region, const std::string& fallback) {
  if (!region.wave.empty()) return region.wave;
  if (!region.date.empty()) return region.date;
  return fallback;
}

/// Section list: anchor id and heading.
std::vector<std::pair<std::string, std::string>> sections(const region_report& r) {
  const texts t = text_for(r.lang);
  std::vector<std::pair<std::string, std::string>> s{
      {"summary", t("sec_summary")},      {"scorecard-section", t("sec_scorecard")}, {"coverage-section", t("sec_coverage")},
      {"drawing-section", t("sec_drawing")}, {"blocks-section", t("sec_blocks")},  {"brokers-section", t("sec_brokers")},
      {"gaps-section", t("sec_gaps")}};
  if (r.comparison) s.emplace_back("comparison", t("sec_comparison"));
  return s;
}

std::string joined_sector_pair(const taxonomy& tax, const std::pair<std::string, std::string>& p, std::string_view lang) {
  return sector_label(tax, p.first, lang) + " \u2013 " + sector_label(tax, p.second, lang);
}

constexpr std::size_t listed_names = 20;

// ---- HTML ---------------------------------------------------------------------------

constexpr const char* stylesheet = R"css(
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#dde2e8;--accent:#1f5fa8;--ok:#1e6b34;--ok-bg:#e3f3e7;--bad:#b42318;--bad-bg:#fdecea;--bg:#f3f5f8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1120px;margin:0 auto;padding:0 28px}
header.masthead{background:#17324d;color:#fff;padding:30px 0 26px}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:12px;opacity:.78;margin:0 0 4px}
h1{font-size:30px;line-height:1.2;margin:0 0 6px;font-weight:650}
.subtitle{margin:0;opacity:.85}
nav.toc{margin:18px 0 0}
nav.toc ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
nav.toc a{display:inline-block;color:#fff;text-decoration:none;font-size:13px;padding:3px 10px;border:1px solid rgba(255,255,255,.35);border-radius:999px}
nav.toc a:hover{background:rgba(255,255,255,.12)}
main section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:22px 28px 24px;margin:22px 0}
h2{font-size:20px;line-height:1.3;margin:0 0 14px;padding-bottom:8px;border-bottom:2px solid var(--line)}
h2 .num{color:var(--accent);margin-right:10px}
h3{font-size:15.5px;margin:22px 0 8px}
p{margin:6px 0 10px}
.note{color:var(--muted);font-size:13.5px}
table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0 6px}
th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:#eef2f6;font-weight:600;font-size:13px;color:#34404d;border-bottom:1px solid #cfd6de}
tbody tr:nth-child(even){background:#fafbfc}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.facts{width:auto;min-width:420px}
table.facts th{background:none;font-weight:500;color:var(--muted);width:190px}
table.narrow{width:auto;min-width:480px}
table.compact{font-size:13px}
table.compact th,table.compact td{padding:6px 8px}
.scroll{overflow-x:auto}
td.tgt{white-space:normal;min-width:76px}
#scorecard{font-size:13.5px}
td.nowrap{white-space:nowrap}
.columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:28px}
@media (max-width:860px){.columns{grid-template-columns:1fr}}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:2px 0 16px}
.kpi{border:1px solid var(--line);border-radius:8px;padding:11px 14px;background:#fbfcfd}
.kpi .v{font-size:25px;font-weight:650;line-height:1.25;font-variant-numeric:tabular-nums}
.kpi .l{font-size:12.5px;color:var(--muted)}
.badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:12.5px;font-weight:600;white-space:nowrap}
.pass{background:var(--ok-bg);color:var(--ok)}
.fail{background:var(--bad-bg);color:var(--bad)}
.total{display:flex;align-items:center;gap:18px;margin:4px 0 12px;flex-wrap:wrap}
.total .big{font-size:34px;font-weight:700;font-variant-numeric:tabular-nums}
.total .big small{font-size:15px;font-weight:500;color:var(--muted);margin-left:4px}
.gauge{flex:0 0 260px;height:12px;background:#e6e9ee;border-radius:6px;overflow:hidden}
.gauge span,.bar span{display:block;height:100%;background:var(--accent)}
.bar{display:inline-block;width:54px;height:7px;background:#e6e9ee;border-radius:4px;overflow:hidden;vertical-align:middle;margin-left:8px}
td.expl{font-size:13px;min-width:240px}
td.crit{min-width:180px}
.fail-row .bar span{background:#d97706}
.src{display:block;color:var(--muted);font-size:12px;margin-top:3px}
.chip{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:7px;vertical-align:baseline}
.missing{color:var(--bad);font-weight:600}
figure{margin:12px 0 4px}
figure svg{width:100%;height:auto;display:block}
figure.drawing{border:1px solid var(--line);border-radius:8px;overflow:hidden}
figcaption{font-size:13px;color:var(--muted);margin-top:6px}
figure.drawing figcaption{padding:0 14px 10px}
ul.compact{margin:4px 0 10px;padding-left:20px}
footer{color:var(--muted);font-size:12.5px;padding:6px 0 40px}
@media print{body{background:#fff}main section{border:none;break-inside:avoid;padding:8px 0}header.masthead{background:#fff;color:var(--ink)}nav.toc{display:none}}
)css";

std::string esc(std::string_view s) { return xml_escape(s); }

/// HTML text with a line-break opportunity after every slash ("A/B" breaks as "A/" "B").
std::string break_after_slashes(const std::string& html) {
  std::string out;
  for (const char c : html) {
    out += c;
    if (c == '/') out += "<wbr>";
  }
  return out;
}

std::string th(const std::string& label, bool numeric = false) {
  return std::string(numeric ? "<th class=\"num\">" : "<th>") + esc(label) + "</th>";
}

std::string td(const std::string& content_html, bool numeric = false) {
  return std::string(numeric ? "<td class=\"num\">" : "<td>") + content_html + "</td>";
}

std::string name_list_html(const std::vector<std::string>& names, const texts& t) {
  if (names.empty()) return "<p class=\"note\">" + esc(t("none")) + "</p>\n";
  std::string s = "<ul class=\"compact\">";
  for (std::size_t i = 0; i < names.size() && i < listed_names; ++i) s += "<li>" + esc(names[i]) + "</li>";
  if (names.size() > listed_names) {
    s += "<li class=\"note\">" + esc(t.fill("and_more", {std::to_string(names.size() - listed_names)})) + "</li>";
  }
  return s + "</ul>\n";
}

std::string section_open(const std::string& id, std::size_t number, const std::string& heading) {
  return "<section id=\"" + id + "\">\n<h2><span class=\"num\">" + std::to_string(number) + "</span>" + esc(heading) +
         "</h2>\n";
}

// Notes for the sections capped for many sectors (report_block_limit,
// report_gap_limit); the JSON report has the full data.
std::string blocks_capped_note(const region_report& r, const std::string& lang) {
  return detail::format_text(lang, "report.blocks_capped",
                             {std::to_string(report_block_limit), std::to_string(r.block_density.labels.size())});
}

std::string gaps_capped_note(const region_report& r, const std::string& lang) {
  return detail::format_text(lang, "report.gaps_capped",
                             {std::to_string(std::min(r.gaps.size(), report_gap_limit)), std::to_string(r.n_gaps),
                              std::to_string(default_gap_limit)});
}

}  // namespace

// ---- the model --------------------------------------------------------------------

const std::vector<std::string>& report_metric_names() {
  static const std::vector<std::string> names{
      "n_actors",          "n_ties",       "n_bodies",         "density",
      "mean_degree",       "n_isolates",   "n_components",     "largest_component_share",
      "transitivity",      "degree_centralization", "betweenness_centralization", "n_sectors",
      "coverage_ratio",    "connected_sector_share", "cross_group_share", "ei_index",
      "multiplexity"};
  return names;
}

region_report build_report(const network& net, const report_options& options) {
  detail::check_report_lang(options.lang);
  const std::string& lang = options.lang;
  region_report r;
  r.lang = lang;
  r.region = net.region();
  r.directed = net.directed();
  r.n_actors = net.n_actors();
  r.n_ties = net.n_ties();
  r.bodies.assign(net.bodies().begin(), net.bodies().end());
  for (const auto& name : report_metric_names()) {
    r.metrics.push_back({name, metric_label(name, lang), evaluate_metric(net, name)});
    if (name == "betweenness_centralization" && betweenness_estimate_scope::last().estimated) {
      const auto& e = betweenness_estimate_scope::last();
      r.betweenness_note = detail::format_text(lang, "report.betweenness_estimated",
                                               {std::to_string(e.pivots), detail::format_decimal(e.std_error, 4, lang)});
    }
  }
  const scorecard card = options.card ? *options.card : builtin_scorecard("network");
  r.score = evaluate(card, net, lang);
  r.scorecard_name = card.name.in(lang).empty() ? card.id : card.name.in(lang);
  r.coverage = sector_coverage(net, options.required_sectors);
  const grouping sectors = group_actors(net, "sector");
  r.block_density = block_density(net, sectors);

  // Brokers: total brokerage, highest first (ties by actor order).
  const brokerage_result broker = brokerage(net, sectors);
  std::vector<std::size_t> order(net.n_actors());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto total = [&](std::size_t v) { return std::isnan(broker.counts[v][5]) ? -1.0 : broker.counts[v][5]; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return total(a) > total(b); });
  for (std::size_t i = 0; i < order.size() && r.brokers.size() < options.top_brokers; ++i) {
    const auto v = order[i];
    if (!(total(v) > 0)) break;
    const actor& a = net.actor_at(static_cast<vertex_index>(v));
    report_broker b{a.id, a.name, a.primary_sector(), broker.counts[v], {}};
    std::size_t main = 0;
    for (std::size_t k = 1; k < 5; ++k) {
      if (b.counts[k] > b.counts[main]) main = k;
    }
    b.main_role = brokerage_role_names()[main];
    r.brokers.push_back(std::move(b));
  }

  r.n_gaps = count_group_gaps(net, sectors);
  for (const auto& gap : group_gaps(net, sectors, options.gap_candidates)) {
    report_gap g{sectors.labels[gap.from], sectors.labels[gap.to], gap.distance, {}, {}};
    for (const auto v : gap.candidates) {
      const actor& a = net.actor_at(v);
      g.candidates.push_back(a.id);
      g.candidate_names.push_back(a.name.empty() ? a.id : a.name);
    }
    r.gaps.push_back(std::move(g));
  }

  if (options.earlier) {
    r.comparison = compare(*options.earlier, net);
    r.earlier_region = options.earlier->region();
  }
  layout_options lo;
  lo.seed = options.seed;
  r.layout_used = net.n_actors() <= lo.force_directed_limit ? layout_method::force_directed : layout_method::sector_circle;
  lo.method = r.layout_used;
  r.layout_seed = options.seed;
  r.layout = network_layout(net, lo);
  return r;
}

// ---- HTML -------------------------------------------------------------------------

std::string to_html(const network& net, const region_report& r) {
  detail::check_report_lang(r.lang);
  const std::string& lang = r.lang;
  const texts t = text_for(lang);
  const taxonomy& tax = net.sector_taxonomy();
  const std::string title = region_title(r);
  const std::string subtitle = region_subtitle(r);
  const auto secs = sections(r);

  std::string h;
  h.reserve(200000);
  h += "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta name=\"generator\" content=\"healthnet " + std::string(version) + "\">\n";
  h += "<title>" + esc(std::string(t("kicker")) + ": " + title) + "</title>\n";
  h += "<style>" + std::string(stylesheet) + "</style>\n</head>\n<body>\n";

  // Masthead and contents.
  h += "<header class=\"masthead\"><div class=\"wrap\">\n<p class=\"kicker\">" + esc(t("kicker")) + "</p>\n<h1>" +
       esc(title) + "</h1>\n";
  if (!subtitle.empty()) h += "<p class=\"subtitle\">" + esc(subtitle) + "</p>\n";
  h += "<nav class=\"toc\" aria-label=\"" + esc(t("contents")) + "\"><ol>";
  for (std::size_t i = 0; i < secs.size(); ++i) {
    h += "<li><a href=\"#" + secs[i].first + "\">" + std::to_string(i + 1) + " " + esc(secs[i].second) + "</a></li>";
  }
  h += "</ol></nav>\n</div></header>\n<main class=\"wrap\">\n";
  std::size_t number = 0;

  // 1. Summary.
  h += section_open(secs[number].first, number + 1, secs[number].second);
  ++number;
  auto metric_value = [&](const std::string& name) {
    for (const auto& m : r.metrics) {
      if (m.name == name) return m.value;
    }
    return std::numeric_limits<double>::quiet_NaN();
  };
  const std::size_t n_sectors_present = r.coverage.present.size();
  struct kpi {
    std::string value, label;
  };
  const std::vector<kpi> kpis{
      {detail::format_value(static_cast<double>(r.n_actors), lang), t("actors")},
      {detail::format_value(static_cast<double>(r.n_ties), lang), t("ties")},
      {std::to_string(n_sectors_present), t("sectors")},
      {percent(r.coverage.coverage_ratio, lang), metric_label("coverage_ratio", lang)},
      {percent(metric_value("largest_component_share"), lang), metric_label("largest_component_share", lang)},
      {detail::format_decimal(r.score.total, 1, lang), std::string(t("total_score")) + " (" + t("of_100") + ")"},
  };
  h += "<div class=\"kpis\">";
  for (const auto& k : kpis) {
    h += "<div class=\"kpi\"><div class=\"v\">" + esc(k.value) + "</div><div class=\"l\">" + esc(k.label) + "</div></div>";
  }
  h += "</div>\n<div class=\"columns\">\n<div>\n<h3>" + esc(t("region")) + "</h3>\n<table class=\"facts\"><tbody>\n";
  auto fact = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) h += "<tr><th scope=\"row\">" + esc(label) + "</th><td>" + esc(value) + "</td></tr>\n";
  };
  fact(t("region"), title);
  fact(t("region_id"), r.region.id);
  fact(t("state"), r.region.state);
  if (r.region.population) fact(t("population"), detail::format_value(static_cast<double>(*r.region.population), lang));
  fact(t("wave"), r.region.wave);
  fact(t("date"), r.region.date);
  fact(t("network"), r.directed ? t("directed") : t("undirected"));
  h += "</tbody></table>\n<h3>" + esc(t("bodies")) + "</h3>\n";
  if (r.bodies.empty()) {
    h += "<p class=\"note\">" + esc(t("no_bodies")) + "</p>\n";
  } else {
    h += "<table><thead><tr>" + th(t("body")) + th(t("kind")) + th(t("members"), true) + "</tr></thead><tbody>\n";
    for (const auto& b : r.bodies) {
      h += "<tr>" + td(esc(body_name(b))) + td(esc(body_kind_label(b.kind, lang))) + td(std::to_string(b.members.size()), true) +
           "</tr>\n";
    }
    h += "</tbody></table>\n";
  }
  h += "</div>\n<div>\n<h3>" + esc(t("key_metrics")) + "</h3>\n<table id=\"key-metrics\"><thead><tr>" + th(t("metric")) +
       th(t("value"), true) + "</tr></thead><tbody>\n";
  for (const auto& m : r.metrics) {
    h += "<tr>" + td(esc(m.label)) + td(esc(detail::format_value(m.value, lang)), true) + "</tr>\n";
  }
  h += "</tbody></table>\n";
  if (!r.betweenness_note.empty()) h += "<p class=\"note\">" + esc(r.betweenness_note) + "</p>\n";
  h += "</div>\n</div>\n</section>\n";

  // 2. Scorecard.
  h += section_open(secs[number].first, number + 1, secs[number].second);
  ++number;
  std::size_t passed = 0;
  for (const auto& row : r.score.rows) passed += row.passed ? 1 : 0;
  const double total = std::isfinite(r.score.total) ? std::clamp(r.score.total, 0.0, 100.0) : 0.0;
  h += "<div class=\"total\"><div class=\"big\">" + esc(detail::format_decimal(r.score.total, 1, lang)) + "<small>" +
       esc(t("of_100")) + "</small></div><div class=\"gauge\" role=\"presentation\"><span style=\"width:" +
       detail::format_decimal(total, 1, "en") + "%\"></span></div><div>" +
       esc(t.fill("criteria_met", {std::to_string(passed), std::to_string(r.score.rows.size())})) +
       "</div></div>\n";
  h += "<p class=\"note\">" + esc(std::string(t("scorecard_label")) + ": " + r.scorecard_name + " (" + r.score.scorecard_id +
                                  "). " + t("scorecard_intro")) +
       "</p>\n";
  h += "<div class=\"scroll\"><table id=\"scorecard\"><thead><tr>" + th(t("criterion")) + th(t("value"), true) + th(t("target"), true) +
       th(t("score"), true) + th(t("weight"), true) + th(t("status")) + th(t("explanation")) + "</tr></thead><tbody>\n";
  for (const auto& row : r.score.rows) {
    const double sc = std::isfinite(row.score) ? std::clamp(row.score, 0.0, 100.0) : 0.0;
    h += "<tr class=\"" + std::string(row.passed ? "pass-row" : "fail-row") + "\">";
    h += "<td class=\"crit\">" + break_after_slashes(esc(row.label)) + "<span class=\"src\">" +
         esc(row.kind == "rule" ? t("type_rule") : t("type_metric")) + "</span></td>";
    h += td(esc(score_value(row, lang)), true);
    h += "<td class=\"num tgt\">" + esc(localise_target(row.target, lang)) + "</td>";
    h += td(esc(detail::format_decimal(row.score, 0, lang)) + "<span class=\"bar\"><span style=\"width:" +
                detail::format_decimal(sc, 0, "en") + "%\"></span></span>",
            true);
    h += td(esc(detail::format_value(row.weight, lang, 2)), true);
    h += td(row.passed ? "<span class=\"badge pass\">\u2713 " + esc(t("met")) + "</span>"
                       : "<span class=\"badge fail\">\u2717 " + esc(t("not_met")) + "</span>");
    std::string expl = esc(row.explanation);
    if (!row.source.empty()) expl += "<span class=\"src\">" + esc(std::string(t("source")) + ": " + row.source) + "</span>";
    h += "<td class=\"expl\">" + expl + "</td></tr>\n";
  }
  h += "</tbody></table></div>\n</section>\n";

  // 3. Sector coverage.
  h += section_open(secs[number].first, number + 1, secs[number].second);
  ++number;
  const std::size_t required = r.coverage.required.size();
  h += "<p><strong>" +
       esc(t.fill("coverage_summary", {std::to_string(required - r.coverage.missing.size()), std::to_string(required)})) +
       "</strong> (" + esc(percent(r.coverage.coverage_ratio, lang)) + "). " + esc(t("diversity")) + ": " +
       esc(detail::format_decimal(r.coverage.blau, 2, lang)) + ".</p>\n";
  auto sector_names = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : ", ") + sector_label(tax, id, lang);
    return s.empty() ? std::string(t("none")) : s;
  };
  h += "<p>" + esc(t("missing_sectors")) + ": <span class=\"" + (r.coverage.missing.empty() ? "" : "missing") + "\">" +
       esc(sector_names(r.coverage.missing)) + "</span>. " + esc(t("unconnected_sectors")) + ": " +
       esc(sector_names(r.coverage.isolated)) + ".</p>\n";
  svg_options so;
  so.lang = lang;
  so.id = "sector-coverage";
  h += "<figure>\n" + sector_coverage_svg(net, r.coverage, so) + "<figcaption>" + esc(t("coverage_caption")) +
       "</figcaption>\n</figure>\n</section>\n";

  // 4. Network drawing.
  h += section_open(secs[number].first, number + 1, secs[number].second);
  ++number;
  so.id = "network-drawing";
  const bool circle = r.layout_used == layout_method::sector_circle;
  h += "<figure class=\"drawing\">\n" + network_svg(net, r.layout, so) + "<figcaption>" +
       esc(circle ? std::string(t("drawing_caption_circle")) : t.fill("drawing_caption_fr", {std::to_string(r.layout_seed)})) +
       "</figcaption>\n</figure>\n</section>\n";

  // 5. Block densities.
  h += section_open(secs[number].first, number + 1, secs[number].second);
  ++number;
  so.id = "block-density";
  if (r.block_density.labels.size() <= report_block_limit) {
    h += "<p class=\"note\">" + esc(t("blocks_intro")) + "</p>\n<figure>\n" + block_density_svg(r.block_density, tax, so) +
         "<figcaption>" + esc(t("blocks_caption")) + "</figcaption>\n</figure>\n</section>\n";
  } else {
    h += "<p class=\"note\">" + esc(t("blocks_intro")) + "</p>\n<p>" + esc(blocks_capped_note(r, lang)) + "</p>\n</section>\n";
  }

  // 6. Brokers.
  h += section_open(secs[number].first, number + 1, secs[number].second);
  ++number;
  h += "<p class=\"note\">" + esc(t("brokers_intro")) + "</p>\n";
  if (r.brokers.empty()) {
    h += "<p>" + esc(t("no_brokers")) + "</p>\n";
  } else {
    h += "<div class=\"scroll\"><table id=\"brokers\" class=\"compact\"><thead><tr>" + th(t("rank"), true) + th(t("actor")) +
         th(t("sector")) + th(t("main_role")) + th(t("total"), true);
    for (std::size_t k = 0; k < 5; ++k) h += th(capitalised(role_label(t, k)), true);
    h += "</tr></thead><tbody>\n";
    for (std::size_t i = 0; i < r.brokers.size(); ++i) {
      const auto& b = r.brokers[i];
      h += "<tr>" + td(std::to_string(i + 1), true) + td(esc(b.name.empty() ? b.id : b.name));
      h += td("<span class=\"chip\" style=\"background:" + std::string(sector_colour(tax, b.sector)) + "\"></span>" +
              esc(sector_label(tax, b.sector, lang)));
      h += td(esc(role_label(t, b.main_role)));
      h += td("<strong>" + esc(detail::format_value(b.counts[5], lang)) + "</strong>", true);
      for (std::size_t k = 0; k < 5; ++k) h += td(esc(detail::format_value(b.counts[k], lang)), true);
      h += "</tr>\n";
    }
    h += "</tbody></table></div>\n";
  }
  h += "</section>\n";

  // 7. Gaps.
  h += section_open(secs[number].first, number + 1, secs[number].second);
  ++number;
  h += "<p class=\"note\">" + esc(t("gaps_intro")) + "</p>\n";
  if (r.gaps.empty()) {
    h += "<p>" + esc(t("no_gaps")) + "</p>\n";
  } else {
    h += "<table id=\"gaps\"><thead><tr>" + th(t("sector_a")) + th(t("sector_b")) + th(t("distance"), true) + th(t("best_placed")) +
         "</tr></thead><tbody>\n";
    for (std::size_t i = 0; i < r.gaps.size() && i < report_gap_limit; ++i) {
      const auto& g = r.gaps[i];
      std::string who;
      for (const auto& name : g.candidate_names) who += (who.empty() ? "" : " \u00b7 ") + name;
      h += "<tr>" +
           td("<span class=\"chip\" style=\"background:" + std::string(sector_colour(tax, g.from)) + "\"></span>" +
              esc(sector_label(tax, g.from, lang))) +
           td("<span class=\"chip\" style=\"background:" + std::string(sector_colour(tax, g.to)) + "\"></span>" +
              esc(sector_label(tax, g.to, lang))) +
           td(esc(g.distance ? std::to_string(g.distance) : std::string(t("unreachable"))), true) +
           td(esc(who.empty() ? std::string("\u2013") : who)) + "</tr>\n";
    }
    h += "</tbody></table>\n";
    if (r.n_gaps > std::min(r.gaps.size(), report_gap_limit)) h += "<p class=\"note\">" + esc(gaps_capped_note(r, lang)) + "</p>\n";
  }
  h += "</section>\n";

  // 8. Wave comparison.
  if (r.comparison) {
    const wave_comparison& c = *r.comparison;
    h += section_open(secs[number].first, number + 1, secs[number].second);
    ++number;
    h += "<p>" + esc(std::string(t("earlier_wave")) + ": " + wave_name(r.earlier_region, t("earlier_wave")) + " \u2192 " +
                     t("later_wave") + ": " + wave_name(r.region, t("later_wave"))) +
         "</p>\n";
    h += "<table id=\"comparison-counts\" class=\"narrow\"><thead><tr>" + th(t("change")) + th(t("count"), true) +
         "</tr></thead><tbody>\n";
    for (const auto& [label, n] : std::vector<std::pair<std::string, std::size_t>>{
             {t("actors_joined"), c.joined.size()},
             {t("actors_left"), c.left.size()},
             {t("actors_kept"), c.actors_kept},
             {t("ties_formed"), c.ties_formed.size()},
             {t("ties_dissolved"), c.ties_dissolved.size()},
             {t("ties_changed"), c.ties_changed.size()},
             {t("ties_kept"), c.ties_kept}}) {
      h += "<tr>" + td(esc(label)) + td(std::to_string(n), true) + "</tr>\n";
    }
    h += "</tbody></table>\n<div class=\"columns\">\n<div>\n<h3>" + esc(t("actors_joined")) + "</h3>\n";
    std::vector<std::string> names;
    for (const auto& id : c.joined) names.push_back(actor_label(net, id));
    h += name_list_html(names, t);
    h += "</div>\n<div>\n<h3>" + esc(t("actors_left")) + "</h3>\n";
    names.clear();
    for (const auto& id : c.left) names.push_back(id);
    h += name_list_html(names, t) + "</div>\n</div>\n";
    h += "<h3>" + esc(t("metric_changes")) + "</h3>\n<table id=\"metric-deltas\"><thead><tr>" + th(t("metric")) +
         th(t("before"), true) + th(t("after"), true) + th(t("difference"), true) + "</tr></thead><tbody>\n";
    for (const auto& m : c.metrics) {
      h += "<tr>" + td(esc(metric_label(m.name, lang))) + td(esc(detail::format_value(m.before, lang)), true) +
           td(esc(detail::format_value(m.after, lang)), true) + td(esc(detail::format_delta(m.delta, lang)), true) +
           "</tr>\n";
    }
    h += "</tbody></table>\n<div class=\"columns\">\n<div>\n<h3>" + esc(t("newly_connected")) + "</h3>\n";
    names.clear();
    for (const auto& p : c.sectors_newly_connected) names.push_back(joined_sector_pair(tax, p, lang));
    h += name_list_html(names, t) + "</div>\n<div>\n<h3>" + esc(t("disconnected")) + "</h3>\n";
    names.clear();
    for (const auto& p : c.sectors_disconnected) names.push_back(joined_sector_pair(tax, p, lang));
    h += name_list_html(names, t) + "</div>\n</div>\n";
    h += "<h3>" + esc(t("newly_present")) + "</h3>\n";
    names.clear();
    for (const auto& s : c.sectors_newly_present) names.push_back(sector_label(tax, s, lang));
    h += name_list_html(names, t) + "</section>\n";
  }

  h += "</main>\n<footer class=\"wrap\"><p>" + esc(t.fill("generated_with", {version})) + " " + esc(t("methods")) +
       "</p></footer>\n</body>\n</html>\n";
  return h;
}

// ---- Markdown ---------------------------------------------------------------------

namespace {

/// Text for a Markdown table cell or paragraph: Markdown and HTML syntax escaped.
std::string md(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string md_row(const std::vector<std::string>& cells) {
  std::string s = "|";
  for (const auto& c : cells) s += " " + c + " |";
  return s + "\n";
}

/// Header row and alignment row; `numeric` columns right-aligned.
std::string md_head(const std::vector<std::string>& labels, const std::vector<bool>& numeric) {
  std::vector<std::string> escaped;
  for (const auto& l : labels) escaped.push_back(md(l));
  std::string s = md_row(escaped) + "|";
  for (std::size_t i = 0; i < labels.size(); ++i) s += i < numeric.size() && numeric[i] ? " ---: |" : " --- |";
  return s + "\n";
}

std::string md_list(const std::vector<std::string>& names, const texts& t) {
  if (names.empty()) return "_" + md(t("none")) + "_\n";
  std::string s;
  for (std::size_t i = 0; i < names.size() && i < listed_names; ++i) s += "- " + md(names[i]) + "\n";
  if (names.size() > listed_names) s += "- _" + md(t.fill("and_more", {std::to_string(names.size() - listed_names)})) + "_\n";
  return s;
}

}  // namespace

std::string to_markdown(const network& net, const region_report& r) {
  detail::check_report_lang(r.lang);
  const std::string& lang = r.lang;
  const texts t = text_for(lang);
  const taxonomy& tax = net.sector_taxonomy();
  const auto secs = sections(r);
  std::string m;
  m += "# " + md(std::string(t("kicker")) + ": " + region_title(r)) + "\n\n";
  if (const auto sub = region_subtitle(r); !sub.empty()) m += "_" + md(sub) + "_\n\n";
  std::size_t number = 0;
  auto heading = [&]() {
    m += "## " + std::to_string(number + 1) + ". " + md(secs[number].second) + "\n\n";
    ++number;
  };

  heading();
  m += md_head({t("field"), t("value")}, {false, false});
  auto fact = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) m += md_row({md(label), md(value)});
  };
  fact(t("region"), region_title(r));
  fact(t("region_id"), r.region.id);
  fact(t("state"), r.region.state);
  if (r.region.population) fact(t("population"), detail::format_value(static_cast<double>(*r.region.population), lang));
  fact(t("wave"), r.region.wave);
  fact(t("date"), r.region.date);
  fact(t("network"), r.directed ? t("directed") : t("undirected"));
  m += "\n### " + md(t("bodies")) + "\n\n";
  if (r.bodies.empty()) {
    m += md(t("no_bodies")) + "\n\n";
  } else {
    m += md_head({t("body"), t("kind"), t("members")}, {false, false, true});
    for (const auto& b : r.bodies) {
      m += md_row({md(body_name(b)), md(body_kind_label(b.kind, lang)), std::to_string(b.members.size())});
    }
    m += "\n";
  }
  m += "### " + md(t("key_metrics")) + "\n\n" + md_head({t("metric"), t("value")}, {false, true});
  for (const auto& x : r.metrics) m += md_row({md(x.label), md(detail::format_value(x.value, lang))});
  m += "\n";
  if (!r.betweenness_note.empty()) m += md(r.betweenness_note) + "\n\n";

  heading();
  std::size_t passed = 0;
  for (const auto& row : r.score.rows) passed += row.passed ? 1 : 0;
  m += "**" + md(std::string(t("total_score")) + ": " + detail::format_decimal(r.score.total, 1, lang) + " " + t("of_100")) +
       "** (" + md(t.fill("criteria_met", {std::to_string(passed), std::to_string(r.score.rows.size())})) +
       ")\n\n";
  m += md(std::string(t("scorecard_label")) + ": " + r.scorecard_name + " (" + r.score.scorecard_id + "). " +
          t("scorecard_intro")) +
       "\n\n";
  m += md_head({t("criterion"), t("type"), t("value"), t("target"), t("score"), t("weight"), t("status"), t("explanation")},
               {false, false, true, true, true, true, false, false});
  for (const auto& row : r.score.rows) {
    m += md_row({md(row.label), md(row.kind == "rule" ? t("type_rule") : t("type_metric")), md(score_value(row, lang)),
                 md(localise_target(row.target, lang)), md(detail::format_decimal(row.score, 0, lang)),
                 md(detail::format_value(row.weight, lang, 2)),
                 row.passed ? "\u2713 " + md(t("met")) : "\u2717 " + md(t("not_met")), md(row.explanation)});
  }
  m += "\n";

  heading();
  const std::size_t required = r.coverage.required.size();
  m += md(t.fill("coverage_summary", {std::to_string(required - r.coverage.missing.size()), std::to_string(required)})) +
       " (" + md(percent(r.coverage.coverage_ratio, lang)) + "). " + md(t("diversity")) + ": " +
       md(detail::format_decimal(r.coverage.blau, 2, lang)) + ".\n\n";
  m += md_head({t("sector"), t("actors_primary"), t("required"), t("status")}, {false, true, false, false});
  std::vector<std::string> rows;
  for (const auto& s : tax.sectors()) rows.push_back(s.id);
  for (const auto& [id, n] : r.coverage.actors_per_sector) {
    if (std::find(rows.begin(), rows.end(), id) == rows.end()) rows.push_back(id);
  }
  for (const auto& id : r.coverage.required) {
    if (std::find(rows.begin(), rows.end(), id) == rows.end()) rows.push_back(id);
  }
  auto listed = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (const auto& id : rows) {
    std::size_t n = 0;
    for (const auto& [sid, c] : r.coverage.actors_per_sector) {
      if (sid == id) n = c;
    }
    const bool req = listed(r.coverage.required, id);
    std::string status = listed(r.coverage.missing, id) ? "**" + md(t("missing")) + "**"
                         : listed(r.coverage.present, id) ? md(n ? t("present") : t("further_only"))
                                                          : "\u2013";
    m += md_row({md(sector_label(tax, id, lang)), std::to_string(n), md(req ? t("yes") : t("no")), status});
  }
  m += "\n_" + md(t("chart_html_only")) + "_\n\n";

  heading();
  m += "_" + md(t("drawing_html_only")) + "_\n\n";

  heading();
  m += md(t("blocks_intro")) + "\n\n";
  const auto& bd = r.block_density;
  if (bd.labels.size() > report_block_limit) m += md(blocks_capped_note(r, lang)) + "\n\n";
  std::vector<std::string> head{t("blocks_from_to")};
  std::vector<bool> numeric{false};
  const std::size_t shown_blocks = bd.labels.size() <= report_block_limit ? bd.labels.size() : 0;
  for (std::size_t g = 0; g < shown_blocks; ++g) {
    head.push_back(std::to_string(g + 1));
    numeric.push_back(true);
  }
  if (shown_blocks > 0) m += md_head(head, numeric);
  for (std::size_t g = 0; g < shown_blocks; ++g) {
    std::vector<std::string> cells{md(std::to_string(g + 1) + " " + sector_label(tax, bd.labels[g], lang))};
    for (std::size_t k = 0; k < shown_blocks; ++k) cells.push_back(md(detail::format_decimal(bd.at(g, k), 2, lang)));
    m += md_row(cells);
  }
  m += "\n";

  heading();
  m += md(t("brokers_intro")) + "\n\n";
  if (r.brokers.empty()) {
    m += md(t("no_brokers")) + "\n\n";
  } else {
    std::vector<std::string> bh{t("rank"), t("actor"), t("sector"), t("total")};
    for (std::size_t k = 0; k < 5; ++k) bh.push_back(capitalised(role_label(t, k)));
    bh.push_back(t("main_role"));
    m += md_head(bh, {true, false, false, true, true, true, true, true, true, false});
    for (std::size_t i = 0; i < r.brokers.size(); ++i) {
      const auto& b = r.brokers[i];
      std::vector<std::string> cells{std::to_string(i + 1), md(b.name.empty() ? b.id : b.name),
                                     md(sector_label(tax, b.sector, lang)), md(detail::format_value(b.counts[5], lang))};
      for (std::size_t k = 0; k < 5; ++k) cells.push_back(md(detail::format_value(b.counts[k], lang)));
      cells.push_back(md(role_label(t, b.main_role)));
      m += md_row(cells);
    }
    m += "\n";
  }

  heading();
  m += md(t("gaps_intro")) + "\n\n";
  if (r.gaps.empty()) {
    m += md(t("no_gaps")) + "\n\n";
  } else {
    m += md_head({t("sector_a"), t("sector_b"), t("distance"), t("best_placed")}, {false, false, true, false});
    for (std::size_t i = 0; i < r.gaps.size() && i < report_gap_limit; ++i) {
      const auto& g = r.gaps[i];
      std::string who;
      for (const auto& name : g.candidate_names) who += (who.empty() ? "" : " \u00b7 ") + name;
      m += md_row({md(sector_label(tax, g.from, lang)), md(sector_label(tax, g.to, lang)),
                   md(g.distance ? std::to_string(g.distance) : std::string(t("unreachable"))),
                   md(who.empty() ? std::string("\u2013") : who)});
    }
    m += "\n";
    if (r.n_gaps > std::min(r.gaps.size(), report_gap_limit)) m += md(gaps_capped_note(r, lang)) + "\n\n";
  }

  if (r.comparison) {
    const wave_comparison& c = *r.comparison;
    heading();
    m += md(std::string(t("earlier_wave")) + ": " + wave_name(r.earlier_region, t("earlier_wave")) + " \u2192 " + t("later_wave") +
            ": " + wave_name(r.region, t("later_wave"))) +
         "\n\n";
    m += md_head({t("change"), t("count")}, {false, true});
    for (const auto& [label, n] : std::vector<std::pair<std::string, std::size_t>>{
             {t("actors_joined"), c.joined.size()},
             {t("actors_left"), c.left.size()},
             {t("actors_kept"), c.actors_kept},
             {t("ties_formed"), c.ties_formed.size()},
             {t("ties_dissolved"), c.ties_dissolved.size()},
             {t("ties_changed"), c.ties_changed.size()},
             {t("ties_kept"), c.ties_kept}}) {
      m += md_row({md(label), std::to_string(n)});
    }
    std::vector<std::string> names;
    for (const auto& id : c.joined) names.push_back(actor_label(net, id));
    m += "\n### " + md(t("actors_joined")) + "\n\n" + md_list(names, t);
    m += "\n### " + md(t("actors_left")) + "\n\n" + md_list(c.left, t);
    m += "\n### " + md(t("metric_changes")) + "\n\n" + md_head({t("metric"), t("before"), t("after"), t("difference")}, {false, true, true, true});
    for (const auto& x : c.metrics) {
      m += md_row({md(metric_label(x.name, lang)), md(detail::format_value(x.before, lang)),
                   md(detail::format_value(x.after, lang)), md(detail::format_delta(x.delta, lang))});
    }
    names.clear();
    for (const auto& p : c.sectors_newly_connected) names.push_back(joined_sector_pair(tax, p, lang));
    m += "\n### " + md(t("newly_connected")) + "\n\n" + md_list(names, t);
    names.clear();
    for (const auto& p : c.sectors_disconnected) names.push_back(joined_sector_pair(tax, p, lang));
    m += "\n### " + md(t("disconnected")) + "\n\n" + md_list(names, t);
    names.clear();
    for (const auto& s : c.sectors_newly_present) names.push_back(sector_label(tax, s, lang));
    m += "\n### " + md(t("newly_present")) + "\n\n" + md_list(names, t) + "\n";
  }
  m += "---\n\n_" + md(t.fill("generated_with", {version}) + " " + t("methods")) + "_\n";
  return m;
}

// ---- JSON -------------------------------------------------------------------------

namespace {

ordered_json number_or_null(double v) { return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr); }

ordered_json region_json(const region_info& r) {
  ordered_json j = ordered_json::object();
  j["id"] = r.id;
  j["name"] = r.name;
  j["state"] = r.state;
  j["population"] = r.population ? ordered_json(*r.population) : ordered_json(nullptr);
  j["wave"] = r.wave;
  j["date"] = r.date;
  return j;
}

ordered_json pairs_json(const std::vector<std::pair<std::string, std::string>>& pairs) {
  ordered_json a = ordered_json::array();
  for (const auto& [x, y] : pairs) a.push_back({x, y});
  return a;
}

}  // namespace

std::string to_json(const region_report& r, int indent) {
  detail::check_report_lang(r.lang);
  ordered_json doc;
  doc["format"] = "healthnet-report";
  doc["version"] = 1;
  doc["generator"] = std::string("healthnet ") + version;
  doc["lang"] = r.lang;
  doc["region"] = region_json(r.region);
  doc["directed"] = r.directed;
  doc["n_actors"] = r.n_actors;
  doc["n_ties"] = r.n_ties;
  ordered_json bodies = ordered_json::array();
  for (const auto& b : r.bodies) {
    bodies.push_back({{"id", b.id},
                      {"kind", std::string(to_string(b.kind))},
                      {"kind_label", body_kind_label(b.kind, r.lang)},
                      {"name", b.name},
                      {"members", b.members.size()},
                      {"topic", b.topic ? ordered_json(*b.topic) : ordered_json(nullptr)},
                      {"year", b.year ? ordered_json(*b.year) : ordered_json(nullptr)}});
  }
  doc["bodies"] = bodies;
  ordered_json metrics = ordered_json::array();
  for (const auto& m : r.metrics) metrics.push_back({{"name", m.name}, {"label", m.label}, {"value", number_or_null(m.value)}});
  doc["metrics"] = metrics;
  if (!r.betweenness_note.empty()) doc["betweenness_note"] = r.betweenness_note;

  ordered_json rows = ordered_json::array();
  for (const auto& row : r.score.rows) {
    rows.push_back({{"id", row.id},
                    {"kind", row.kind},
                    {"label", row.label},
                    {"value", number_or_null(row.value)},
                    {"target", row.target},
                    {"score", number_or_null(row.score)},
                    {"weight", row.weight},
                    {"passed", row.passed},
                    {"explanation", row.explanation},
                    {"source", row.source}});
  }
  doc["scorecard"] = {{"id", r.score.scorecard_id}, {"name", r.scorecard_name}, {"total", number_or_null(r.score.total)},
                      {"rows", rows}};

  ordered_json per_sector = ordered_json::object();
  for (const auto& [s, n] : r.coverage.actors_per_sector) per_sector[s] = n;
  doc["coverage"] = {{"required", r.coverage.required},
                     {"present", r.coverage.present},
                     {"connected", r.coverage.connected},
                     {"missing", r.coverage.missing},
                     {"present_not_connected", r.coverage.isolated},
                     {"coverage_ratio", number_or_null(r.coverage.coverage_ratio)},
                     {"blau", number_or_null(r.coverage.blau)},
                     {"iqv", number_or_null(r.coverage.iqv)},
                     {"actors_per_sector", per_sector}};

  ordered_json matrix = ordered_json::array();
  const std::size_t k = r.block_density.labels.size();
  for (std::size_t g = 0; g < k; ++g) {
    ordered_json line = ordered_json::array();
    for (std::size_t h = 0; h < k; ++h) line.push_back(number_or_null(r.block_density.at(g, h)));
    matrix.push_back(line);
  }
  doc["block_density"] = {{"sectors", r.block_density.labels}, {"values", matrix}};

  ordered_json brokers = ordered_json::array();
  const auto& roles = brokerage_role_names();
  for (const auto& b : r.brokers) {
    ordered_json counts = ordered_json::object();
    for (std::size_t i = 0; i < 5; ++i) counts[roles[i]] = number_or_null(b.counts[i]);
    brokers.push_back({{"id", b.id},
                       {"name", b.name},
                       {"sector", b.sector},
                       {"total", number_or_null(b.counts[5])},
                       {"roles", counts},
                       {"main_role", b.main_role}});
  }
  doc["brokers"] = brokers;

  ordered_json gaps = ordered_json::array();
  for (const auto& g : r.gaps) {
    ordered_json who = ordered_json::array();
    for (std::size_t i = 0; i < g.candidates.size(); ++i) {
      who.push_back({{"id", g.candidates[i]}, {"name", g.candidate_names[i]}});
    }
    gaps.push_back({{"from", g.from}, {"to", g.to}, {"distance", g.distance ? ordered_json(g.distance) : ordered_json(nullptr)},
                    {"candidates", who}});
  }
  doc["gaps"] = gaps;
  doc["n_gaps"] = r.n_gaps;

  if (r.comparison) {
    const wave_comparison& c = *r.comparison;
    ordered_json deltas = ordered_json::array();
    for (const auto& m : c.metrics) {
      deltas.push_back({{"name", m.name},
                        {"label", metric_label(m.name, r.lang)},
                        {"before", number_or_null(m.before)},
                        {"after", number_or_null(m.after)},
                        {"delta", number_or_null(m.delta)}});
    }
    ordered_json changed = ordered_json::array();
    for (const auto& ch : c.ties_changed) {
      changed.push_back({{"source", ch.source},
                         {"target", ch.target},
                         {"relations_added", ch.relations_added},
                         {"relations_removed", ch.relations_removed},
                         {"weight_before", ch.weight_before},
                         {"weight_after", ch.weight_after}});
    }
    doc["comparison"] = {{"earlier_region", region_json(r.earlier_region)},
                         {"joined", c.joined},
                         {"left", c.left},
                         {"actors_kept", c.actors_kept},
                         {"ties_formed", pairs_json(c.ties_formed)},
                         {"ties_dissolved", pairs_json(c.ties_dissolved)},
                         {"ties_changed", changed},
                         {"ties_kept", c.ties_kept},
                         {"metrics", deltas},
                         {"sectors_newly_connected", pairs_json(c.sectors_newly_connected)},
                         {"sectors_disconnected", pairs_json(c.sectors_disconnected)},
                         {"sectors_newly_present", c.sectors_newly_present}};
  } else {
    doc["comparison"] = nullptr;
  }
  doc["layout"] = {{"method", r.layout_used == layout_method::sector_circle ? "sector_circle" : "force_directed"},
                   {"seed", r.layout_seed}};
  return doc.dump(indent, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

// ---- convenience --------------------------------------------------------------------

std::string render_report_html(const network& net, const report_options& options) {
  return to_html(net, build_report(net, options));
}

std::string render_report_markdown(const network& net, const report_options& options) {
  return to_markdown(net, build_report(net, options));
}

std::string render_report_json(const network& net, const report_options& options, int indent) {
  return to_json(build_report(net, options), indent);
}

}  // namespace healthnet
