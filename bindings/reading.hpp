// SPDX-License-Identifier: MIT
// The shared reading options (healthnet/reading.hpp) from the dicts that
// python/healthnet/_reading.py builds, and notes back to Python.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <healthnet/reading.hpp>

namespace healthnet::bindings {

namespace py = pybind11;

/// table_rules from {"duplicates": str, "attribute_duplicates": {str: str},
/// "missing_weight": "error"|"drop"|"fill", "fill_weight": float,
/// "sector_map": {str: str}, "keep_unknown_sectors": bool, "max_errors": int};
/// absent keys keep the defaults.
inline table_rules table_rules_from(const py::dict& d) {
  table_rules r;
  if (d.contains("duplicates")) r.duplicates = parse_merge_rule(d["duplicates"].cast<std::string>());
  if (d.contains("attribute_duplicates")) {
    for (const auto& [key, rule] : d["attribute_duplicates"].cast<std::map<std::string, std::string>>()) {
      r.attribute_duplicates.emplace(key, parse_merge_rule(rule, "duplicates[" + key + "]"));
    }
  }
  if (d.contains("missing_weight")) {
    const auto rule = d["missing_weight"].cast<std::string>();
    if (rule == "drop") r.missing_weight = blank_weight::drop;
    else if (rule == "fill") r.missing_weight = blank_weight::fill;
    else if (rule != "error") throw invalid_input(field_location("missing_weight"), "expected error, drop or fill");
  }
  if (d.contains("fill_weight")) r.fill_weight = d["fill_weight"].cast<double>();
  if (d.contains("sector_map")) {
    for (auto& [label, id] : d["sector_map"].cast<std::map<std::string, std::string>>()) r.sector_map.emplace(label, id);
  }
  if (d.contains("keep_unknown_sectors")) r.keep_unknown_sectors = d["keep_unknown_sectors"].cast<bool>();
  if (d.contains("max_errors")) r.max_errors = d["max_errors"].cast<std::size_t>();
  return r;
}

/// column_names from a dict of column names (None or "" for none); absent keys keep the defaults.
inline column_names column_names_from(const py::dict& d) {
  column_names c;
  const auto take = [&](const char* key, std::string& out) {
    if (!d.contains(key)) return;
    const py::object v = d[key];
    out = v.is_none() ? std::string() : v.cast<std::string>();
  };
  take("id", c.id);
  take("name", c.name);
  take("type", c.type);
  take("sector", c.sector);
  take("sectors", c.sectors);
  take("respondent", c.respondent);
  take("source", c.source);
  take("target", c.target);
  take("weight", c.weight);
  take("relations", c.relations);
  take("since", c.since);
  return c;
}

/// Notes as a list of (text, count, field) tuples.
inline py::list notes_to_python(const std::vector<data_note>& notes) {
  py::list out;
  for (const auto& n : notes) out.append(py::make_tuple(n.text(), n.count, n.where.field));
  return out;
}

}  // namespace healthnet::bindings
