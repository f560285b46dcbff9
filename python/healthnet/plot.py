# SPDX-License-Identifier: MIT
"""Plots with matplotlib: the network, block densities, sector coverage, scorecards.

Needs matplotlib (``pip install healthnet[plot]``); ``import healthnet``
alone never imports it. Sectors have the colours of the report's SVG
drawings (:func:`healthnet.sector_colors`). Every function draws into
``ax`` (a new figure when None) and returns the Axes.

>>> import healthnet as hn, healthnet.plot  # doctest: +SKIP
>>> ax = hn.plot.network(hn.example())      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

try:
    import matplotlib
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "healthnet.plot needs matplotlib, which is not installed: pip install healthnet[plot]"
    ) from error

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D

from . import _core
from ._core import Network
from ._display import FAILED_COLOR, PASSED_COLOR, sector_color, sector_colors
from ._names import did_you_mean, known_names
from ._scoring import ScorecardResult
from ._sectors import CoverageResult
from ._sectors import block_density as _block_density
from ._sectors import sector_coverage as _sector_coverage

__all__ = ["block_density", "coverage", "network", "scorecard"]

_TIE_COLOR = "#b4bcc6"


def _axes(ax, figsize):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def _positions(net: Network, layout, seed: int) -> np.ndarray:
    """(n, 2) positions, y upwards, from a layout name, an array or a dict id -> (x, y)."""
    if layout is None or isinstance(layout, str):
        xy = _core._network_layout(net, seed, layout or "auto")
        return np.column_stack([xy[:, 0], 1.0 - xy[:, 1]])  # the C++ layouts have y downwards
    if isinstance(layout, Mapping):
        try:
            xy = np.array([layout[i] for i in net.actor_ids], dtype=float)
        except KeyError as e:
            raise KeyError(f"layout: no position for actor {e.args[0]!r}") from None
    else:
        xy = np.asarray(layout, dtype=float)
    if xy.shape != (net.n_actors, 2):
        raise ValueError(f"layout: expected {net.n_actors} positions of shape (n_actors, 2), got {xy.shape}")
    return xy


def _per_actor(net: Network, values, what: str) -> pd.Series:
    """A per-actor value in actor order: a Series aligned on actor ids, or an array."""
    if isinstance(values, pd.Series):
        values = values.reindex(net.actor_ids).reset_index(drop=True)
    else:
        values = pd.Series(np.asarray(values).ravel() if np.ndim(values) == 1 else np.asarray(values))
    if values.shape != (net.n_actors,):
        raise ValueError(f"{what}: expected {net.n_actors} values, one per actor, got shape {values.shape}")
    return values


def _metric(net: Network, name: str) -> pd.Series:
    """A per-actor metric of healthnet by name, e.g. "degree" or "betweenness"."""
    import healthnet

    fn = getattr(healthnet, name, None) if name in healthnet.__all__ else None
    values = None
    if callable(fn) and not isinstance(fn, type):
        try:
            values = fn(net)
        except TypeError:  # a function that needs more than the network
            values = None
    if not isinstance(values, pd.Series):
        raise ValueError(
            f"size_by: {name!r} is not a per-actor metric (e.g. 'degree', 'betweenness', 'pagerank')"
        )
    return values


def _sizes(net: Network, size_by) -> np.ndarray:
    if size_by is None:
        return np.full(net.n_actors, 30.0)
    values = _metric(net, size_by) if isinstance(size_by, str) else size_by
    v = _per_actor(net, values, "size_by").to_numpy(dtype=float, na_value=0.0)
    v = np.nan_to_num(v, nan=0.0)
    top = v.max() if len(v) else 0.0
    # Marker area grows linearly with the value, from 12 to 300 points².
    return 12.0 + 288.0 * (v / top if top > 0 else np.zeros_like(v))


def _limits(ax, xy: np.ndarray) -> None:
    lo, hi = (xy.min(axis=0), xy.max(axis=0)) if len(xy) else (np.zeros(2), np.ones(2))
    pad = 0.03 * max(float((hi - lo).max()), 1e-9)
    ax.set_xlim(lo[0] - pad, hi[0] + pad)
    ax.set_ylim(lo[1] - pad, hi[1] + pad)


def network(
    net: Network,
    color_by: str | Any | None = "sector",
    size_by: str | Any | None = None,
    ax=None,
    layout=None,
    seed: int = 1,
    *,
    legend: bool = True,
    labels: bool = False,
    title: str | None = None,
):
    """Draw the network: actors as dots, ties as lines.

    Parameters
    ----------
    net : Network
    color_by : str, array_like or None, default "sector"
        ``"sector"``: the primary sector's colour (grey without one), with a
        legend of the sectors present; the name of an actor attribute, or
        one value per actor (array or Series indexed by actor id): numbers
        on the ``viridis`` scale with a colour bar, other values as
        categories; None: one colour. Actors without a value are grey.
    size_by : str, array_like or None
        None: equal dots; ``"degree"``, or the name of a per-actor metric
        of healthnet (``"betweenness"``, ``"pagerank"``, ``"core_number"``,
        ...); or one value per actor. Dot area is proportional to the value.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.
    layout : str, array_like or dict, optional
        ``"force_directed"``, ``"sector_circle"`` or ``"auto"``
        (default: force-directed up to 2,000 actors, then sector-grouped
        on a circle; the layouts of the report); an array of shape
        (n_actors, 2); or a dict actor id -> (x, y), e.g. from a networkx
        layout of ``hn.to_networkx(net)``.
    seed : int, default 1
        Seed of the force-directed layout.
    legend : bool, default True
    labels : bool, default False
        Write every actor's name (its id when it has none) beside it.
    title : str, optional
        Default: the region name.

    Returns
    -------
    matplotlib.axes.Axes
        Ties are one LineCollection (no arrows, as in the report), actors
        one PathCollection in actor order.
    """
    ax = _axes(ax, (8, 8))
    xy = _positions(net, layout, seed)
    ties = _core._tie_columns(net)
    if len(ties["source"]):
        segments = np.stack([xy[ties["source"].astype(np.intp)], xy[ties["target"].astype(np.intp)]], axis=1)
        alpha = float(np.clip(600.0 / len(segments), 0.08, 0.55))
        ax.add_collection(LineCollection(segments, colors=_TIE_COLOR, linewidths=0.7, alpha=alpha, zorder=1))
    sizes = _sizes(net, size_by)
    scatter_kw: dict[str, Any] = {"s": sizes, "edgecolors": "white", "linewidths": 0.5, "zorder": 2}
    handles: list = []
    if color_by is None:
        ax.scatter(xy[:, 0], xy[:, 1], c=sector_colors()["outpatient_care"], **scatter_kw)
    elif isinstance(color_by, str) and color_by == "sector":
        colors = sector_colors(net)
        primary = _core._actor_columns(net)["sector"]
        ax.scatter(xy[:, 0], xy[:, 1], c=[sector_color(s, colors) for s in primary], **scatter_kw)
        present = set(primary)
        for sector_id, colour in colors.items():
            if sector_id in present:
                handles.append(_dot(colour, net.taxonomy.label(sector_id, "en")))
        others = sorted(s for s in present if s is not None and s not in colors)
        if others or None in present:
            handles.append(_dot(_core._NO_SECTOR_COLOUR, "other / no sector"))
    else:
        if isinstance(color_by, str):
            frame = net.actors_frame()
            if color_by not in frame.columns:
                known = ["sector", *(c for c in frame.columns if c != "sector")]
                raise KeyError(
                    f"color_by: no actor has the attribute {color_by!r}"
                    f"{did_you_mean(color_by, known)} ({known_names(known)})"
                )
            values = frame[color_by].reset_index(drop=True)
        else:
            values = _per_actor(net, color_by, "color_by")
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            numbers = values.to_numpy(dtype=float, na_value=np.nan)
            points = ax.scatter(
                xy[:, 0],
                xy[:, 1],
                c=numbers,
                cmap=matplotlib.colormaps["viridis"].with_extremes(bad=_core._NO_SECTOR_COLOUR),
                plotnonfinite=True,
                **scatter_kw,
            )
            ax.figure.colorbar(
                points, ax=ax, shrink=0.6, label=str(color_by) if isinstance(color_by, str) else None
            )
        else:
            palette = matplotlib.colormaps["tab20"].colors
            categories = sorted({str(v) for v in values if not pd.isna(v)})
            colour_of = {c: to_hex(palette[i % len(palette)]) for i, c in enumerate(categories)}
            ax.scatter(
                xy[:, 0],
                xy[:, 1],
                c=[_core._NO_SECTOR_COLOUR if pd.isna(v) else colour_of[str(v)] for v in values],
                **scatter_kw,
            )
            handles = [_dot(colour_of[c], c) for c in categories]
            if values.isna().any():
                handles.append(_dot(_core._NO_SECTOR_COLOUR, "(none)"))
    if labels:
        for (x, y), a in zip(xy, net.actors):
            ax.annotate(a.name or a.id, (x, y), fontsize=6, xytext=(3, 3), textcoords="offset points")
    if legend and handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    _limits(ax, xy)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title if title is not None else (net.region.name or net.region.id))
    return ax


def _dot(colour: str, label: str) -> Line2D:
    return Line2D(
        [],
        [],
        marker="o",
        linestyle="",
        markerfacecolor=colour,
        markeredgecolor="white",
        markersize=8,
        label=label,
    )


def block_density(
    net_or_result, by: str = "sector", ax=None, *, weighted: bool = False, annotate: bool | None = None
):
    """Heatmap of the densities within and between groups.

    Parameters
    ----------
    net_or_result : Network or pandas.DataFrame
        A network (densities computed with :func:`healthnet.block_density`)
        or the DataFrame that function returns.
    by : str, default "sector"
        Grouping, for a network.
    ax : matplotlib.axes.Axes, optional
    weighted : bool, default False
        For a network: sum weights instead of counting ties.
    annotate : bool, optional
        Print the value in each cell; default up to 12 groups.

    Returns
    -------
    matplotlib.axes.Axes
        One image (rows: from, columns: to; white 0 to dark blue the
        largest value, NaN grey) with a colour bar. With ``by="sector"``
        the groups are labelled with their English sector names, written
        in the sector colours.
    """
    if isinstance(net_or_result, Network):
        frame = _block_density(net_or_result, by, weighted)
        tax = net_or_result.taxonomy
    elif isinstance(net_or_result, pd.DataFrame):
        frame = net_or_result
        tax = _core.Taxonomy.builtin()
    else:
        raise TypeError(
            f"block_density: expected a Network or a DataFrame, not {type(net_or_result).__name__}"
        )
    values = frame.to_numpy(dtype=float)
    k = max(values.shape) if values.size else 0
    ax = _axes(ax, (2.5 + 0.45 * k, 2 + 0.45 * k))
    cmap = matplotlib.colormaps["Blues"].with_extremes(bad="#d9d9d9")
    top = np.nanmax(values) if np.isfinite(values).any() else 1.0
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0, vmax=top if top > 0 else 1.0)
    sectors = by == "sector"
    colors = sector_colors(tax)

    def label(group) -> str:
        return tax.label(str(group), "en") if sectors else str(group)

    ax.set_xticks(
        range(values.shape[1]), [label(c) for c in frame.columns], rotation=60, ha="right", fontsize=8
    )
    ax.set_yticks(range(values.shape[0]), [label(r) for r in frame.index], fontsize=8)
    if sectors:
        for ticks, groups in ((ax.get_xticklabels(), frame.columns), (ax.get_yticklabels(), frame.index)):
            for tick, group in zip(ticks, groups):
                if group in colors:
                    tick.set_color(colors[group])
    ax.set_xlabel("to")
    ax.set_ylabel("from")
    if annotate is None:
        annotate = k <= 12
    if annotate:
        for (r, c), v in np.ndenumerate(values):
            if np.isfinite(v):
                dark = top > 0 and v / top > 0.6
                ax.text(
                    c,
                    r,
                    f"{v:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if dark else "#1f2933",
                )
    ax.figure.colorbar(image, ax=ax, shrink=0.7, label="density")
    ax.set_title(f"Block density by {by}")
    return ax


def coverage(net_or_result, ax=None, *, required=None):
    """Bar chart of the actors per sector, with required sectors that are missing.

    Parameters
    ----------
    net_or_result : Network or CoverageResult
        A network (coverage computed with :func:`healthnet.sector_coverage`)
        or its result.
    ax : matplotlib.axes.Axes, optional
    required : sequence of str, optional
        For a network: the required sectors (default the core sectors).

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per sector: the required sectors in order, then
        further sectors present; bar length is the number of actors with that
        primary sector, in the sector's colour. Required sectors without
        actors are labelled "missing" in red.
    """
    if isinstance(net_or_result, Network):
        result = _sector_coverage(net_or_result, required)
        net = net_or_result
    elif isinstance(net_or_result, CoverageResult):
        result, net = net_or_result, None
    else:
        raise TypeError(
            f"coverage: expected a Network or a CoverageResult, not {type(net_or_result).__name__}"
        )
    colors = sector_colors(net)
    tax = net.taxonomy if net is not None else _core.Taxonomy.builtin()
    counts = result.actors_per_sector
    sectors = list(result.required) + [
        s for s in counts.index if s not in result.required and s != "(missing)"
    ]
    ax = _axes(ax, (7, 1 + 0.35 * len(sectors)))
    y = np.arange(len(sectors))
    widths = [int(counts.get(s, 0)) for s in sectors]
    ax.barh(y, widths, color=[sector_color(s, colors) for s in sectors], edgecolor="none")
    ax.set_yticks(y, [tax.label(s, "en") for s in sectors], fontsize=8)
    ax.invert_yaxis()
    missing = set(result.missing)
    for i, s in enumerate(sectors):
        if s in missing:
            ax.get_yticklabels()[i].set_color(FAILED_COLOR)
            ax.text(0.2, i, "missing", va="center", fontsize=8, color=FAILED_COLOR)
        elif s not in result.required:
            ax.get_yticklabels()[i].set_style("italic")
    ax.set_xlabel("actors (primary sector)")
    present = len(result.required) - len(result.missing)
    ax.set_title(f"Sector coverage: {present} of {len(result.required)} required sectors present")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def scorecard(result: ScorecardResult, ax=None):
    """Scores of a scorecard's indicators and rules against the maximum of 100.

    Parameters
    ----------
    result : ScorecardResult
        From ``hn.Scorecard.load(...).evaluate(net)``.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Per row (in the scorecard's order, top down) a light bar of the
        maximum 100 and over it the score, green when the target is met and
        red otherwise; a dashed line at the weighted total.
    """
    if not isinstance(result, ScorecardResult):
        raise TypeError(f"scorecard: expected a ScorecardResult, not {type(result).__name__}")
    rows = result.rows
    ax = _axes(ax, (7, 1.2 + 0.32 * len(rows)))
    y = np.arange(len(rows))
    ax.barh(y, [100.0] * len(rows), color="#e5e7eb", edgecolor="none", label="maximum")
    ax.barh(
        y,
        [r["score"] for r in rows],
        color=[PASSED_COLOR if r["passed"] else FAILED_COLOR for r in rows],
        edgecolor="none",
        height=0.6,
    )
    ax.set_yticks(y, [r["label"] for r in rows], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(result.total, color="#1f2933", linestyle="--", linewidth=1)
    ax.set_xlim(0, 100)
    ax.set_xlabel("score (0–100)")
    name = result.region_name or result.region_id
    ax.set_title(f"{result.scorecard}{': ' + name if name else ''} — total {result.total:.1f} / 100")
    ax.spines[["top", "right"]].set_visible(False)
    return ax
