// SPDX-License-Identifier: MIT
// The commands of the healthnet tool.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <healthnet/centrality.hpp>
#include <healthnet/cohesion.hpp>
#include <healthnet/density.hpp>
#include <healthnet/composition.hpp>
#include <healthnet/detail/file_io.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/example.hpp>
#include <healthnet/io.hpp>
#include <healthnet/layers.hpp>
#include <healthnet/profile.hpp>
#include <healthnet/response.hpp>
#include <healthnet/sensitivity.hpp>
#include <healthnet/symmetrize.hpp>

#include "cli.hpp"

namespace healthnet::cli {

namespace {


enum class file_format { json, graphml };

file_format format_of(const std::string& path) {
  if (ends_with_nocase(path, ".json")) return file_format::json;
  if (ends_with_nocase(path, ".graphml") || ends_with_nocase(path, ".xml")) return file_format::graphml;
  throw usage_error("cannot tell the format of '" + path + "' from its extension (expected .json or .graphml)");
}

std::string format_value(double v) {
  if (std::isnan(v)) return "nan";
  if (v == std::floor(v) && std::abs(v) < 1e15) return detail::format_number(v);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

/// Describes the input for messages: the file, or the CSV pair.
std::string input_name(const input_args& in) {
  if (!in.file.empty()) return in.file;
  if (in.example) return "example region";
  if (in.example_2022) return "example region, wave 2022";
  if (!in.survey.empty()) return in.actors.empty() ? in.survey : in.survey + " + " + in.actors;
  if (!in.matrix.empty()) return in.actors.empty() ? in.matrix : in.matrix + " + " + in.actors;
  return in.actors + " + " + in.ties;
}

}  // namespace

void add_input_options(CLI::App& app, input_args& in, bool file_positional) {
  const std::string group = std::string("input (one of ") + (file_positional ? "FILE" : "IN") +
                            ", --actors/--ties, --survey, --matrix, --example[-2022])";
  std::vector<CLI::Option*> sources;
  if (file_positional) {
    sources.push_back(app.add_option("FILE", in.file, "a healthnet JSON (.json) or GraphML (.graphml, .xml) file"));
  }
  auto* actors = app.add_option("--actors", in.actors, "an actors CSV (with --ties; the roster with --survey/--matrix)")
                     ->type_name("A")->group(group);
  auto* ties = app.add_option("--ties", in.ties, "a ties CSV (with --actors)")->type_name("T")->group(group);
  ties->needs(actors);
  auto* survey = app.add_option("--survey", in.survey,
                                "a long roster-survey export CSV: one row per respondent and partner (docs/survey.md)")
                     ->type_name("S")->group(group);
  auto* matrix = app.add_option("--matrix", in.matrix, "a square labelled adjacency matrix CSV (docs/survey.md)")
                     ->type_name("M")->group(group);
  auto* example =
      app.add_flag("--example", in.example, "the built-in example region \"Landkreis Musterstadt\"")->group(group);
  auto* earlier =
      app.add_flag("--example-2022", in.example_2022, "its earlier wave (2022), for comparisons")->group(group);
  // Pairwise exclusion of the sources (--actors stands for the CSV pair; it
  // also names the roster of --survey and --matrix).
  sources.insert(sources.end(), {actors, example, earlier});
  for (std::size_t i = 0; i < sources.size(); ++i) {
    for (std::size_t j = i + 1; j < sources.size(); ++j) sources[i]->excludes(sources[j]);
  }
  for (auto* other : sources) {
    if (other == actors) continue;
    survey->excludes(other);
    matrix->excludes(other);
  }
  survey->excludes(matrix)->excludes(ties);
  matrix->excludes(ties);
  ties->excludes(example)->excludes(earlier);
  if (file_positional) ties->excludes(sources.front());
  // Options of the table inputs; each needs --actors, --survey or --matrix.
  std::vector<CLI::Option*> table;
  const std::string csv = "CSV input";
  table.push_back(app.add_flag("--undirected", in.undirected, "ties are symmetric (default: directed nominations)")
      ->group(csv));
  table.push_back(app.add_option("--id", in.columns.id, "actors column with the actor id")
      ->type_name("COLUMN")->capture_default_str()->group(csv));
  table.push_back(app.add_option("--name", in.columns.name, "actors column with the display name")
      ->type_name("COLUMN")->capture_default_str()->group(csv));
  table.push_back(app.add_option("--respondent", in.columns.respondent,
                                 "actors column: answered the survey (true/false, blank); with --survey: the "
                                 "respondent's id column")
      ->type_name("COLUMN")->capture_default_str()->group(csv));
  table.push_back(app.add_option("--sector", in.columns.sector, "actors column with the primary sector")
      ->type_name("COLUMN")->capture_default_str()->group(csv));
  table.push_back(app.add_option("--source", in.columns.source, "ties column with the nominating actor")
      ->type_name("COLUMN")->capture_default_str()->group(csv));
  table.push_back(app.add_option("--target", in.columns.target, "ties column with the nominated actor")
      ->type_name("COLUMN")->capture_default_str()->group(csv));
  table.push_back(app.add_option("--weight", in.columns.weight,
                                 "ties column with the weight (without it every weight is 1); with --survey: one of "
                                 "its columns (default: none, every weight is 1)")
      ->type_name("COLUMN")->capture_default_str()->each([&in](const std::string&) { in.weight_given = true; })
      ->group(csv));
  table.push_back(app.add_option("--sep", in.separator, "field separator: ',', ';' or 'tab' (default: detected)")
      ->type_name("C")->check(CLI::IsMember({",", ";", "tab"}))->group(csv));
  table.push_back(app.add_option("--decimal", in.decimal, "decimal separator: ',' or '.' (default: ',' with ';')")
      ->type_name("C")->check(CLI::IsMember({",", "."}))->group(csv));
  table.push_back(app.add_option("--encoding", in.encoding, "utf-8, utf-8-sig, cp1252, latin-1, utf-16, utf-16-le, utf-16-be")
      ->type_name("E")->capture_default_str()->group(csv));
  table.push_back(app.add_option("--sector-map", in.sector_map, "CSV (columns label,sector) or JSON object: labels to sector ids")
      ->type_name("FILE")->group(csv));
  table.push_back(app.add_option("--unknown-sectors", in.unknown_sectors, "a label outside the taxonomy: error, or keep it")
      ->type_name("RULE")->check(CLI::IsMember({"error", "keep"}))->capture_default_str()->group(csv));
  table.push_back(app.add_option("--duplicates", in.duplicates, "repeated pairs: sum, max, min, mean, first, last or error")
      ->type_name("RULE")->check(CLI::IsMember({"sum", "max", "min", "mean", "first", "last", "error"}))
      ->capture_default_str()->group(csv));
  table.push_back(app.add_option("--missing-weight", in.missing_weight, "a blank weight: error, drop, or a number to fill in")
      ->type_name("RULE")->capture_default_str()->group(csv));
  const std::string survey_group = "survey input (--survey)";
  std::vector<CLI::Option*> survey_only;
  survey_only.push_back(app.add_option("--partner", in.partner, "column of the partner's actor id")
      ->type_name("COLUMN")->capture_default_str()->group(survey_group));
  survey_only.push_back(app.add_option("--rating", in.ratings,
                                       "a numeric column kept as a tie attribute (blank stays missing); repeatable")
      ->type_name("COLUMN")->allow_extra_args(false)
      ->group(survey_group));
  survey_only.push_back(app.add_option("--relation-column", in.relations,
                                       "a checkbox column and the relation it stands for (default: the column "
                                       "name); repeatable")
      ->type_name("COLUMN[=NAME]")->allow_extra_args(false)
      ->group(survey_group));
  survey_only.push_back(app.add_option("--checkbox", in.checkbox,
                                       "the checkbox coding, ticked and empty codes, e.g. 2:1 (SoSci Survey); default "
                                       "1,x,ja,yes,y,true:0,nein,no,n,false (blank is always empty)")
      ->type_name("TICKED,...:EMPTY,...")->group(survey_group));
  for (auto* o : survey_only) o->needs(survey);
  const std::string matrix_group = "matrix input (--matrix)";
  app.add_flag("--binary", in.binary, "every cell is 0 or 1; ties get weight 1")->needs(matrix)->group(matrix_group);
  app.add_option("--matrix-missing", in.matrix_missing, "a blank cell: error (default), or absent (no tie)")
      ->type_name("RULE")->check(CLI::IsMember({"error", "absent"}))->capture_default_str()->needs(matrix)
      ->group(matrix_group);
  app.add_flag("--allow-self-loops", in.allow_self_loops, "accept ties from an actor to itself")->group(group);
  app.parse_complete_callback([table, actors, survey, matrix, &in] {
    if (actors->count() + survey->count() + matrix->count() > 0) return;
    for (const auto* o : table) {
      if (o->get_name() == "--weight" && in.weight_names_attribute) continue;
      if (o->count() > 0) {
        throw CLI::ValidationError(o->get_name() + " needs --actors/--ties, --survey or --matrix");
      }
    }
  });
}

csv_options csv_options_of(const input_args& in) {
  csv_options o;
  o.directed = !in.undirected;
  o.allow_self_loops = in.allow_self_loops;
  o.columns = in.columns;
  o.separator = in.separator.empty() ? '\0' : in.separator == "tab" ? '\t' : in.separator.front();
  o.decimal = in.decimal.empty() ? '\0' : in.decimal.front();
  o.encoding = in.encoding;
  o.rules.duplicates = parse_merge_rule(in.duplicates, "--duplicates");
  o.rules.keep_unknown_sectors = in.unknown_sectors == "keep";
  o.rules.max_errors = in.max_errors;
  if (in.missing_weight == "drop") {
    o.rules.missing_weight = blank_weight::drop;
  } else if (in.missing_weight != "error") {
    const auto fill = detail::parse_number(in.missing_weight);
    if (!fill || !std::isfinite(*fill) || *fill < 0) {
      throw usage_error("--missing-weight: expected error, drop or a number >= 0, got " + show(in.missing_weight));
    }
    o.rules.missing_weight = blank_weight::fill;
    o.rules.fill_weight = *fill;
  }
  if (!in.sector_map.empty()) o.rules.sector_map = read_sector_map(in.sector_map);
  return o;
}

namespace {

std::vector<std::string> split(const std::string& s, char at) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(at, start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

}  // namespace

survey_options survey_options_of(const input_args& in) {
  if (in.columns.source != column_names{}.source || in.columns.target != column_names{}.target) {
    throw usage_error("--source and --target name the columns of a ties file; a survey's are --respondent and --partner");
  }
  survey_options o;
  o.reading = csv_options_of(in);
  o.reading.columns.respondent = column_names{}.respondent;  // the actors file has none
  o.respondent = in.columns.respondent;
  o.partner = in.partner;
  o.ratings = in.ratings;
  for (const auto& r : in.relations) {
    const std::size_t eq = r.find('=');
    std::string column = r.substr(0, eq);
    std::string name = eq == std::string::npos ? column : r.substr(eq + 1);
    if (column.empty() || name.empty()) {
      throw usage_error("--relation-column: expected COLUMN or COLUMN=NAME, got " + show(r));
    }
    o.relations.emplace_back(std::move(column), std::move(name));
  }
  if (in.weight_given) o.weight = in.columns.weight;
  if (!in.checkbox.empty()) {
    const std::vector<std::string> parts = split(in.checkbox, ':');
    if (parts.size() != 2 || parts[0].empty()) {
      throw usage_error("--checkbox: expected TICKED,...:EMPTY,... (e.g. 2:1), got " + show(in.checkbox));
    }
    o.ticked = split(parts[0], ',');
    o.empty = parts[1].empty() ? std::vector<std::string>{} : split(parts[1], ',');
  }
  return o;
}

matrix_options matrix_options_of(const input_args& in) {
  if (in.weight_given) throw usage_error("--weight does not apply to --matrix: its cells are the weights (--binary reads 0/1)");
  if (in.columns.source != column_names{}.source || in.columns.target != column_names{}.target) {
    throw usage_error("--source and --target name the columns of a ties file; a matrix has row and column labels");
  }
  matrix_options o;
  o.reading = csv_options_of(in);
  o.binary = in.binary;
  o.missing = in.matrix_missing == "absent" ? blank_cell::absent : blank_cell::error;
  return o;
}

bool table_input(const input_args& in) { return !in.actors.empty() || !in.survey.empty() || !in.matrix.empty(); }

problem_report validate_table(const input_args& in) {
  if (!in.survey.empty()) return validate_survey_csv(in.survey, survey_options_of(in), in.actors);
  if (!in.matrix.empty()) return validate_matrix_csv(in.matrix, matrix_options_of(in), in.actors);
  if (in.ties.empty()) throw usage_error("--actors needs --ties (or --survey or --matrix)");
  return validate_csv(in.actors, in.ties, csv_options_of(in));
}

std::vector<std::string> input_files(const input_args& in) {
  std::vector<std::string> out;
  for (const auto* f : {&in.file, &in.actors, &in.ties, &in.survey, &in.matrix, &in.sector_map}) {
    if (!f->empty()) out.push_back(*f);
  }
  return out;
}

void print_notes(const std::vector<data_note>& notes) {
  for (const auto& n : notes) std::fprintf(stderr, "note: %s\n", show(n.text()).c_str());
}

network load_file(const std::string& path, bool allow_self_loops) {
  const read_options o{allow_self_loops};
  return format_of(path) == file_format::json ? read_json(path, o) : read_graphml(path, o);
}

network load_network(const input_args& in, std::vector<data_note>* notes_out) {
  const bool table = table_input(in) || !in.ties.empty();
  if (static_cast<int>(table) + static_cast<int>(in.example) + static_cast<int>(in.example_2022) +
          static_cast<int>(!in.file.empty()) != 1) {
    throw usage_error(
        "give exactly one input: FILE, --actors A --ties T, --survey S, --matrix M, --example or --example-2022");
  }
  if (in.example) return example_region();
  if (in.example_2022) return example_region_earlier();
  if (table) {
    std::vector<data_note> notes;
    network net;
    if (!in.survey.empty()) {
      net = read_survey_csv(in.survey, survey_options_of(in), in.actors, &notes);
    } else if (!in.matrix.empty()) {
      net = read_matrix_csv(in.matrix, matrix_options_of(in), in.actors, &notes);
    } else {
      if (in.actors.empty() || in.ties.empty()) throw usage_error("--actors needs --ties (or --survey or --matrix)");
      net = read_csv(in.actors, in.ties, csv_options_of(in), &notes);
    }
    print_notes(notes);
    if (notes_out != nullptr) notes_out->insert(notes_out->end(), notes.begin(), notes.end());
    return net;
  }
  return load_file(in.file, in.allow_self_loops);
}

command add_validate(CLI::App& app) {
  auto* sub = app.add_subcommand("validate");
  // First line: the summary in the list of commands; the rest: the help text.
  sub->description("check network files (or a table input) and list their problems\n"
      "Lists every problem of a table input (a CSV pair, --survey or --matrix),\n"
      "up to --max-errors, each as\n"
      "file:line: field: problem (JSON and GraphML: the first problem of each\n"
      "file), then what the reader would assume (merged pairs, dropped weights).\n"
      "Exit code 0 when every input is valid, 1 when one is not.");
  auto in = std::make_shared<input_args>();
  auto files = std::make_shared<std::vector<std::string>>();
  sub->add_option("FILE", *files, "healthnet JSON (.json) or GraphML (.graphml, .xml) files");
  add_input_options(*sub, *in, false);
  sub->add_option("--max-errors", in->max_errors, "list at most this many problems of a table input")
      ->type_name("N")->capture_default_str()->check(CLI::PositiveNumber);
  return {sub, [in, files] {
            const auto ok = [](const std::string& name, const network& net) {
              std::printf("ok: %s: %zu actors, %zu ties, %zu bodies, %s\n", show(name).c_str(), net.n_actors(),
                          net.n_ties(), net.n_bodies(), net.directed() ? "directed" : "undirected");
            };
            const bool csv = table_input(*in);
            if (!files->empty() && (in->example || in->example_2022)) {
              throw usage_error("give exactly one input: FILE..., --actors A --ties T, --survey S, --matrix M, "
                                "--example or --example-2022");
            }
            if (files->empty() && !csv) return ok(input_name(*in), load_network(*in)), 0;
            if (csv && !files->empty()) throw usage_error("give FILE... or a table input (--actors, --survey, --matrix), not both");
            int status = 0;
            // Problems go to stderr as every other error does; stdout stays for the "ok" lines.
            const auto problem = [](const std::string& message) {
              std::fprintf(stderr, "healthnet: error: %s\n", show(message).c_str());
            };
            if (csv) {
              // A clean input is read once; only one with a problem is read
              // again by validate_table, which lists every problem.
              try {
                ok(input_name(*in), load_network(*in));
                return 0;
              } catch (const invalid_input&) {
              }
              const problem_report report = validate_table(*in);
              for (const auto& p : report.problems) problem(p.what());
              if (report.total > report.problems.size()) {
                std::fprintf(stderr, "healthnet: ... and %zu more problems (--max-errors %zu)\n",
                             report.total - report.problems.size(), in->max_errors);
              }
              if (report.total > 1) {
                std::fprintf(stderr, "healthnet: %s: %zu problems\n", show(input_name(*in)).c_str(), report.total);
              }
              if (!report.ok()) return 1;
              // The reader failed where validation found nothing: its own error.
              ok(input_name(*in), load_network(*in));
              return 0;
            }
            // Several files: each is checked, one bad file does not stop the others.
            for (const auto& path : *files) {
              try {
                ok(path, load_file(path, in->allow_self_loops));
              } catch (const invalid_input& e) {
                problem(e.what());
                status = 1;
              } catch (const file_error& e) {
                problem(e.what());
                status = 1;
              }
            }
            return status;
          }};
}

namespace {

struct metrics_args {
  input_args in;
  std::string format{"table"};
  std::string by;
  std::string missing;  ///< empty: not given (absent)
  std::string relation;  ///< --relation R: empty = all ties
  bool exact{false};
  std::optional<double> sensitivity;  ///< --sensitivity DROP
  long long runs{200};
  std::uint64_t seed{1};
};

int run_metrics(const metrics_args& args) {
  const input_args& in = args.in;
  const std::string& format = args.format;
  network net = load_network(in);
  // --relation / --weight: every metric below is computed on the layer, with
  // the attribute as the tie weight (include/healthnet/layers.hpp).
  // With a table input (CSV pair, survey) the reader has read the --weight column already.
  const std::string& weight = in.columns.weight;
  const bool csv = table_input(in);
  const bool reweighted = weight != "weight";
  const std::size_t all_ties = net.n_ties();
  if (!args.relation.empty()) net = net.relation_layer(args.relation);
  if (reweighted && !csv) net = weighted_by(net, weight);
  std::string layer_note;
  if (!args.relation.empty()) {
    layer_note = "computed on the relation layer '" + args.relation + "' (" + std::to_string(net.n_ties()) + " of " +
                 std::to_string(all_ties) + " ties, all actors)";
  }
  if (reweighted) {
    layer_note += std::string(layer_note.empty() ? "" : "; ") + "weights are the " +
                  (csv ? "column '" : "tie attribute '") + weight + "'";
  }
  // Everything is computed before anything is printed (Ctrl-C: no partial output).
  std::optional<betweenness_estimate_scope> estimate;
  if (!args.exact) estimate.emplace();
  set_step("metrics");
  auto entries = profile(net);
  // --missing: the metrics that take a missing-data policy use it.
  const std::string missing_note =
      args.missing.empty() ? ""
                           : "missing data: '" + args.missing +
                                 (args.missing == "impute" ? "' (seed " + std::to_string(args.seed) + ")" : "'") +
                                 " for density, weighted_density and reciprocity; the other metrics treat "
                                 "unreported ties as absent";
  if (!args.missing.empty()) {
    const missing_policy policy = parse_missing_policy(args.missing);
    for (auto& e : entries) {
      if (e.name == "density") e.value = density(net, false, policy, args.seed);
      else if (e.name == "weighted_density") e.value = density(net, true, policy, args.seed);
      else if (e.name == "reciprocity") e.value = reciprocity(net, reciprocity_measure::edgewise, policy, args.seed);
    }
  }
  const betweenness_estimate estimated = betweenness_estimate_scope::last();
  // --sensitivity: bands of the profile's metrics under further non-response.
  std::optional<sensitivity_result> sens;
  if (args.sensitivity) {
    if (args.runs < 1) throw invalid_input(field_location("runs"), "expected at least 1 run, got " + std::to_string(args.runs));
    set_step("sensitivity");
    sens = nonresponse_sensitivity(net, {.drop = *args.sensitivity, .runs = static_cast<std::size_t>(args.runs), .seed = args.seed});
  }
  const std::string sensitivity_note =
      !sens ? ""
            : "sensitivity: reports of " + std::to_string(sens->dropped) + " of " + std::to_string(sens->respondents) +
                  (sens->all_assumed_respondents ? " actors (no respondent status known: all counted as respondents)"
                                                 : " respondents") +
                  " removed at random, " + std::to_string(sens->runs) + " runs, seed " + std::to_string(sens->seed) +
                  "; low and high are the 5 % and 95 % quantiles; unreported ties count as absent";
  const auto sectors = sector_counts(net);
  const region_info& r = net.region();
  set_step("group measures");
  std::optional<nlohmann::ordered_json> group_json;
  std::function<void()> print_groups;
  if (!args.by.empty()) {
    if (format == "json") group_json = group_report_json(net, args.by);
    else print_groups = group_report_printer(net, args.by);
  }
  set_step(nullptr);
  const std::string estimate_note =
      estimated.estimated ? "betweenness_centralization estimated from " + std::to_string(estimated.pivots) +
                                " pivots (standard error " + fixed(estimated.std_error, 4) + "); --exact computes it exactly"
                          : "";

  if (format == "json") {
    nlohmann::ordered_json doc;
    doc["input"] = input_name(in);
    nlohmann::ordered_json region = nlohmann::ordered_json::object();
    if (!r.id.empty()) region["id"] = r.id;
    if (!r.name.empty()) region["name"] = r.name;
    if (!r.state.empty()) region["state"] = r.state;
    if (r.population) region["population"] = *r.population;
    if (!r.wave.empty()) region["wave"] = r.wave;
    doc["region"] = region;
    doc["directed"] = net.directed();
    if (!args.missing.empty()) doc["missing"] = args.missing;
    if (!args.relation.empty()) doc["relation"] = args.relation;
    if (reweighted) doc["weight"] = weight;
    if (!layer_note.empty()) doc["note"] = layer_note;
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
    if (sens) {
      nlohmann::ordered_json js;
      js["drop"] = sens->drop;
      js["runs"] = sens->runs;
      js["seed"] = sens->seed;
      js["respondents"] = sens->respondents;
      js["dropped"] = sens->dropped;
      js["all_assumed_respondents"] = sens->all_assumed_respondents;
      js["missing"] = to_string(sens->missing);
      nlohmann::ordered_json rows = nlohmann::ordered_json::object();
      for (const auto& row : sens->rows) {
        rows[row.metric] = {{"observed", json_number(row.observed)}, {"mean", json_number(row.mean)},
                            {"low", json_number(row.low)}, {"high", json_number(row.high)}, {"valid_runs", row.valid_runs}};
      }
      js["metrics"] = std::move(rows);
      doc["sensitivity"] = std::move(js);
    }
    if (group_json) doc["groups"] = std::move(*group_json);
    std::printf("%s\n", doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return 0;
  }

  std::string title = r.name.empty() ? input_name(in) : r.name;
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
  if (!missing_note.empty()) std::printf("note: %s\n", missing_note.c_str());
  if (!layer_note.empty()) std::printf("note: %s\n", show(layer_note).c_str());
  if (sens) {
    std::printf("\nsensitivity to further non-response (drop %s)\n", detail::format_number(sens->drop).c_str());
    std::printf("%-*s  %10s  %10s  %10s  %10s\n", static_cast<int>(width), "metric", "observed", "mean", "low 5%",
                "high 95%");
    for (const auto& row : sens->rows) {
      std::printf("%-*s  %10s  %10s  %10s  %10s\n", static_cast<int>(width), show(row.metric).c_str(),
                  format_value(row.observed).c_str(), format_value(row.mean).c_str(), format_value(row.low).c_str(),
                  format_value(row.high).c_str());
    }
    std::printf("note: %s\n", sensitivity_note.c_str());
  }
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

}  // namespace

command add_metrics(CLI::App& app) {
  auto* sub = app.add_subcommand("metrics");
  // First line: the summary in the list of commands; the rest: the help text.
  sub->description("print whole-network metrics and actors per sector\n"
      "Prints the whole-network metrics (the profile) and the actors per sector.");
  auto args = std::make_shared<metrics_args>();
  add_input_options(*sub, args->in);
  // --weight NAME is the one option for both: with CSV input the ties column
  // read as the weight (as in every command), with a JSON or GraphML file the
  // numeric tie attribute taken as the weight (healthnet::weighted_by).
  if (auto* weight = sub->get_option_no_throw("--weight")) {
    args->in.weight_names_attribute = true;
    if (auto* actors = sub->get_option_no_throw("--actors")) weight->remove_needs(actors);
    weight->description(
        "the weight of the weighted metrics: with --actors/--ties the ties column (without it every weight is 1), "
        "with a file a numeric tie attribute such as trust; every tie must carry a number (a blank rating is an "
        "error: pick a --relation or fill the values)");
    weight->type_name("NAME");
  }
  sub->add_option("--format", args->format, "output format")
      ->type_name("FORMAT")->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  sub->add_option("--by", args->by,
                  "also print the group measures (sector coverage, E-I, block densities, assortativity, brokerage, "
                  "bridges, gaps, communities) by \"sector\" or an actor attribute")
      ->type_name("GROUPING");
  sub->add_flag("--exact", args->exact,
                "compute betweenness centralization exactly even on large networks (n*m > 2e9: estimated from 512 "
                "pivots)");
  sub->add_option("--missing", args->missing,
                  "missing-data policy for the ties of non-respondents (actors marked respondent false) in "
                  "density and reciprocity: absent (default: unreported ties are absent), exclude (observed dyads "
                  "only, as R sna), reconstruct (a non-respondent gets j->i wherever i reported i->j), impute (a "
                  "non-respondent's absent ties drawn at the observed density, with --seed)")
      ->type_name("POLICY")->check(CLI::IsMember({"absent", "exclude", "reconstruct", "impute"}));
  sub->add_option("--relation", args->relation,
                  "compute every metric on one relation layer: all actors, the ties that carry this relation")
      ->type_name("R");
  sub->add_option("--sensitivity", args->sensitivity,
                  "also print each metric's 90 % band when the reports of a further DROP share of the respondents "
                  "(0 <= DROP < 1) are removed at random (Smith & Moody 2013)")
      ->type_name("DROP");
  sub->add_option("--runs", args->runs, "random draws for --sensitivity")->type_name("N")->capture_default_str();
  sub->add_option("--seed", args->seed, "seed of the draws for --sensitivity and --missing impute")->type_name("S")->capture_default_str();
  return {sub, [args] { return run_metrics(*args); }};
}

namespace {

struct convert_args {
  input_args in;
  std::vector<std::string> files;
};

int run_convert(const convert_args& args) {
  const input_args& in = args.in;
  const bool generated = table_input(in) || !in.ties.empty() || in.example || in.example_2022;
  const auto& pos = args.files;
  const std::size_t ins = generated ? 0 : 1;
  const bool csv_out = pos.size() == ins + 2 && ends_with_nocase(pos[ins], ".csv") && ends_with_nocase(pos[ins + 1], ".csv");
  if (pos.size() != ins + 1 && !csv_out) {
    throw usage_error(generated ? "convert with --actors/--ties, --survey, --matrix or --example takes one OUT file "
                                  "(or two .csv files)"
                                : "convert takes IN and OUT (or IN and two .csv files)");
  }
  input_args source = in;
  source.file = generated ? "" : pos[0];
  const std::vector<std::string> outs(pos.begin() + static_cast<std::ptrdiff_t>(ins), pos.end());
  const file_format out_format = csv_out ? file_format::json : format_of(outs[0]);
  if (csv_out && (outs[0] == outs[1] || detail::same_file(outs[0], outs[1]))) {
    throw usage_error("the actors and ties outputs are the same file '" + outs[0] + "'");
  }
  for (const auto& out : outs) {
    for (const auto& input : input_files(source)) {
      if (input == out || detail::same_file(input, out)) {
        throw usage_error("refusing to write over the input file '" + input + "'");
      }
    }
  }
  const network net = load_network(source);
  if (csv_out) write_csv(net, outs[0], outs[1]);
  else if (out_format == file_format::json) write_json(net, outs[0]);
  else write_graphml(net, outs[0]);
  std::string names = show(outs[0]);
  if (csv_out) names += " and " + show(outs[1]);
  std::printf("wrote %s: %zu actors, %zu ties, %zu bodies\n", names.c_str(), net.n_actors(), net.n_ties(),
              net.n_bodies());
  return 0;
}

}  // namespace

command add_convert(CLI::App& app) {
  auto* sub = app.add_subcommand("convert");
  // First line: the summary in the list of commands; the rest: the help text.
  sub->description("convert between healthnet JSON, GraphML and CSV pairs\n"
      "Converts a network:\n"
      "  healthnet convert IN OUT\n"
      "  healthnet convert IN ACTORS.csv TIES.csv\n"
      "  healthnet convert --actors A --ties T OUT\n"
      "  healthnet convert --survey S [--actors A] --relation-column COL ... OUT\n"
      "  healthnet convert --matrix M [--actors A] OUT\n"
      "  healthnet convert --example OUT   (or --example-2022 OUT)\n"
      "Formats are chosen by extension (.json = healthnet JSON, .graphml/.xml =\n"
      "GraphML, two .csv files = a CSV pair: read it back with --weight weight).\n"
      "Each output is written atomically and never over an input. CSV cells that a\n"
      "spreadsheet would run as a formula get a leading ' (see docs/format.md).");
  auto args = std::make_shared<convert_args>();
  sub->add_option("FILES", args->files, "IN OUT, IN ACTORS.csv TIES.csv, or OUT after --actors/--ties/--example")
      ->expected(1, 3);
  add_input_options(*sub, args->in, false);
  return {sub, [args] { return run_convert(*args); }};
}

namespace {

struct symmetrize_args {
  std::string input;
  std::string output;
  std::string rule{"weak"};
  std::string nonrespondents{"trust"};
  std::string combine{"max"};
  std::vector<std::string> combine_for;  ///< NAME=RULE
  bool allow_self_loops{false};
};

int run_symmetrize(const symmetrize_args& args) {
  if (args.input == args.output || detail::same_file(args.input, args.output)) {
    throw usage_error("refusing to write over the input file '" + args.input + "'");
  }
  const file_format out_format = format_of(args.output);
  symmetrize_options o;
  o.rule = parse_symmetrize_rule(args.rule);
  o.nonrespondents = parse_nonrespondent_rule(args.nonrespondents);
  o.combine = parse_combine_rule(args.combine);
  for (const auto& item : args.combine_for) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw usage_error("--combine-for expects NAME=RULE, got '" + item + "'");
    }
    const std::string name = item.substr(0, eq);
    o.combine_by[name] = parse_combine_rule(item.substr(eq + 1), "combine['" + name + "']");
  }
  const network net = load_file(args.input, args.allow_self_loops);
  if (!net.directed()) {
    std::fprintf(stderr, "note: %s is already undirected; nothing to symmetrize (writing an equal copy)\n",
                 show(args.input).c_str());
  }
  set_step("symmetrize");
  const network out = symmetrize(net, o);
  set_step(nullptr);
  if (out_format == file_format::json) write_json(out, args.output);
  else write_graphml(out, args.output);
  std::printf("wrote %s: %zu actors, %zu ties, %zu bodies, undirected (rule %s, non-respondents %s)\n",
              show(args.output).c_str(), out.n_actors(), out.n_ties(), out.n_bodies(), args.rule.c_str(),
              args.nonrespondents.c_str());
  return 0;
}

}  // namespace

command add_symmetrize(CLI::App& app) {
  auto* sub = app.add_subcommand("symmetrize");
  sub->description("make a directed network undirected (rules of R sna symmetrize)\n"
      "Writes an undirected copy of IN to OUT (.json or .graphml; atomically, never\n"
      "over IN). A pair of actors is tied by --rule:\n"
      "  weak, union          where either actor reports a tie (default)\n"
      "  strong, intersection where both do\n"
      "  upper, lower         as the actor that comes first (upper) or last (lower)\n"
      "                       in actor order reports it\n"
      "In a pair with one non-respondent (respondent false) the respondent's report\n"
      "decides (--nonrespondents trust) or the pair stays untied (drop). Weights and\n"
      "numeric tie attributes combine by --combine, per value by --combine-for.");
  auto args = std::make_shared<symmetrize_args>();
  sub->add_option("IN", args->input, "a healthnet JSON (.json) or GraphML (.graphml, .xml) file")->required();
  sub->add_option("-o,--output", args->output, "the undirected network (.json, .graphml)")
      ->type_name("OUT")
      ->required();
  sub->add_option("--rule", args->rule, "when a pair is tied")
      ->type_name("RULE")
      ->check(CLI::IsMember({"weak", "union", "strong", "intersection", "upper", "lower"}))
      ->capture_default_str();
  sub->add_option("--nonrespondents", args->nonrespondents, "pairs with one non-respondent")
      ->type_name("RULE")->check(CLI::IsMember({"trust", "drop"}))->capture_default_str();
  sub->add_option("--combine", args->combine, "how the values of the two reports combine")
      ->type_name("RULE")->check(CLI::IsMember({"max", "min", "mean", "sum"}))->capture_default_str();
  sub->add_option("--combine-for", args->combine_for, "NAME=RULE for one value: weight or a numeric tie attribute")
      ->type_name("NAME=RULE");
  sub->add_flag("--allow-self-loops", args->allow_self_loops, "accept ties from an actor to itself");
  return {sub, [args] { return run_symmetrize(*args); }};
}

}  // namespace healthnet::cli
