// SPDX-License-Identifier: MIT
/// @file response.hpp
/// @brief Survey response: the response rate, the missing-data policy of
/// metrics, and the reconstruction of non-respondents' ties.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

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
};

/// The policy's name: "absent", "exclude" or "reconstruct".
inline const char* to_string(missing_policy p) noexcept {
  switch (p) {
    case missing_policy::exclude: return "exclude";
    case missing_policy::reconstruct: return "reconstruct";
    default: return "absent";
  }
}

/// The policy named `name`.
/// @throws invalid_input (field `missing`) naming the choices.
inline missing_policy parse_missing_policy(std::string_view name) {
  static constexpr std::array<const char*, 3> names{"absent", "exclude", "reconstruct"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) return static_cast<missing_policy>(i);
  }
  throw invalid_input(field_location("missing"), "unknown missing-data policy " + detail::quote_value(name) +
                                                     " (expected 'absent', 'exclude' or 'reconstruct')" +
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

}  // namespace healthnet
