// SPDX-License-Identifier: MIT
// healthnet: validate, analyse and convert regional health networks.
// Exit codes: 0 success, 1 bad input (one message on stderr), 2 usage error,
// 130 interrupted (Ctrl-C; nothing written).
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <healthnet/error.hpp>
#include <healthnet/interrupt.hpp>
#include <healthnet/version.hpp>

#include "cli.hpp"

#include <unistd.h>

namespace {

// Ctrl-C: the handler only sets the flag; the kernels poll it through the
// interruption check (healthnet/interrupt.hpp) and throw `interrupted`.
std::atomic<bool> sigint_received{false};
static_assert(std::atomic<bool>::is_always_lock_free);
extern "C" void on_sigint(int) { sigint_received.store(true); }

bool sigint_check(void*) { return sigint_received.load(std::memory_order_relaxed); }

// Progress on a terminal: "healthnet: computing metrics ... 42 %" on stderr,
// rewritten in place, once a step has run for 2 s; at most 5 updates a second.
struct progress_state {
  const char* step{nullptr};
  std::chrono::steady_clock::time_point started{};
  std::chrono::steady_clock::time_point next{};
  bool shown{false};
  bool tty{false};
} progress;

void clear_progress() {
  if (progress.shown) std::fputs("\r\033[K", stderr);
  progress.shown = false;
}

void show_progress(void*, double fraction) {
  if (!progress.tty || progress.step == nullptr) return;
  const auto now = std::chrono::steady_clock::now();
  if (now < progress.next) return;
  progress.next = now + std::chrono::milliseconds(200);
  if (now - progress.started < std::chrono::seconds(2)) return;
  std::fprintf(stderr, "\rhealthnet: computing %s ... %3d %%", progress.step, static_cast<int>(fraction * 100));
  std::fflush(stderr);
  progress.shown = true;
}

/// Help in the style of the tool: "usage: ..." first, then the description,
/// arguments, option groups, commands and footer; an option's default and
/// the values it accepts are shown, CLI11's Needs/Excludes lists are not
/// (each group's title says which inputs go together).
class help_formatter : public CLI::Formatter {
 public:
  help_formatter() {
    label("Usage", "usage");
    label("OPTIONS", "options");
    label("SUBCOMMAND", "<command>");
    label("Positionals", "arguments");
    label("REQUIRED", "(required)");
    column_width(28);
  }
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    std::string text = make_usage(app, name) + "\n" + make_description(app) + make_positionals(app) +
                       make_groups(app, mode) + make_subcommands(app, mode);
    if (!app->get_footer().empty()) text += "\n" + make_footer(app);
    // CLI11 puts two blank lines between option groups.
    for (std::size_t at; (at = text.find("\n\n\n")) != std::string::npos;) text.erase(at, 1);
    return text;
  }
  std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override {
    return CLI::Formatter::make_group(group == "Options" ? "options" : group, is_positional, opts);
  }
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    std::string text = CLI::Formatter::make_subcommands(app, mode);
    if (const auto at = text.find("\nSubcommands:\n"); at != std::string::npos) text.replace(at, 14, "\ncommands:\n");
    return text;
  }
  // A command's description: a summary line (shown in the list of commands)
  // and the text of its help.
  std::string make_description(const CLI::App* app) const override {
    const std::string& d = app->get_description();
    const auto eol = d.find('\n');
    if (app->get_parent() == nullptr || eol == std::string::npos) return d + "\n";
    return d.substr(eol + 1) + "\n";
  }
  // A command in the list: the first line of its description.
  std::string make_subcommand(const CLI::App* sub) const override {
    const std::string& d = sub->get_description();
    std::stringstream out;
    constexpr std::size_t name_width = 13;
    const std::string summary = wrap(d.substr(0, d.find('\n')), help_width - name_width);
    CLI::detail::format_help(out, sub->get_name(), summary, name_width);
    return out.str();
  }
  // An argument shows its name only; an option its value and default.
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::stringstream out;
    CLI::detail::format_help(out, make_option_name(opt, is_positional) + (is_positional ? "" : make_option_opts(opt)),
                             make_option_desc(opt), column_width_);
    return out.str();
  }
  // An argument in the usage line: NAME, [NAME] when optional, NAME... when repeated.
  std::string make_option_usage(const CLI::Option* opt) const override {
    std::string name = make_option_name(opt, true);
    if (opt->get_expected_max() > 1) name += "...";
    return opt->get_required() ? name : "[" + name + "]";
  }
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string out;
    if (opt->get_type_size() != 0 && !opt->get_type_name().empty()) out += " " + get_label(opt->get_type_name());
    if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out += " ...";
    if (opt->get_required()) out += " " + get_label("REQUIRED");
    return out;
  }
  std::string make_option_desc(const CLI::Option* opt) const override {
    std::string text = opt->get_description();
    if (!opt->get_default_str().empty()) text += " (default: " + opt->get_default_str() + ")";
    return wrap(text, help_width - column_width_);
  }

 private:
  static constexpr std::size_t help_width = 80;
  // `text` broken into lines of at most `width` characters at spaces
  // (CLI11 2.1 does not wrap; format_help indents after each '\n').
  static std::string wrap(const std::string& text, std::size_t width) {
    std::string out;
    std::size_t line = 0;
    std::istringstream words(text);
    for (std::string word; words >> word;) {
      if (line > 0 && line + 1 + word.size() > width) {
        out += '\n';
        line = 0;
      } else if (line > 0) {
        out += ' ';
        ++line;
      }
      out += word;
      line += word.size();
    }
    return out;
  }
};

/// A CLI11 parse error as a message in the project's style (lowercase start).
std::string usage_message(const CLI::ParseError& e) {
  std::string text = e.what();
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::islower(static_cast<unsigned char>(text[1]))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

/// The `healthnet` app with its subcommands; `commands` gets what each runs.
void build_app(CLI::App& app, std::vector<healthnet::cli::command>& commands) {
  app.formatter(std::make_shared<help_formatter>());
  app.set_help_flag("-h,--help", "show this help (also: healthnet <command> --help)");
  app.set_version_flag("-V,--version", std::string("healthnet ") + healthnet::version, "show the version");
  app.require_subcommand(1);
  for (auto add : {healthnet::cli::add_validate, healthnet::cli::add_metrics, healthnet::cli::add_convert,
                   healthnet::cli::add_score, healthnet::cli::add_compare, healthnet::cli::add_report,
                   healthnet::cli::add_symmetrize}) {
    commands.push_back(add(app));
    commands.back().app->group("commands");
    commands.back().app->set_help_flag("-h,--help", "show this help");
  }
  // Set last: subcommands copy their parent's footer when created.
  app.footer("exit codes: 0 success, 1 bad input, 2 usage error, 130 interrupted");
}

/// Runs the command; returns the exit code. Messages go to stderr with every
/// control character escaped: they quote input data and file names.
int run(int argc, char** argv) {
  using healthnet::cli::show;
  progress.tty = isatty(STDERR_FILENO) != 0;
  std::signal(SIGINT, on_sigint);
  const healthnet::interrupt_scope interruptible(sigint_check, nullptr, show_progress);
  CLI::App app{"Analyse the cooperation networks of regional health programmes.", "healthnet"};
  std::vector<healthnet::cli::command> commands;
  // The command named in the hint to --help: the one being parsed or run.
  auto hint = [&app]() -> std::string {
    const auto parsed = app.get_subcommands();
    return parsed.empty() ? "" : parsed.front()->get_name() + " ";
  };
  try {
    build_app(app, commands);
    const std::string first = argv[1];
    if (first == "help") {
      healthnet::cli::write_stdout(app.help());
      return 0;
    }
    // CLI11 would call an unknown command an unexpected argument.
    const bool known =
        std::any_of(commands.begin(), commands.end(), [&](const auto& c) { return c.app->get_name() == first; });
    if (first.rfind('-', 0) != 0 && !known) {
      throw healthnet::cli::usage_error("unknown command '" + first + "'");
    }
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
      healthnet::cli::write_stdout(app.help());
      return 0;
    } catch (const CLI::CallForVersion& e) {
      healthnet::cli::write_stdout(std::string(e.what()) + "\n");
      return 0;
    } catch (const CLI::ParseError& e) {
      throw healthnet::cli::usage_error(usage_message(e));
    }
    for (const auto& c : commands) {
      if (c.app->parsed()) return c.run();
    }
    throw healthnet::cli::usage_error("no command given");
  } catch (const healthnet::cli::usage_error& e) {
    std::fprintf(stderr, "healthnet: %s\n(see 'healthnet %s--help')\n", show(e.what()).c_str(), show(hint()).c_str());
    return 2;
  } catch (const healthnet::interrupted&) {
    clear_progress();
    std::fprintf(stderr, "healthnet: interrupted\n");
    return 130;
  } catch (const healthnet::error& e) {
    clear_progress();
    std::fprintf(stderr, "healthnet: error: %s\n", show(e.what()).c_str());
    return 1;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "healthnet: error: out of memory\n");
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "healthnet: error: %s\n", show(e.what()).c_str());
    return 1;
  }
}

}  // namespace

void healthnet::cli::set_step(const char* name) {
  clear_progress();
  progress.step = name;
  progress.started = std::chrono::steady_clock::now();
  progress.next = progress.started;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    CLI::App app{"Analyse the cooperation networks of regional health programmes.", "healthnet"};
    std::vector<healthnet::cli::command> commands;
    build_app(app, commands);
    std::fputs(app.help().c_str(), stderr);
    return 2;
  }
  healthnet::cli::install_stdout();
  const int code = run(argc, argv);
  // Whatever a successful command printed must have reached standard output
  // (after a failure, its one message has been printed already).
  if (code != 0) return code;
  try {
    healthnet::cli::finish_stdout();
  } catch (const healthnet::error& e) {
    std::fprintf(stderr, "healthnet: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
