// SPDX-License-Identifier: MIT
// Scorecards: parsing (line-precise errors), the shipped scorecards, evaluation.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include <healthnet/coverage.hpp>
#include <healthnet/degree.hpp>
#include <healthnet/detail/file_io.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/metric_registry.hpp>
#include <healthnet/scorecard.hpp>

#include "builtin_scorecards.hpp"
#include "json_locate.hpp"
#include "text/catalogue.hpp"

namespace healthnet {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;
using value_t = json::value_t;
using detail::json_reader;

const char* kind_name(rule_kind k) {
  switch (k) {
    case rule_kind::body_exists: return "body_exists";
    case rule_kind::body_sectors: return "body_sectors";
    case rule_kind::body_types: return "body_types";
    case rule_kind::body_topics: return "body_topics";
    case rule_kind::sectors_present: return "sectors_present";
    case rule_kind::sectors_tied: return "sectors_tied";
  }
  return "body_exists";
}

std::optional<rule_kind> parse_rule_kind(std::string_view s) {
  for (auto k : {rule_kind::body_exists, rule_kind::body_sectors, rule_kind::body_types, rule_kind::body_topics,
                 rule_kind::sectors_present, rule_kind::sectors_tied}) {
    if (s == kind_name(k)) return k;
  }
  return std::nullopt;
}

const char* direction_name(score_direction d) {
  return d == score_direction::higher ? "higher" : d == score_direction::lower ? "lower" : "band";
}

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The sector a scorecard names: a taxonomy id, or one of its German or
// English labels ("Pflege", "Nursing care"; ASCII case ignored), else nullptr.
const sector* resolve_sector(const taxonomy& tax, std::string_view name) {
  if (name.empty()) return nullptr;
  if (const sector* s = tax.find(name)) return s;
  const std::string key = lowercase(std::string(name));
  for (const auto& s : tax.sectors()) {
    if ((!s.label_de.empty() && lowercase(s.label_de) == key) || (!s.label_en.empty() && lowercase(s.label_en) == key)) {
      return &s;
    }
  }
  return nullptr;
}

// The id of the sector `name` names (see resolve_sector()); an unknown name
// fails at `pointer` with the closest ids and labels. `context` adds the
// pair it came from.
std::string sector_id(const json_reader& r, const taxonomy& tax, const std::string& name, const std::string& pointer,
                      const std::string& context = {}) {
  if (const sector* s = resolve_sector(tax, name)) return s->id;
  // Closest ids and labels (candidate i belongs to sector i / 3), suggested as ids.
  std::vector<std::string> ids, candidates;
  for (const auto& s : tax.sectors()) {
    ids.push_back(s.id);
    candidates.insert(candidates.end(), {s.id, s.label_de, s.label_en});
  }
  std::vector<std::string> close;
  for (const auto& c : detail::closest_names(name, candidates, candidates.size())) {
    const auto at = static_cast<std::size_t>(std::find(candidates.begin(), candidates.end(), c) - candidates.begin());
    const std::string& id = ids[at / 3];
    if (close.size() < 3 && std::find(close.begin(), close.end(), id) == close.end()) close.push_back(id);
  }
  std::string hint;
  for (std::size_t i = 0; i < close.size(); ++i) {
    hint += (i == 0 ? "; did you mean " : i + 1 == close.size() ? " or " : ", ") + detail::quote_value(close[i]);
  }
  if (!hint.empty()) hint += "?";
  r.fail(pointer, "unknown sector " + detail::quote_value(name) + context + hint + " (" + detail::known_names(ids) + ")");
}

bilingual read_bilingual(const json_reader& r, const json& obj, const std::string& path, const char* key) {
  bilingual out;
  const auto it = obj.find(key);
  if (it == obj.end()) return out;
  if (it->is_string()) {
    out.de = out.en = it->get<std::string>();
    return out;
  }
  const std::string p = path + "/" + key;
  if (!it->is_object()) r.fail(p, std::string("expected a string or {\"de\", \"en\"}, found ") + json_reader::type_name(*it));
  out.de = r.string_member(*it, p, "de", false);
  out.en = r.string_member(*it, p, "en", false);
  return out;
}

double number(const json_reader& r, const json& obj, const std::string& path, const char* key, bool required,
              double fallback) {
  const json& j = r.member(obj, path, key, value_t::number_float, required);
  if (!j.is_number()) return fallback;
  const double v = j.get<double>();
  if (!std::isfinite(v)) r.fail(path + "/" + key, "not a finite number");
  return v;
}

double weight_of(const json_reader& r, const json& obj, const std::string& path) {
  const double w = number(r, obj, path, "weight", false, 1.0);
  if (w < 0) r.fail(path + "/weight", "weight must be >= 0, found " + detail::format_number(w));
  return w;
}

std::string source_of(const json_reader& r, const json& obj, const std::string& path) {
  return r.string_member(obj, path, "source", false);
}

// Rejects members the format does not know, so a typo ("wieght") is an
// error instead of a silent default.
void check_known_fields(const json_reader& r, const json& obj, const std::string& path,
                        std::initializer_list<const char*> known) {
  for (const auto& item : obj.items()) {
    const std::string& key = item.key();  // a structured binding: clang < 16 cannot capture it
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
      std::string list;
      for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      r.fail(path + "/" + detail::escape_pointer_token(key), "unknown field '" + key + "' (known: " + list + ")");
    }
  }
}

indicator read_indicator(const json_reader& r, const json& item, const std::string& path) {
  r.object_at(item, path);
  check_known_fields(r, item, path,
                     {"id", "metric", "by", "label", "direction", "target", "minimum", "band", "tolerance", "weight",
                      "source"});
  indicator ind;
  ind.id = r.string_member(item, path, "id", true);
  if (ind.id.empty()) r.fail(path + "/id", "indicator id is empty");
  ind.metric = r.string_member(item, path, "metric", true);
  const metric_definition* def = find_metric(ind.metric);
  if (!def) {
    const auto names = metric_names();
    r.fail(path + "/metric", "unknown metric " + detail::quote_value(ind.metric) +
                                 detail::did_you_mean(ind.metric, names) + " (" + detail::known_names(names, 50) + ")");
  }
  const std::string by = r.string_member(item, path, "by", false);
  if (!by.empty()) ind.by = by;
  ind.label = read_bilingual(r, item, path, "label");
  if (ind.label.en.empty() && ind.label.de.empty()) ind.label = {def->label_de, def->label_en};
  const std::string dir = r.string_member(item, path, "direction", true);
  if (dir == "higher") ind.direction = score_direction::higher;
  else if (dir == "lower") ind.direction = score_direction::lower;
  else if (dir == "band") ind.direction = score_direction::band;
  else r.fail(path + "/direction", "unknown direction '" + dir + "' (expected higher, lower or band)");
  if (ind.direction == score_direction::band) {
    const json& band = r.member(item, path, "band", value_t::array, true);
    if (band.size() != 2 || !band[0].is_number() || !band[1].is_number()) {
      r.fail(path + "/band", "expected [low, high], two numbers");
    }
    ind.band_low = band[0].get<double>();
    ind.band_high = band[1].get<double>();
    if (!(ind.band_low <= ind.band_high)) r.fail(path + "/band", "low is above high");
    ind.tolerance = number(r, item, path, "tolerance", true, 0);
    if (!(ind.tolerance > 0)) r.fail(path + "/tolerance", "tolerance must be > 0");
  } else {
    ind.target = number(r, item, path, "target", true, 0);
    ind.minimum = number(r, item, path, "minimum", true, 0);
    const bool ok = ind.direction == score_direction::higher ? ind.minimum < ind.target : ind.minimum > ind.target;
    if (!ok) {
      r.fail(path + "/minimum", std::string("minimum must be ") +
                                    (ind.direction == score_direction::higher ? "below" : "above") +
                                    " target for direction '" + dir + "'");
    }
  }
  ind.weight = weight_of(r, item, path);
  ind.source = source_of(r, item, path);
  return ind;
}

rule read_rule(const json_reader& r, const json& item, const std::string& path, const taxonomy& tax) {
  r.object_at(item, path);
  check_known_fields(r, item, path,
                     {"id", "kind", "body", "min_count", "min_members", "items", "item_labels", "label", "weight",
                      "source"});
  rule ru;
  ru.id = r.string_member(item, path, "id", true);
  if (ru.id.empty()) r.fail(path + "/id", "rule id is empty");
  const std::string kind = r.string_member(item, path, "kind", true);
  const auto k = parse_rule_kind(kind);
  if (!k) {
    r.fail(path + "/kind", "unknown rule kind '" + kind +
                               "' (expected body_exists, body_sectors, body_types, body_topics, sectors_present or "
                               "sectors_tied)");
  }
  ru.kind = *k;
  const bool about_body = ru.kind == rule_kind::body_exists || ru.kind == rule_kind::body_sectors ||
                          ru.kind == rule_kind::body_types || ru.kind == rule_kind::body_topics;
  if (about_body) {
    const std::string b = r.string_member(item, path, "body", true);
    ru.body = parse_body_kind(b);
    if (!ru.body) {
      const std::vector<std::string> kinds{"steering_group", "working_group", "coordination_office",
                                           "health_conference"};
      r.fail(path + "/body", "unknown body kind " + detail::quote_value(b) + detail::did_you_mean(b, kinds) + " (" +
                                 detail::known_names(kinds) + ")");
    }
  }
  const double min_count = number(r, item, path, "min_count", false, 1);
  const double min_members = number(r, item, path, "min_members", false, 0);
  if (min_count < 1 || min_count != std::floor(min_count)) r.fail(path + "/min_count", "expected a whole number >= 1");
  if (min_members < 0 || min_members != std::floor(min_members)) {
    r.fail(path + "/min_members", "expected a whole number >= 0");
  }
  ru.min_count = static_cast<std::size_t>(min_count);
  ru.min_members = static_cast<std::size_t>(min_members);
  if (ru.kind != rule_kind::body_exists) {
    const json& items = r.member(item, path, "items", value_t::array, true);
    if (items.empty()) r.fail(path + "/items", "a rule needs at least one item");
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string ip = path + "/items/" + std::to_string(i);
      std::vector<std::string> alternatives;
      std::vector<std::string> pointers;  // of each alternative, for errors
      if (items[i].is_string()) {
        alternatives.push_back(items[i].get<std::string>());
        pointers.push_back(ip);
      } else if (items[i].is_array()) {
        for (std::size_t j = 0; j < items[i].size(); ++j) {
          if (!items[i][j].is_string()) r.fail(ip + "/" + std::to_string(j), "expected a string");
          alternatives.push_back(items[i][j].get<std::string>());
          pointers.push_back(ip + "/" + std::to_string(j));
        }
      } else {
        r.fail(ip, std::string("expected a string or a list of alternatives, found ") + json_reader::type_name(items[i]));
      }
      if (alternatives.empty()) r.fail(ip, "an item needs at least one alternative");
      // Sectors must name the taxonomy (an id or a label, stored as the id):
      // an unknown one would make the item unmeetable without saying why.
      for (std::size_t j = 0; j < alternatives.size(); ++j) {
        auto& a = alternatives[j];
        if (ru.kind == rule_kind::sectors_tied) {
          const auto bar = a.find('|');
          if (bar == std::string::npos || bar == 0 || bar + 1 == a.size()) {
            r.fail(pointers[j], "expected a sector pair written \"a|b\", found '" + a + "'");
          }
          const std::string in_pair = " in the pair " + detail::quote_value(a);
          a = sector_id(r, tax, a.substr(0, bar), pointers[j], in_pair) + "|" +
              sector_id(r, tax, a.substr(bar + 1), pointers[j], in_pair);
        } else if (ru.kind == rule_kind::body_sectors || ru.kind == rule_kind::sectors_present) {
          a = sector_id(r, tax, a, pointers[j]);
        }
      }
      ru.items.push_back(std::move(alternatives));
    }
    const json& labels = r.member(item, path, "item_labels", value_t::array, false);
    if (labels.is_array()) {
      if (labels.size() != ru.items.size()) r.fail(path + "/item_labels", "needs one label per item");
      for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string lp = path + "/item_labels/" + std::to_string(i);
        if (labels[i].is_string()) ru.item_labels.push_back({labels[i].get<std::string>(), labels[i].get<std::string>()});
        else if (labels[i].is_object()) ru.item_labels.push_back({r.string_member(labels[i], lp, "de", false), r.string_member(labels[i], lp, "en", false)});
        else r.fail(lp, "expected a string or {\"de\", \"en\"}");
      }
    }
  }
  ru.label = read_bilingual(r, item, path, "label");
  if (ru.label.en.empty() && ru.label.de.empty()) r.fail(path, "missing required field 'label'");
  ru.weight = weight_of(r, item, path);
  ru.source = source_of(r, item, path);
  return ru;
}

// ---- evaluation --------------------------------------------------------------

// Whole numbers as such, others to 3 significant digits: two decimals would
// print an isolate share of 0.0248 as "0.02" next to the target "<= 0.02".
// German texts use the decimal comma.
std::string fmt(double v, std::string_view lang = "en") {
  if (std::isnan(v)) return detail::text(lang, "number.not_available");
  char buf[32];
  if (v == std::floor(v) && std::abs(v) < 1e9) std::snprintf(buf, sizeof buf, "%.0f", v);
  else if (std::abs(v) >= 1000) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.3g", v);
  std::string out = buf;
  if (const auto dot = out.find('.'); dot != std::string::npos) out.replace(dot, 1, detail::text(lang, "number.decimal_mark"));
  return out;
}

std::string body_label(body_kind k, std::string_view lang, bool plural = false) {
  return detail::text(lang, std::string(plural ? "scorecard.bodies." : "scorecard.body.") + std::string(to_string(k)));
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Case-insensitive (ASCII) substring test; German umlauts must match as written.
bool contains_keyword(const std::string& text, const std::string& keyword) {
  return lowercase(text).find(lowercase(keyword)) != std::string::npos;
}

double linear(double v, double zero, double full) {
  const double t = (v - zero) / (full - zero);
  return std::clamp(t, 0.0, 1.0) * 100.0;
}

// " 12 actors have sector labels outside the taxonomy: 'Ärzte' (7), 'Kasse'
// (5)." for rows that depend on sectors, or empty when every label is known.
std::string outside_taxonomy_note(const network& net, std::string_view lang) {
  const auto cov = sector_coverage(net, std::vector<std::string>{}, false);
  if (cov.n_outside_taxonomy == 0) return {};
  std::string labels;
  const std::size_t shown = std::min<std::size_t>(cov.outside_taxonomy.size(), 5);
  for (std::size_t i = 0; i < shown; ++i) {
    labels += (i == 0 ? "" : ", ") + detail::quote_value(cov.outside_taxonomy[i].first) + " (" +
              std::to_string(cov.outside_taxonomy[i].second) + ")";
  }
  if (cov.outside_taxonomy.size() > shown) {
    labels += ", " + detail::format_text(lang, "report.and_more", {std::to_string(cov.outside_taxonomy.size() - shown)});
  }
  return " " + detail::format_text(lang, cov.n_outside_taxonomy == 1 ? "scorecard.outside_taxonomy_one"
                                                                     : "scorecard.outside_taxonomy",
                                   {std::to_string(cov.n_outside_taxonomy), labels});
}

// Whether an indicator's value depends on the actors' sectors.
bool uses_sectors(const indicator& ind, const metric_definition& def) {
  static const std::set<std::string, std::less<>> coverage{"coverage_ratio", "n_missing_sectors",
                                                          "connected_sector_share", "blau", "iqv", "n_sectors"};
  return coverage.count(ind.metric) > 0 || (def.grouped && ind.by == "sector");
}

score_row evaluate_indicator(const indicator& ind, std::size_t index, const scorecard& card, const network& net,
                             std::string_view lang) {
  const metric_definition* def = find_metric(ind.metric);
  if (!def) throw not_found("unknown metric " + detail::quote_value(ind.metric));  // parse_scorecard rejects it
  // A `by` no actor carries cannot be checked before there is a network;
  // it fails here, naming the indicator, instead of scoring 0.
  if (def->grouped && ind.by != "sector" && net.n_actors() > 0) {
    const bool carried = std::any_of(net.actors().begin(), net.actors().end(),
                                     [&](const actor& a) { return a.attributes.find(ind.by) != a.attributes.end(); });
    if (!carried) {
      throw detail::unknown_grouping(net, ind.by,
                                     "scorecard " + detail::quote_value(card.id) + ": indicators[" +
                                         std::to_string(index) + "].by");
    }
  }
  score_row row;
  row.id = ind.id;
  row.kind = "metric";
  row.label = ind.label.in(lang);
  row.weight = ind.weight;
  row.source = ind.source;
  row.value = evaluate_metric(net, ind.metric, ind.by);
  const double v = row.value;
  switch (ind.direction) {
    case score_direction::higher:
      row.target = ">= " + fmt(ind.target, lang);
      row.score = std::isnan(v) ? 0 : linear(v, ind.minimum, ind.target);
      row.passed = v >= ind.target;
      break;
    case score_direction::lower:
      row.target = "<= " + fmt(ind.target, lang);
      row.score = std::isnan(v) ? 0 : linear(v, ind.minimum, ind.target);
      row.passed = v <= ind.target;
      break;
    case score_direction::band:
      row.target = fmt(ind.band_low, lang) + " - " + fmt(ind.band_high, lang);
      if (std::isnan(v)) row.score = 0;
      else if (v < ind.band_low) row.score = linear(v, ind.band_low - ind.tolerance, ind.band_low);
      else if (v > ind.band_high) row.score = linear(v, ind.band_high + ind.tolerance, ind.band_high);
      else row.score = 100;
      row.passed = v >= ind.band_low && v <= ind.band_high;
      break;
  }
  auto say = [&](std::string_view key, std::initializer_list<std::string_view> args) {
    return detail::format_text(lang, std::string("scorecard.indicator.").append(key), args);
  };
  std::string text;
  if (std::isnan(v)) {
    text = say("undefined", {row.label});
  } else if (row.passed) {
    text = say("met", {row.label, fmt(v, lang), row.target});
  } else {
    text = say("not_met", {row.label, fmt(v, lang), row.target});
    // Name what is missing where the metric allows it.
    if (ind.metric == "coverage_ratio" || ind.metric == "n_missing_sectors" || ind.metric == "connected_sector_share") {
      const auto cov = sector_coverage(net, std::nullopt, false);
      std::vector<std::string> names;
      const auto& list = ind.metric == "connected_sector_share" ? cov.isolated : cov.missing;
      for (const auto& s : list) names.push_back(net.sector_taxonomy().label(s, lang));
      if (!names.empty()) {
        text += say(ind.metric == "connected_sector_share" ? "unconnected_sectors" : "missing_sectors", {join(names)});
      }
    } else if (ind.metric == "n_isolates" || ind.metric == "isolate_share") {
      auto ids = isolates(net);
      std::vector<std::string> names;
      for (std::size_t i = 0; i < ids.size() && i < 5; ++i) names.push_back(net.get_actor(ids[i]).name.empty() ? ids[i] : net.get_actor(ids[i]).name);
      if (!names.empty()) text += say("isolates", {join(names) + (ids.size() > 5 ? ", ..." : "")});
    } else if (ind.metric == "fragmentation_without_office" && detail::office_members(net).empty()) {
      text += say("no_office", {});
    }
    text += ".";
  }
  if (uses_sectors(ind, *def)) text += outside_taxonomy_note(net, lang);
  row.explanation = text;
  return row;
}

score_row evaluate_rule(const rule& ru, const network& net, std::string_view lang) {
  auto say = [&](std::string_view key, std::initializer_list<std::string_view> args) {
    return detail::format_text(lang, std::string("scorecard.rule.").append(key), args);
  };
  score_row row;
  row.id = ru.id;
  row.kind = "rule";
  row.label = ru.label.in(lang);
  row.weight = ru.weight;
  row.source = ru.source;
  std::vector<const body*> bodies;
  if (ru.body) {
    for (const auto& b : net.bodies()) {
      if (b.kind == *ru.body) bodies.push_back(&b);
    }
  }
  // An item's label, else its alternatives joined by "or" (items themselves
  // are joined by commas, so the two must not look alike).
  auto item_name = [&](std::size_t i) {
    if (i < ru.item_labels.size() && !ru.item_labels[i].in(lang).empty()) return ru.item_labels[i].in(lang);
    std::vector<std::string> names;
    for (const auto& a : ru.items[i]) {
      if (ru.kind == rule_kind::sectors_tied) {
        const auto bar = a.find('|');
        names.push_back(net.sector_taxonomy().label(a.substr(0, bar), lang) + " – " +
                        net.sector_taxonomy().label(a.substr(bar + 1), lang));
      } else if (ru.kind == rule_kind::body_sectors || ru.kind == rule_kind::sectors_present) {
        names.push_back(net.sector_taxonomy().label(a, lang));
      } else {
        names.push_back(a);
      }
    }
    std::string out;
    for (std::size_t k = 0; k < names.size(); ++k) out += (k == 0 ? "" : detail::text(lang, "scorecard.rule.or")) + names[k];
    return out;
  };

  if (ru.kind == rule_kind::body_exists) {
    std::size_t good = 0;
    for (const body* b : bodies) good += b->members.size() >= ru.min_members ? 1 : 0;
    row.value = std::min(1.0, static_cast<double>(good) / static_cast<double>(ru.min_count));
    row.score = row.value * 100;
    row.passed = good >= ru.min_count;
    const std::string what = body_label(*ru.body, lang, ru.min_count > 1);
    row.target = ">= " + std::to_string(ru.min_count) + " " + what +
                 (ru.min_members ? say("target_members", {std::to_string(ru.min_members)}) : "");
    if (row.passed) {
      row.explanation = say("bodies_recorded", {std::to_string(good), body_label(*ru.body, lang, good != 1)});
    } else if (bodies.empty()) {
      row.explanation = say("no_body", {body_label(*ru.body, lang)});
    } else {
      // Too few bodies, or some too small: say which.
      const std::size_t small = bodies.size() - good;
      row.explanation =
          say("too_few_bodies", {std::to_string(good), std::to_string(ru.min_count), body_label(*ru.body, lang, true)});
      if (small > 0) {
        row.explanation +=
            say(small == 1 ? "small_body" : "small_bodies", {std::to_string(ru.min_members), std::to_string(small)});
      }
      row.explanation += ".";
    }
    return row;
  }

  // Item rules: which items are met?
  std::vector<std::string> missing;
  std::size_t met = 0;
  std::set<std::pair<std::string, std::string>> tied_pairs;
  if (ru.kind == rule_kind::sectors_tied) {
    for (const auto& [u, v] : net.tie_ends()) {
      const auto& a = net.actor_at(u).primary_sector();
      const auto& b = net.actor_at(v).primary_sector();
      tied_pairs.emplace(a, b);
      tied_pairs.emplace(b, a);
    }
  }
  for (std::size_t i = 0; i < ru.items.size(); ++i) {
    bool ok = false;
    for (const auto& alt : ru.items[i]) {
      switch (ru.kind) {
        case rule_kind::body_sectors:
          for (const body* b : bodies) {
            for (const auto& m : b->members) {
              const auto& s = net.get_actor(m).sectors;
              ok = ok || std::find(s.begin(), s.end(), alt) != s.end();
            }
          }
          break;
        case rule_kind::body_types:
          for (const body* b : bodies) {
            for (const auto& m : b->members) ok = ok || net.get_actor(m).type == alt;
          }
          break;
        case rule_kind::body_topics:
          for (const body* b : bodies) {
            ok = ok || contains_keyword(b->topic.value_or("") + " " + b->name, alt);
          }
          break;
        case rule_kind::sectors_present:
          for (const auto& a : net.actors()) {
            ok = ok || std::find(a.sectors.begin(), a.sectors.end(), alt) != a.sectors.end();
          }
          break;
        case rule_kind::sectors_tied: {
          const auto bar = alt.find('|');
          ok = ok || tied_pairs.count({alt.substr(0, bar), alt.substr(bar + 1)}) > 0;
          break;
        }
        case rule_kind::body_exists: break;
      }
    }
    if (ok) ++met;
    else missing.push_back(item_name(i));
  }
  row.value = static_cast<double>(met) / static_cast<double>(ru.items.size());
  row.score = row.value * 100;
  row.passed = missing.empty();
  row.target = say("target_items", {std::to_string(ru.items.size()), std::to_string(ru.items.size())});
  const std::string body_name = ru.body ? body_label(*ru.body, lang) : "";
  if (ru.body && bodies.empty()) {
    row.explanation = say("no_body_missing", {body_name, join(missing)});
  } else if (row.passed && ru.items.size() == 1) {
    row.explanation = say("met_one", {});
  } else if (row.passed) {
    row.explanation = say("met_all", {std::to_string(ru.items.size())});
  } else {
    switch (ru.kind) {
      case rule_kind::body_sectors:
      case rule_kind::body_types:
        row.explanation = say("body_lacks_members", {body_name, join(missing)});
        break;
      case rule_kind::body_topics:
        row.explanation = say("body_lacks_topics", {body_name, join(missing)});
        break;
      case rule_kind::sectors_present:
        row.explanation = say("sectors_missing", {join(missing)});
        break;
      default:
        row.explanation = say("sectors_untied", {join(missing)});
        break;
    }
  }
  if (ru.kind == rule_kind::body_sectors || ru.kind == rule_kind::sectors_present || ru.kind == rule_kind::sectors_tied) {
    row.explanation += outside_taxonomy_note(net, lang);
  }
  return row;
}

ordered_json bilingual_json(const bilingual& b) { return {{"de", b.de}, {"en", b.en}}; }

ordered_json number_json(double v) { return std::isnan(v) ? ordered_json(nullptr) : ordered_json(v); }

}  // namespace

namespace {
scorecard build_scorecard(std::string_view text, const std::string& origin, const taxonomy& tax);
}  // namespace

scorecard parse_scorecard(std::string_view text, const std::string& origin, const taxonomy& tax) {
  try {
    return build_scorecard(text, origin, tax);
  } catch (const out_of_memory&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw out_of_memory("out of memory reading " + origin);
  }
}

namespace {
scorecard build_scorecard(std::string_view text, const std::string& origin, const taxonomy& tax) {
  const auto document = detail::parse_json_document(text, origin);  // freed without allocating
  const json& doc = document.root();
  const json_reader r{text, origin};
  r.check_header(doc, "healthnet-scorecard", "healthnet scorecard");
  check_known_fields(r, doc, "", {"$schema", "format", "version", "id", "name", "programme", "source", "indicators", "rules"});
  scorecard card;
  card.id = r.string_member(doc, "", "id", true);
  if (card.id.empty()) r.fail("/id", "scorecard id is empty");
  card.name = read_bilingual(r, doc, "", "name");
  card.programme = r.string_member(doc, "", "programme", false);
  card.source = r.string_member(doc, "", "source", false);
  std::set<std::string> ids;
  const json& indicators = r.member(doc, "", "indicators", value_t::array, false);
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const std::string path = "/indicators/" + std::to_string(i);
    auto ind = read_indicator(r, indicators[i], path);
    if (!ids.insert(ind.id).second) r.fail(path + "/id", "duplicate id '" + ind.id + "'");
    card.indicators.push_back(std::move(ind));
  }
  const json& rules = r.member(doc, "", "rules", value_t::array, false);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string path = "/rules/" + std::to_string(i);
    auto ru = read_rule(r, rules[i], path, tax);
    if (!ids.insert(ru.id).second) r.fail(path + "/id", "duplicate id '" + ru.id + "'");
    card.rules.push_back(std::move(ru));
  }
  if (card.indicators.empty() && card.rules.empty()) r.fail("", "a scorecard needs at least one indicator or rule");
  return card;
}
}  // namespace

scorecard read_scorecard(const std::string& path, const taxonomy& tax) {
  return parse_scorecard(detail::read_file(path), path, tax);
}

std::vector<std::string> builtin_scorecard_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, text] : detail::builtin_scorecard_texts()) ids.emplace_back(id);
  return ids;
}

scorecard builtin_scorecard(std::string_view id) {
  for (const auto& [name, text] : detail::builtin_scorecard_texts()) {
    if (name == id) return parse_scorecard(text, "scorecards/" + std::string(name) + ".json");
  }
  throw not_found("unknown scorecard '" + std::string(id) + "' (shipped: " + join(builtin_scorecard_ids()) + ")");
}

scorecard load_scorecard(const std::string& id_or_path, const taxonomy& tax) {
  for (const auto& [name, text] : detail::builtin_scorecard_texts()) {
    if (name == id_or_path) return builtin_scorecard(name);
  }
  if (id_or_path.find('/') == std::string::npos && id_or_path.find('.') == std::string::npos) {
    throw not_found("unknown scorecard '" + id_or_path + "' (shipped: " + join(builtin_scorecard_ids()) +
                    "; or give a file path)");
  }
  return read_scorecard(id_or_path, tax);
}

std::string to_json(const scorecard& card, int indent) {
  ordered_json doc;
  doc["format"] = "healthnet-scorecard";
  doc["version"] = 1;
  doc["id"] = card.id;
  doc["name"] = bilingual_json(card.name);
  doc["programme"] = card.programme;
  doc["source"] = card.source;
  ordered_json inds = ordered_json::array();
  for (const auto& i : card.indicators) {
    ordered_json j;
    j["id"] = i.id;
    j["metric"] = i.metric;
    j["by"] = i.by;
    j["label"] = bilingual_json(i.label);
    j["direction"] = direction_name(i.direction);
    if (i.direction == score_direction::band) {
      j["band"] = {i.band_low, i.band_high};
      j["tolerance"] = i.tolerance;
    } else {
      j["target"] = i.target;
      j["minimum"] = i.minimum;
    }
    j["weight"] = i.weight;
    j["source"] = i.source;
    inds.push_back(std::move(j));
  }
  doc["indicators"] = std::move(inds);
  ordered_json rules = ordered_json::array();
  for (const auto& ru : card.rules) {
    ordered_json j;
    j["id"] = ru.id;
    j["kind"] = kind_name(ru.kind);
    if (ru.body) j["body"] = std::string(to_string(*ru.body));
    if (ru.kind == rule_kind::body_exists) {
      j["min_count"] = ru.min_count;
      j["min_members"] = ru.min_members;
    } else {
      j["items"] = ru.items;
      if (!ru.item_labels.empty()) {
        ordered_json labels = ordered_json::array();
        for (const auto& l : ru.item_labels) labels.push_back(bilingual_json(l));
        j["item_labels"] = labels;
      }
    }
    j["label"] = bilingual_json(ru.label);
    j["weight"] = ru.weight;
    j["source"] = ru.source;
    rules.push_back(std::move(j));
  }
  doc["rules"] = std::move(rules);
  return doc.dump(indent, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

const std::string& bilingual::in(std::string_view lang) const {
  const std::string& wanted = detail::by_language(lang, de, en);
  return wanted.empty() ? detail::by_language(lang, en, de) : wanted;
}

scorecard_result evaluate(const scorecard& card, const network& net, std::string_view lang) {
  detail::check_language(lang);
  scorecard_result res;
  res.scorecard_id = card.id;
  res.region_id = net.region().id;
  res.region_name = net.region().name;
  res.lang = std::string(lang);
  for (std::size_t i = 0; i < card.indicators.size(); ++i) {
    res.rows.push_back(evaluate_indicator(card.indicators[i], i, card, net, lang));
  }
  for (const auto& ru : card.rules) res.rows.push_back(evaluate_rule(ru, net, lang));
  double sum = 0, weights = 0;
  for (const auto& r : res.rows) {
    sum += r.weight * r.score;
    weights += r.weight;
  }
  res.total = weights > 0 ? sum / weights : std::numeric_limits<double>::quiet_NaN();
  return res;
}

std::string to_json(const scorecard_result& result, int indent) {
  ordered_json doc;
  doc["scorecard"] = result.scorecard_id;
  doc["region"] = {{"id", result.region_id}, {"name", result.region_name}};
  doc["lang"] = result.lang;
  doc["total"] = number_json(result.total);
  ordered_json rows = ordered_json::array();
  for (const auto& r : result.rows) {
    rows.push_back({{"indicator", r.id},
                    {"kind", r.kind},
                    {"label", r.label},
                    {"value", number_json(r.value)},
                    {"target", r.target},
                    {"score", number_json(r.score)},
                    {"weight", r.weight},
                    {"passed", r.passed},
                    {"explanation", r.explanation},
                    {"source", r.source}});
  }
  doc["rows"] = std::move(rows);
  return doc.dump(indent, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace healthnet
