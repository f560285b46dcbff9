// SPDX-License-Identifier: MIT
/// @file relationship_quality.hpp
/// @brief Relationship quality: open trust and value scores (after PARTNER)
/// and the distribution of an ordinal collaboration scale (Himmelman).
///
/// PARTNER (Varda, Chandra, Stern & Lurie 2008, "Core dimensions of
/// connectivity in public health collaboratives", J Public Health Manag
/// Pract 14(5); Varda et al., the PARTNER tool) asks each respondent to rate
/// each partner on three trust sub-indicators (openness to discussion,
/// reliability, support of the shared mission) and three value
/// sub-indicators (power/influence, resource contribution, level of
/// involvement), each on a scale of 1 to 4. Here the ratings are tie
/// attributes of the tie source -> target (the source rates the target),
/// and the formulas are open (docs/metrics.md).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <healthnet/composition.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/error.hpp>
#include <healthnet/network.hpp>
#include <healthnet/response.hpp>

namespace healthnet {

/// PARTNER's trust sub-indicators under their default attribute names.
inline const std::vector<std::string>& default_trust_attributes() {
  static const std::vector<std::string> names{"trust_openness", "trust_reliability", "trust_mission"};
  return names;
}
/// PARTNER's value sub-indicators under their default attribute names.
inline const std::vector<std::string>& default_value_attributes() {
  static const std::vector<std::string> names{"value_power", "value_resources", "value_involvement"};
  return names;
}

/// Which tie attributes hold the ratings, and their scale.
struct quality_options {
  std::vector<std::string> trust{default_trust_attributes()};  ///< trust sub-indicators (tie attribute names)
  std::vector<std::string> value{default_value_attributes()};  ///< value sub-indicators (tie attribute names)
  double scale_min{1};  ///< lowest possible rating
  double scale_max{4};  ///< highest possible rating (the percentages are of this)
};

/// The ratings of one tie: what the source says about the target.
struct tie_quality {
  std::string source;  ///< the rater (actor id)
  std::string target;  ///< the rated actor (actor id)
  /// The ratings, trust sub-indicators first, then value (options order); NaN when missing.
  std::vector<double> ratings;
  double trust{};  ///< mean of the non-missing trust ratings; NaN when none
  double value{};  ///< mean of the non-missing value ratings; NaN when none
};

/// The ratings an actor received and gave.
struct actor_quality {
  std::string id;                 ///< actor id
  double trust_received{};        ///< mean tie trust received from raters who are not non-respondents; NaN when none
  std::size_t trust_raters{};     ///< number of ties whose trust is in trust_received
  double value_received{};        ///< likewise for value
  std::size_t value_raters{};     ///< number of ties whose value is in value_received
  double trust_given{};           ///< mean tie trust the actor gave; NaN when none
  double value_given{};           ///< mean tie value the actor gave; NaN when none
};

/// One network-level mean: on the scale and as a percentage of the scale maximum.
struct quality_score {
  std::string name;    ///< "trust", "value" or a sub-indicator's attribute name
  double mean{};       ///< mean over the rated ties; NaN when none
  double percent{};    ///< mean / scale_max * 100
  std::size_t n{};     ///< number of rated ties in the mean
};

/// Relationship quality at three levels (see relationship_quality()).
struct quality_result {
  std::vector<std::string> trust_attributes;  ///< as given
  std::vector<std::string> value_attributes;  ///< as given
  double scale_min{};                         ///< as given
  double scale_max{};                         ///< as given
  std::vector<tie_quality> ties;              ///< every tie, in tie order
  std::vector<actor_quality> actors;          ///< every actor, in actor order
  quality_score trust;                        ///< network trust
  quality_score value;                        ///< network value
  std::vector<quality_score> indicators;      ///< each sub-indicator, trust ones first
};

namespace detail {

/// The attribute as a number when it holds any arithmetic alternative other
/// than bool (double today; int64 too if attribute_value gains it).
template <class Variant>
std::optional<double> numeric_attribute(const Variant& v) {
  return std::visit(
      [](const auto& x) -> std::optional<double> {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
          return static_cast<double>(x);
        } else {
          return std::nullopt;
        }
      },
      v);
}

/// Names of every tie attribute present in `net`, sorted.
inline std::set<std::string, std::less<>> tie_attribute_names(const network& net) {
  std::set<std::string, std::less<>> names;
  for (std::size_t i = 0; i < net.n_ties(); ++i) {
    for (const auto& [key, value] : net.tie_at(i).attributes) names.insert(key);
  }
  return names;
}

/// @throws not_found when no tie carries `name`, with a suggestion.
inline void require_tie_attribute(const std::set<std::string, std::less<>>& present, const std::string& name,
                                  const char* what) {
  if (present.contains(name)) return;
  throw not_found(std::string(what) + ": no tie carries the attribute " + quote_value(name) +
                  did_you_mean(name, present) + " (" + known_names(present) + ")");
}

inline double mean_or_nan(double sum, std::size_t n) {
  return n ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace detail

/// Relationship quality (trust and value, after PARTNER; Varda et al. 2008).
///
/// - **Per tie** s -> t: trust = mean of the non-missing trust ratings r_k
///   the source s gave about the target t; value likewise; NaN when none.
/// - **Per actor** v: trust_received = mean of trust(u -> v) over the ties
///   into v with a trust score whose rater u is not a known non-respondent
///   (actor::respondent != false; unknown status counts), trust_raters =
///   their number; trust_given = mean of trust(v -> w) over v's rated ties.
///   Value likewise. In an undirected network a tie's ratings are the
///   relationship's: each end receives them from, and gives them to, the other.
/// - **Per network**: trust = mean of the tie trust scores over the rated ties
///   whose rater is not a known non-respondent, and percent = trust /
///   scale_max * 100; value and each sub-indicator likewise.
///
/// A missing rating (attribute absent, or NaN) is skipped.
/// @throws invalid_input when both lists are empty, the scale is not finite
///         with scale_min < scale_max, or a rating is not a number or
///         lies outside [scale_min, scale_max] (naming the tie and attribute).
/// @throws not_found when no tie carries a named attribute ("did you mean").
/// Complexity: O(m (k + log a) + n), k sub-indicators, a attribute names.
inline quality_result relationship_quality(const network& net, const quality_options& options = {}) {
  if (options.trust.empty() && options.value.empty()) {
    throw invalid_input(field_location("trust"), "no trust or value attributes named");
  }
  if (!std::isfinite(options.scale_min) || !std::isfinite(options.scale_max) ||
      !(options.scale_min < options.scale_max)) {
    throw invalid_input(field_location("scale"), "expected a finite scale with min < max, got (" +
                                                     detail::format_number(options.scale_min) + ", " +
                                                     detail::format_number(options.scale_max) + ")");
  }
  const auto present = detail::tie_attribute_names(net);
  for (const auto& name : options.trust) detail::require_tie_attribute(present, name, "trust");
  for (const auto& name : options.value) detail::require_tie_attribute(present, name, "value");

  quality_result r;
  r.trust_attributes = options.trust;
  r.value_attributes = options.value;
  r.scale_min = options.scale_min;
  r.scale_max = options.scale_max;
  const std::size_t kt = options.trust.size(), k = kt + options.value.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto actors = net.actors();
  const auto ends = net.tie_ends();

  // Per actor sums: received (from raters who are not non-respondents) and given.
  struct sums {
    double trust_in{}, value_in{}, trust_out{}, value_out{};
    std::size_t n_trust_in{}, n_value_in{}, n_trust_out{}, n_value_out{};
  };
  std::vector<sums> per_actor(actors.size());
  std::vector<double> item_sum(k, 0.0);
  std::vector<std::size_t> item_n(k, 0);
  double trust_sum = 0, value_sum = 0;
  std::size_t trust_n = 0, value_n = 0;

  r.ties.reserve(net.n_ties());
  for (std::size_t i = 0; i < net.n_ties(); ++i) {
    const tie_view t = net.tie_at(i);
    tie_quality q{t.source, t.target, std::vector<double>(k, nan), nan, nan};
    double ts = 0, vs = 0;
    std::size_t tn = 0, vn = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const std::string& name = j < kt ? options.trust[j] : options.value[j - kt];
      const auto it = t.attributes.find(name);
      if (it == t.attributes.end()) continue;
      const auto x = detail::numeric_attribute(it->second);
      const std::string where = "tie " + detail::quote_value(t.source) + " -> " + detail::quote_value(t.target) +
                                ", attribute " + detail::quote_value(name);
      if (!x) {
        throw invalid_input(field_location(where), "rating is not a number: " + detail::quote_value(to_string(it->second)));
      }
      if (std::isnan(*x)) continue;  // a blank rating
      if (*x < options.scale_min || *x > options.scale_max) {
        throw invalid_input(field_location(where), "rating " + detail::format_number(*x) + " outside the scale [" +
                                                       detail::format_number(options.scale_min) + ", " +
                                                       detail::format_number(options.scale_max) + "]");
      }
      q.ratings[j] = *x;
      (j < kt ? ts : vs) += *x;
      ++(j < kt ? tn : vn);
    }
    q.trust = detail::mean_or_nan(ts, tn);
    q.value = detail::mean_or_nan(vs, vn);

    const auto [u, v] = ends[i];
    // Raters: the source in a directed network, either end in an undirected one.
    const auto credit = [&](vertex_index rater, vertex_index rated) {
      auto& out = per_actor[rater];
      if (tn) out.trust_out += q.trust, ++out.n_trust_out;
      if (vn) out.value_out += q.value, ++out.n_value_out;
      if (is_nonrespondent(actors[rater])) return;
      auto& in = per_actor[rated];
      if (tn) in.trust_in += q.trust, ++in.n_trust_in;
      if (vn) in.value_in += q.value, ++in.n_value_in;
    };
    credit(u, v);
    if (!net.directed() && u != v) credit(v, u);
    // Network level: ties whose rater is not a known non-respondent (undirected: either end answered).
    const bool counted = net.directed() ? !is_nonrespondent(actors[u])
                                        : !(is_nonrespondent(actors[u]) && is_nonrespondent(actors[v]));
    if (counted) {
      if (tn) trust_sum += q.trust, ++trust_n;
      if (vn) value_sum += q.value, ++value_n;
      for (std::size_t j = 0; j < k; ++j) {
        if (!std::isnan(q.ratings[j])) item_sum[j] += q.ratings[j], ++item_n[j];
      }
    }
    r.ties.push_back(std::move(q));
  }

  r.actors.reserve(actors.size());
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const auto& s = per_actor[a];
    r.actors.push_back({actors[a].id, detail::mean_or_nan(s.trust_in, s.n_trust_in), s.n_trust_in,
                        detail::mean_or_nan(s.value_in, s.n_value_in), s.n_value_in,
                        detail::mean_or_nan(s.trust_out, s.n_trust_out),
                        detail::mean_or_nan(s.value_out, s.n_value_out)});
  }
  const auto score = [&](std::string name, double sum, std::size_t n) {
    const double mean = detail::mean_or_nan(sum, n);
    return quality_score{std::move(name), mean, mean / options.scale_max * 100.0, n};
  };
  r.trust = score("trust", trust_sum, trust_n);
  r.value = score("value", value_sum, value_n);
  for (std::size_t j = 0; j < k; ++j) {
    r.indicators.push_back(score(j < kt ? options.trust[j] : options.value[j - kt], item_sum[j], item_n[j]));
  }
  return r;
}

/// The names among `wanted` that some tie of `net` carries, in `wanted` order.
inline std::vector<std::string> present_tie_attributes(const network& net, const std::vector<std::string>& wanted) {
  const auto present = detail::tie_attribute_names(net);
  std::vector<std::string> out;
  for (const auto& name : wanted) {
    if (present.contains(name)) out.push_back(name);
  }
  return out;
}

/// Counts of an ordinal scale's levels among some ties.
struct level_counts {
  std::vector<std::size_t> counts;  ///< per level, in the order of the levels
  std::vector<double> shares;       ///< counts / total; NaN when total = 0
  std::size_t total{};              ///< ties with a level
};

/// The distribution of an ordinal collaboration scale (see collaboration_levels()).
struct collaboration_levels_result {
  std::string attribute;             ///< the tie attribute read
  std::vector<std::string> levels;   ///< as given, lowest first
  level_counts overall;              ///< over all ties with a level
  std::size_t unrated{};             ///< ties without the attribute
  /// Sector pairs (primary sectors; "(missing)" for none): (from, to),
  /// ordered when directed, from <= to when undirected; sorted.
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<level_counts> by_pair;  ///< parallel to `pairs`
};

/// The distribution of the ordinal tie attribute `attribute` over `levels`
/// (e.g. awareness, cooperation, coordination, integration; Himmelman 2002,
/// "Collaboration for a change"): counts and shares overall and by pair of
/// primary sectors (the pair unordered when undirected, source sector first
/// when directed). A value is matched by its text (to_string(), so the number
/// 2 matches the level "2"); ties without the attribute are counted in `unrated`.
/// @throws invalid_input for no levels, a repeated level, or a value that is
///         not a level (naming the tie).
/// @throws not_found when no tie carries `attribute` ("did you mean").
/// Complexity: O(m (log a + log L + log P)).
inline collaboration_levels_result collaboration_levels(const network& net, const std::string& attribute,
                                                        const std::vector<std::string>& levels) {
  if (levels.empty()) throw invalid_input(field_location("levels"), "no levels given");
  std::map<std::string, std::size_t, std::less<>> rank;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (!rank.emplace(levels[i], i).second) {
      throw invalid_input(field_location("levels"), "level " + detail::quote_value(levels[i]) + " given twice");
    }
  }
  detail::require_tie_attribute(detail::tie_attribute_names(net), attribute, "attr");
  collaboration_levels_result r;
  r.attribute = attribute;
  r.levels = levels;
  r.overall.counts.assign(levels.size(), 0);
  const auto actors = net.actors();
  const auto ends = net.tie_ends();
  const auto sector = [&](vertex_index i) -> std::string {
    const auto& s = actors[i].primary_sector();
    return s.empty() ? std::string(missing_group) : s;
  };
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_pair;
  for (std::size_t i = 0; i < net.n_ties(); ++i) {
    const tie_view t = net.tie_at(i);
    const auto it = t.attributes.find(attribute);
    if (it == t.attributes.end()) {
      ++r.unrated;
      continue;
    }
    const std::string text = to_string(it->second);
    const auto level = rank.find(text);
    if (level == rank.end()) {
      throw invalid_input(field_location("tie " + detail::quote_value(t.source) + " -> " + detail::quote_value(t.target) +
                                         ", attribute " + detail::quote_value(attribute)),
                          "value " + detail::quote_value(text) + " is not a level (" + detail::known_names(levels) + ")" +
                              detail::did_you_mean(text, levels));
    }
    ++r.overall.counts[level->second];
    std::pair<std::string, std::string> key{sector(ends[i].first), sector(ends[i].second)};
    if (!net.directed() && key.second < key.first) std::swap(key.first, key.second);
    auto& counts = by_pair[key];
    if (counts.empty()) counts.assign(levels.size(), 0);
    ++counts[level->second];
  }
  const auto finish = [](level_counts& c) {
    c.total = 0;
    for (auto x : c.counts) c.total += x;
    c.shares.clear();
    for (auto x : c.counts) {
      c.shares.push_back(c.total ? static_cast<double>(x) / static_cast<double>(c.total)
                                 : std::numeric_limits<double>::quiet_NaN());
    }
  };
  finish(r.overall);
  for (auto& [key, counts] : by_pair) {
    r.pairs.push_back(key);
    level_counts c;
    c.counts = std::move(counts);
    finish(c);
    r.by_pair.push_back(std::move(c));
  }
  return r;
}

}  // namespace healthnet
