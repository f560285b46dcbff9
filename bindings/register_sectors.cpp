// SPDX-License-Identifier: MIT
// Group-based measures (by sector or any categorical attribute): coverage,
// E-I, block densities, assortativity, modularity, brokerage, multiplexity,
// bridges and gaps, communities. Public docstrings: python/healthnet/_sectors.py.
#include <optional>

#include <pybind11/stl.h>

#include <healthnet/assortativity.hpp>
#include <healthnet/block_density.hpp>
#include <healthnet/brokerage.hpp>
#include <healthnet/communities.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/ei_index.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/layers.hpp>
#include <healthnet/multiplexity.hpp>
#include <healthnet/sector_bridges.hpp>

#include "common.hpp"

namespace healthnet::bindings {

namespace {

py::array_t<double> matrix_to_numpy(const group_matrix& m) {
  const std::size_t k = m.labels.size();
  std::vector<double> values = m.values;
  auto flat = to_numpy(std::move(values));
  return flat.reshape({k, k});
}

py::dict ei_to_dict(const ei_result& r) {
  py::dict d;
  d["ei"] = r.ei;
  d["rescaled"] = r.rescaled;
  d["min_possible"] = r.min_possible;
  d["max_possible"] = r.max_possible;
  d["internal"] = r.internal;
  d["external"] = r.external;
  d["homophily"] = r.homophily;
  d["cross_share"] = r.cross_share;
  d["permutations"] = r.permutations;
  d["permutation_mean"] = r.permutation_mean;
  d["p_greater_equal"] = r.p_greater_equal;
  d["p_less_equal"] = r.p_less_equal;
  return d;
}

}  // namespace

void register_sectors(py::module_& m) {
  using gil_free = py::call_guard<py::gil_scoped_release>;
  m.def("group_labels", [](const network& net, const std::string& by) {
        read_access lock(net);
        grouping g;
        {
          py::gil_scoped_release release;
          g = group_actors(net, by);
        }
        std::vector<std::int64_t> codes(g.group_of.begin(), g.group_of.end());
        return py::make_tuple(g.labels, to_numpy(std::move(codes)));
      }, py::arg("net"), py::arg("by"));
  m.def("sector_coverage", [](const network& net, std::optional<std::vector<std::string>> required) {
        read_access lock(net);
        coverage_result r;
        {
          py::gil_scoped_release release;
          r = sector_coverage(net, std::move(required));
        }
        py::dict d;
        d["present"] = r.present;
        d["connected"] = r.connected;
        d["required"] = r.required;
        d["missing"] = r.missing;
        d["isolated"] = r.isolated;
        d["coverage_ratio"] = r.coverage_ratio;
        d["actors_per_sector"] = r.actors_per_sector;
        d["pair_labels"] = r.ties_per_pair.labels;
        d["ties_per_pair"] = matrix_to_numpy(r.ties_per_pair);
        d["blau"] = r.blau;
        d["iqv"] = r.iqv;
        d["n_outside_taxonomy"] = r.n_outside_taxonomy;
        d["outside_taxonomy"] = r.outside_taxonomy;
        return d;
      }, py::arg("net"), py::arg("required") = py::none());
  m.def("ei_index", [](const network& net, const std::string& by, std::size_t permutations, std::uint64_t seed) {
        read_access lock(net);
        ei_result r;
        r = interruptible([&] { return ei_index(net, group_actors(net, by), permutations, seed); });
        return ei_to_dict(r);
      }, py::arg("net"), py::arg("by"), py::arg("permutations") = 0, py::arg("seed") = 1);
  m.def("ei_index_groups", [](const network& net, const std::string& by) {
        read_access lock(net);
        grouping g;
        std::vector<double> values;
        {
          py::gil_scoped_release release;
          g = group_actors(net, by);
          values = ei_index_groups(net, g);
        }
        return py::make_tuple(g.labels, to_numpy(std::move(values)));
      }, py::arg("net"), py::arg("by"));
  m.def("ei_index_actors", [](const network& net, const std::string& by) {
        read_access lock(net);
        std::vector<double> values;
        {
          py::gil_scoped_release release;
          values = ei_index_actors(net, group_actors(net, by));
        }
        return to_numpy(std::move(values));
      }, py::arg("net"), py::arg("by"));
  m.def("block_density", [](const network& net, const std::string& by, bool weighted) {
        read_access lock(net);
        group_matrix r;
        {
          py::gil_scoped_release release;
          r = block_density(net, group_actors(net, by), weighted);
        }
        return py::make_tuple(r.labels, matrix_to_numpy(r));
      }, py::arg("net"), py::arg("by"), py::arg("weighted") = false);
  m.def("assortativity", [](const network& net, const std::string& by) {
        computing scope(net);
        return assortativity(net, group_actors(net, by));
      }, py::arg("net"), py::arg("by"));
  m.def("modularity", [](const network& net, const std::string& by, bool weighted, double resolution) {
        computing scope(net);
        return modularity(net, group_actors(net, by), weighted, resolution);
      }, py::arg("net"), py::arg("by"), py::arg("weighted") = true, py::arg("resolution") = 1.0);
  m.def("partition_modularity", [](const network& net, const std::vector<std::int64_t>& labels, bool weighted,
                                   double resolution) {
        read_access lock(net);
        if (labels.size() != net.n_actors()) throw invalid_input("one community label per actor is needed");
        grouping g;
        std::int64_t k = 0;
        for (auto x : labels) k = std::max(k, x + 1);
        g.labels.resize(static_cast<std::size_t>(k));
        g.group_of.reserve(labels.size());
        for (auto x : labels) g.group_of.push_back(x < 0 ? grouping::no_group : static_cast<std::int32_t>(x));
        py::gil_scoped_release release;
        return modularity(net, g, weighted, resolution);
      }, py::arg("net"), py::arg("labels"), py::arg("weighted") = true, py::arg("resolution") = 1.0);
  m.def("brokerage", [](const network& net, const std::string& by) {
        read_access lock(net);
        brokerage_result r;
        {
          py::gil_scoped_release release;
          r = brokerage(net, group_actors(net, by));
        }
        std::vector<double> flat;
        flat.reserve(r.counts.size() * 6);
        for (const auto& row : r.counts) flat.insert(flat.end(), row.begin(), row.end());
        const std::size_t rows = r.counts.size();
        py::dict d;
        d["counts"] = to_numpy(std::move(flat)).reshape({rows, std::size_t{6}});
        d["roles"] = brokerage_role_names();
        d["observed"] = r.observed;
        d["expected"] = r.expected;
        d["sd"] = r.sd;
        d["z"] = r.z;
        return d;
      }, py::arg("net"), py::arg("by"));
  m.def("multiplexity", computed(&multiplexity), py::arg("net"));
  m.def("relation_density", computed(&relation_density), py::arg("net"));
  // Ratings and layers (include/healthnet/layers.hpp); python/healthnet/_layers.py.
  m.def("layers", computed(&layers), py::arg("net"));
  m.def("numeric_tie_attributes", computed(&numeric_tie_attributes), py::arg("net"));
  m.def("weighted_by", computed(&weighted_by), py::arg("net"), py::arg("attribute"));
  m.def("inverse_weights", computed(&inverse_weights), py::arg("net"));
  m.def("groups_reached", [](const network& net, const std::string& by) {
        read_access lock(net);
        groups_reached r;
        {
          py::gil_scoped_release release;
          r = count_groups_reached(net, group_actors(net, by));
        }
        return py::make_tuple(to_numpy(std::move(r.all)), to_numpy(std::move(r.other)));
      }, py::arg("net"), py::arg("by"));
  m.def("group_gaps", [](const network& net, const std::string& by, std::size_t top) {
        read_access lock(net);
        grouping g;
        std::vector<group_gap> gaps;
        {
          py::gil_scoped_release release;
          g = group_actors(net, by);
          gaps = group_gaps(net, g, top);
        }
        py::list out;
        for (const auto& gap : gaps) {
          std::vector<std::string> ids;
          for (auto v : gap.candidates) ids.push_back(net.actor_at(v).id);
          out.append(py::make_tuple(g.labels[gap.from], g.labels[gap.to], gap.distance, ids, gap.candidate_score));
        }
        return out;
      }, py::arg("net"), py::arg("by"), py::arg("top") = 5);
  m.def("louvain", [](const network& net, bool weighted, double resolution, std::uint64_t seed) {
        read_access lock(net);
        partition p;
        p = interruptible([&] { return louvain(net, weighted, resolution, seed); });
        std::vector<std::int64_t> labels(p.begin(), p.end());
        return to_numpy(std::move(labels));
      }, py::arg("net"), py::arg("weighted") = true, py::arg("resolution") = 1.0, py::arg("seed") = 1);
  m.def("adjusted_rand_index", &adjusted_rand_index, py::arg("a"), py::arg("b"), gil_free());
  m.def("normalized_mutual_information", &normalized_mutual_information, py::arg("a"), py::arg("b"), gil_free());
}

}  // namespace healthnet::bindings
