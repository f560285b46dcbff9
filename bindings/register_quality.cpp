// SPDX-License-Identifier: MIT
// Relationship quality (trust and value) and collaboration levels, returned
// as columns for pandas. python/healthnet/_quality.py holds the public
// docstrings and builds the DataFrames.
#include <pybind11/stl.h>

#include <healthnet/relationship_quality.hpp>

#include "common.hpp"

namespace healthnet::bindings {

namespace {

py::dict level_columns(const level_counts& c) {
  py::dict d;
  d["counts"] = c.counts;
  d["shares"] = c.shares;
  d["total"] = c.total;
  return d;
}

}  // namespace

void register_quality(py::module_& m) {
  m.def(
      "_relationship_quality",
      [](const network& net, const std::vector<std::string>& trust, const std::vector<std::string>& value,
         double scale_min, double scale_max) {
        quality_options o;
        o.trust = trust;
        o.value = value;
        o.scale_min = scale_min;
        o.scale_max = scale_max;
        quality_result r;
        {
          computing scope(net);
          r = relationship_quality(net, o);
        }
        const std::size_t m_ties = r.ties.size(), k = trust.size() + value.size();
        std::vector<std::string> source, target;
        std::vector<double> tie_trust, tie_value, ratings;
        ratings.reserve(m_ties * k);
        for (const auto& t : r.ties) {
          source.push_back(t.source);
          target.push_back(t.target);
          tie_trust.push_back(t.trust);
          tie_value.push_back(t.value);
          ratings.insert(ratings.end(), t.ratings.begin(), t.ratings.end());
        }
        py::array_t<double> matrix({m_ties, k});
        std::copy(ratings.begin(), ratings.end(), matrix.mutable_data());
        py::dict ties;
        ties["source"] = source;
        ties["target"] = target;
        ties["trust"] = to_numpy(std::move(tie_trust));
        ties["value"] = to_numpy(std::move(tie_value));
        ties["ratings"] = matrix;

        std::vector<std::string> id;
        std::vector<double> tr, vr, tg, vg;
        std::vector<std::size_t> tn, vn;
        for (const auto& a : r.actors) {
          id.push_back(a.id);
          tr.push_back(a.trust_received);
          tn.push_back(a.trust_raters);
          vr.push_back(a.value_received);
          vn.push_back(a.value_raters);
          tg.push_back(a.trust_given);
          vg.push_back(a.value_given);
        }
        py::dict actors;
        actors["id"] = id;
        actors["trust_received"] = to_numpy(std::move(tr));
        actors["trust_raters"] = to_numpy(std::move(tn));
        actors["value_received"] = to_numpy(std::move(vr));
        actors["value_raters"] = to_numpy(std::move(vn));
        actors["trust_given"] = to_numpy(std::move(tg));
        actors["value_given"] = to_numpy(std::move(vg));

        py::list scores;
        const auto add = [&](const quality_score& s) { scores.append(py::make_tuple(s.name, s.mean, s.percent, s.n)); };
        add(r.trust);
        add(r.value);
        for (const auto& s : r.indicators) add(s);
        py::dict out;
        out["ties"] = ties;
        out["actors"] = actors;
        out["scores"] = scores;
        return out;
      },
      py::arg("net"), py::arg("trust"), py::arg("value"), py::arg("scale_min"), py::arg("scale_max"),
      "Relationship quality as columns (see healthnet.relationship_quality).");
  m.def(
      "_collaboration_levels",
      [](const network& net, const std::string& attr, const std::vector<std::string>& levels) {
        collaboration_levels_result r;
        {
          computing scope(net);
          r = collaboration_levels(net, attr, levels);
        }
        py::dict out;
        out["overall"] = level_columns(r.overall);
        out["unrated"] = r.unrated;
        py::list pairs;
        for (std::size_t i = 0; i < r.pairs.size(); ++i) {
          pairs.append(py::make_tuple(r.pairs[i].first, r.pairs[i].second, level_columns(r.by_pair[i])));
        }
        out["pairs"] = pairs;
        return out;
      },
      py::arg("net"), py::arg("attr"), py::arg("levels"),
      "Collaboration levels as columns (see healthnet.collaboration_levels).");
}

}  // namespace healthnet::bindings
