// SPDX-License-Identifier: MIT
/// @file metric_registry.hpp
/// @brief Every whole-network metric of healthnet by name: for profiles, scorecards and wave comparison.
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/assortativity.hpp>
#include <healthnet/centrality.hpp>
#include <healthnet/cohesion.hpp>
#include <healthnet/components.hpp>
#include <healthnet/composition.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/degree.hpp>
#include <healthnet/density.hpp>
#include <healthnet/ei_index.hpp>
#include <healthnet/error.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/multiplexity.hpp>
#include <healthnet/network.hpp>
#include <healthnet/relationship_quality.hpp>

namespace healthnet {

/// What a named metric is and how to compute it.
struct metric_definition {
  std::string name;         ///< snake_case, stable (JSON keys, scorecards, Series index)
  std::string label_en;     ///< short English label
  std::string label_de;     ///< short German label
  bool grouped{false};      ///< takes a grouping (`by`, "sector" by default)
  bool structural{false};   ///< part of profile(): needs no grouping
  /// Computes the value; `by` is ignored unless `grouped`.
  std::function<double(const network&, std::string_view by)> compute;
};

namespace detail {

inline double nan_value() { return std::numeric_limits<double>::quiet_NaN(); }

/// Ids of the members of every coordination office.
inline std::vector<std::string> office_members(const network& net) {
  std::vector<std::string> ids;
  for (const auto& b : net.bodies()) {
    if (b.kind == body_kind::coordination_office) ids.insert(ids.end(), b.members.begin(), b.members.end());
  }
  return ids;
}

/// Runs `f`, giving NaN when it cannot be computed (e.g. no convergence).
template <class F>
double or_nan(F&& f) {
  try {
    return f();
  } catch (const invalid_input&) {
    return nan_value();
  }
}

inline std::vector<metric_definition> make_metric_catalog() {
  using sv = std::string_view;
  std::vector<metric_definition> m;
  auto structural = [&](const char* name, const char* en, const char* de, std::function<double(const network&)> f) {
    m.push_back({name, en, de, false, true, [f](const network& net, sv) { return f(net); }});
  };
  auto grouped = [&](const char* name, const char* en, const char* de,
                     std::function<double(const network&, const grouping&)> f) {
    m.push_back({name, en, de, true, false,
                 [f](const network& net, sv by) { return f(net, group_actors(net, by.empty() ? sv("sector") : by)); }});
  };
  auto coverage = [&](const char* name, const char* en, const char* de, std::function<double(const coverage_result&)> f) {
    m.push_back({name, en, de, false, false, [f](const network& net, sv) { return f(sector_coverage(net, std::nullopt, false)); }});
  };
  structural("n_actors", "actors", "Akteure", [](const network& n) { return static_cast<double>(n.n_actors()); });
  structural("n_ties", "ties", "Beziehungen", [](const network& n) { return static_cast<double>(n.n_ties()); });
  structural("n_bodies", "governance bodies", "Gremien", [](const network& n) { return static_cast<double>(n.n_bodies()); });
  structural("density", "density", "Dichte", [](const network& n) { return density(n); });
  structural("weighted_density", "valued density", "gewichtete Dichte", [](const network& n) { return density(n, true); });
  structural("mean_degree", "mean degree", "mittlerer Grad", [](const network& n) {
    const auto d = degree(n);
    double s = 0;
    for (double x : d) s += x;
    return d.empty() ? 0.0 : s / static_cast<double>(d.size());
  });
  structural("max_degree", "largest degree", "höchster Grad", [](const network& n) {
    double mx = 0;
    for (double x : degree(n)) mx = std::max(mx, x);
    return mx;
  });
  structural("n_isolates", "isolates", "Isolierte", [](const network& n) { return static_cast<double>(isolates(n).size()); });
  structural("isolate_share", "share of isolates", "Anteil Isolierter", [](const network& n) {
    return n.n_actors() ? static_cast<double>(isolates(n).size()) / static_cast<double>(n.n_actors()) : 0.0;
  });
  structural("n_sectors", "sectors present", "vertretene Sektoren", [](const network& n) {
    double k = 0;
    for (const auto& [s, c] : sector_counts(n)) k += s != missing_group ? 1 : 0;
    return k;
  });
  structural("reciprocity", "reciprocity (edgewise)", "Reziprozität", [](const network& n) { return reciprocity(n); });
  structural("transitivity", "transitivity", "Transitivität", [](const network& n) { return transitivity(n); });
  structural("average_clustering", "average clustering", "mittlere Clusterung", [](const network& n) { return average_clustering(n); });
  structural("degree_centralization", "degree centralization", "Grad-Zentralisierung",
             [](const network& n) { return degree_centralization(n); });
  structural("betweenness_centralization", "betweenness centralization", "Betweenness-Zentralisierung",
             [](const network& n) { return betweenness_centralization(n); });
  structural("closeness_centralization", "closeness centralization", "Closeness-Zentralisierung",
             [](const network& n) { return closeness_centralization(n); });
  structural("eigenvector_centralization", "eigenvector centralization", "Eigenvektor-Zentralisierung",
             [](const network& n) { return or_nan([&] { return eigenvector_centralization(n); }); });
  structural("n_components", "components", "Komponenten", [](const network& n) { return static_cast<double>(n_components(n)); });
  structural("largest_component_share", "share in the largest component", "Anteil größte Komponente",
             [](const network& n) { return largest_component_share(n); });
  structural("fragmentation", "fragmentation", "Fragmentierung", [](const network& n) { return fragmentation(n); });
  structural("fragmentation_without_office", "fragmentation without the coordination office",
             "Fragmentierung ohne Geschäftsstelle", [](const network& n) {
               const auto ids = office_members(n);
               return fragmentation(n, ids);
             });
  structural("multiplexity", "multiplexity", "Multiplexität", [](const network& n) { return multiplexity(n); });
  coverage("coverage_ratio", "coverage of required sectors", "Abdeckung der Pflichtsektoren",
           [](const coverage_result& c) { return c.coverage_ratio; });
  coverage("n_missing_sectors", "required sectors missing", "fehlende Pflichtsektoren",
           [](const coverage_result& c) { return static_cast<double>(c.missing.size()); });
  coverage("connected_sector_share", "share of present sectors tied to another sector",
           "Anteil vernetzter Sektoren", [](const coverage_result& c) {
             return c.present.empty() ? nan_value()
                                      : static_cast<double>(c.connected.size()) / static_cast<double>(c.present.size());
           });
  coverage("blau", "Blau diversity", "Blau-Diversität", [](const coverage_result& c) { return c.blau; });
  coverage("iqv", "index of qualitative variation", "IQV", [](const coverage_result& c) { return c.iqv; });
  // Relationship quality under PARTNER's default attribute names
  // (default_trust_attributes(), default_value_attributes()); NaN when the
  // network carries none of them. A rating outside 1..4 raises.
  auto quality = [&](const char* name, const char* en, const char* de, bool trust) {
    m.push_back({name, en, de, false, false, [trust](const network& net, sv) {
                   quality_options o;
                   o.trust = trust ? present_tie_attributes(net, default_trust_attributes()) : std::vector<std::string>{};
                   o.value = trust ? std::vector<std::string>{} : present_tie_attributes(net, default_value_attributes());
                   if (o.trust.empty() && o.value.empty()) return nan_value();
                   const auto r = relationship_quality(net, o);
                   return trust ? r.trust.mean : r.value.mean;
                 }});
  };
  quality("trust_score", "trust (PARTNER, 1-4)", "Vertrauen (PARTNER, 1-4)", true);
  quality("value_score", "value (PARTNER, 1-4)", "Nutzen (PARTNER, 1-4)", false);
  grouped("ei_index", "E-I index", "E-I-Index", [](const network& n, const grouping& g) { return ei_index(n, g).ei; });
  grouped("cross_group_share", "share of cross-sector ties", "Anteil sektorübergreifender Beziehungen",
          [](const network& n, const grouping& g) { return ei_index(n, g).cross_share; });
  grouped("homophily", "homophily I/(E+I)", "Homophilie", [](const network& n, const grouping& g) { return ei_index(n, g).homophily; });
  grouped("assortativity", "assortativity", "Assortativität", [](const network& n, const grouping& g) { return assortativity(n, g); });
  grouped("modularity", "modularity of the grouping", "Modularität", [](const network& n, const grouping& g) { return modularity(n, g); });
  return m;
}

}  // namespace detail

/// All named metrics, in a fixed order (structural ones first).
inline const std::vector<metric_definition>& metric_catalog() {
  static const std::vector<metric_definition> catalog = detail::make_metric_catalog();
  return catalog;
}

/// The metric with this name, or nullptr.
inline const metric_definition* find_metric(std::string_view name) {
  for (const auto& m : metric_catalog()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

/// Names of all metrics, in catalogue order.
inline std::vector<std::string> metric_names() {
  std::vector<std::string> names;
  for (const auto& m : metric_catalog()) names.push_back(m.name);
  return names;
}

/// Computes one named metric. `by` groups the grouped metrics ("sector" by default).
/// @throws not_found for an unknown name, and for a grouped metric whose `by`
///         no actor carries (see shared_grouping()).
inline double evaluate_metric(const network& net, std::string_view name, std::string_view by = "sector") {
  const metric_definition* m = find_metric(name);
  if (!m) {
    const auto names = metric_names();
    throw not_found("unknown metric " + detail::quote_value(name) + detail::did_you_mean(name, names) + " (" +
                    detail::known_names(names, 50) + ")");
  }
  return m->compute(net, by);
}

}  // namespace healthnet
