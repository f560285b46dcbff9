// SPDX-License-Identifier: MIT
/// @file symmetrize.hpp
/// @brief Symmetrising a directed network (survey nominations) into an
/// undirected one, with the rules of R sna `symmetrize`.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <healthnet/detail/suggest.hpp>
#include <healthnet/error.hpp>
#include <healthnet/network.hpp>
#include <healthnet/response.hpp>

namespace healthnet {

/// When a pair of actors is tied in the result (the `rule` of R sna
/// `symmetrize`). For the pair i < j (actor order), with the arcs i->j and j->i:
enum class symmetrize_rule {
  weak,    ///< "weak" / "union": tied when either arc exists
  strong,  ///< "strong" / "intersection": tied when both arcs exist
  upper,   ///< "upper": the arc i->j decides (sna copies the upper triangle [i,j], i<j, to [j,i])
  lower,   ///< "lower": the arc j->i decides (the lower triangle [j,i], j>i)
};

/// What a dyad with exactly one non-respondent gets.
enum class nonrespondent_rule {
  trust,  ///< the other actor's report decides, whatever the rule (also for strong)
  drop,   ///< the dyad is left untied
};

/// How the values of the two arcs of a tied pair combine.
enum class combine_rule { max, min, mean, sum };

/// Options of symmetrize().
struct symmetrize_options {
  symmetrize_rule rule{symmetrize_rule::weak};                  ///< see symmetrize_rule
  nonrespondent_rule nonrespondents{nonrespondent_rule::trust};  ///< see nonrespondent_rule
  combine_rule combine{combine_rule::max};                       ///< for the weight and numeric attributes
  /// Per value: `"weight"` or a numeric tie attribute name -> its rule
  /// (others use `combine`).
  std::map<std::string, combine_rule, std::less<>> combine_by;
};

/// The rule named `name` ("weak", "union", "strong", "intersection", "upper", "lower").
/// @throws invalid_input (field `rule`) naming the choices.
inline symmetrize_rule parse_symmetrize_rule(std::string_view name) {
  static constexpr std::array<const char*, 6> names{"weak", "union", "strong", "intersection", "upper", "lower"};
  static constexpr std::array<symmetrize_rule, 6> rules{symmetrize_rule::weak,  symmetrize_rule::weak,
                                                        symmetrize_rule::strong, symmetrize_rule::strong,
                                                        symmetrize_rule::upper, symmetrize_rule::lower};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) return rules[i];
  }
  throw invalid_input(field_location("rule"), "unknown rule " + detail::quote_value(name) +
                                                  " (expected 'weak', 'union', 'strong', 'intersection', 'upper' "
                                                  "or 'lower')" + detail::did_you_mean(name, names));
}

/// The rule named `name` ("trust", "drop"). @throws invalid_input (field `nonrespondents`)
inline nonrespondent_rule parse_nonrespondent_rule(std::string_view name) {
  if (name == "trust") return nonrespondent_rule::trust;
  if (name == "drop") return nonrespondent_rule::drop;
  static constexpr std::array<const char*, 2> names{"trust", "drop"};
  throw invalid_input(field_location("nonrespondents"), "unknown rule " + detail::quote_value(name) +
                                                            " (expected 'trust' or 'drop')" +
                                                            detail::did_you_mean(name, names));
}

/// The rule named `name` ("max", "min", "mean", "sum"); `field` names the
/// option in the message. @throws invalid_input naming the choices.
inline combine_rule parse_combine_rule(std::string_view name, const std::string& field = "combine") {
  static constexpr std::array<const char*, 4> names{"max", "min", "mean", "sum"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) return static_cast<combine_rule>(i);
  }
  throw invalid_input(field_location(field), "unknown rule " + detail::quote_value(name) +
                                                 " (expected 'max', 'min', 'mean' or 'sum')" +
                                                 detail::did_you_mean(name, names));
}

namespace detail {

inline double combine_values(combine_rule rule, double a, double b) {
  switch (rule) {
    case combine_rule::min: return std::min(a, b);
    case combine_rule::mean: return a / 2 + b / 2;  // no overflow for large finite values
    case combine_rule::sum: return a + b;
    default: return std::max(a, b);
  }
}

/// The numeric tie attribute names of `net`, sorted.
inline std::vector<std::string> numeric_tie_attributes(const network& net) {
  std::vector<std::string> out;
  for (const auto& t : net.ties()) {
    for (const auto& [k, v] : t.attributes) {
      if (numeric_value(v)) out.push_back(k);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace detail

/// An undirected network from a directed one, pair by pair.
///
/// For each pair of distinct actors i < j (actor order) with arcs a = i->j
/// and b = j->i, the arcs that count are:
/// - when exactly one of i, j is a non-respondent (actor::respondent ==
///   false): with `nonrespondents = trust` only the other actor's arc, and
///   the pair is tied when it exists, whatever the rule (the respondent's
///   report decides); with `drop` none (the pair is untied);
/// - otherwise, by `rule`: weak {a, b} (tied when either exists), strong
///   {a, b} when both exist, upper {a}, lower {b}.
/// A tied pair gets: the weight and every numeric attribute combined over
/// the counted arcs that carry it (`combine`, or `combine_by[name]`: max,
/// min, mean = (x + y) / 2, sum; one value stays as it is); the relations
/// united (weak, trust) or intersected (strong) over the counted arcs; text
/// and flag attributes from the counted arcs, the arc i->j winning where
/// both carry different values; `since` the earlier date. Self-loops are
/// kept as they are. Ties come in the order of their first arc.
/// The result keeps the actors (with their respondent flags), bodies,
/// region, taxonomy and self-loop setting. An undirected network is
/// returned as an equal copy (the callers note it).
///
/// Reference: R sna `symmetrize(rule = "weak"|"strong"|"upper"|"lower")`
/// for binary ties; networkx `to_undirected(reciprocal = False|True)` for
/// weak and strong.
/// @throws invalid_input (field `combine`) when `combine_by` names a value
/// that is not "weight" or a numeric tie attribute; when a combined weight
/// is not finite.
/// Complexity: O(n + m) expected.
inline network symmetrize(const network& net, const symmetrize_options& options = {}) {
  if (!net.directed()) return net;
  if (!options.combine_by.empty()) {
    auto known = detail::numeric_tie_attributes(net);
    known.insert(known.begin(), "weight");
    for (const auto& [name, rule] : options.combine_by) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        throw invalid_input(field_location("combine"), "names no numeric tie value " + detail::quote_value(name) +
                                                           " (" + detail::known_names(known) + ")" +
                                                           detail::did_you_mean(name, known));
      }
    }
  }
  const auto rule_for = [&](std::string_view name) {
    const auto it = options.combine_by.find(name);
    return it == options.combine_by.end() ? options.combine : it->second;
  };
  const combine_rule weight_rule = rule_for("weight");

  network out(directedness::undirected);
  out.set_allow_self_loops(net.allow_self_loops());
  out.set_region(net.region());
  if (net.has_custom_taxonomy()) out.set_taxonomy(net.sector_taxonomy());
  out.reserve(net.n_actors(), net.n_ties());
  for (const auto& a : net.actors()) out.add_actor(a);

  // Pairs in the order of their first arc: [arc i->j, arc j->i] (tie numbers).
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  const auto ends = net.tie_ends();
  std::unordered_map<std::uint64_t, std::size_t> slot_of;
  std::vector<std::array<std::size_t, 2>> pairs;
  slot_of.reserve(ends.size());
  for (std::size_t i = 0; i < ends.size(); ++i) {
    const auto [u, v] = ends[i];
    if (u == v) {
      pairs.push_back({i, none});
      continue;
    }
    const auto lo = std::min(u, v), hi = std::max(u, v);
    const auto key = (static_cast<std::uint64_t>(lo) << 32) | hi;
    auto [it, fresh] = slot_of.try_emplace(key, pairs.size());
    if (fresh) pairs.push_back({none, none});
    pairs[it->second][u < v ? 0 : 1] = i;
  }

  const auto actors = net.actors();
  for (const auto& [forward, backward] : pairs) {
    if (forward != none && backward == none && ends[forward].first == ends[forward].second) {
      const tie_view t = net.tie_at(forward);  // a self-loop
      out.add_tie(ends[forward].first, ends[forward].first, t.weight, tie_details{t.relations, t.attributes, t.since});
      continue;
    }
    const std::size_t any = forward != none ? forward : backward;
    const auto i = std::min(ends[any].first, ends[any].second);
    const auto j = std::max(ends[any].first, ends[any].second);
    const bool i_nr = is_nonrespondent(actors[i]);
    const bool j_nr = is_nonrespondent(actors[j]);
    std::array<std::size_t, 2> counted{none, none};
    bool intersect = false;
    if (i_nr != j_nr) {
      if (options.nonrespondents == nonrespondent_rule::drop) continue;
      counted = {i_nr ? none : forward, i_nr ? backward : none};  // the respondent's own report
    } else {
      switch (options.rule) {
        case symmetrize_rule::weak: counted = {forward, backward}; break;
        case symmetrize_rule::strong:
          if (forward == none || backward == none) continue;
          counted = {forward, backward};
          intersect = true;
          break;
        case symmetrize_rule::upper: counted = {forward, none}; break;
        case symmetrize_rule::lower: counted = {none, backward}; break;
      }
    }
    if (counted[0] == none && counted[1] == none) continue;

    std::optional<double> weight;
    tie_details d;
    bool first = true;
    for (const std::size_t k : counted) {
      if (k == none) continue;
      const tie_view t = net.tie_at(k);
      weight = weight ? detail::combine_values(weight_rule, *weight, t.weight) : t.weight;
      if (first) {
        d.relations = t.relations;
      } else if (intersect) {
        std::erase_if(d.relations, [&](const std::string& r) { return !t.relations.contains(r); });
      } else {
        d.relations.insert(t.relations.begin(), t.relations.end());
      }
      for (const auto& [name, value] : t.attributes) {
        auto [it, fresh] = d.attributes.try_emplace(name, value);
        if (fresh) continue;
        const auto x = numeric_value(it->second);
        const auto y = numeric_value(value);
        if (x && y) it->second = detail::combine_values(rule_for(name), *x, *y);
        // text and flags: the arc i->j (counted first) keeps its value
      }
      if (t.since && (!d.since || *t.since < *d.since)) d.since = t.since;
      first = false;
    }
    out.add_tie(i, j, *weight, std::move(d));
  }
  for (const auto& b : net.bodies()) out.add_body(b);
  return out;
}

}  // namespace healthnet
