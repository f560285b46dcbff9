// SPDX-License-Identifier: MIT
// SVG charts for reports: network drawing, actors per sector, block-density heatmap.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <healthnet/svg.hpp>

#include "report_format.hpp"

namespace healthnet {

namespace {

constexpr const char* font_stack =
    "system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, &apos;Helvetica Neue&apos;, Arial, sans-serif";
constexpr const char* text_colour = "#1f2933";
constexpr const char* muted_colour = "#5f6b7a";
constexpr const char* alert_colour = "#b42318";

/// A coordinate with one decimal, independent of the C locale.
std::string coord(double v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::round(v * 10) / 10, std::chars_format::fixed, 1);
  std::string s = ec == std::errc{} ? std::string(buf, end) : std::string("0");
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::string attr_id(const svg_options& o) { return o.id.empty() ? std::string() : " id=\"" + xml_escape(o.id) + "\""; }

/// Prefix for ids inside a chart.
std::string inner_id(const svg_options& o, const char* fallback, const char* suffix) {
  return (o.id.empty() ? std::string(fallback) : o.id) + "-" + suffix;
}

std::string svg_open(const svg_options& o, double width, double height, const std::string& title,
                     const std::string& title_id) {
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\"" + attr_id(o) + " class=\"chart\" viewBox=\"0 0 " +
                  coord(width) + " " + coord(height) + "\" width=\"" + coord(width) + "\" height=\"" + coord(height) +
                  "\" role=\"img\" aria-labelledby=\"" + xml_escape(title_id) + "\" font-family=\"" + font_stack +
                  "\" font-size=\"12\" fill=\"" + text_colour + "\">\n";
  s += "<title id=\"" + xml_escape(title_id) + "\">" + xml_escape(title) + "</title>\n";
  return s;
}

std::string text_element(double x, double y, std::string_view content, const std::string& extra = "") {
  return "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\"" + (extra.empty() ? "" : " " + extra) + ">" +
         xml_escape(content) + "</text>\n";
}

/// The label fitted into `max_width` px at `font_size` (cut with "…").
std::string fit_label(const std::string& label, double max_width, double font_size) {
  if (detail::text_width(label, font_size) <= max_width) return label;
  std::size_t chars = detail::utf8_length(label);
  std::string cut = label;
  while (chars > 4 && detail::text_width(cut, font_size) > max_width) cut = detail::truncate_utf8(label, --chars);
  return cut;
}

/// Distinct neighbours of every actor (ties either direction, self-loops ignored).
std::vector<std::size_t> neighbour_counts(const std::vector<std::pair<vertex_index, vertex_index>>& pairs, std::size_t n) {
  std::vector<std::size_t> d(n, 0);
  for (const auto& [u, v] : pairs) {
    ++d[u];
    ++d[v];
  }
  return d;
}

/// Sector label in the language, or a fallback for actors without a sector.
std::string sector_name(const taxonomy& tax, const std::string& id, std::string_view lang) {
  if (id.empty()) return detail::text(lang, "sector.none");
  return tax.label(id, lang);
}

/// A step of 1, 2 or 5 × 10^k giving at most `max_ticks` intervals up to `top`.
double nice_step(double top, int max_ticks) {
  if (!(top > 0)) return 1;
  const double raw = top / max_ticks;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double f : {1.0, 2.0, 5.0, 10.0}) {
    if (f * mag >= raw) return std::max(1.0, f * mag);
  }
  return std::max(1.0, 10 * mag);
}

struct rgb {
  double r, g, b;
};

/// Sequential white-to-blue scale, t in [0, 1].
std::string density_colour(double t) {
  static constexpr std::array<std::pair<double, rgb>, 4> stops{{{0.0, {245, 249, 252}},
                                                                {0.35, {169, 204, 232}},
                                                                {0.7, {63, 127, 191}},
                                                                {1.0, {11, 55, 99}}}};
  t = std::clamp(t, 0.0, 1.0);
  std::size_t i = 1;
  while (i + 1 < stops.size() && t > stops[i].first) ++i;
  const auto& [t0, c0] = stops[i - 1];
  const auto& [t1, c1] = stops[i];
  const double f = (t - t0) / (t1 - t0);
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(c0.r + f * (c1.r - c0.r))),
                static_cast<int>(std::lround(c0.g + f * (c1.g - c0.g))),
                static_cast<int>(std::lround(c0.b + f * (c1.b - c0.b))));
  return buf;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// ---- network drawing ----------------------------------------------------------

std::string network_svg(const network& net, std::span<const layout_point> positions, const svg_options& options) {
  detail::check_report_lang(options.lang);
  const std::string_view lang = options.lang;
  const std::size_t n = net.n_actors();
  if (positions.size() != n) {
    throw invalid_input(field_location("positions"), "expected one position per actor (" + std::to_string(n) +
                                                         "), found " + std::to_string(positions.size()));
  }
  const taxonomy& tax = net.sector_taxonomy();
  constexpr double width = 1040, height = 720, pad = 26, side = height - 2 * pad, legend_x = 736;
  auto px = [&](double x) { return pad + std::clamp(std::isfinite(x) ? x : 0.5, 0.0, 1.0) * side; };

  const auto pairs = detail::undirected_pairs(net);
  const auto deg = neighbour_counts(pairs, n);
  const double max_deg = static_cast<double>(n ? *std::max_element(deg.begin(), deg.end()) : 0);
  const double shrink = std::clamp(std::sqrt(150.0 / static_cast<double>(std::max<std::size_t>(n, 1))), 0.3, 1.0);
  auto radius = [&](std::size_t d) {
    return shrink * (3.0 + 9.0 * (max_deg > 0 ? std::sqrt(static_cast<double>(d) / max_deg) : 0.0));
  };

  const std::string& title = detail::text(lang, "svg.network.title");
  std::string s = svg_open(options, width, height, title, inner_id(options, "network", "title"));
  s += "<rect x=\"0\" y=\"0\" width=\"" + coord(width) + "\" height=\"" + coord(height) + "\" fill=\"#ffffff\"/>\n";

  // Ties: one path, light grey.
  if (!pairs.empty()) {
    std::string d;
    d.reserve(pairs.size() * 28);
    for (const auto& [u, v] : pairs) {
      d += "M" + coord(px(positions[u].x)) + " " + coord(px(positions[u].y)) + "L" + coord(px(positions[v].x)) + " " +
           coord(px(positions[v].y));
    }
    const double opacity = std::clamp(600.0 / static_cast<double>(pairs.size()), 0.08, 0.55);
    s += "<path class=\"ties\" d=\"" + d + "\" fill=\"none\" stroke=\"#b4bcc6\" stroke-opacity=\"" + coord(opacity) +
         "\" stroke-width=\"0.8\"/>\n";
  }

  // Actors, small first so hubs stay visible on top.
  std::vector<vertex_index> order(n);
  std::iota(order.begin(), order.end(), vertex_index{0});
  std::stable_sort(order.begin(), order.end(), [&](vertex_index a, vertex_index b) { return deg[a] < deg[b]; });
  s += "<g class=\"actors\" stroke=\"#ffffff\" stroke-width=\"0.9\">\n";
  for (const auto v : order) {
    const actor& a = net.actor_at(v);
    const std::string& sec = a.primary_sector();
    const std::string tip = detail::format_text(lang, "svg.network.tooltip",
                                                {a.name.empty() ? a.id : a.name, sector_name(tax, sec, lang), std::to_string(deg[v])});
    s += "<circle cx=\"" + coord(px(positions[v].x)) + "\" cy=\"" + coord(px(positions[v].y)) + "\" r=\"" +
         coord(radius(deg[v])) + "\" fill=\"" + std::string(sector_colour(tax, sec)) + "\"><title>" + xml_escape(tip) +
         "</title></circle>\n";
  }
  s += "</g>\n";

  // Names of the best connected actors, placed greedily without overlaps.
  struct box {
    double x0, y0, x1, y1;
  };
  std::vector<box> taken;
  std::string labels;
  std::size_t labelled = 0;
  for (auto it = order.rbegin(); it != order.rend() && labelled < 8; ++it) {
    const auto v = *it;
    if (deg[v] == 0) break;
    const actor& a = net.actor_at(v);
    const std::string name = detail::truncate_utf8(a.name.empty() ? a.id : a.name, 32);
    const double w = detail::text_width(name, 11), r = radius(deg[v]);
    const double cx = px(positions[v].x), cy = px(positions[v].y);
    bool placed = false;
    for (const bool right : {cx < pad + 0.7 * side, cx >= pad + 0.7 * side}) {
      const double x0 = right ? cx + r + 3 : cx - r - 3 - w;
      const box b{x0, cy - 8, x0 + w, cy + 6};
      if (b.x0 < 2 || b.x1 > legend_x - 8) continue;
      const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const box& t) {
        return b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1;
      });
      if (overlaps) continue;
      taken.push_back(b);
      labels += text_element(x0, cy + 4, name);
      placed = true;
      break;
    }
    if (placed) ++labelled;
  }
  if (!labels.empty()) {
    s += "<g class=\"labels\" font-size=\"11\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" "
         "paint-order=\"stroke\">\n" +
         labels + "</g>\n";
  }

  // Legend: sectors present, in taxonomy order, then others, then no sector.
  std::map<std::string, std::size_t> count;
  for (const auto& a : net.actors()) ++count[a.primary_sector()];
  std::vector<std::pair<std::string, std::size_t>> rows;
  for (const auto& sec : tax.sectors()) {
    if (const auto it = count.find(sec.id); it != count.end()) rows.emplace_back(sec.id, it->second);
  }
  for (const auto& [id, c] : count) {
    if (!id.empty() && !tax.contains(id)) rows.emplace_back(id, c);
  }
  if (const auto it = count.find(""); it != count.end()) rows.emplace_back("", it->second);
  constexpr std::size_t max_rows = 24;
  s += "<g class=\"legend\">\n";
  s += text_element(legend_x, 40, detail::text(lang, "svg.network.legend_sectors"),
                    "font-weight=\"600\" font-size=\"13\"");
  double y = 64;
  for (std::size_t i = 0; i < rows.size() && i < max_rows; ++i, y += 20) {
    const auto& [id, c] = rows[i];
    if (i + 1 == max_rows && rows.size() > max_rows) {
      s += text_element(legend_x + 18, y, detail::format_text(lang, "svg.network.legend_more", {std::to_string(rows.size() - i)}),
                        std::string("fill=\"") + muted_colour + "\"");
      break;
    }
    s += "<circle cx=\"" + coord(legend_x + 6) + "\" cy=\"" + coord(y - 4) + "\" r=\"6\" fill=\"" +
         std::string(id.empty() || !tax.contains(id) ? no_sector_colour : sector_colour(tax, id)) + "\"/>\n";
    const std::string label = fit_label(sector_name(tax, id, lang), width - legend_x - 60, 12);
    s += text_element(legend_x + 18, y, label);
    s += text_element(width - 14, y, std::to_string(c), std::string("text-anchor=\"end\" fill=\"") + muted_colour + "\"");
  }
  y += 16;
  s += text_element(legend_x, y, detail::text(lang, "svg.network.legend_size"),
                    "font-weight=\"600\" font-size=\"13\"");
  y += 26;
  std::vector<std::size_t> samples{1};
  if (max_deg >= 10) samples.push_back(static_cast<std::size_t>(std::lround(max_deg / 4)));
  if (max_deg >= 2) samples.push_back(static_cast<std::size_t>(max_deg));
  double x = legend_x + 6;
  for (const auto d : samples) {
    const double r = radius(d);
    s += "<circle cx=\"" + coord(x + r - 6) + "\" cy=\"" + coord(y - 4) + "\" r=\"" + coord(r) +
         "\" fill=\"#c3c9d1\" stroke=\"#8a94a3\" stroke-width=\"0.8\"/>\n";
    s += text_element(x + 2 * r - 2, y, std::to_string(d), std::string("fill=\"") + muted_colour + "\"");
    x += 2 * r + 10 + detail::text_width(std::to_string(d), 12);
  }
  y += 30;
  s += text_element(legend_x, y,
                    detail::format_text(lang, "svg.network.totals", {std::to_string(n), std::to_string(pairs.size())}),
                    std::string("fill=\"") + muted_colour + "\"");
  s += "</g>\n</svg>\n";
  return s;
}

// ---- actors per sector --------------------------------------------------------

std::string sector_coverage_svg(const network& net, const coverage_result& coverage, const svg_options& options) {
  detail::check_report_lang(options.lang);
  const std::string_view lang = options.lang;
  const taxonomy& tax = net.sector_taxonomy();
  auto listed = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };

  std::map<std::string, std::size_t> primary;
  std::map<std::string, bool> further;
  for (const auto& a : net.actors()) {
    ++primary[a.primary_sector()];
    for (std::size_t i = 1; i < a.sectors.size(); ++i) further[a.sectors[i]] = true;
  }
  struct row {
    std::string id;
    std::string label;
    std::size_t count{};
    bool required{}, missing{}, further_only{};
  };
  std::vector<row> rows;
  auto add = [&](const std::string& id) {
    row r;
    r.id = id;
    r.label = sector_name(tax, id, lang);
    r.count = primary.count(id) ? primary.at(id) : 0;
    r.required = !id.empty() && listed(coverage.required, id);
    r.missing = !id.empty() && listed(coverage.missing, id);
    r.further_only = r.count == 0 && !r.missing && further.count(id);
    rows.push_back(std::move(r));
  };
  for (const auto& sec : tax.sectors()) add(sec.id);
  std::vector<std::string> extra;
  for (const auto& [id, c] : primary) {
    if (!id.empty() && !tax.contains(id)) extra.push_back(id);
  }
  for (const auto& id : coverage.required) {
    if (!tax.contains(id) && !listed(extra, id)) extra.push_back(id);
  }
  std::sort(extra.begin(), extra.end());
  for (const auto& id : extra) add(id);
  if (primary.count("")) add("");

  constexpr double font = 12, row_h = 24, bar_h = 14, top = 34, bar_w = 460;
  double label_w = 0;
  for (auto& r : rows) {
    r.label = fit_label(r.label, 300, font);
    label_w = std::max(label_w, detail::text_width(r.label, font) * (r.required ? 1.2 : 1.0));
  }
  label_w += 18;
  const double status_w = 230;
  const double width = label_w + bar_w + status_w;
  const double height = top + static_cast<double>(rows.size()) * row_h + 46;
  std::size_t max_count = 0;
  for (const auto& r : rows) max_count = std::max(max_count, r.count);
  const double step = nice_step(static_cast<double>(std::max<std::size_t>(max_count, 1)), 6);
  const double scale_top = std::max(step, std::ceil(static_cast<double>(std::max<std::size_t>(max_count, 1)) / step) * step);
  auto bx = [&](double v) { return label_w + v / scale_top * bar_w; };

  const std::string& title = detail::text(lang, "svg.coverage.title");
  std::string s = svg_open(options, width, height, title, inner_id(options, "coverage", "title"));
  // Grid and axis labels.
  s += "<g class=\"axis\" font-size=\"11\" fill=\"" + std::string(muted_colour) + "\">\n";
  for (double t = 0; t <= scale_top + 1e-9; t += step) {
    s += "<line x1=\"" + coord(bx(t)) + "\" y1=\"" + coord(top - 6) + "\" x2=\"" + coord(bx(t)) + "\" y2=\"" +
         coord(top + static_cast<double>(rows.size()) * row_h) + "\" stroke=\"#e3e7ec\" stroke-width=\"1\"/>\n";
    s += text_element(bx(t), top - 12, detail::format_value(t, lang), "text-anchor=\"middle\"");
  }
  s += "</g>\n";
  double y = top;
  for (const auto& r : rows) {
    const double mid = y + row_h / 2;
    std::string label_attr = "text-anchor=\"end\"";
    if (r.required) label_attr += " font-weight=\"600\"";
    if (r.missing) label_attr += std::string(" fill=\"") + alert_colour + "\"";
    s += text_element(label_w - 10, mid + 4, r.label, label_attr);
    const std::string colour(r.id.empty() || !tax.contains(r.id) ? no_sector_colour : sector_colour(tax, r.id));
    if (r.count > 0) {
      s += "<rect x=\"" + coord(label_w) + "\" y=\"" + coord(mid - bar_h / 2) + "\" width=\"" +
           coord(std::max(1.0, bx(static_cast<double>(r.count)) - label_w)) + "\" height=\"" + coord(bar_h) +
           "\" rx=\"2\" fill=\"" + colour + "\"><title>" + xml_escape(r.label + ": " + std::to_string(r.count)) +
           "</title></rect>\n";
    }
    if (r.missing) {
      s += "<rect x=\"" + coord(label_w) + "\" y=\"" + coord(mid - bar_h / 2) + "\" width=\"36\" height=\"" +
           coord(bar_h) + "\" rx=\"2\" fill=\"#fdecea\" stroke=\"" + alert_colour +
           "\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>\n";
    }
    std::string note = std::to_string(r.count);
    std::string note_attr = std::string("fill=\"") + muted_colour + "\"";
    if (r.missing) {
      note = detail::text(lang, "svg.coverage.missing");
      note_attr = std::string("fill=\"") + alert_colour + "\" font-weight=\"600\"";
    } else if (r.further_only) {
      note = detail::text(lang, "svg.coverage.further_only");
    }
    const double note_x = (r.missing ? label_w + 36 : bx(static_cast<double>(r.count))) + 6;
    s += text_element(note_x, mid + 4, note, note_attr);
    y += row_h;
  }
  // Key.
  y += 26;
  s += text_element(label_w - 10, y, detail::text(lang, "svg.coverage.key_required"),
                    std::string("text-anchor=\"end\" font-weight=\"600\" fill=\"") + muted_colour + "\"");
  s += "<rect x=\"" + coord(label_w) + "\" y=\"" + coord(y - 11) + "\" width=\"24\" height=\"12\" rx=\"2\" fill=\"#fdecea\" stroke=\"" +
       alert_colour + "\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>\n";
  s += text_element(label_w + 30, y, detail::text(lang, "svg.coverage.key_missing"),
                    std::string("fill=\"") + muted_colour + "\"");
  s += text_element(label_w + bar_w / 2 + 70, y, detail::text(lang, "svg.coverage.key_bars"),
                    std::string("fill=\"") + muted_colour + "\"");
  s += "</svg>\n";
  return s;
}

// ---- block densities ------------------------------------------------------------

std::string block_density_svg(const group_matrix& densities, const taxonomy& tax, const svg_options& options) {
  detail::check_report_lang(options.lang);
  const std::string_view lang = options.lang;
  const std::size_t k = densities.labels.size();
  const double cell = k <= 20 ? 32 : std::max(8.0, 640.0 / static_cast<double>(k));
  const bool show_values = cell >= 28;
  constexpr double font = 11.5;
  std::vector<std::string> labels;
  double label_w = 0;
  for (std::size_t g = 0; g < k; ++g) {
    labels.push_back(fit_label(sector_name(tax, densities.labels[g], lang), 240, font));
    label_w = std::max(label_w, detail::text_width(labels.back(), font));
  }
  const double left = label_w + 16, top = std::max(60.0, label_w * 0.72 + 24);
  const double grid = cell * static_cast<double>(k);
  const double legend_x = left + grid + std::max(24.0, label_w * 0.72 - grid + 24);
  const double width = legend_x + 90, height = top + std::max(grid, 150.0) + 24;
  double vmax = 0;
  for (const double v : densities.values) {
    if (std::isfinite(v)) vmax = std::max(vmax, v);
  }
  if (!(vmax > 0)) vmax = 1;

  const std::string& title = detail::text(lang, "svg.blocks.title");
  std::string s = svg_open(options, width, height, title, inner_id(options, "blocks", "title"));
  const std::string gradient = inner_id(options, "blocks", "scale");
  s += "<defs><linearGradient id=\"" + xml_escape(gradient) + "\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">";
  for (int i = 0; i <= 10; ++i) {
    s += "<stop offset=\"" + coord(i / 10.0) + "\" stop-color=\"" + density_colour(i / 10.0) + "\"/>";
  }
  s += "</linearGradient></defs>\n";
  s += text_element(8, 18, detail::text(lang, "svg.blocks.axes"),
                    std::string("font-size=\"11\" fill=\"") + muted_colour + "\"");
  s += "<g class=\"labels\" font-size=\"11.5\">\n";
  for (std::size_t g = 0; g < k; ++g) {
    const double c = static_cast<double>(g) * cell + cell / 2;
    s += text_element(left - 8, top + c + 4, labels[g], "text-anchor=\"end\"");
    s += "<text transform=\"translate(" + coord(left + c + 4) + " " + coord(top - 8) + ") rotate(-45)\">" +
         xml_escape(labels[g]) + "</text>\n";
  }
  s += "</g>\n<g class=\"cells\" font-size=\"10\" text-anchor=\"middle\">\n";
  for (std::size_t g = 0; g < k; ++g) {
    for (std::size_t h = 0; h < k; ++h) {
      const double v = densities.at(g, h);
      const double x = left + static_cast<double>(h) * cell, y = top + static_cast<double>(g) * cell;
      const bool finite = std::isfinite(v);
      const double t = finite ? v / vmax : 0;
      const std::string fill = finite ? density_colour(t) : std::string("#e6e8eb");
      const std::string tip = labels[g] + " \u2192 " + labels[h] + ": " + detail::format_decimal(v, 3, lang);
      s += "<rect x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" width=\"" + coord(cell) + "\" height=\"" + coord(cell) +
           "\" fill=\"" + fill + "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" + xml_escape(tip) + "</title></rect>\n";
      if (show_values) {
        const std::string value = finite ? detail::format_decimal(v, 2, lang) : "\u2013";
        const char* ink = t > 0.5 ? "#ffffff" : (finite && v > 0 ? text_colour : "#9aa3ad");
        s += text_element(x + cell / 2, y + cell / 2 + 3.5, value, std::string("fill=\"") + ink + "\"");
      }
    }
  }
  s += "</g>\n";
  // Outline the diagonal (within-sector densities) on top of the cells.
  s += "<g class=\"diagonal\" fill=\"none\" stroke=\"#1f2933\" stroke-width=\"1.2\">\n";
  for (std::size_t g = 0; g < k; ++g) {
    const double x = left + static_cast<double>(g) * cell, y = top + static_cast<double>(g) * cell;
    s += "<rect x=\"" + coord(x + 0.6) + "\" y=\"" + coord(y + 0.6) + "\" width=\"" + coord(cell - 1.2) +
         "\" height=\"" + coord(cell - 1.2) + "\"/>\n";
  }
  s += "</g>\n";
  // Colour scale.
  const double bar_h = std::max(grid, 150.0);
  s += "<rect x=\"" + coord(legend_x) + "\" y=\"" + coord(top) + "\" width=\"14\" height=\"" + coord(bar_h) +
       "\" fill=\"url(#" + xml_escape(gradient) + ")\" stroke=\"#c3c9d1\" stroke-width=\"0.8\"/>\n";
  s += text_element(legend_x + 20, top + 10, detail::format_decimal(vmax, 2, lang),
                    std::string("font-size=\"11\" fill=\"") + muted_colour + "\"");
  s += text_element(legend_x + 20, top + bar_h, detail::format_decimal(0, 0, lang),
                    std::string("font-size=\"11\" fill=\"") + muted_colour + "\"");
  s += text_element(legend_x, top - 10, detail::text(lang, "svg.blocks.density"),
                    std::string("font-size=\"11\" font-weight=\"600\" fill=\"") + muted_colour + "\"");
  s += text_element(left, top + grid + 18, detail::text(lang, "svg.blocks.key"),
                    std::string("font-size=\"11\" fill=\"") + muted_colour + "\"");
  s += "</svg>\n";
  return s;
}

}  // namespace healthnet
