# SPDX-License-Identifier: MIT
"""Rich display in Jupyter (_repr_html_), readable reprs, and the sector palette."""

from __future__ import annotations

import re

import pytest

import healthnet as hn
from healthnet import _display

# The palette documented in include/healthnet/svg.hpp, by taxonomy position.
DOCUMENTED_PALETTE = {
    "outpatient_care": "#1f5fa8",
    "inpatient_care": "#d1362f",
    "nursing_care": "#2e8b3e",
    "rehabilitation": "#f08c00",
    "prevention": "#7b4fb3",
    "public_health": "#0f9aa8",
    "municipality": "#8c5a2b",
    "health_insurance": "#d6549a",
    "pharmacy": "#9ccc3c",
    "emergency_care": "#7f1d1d",
    "self_help": "#6cb4ee",
    "social_services": "#e0b000",
    "education": "#27336b",
    "mobility": "#b9a0e0",
    "professional_body": "#6d7a1f",
    "other": "#f4a582",
}


def test_sector_colors_match_the_documented_palette():
    # hn.sector_colors() is the C++ palette; oracle: the table in the svg.hpp documentation.
    assert hn.sector_colors() == DOCUMENTED_PALETTE
    assert list(hn.sector_colors()) == [s.id for s in hn.Taxonomy.builtin().sectors]


def test_sector_colors_follow_a_custom_taxonomy():
    # Colours go by taxonomy position, grey from position 16; oracle: the palette order above.
    sectors = [hn.Sector(f"s{i}") for i in range(18)]
    net = hn.Network()
    net.taxonomy = hn.Taxonomy(sectors)
    colors = hn.sector_colors(net)
    palette = list(DOCUMENTED_PALETTE.values())
    assert [colors[f"s{i}"] for i in range(16)] == palette
    assert colors["s16"] == colors["s17"] == "#9aa0a6"


def test_network_svg_uses_the_sector_colors():
    # The drawing fills each actor with its primary sector's colour; oracle: hn.sector_colors() and the
    # primary sectors of the example (one circle per actor).
    net = hn.example()
    html = net._repr_html_()
    fills = re.findall(r'<circle[^>]*fill="(#[0-9a-f]{6})"', html)
    assert len(fills) >= net.n_actors
    colors = hn.sector_colors()
    expected = {colors.get(a.sector, "#9aa0a6") for a in net.actors}
    assert expected <= set(fills)


def test_network_html_summary():
    # The HTML names region, counts, density, components and the sectors present with their counts;
    # oracle: the healthnet functions computing each figure.
    net = hn.example()
    html = net._repr_html_()
    assert "Landkreis Musterstadt" in html
    assert f"<td>{net.n_actors}</td>" in html and f"<td>{net.n_ties}</td>" in html
    assert f"<td>{hn.density(net):.4f}</td>" in html
    assert f"<th style='text-align:left'>components</th><td>{hn.n_components(net)}</td>" in html
    for sector, count in hn.sector_counts(net).items():
        assert f"<td>{net.taxonomy.label(sector, 'en')}</td><td>{count}</td>" in html
    assert f"<td>{net.n_bodies} (" in html and "working group" in html
    assert "<svg" in html


def test_network_html_escapes_user_text():
    # Region, actor names and sector ids are escaped in the tables and the SVG; oracle: html.escape.
    net = hn.Network()
    net.region = hn.Region(name="<script>alert(1)</script> & Co")
    net.add_actor("a", name="<b>Praxis</b>", sectors=["<i>odd</i>"])
    net.add_actor("b", sectors=["pharmacy"])
    net.add_tie("a", "b")
    html = net._repr_html_()
    assert "<script>" not in html and "<b>Praxis" not in html and "<i>odd" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "&lt;i&gt;odd&lt;/i&gt;" in html


def test_large_network_skips_the_drawing():
    # Above 2,000 actors the HTML has the tables but no SVG, and says so; oracle: the documented limit.
    net = hn.synthetic_region(_display.DRAW_LIMIT + 1, 3000, with_bodies=False)
    html = net._repr_html_()
    assert "<svg" not in html and "Drawing skipped" in html
    assert f"<td>{net.n_actors}</td>" in html


def test_empty_network_displays():
    # An empty network shows its zero counts without a drawing; oracle: hand-written.
    html = hn.Network()._repr_html_()
    assert "<td>0</td>" in html and "<svg" not in html


def test_html_table_escapes_cells_but_not_raw():
    # Cells are escaped unless wrapped in Raw; oracle: hand-written HTML.
    table = _display.html_table([["<a>", _display.Raw("<b>x</b>"), 0.5]], header=["h&"])
    assert "<td>&lt;a&gt;</td><td><b>x</b></td><td>0.5000</td>" in table
    assert "<th>h&amp;</th>" in table


@pytest.fixture(scope="module")
def results():
    net = hn.example()
    return {
        "summary": net.summary(),
        "coverage": hn.sector_coverage(net),
        "ei": hn.ei_index(net),
        "scorecard": hn.Scorecard.load("network").evaluate(net),
        "comparison": hn.compare(hn.example("2022"), net),
    }


@pytest.mark.parametrize("name", ["summary", "coverage", "ei", "scorecard", "comparison"])
def test_results_display_as_tables(results, name):
    # Every result object has an HTML table and a multi-line text repr (not the dataclass default);
    # oracle: the class names of the default reprs.
    r = results[name]
    html = r._repr_html_()
    assert html.count("<table") >= 1 and "</table>" in html
    text = repr(r)
    assert "\n" in text and not re.match(r"^\w+\(", text)
    assert text == str(r)


def test_result_tables_show_the_values(results):
    # The tables carry the figures of the results; oracle: the result objects' fields.
    cov = results["coverage"]
    assert f"{cov.coverage_ratio:.4f}" in cov._repr_html_()
    for sector in cov.required:
        assert f"<td>{sector}</td>" in cov._repr_html_()
    ei = results["ei"]
    assert f"<td>{ei.ei:.4f}</td>" in ei._repr_html_() and f"{ei.ei:.4f}" in repr(ei)
    card = results["scorecard"]
    html = card._repr_html_()
    assert html.count("✔") == card.passed and html.count("✘") == len(card.rows) - card.passed
    comp = results["comparison"]
    assert f"<td>{len(comp.joined)}</td>" in comp._repr_html_()
