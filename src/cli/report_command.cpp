// SPDX-License-Identifier: MIT
// `healthnet report`: the region report as HTML, Markdown or JSON.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>

#include <healthnet/detail/file_io.hpp>
#include <healthnet/report.hpp>
#include <healthnet/scorecard.hpp>

#include "cli.hpp"

namespace healthnet::cli {

namespace {

constexpr const char* report_help = R"(usage: healthnet report FILE [options]
       healthnet report --example [options]
       healthnet report --actors A --ties T [options]

Writes the region report: summary, scorecard, sector coverage, network
drawing, block densities between sectors, brokers, gaps between sectors and,
with --compare, the comparison with an earlier wave. The HTML report is one
self-contained file (inline CSS and SVG, no scripts, no network access).

options:
  -o, --output OUT           write the report to OUT (atomically, never over an
                             input file); default: standard output
  --format html|md|json      output format (default: from the extension of OUT
                             (.html/.htm, .md, .json), else html)
  --lang de|en               language of the report (default: de)
  --scorecard NAME|FILE      niedersachsen, bayern, hessen, network, or a
                             scorecard file (default: network)
  --compare EARLIER          an earlier wave of the region (.json or .graphml):
                             adds the wave comparison (also: --earlier)
  --seed N                   seed of the network layout (default: 1)
  --exact                    betweenness centralization exactly even on large
                             networks (n*m > 2e9: estimated from 512 pivots,
                             with a note giving the standard error)

)";

// One rule for the CLI and Python: healthnet::report_format_for.
std::string output_format(const arguments& args, const std::string& out) {
  const auto f = args.option("--format");
  return report_format_for(out, f ? std::string_view(*f) : std::string_view());
}

std::uint64_t parse_seed(const std::string& text) {
  std::uint64_t seed = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
    throw usage_error("--seed must be a non-negative integer, not '" + text + "'");
  }
  return seed;
}

}  // namespace

int run_report(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(
      raw,
      {"--actors", "--ties", "--sector", "--weight", "--output", "-o", "--format", "--lang", "--scorecard", "--earlier",
       "--compare", "--seed"},
      {"--undirected", "--allow-self-loops", "--example", "--example-2022", "--help", "-h", "--exact"});
  if (args.flag("--help") || args.flag("-h")) {
    std::fputs((std::string(report_help) + input_help).c_str(), stdout);
    return 0;
  }
  if (args.positional.size() > 1) throw usage_error("report takes one FILE");
  if (args.option("--earlier") && args.option("--compare")) throw usage_error("give --compare or --earlier, not both");
  // --compare EARLIER is the documented name; --earlier is accepted as well.
  const std::optional<std::string> earlier_file = args.option("--compare") ? args.option("--compare") : args.option("--earlier");
  if (args.option("--output") && args.option("-o")) throw usage_error("give --output or -o, not both");
  const std::string out = args.option("--output").value_or(args.option("-o").value_or(""));
  const std::string format = output_format(args, out);
  const std::string lang = args.option("--lang").value_or("de");
  if (lang != "de" && lang != "en") throw usage_error("--lang must be de or en, not '" + lang + "'");
  const std::string path = args.positional.empty() ? "" : args.positional.front();

  report_options options;
  options.lang = lang;
  if (const auto seed = args.option("--seed")) options.seed = parse_seed(*seed);
  if (!out.empty()) {
    for (const std::string& input : {path, args.option("--actors").value_or(""), args.option("--ties").value_or(""),
                                     earlier_file.value_or("")}) {
      if (!input.empty() && (input == out || detail::same_file(input, out))) {
        throw usage_error("refusing to write over the input file '" + input + "'");
      }
    }
    if (const auto card = args.option("--scorecard"); card && detail::same_file(*card, out)) {
      throw usage_error("refusing to write over the input file '" + *card + "'");
    }
  }

  const network net = load_network(args, path);
  if (const auto card = args.option("--scorecard")) options.card = load_scorecard(*card);
  std::optional<network> earlier;
  if (const auto& file = earlier_file) {
    earlier = load_network(arguments{}, *file);
    options.earlier = &*earlier;
  }
  std::optional<betweenness_estimate_scope> estimate;
  if (!args.flag("--exact")) estimate.emplace();
  set_step("report");
  const region_report report = build_report(net, options);
  set_step(nullptr);
  if (!report.betweenness_note.empty()) std::fprintf(stderr, "healthnet: note: %s\n", report.betweenness_note.c_str());
  std::string text = format == "html" ? to_html(net, report) : format == "md" ? to_markdown(net, report) : to_json(report);
  if (out.empty()) {
    write_stdout(text);
    return 0;
  }
  detail::write_file_atomically(out, text);
  std::printf("wrote %s: %s report (%s) on %zu actors, %zu ties\n", show(out).c_str(), format.c_str(), lang.c_str(),
              net.n_actors(), net.n_ties());
  return 0;
}

}  // namespace healthnet::cli
