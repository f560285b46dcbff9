// SPDX-License-Identifier: MIT
// `healthnet report`: the region report as HTML, Markdown or JSON.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include <healthnet/detail/file_io.hpp>
#include <healthnet/report.hpp>
#include <healthnet/scorecard.hpp>

#include "cli.hpp"

namespace healthnet::cli {

namespace {

// The seed as written: CLI11 2.1 converts "-1" (to 2^64 - 1) and numbers
// beyond 2^64 into an unsigned integer without complaint.
std::string check_seed(std::string& text) {
  std::uint64_t seed = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
    return "must be an integer from 0 to 2^64-1, not '" + text + "'";
  }
  return {};
}

struct report_args {
  input_args in;
  std::string output;
  std::string format;  // empty: from the extension of the output
  std::string lang{"de"};
  std::string scorecard;
  std::string earlier;
  std::uint64_t seed{1};
  bool exact{false};
};

int run_report(const report_args& args) {
  const input_args& in = args.in;
  const std::string& out = args.output;
  // One rule for the CLI and Python: healthnet::report_format_for.
  const std::string format = report_format_for(out, args.format);
  const std::string& lang = args.lang;

  report_options options;
  options.lang = lang;
  options.seed = args.seed;
  if (!out.empty()) {
    std::vector<std::string> inputs = input_files(in);
    if (!args.earlier.empty()) inputs.push_back(args.earlier);
    for (const std::string& input : inputs) {
      if (input == out || detail::same_file(input, out)) {
        throw usage_error("refusing to write over the input file '" + input + "'");
      }
    }
    if (!args.scorecard.empty() && detail::same_file(args.scorecard, out)) {
      throw usage_error("refusing to write over the input file '" + args.scorecard + "'");
    }
  }

  std::vector<data_note> notes;
  const network net = load_network(in, &notes);
  for (const auto& n : notes) options.reading_notes.push_back(n.text());
  if (!args.scorecard.empty()) options.card = load_scorecard(args.scorecard);
  std::optional<network> earlier;
  if (!args.earlier.empty()) {
    earlier = load_file(args.earlier);
    options.earlier = &*earlier;
  }
  std::optional<betweenness_estimate_scope> estimate;
  if (!args.exact) estimate.emplace();
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

}  // namespace

command add_report(CLI::App& app) {
  auto* sub = app.add_subcommand("report");
  // First line: the summary in the list of commands; the rest: the help text.
  sub->description("write the region report (HTML, Markdown or JSON)\n"
      "Writes the region report: summary, scorecard, sector coverage, network\n"
      "drawing, block densities between sectors, brokers, gaps between sectors and,\n"
      "with --compare, the comparison with an earlier wave. The HTML report is one\n"
      "self-contained file (inline CSS and SVG, no scripts, no network access).");
  auto args = std::make_shared<report_args>();
  add_input_options(*sub, args->in);
  sub->add_option("-o,--output", args->output,
                  "write the report to OUT (atomically, never over an input file); default: standard output")
      ->type_name("OUT");
  sub->add_option("--format", args->format,
                  "output format (default: from the extension of OUT (.html/.htm, .md/.markdown, .json), else html)")
      ->type_name("FORMAT")->check(CLI::IsMember({"html", "md", "markdown", "json"}, CLI::ignore_case));
  sub->add_option("--lang", args->lang, "language of the report")
      ->type_name("LANG")->check(CLI::IsMember({"de", "en"}))->capture_default_str();
  sub->add_option("--scorecard", args->scorecard,
                  "niedersachsen, bayern, hessen, network, or a scorecard file (default: network)")
      ->type_name("NAME|FILE");
  sub->add_option("--compare,--earlier", args->earlier,
                  "an earlier wave of the region (.json or .graphml): adds the wave comparison")
      ->type_name("EARLIER");
  sub->add_option("--seed", args->seed, "seed of the network layout")
      ->type_name("N")->check(CLI::Validator(check_seed, ""))->capture_default_str();
  sub->add_flag("--exact", args->exact,
                "betweenness centralization exactly even on large networks (n*m > 2e9: estimated from 512 pivots, "
                "with a note giving the standard error)");
  return {sub, [args] { return run_report(*args); }};
}

}  // namespace healthnet::cli
