// SPDX-License-Identifier: MIT
// The region report: the model (build_report) and its HTML, Markdown and JSON writers.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
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

#include <kainjow/mustache.hpp>

#include "report/templates.hpp"
#include "report_format.hpp"

namespace healthnet {

namespace {

using ordered_json = nlohmann::ordered_json;
namespace mustache = kainjow::mustache;

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

std::string joined_sector_pair(const taxonomy& tax, const std::pair<std::string, std::string>& p, std::string_view lang) {
  return sector_label(tax, p.first, lang) + " \u2013 " + sector_label(tax, p.second, lang);
}

constexpr std::size_t listed_names = 20;

// ---- rendering helpers --------------------------------------------------------------

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

namespace {

/// The trust and value section, or nothing when no tie carries a rating
/// under PARTNER's default names. Ratings outside 1..4 raise (invalid_input).
std::optional<report_quality> quality_section(const network& net) {
  quality_options o;
  o.trust = present_tie_attributes(net, default_trust_attributes());
  o.value = present_tie_attributes(net, default_value_attributes());
  if (o.trust.empty() && o.value.empty()) return std::nullopt;
  const quality_result q = relationship_quality(net, o);
  report_quality r{q.trust, q.value, q.indicators, {}, {}, {}};
  const auto actors = net.actors();

  // Actors with trust received, highest first (ties by actor order).
  std::vector<std::size_t> rated;
  for (std::size_t i = 0; i < q.actors.size(); ++i) {
    if (q.actors[i].trust_raters > 0) rated.push_back(i);
  }
  std::stable_sort(rated.begin(), rated.end(),
                   [&](std::size_t a, std::size_t b) { return q.actors[a].trust_received > q.actors[b].trust_received; });
  const auto row = [&](std::size_t i) {
    const actor& a = actors[i];
    return report_trust_actor{a.id, a.name.empty() ? a.id : a.name, a.primary_sector(), q.actors[i].trust_received,
                              q.actors[i].trust_raters};
  };
  const std::size_t n_top = std::min(rated.size(), report_quality_actors);
  for (std::size_t i = 0; i < n_top; ++i) r.top.push_back(row(rated[i]));
  for (std::size_t i = rated.size(); i > n_top && r.bottom.size() < report_quality_actors; --i) {
    r.bottom.push_back(row(rated[i - 1]));
  }

  // Mean tie trust per sector pair, over the ties the network score counts.
  std::map<std::pair<std::string, std::string>, std::pair<double, std::size_t>> pairs;
  const auto ends = net.tie_ends();
  for (std::size_t i = 0; i < q.ties.size(); ++i) {
    if (std::isnan(q.ties[i].trust)) continue;
    const auto [u, v] = ends[i];
    const bool counted = net.directed() ? !is_nonrespondent(actors[u])
                                        : !(is_nonrespondent(actors[u]) && is_nonrespondent(actors[v]));
    if (!counted) continue;
    std::pair<std::string, std::string> key{actors[u].primary_sector(), actors[v].primary_sector()};
    if (!net.directed() && key.second < key.first) std::swap(key.first, key.second);
    auto& [sum, n] = pairs[key];
    sum += q.ties[i].trust;
    ++n;
  }
  for (const auto& [key, sn] : pairs) {
    r.low_pairs.push_back({key.first, key.second, sn.first / static_cast<double>(sn.second), sn.second});
  }
  std::stable_sort(r.low_pairs.begin(), r.low_pairs.end(),
                   [](const report_trust_pair& a, const report_trust_pair& b) { return a.trust < b.trust; });
  if (r.low_pairs.size() > report_quality_pairs) r.low_pairs.resize(report_quality_pairs);
  return r;
}

}  // namespace

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
  r.reading_notes = options.reading_notes;
  r.response = response_rate(net);
  for (const auto& id : r.response.nonrespondent_ids) {
    const actor& a = net.get_actor(id);
    r.nonrespondent_names.push_back(a.name.empty() ? a.id : a.name);
  }
  if (r.response.known()) {
    // Reciprocity is 1 by definition in an undirected network: only density then.
    std::vector<std::string> names = report_sensitivity_metrics();
    if (!net.directed()) std::erase(names, "reciprocity");
    r.sensitivity = nonresponse_sensitivity(net, {.metrics = std::move(names),
                                                  .drop = report_sensitivity_drop,
                                                  .runs = report_sensitivity_runs,
                                                  .seed = report_sensitivity_seed});
  }
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
  r.quality = quality_section(net);
  layout_options lo;
  lo.seed = options.seed;
  r.layout_used = net.n_actors() <= lo.force_directed_limit ? layout_method::force_directed : layout_method::sector_circle;
  lo.method = r.layout_used;
  r.layout_seed = options.seed;
  r.layout = network_layout(net, lo);
  return r;
}

// ---- HTML and Markdown: the report model as mustache data ----------------------------

namespace {

/// A template of src/report/templates/ (compiled in), without its leading comment lines.
const std::string& report_template(std::string_view name) {
  static const auto all = [] {
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& [file, text] : detail::builtin_report_templates()) {
      std::string body(text);
      while (body.starts_with("{{!")) {
        const auto end = body.find("}}\n");
        if (end == std::string::npos) break;
        body.erase(0, end + 3);
      }
      out.emplace(std::string(file), std::move(body));
    }
    return out;
  }();
  const auto it = all.find(name);
  if (it == all.end()) throw std::logic_error("no report template '" + std::string(name) + "'");
  return it->second;
}

/// `name` rendered with `data`; {{x}} escaped by `escape`, {{{x}}} verbatim.
/// Parsed once per thread (a mustache object is not safe to share).
std::string render(std::string_view name, const mustache::data& data, std::string (*escape)(std::string_view)) {
  thread_local std::map<std::string, mustache::mustache, std::less<>> parsed;
  auto it = parsed.find(name);
  if (it == parsed.end()) it = parsed.emplace(std::string(name), mustache::mustache{report_template(name)}).first;
  mustache::mustache& tmpl = it->second;
  tmpl.set_custom_escape([escape](const std::string& s) { return escape(s); });
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) throw std::logic_error("report template '" + std::string(name) + "': " + tmpl.error_message());
  return out;
}

/// Text for a Markdown table cell or paragraph: Markdown and HTML syntax
/// escaped; a line break or tab becomes a space, and other control characters
/// (C0, DEL, C1) are shown as \xNN / \u00NN (escape_control), so nothing from
/// the input reaches a terminal or viewer raw (issue 20, item 9).
std::string md(std::string_view s) {
  std::string flat(s);
  std::replace_if(flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  std::string out;
  for (const char c : detail::escape_control(flat)) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default: out += c;
    }
  }
  return out;
}

mustache::data list_of(const std::vector<std::string>& items) {
  mustache::data list{mustache::data::type::list};
  for (const auto& s : items) list.push_back(s);
  return list;
}

/// At most listed_names names, and "and N more" (template name_list).
mustache::data name_list(const std::vector<std::string>& names, const texts& t) {
  std::vector<std::string> shown(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), listed_names)));
  mustache::data d;
  d.set("names", list_of(shown));
  d.set("empty", names.empty());
  if (names.size() > listed_names) d.set("more", t.fill("and_more", {std::to_string(names.size() - listed_names)}));
  return d;
}

mustache::data label_value(const std::string& label, const std::string& value) {
  mustache::data d;
  d.set("label", label);
  d.set("value", value);
  return d;
}

/// Everything the HTML (`html`) or Markdown template shows, formatted in the
/// report's language; the texts of the catalogue's "report." keys as `t`.
mustache::data report_data(const network& net, const region_report& r, bool html) {
  const std::string& lang = r.lang;
  const texts t = text_for(lang);
  const taxonomy& tax = net.sector_taxonomy();
  using list = mustache::data;
  const auto new_list = [] { return list{mustache::data::type::list}; };

  mustache::data d;
  mustache::data tx;
  for (const auto& key : detail::catalogue_keys(lang)) {
    if (key.starts_with("report.")) tx.set(key.substr(7), detail::text(lang, key));
  }
  d.set("t", tx);
  d.set("lang", lang);
  d.set("version", std::string(version));
  d.set("title", region_title(r));
  if (const auto sub = region_subtitle(r); !sub.empty()) d.set("subtitle", sub);
  d.set("name_list", report_template(html ? "name_list.html" : "name_list.md"));
  d.set("generated_with", t.fill("generated_with", {version}));

  // 1. Summary.
  auto metric_value = [&](const std::string& name) {
    for (const auto& m : r.metrics) {
      if (m.name == name) return m.value;
    }
    return std::numeric_limits<double>::quiet_NaN();
  };
  list kpis = new_list();
  kpis.push_back(label_value(t("actors"), detail::format_value(static_cast<double>(r.n_actors), lang)));
  kpis.push_back(label_value(t("ties"), detail::format_value(static_cast<double>(r.n_ties), lang)));
  kpis.push_back(label_value(t("sectors"), std::to_string(r.coverage.present.size())));
  kpis.push_back(label_value(metric_label("coverage_ratio", lang), percent(r.coverage.coverage_ratio, lang)));
  kpis.push_back(label_value(metric_label("largest_component_share", lang), percent(metric_value("largest_component_share"), lang)));
  kpis.push_back(label_value(t("total_score") + " (" + t("of_100") + ")", detail::format_decimal(r.score.total, 1, lang)));
  d.set("kpis", kpis);
  list facts = new_list();
  auto fact = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) facts.push_back(label_value(label, value));
  };
  fact(t("region"), region_title(r));
  fact(t("region_id"), r.region.id);
  fact(t("state"), r.region.state);
  if (r.region.population) fact(t("population"), detail::format_value(static_cast<double>(*r.region.population), lang));
  fact(t("wave"), r.region.wave);
  fact(t("date"), r.region.date);
  fact(t("network"), r.directed ? t("directed") : t("undirected"));
  // The response rate and the non-respondents: in the data basis below.
  d.set("facts", facts);
  // The data basis: response, missing-data policy, sensitivity bands, and
  // what the reader assumed (merged repeated pairs, ...).
  list basis = new_list();
  if (r.sensitivity) {
    const auto& sens = *r.sensitivity;
    const auto& rr = r.response;
    std::string rate = t.fill("response_detail", {percent(rr.rate, lang), std::to_string(rr.respondents),
                                                  std::to_string(rr.respondents + rr.nonrespondents)});
    if (rr.unknown > 0) rate += "; " + t.fill("response_unknown", {std::to_string(rr.unknown)});
    basis.push_back(label_value(t("response_rate"), rate));
    std::string names;
    const auto& all = r.nonrespondent_names;
    for (std::size_t i = 0; i < all.size() && i < listed_names; ++i) names += (i == 0 ? "" : ", ") + all[i];
    if (all.size() > listed_names) names += " " + t.fill("and_more", {std::to_string(all.size() - listed_names)});
    basis.push_back(label_value(t("nonrespondents"), names.empty() ? t("none") : names));
    basis.push_back(label_value(t("missing_policy"), t("missing_absent")));
    std::string bands;
    for (const auto& row : sens.rows) {
      if (!bands.empty()) bands += "; ";
      bands += t.fill("sensitivity_band", {metric_label(row.metric, lang), detail::format_decimal(row.observed, 3, lang),
                                           detail::format_decimal(row.low, 3, lang),
                                           detail::format_decimal(row.high, 3, lang), percent(sens.drop, lang)});
    }
    basis.push_back(label_value(t("sensitivity"), bands));
    d.set("sensitivity_note", t.fill("sensitivity_note", {std::to_string(sens.runs), std::to_string(sens.seed),
                                                          std::to_string(sens.dropped), std::to_string(sens.respondents)}));
  }
  if (!r.reading_notes.empty()) {
    std::string notes;
    for (const auto& n : r.reading_notes) notes += (notes.empty() ? "" : "; ") + n;
    basis.push_back(label_value(t("reading_notes"), notes));
  }
  if (r.sensitivity || !r.reading_notes.empty()) {
    d.set("data_basis", basis);
    d.set("has_data_basis", true);
  }
  list bodies = new_list();
  for (const auto& b : r.bodies) {
    mustache::data row;
    row.set("name", body_name(b));
    row.set("kind", body_kind_label(b.kind, lang));
    row.set("members", std::to_string(b.members.size()));
    bodies.push_back(row);
  }
  d.set("bodies", bodies);
  d.set("has_bodies", !r.bodies.empty());
  list metrics = new_list();
  for (const auto& m : r.metrics) metrics.push_back(label_value(m.label, detail::format_value(m.value, lang)));
  d.set("metrics", metrics);
  if (!r.betweenness_note.empty()) d.set("betweenness_note", r.betweenness_note);

  // 2. Scorecard.
  std::size_t passed = 0;
  for (const auto& row : r.score.rows) passed += row.passed ? 1 : 0;
  d.set("score_total", detail::format_decimal(r.score.total, 1, lang));
  const double gauge = std::isfinite(r.score.total) ? std::clamp(r.score.total, 0.0, 100.0) : 0.0;
  d.set("score_gauge", detail::format_decimal(gauge, 1, "en"));
  d.set("criteria_met", t.fill("criteria_met", {std::to_string(passed), std::to_string(r.score.rows.size())}));
  d.set("scorecard_note", t("scorecard_label") + ": " + r.scorecard_name + " (" + r.score.scorecard_id + "). " +
                              t("scorecard_intro"));
  list score_rows = new_list();
  for (const auto& row : r.score.rows) {
    mustache::data x;
    x.set("label", row.label);
    if (html) x.set("label_html", break_after_slashes(esc(row.label)));
    x.set("type", row.kind == "rule" ? t("type_rule") : t("type_metric"));
    x.set("value", score_value(row, lang));
    x.set("target", localise_target(row.target, lang));
    x.set("score", detail::format_decimal(row.score, 0, lang));
    const double bar = std::isfinite(row.score) ? std::clamp(row.score, 0.0, 100.0) : 0.0;
    x.set("bar", detail::format_decimal(bar, 0, "en"));
    x.set("weight", detail::format_value(row.weight, lang, 2));
    x.set("passed", row.passed);
    x.set("explanation", row.explanation);
    if (!row.source.empty()) x.set("source", row.source);
    score_rows.push_back(x);
  }
  d.set("score_rows", score_rows);

  // 3. Sector coverage.
  const std::size_t required = r.coverage.required.size();
  d.set("coverage_summary",
        t.fill("coverage_summary", {std::to_string(required - r.coverage.missing.size()), std::to_string(required)}));
  d.set("coverage_percent", percent(r.coverage.coverage_ratio, lang));
  d.set("coverage_blau", detail::format_decimal(r.coverage.blau, 2, lang));
  auto sector_names = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : ", ") + sector_label(tax, id, lang);
    return s.empty() ? t("none") : s;
  };
  d.set("missing_sectors", sector_names(r.coverage.missing));
  d.set("has_missing", !r.coverage.missing.empty());
  d.set("unconnected_sectors", sector_names(r.coverage.isolated));
  svg_options so;
  so.lang = lang;
  if (html) {
    so.id = "sector-coverage";
    d.set("coverage_svg", sector_coverage_svg(net, r.coverage, so));
  } else {
    // Rows: the taxonomy's sectors, then others with actors, then other required ones.
    std::vector<std::string> ids;
    for (const auto& s : tax.sectors()) ids.push_back(s.id);
    for (const auto& [id, n] : r.coverage.actors_per_sector) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    for (const auto& id : r.coverage.required) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    auto listed = [](const std::vector<std::string>& v, const std::string& s) {
      return std::find(v.begin(), v.end(), s) != v.end();
    };
    list rows = new_list();
    for (const auto& id : ids) {
      std::size_t n = 0;
      for (const auto& [sid, c] : r.coverage.actors_per_sector) {
        if (sid == id) n = c;
      }
      const bool missing = listed(r.coverage.missing, id);
      mustache::data x;
      x.set("sector", sector_label(tax, id, lang));
      x.set("n", std::to_string(n));
      x.set("required", listed(r.coverage.required, id) ? t("yes") : t("no"));
      x.set("missing", missing);
      x.set("status", missing ? t("missing") : listed(r.coverage.present, id) ? (n ? t("present") : t("further_only"))
                                                                                : std::string("\u2013"));
      rows.push_back(x);
    }
    d.set("coverage_rows", rows);
  }

  // 4. Network drawing.
  if (html) {
    so.id = "network-drawing";
    d.set("network_svg", network_svg(net, r.layout, so));
    d.set("drawing_caption", r.layout_used == layout_method::sector_circle
                                 ? t("drawing_caption_circle")
                                 : t.fill("drawing_caption_fr", {std::to_string(r.layout_seed)}));
  }

  // 5. Block densities, up to report_block_limit sectors.
  const auto& bd = r.block_density;
  if (bd.labels.size() > report_block_limit) {
    d.set("blocks_capped", blocks_capped_note(r, lang));
  } else if (html) {
    so.id = "block-density";
    d.set("blocks_svg", block_density_svg(bd, tax, so));
  } else {
    std::vector<std::string> columns;
    list rows = new_list();
    for (std::size_t g = 0; g < bd.labels.size(); ++g) {
      columns.push_back(std::to_string(g + 1));
      std::vector<std::string> cells{std::to_string(g + 1) + " " + sector_label(tax, bd.labels[g], lang)};
      for (std::size_t k = 0; k < bd.labels.size(); ++k) cells.push_back(detail::format_decimal(bd.at(g, k), 2, lang));
      mustache::data x;
      x.set("cells", list_of(cells));
      rows.push_back(x);
    }
    d.set("has_block_table", !columns.empty());
    d.set("block_columns", list_of(columns));
    d.set("block_rows", rows);
  }

  // 6. Brokers.
  std::vector<std::string> roles;
  for (std::size_t k = 0; k < 5; ++k) roles.push_back(capitalised(role_label(t, k)));
  d.set("role_names", list_of(roles));
  list brokers = new_list();
  for (std::size_t i = 0; i < r.brokers.size(); ++i) {
    const auto& b = r.brokers[i];
    mustache::data x;
    x.set("rank", std::to_string(i + 1));
    x.set("name", b.name.empty() ? b.id : b.name);
    x.set("colour", std::string(sector_colour(tax, b.sector)));
    x.set("sector", sector_label(tax, b.sector, lang));
    x.set("role", role_label(t, b.main_role));
    x.set("total", detail::format_value(b.counts[5], lang));
    std::vector<std::string> counts;
    for (std::size_t k = 0; k < 5; ++k) counts.push_back(detail::format_value(b.counts[k], lang));
    x.set("counts", list_of(counts));
    brokers.push_back(x);
  }
  d.set("brokers", brokers);
  d.set("has_brokers", !r.brokers.empty());

  // 7. Gaps, up to report_gap_limit.
  list gaps = new_list();
  for (std::size_t i = 0; i < r.gaps.size() && i < report_gap_limit; ++i) {
    const auto& g = r.gaps[i];
    std::string who;
    for (const auto& name : g.candidate_names) who += (who.empty() ? "" : " \u00b7 ") + name;
    mustache::data x;
    x.set("from", sector_label(tax, g.from, lang));
    x.set("from_colour", std::string(sector_colour(tax, g.from)));
    x.set("to", sector_label(tax, g.to, lang));
    x.set("to_colour", std::string(sector_colour(tax, g.to)));
    x.set("distance", g.distance ? std::to_string(g.distance) : t("unreachable"));
    x.set("who", who.empty() ? std::string("\u2013") : who);
    gaps.push_back(x);
  }
  d.set("gaps", gaps);
  d.set("has_gaps", !r.gaps.empty());
  if (!r.gaps.empty() && r.n_gaps > std::min(r.gaps.size(), report_gap_limit)) d.set("gaps_capped", gaps_capped_note(r, lang));

  // 8. Wave comparison.
  if (r.comparison) {
    const wave_comparison& c = *r.comparison;
    mustache::data x;
    x.set("waves", t("earlier_wave") + ": " + wave_name(r.earlier_region, t("earlier_wave")) + " \u2192 " +
                       t("later_wave") + ": " + wave_name(r.region, t("later_wave")));
    list counts = new_list();
    for (const auto& [label, n] : std::vector<std::pair<std::string, std::size_t>>{
             {t("actors_joined"), c.joined.size()},
             {t("actors_left"), c.left.size()},
             {t("actors_kept"), c.actors_kept},
             {t("ties_formed"), c.ties_formed.size()},
             {t("ties_dissolved"), c.ties_dissolved.size()},
             {t("ties_changed"), c.ties_changed.size()},
             {t("ties_kept"), c.ties_kept}}) {
      mustache::data row;
      row.set("label", label);
      row.set("n", std::to_string(n));
      counts.push_back(row);
    }
    x.set("counts", counts);
    std::vector<std::string> names;
    for (const auto& id : c.joined) names.push_back(actor_label(net, id));
    x.set("joined", name_list(names, t));
    x.set("left", name_list(c.left, t));
    list deltas = new_list();
    for (const auto& m : c.metrics) {
      mustache::data row;
      row.set("label", metric_label(m.name, lang));
      row.set("before", detail::format_value(m.before, lang));
      row.set("after", detail::format_value(m.after, lang));
      row.set("delta", detail::format_delta(m.delta, lang));
      deltas.push_back(row);
    }
    x.set("metrics", deltas);
    names.clear();
    for (const auto& p : c.sectors_newly_connected) names.push_back(joined_sector_pair(tax, p, lang));
    x.set("newly_connected", name_list(names, t));
    names.clear();
    for (const auto& p : c.sectors_disconnected) names.push_back(joined_sector_pair(tax, p, lang));
    x.set("disconnected", name_list(names, t));
    names.clear();
    for (const auto& s : c.sectors_newly_present) names.push_back(sector_label(tax, s, lang));
    x.set("newly_present", name_list(names, t));
    d.set("comparison", x);
  }

  // 9. Trust and value (numbered 8 without a comparison).
  if (r.quality) {
    const report_quality& q = *r.quality;
    mustache::data x;
    x.set("num", r.comparison ? "9" : "8");
    const auto share = [&](const quality_score& s) { return percent(s.percent / 100, lang); };
    x.set("summary", t.fill("quality_summary", {detail::format_decimal(q.trust.mean, 2, lang), share(q.trust),
                                                detail::format_decimal(q.value.mean, 2, lang), share(q.value)}));
    list scores = new_list();
    const auto score_row = [&](const std::string& label, const quality_score& s, bool main) {
      mustache::data row;
      row.set("label", label);
      row.set("mean", detail::format_decimal(s.mean, 2, lang));
      row.set("percent", share(s));
      row.set("n", std::to_string(s.n));
      row.set("main", main);
      scores.push_back(row);
    };
    score_row(t("quality_trust"), q.trust, true);
    for (const auto& s : q.indicators) {
      if (s.name.starts_with("trust_")) score_row(t("quality_" + s.name), s, false);
    }
    score_row(t("quality_value"), q.value, true);
    for (const auto& s : q.indicators) {
      if (s.name.starts_with("value_")) score_row(t("quality_" + s.name), s, false);
    }
    x.set("scores", scores);
    const auto actor_rows = [&](const std::vector<report_trust_actor>& actors) {
      list rows = new_list();
      for (const auto& a : actors) {
        mustache::data row;
        row.set("name", a.name);
        row.set("sector", sector_label(tax, a.sector, lang));
        row.set("colour", std::string(sector_colour(tax, a.sector)));
        row.set("trust", detail::format_decimal(a.trust, 2, lang));
        row.set("raters", std::to_string(a.raters));
        rows.push_back(row);
      }
      return rows;
    };
    x.set("top", actor_rows(q.top));
    x.set("has_top", !q.top.empty());
    x.set("bottom", actor_rows(q.bottom));
    x.set("has_bottom", !q.bottom.empty());
    list pairs = new_list();
    for (const auto& p : q.low_pairs) {
      mustache::data row;
      row.set("from", sector_label(tax, p.from, lang));
      row.set("to", sector_label(tax, p.to, lang));
      row.set("trust", detail::format_decimal(p.trust, 2, lang));
      row.set("n", std::to_string(p.n));
      pairs.push_back(row);
    }
    x.set("pairs", pairs);
    x.set("has_pairs", !q.low_pairs.empty());
    d.set("quality", x);
  }
  return d;
}

}  // namespace

std::string to_html(const network& net, const region_report& r) {
  detail::check_report_lang(r.lang);
  return render("report.html", report_data(net, r, true), &esc);
}

std::string to_markdown(const network& net, const region_report& r) {
  detail::check_report_lang(r.lang);
  std::string m = render("report.md", report_data(net, r, false), &md);
  // kainjow mustache keeps the line of a standalone tag of a section it does
  // not render as a blank line; runs of blank lines mean one in Markdown, and
  // user text cannot contain a line break (md() turns it into a space).
  std::string out;
  out.reserve(m.size());
  for (const char c : m) {
    if (c == '\n' && out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') continue;
    out += c;
  }
  return out;
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
  if (r.response.known()) {
    ordered_json nonrespondents = ordered_json::array();
    for (std::size_t i = 0; i < r.response.nonrespondent_ids.size(); ++i) {
      nonrespondents.push_back({{"id", r.response.nonrespondent_ids[i]}, {"name", r.nonrespondent_names[i]}});
    }
    doc["response"] = {{"respondents", r.response.respondents},
                       {"nonrespondents", r.response.nonrespondents},
                       {"unknown", r.response.unknown},
                       {"rate", number_or_null(r.response.rate)},
                       {"nonrespondent_actors", nonrespondents}};
  }
  if (r.sensitivity) {
    const auto& sens = *r.sensitivity;
    ordered_json rows = ordered_json::array();
    for (const auto& row : sens.rows) {
      rows.push_back({{"name", row.metric},
                      {"observed", number_or_null(row.observed)},
                      {"mean", number_or_null(row.mean)},
                      {"low", number_or_null(row.low)},
                      {"high", number_or_null(row.high)},
                      {"valid_runs", row.valid_runs}});
    }
    doc["response"]["missing"] = to_string(sens.missing);
    doc["response"]["sensitivity"] = {{"drop", sens.drop},       {"runs", sens.runs},
                                      {"seed", sens.seed},       {"respondents", sens.respondents},
                                      {"dropped", sens.dropped}, {"metrics", rows}};
  }
  if (!r.reading_notes.empty()) doc["reading_notes"] = r.reading_notes;
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
  if (r.quality) {
    const report_quality& q = *r.quality;
    const auto score = [](const quality_score& s) {
      return ordered_json{{"name", s.name}, {"mean", number_or_null(s.mean)}, {"percent", number_or_null(s.percent)}, {"n", s.n}};
    };
    ordered_json indicators = ordered_json::array();
    for (const auto& s : q.indicators) indicators.push_back(score(s));
    const auto actors = [](const std::vector<report_trust_actor>& rows) {
      ordered_json a = ordered_json::array();
      for (const auto& x : rows) {
        a.push_back({{"id", x.id}, {"name", x.name}, {"sector", x.sector}, {"trust", number_or_null(x.trust)},
                     {"raters", x.raters}});
      }
      return a;
    };
    ordered_json pairs = ordered_json::array();
    for (const auto& p : q.low_pairs) {
      pairs.push_back({{"from", p.from}, {"to", p.to}, {"trust", number_or_null(p.trust)}, {"n", p.n}});
    }
    doc["quality"] = {{"scale", {1, 4}},
                      {"trust", score(q.trust)},
                      {"value", score(q.value)},
                      {"indicators", indicators},
                      {"top_trust", actors(q.top)},
                      {"bottom_trust", actors(q.bottom)},
                      {"lowest_trust_sector_pairs", pairs}};
  } else {
    doc["quality"] = nullptr;
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
