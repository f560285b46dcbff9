// SPDX-License-Identifier: MIT
// `healthnet score` and `healthnet compare`.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>
#include <string>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <healthnet/compare.hpp>
#include <healthnet/scorecard.hpp>

#include "cli.hpp"

namespace healthnet::cli {

namespace {

using ordered_json = nlohmann::ordered_json;

// A Markdown table cell: `|` escaped, a line break as a space, controls as by show().
std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return show(out);
}

std::size_t passed_rows(const scorecard_result& r) {
  return static_cast<std::size_t>(std::count_if(r.rows.begin(), r.rows.end(), [](const score_row& x) { return x.passed; }));
}

void print_detail(const scorecard_result& r, bool markdown) {
  if (markdown) {
    std::printf("| indicator | kind | value | target | score | weight | met | explanation |\n");
    std::printf("|---|---|---:|---|---:|---:|:-:|---|\n");
    for (const auto& row : r.rows) {
      std::printf("| %s | %s | %s | %s | %s | %g | %s | %s |\n", md_escape(row.label).c_str(), md_escape(row.kind).c_str(),
                  fixed(row.value, 3).c_str(), md_escape(row.target).c_str(), fixed(row.score, 0).c_str(), row.weight,
                  row.passed ? "yes" : "no", md_escape(row.explanation).c_str());
    }
    return;
  }
  for (const auto& row : r.rows) {
    std::printf("  %s %s %8s  %s %5s  %s\n", row.passed ? "[x]" : "[ ]", fit(row.label, 44).c_str(),
                fixed(row.value, 3).c_str(), fit(row.target, 24).c_str(), fixed(row.score, 0).c_str(), show(row.explanation).c_str());
  }
}

struct score_args {
  std::vector<std::string> regions;
  std::string scorecard;
  std::string format{"table"};
  std::string lang{"en"};
  bool example{false};
};

int run_score(const score_args& args) {
  const std::string& format = args.format;
  const std::string& lang = args.lang;
  if (args.regions.empty() && !args.example) throw usage_error("score needs at least one REGION file");
  const scorecard card = load_scorecard(args.scorecard);

  std::vector<std::string> inputs = args.regions;
  if (args.example) inputs.insert(inputs.begin(), "");
  const bool progress = inputs.size() > 1 && ::isatty(STDERR_FILENO);
  std::vector<scorecard_result> results;
  results.reserve(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const network net = inputs[i].empty() ? load_network(input_args{.example = true}) : load_file(inputs[i]);
    results.push_back(evaluate(card, net, lang));
    if (results.back().region_id.empty()) results.back().region_id = inputs[i].empty() ? "example" : inputs[i];
    if (progress) std::fprintf(stderr, "\rscoring %zu/%zu regions", i + 1, inputs.size());
  }
  if (progress) std::fprintf(stderr, "\n");
  std::vector<std::size_t> order(results.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double x = std::isnan(results[a].total) ? -1 : results[a].total;
    const double y = std::isnan(results[b].total) ? -1 : results[b].total;
    return x > y;
  });
  // Competition ranking: equal totals share a rank.
  std::vector<std::size_t> rank(results.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = (i > 0 && results[order[i]].total == results[order[i - 1]].total) ? rank[order[i - 1]] : i + 1;
  }

  if (format == "json") {
    ordered_json doc;
    doc["scorecard"] = card.id;
    doc["lang"] = lang;
    ordered_json ranking = ordered_json::array();
    for (auto i : order) {
      ordered_json entry = ordered_json::parse(to_json(results[i], -1));
      entry["rank"] = rank[i];
      ranking.push_back(std::move(entry));
    }
    doc["ranking"] = std::move(ranking);
    std::printf("%s\n", doc.dump(2, ' ', false, ordered_json::error_handler_t::replace).c_str());
    return 0;
  }
  const bool md = format == "md";
  const std::string& name = card.name.in(lang);
  if (md) {
    std::printf("# %s: %s\n\n", lang == "de" ? "Bewertung" : "Scorecard", md_escape(name).c_str());
    std::printf("| rank | region | name | total | met |\n|---:|---|---|---:|---:|\n");
    for (auto i : order) {
      const auto& r = results[i];
      std::printf("| %zu | %s | %s | %s | %zu/%zu |\n", rank[i], md_escape(r.region_id).c_str(),
                  md_escape(r.region_name).c_str(), fixed(r.total, 1).c_str(), passed_rows(r), r.rows.size());
    }
  } else {
    std::printf("scorecard %s: %s\n\n", show(card.id).c_str(), show(name).c_str());
    std::printf("%5s  %-20s %-36s %7s  %s\n", "rank", "region", "name", "total", "met");
    for (auto i : order) {
      const auto& r = results[i];
      std::printf("%5zu  %s %s %7s  %zu/%zu\n", rank[i], fit(r.region_id, 20).c_str(), fit(r.region_name, 36).c_str(),
                  fixed(r.total, 1).c_str(), passed_rows(r), r.rows.size());
    }
  }
  if (results.size() == 1) {
    std::printf(md ? "\n## %s\n\n" : "\n%s\n", lang == "de" ? "Einzelergebnisse" : "Details");
    print_detail(results.front(), md);
  }
  return 0;
}

struct compare_args {
  std::string earlier, later;
  std::string format{"table"};
};

int run_compare(const compare_args& args) {
  const std::string& format = args.format;
  const network before = load_file(args.earlier);
  const network after = load_file(args.later);
  const wave_comparison c = compare(before, after);

  if (format == "json") {
    ordered_json doc;
    doc["earlier"] = args.earlier;
    doc["later"] = args.later;
    doc["joined"] = c.joined;
    doc["left"] = c.left;
    doc["actors_kept"] = c.actors_kept;
    doc["ties_formed"] = c.ties_formed;
    doc["ties_dissolved"] = c.ties_dissolved;
    doc["ties_kept"] = c.ties_kept;
    ordered_json changed = ordered_json::array();
    for (const auto& t : c.ties_changed) {
      changed.push_back({{"source", t.source}, {"target", t.target}, {"relations_added", t.relations_added},
                         {"relations_removed", t.relations_removed}, {"weight_before", t.weight_before},
                         {"weight_after", t.weight_after}});
    }
    doc["ties_changed"] = changed;
    ordered_json metrics = ordered_json::object();
    for (const auto& m : c.metrics) {
      metrics[m.name] = {{"before", json_number(m.before)}, {"after", json_number(m.after)}, {"delta", json_number(m.delta)}};
    }
    doc["metrics"] = metrics;
    doc["sectors_newly_connected"] = c.sectors_newly_connected;
    doc["sectors_disconnected"] = c.sectors_disconnected;
    doc["sectors_newly_present"] = c.sectors_newly_present;
    std::printf("%s\n", doc.dump(2, ' ', false, ordered_json::error_handler_t::replace).c_str());
    return 0;
  }
  const bool md = format == "md";
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size() && i < 20; ++i) s += (s.empty() ? "" : ", ") + v[i];
    if (v.size() > 20) s += ", ... (" + std::to_string(v.size()) + ")";
    return s.empty() ? std::string("-") : show(s);
  };
  auto pairs = [](const std::vector<std::pair<std::string, std::string>>& v) {
    std::string s;
    for (const auto& [a, b] : v) s += (s.empty() ? "" : ", ") + a + " - " + b;
    return s.empty() ? std::string("-") : show(s);
  };
  if (md) {
    std::printf("# Wave comparison\n\n%s → %s\n\n| | count |\n|---|---:|\n", show(args.earlier).c_str(),
                show(args.later).c_str());
  } else {
    std::printf("wave comparison: %s -> %s\n\n", show(args.earlier).c_str(), show(args.later).c_str());
  }
  const std::pair<const char*, std::size_t> counts[] = {
      {"actors joined", c.joined.size()},   {"actors left", c.left.size()},         {"actors kept", c.actors_kept},
      {"ties formed", c.ties_formed.size()}, {"ties dissolved", c.ties_dissolved.size()}, {"ties kept", c.ties_kept},
      {"ties changed", c.ties_changed.size()}};
  for (const auto& [label, n] : counts) std::printf(md ? "| %s | %zu |\n" : "  %-16s %6zu\n", label, n);
  std::printf(md ? "\n**joined:** %s\n\n**left:** %s\n\n" : "\n  joined: %s\n  left:   %s\n", list(c.joined).c_str(),
              list(c.left).c_str());
  std::printf(md ? "**sector pairs newly connected:** %s\n\n**sector pairs no longer connected:** %s\n\n"
                 : "  sector pairs newly connected:      %s\n  sector pairs no longer connected:  %s\n",
              pairs(c.sectors_newly_connected).c_str(), pairs(c.sectors_disconnected).c_str());
  std::printf(md ? "| metric | before | after | delta |\n|---|---:|---:|---:|\n" : "\n  %-28s %10s %10s %10s\n", "metric",
              "before", "after", "delta");
  for (const auto& m : c.metrics) {
    std::printf(md ? "| %s | %s | %s | %s |\n" : "  %-28s %10s %10s %10s\n", show(m.name).c_str(), fixed(m.before, 4).c_str(),
                fixed(m.after, 4).c_str(), fixed(m.delta, 4).c_str());
  }
  return 0;
}

}  // namespace

command add_score(CLI::App& app) {
  auto* sub = app.add_subcommand("score");
  // First line: the summary in the list of commands; the rest: the help text.
  sub->description("score and rank regions against a programme scorecard\n"
      "Scores one or more regions (healthnet JSON or GraphML files) against a programme\n"
      "scorecard and ranks them, best first. Progress is shown on stderr when it is a\n"
      "terminal and several regions are scored.");
  auto args = std::make_shared<score_args>();
  sub->add_option("REGION", args->regions, "healthnet JSON or GraphML files of the regions");
  sub->add_option("--scorecard", args->scorecard, "niedersachsen, bayern, hessen, network, or a scorecard file")
      ->type_name("NAME|FILE")->required();
  sub->add_option("--format", args->format, "output format")
      ->type_name("FORMAT")->check(CLI::IsMember({"table", "json", "md"}))->capture_default_str();
  sub->add_option("--lang", args->lang, "language of labels and explanations")
      ->type_name("LANG")->check(CLI::IsMember({"de", "en"}))->capture_default_str();
  sub->add_flag("--example", args->example, "score the built-in example region (instead of files)");
  return {sub, [args] { return run_score(*args); }};
}

command add_compare(CLI::App& app) {
  auto* sub = app.add_subcommand("compare");
  // First line: the summary in the list of commands; the rest: the help text.
  sub->description("compare two waves of a region\n"
      "Compares two waves of a region (healthnet JSON or GraphML): actors who joined\n"
      "or left, ties formed, dissolved or changed, metric deltas and sector pairs\n"
      "newly connected.");
  auto args = std::make_shared<compare_args>();
  sub->add_option("EARLIER", args->earlier, "the earlier wave")->required();
  sub->add_option("LATER", args->later, "the later wave")->required();
  sub->add_option("--format", args->format, "output format")
      ->type_name("FORMAT")->check(CLI::IsMember({"table", "json", "md"}))->capture_default_str();
  return {sub, [args] { return run_compare(*args); }};
}

}  // namespace healthnet::cli
