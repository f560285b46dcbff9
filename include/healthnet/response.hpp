// SPDX-License-Identifier: MIT
/// @file response.hpp
/// @brief Survey response: the response rate, the missing-data policy of
/// metrics, and the reconstruction of non-respondents' ties.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <healthnet/detail/random.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/error.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// Who answered the survey (actor::respondent).
struct response_summary {
  std::size_t respondents{0};     ///< actors marked respondent = true
  std::size_t nonrespondents{0};  ///< actors marked respondent = false
  std::size_t unknown{0};         ///< actors without a respondent flag
  /// respondents / (respondents + nonrespondents); NaN when no actor's status
  /// is known (then there is no rate, not a rate of 0).
  double rate{std::numeric_limits<double>::quiet_NaN()};
  std::vector<std::string> nonrespondent_ids;  ///< in actor order

  /// True when some actor's status is known (the rate is a number).
  [[nodiscard]] bool known() const noexcept { return respondents + nonrespondents > 0; }
};

/// The response rate: respondents / (respondents + non-respondents), counting
/// only actors whose status is known; unknown actors are counted apart.
/// NaN when no actor's status is known. Complexity: O(n).
inline response_summary response_rate(const network& net) {
  response_summary r;
  for (const auto& a : net.actors()) {
    if (!a.respondent) {
      ++r.unknown;
    } else if (*a.respondent) {
      ++r.respondents;
    } else {
      ++r.nonrespondents;
      r.nonrespondent_ids.push_back(a.id);
    }
  }
  if (r.known()) r.rate = static_cast<double>(r.respondents) / static_cast<double>(r.respondents + r.nonrespondents);
  return r;
}

/// How a metric treats the dyads a non-respondent (actor::respondent ==
/// false) did not report on. Actors with unknown status count as observed.
enum class missing_policy {
  absent,       ///< unreported ties are absent (all dyads observed); no respondent data needed
  exclude,      ///< unobserved dyads drop out of numerator and denominator (R sna, NA edges)
  reconstruct,  ///< a non-respondent j gets j->i wherever i reported i->j (Stork & Richards 1992)
  impute,       ///< a non-respondent's absent arcs drawn at the observed density (Huisman 2009), with a seed
};

/// The policy's name: "absent", "exclude", "reconstruct" or "impute".
inline const char* to_string(missing_policy p) noexcept {
  switch (p) {
    case missing_policy::exclude: return "exclude";
    case missing_policy::reconstruct: return "reconstruct";
    case missing_policy::impute: return "impute";
    default: return "absent";
  }
}

/// The policy named `name`.
/// @throws invalid_input (field `missing`) naming the choices.
inline missing_policy parse_missing_policy(std::string_view name) {
  static constexpr std::array<const char*, 4> names{"absent", "exclude", "reconstruct", "impute"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) return static_cast<missing_policy>(i);
  }
  throw invalid_input(field_location("missing"), "unknown missing-data policy " + detail::quote_value(name) +
                                                     " (expected 'absent', 'exclude', 'reconstruct' or 'impute')" +
                                                     detail::did_you_mean(name, names));
}

/// Whether actor `a` is a known non-respondent.
inline bool is_nonrespondent(const actor& a) noexcept { return a.respondent.has_value() && !*a.respondent; }

/// The network with the ties of non-respondents reconstructed (Stork &
/// Richards 1992; Huisman 2009, "reconstruction"): for every tie i->j that
/// an actor i who is not a non-respondent reported to a non-respondent j,
/// the arc j->i is added (a copy of the reported tie: weight, relations,
/// attributes, since) unless j->i is there already. Ties between two
/// non-respondents stay as they are. An undirected network is returned
/// unchanged (a copy). Complexity: O(n + m) expected.
inline network reconstruct_missing(const network& net) {
  network out = net;
  if (!net.directed()) return out;
  const auto actors = net.actors();
  const auto ends = net.tie_ends();
  for (std::size_t i = 0; i < ends.size(); ++i) {
    const auto [u, v] = ends[i];
    if (u == v || is_nonrespondent(actors[u]) || !is_nonrespondent(actors[v])) continue;
    if (net.find_tie(actors[v].id, actors[u].id)) continue;  // j answered for itself after all
    const tie_view t = net.tie_at(i);
    out.add_tie(v, u, t.weight, tie_details{t.relations, t.attributes, t.since});
  }
  return out;
}

/// The network with the unobserved arcs of non-respondents imputed at random
/// (Huisman 2009, "random imputation"): every absent arc j->i from a
/// non-respondent j to another actor i is added with probability p, the
/// density of the observed dyads, p = (ties sent by the other actors) /
/// ((n - k)(n - 1)) for k non-respondents (the `exclude` density). An imputed
/// tie's weight is drawn uniformly from the weights of the observed ties, so a
/// valued network keeps its distribution of values; it carries no relations or
/// attributes. Arcs recorded for a non-respondent stay. An undirected network,
/// one without non-respondents, or one without an observed tie (p = 0) is
/// returned unchanged (a copy).
/// Reproducible with `seed` on every platform (std::mt19937_64 and
/// detail/random.hpp). Complexity: O(n + m + k + imputed arcs) expected: the
/// dyads between two imputed arcs are skipped geometrically, floor(log U /
/// log(1 - p)) of them for U uniform on (0, 1].
inline network impute_missing(const network& net, std::uint64_t seed = 1) {
  network out = net;
  if (!net.directed()) return out;
  const auto actors = net.actors();
  const std::size_t n = actors.size();
  std::vector<vertex_index> nonrespondents;
  for (std::size_t v = 0; v < n; ++v) {
    if (is_nonrespondent(actors[v])) nonrespondents.push_back(static_cast<vertex_index>(v));
  }
  if (nonrespondents.empty() || nonrespondents.size() == n) return out;
  const auto ends = net.tie_ends();
  const auto weights = net.tie_weights();
  std::vector<double> observed;  // weights of the ties the others sent
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (ends[i].first != ends[i].second && !is_nonrespondent(actors[ends[i].first])) observed.push_back(weights[i]);
  }
  if (observed.empty()) return out;
  const double p = static_cast<double>(observed.size()) /
                   (static_cast<double>(n - nonrespondents.size()) * static_cast<double>(n - 1));
  const double log_q = p < 1.0 ? std::log1p(-p) : 0.0;
  std::mt19937_64 rng(seed);
  std::vector<std::tuple<vertex_index, vertex_index, double>> imputed;
  for (const vertex_index j : nonrespondents) {
    // The candidates i != j as positions 0 .. n-2; a success every Geometric(p) positions.
    std::uint64_t pos = 0;
    for (;;) {
      if (p < 1.0) {
        const double u = 1.0 - detail::uniform_unit(rng);  // (0, 1]
        const double skip = std::floor(std::log(u) / log_q);
        if (!(skip < static_cast<double>(n - 1 - pos))) break;
        pos += static_cast<std::uint64_t>(skip);
      }
      if (pos >= n - 1) break;
      const auto i = static_cast<vertex_index>(pos < j ? pos : pos + 1);
      ++pos;
      if (net.find_tie(actors[j].id, actors[i].id)) continue;  // recorded: stays as it is
      imputed.emplace_back(j, i, observed[detail::uniform_index(rng, observed.size())]);
    }
  }
  for (const auto& [j, i, w] : imputed) out.add_tie(j, i, w, tie_details{});
  return out;
}

}  // namespace healthnet
