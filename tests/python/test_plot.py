# SPDX-License-Identifier: MIT
"""healthnet.plot: network drawing, block-density heatmap, coverage and scorecard bars (Agg backend)."""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

import healthnet as hn  # noqa: E402
import healthnet.plot  # noqa: E402,F401

GREY = "#9aa0a6"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def net():
    return hn.example()


def _points(ax) -> PathCollection:
    (points,) = [c for c in ax.collections if isinstance(c, PathCollection)]
    return points


def test_network_draws_every_actor_and_tie(net):
    # One line per tie and one dot per actor, coloured by primary sector; oracle: n_ties, n_actors and
    # hn.sector_colors() of each actor's sector.
    ax = hn.plot.network(net)
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(lines.get_segments()) == net.n_ties
    points = _points(ax)
    assert len(points.get_offsets()) == net.n_actors
    colors = hn.sector_colors()
    expected = [colors.get(a.sector, GREY) for a in net.actors]
    assert [to_hex(c) for c in points.get_facecolors()] == expected
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    present = {a.sector for a in net.actors}
    assert legend == [net.taxonomy.label(s, "en") for s in colors if s in present]
    assert ax.get_title() == "Landkreis Musterstadt"


def test_network_segments_join_the_tie_ends(net):
    # Each line runs between the positions of its tie's actors; oracle: ties_frame and the dot offsets.
    ax = hn.plot.network(net, layout="sector_circle")
    offsets = _points(ax).get_offsets()
    index = {a: i for i, a in enumerate(net.actor_ids)}
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    ties = net.ties_frame()
    for seg, s, t in zip(lines.get_segments(), ties["source"], ties["target"]):
        np.testing.assert_allclose(seg, [offsets[index[s]], offsets[index[t]]])


def test_network_layout_from_networkx(net):
    # A dict layout (networkx spring_layout of to_networkx, in [-1, 1]²) places the dots there, all
    # inside the view; oracle: networkx.
    pos = nx.spring_layout(hn.to_networkx(net), seed=3)
    ax = hn.plot.network(net, layout=pos)
    offsets = _points(ax).get_offsets()
    np.testing.assert_allclose(offsets, [pos[a] for a in net.actor_ids])
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < offsets[:, 0].min() and offsets[:, 0].max() < x1
    assert y0 < offsets[:, 1].min() and offsets[:, 1].max() < y1


def test_network_size_by_degree_and_metric(net):
    # Dot area grows linearly with the value, largest = 300; oracle: hn.degree and hn.betweenness.
    for size_by, values in (("degree", hn.degree(net)), ("betweenness", hn.betweenness(net))):
        sizes = _points(hn.plot.network(net, size_by=size_by)).get_sizes()
        v = values.to_numpy(dtype=float)
        np.testing.assert_allclose(sizes, 12 + 288 * v / v.max())
    sizes = _points(hn.plot.network(net, size_by=np.arange(net.n_actors))).get_sizes()
    assert sizes[0] == 12 and sizes[-1] == 300
    for name in ("no_such_metric", "density", "write_json", "Network"):
        with pytest.raises(ValueError, match=f"size_by: '{name}' is not a per-actor metric"):
            hn.plot.network(net, size_by=name)


def test_network_color_by_attribute(net):
    # Categorical attributes get one colour per value with a legend, numbers a colour bar; oracle: the
    # attribute values of the example's actors.
    ax = hn.plot.network(net, color_by="municipality")
    towns = sorted(net.actors_frame()["municipality"].dropna().unique())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[: len(towns)] == towns
    ax = hn.plot.network(net, color_by="staff")
    assert len(ax.figure.axes) == 2  # the colour bar
    staff = net.actors_frame()["staff"]
    assert staff.isna().any()  # actors without the attribute are drawn, in the "bad" colour
    scale = _points(ax).get_array()
    np.testing.assert_array_equal(np.isnan(scale.filled(np.nan)), staff.isna().to_numpy())
    ax.figure.canvas.draw()
    faces = [to_hex(c) for c in _points(ax).get_facecolors()]
    assert {f for f, missing in zip(faces, staff.isna()) if missing} == {GREY}
    with pytest.raises(KeyError, match="color_by: no actor has the attribute 'nope'"):
        hn.plot.network(net, color_by="nope")


def test_block_density_heatmap(net):
    # The image holds the block densities with NaN masked, labels are the groups in sector colours;
    # oracle: hn.block_density and hn.sector_colors.
    expected = hn.block_density(net)
    ax = hn.plot.block_density(net)
    image = ax.images[0].get_array()
    np.testing.assert_allclose(image.filled(np.nan), expected.to_numpy(), equal_nan=True)
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        net.taxonomy.label(s, "en") for s in expected.columns
    ]
    colors = hn.sector_colors()
    assert [to_hex(t.get_color()) for t in ax.get_yticklabels()] == [colors[s] for s in expected.index]
    assert [to_hex(t.get_color()) for t in ax.get_xticklabels()] == [colors[s] for s in expected.columns]
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("to", "from", "Block density by sector")
    assert len(ax.texts) == 0  # 16 groups: too many to print values by default
    ax = hn.plot.block_density(net, annotate=True)
    finite = [v for v in expected.to_numpy().ravel() if np.isfinite(v)]
    assert [t.get_text() for t in ax.texts] == [f"{v:.2f}" for v in finite]
    ax2 = hn.plot.block_density(expected)  # the DataFrame result works too
    np.testing.assert_allclose(ax2.images[0].get_array().filled(np.nan), expected.to_numpy(), equal_nan=True)


def test_coverage_bars_and_missing_sectors():
    # One bar per sector with its actors and colour; required sectors without actors are labelled
    # missing; oracle: a hand-built network lacking two core sectors.
    net = hn.Network()
    net.add_actor("a", sectors=["outpatient_care"])
    net.add_actor("b", sectors=["outpatient_care"])
    net.add_actor("c", sectors=["pharmacy"])
    required = ["outpatient_care", "inpatient_care", "nursing_care"]
    ax = hn.plot.coverage(net, required=required)
    sectors = required + ["pharmacy"]
    assert [p.get_width() for p in ax.patches] == [2, 0, 0, 1]
    colors = hn.sector_colors()
    assert [to_hex(p.get_facecolor()) for p in ax.patches] == [colors[s] for s in sectors]
    assert [t.get_text() for t in ax.get_yticklabels()] == [net.taxonomy.label(s, "en") for s in sectors]
    assert [t.get_text() for t in ax.texts] == ["missing", "missing"]
    assert "1 of 3 required sectors present" in ax.get_title()


def test_coverage_from_result(net):
    # A CoverageResult draws the same bars as the network; oracle: hn.sector_coverage's counts.
    result = hn.sector_coverage(net)
    ax = hn.plot.coverage(result)
    widths = [p.get_width() for p in ax.patches]
    assert widths[: len(result.required)] == [result.actors_per_sector.get(s, 0) for s in result.required]


def test_scorecard_bars(net):
    # Per row a maximum bar (100) and a score bar coloured by passed; oracle: the ScorecardResult rows.
    result = hn.Scorecard.load("niedersachsen").evaluate(net)
    ax = hn.plot.scorecard(result)
    n = len(result.rows)
    assert len(ax.patches) == 2 * n
    assert [p.get_width() for p in ax.patches[:n]] == [100.0] * n
    assert [p.get_width() for p in ax.patches[n:]] == pytest.approx([r["score"] for r in result.rows])
    assert [to_hex(p.get_facecolor()) for p in ax.patches[n:]] == [
        "#1a7f37" if r["passed"] else "#b42318" for r in result.rows
    ]
    assert [t.get_text() for t in ax.get_yticklabels()] == [r["label"] for r in result.rows]


def test_plots_draw_into_a_given_axes(net):
    # With ax= the plot goes there and that Axes is returned; oracle: identity.
    fig, axes = plt.subplots(1, 2)
    assert hn.plot.coverage(net, ax=axes[0]) is axes[0]
    assert hn.plot.network(net, ax=axes[1]) is axes[1]
    assert len(fig.axes) == 2


def test_plot_rejects_wrong_inputs(net):
    # Wrong argument types raise TypeError naming the function; oracle: the documented inputs.
    with pytest.raises(TypeError, match="scorecard: expected a ScorecardResult"):
        hn.plot.scorecard(net)
    with pytest.raises(ValueError, match="layout: expected"):
        hn.plot.network(net, layout=np.zeros((3, 2)))


def test_missing_matplotlib_gives_install_hint():
    # Without matplotlib, importing healthnet works and healthnet.plot says how to install it; oracle:
    # a fresh interpreter where `import matplotlib` fails.
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import healthnet as hn\n"
        "try:\n    hn.plot\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install healthnet[plot]" in out.stdout
