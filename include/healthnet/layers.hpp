// SPDX-License-Identifier: MIT
/// @file layers.hpp
/// @brief Ratings and layers: a numeric tie attribute as the weight, the
/// relation layers of a multiplex network, and strengths turned into lengths.
///
/// Weighted metrics read the tie weight. weighted_by() makes a copy whose
/// weights are a tie attribute (a trust or frequency rating), so every weighted
/// kernel can use that attribute; inverse_weights() turns strengths into
/// lengths 1/w for shortest-path metrics (Newman 2001; Opsahl, Agneessens &
/// Skvoretz 2010). Relation layers are network::relation_layer().
#pragma once

#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/detail/suggest.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/error.hpp>
#include <healthnet/network.hpp>

namespace healthnet {

/// Each relation and the number of ties that carry it (a tie with several
/// relations counts in each layer; ties without a relation are in none),
/// sorted by relation. O(m r).
[[nodiscard]] inline std::map<std::string, std::size_t, std::less<>> layers(const network& net) {
  std::map<std::string, std::size_t, std::less<>> out;
  for (const auto& t : net.ties()) {
    for (const auto& r : t.relations) ++out[r];
  }
  return out;
}

/// The tie attributes that have a numeric value on at least one tie, sorted.
[[nodiscard]] inline std::vector<std::string> numeric_tie_attributes(const network& net) {
  std::map<std::string, char, std::less<>> seen;
  for (const auto& t : net.ties()) {
    for (const auto& [key, value] : t.attributes) {
      if (numeric_value(value)) seen.emplace(key, 0);
    }
  }
  std::vector<std::string> out;
  out.reserve(seen.size());
  for (const auto& [key, unused] : seen) out.push_back(key);
  return out;
}

namespace detail {

/// `'a' -> 'b'` (directed) or `'a' -- 'b'` (undirected).
inline std::string tie_label(const network& net, const tie_view& t) {
  return quote_value(t.source) + (net.directed() ? " -> " : " -- ") + quote_value(t.target);
}

/// A copy of `net` (actors, bodies, settings, ties with their relations and
/// attributes) whose tie weights are `weights` (parallel to net.ties()).
inline network with_weights(const network& net, const std::vector<double>& weights) {
  network out(net.kind());
  out.set_allow_self_loops(net.allow_self_loops());
  out.set_region(net.region());
  if (net.has_custom_taxonomy()) out.set_taxonomy(net.sector_taxonomy());
  out.reserve(net.n_actors(), net.n_ties());
  for (const auto& a : net.actors()) out.add_actor(a);
  if (net.id_kind() != out.id_kind()) out.set_id_kind(net.id_kind());
  std::vector<vertex_index> source, target;
  std::vector<tie_details> details;
  source.reserve(net.n_ties());
  target.reserve(net.n_ties());
  details.reserve(net.n_ties());
  const auto ends = net.tie_ends();
  for (std::size_t i = 0; i < ends.size(); ++i) {
    source.push_back(ends[i].first);
    target.push_back(ends[i].second);
    const tie_view t = net.tie_at(i);
    details.push_back(tie_details{t.relations, t.attributes, t.since});
  }
  out.add_ties(source, target, weights, std::move(details));  // distinct pairs: nothing merges
  for (const auto& b : net.bodies()) out.add_body(b);
  return out;
}

}  // namespace detail

/// A copy of `net` whose tie weights are the values of the numeric tie
/// attribute `attribute` (e.g. a trust rating); everything else is kept.
/// Weighted kernels then use the attribute as they use the weight (strength
/// in degree, PageRank, constraint; length in shortest paths).
///
/// A missing value is neither 0 nor 1, so nothing is substituted:
/// @throws not_found (field `weight`) when no tie has the attribute, naming
///         the numeric tie attributes with a "did you mean"; nothing is thrown
///         for a network without ties.
/// @throws invalid_input (field `weight`) when some ties lack the value
///         (how many, and the first one), when a value is not a number, or
///         when a value is negative or not finite (weights must be finite and
///         >= 0, as everywhere in healthnet; 0 is a tie of length 0 in
///         shortest paths).
[[nodiscard]] inline network weighted_by(const network& net, std::string_view attribute) {
  if (net.n_ties() == 0) return detail::with_weights(net, {});
  std::vector<double> weights;
  weights.reserve(net.n_ties());
  std::size_t lacking = 0;
  std::optional<std::size_t> first_lacking;
  bool any = false;
  for (std::size_t i = 0; i < net.n_ties(); ++i) {
    const tie_view t = net.tie_at(i);
    const auto it = t.attributes.find(attribute);
    if (it == t.attributes.end()) {
      ++lacking;
      if (!first_lacking) first_lacking = i;
      weights.push_back(0.0);
      continue;
    }
    any = true;
    const auto x = numeric_value(it->second);
    if (!x) {
      throw invalid_input(field_location("weight"),
                          "tie attribute " + detail::quote_value(attribute) + " of the tie " +
                              detail::tie_label(net, t) + " is " + detail::quote_value(to_string(it->second)) +
                              ", not a number");
    }
    if (!std::isfinite(*x) || *x < 0) {
      throw invalid_input(field_location("weight"),
                          "tie attribute " + detail::quote_value(attribute) + " of the tie " +
                              detail::tie_label(net, t) + " is " + detail::format_number(*x) +
                              "; weights must be finite and >= 0");
    }
    weights.push_back(*x);
  }
  if (!any) {
    const auto known = numeric_tie_attributes(net);
    auto candidates = known;
    candidates.emplace_back("weight");
    throw not_found("weight: no tie has the attribute " + detail::quote_value(attribute) +
                    detail::did_you_mean(attribute, candidates) + " (numeric tie attributes: " +
                    detail::known_names(known) + "; 'weight' is the tie weight)");
  }
  if (lacking > 0) {
    throw invalid_input(field_location("weight"),
                        std::to_string(lacking) + " of " + std::to_string(net.n_ties()) + " ties have no " +
                            detail::quote_value(attribute) + " value, the first " +
                            detail::tie_label(net, net.tie_at(*first_lacking)) +
                            "; a missing rating is neither 0 nor 1: pick a relation layer whose ties all carry it, "
                            "or fill the values");
  }
  return detail::with_weights(net, weights);
}

/// A copy of `net` whose tie weights are 1/w: strengths (frequency, trust)
/// become lengths, so that a strong tie is a short path (Newman 2001; Opsahl,
/// Agneessens & Skvoretz 2010).
/// @throws invalid_input (field `weight`) naming the first tie of weight 0,
///         whose length 1/0 would be infinite (drop such ties, or pick a layer).
[[nodiscard]] inline network inverse_weights(const network& net) {
  std::vector<double> lengths;
  lengths.reserve(net.n_ties());
  const auto w = net.tie_weights();
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!(w[i] > 0)) {
      throw invalid_input(field_location("weight"),
                          "the tie " + detail::tie_label(net, net.tie_at(i)) +
                              " has weight 0, and its inverse length 1/0 is infinite; drop ties of weight 0 "
                              "(or pick a relation layer) before distance=\"inverse\"");
    }
    const double length = 1.0 / w[i];
    if (!std::isfinite(length)) {
      throw invalid_input(field_location("weight"),
                          "the tie " + detail::tie_label(net, net.tie_at(i)) + " has weight " +
                              detail::format_number(w[i]) + ", too small to invert");
    }
    lengths.push_back(length);
  }
  return detail::with_weights(net, lengths);
}

}  // namespace healthnet
