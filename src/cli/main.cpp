// SPDX-License-Identifier: MIT
// healthnet: validate, analyse and convert regional health networks.
// Exit codes: 0 success, 1 bad input (one message on stderr), 2 usage error,
// 130 interrupted (Ctrl-C; nothing written).
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

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

constexpr const char* usage = R"(usage: healthnet <command> [options]

Analyse the cooperation networks of regional health programmes.

commands:
  validate   check a network file (or a CSV pair) and report problems
  metrics    print whole-network metrics and actors per sector
  convert    convert between healthnet JSON, GraphML and CSV pairs
  score      score and rank regions against a programme scorecard
  compare    compare two waves of a region
  report     write the region report (HTML, Markdown or JSON)

options:
  -h, --help     show this help (also: healthnet <command> --help)
  -V, --version  show the version

exit codes: 0 success, 1 bad input, 2 usage error, 130 interrupted
)";

/// Runs the command; returns the exit code. Messages go to stderr with every
/// control character escaped: they quote input data and file names.
int run(const std::vector<std::string>& args) {
  using healthnet::cli::show;
  const std::string command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  progress.tty = isatty(STDERR_FILENO) != 0;
  std::signal(SIGINT, on_sigint);
  const healthnet::interrupt_scope interruptible(sigint_check, nullptr, show_progress);
  try {
    if (command == "-h" || command == "--help" || command == "help") {
      std::fputs(usage, stdout);
      return 0;
    }
    if (command == "-V" || command == "--version") {
      std::printf("healthnet %s\n", healthnet::version);
      return 0;
    }
    if (command == "validate") return healthnet::cli::run_validate(rest);
    if (command == "metrics") return healthnet::cli::run_metrics(rest);
    if (command == "convert") return healthnet::cli::run_convert(rest);
    if (command == "score") return healthnet::cli::run_score(rest);
    if (command == "compare") return healthnet::cli::run_compare(rest);
    if (command == "report") return healthnet::cli::run_report(rest);
    throw healthnet::cli::usage_error("unknown command '" + command + "'");
  } catch (const healthnet::cli::usage_error& e) {
    std::fprintf(stderr, "healthnet: %s\n(see 'healthnet %s--help')\n", show(e.what()).c_str(),
                 command.rfind('-', 0) == 0 ? "" : (show(command) + " ").c_str());
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
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(usage, stderr);
    return 2;
  }
  healthnet::cli::install_stdout();
  const int code = run(args);
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
