// SPDX-License-Identifier: MIT
// The shared reading layer behind every tabular reader (CSV, pandas, Excel,
// survey; see healthnet/reading.hpp): problems collected up to a limit,
// sector labels resolved against the taxonomy, and ties gathered with the
// stated rule for repeated pairs and blank weights.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <healthnet/error.hpp>
#include <healthnet/network.hpp>
#include <healthnet/reading.hpp>
#include <healthnet/taxonomy.hpp>
#include <healthnet/detail/keyed_hash.hpp>
#include <healthnet/detail/string_hash.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/detail/text.hpp>

namespace healthnet::detail {

/// Problems of one input, in the order found: the first `limit` are kept,
/// all are counted.
class problem_list {
 public:
  explicit problem_list(std::size_t limit) : m_limit(std::max<std::size_t>(limit, 1)) {}

  void add(invalid_input problem) {
    ++m_total;
    if (m_items.size() < m_limit) m_items.push_back(std::move(problem));
  }
  [[nodiscard]] std::size_t total() const noexcept { return m_total; }
  [[nodiscard]] bool empty() const noexcept { return m_total == 0; }
  [[nodiscard]] const std::vector<invalid_input>& items() const noexcept { return m_items; }

  /// Throws the first problem; its message says how many more there are.
  void throw_first() const {
    if (m_total == 0) return;
    const invalid_input& first = m_items.front();
    if (m_total == 1) throw first;
    const std::size_t more = m_total - 1;
    throw invalid_input(first.where(), first.problem() + " (and " + std::to_string(more) + " more problem" +
                                           (more == 1 ? "" : "s") + "; validate lists them all)");
  }

  [[nodiscard]] problem_report report(std::vector<data_note> notes = {}) const {
    return problem_report{m_items, m_total, std::move(notes)};
  }

 private:
  std::size_t m_limit;
  std::size_t m_total{0};
  std::vector<invalid_input> m_items;
};

/// ASCII letters lowered; other bytes (umlauts) kept.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

/// Sector labels to taxonomy ids: a mapped label (table_rules::sector_map),
/// a taxonomy id, or a taxonomy label in German or English (ASCII case
/// ignored, so "Pflege" and "nursing care" mean nursing_care). Anything else
/// is an error unless table_rules::keep_unknown_sectors, and then counted.
class sector_resolver {
 public:
  /// @throws invalid_input for a sector_map value that is not a taxonomy id.
  sector_resolver(const taxonomy& tax, const table_rules& rules) : m_rules(rules) {
    for (const auto& s : tax.sectors()) {
      m_ids.push_back(s.id);
      m_alias.emplace(ascii_lower(s.id), s.id);
      m_alias.emplace(ascii_lower(s.label_de), s.id);
      m_alias.emplace(ascii_lower(s.label_en), s.id);
    }
    for (const auto& [label, id] : rules.sector_map) {
      if (!tax.contains(id)) {
        throw invalid_input(field_location("sector_map[" + quote_value(label) + "]"),
                            "maps to " + quote_value(id) + ", which is not a sector id of the taxonomy" +
                                did_you_mean(id, m_ids) + " (" + known_names(m_ids) + ")");
      }
    }
  }

  /// The sector id for `label` (trimmed), or `label` itself when unknown
  /// labels are kept. @throws invalid_input (problem only; the caller places it).
  std::string resolve(std::string_view label) {
    label = trim(label);
    if (const auto it = m_rules.sector_map.find(label); it != m_rules.sector_map.end()) return it->second;
    if (const auto it = m_alias.find(label); it != m_alias.end()) return it->second;  // an id: no lowering
    if (const auto it = m_alias.find(ascii_lower(label)); it != m_alias.end()) return it->second;
    if (!m_rules.keep_unknown_sectors) {
      throw invalid_input("unknown sector " + quote_value(label) + did_you_mean(label, m_ids) +
                          "; map labels with sector_map (command line: --sector-map FILE) or keep them with "
                          "unknown_sectors='keep'");
    }
    auto it = m_kept.find(label);
    if (it == m_kept.end()) {
      it = m_kept.emplace(std::string(label), 0).first;
      m_kept_order.emplace_back(label);
    }
    ++it->second;
    return std::string(label);
  }

  /// A note naming the kept labels and how many cells had each, or none.
  void note_kept(std::vector<data_note>* notes, const std::string& origin) const {
    if (notes == nullptr || m_kept.empty()) return;
    std::size_t total = 0;
    std::string list;
    for (std::size_t i = 0; i < m_kept_order.size(); ++i) {
      const std::size_t n = m_kept.find(m_kept_order[i])->second;
      total += n;
      if (i < 10) list += (i == 0 ? "" : ", ") + quote_value(m_kept_order[i]) + " (" + std::to_string(n) + ")";
    }
    if (m_kept_order.size() > 10) list += ", ...";
    data_note note;
    note.where.file = origin;
    note.count = total;
    note.message = std::to_string(total) + " sector label" + (total == 1 ? "" : "s") +
                   " outside the taxonomy kept as given (unknown_sectors='keep'): " + list +
                   "; coverage counts these actors as outside the taxonomy";
    notes->push_back(std::move(note));
  }

 private:
  const table_rules& m_rules;
  std::vector<std::string> m_ids;
  string_map<std::string> m_alias;
  string_map<std::size_t> m_kept;
  std::vector<std::string> m_kept_order;
};

/// Ties of a table, gathered row by row and merged by the stated rule
/// (table_rules::duplicates), then added to the network in one call.
///
/// Rows are appended without hashing; finish() finds repeated pairs in
/// O(n + m) by bucketing the rows by their first end and marking the second
/// ends (the way network::add_ties does), so clean data costs no more than
/// before and no input can make the look-up degrade.
class tie_table {
 public:
  /// `row_location(row, field)` names a row and, when not empty, a field
  /// ("weight" or an attribute key) in notes and errors; `row_name(row)`
  /// refers to a row inside a message ("line 3", "ties[2]").
  tie_table(const network& net, const table_rules& rules, problem_list& problems,
            std::function<source_location(std::size_t, std::string_view)> row_location,
            std::function<std::string(std::size_t)> row_name)
      : m_directed(net.directed()),
        m_n_actors(net.n_actors()),
        m_rules(rules),
        m_problems(problems),
        m_row_location(std::move(row_location)),
        m_row_name(std::move(row_name)) {}

  void reserve(std::size_t rows) {
    m_source.reserve(rows);
    m_target.reserve(rows);
    m_weight.reserve(rows);
    m_row.reserve(rows);
  }

  /// The tie of table row `row`. `weight` is nullopt for a blank cell, which
  /// table_rules::missing_weight decides. `source_id`/`target_id` name the
  /// ends in messages (kept only for the first repeated pair).
  void add(vertex_index u, vertex_index v, std::optional<double> weight, tie_details&& details, std::size_t row,
           std::string_view source_id, std::string_view target_id) {
    (void)source_id;
    (void)target_id;
    if (!weight) {
      switch (m_rules.missing_weight) {
        case blank_weight::error:
          m_problems.add(invalid_input(m_row_location(row, "weight"),
                                       "weight is blank; pass missing_weight='drop' to leave such ties out or a "
                                       "number to fill them in (command line: --missing-weight)"));
          return;
        case blank_weight::drop:
          count(m_dropped, row);
          return;
        case blank_weight::fill:
          count(m_filled, row);
          weight = m_rules.fill_weight;
          break;
      }
    }
    if (!details.empty()) m_details.emplace_back(m_source.size(), std::move(details));
    m_source.push_back(u);
    m_target.push_back(v);
    m_weight.push_back(*weight);
    m_row.push_back(row);
  }

  /// Number of rows gathered.
  [[nodiscard]] std::size_t size() const noexcept { return m_source.size(); }

  /// Merges repeated pairs, adds the ties to `net` and describes every merge,
  /// drop and fill in `notes`. Adds nothing when there is any problem (also
  /// one found earlier: repeats are still checked, so validate lists them).
  /// @throws invalid_input from network::add_ties.
  void finish(network& net, std::vector<data_note>* notes) {
    // Plain ties under the default rule: the network's own bulk merge is the
    // sum rule, so the rows go in as they are and repeats are looked for
    // only when the network merged some (for the note).
    if (m_details.empty() && m_rules.duplicates == merge_rule::sum && m_rules.attribute_duplicates.empty() &&
        m_problems.empty()) {
      try {
        net.add_ties(m_source, m_target, m_weight);
      } catch (const invalid_input& e) {  // weight[i]: a merged weight overflowing
        const std::string& field = e.where().field;
        if (field.starts_with("weight[")) {
          throw invalid_input(m_row_location(m_row.at(std::stoul(field.substr(7))), "weight"), e.problem());
        }
        throw;
      }
      if (net.n_ties() < m_source.size() && notes != nullptr) {
        const std::vector<std::size_t> first = first_rows();
        for (std::size_t e = 0; e < first.size(); ++e) {
          if (first[e] == npos) continue;
          const bool reversed = !m_directed && m_source[e] != m_source[first[e]];
          merge_counter& c = reversed ? m_reversed : m_merged;
          if (c.count++ == 0) {
            const auto ids = net.actors();
            c.first_row = m_row[e];
            c.first_earlier_row = m_row[first[e]];
            c.first_pair = quote_value(ids[m_source[e]].id) + (m_directed ? " -> " : " - ") +
                           quote_value(ids[m_target[e]].id);
          }
        }
      }
      if (notes != nullptr) describe(notes);
      return;
    }
    const std::vector<std::size_t> first = first_rows();
    const std::size_t m = m_source.size();
    const bool repeats = std::any_of(first.begin(), first.end(), [](std::size_t f) { return f != npos; });
    std::vector<tie_details> details;
    if (!m_details.empty()) {
      details.resize(m);
      for (auto& [i, d] : m_details) details[i] = std::move(d);
      m_details.clear();
    }
    if (repeats) {
      // Entries that repeat an earlier pair merge into its tie; the others keep their order.
      std::vector<std::size_t> tie_of(m, npos);
      std::vector<vertex_index> source, target;
      std::vector<double> weight;
      std::vector<tie_details> kept;
      std::vector<std::size_t> rows;
      const std::size_t problems_before = m_problems.total();
      for (std::size_t e = 0; e < m; ++e) {
        if (first[e] == npos) {
          tie_of[e] = source.size();
          source.push_back(m_source[e]);
          target.push_back(m_target[e]);
          weight.push_back(m_weight[e]);
          rows.push_back(m_row[e]);
          kept.push_back(details.empty() ? tie_details{} : std::move(details[e]));
          continue;
        }
        const std::size_t i = tie_of[first[e]];
        merge(i, source, target, weight, kept, rows, m_source[e], m_target[e], m_weight[e],
              details.empty() ? tie_details{} : std::move(details[e]), m_row[e], net);
      }
      (void)problems_before;
      for (const auto& [i, state] : m_means) {
        if (state.weight_count > 1) weight[i] = state.weight_sum / static_cast<double>(state.weight_count);
        for (const auto& [key, acc] : state.attributes) {
          if (acc.second > 1) kept[i].attributes[key] = acc.first / static_cast<double>(acc.second);
        }
      }
      m_source = std::move(source);
      m_target = std::move(target);
      m_weight = std::move(weight);
      details = std::move(kept);
      const bool any = std::any_of(details.begin(), details.end(), [](const tie_details& d) { return !d.empty(); });
      if (!any) details.clear();
    }
    if (!m_problems.empty()) return;  // the reader throws; a half-merged table is never added
    if (notes != nullptr) describe(notes);
    net.add_ties(m_source, m_target, m_weight, std::move(details));
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  struct merge_counter {
    std::size_t count{0};
    std::size_t first_row{0};
    std::size_t first_earlier_row{0};
    std::string first_pair;
  };
  struct mean_state {
    double weight_sum{0};
    std::size_t weight_count{1};
    std::map<std::string, std::pair<double, std::size_t>, std::less<>> attributes;
  };

  /// For every entry, the earlier entry with the same pair (in an undirected
  /// network the same unordered pair), or npos. O(n + m): entries bucketed by
  /// their first end (counting sort), second ends marked per bucket.
  [[nodiscard]] std::vector<std::size_t> first_rows() const {
    const std::size_t m = m_source.size();
    std::vector<std::size_t> first(m, npos);
    const auto lo = [&](std::size_t e) { return m_directed ? m_source[e] : std::min(m_source[e], m_target[e]); };
    const auto hi = [&](std::size_t e) { return m_directed ? m_target[e] : std::max(m_source[e], m_target[e]); };
    std::vector<std::size_t> start(m_n_actors + 1, 0);
    for (std::size_t e = 0; e < m; ++e) ++start[lo(e) + 1];
    for (std::size_t a = 0; a < m_n_actors; ++a) start[a + 1] += start[a];
    std::vector<std::size_t> order(m);
    {
      std::vector<std::size_t> next(start.begin(), start.end() - 1);
      for (std::size_t e = 0; e < m; ++e) order[next[lo(e)]++] = e;  // stable: entries in input order
    }
    std::vector<std::size_t> seen(m_n_actors, npos);  // per second end: the first entry of this bucket
    std::vector<vertex_index> seen_in(m_n_actors, 0);
    for (std::size_t a = 0; a < m_n_actors; ++a) {
      for (std::size_t k = start[a]; k < start[a + 1]; ++k) {
        const std::size_t e = order[k];
        const vertex_index b = hi(e);
        if (seen[b] != npos && seen_in[b] == a) {
          first[e] = seen[b];
        } else {
          seen[b] = e;
          seen_in[b] = static_cast<vertex_index>(a);
        }
      }
    }
    return first;
  }

  void count(merge_counter& c, std::size_t row) {
    if (c.count++ == 0) c.first_row = row;
  }

  [[nodiscard]] merge_rule rule_for(std::string_view key) const {
    const auto it = m_rules.attribute_duplicates.find(key);
    return it == m_rules.attribute_duplicates.end() ? m_rules.duplicates : it->second;
  }

  /// Combines `later` into `value` by `rule` (mean: a sum until finish() divides).
  static double combine(merge_rule rule, double value, double later) {
    switch (rule) {
      case merge_rule::sum: return value + later;
      case merge_rule::max: return std::max(value, later);
      case merge_rule::min: return std::min(value, later);
      case merge_rule::first: return value;
      case merge_rule::last: return later;
      case merge_rule::mean: return value + later;
      case merge_rule::error: return value;
    }
    return value;
  }

  static std::optional<double> number_of(const attribute_value& v) { return numeric_value(v); }

  /// Two integers combined by sum, max, min, first or last stay an integer
  /// (a count of 4 + 3 is 7, not 7.0), unless the sum overflows int64.
  static std::optional<std::int64_t> integer_combination(merge_rule rule, const attribute_value& a,
                                                          const attribute_value& b) {
    const auto* x = std::get_if<std::int64_t>(&a);
    const auto* y = std::get_if<std::int64_t>(&b);
    if (x == nullptr || y == nullptr) return std::nullopt;
    switch (rule) {
      case merge_rule::sum: {
        std::int64_t out{};
        if (__builtin_add_overflow(*x, *y, &out)) return std::nullopt;
        return out;
      }
      case merge_rule::max: return std::max(*x, *y);
      case merge_rule::min: return std::min(*x, *y);
      case merge_rule::first: return *x;
      case merge_rule::last: return *y;
      default: return std::nullopt;
    }
  }

  void merge(std::size_t i, const std::vector<vertex_index>& source, const std::vector<vertex_index>& target,
             std::vector<double>& weights, std::vector<tie_details>& details, const std::vector<std::size_t>& rows,
             vertex_index u, vertex_index v, double weight, tie_details&& later, std::size_t row, const network& net) {
    const bool reversed = !m_directed && u != source[i];
    const auto ids = net.actors();
    const std::string_view source_id = ids[u].id;
    const std::string_view target_id = ids[v].id;
    (void)target;
    const std::string pair = quote_value(source_id) + (m_directed ? " -> " : " - ") + quote_value(target_id);
    const merge_rule weight_rule = rule_for("weight");
    if (m_rules.duplicates == merge_rule::error || weight_rule == merge_rule::error) {
      m_problems.add(invalid_input(m_row_location(row, {}), "pair " + pair + " repeats " + m_row_name(rows[i]) +
                                                                " (duplicates='error'); remove the repeated row or "
                                                                "choose a rule: sum, max, min, mean, first, last"));
      return;
    }
    merge_counter& c = reversed ? m_reversed : m_merged;
    if (c.count++ == 0) {
      c.first_row = row;
      c.first_earlier_row = rows[i];
      c.first_pair = pair;
    }
    // The weight.
    if (weight_rule == merge_rule::mean) {
      const auto [state_it, created] = m_means.try_emplace(i);
      mean_state& state = state_it->second;
      if (created) state.weight_sum = weights[i];
      state.weight_sum += weight;
      ++state.weight_count;
    } else {
      const double merged = combine(weight_rule, weights[i], weight);
      if (!std::isfinite(merged)) {
        m_problems.add(invalid_input(m_row_location(row, "weight"),
                                     "weights of the repeated tie between " + quote_value(source_id) + " and " +
                                         quote_value(target_id) + " add up to more than the largest number"));
        return;
      }
      weights[i] = merged;
    }
    tie_details& kept = details[i];
    kept.relations.merge(later.relations);
    if (later.since && (!kept.since || *later.since < *kept.since)) kept.since = std::move(later.since);
    for (auto& [key, value] : later.attributes) {
      const auto it = kept.attributes.find(key);
      if (it == kept.attributes.end()) {
        kept.attributes.emplace(key, std::move(value));
        continue;
      }
      const merge_rule rule = rule_for(key);
      const auto a = number_of(it->second);
      const auto b = number_of(value);
      if (!a || !b) {  // text or booleans: the first or the last value
        if (rule != merge_rule::first) it->second = std::move(value);
        continue;
      }
      if (rule == merge_rule::error) {
        m_problems.add(invalid_input(m_row_location(row, key),
                                     "pair " + pair + " repeats " + m_row_name(rows[i]) + " with attribute " +
                                         quote_value(key) + " (its rule is 'error')"));
        continue;
      }
      if (rule == merge_rule::mean) {
        auto& acc = m_means[i].attributes[key];
        if (acc.second == 0) acc = {*a, 1};
        acc.first += *b;
        ++acc.second;
        continue;
      }
      if (const auto whole = integer_combination(rule, it->second, value)) {
        it->second = *whole;
      } else {
        it->second = combine(rule, *a, *b);
      }
    }
  }

  [[nodiscard]] std::string rule_text() const {
    std::string out = "by " + std::string(to_string(m_rules.duplicates));
    for (const auto& [key, rule] : m_rules.attribute_duplicates) {
      out += ", " + key + " by " + std::string(to_string(rule));
    }
    return out;
  }

  void describe(std::vector<data_note>* notes) const {
    // Messages are built only for counters that counted (they name rows).
    const auto note = [&](const merge_counter& c, const auto& message) {
      if (c.count == 0) return;
      data_note n;
      n.where = m_row_location(c.first_row, {});
      n.count = c.count;
      n.message = message();
      notes->push_back(std::move(n));
    };
    const auto plural = [](std::size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    note(m_merged, [&] {
      return plural(m_merged.count, "repeated row", "repeated rows") + " merged into the earlier tie " + rule_text() +
             " (duplicates=; text attributes keep the " +
             (m_rules.duplicates == merge_rule::first ? "first" : "last") + " value); first: pair " +
             m_merged.first_pair + " repeats " + m_row_name(m_merged.first_earlier_row);
    });
    note(m_reversed, [&] {
      return plural(m_reversed.count, "tie was", "ties were") +
             " reported in both directions and merged into one undirected tie " + rule_text() + "; first: " +
             m_reversed.first_pair + " and " + m_row_name(m_reversed.first_earlier_row) +
             "; for a stated rule read the ties as directed and use symmetrize";
    });
    note(m_dropped, [&] {
      return plural(m_dropped.count, "tie", "ties") + " with a blank weight left out (missing_weight='drop')";
    });
    note(m_filled, [&] {
      return plural(m_filled.count, "blank weight", "blank weights") + " filled in with " +
             format_number(m_rules.fill_weight) + " (missing_weight=" + format_number(m_rules.fill_weight) + ")";
    });
  }

  bool m_directed;
  std::size_t m_n_actors;
  const table_rules& m_rules;
  problem_list& m_problems;
  std::function<source_location(std::size_t, std::string_view)> m_row_location;
  std::function<std::string(std::size_t)> m_row_name;
  std::vector<vertex_index> m_source, m_target;
  std::vector<double> m_weight;
  std::vector<std::pair<std::size_t, tie_details>> m_details;  ///< (entry, details) of entries that have any
  std::vector<std::size_t> m_row;
  std::unordered_map<std::size_t, mean_state> m_means;
  merge_counter m_merged, m_reversed, m_dropped, m_filled;
};

}  // namespace healthnet::detail
