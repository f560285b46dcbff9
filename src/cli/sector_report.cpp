// SPDX-License-Identifier: MIT
// `healthnet metrics FILE --by sector`: the group-based measures as a table or JSON.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <numeric>
#include <string>

#include <nlohmann/json.hpp>

#include <healthnet/assortativity.hpp>
#include <healthnet/block_density.hpp>
#include <healthnet/brokerage.hpp>
#include <healthnet/communities.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/ei_index.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/multiplexity.hpp>
#include <healthnet/sector_bridges.hpp>

#include "cli.hpp"

namespace healthnet::cli {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::size_t permutations = 1000;
constexpr std::size_t top_actors = 10;
// Caps for many groups (docs/cli.md): the JSON block densities are a full
// matrix up to json_block_limit groups and the nonzero cells beyond; the
// table shows them up to table_block_limit groups; gap_limit gaps are listed.
constexpr std::size_t json_block_limit = 200;
constexpr std::size_t table_block_limit = 40;
constexpr std::size_t gap_limit = 100;

std::vector<std::int64_t> labels_of(const grouping& g) { return {g.group_of.begin(), g.group_of.end()}; }

// Actor indices sorted by a score, highest first, ties by index.
std::vector<std::size_t> ranking(const std::vector<double>& score) {
  std::vector<std::size_t> order(score.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double x = std::isnan(score[a]) ? -1 : score[a], y = std::isnan(score[b]) ? -1 : score[b];
    return x > y;
  });
  return order;
}

struct group_report {
  grouping groups;
  coverage_result coverage;
  ei_result ei;
  group_matrix blocks;                // empty beyond json_block_limit groups
  std::vector<block_cell> block_cells;  // beyond json_block_limit groups
  double assort{};
  double q_groups{};
  brokerage_result broker;
  groups_reached reached;
  std::vector<group_gap> gaps;
  std::size_t n_gaps{};
  grouping community_groups;
  double q_louvain{};
  double ari{};
  double nmi{};
  std::vector<std::size_t> broker_rank;
  std::vector<std::size_t> bridge_rank;
};

group_report compute_group_report(const network& net, const std::string& by) {
  group_report r;
  r.groups = group_actors(net, by);
  const grouping& groups = r.groups;
  if (by == "sector") r.coverage = sector_coverage(net, std::nullopt, false);
  r.ei = ei_index(net, groups, permutations, 1);
  if (groups.size() <= json_block_limit) r.blocks = block_density(net, groups);
  else r.block_cells = block_density_cells(net, groups);
  r.assort = assortativity(net, groups);
  r.q_groups = modularity(net, groups);
  r.broker = brokerage(net, groups);
  r.reached = count_groups_reached(net, groups);
  r.n_gaps = count_group_gaps(net, groups);
  r.gaps = group_gaps(net, groups, 5, gap_limit);
  const partition communities = louvain(net, true, 1.0, 1);
  r.community_groups.group_of.assign(communities.begin(), communities.end());
  r.community_groups.labels.resize(communities.empty() ? 0 : *std::max_element(communities.begin(), communities.end()) + 1);
  r.q_louvain = modularity(net, r.community_groups);
  const std::vector<std::int64_t> community_labels(communities.begin(), communities.end());
  r.ari = adjusted_rand_index(community_labels, labels_of(groups));
  r.nmi = normalized_mutual_information(community_labels, labels_of(groups));
  std::vector<double> total(r.broker.counts.size());
  for (std::size_t v = 0; v < total.size(); ++v) total[v] = r.broker.counts[v][5];
  r.broker_rank = ranking(total);
  r.bridge_rank = ranking(r.reached.other);
  return r;
}

}  // namespace

nlohmann::ordered_json group_report_json(const network& net, const std::string& by) {
  const group_report report = compute_group_report(net, by);
  const auto& [groups, coverage, ei, blocks, block_cells, assort, q_groups, broker, reached, gaps, n_gaps, community_groups,
               q_louvain, ari, nmi, broker_rank, bridge_rank] = report;
  const bool sectors = by == "sector";
  const auto& roles = brokerage_role_names();
    ordered_json doc;
  doc["by"] = by;
  doc["groups"] = groups.labels;
  if (sectors) {
    ordered_json cov;
    cov["present"] = coverage.present;
    cov["connected"] = coverage.connected;
    cov["required"] = coverage.required;
    cov["missing"] = coverage.missing;
    cov["present_not_connected"] = coverage.isolated;
    cov["coverage_ratio"] = json_number(coverage.coverage_ratio);
    cov["blau"] = json_number(coverage.blau);
    cov["iqv"] = json_number(coverage.iqv);
    cov["n_outside_taxonomy"] = coverage.n_outside_taxonomy;
    ordered_json outside = ordered_json::object();
    for (const auto& [label, n] : coverage.outside_taxonomy) outside[label] = n;
    cov["outside_taxonomy"] = std::move(outside);
    doc["coverage"] = cov;
  }
  doc["ei_index"] = {{"ei", json_number(ei.ei)},
                     {"rescaled", json_number(ei.rescaled)},
                     {"internal", ei.internal},
                     {"external", ei.external},
                     {"homophily", json_number(ei.homophily)},
                     {"cross_share", json_number(ei.cross_share)},
                     {"permutations", ei.permutations},
                     {"p_greater_equal", json_number(ei.p_greater_equal)},
                     {"p_less_equal", json_number(ei.p_less_equal)}};
  if (groups.size() <= json_block_limit) {
    ordered_json bd = ordered_json::object();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      ordered_json row = ordered_json::object();
      for (std::size_t h = 0; h < groups.size(); ++h) row[groups.labels[h]] = json_number(blocks.at(g, h));
      bd[groups.labels[g]] = row;
    }
    doc["block_density"] = bd;
  } else {
    // k x k would not fit: the cells with at least one tie (the others are 0).
    ordered_json cells = ordered_json::array();
    for (const auto& c : block_cells) {
      cells.push_back({{"from", groups.labels[c.from]}, {"to", groups.labels[c.to]}, {"ties", c.ties},
                       {"density", json_number(c.density)}});
    }
    doc["block_density_nonzero"] = cells;
  }
  doc["assortativity"] = json_number(assort);
  doc["modularity"] = json_number(q_groups);
  ordered_json br = ordered_json::object();
  for (std::size_t r = 0; r < 6; ++r) {
    br[roles[r]] = {{"observed", broker.observed[r]},
                    {"expected", json_number(broker.expected[r])},
                    {"sd", json_number(broker.sd[r])},
                    {"z", json_number(broker.z[r])}};
  }
  doc["brokerage"] = br;
  doc["multiplexity"] = json_number(multiplexity(net));
  ordered_json rel = ordered_json::object();
  for (const auto& [r, d] : relation_density(net)) rel[r] = d;
  doc["relation_density"] = rel;
  ordered_json bridges = ordered_json::array();
  for (std::size_t i = 0; i < std::min(top_actors, bridge_rank.size()); ++i) {
    const auto v = bridge_rank[i];
    bridges.push_back({{"id", net.actor_at(static_cast<vertex_index>(v)).id}, {"other_groups_reached", reached.other[v]}});
  }
  doc["bridges"] = bridges;
  ordered_json gap_list = ordered_json::array();
  for (const auto& gap : gaps) {
    std::vector<std::string> ids;
    for (auto v : gap.candidates) ids.push_back(net.actor_at(v).id);
    gap_list.push_back({{"from", groups.labels[gap.from]}, {"to", groups.labels[gap.to]}, {"distance", gap.distance},
                        {"candidates", ids}});
  }
  doc["gaps"] = gap_list;
  doc["n_gaps"] = n_gaps;
  doc["communities"] = {{"n", community_groups.labels.size()},
                        {"modularity", json_number(q_louvain)},
                        {"adjusted_rand_index", json_number(ari)},
                        {"normalized_mutual_information", json_number(nmi)}};
  return doc;
}

namespace {

void print_group_report(const network& net, const std::string& by, const group_report& report) {
  const auto& [groups, coverage, ei, blocks, block_cells, assort, q_groups, broker, reached, gaps, n_gaps, community_groups,
               q_louvain, ari, nmi, broker_rank, bridge_rank] = report;
  const bool sectors = by == "sector";
  const auto& roles = brokerage_role_names();

  std::printf("\ngroup measures by %s (%zu groups; %zu actors without a value left out)\n", show(by).c_str(),
              groups.size(), net.n_actors() - groups.n_grouped());
  if (sectors) {
    std::printf("\nsector coverage\n");
    std::printf("  coverage ratio            %s (%zu of %zu required sectors present)\n",
                fixed(coverage.coverage_ratio, 4, "nan").c_str(), coverage.required.size() - coverage.missing.size(),
                coverage.required.size());
    auto list = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
      return s.empty() ? std::string("-") : show(s);
    };
    std::printf("  missing                   %s\n", list(coverage.missing).c_str());
    std::printf("  present, not connected    %s\n", list(coverage.isolated).c_str());
    std::printf("  sectors present           %zu, connected %zu\n", coverage.present.size(), coverage.connected.size());
    std::printf("  Blau diversity            %s (IQV %s)\n", fixed(coverage.blau, 4, "nan").c_str(), fixed(coverage.iqv, 4, "nan").c_str());
    if (coverage.n_outside_taxonomy > 0) {
      std::string labels;
      for (std::size_t i = 0; i < coverage.outside_taxonomy.size() && i < 5; ++i) {
        labels += (i == 0 ? "" : ", ") + detail::quote_value(coverage.outside_taxonomy[i].first) + " (" +
                  std::to_string(coverage.outside_taxonomy[i].second) + ")";
      }
      if (coverage.outside_taxonomy.size() > 5) labels += ", ...";
      std::printf("  outside the taxonomy      %zu actor%s: %s\n", coverage.n_outside_taxonomy,
                  coverage.n_outside_taxonomy == 1 ? "" : "s", show(labels).c_str());
    }
  }
  std::printf("\ncross-group ties\n");
  std::printf("  E-I index                 %s (rescaled %s; E = %zu, I = %zu)\n", fixed(ei.ei, 4, "nan").c_str(),
              fixed(ei.rescaled, 4, "nan").c_str(), ei.external, ei.internal);
  std::printf("  permutation test          p(>=) = %s, p(<=) = %s over %zu permutations\n",
              fixed(ei.p_greater_equal, 3, "nan").c_str(), fixed(ei.p_less_equal, 3, "nan").c_str(), ei.permutations);
  std::printf("  cross-group share         %s (homophily %s)\n", fixed(ei.cross_share, 4, "nan").c_str(), fixed(ei.homophily, 4, "nan").c_str());
  std::printf("  assortativity             %s\n", fixed(assort, 4, "nan").c_str());
  std::printf("  modularity of groups      %s\n", fixed(q_groups, 4, "nan").c_str());
  std::printf("  multiplexity              %s\n", fixed(multiplexity(net), 4, "nan").c_str());

  if (groups.size() > table_block_limit) {
    std::printf("\nblock densities: %zu groups, shown for at most %zu; the full table is in the JSON output (--format json)\n",
                groups.size(), table_block_limit);
  } else {
  std::printf("\nblock densities (rows: from, columns: to)\n");
  std::size_t width = 4;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    width = std::max(width, std::to_string(g + 1).size() + 1 + show(groups.labels[g]).size());
  }
  std::printf("  %-*s", static_cast<int>(width), "");
  for (std::size_t h = 0; h < groups.size(); ++h) std::printf(" %6zu", h + 1);
  std::printf("\n");
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::printf("  %-*s", static_cast<int>(width), (std::to_string(g + 1) + " " + show(groups.labels[g])).c_str());
    for (std::size_t h = 0; h < groups.size(); ++h) std::printf(" %6s", fixed(blocks.at(g, h), 3, "nan").c_str());
    std::printf("\n");
  }
  }

  std::printf("\nbrokerage roles (Gould-Fernandez)      observed   expected        z\n");
  for (std::size_t r = 0; r < 6; ++r) {
    std::printf("  %-36s %8.0f %10.1f %8s\n", roles[r].c_str(), broker.observed[r], broker.expected[r],
                fixed(broker.z[r], 2, "nan").c_str());
  }
  std::printf("\ntop brokers                              total  liaison  gatekeeper  representative\n");
  for (std::size_t i = 0; i < std::min(top_actors, broker_rank.size()); ++i) {
    const auto v = broker_rank[i];
    if (!(broker.counts[v][5] > 0)) break;
    std::printf("  %s %6.0f %8.0f %11.0f %15.0f\n", fit(net.actor_at(static_cast<vertex_index>(v)).id, 38).c_str(),
                broker.counts[v][5], broker.counts[v][4], broker.counts[v][3], broker.counts[v][2]);
  }
  std::printf("\nactors tied to the most other groups\n");
  for (std::size_t i = 0; i < std::min(top_actors, bridge_rank.size()); ++i) {
    const auto v = bridge_rank[i];
    const auto& a = net.actor_at(static_cast<vertex_index>(v));
    std::printf("  %s %3.0f  %s\n", fit(a.id, 16).c_str(), reached.other[v], show(a.name).c_str());
  }
  if (n_gaps > gaps.size()) {
    std::printf("\ngaps: group pairs without a tie (%zu; the first %zu listed)\n", n_gaps, gaps.size());
  } else {
    std::printf("\ngaps: group pairs without a tie (%zu)\n", gaps.size());
  }
  for (const auto& gap : gaps) {
    std::string who;
    for (std::size_t i = 0; i < gap.candidates.size() && i < 3; ++i) {
      who += (who.empty() ? "" : ", ") + net.actor_at(gap.candidates[i]).id;
    }
    std::printf("  %s - %s: %s; best placed: %s\n", show(groups.labels[gap.from]).c_str(), show(groups.labels[gap.to]).c_str(),
                gap.distance ? ("distance " + std::to_string(gap.distance)).c_str() : "unreachable",
                who.empty() ? "-" : show(who).c_str());
  }
  std::printf("\ncommunities (Louvain, seed 1)\n");
  std::printf("  communities               %zu (modularity %s)\n", community_groups.labels.size(), fixed(q_louvain, 4, "nan").c_str());
  std::printf("  agreement with %-10s ARI %s, NMI %s\n", show(by).c_str(), fixed(ari, 4, "nan").c_str(), fixed(nmi, 4, "nan").c_str());
}

}  // namespace

std::function<void()> group_report_printer(const network& net, const std::string& by) {
  auto computed = std::make_shared<const group_report>(compute_group_report(net, by));
  return [&net, by, computed] { print_group_report(net, by, *computed); };
}

}  // namespace healthnet::cli
