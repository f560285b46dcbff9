// SPDX-License-Identifier: MIT
// The commands of the healthnet tool.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <healthnet/centrality.hpp>
#include <healthnet/composition.hpp>
#include <healthnet/detail/file_io.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/example.hpp>
#include <healthnet/io.hpp>
#include <healthnet/profile.hpp>

#include "cli.hpp"

namespace healthnet::cli {

namespace {


const std::vector<std::string> input_value_options = {"--actors", "--ties", "--sector", "--weight"};
const std::vector<std::string> input_flags = {"--undirected", "--allow-self-loops", "--example", "--example-2022", "--help", "-h"};

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

enum class file_format { json, graphml };

file_format format_of(const std::string& path) {
  if (ends_with_nocase(path, ".json")) return file_format::json;
  if (ends_with_nocase(path, ".graphml") || ends_with_nocase(path, ".xml")) return file_format::graphml;
  throw usage_error("cannot tell the format of '" + path + "' from its extension (expected .json or .graphml)");
}

bool wants_help(const arguments& args, const char* text) {
  if (!args.flag("--help") && !args.flag("-h")) return false;
  std::fputs(text, stdout);
  return true;
}

std::string format_value(double v) {
  if (std::isnan(v)) return "nan";
  if (v == std::floor(v) && std::abs(v) < 1e15) return detail::format_number(v);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

/// Describes the input for messages: the file, or the CSV pair.
std::string input_name(const arguments& args, const std::string& path) {
  if (!path.empty()) return path;
  if (args.flag("--example")) return "example region";
  if (args.flag("--example-2022")) return "example region, wave 2022";
  return args.option("--actors").value_or("") + " + " + args.option("--ties").value_or("");
}

}  // namespace

const char* const input_help = R"(input (one of):
  FILE                  a healthnet JSON (.json) or GraphML (.graphml, .xml) file
  --actors A --ties T   an actors CSV and a ties CSV
      --undirected        ties are symmetric (default: directed nominations)
      --sector COLUMN     actors column with the primary sector (default: sector)
      --weight COLUMN     ties column with the weight (default: none, all 1)
  --example             the built-in example region "Landkreis Musterstadt"
  --example-2022        its earlier wave (2022), for comparisons
  --allow-self-loops    accept ties from an actor to itself
)";

bool arguments::flag(const std::string& name) const {
  return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> arguments::option(const std::string& name) const {
  const auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

arguments parse_arguments(const std::vector<std::string>& args, const std::vector<std::string>& value_options,
                          const std::vector<std::string>& flag_options) {
  arguments out;
  auto known = [](const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    std::string value;
    bool inline_value = false;
    if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
      value = a.substr(a.find('=') + 1);
      a = a.substr(0, a.find('='));
      inline_value = true;
    }
    if (known(value_options, a)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) throw usage_error("option " + a + " needs a value");
        value = args[++i];
      }
      if (out.options.count(a)) throw usage_error("option " + a + " given twice");
      out.options[a] = value;
    } else if (known(flag_options, a) && !inline_value) {
      out.flags.push_back(a);
    } else if (a.size() > 1 && a[0] == '-') {
      throw usage_error("unknown option '" + args[i] + "'");
    } else {
      out.positional.push_back(a);
    }
  }
  return out;
}

network load_network(const arguments& args, const std::string& path) {
  const bool csv = args.option("--actors") || args.option("--ties");
  const bool example = args.flag("--example"), earlier = args.flag("--example-2022");
  if (static_cast<int>(csv) + static_cast<int>(example) + static_cast<int>(earlier) + static_cast<int>(!path.empty()) != 1) {
    throw usage_error("give exactly one input: FILE, --actors A --ties T, --example or --example-2022");
  }
  if (example) return example_region();
  if (earlier) return example_region_earlier();
  if (csv) {
    if (!args.option("--actors") || !args.option("--ties")) throw usage_error("--actors and --ties go together");
    csv_options o;
    o.directed = !args.flag("--undirected");
    o.sector = args.option("--sector").value_or("sector");
    o.weight = args.option("--weight").value_or("");
    o.allow_self_loops = args.flag("--allow-self-loops");
    return read_csv(*args.option("--actors"), *args.option("--ties"), o);
  }
  if (args.option("--sector") || args.option("--weight") || args.flag("--undirected")) {
    throw usage_error("--sector, --weight and --undirected apply to CSV input only");
  }
  const read_options o{args.flag("--allow-self-loops")};
  return format_of(path) == file_format::json ? read_json(path, o) : read_graphml(path, o);
}

int run_validate(const std::vector<std::string>& raw) {
  static const std::string help = std::string(R"(usage: healthnet validate FILE
       healthnet validate --actors A --ties T [--undirected] [--sector COL] [--weight COL]

Reads the network and reports the first problem with its file, line and field.
Exit code 0 when the input is valid, 1 when it is not.

)") + input_help;
  const auto args = parse_arguments(raw, input_value_options, input_flags);
  if (wants_help(args, help.c_str())) return 0;
  if (args.positional.size() > 1) throw usage_error("validate takes one FILE");
  const std::string path = args.positional.empty() ? "" : args.positional.front();
  const network net = load_network(args, path);
  std::printf("ok: %s: %zu actors, %zu ties, %zu bodies, %s\n", show(input_name(args, path)).c_str(), net.n_actors(),
              net.n_ties(), net.n_bodies(), net.directed() ? "directed" : "undirected");
  return 0;
}

int run_metrics(const std::vector<std::string>& raw) {
  static const std::string help = std::string(R"(usage: healthnet metrics FILE [--format table|json]
       healthnet metrics --example [--format table|json]
       healthnet metrics --actors A --ties T [--format table|json]

Prints the whole-network metrics (the profile) and the actors per sector.

options:
  --format table|json   output format (default: table)
  --by GROUPING         also print the group measures (sector coverage, E-I,
                        block densities, assortativity, brokerage, bridges,
                        gaps, communities) by "sector" or an actor attribute
  --exact               compute betweenness centralization exactly even on
                        large networks (n*m > 2e9: estimated from 512 pivots)

)") + input_help;
  const auto args = parse_arguments(raw, concat(input_value_options, {"--format", "--by"}), concat(input_flags, {"--exact"}));
  if (wants_help(args, help.c_str())) return 0;
  if (args.positional.size() > 1) throw usage_error("metrics takes one FILE");
  const std::string format = args.option("--format").value_or("table");
  if (format != "table" && format != "json") throw usage_error("--format must be table or json, not '" + format + "'");
  const std::string path = args.positional.empty() ? "" : args.positional.front();
  const network net = load_network(args, path);
  // Everything is computed before anything is printed (Ctrl-C: no partial output).
  std::optional<betweenness_estimate_scope> estimate;
  if (!args.flag("--exact")) estimate.emplace();
  set_step("metrics");
  const auto entries = profile(net);
  const betweenness_estimate estimated = betweenness_estimate_scope::last();
  const auto sectors = sector_counts(net);
  const region_info& r = net.region();
  set_step("group measures");
  std::optional<nlohmann::ordered_json> group_json;
  std::function<void()> print_groups;
  if (args.option("--by")) {
    if (format == "json") group_json = group_report_json(net, *args.option("--by"));
    else print_groups = group_report_printer(net, *args.option("--by"));
  }
  set_step(nullptr);
  const std::string estimate_note =
      estimated.estimated ? "betweenness_centralization estimated from " + std::to_string(estimated.pivots) +
                                " pivots (standard error " + fixed(estimated.std_error, 4) + "); --exact computes it exactly"
                          : "";

  if (format == "json") {
    nlohmann::ordered_json doc;
    doc["input"] = input_name(args, path);
    nlohmann::ordered_json region = nlohmann::ordered_json::object();
    if (!r.id.empty()) region["id"] = r.id;
    if (!r.name.empty()) region["name"] = r.name;
    if (!r.state.empty()) region["state"] = r.state;
    if (r.population) region["population"] = *r.population;
    if (!r.wave.empty()) region["wave"] = r.wave;
    doc["region"] = region;
    doc["directed"] = net.directed();
    nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
    for (const auto& e : entries) metrics[e.name] = e.value;
    doc["metrics"] = metrics;
    if (estimated.estimated) {
      doc["estimated"] = {{"betweenness_centralization",
                           {{"pivots", estimated.pivots}, {"std_error", json_number(estimated.std_error)}, {"note", estimate_note}}}};
    }
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& [s, n] : sectors) counts[s] = n;
    doc["actors_per_sector"] = counts;
    if (group_json) doc["groups"] = std::move(*group_json);
    std::printf("%s\n", doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return 0;
  }

  std::string title = r.name.empty() ? input_name(args, path) : r.name;
  if (!r.state.empty()) title += " (" + r.state + ")";
  if (!r.wave.empty()) title += ", wave " + r.wave;
  std::printf("%s\n%s network\n\n", show(title).c_str(), net.directed() ? "directed" : "undirected");
  std::size_t width = 6;
  for (const auto& e : entries) width = std::max(width, show(e.name).size());
  std::printf("%-*s  %s\n", static_cast<int>(width), "metric", "value");
  for (const auto& e : entries) {
    std::printf("%-*s  %s\n", static_cast<int>(width), show(e.name).c_str(), format_value(e.value).c_str());
  }
  if (!estimate_note.empty()) std::printf("note: %s\n", estimate_note.c_str());
  std::size_t swidth = 6;
  for (const auto& [s, n] : sectors) swidth = std::max(swidth, show(s).size());
  std::printf("\n%-*s  %6s  %s\n", static_cast<int>(swidth), "sector", "actors", "label");
  for (const auto& [s, n] : sectors) {
    std::printf("%-*s  %6zu  %s\n", static_cast<int>(swidth), show(s).c_str(), n,
                net.sector_taxonomy().contains(s) ? show(net.sector_taxonomy().label(s, "de")).c_str() : "");
  }
  if (print_groups) print_groups();
  return 0;
}

int run_convert(const std::vector<std::string>& raw) {
  static const std::string help = std::string(R"(usage: healthnet convert IN OUT
       healthnet convert IN ACTORS.csv TIES.csv
       healthnet convert --actors A --ties T OUT
       healthnet convert --example OUT
       healthnet convert --example-2022 OUT

Converts a network; formats are chosen by extension (.json = healthnet JSON,
.graphml/.xml = GraphML, two .csv files = a CSV pair: read it back with
--weight weight). Each output is written atomically and never over an input.
CSV cells that a spreadsheet would run as a formula get a leading ' (see
docs/format.md).

)") + input_help;
  const auto args = parse_arguments(raw, input_value_options, input_flags);
  if (wants_help(args, help.c_str())) return 0;
  const bool generated =
      args.option("--actors") || args.option("--ties") || args.flag("--example") || args.flag("--example-2022");
  const auto& pos = args.positional;
  const std::size_t ins = generated ? 0 : 1;
  const bool csv_out = pos.size() == ins + 2 && ends_with_nocase(pos[ins], ".csv") && ends_with_nocase(pos[ins + 1], ".csv");
  if (pos.size() != ins + 1 && !csv_out) {
    throw usage_error(generated ? "convert with --actors/--ties or --example takes one OUT file (or two .csv files)"
                                : "convert takes IN and OUT (or IN and two .csv files)");
  }
  const std::string in = generated ? "" : pos[0];
  const std::vector<std::string> outs(pos.begin() + static_cast<std::ptrdiff_t>(ins), pos.end());
  const file_format out_format = csv_out ? file_format::json : format_of(outs[0]);
  if (csv_out && (outs[0] == outs[1] || detail::same_file(outs[0], outs[1]))) {
    throw usage_error("the actors and ties outputs are the same file '" + outs[0] + "'");
  }
  for (const auto& out : outs) {
    for (const auto& input : {in, args.option("--actors").value_or(""), args.option("--ties").value_or("")}) {
      if (!input.empty() && (input == out || detail::same_file(input, out))) {
        throw usage_error("refusing to write over the input file '" + input + "'");
      }
    }
  }
  const network net = load_network(args, in);
  if (csv_out) write_csv(net, outs[0], outs[1]);
  else if (out_format == file_format::json) write_json(net, outs[0]);
  else write_graphml(net, outs[0]);
  std::string names = show(outs[0]);
  if (csv_out) names += " and " + show(outs[1]);
  std::printf("wrote %s: %zu actors, %zu ties, %zu bodies\n", names.c_str(), net.n_actors(), net.n_ties(),
              net.n_bodies());
  return 0;
}

}  // namespace healthnet::cli
