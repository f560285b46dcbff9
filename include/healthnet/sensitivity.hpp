// SPDX-License-Identifier: MIT
/// @file sensitivity.hpp
/// @brief Sensitivity of whole-network metrics to further non-response
/// (Smith & Moody 2013): drop the reports of a random share of the
/// respondents, recompute, and give a 90 % band.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/detail/random.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/error.hpp>
#include <healthnet/interrupt.hpp>
#include <healthnet/metric_registry.hpp>
#include <healthnet/network.hpp>
#include <healthnet/response.hpp>

namespace healthnet {

/// What nonresponse_sensitivity() computes.
struct sensitivity_options {
  /// Names of metric_catalog() metrics; empty: every structural one (the
  /// metrics of profile()).
  std::vector<std::string> metrics;
  double drop{0.1};           ///< further share of the respondents whose reports go, in [0, 1)
  std::size_t runs{200};      ///< random draws, >= 1
  std::uint64_t seed{0};      ///< seed of the draws (std::mt19937_64)
  std::string by{"sector"};   ///< grouping of the grouped metrics
};

/// One metric's observed value and its spread over the runs.
struct sensitivity_row {
  std::string metric;  ///< metric name
  double observed{};   ///< on the network as given
  double mean{};       ///< mean over the runs whose value is a number (NaN when none is)
  double low{};        ///< 5 % quantile of those values (linear interpolation, R type 7 / numpy default)
  double high{};       ///< 95 % quantile of those values
  std::size_t valid_runs{0};   ///< runs whose value is a number (not NaN)
  std::vector<double> values;  ///< the value of every run, in run order (NaN kept)
};

/// The result of nonresponse_sensitivity().
struct sensitivity_result {
  std::vector<sensitivity_row> rows;  ///< one per metric, in the order asked
  double drop{};          ///< as asked (sensitivity_options::drop)
  std::size_t runs{};     ///< as asked
  std::uint64_t seed{};   ///< as asked
  std::size_t respondents{0};  ///< actors whose reports may be dropped
  std::size_t dropped{0};      ///< respondents dropped in every run: round(drop * respondents)
  /// True when no actor's respondent status was known and every actor was
  /// treated as a respondent.
  bool all_assumed_respondents{false};
  /// The missing-data policy of the metrics: unreported ties count as absent.
  missing_policy missing{missing_policy::absent};
};

namespace detail {

/// Quantile of sorted `x` (non-empty) at probability `p`, linear
/// interpolation between order statistics: h = (n-1)p, x[floor h] +
/// (h - floor h)(x[floor h + 1] - x[floor h]) (Hyndman & Fan 1996 type 7;
/// R quantile() and numpy.quantile defaults).
inline double quantile_sorted(const std::vector<double>& x, double p) {
  const double h = static_cast<double>(x.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

}  // namespace detail

/// Sensitivity of metrics to further non-response (Smith & Moody 2013,
/// "Structural effects of network sampling coverage I: nodes missing at
/// random", Social Networks 35).
///
/// In each of `runs` runs, `k = round(drop * R)` of the R respondents
/// (actor::respondent == true; every actor when no status is known, see
/// sensitivity_result::all_assumed_respondents) are drawn at random without
/// replacement and their reports are removed, then every metric is
/// recomputed:
/// - directed network: the out-ties of the drawn actors go (what they
///   reported); ties others reported to them stay;
/// - undirected network: a tie goes when one end is drawn and the other end
///   is not a respondent who stays (no remaining respondent reported it).
///
/// Per metric: the observed value, the mean over the runs and the 5 % and 95 %
/// quantiles (a 90 % band) of the run values, NaN runs left out. drop = 0
/// gives observed = mean = low = high. Unreported ties count as absent
/// (missing_policy::absent), as in the metrics themselves.
///
/// The same seed gives the same result on every platform (detail/random.hpp).
/// Interruptible: polls the installed check once per run.
/// Complexity: runs × the cost of the metrics (one tie-filtered copy of the
/// network per run).
/// @throws invalid_input (field `drop`) when drop is not in [0, 1), (field
///         `runs`) when runs < 1; not_found for an unknown metric name.
inline sensitivity_result nonresponse_sensitivity(const network& net, const sensitivity_options& options = {}) {
  if (!(options.drop >= 0.0 && options.drop < 1.0)) {
    throw invalid_input(field_location("drop"),
                        "expected a share in [0, 1), got " + detail::format_number(options.drop));
  }
  if (options.runs < 1) throw invalid_input(field_location("runs"), "expected at least 1 run, got 0");

  std::vector<const metric_definition*> defs;
  if (options.metrics.empty()) {
    for (const auto& m : metric_catalog()) {
      if (m.structural) defs.push_back(&m);
    }
  } else {
    for (const auto& name : options.metrics) {
      const metric_definition* m = find_metric(name);
      if (!m) {
        const auto names = metric_names();
        throw not_found("metrics: unknown metric " + detail::quote_value(name) + detail::did_you_mean(name, names) +
                        " (" + detail::known_names(names, 50) + ")");
      }
      defs.push_back(m);
    }
  }

  sensitivity_result out;
  out.drop = options.drop;
  out.runs = options.runs;
  out.seed = options.seed;

  const auto actors = net.actors();
  const std::size_t n = actors.size();
  std::vector<vertex_index> eligible;
  const bool known = response_rate(net).known();
  out.all_assumed_respondents = !known;
  for (std::size_t i = 0; i < n; ++i) {
    if (!known || (actors[i].respondent && *actors[i].respondent)) eligible.push_back(static_cast<vertex_index>(i));
  }
  out.respondents = eligible.size();
  out.dropped = static_cast<std::size_t>(std::floor(options.drop * static_cast<double>(eligible.size()) + 0.5));

  for (const auto* m : defs) {
    sensitivity_row row;
    row.metric = m->name;
    row.observed = m->compute(net, options.by);
    row.values.reserve(options.runs);
    out.rows.push_back(std::move(row));
  }

  // A remaining reporter: eligible and not drawn (undirected rule).
  std::vector<char> reporter(n, 0);
  for (auto v : eligible) reporter[v] = 1;
  std::vector<char> drawn(n, 0);
  std::mt19937_64 rng(options.seed);
  const bool directed = net.directed();
  for (std::size_t run = 0; run < options.runs; ++run) {
    detail::check_interrupt();
    detail::report_progress(run, options.runs);
    // Partial Fisher-Yates: the first `dropped` entries are a uniform sample.
    for (std::size_t i = 0; i < out.dropped; ++i) {
      std::swap(eligible[i], eligible[i + detail::uniform_index(rng, eligible.size() - i)]);
      drawn[eligible[i]] = 1;
    }
    const network run_net = net.filter_ties([&](const tie_view& t) {
      const vertex_index u = net.index_of(t.source);
      if (directed) return !drawn[u];
      const vertex_index v = net.index_of(t.target);
      if (!drawn[u] && !drawn[v]) return true;
      // one end drawn: kept if the other end is a respondent who stays
      return (drawn[u] ? (!drawn[v] && reporter[v]) : (reporter[u] != 0));
    });
    for (std::size_t i = 0; i < out.dropped; ++i) drawn[eligible[i]] = 0;
    for (std::size_t j = 0; j < defs.size(); ++j) out.rows[j].values.push_back(defs[j]->compute(run_net, options.by));
  }

  for (auto& row : out.rows) {
    std::vector<double> finite;
    finite.reserve(row.values.size());
    for (double x : row.values) {
      if (!std::isnan(x)) finite.push_back(x);
    }
    row.valid_runs = finite.size();
    if (finite.empty()) {
      row.mean = row.low = row.high = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    // Shifted sum: equal run values give exactly that value as the mean.
    double s = 0;
    for (double x : finite) s += x - finite.front();
    row.mean = finite.front() + s / static_cast<double>(finite.size());
    std::sort(finite.begin(), finite.end());
    row.low = detail::quantile_sorted(finite, 0.05);
    row.high = detail::quantile_sorted(finite, 0.95);
  }
  return out;
}

}  // namespace healthnet
