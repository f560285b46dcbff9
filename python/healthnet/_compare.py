# SPDX-License-Identifier: MIT
"""Comparing two waves of a region."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from . import _core
from ._core import Network
from ._display import html_table

__all__ = ["WaveComparison", "compare"]


@dataclass(frozen=True)
class WaveComparison:
    """The difference between an earlier and a later wave (see :func:`compare`).

    Attributes
    ----------
    joined, left : list of str
        Actor ids only in the later / only in the earlier wave.
    actors_kept : int
        Actors in both waves.
    ties_formed, ties_dissolved : pandas.DataFrame
        Ties (``source``, ``target``) only in the later / earlier wave.
    ties_kept : int
        Ties in both waves.
    ties_changed : pandas.DataFrame
        Kept ties whose relations or weight changed: ``source``, ``target``,
        ``relations_added``, ``relations_removed``, ``weight_before``,
        ``weight_after``.
    metrics : pandas.DataFrame
        Indexed by metric name: ``before``, ``after``, ``delta``.
    sectors_newly_connected, sectors_disconnected : list of tuple
        Primary-sector pairs tied only in the later / only in the earlier wave.
    sectors_newly_present : list of str
        Sectors with actors only in the later wave.
    """

    joined: list
    left: list
    actors_kept: int
    ties_formed: pd.DataFrame = field(repr=False)
    ties_dissolved: pd.DataFrame = field(repr=False)
    ties_kept: int
    ties_changed: pd.DataFrame = field(repr=False)
    metrics: pd.DataFrame = field(repr=False)
    sectors_newly_connected: list
    sectors_disconnected: list
    sectors_newly_present: list

    def summary(self) -> pd.Series:
        """Counts of what changed."""
        return pd.Series(
            {
                "actors joined": len(self.joined),
                "actors left": len(self.left),
                "actors kept": self.actors_kept,
                "ties formed": len(self.ties_formed),
                "ties dissolved": len(self.ties_dissolved),
                "ties kept": self.ties_kept,
                "ties changed": len(self.ties_changed),
                "sector pairs newly connected": len(self.sectors_newly_connected),
                "sector pairs disconnected": len(self.sectors_disconnected),
            },
            name="count",
        )

    def _repr_html_(self) -> str:
        pairs = ", ".join(f"{a}–{b}" for a, b in self.sectors_newly_connected) or "–"
        return (
            html_table(self.summary().to_dict())
            + f"<p>Sector pairs newly connected: {html.escape(pairs)}</p>"
            + self.metrics._repr_html_()
        )

    def __str__(self) -> str:
        return self.summary().to_string() + "\n\n" + self.metrics.to_string()

    __repr__ = __str__


def compare(before: Network, after: Network) -> WaveComparison:
    """Compare an earlier and a later wave of the same region.

    Actors are matched by id and ties by their pair of actor ids (either
    orientation when undirected). Metric deltas cover size, density, degree,
    isolates, sector coverage, cross-sector share, E-I, assortativity,
    components, fragmentation, centralization, transitivity and
    multiplexity (grouped by primary sector).

    Parameters
    ----------
    before, after : Network
        The earlier and the later wave.

    Returns
    -------
    WaveComparison
        Displays as tables in Jupyter.
    """
    d = _core.compare(before, after)
    edge_cols = ["source", "target"]
    return WaveComparison(
        joined=d["joined"],
        left=d["left"],
        actors_kept=d["actors_kept"],
        ties_formed=pd.DataFrame(d["ties_formed"], columns=edge_cols),
        ties_dissolved=pd.DataFrame(d["ties_dissolved"], columns=edge_cols),
        ties_kept=d["ties_kept"],
        ties_changed=pd.DataFrame(
            d["ties_changed"],
            columns=["source", "target", "relations_added", "relations_removed", "weight_before", "weight_after"],
        ),
        metrics=pd.DataFrame(d["metrics"], columns=["metric", "before", "after", "delta"]).set_index("metric"),
        sectors_newly_connected=[tuple(p) for p in d["sectors_newly_connected"]],
        sectors_disconnected=[tuple(p) for p in d["sectors_disconnected"]],
        sectors_newly_present=d["sectors_newly_present"],
    )
