# SPDX-License-Identifier: MIT
"""Summaries of a network for the terminal and Jupyter."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from ._core import Network
from ._metrics import degree, density, isolates, sector_counts


@dataclass(frozen=True)
class Summary:
    """Key facts of a network; prints as text, displays as a table in Jupyter.

    Attributes
    ----------
    facts : dict
        Name -> value, in display order.
    sectors : pandas.Series
        Actors per primary sector.
    """

    facts: dict
    sectors: pd.Series = field(repr=False)

    def to_series(self) -> pd.Series:
        """The facts as a pandas Series."""
        return pd.Series(self.facts, dtype=object, name="value")

    def __str__(self) -> str:
        width = max(len(k) for k in self.facts)
        lines = [f"{k:<{width}}  {_fmt(v)}" for k, v in self.facts.items()]
        lines.append("")
        lines.append("actors per sector")
        sw = max((len(s) for s in self.sectors.index), default=0)
        lines += [f"  {s:<{sw}}  {n:>5}" for s, n in self.sectors.items()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(_fmt(v))}</td></tr>"
            for k, v in self.facts.items()
        )
        return f"<table class='healthnet-summary'>{rows}</table>"


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


def summary(net: Network) -> Summary:
    """Key facts of a network: region, size, density, degree, isolates, sectors.

    Parameters
    ----------
    net : Network

    Returns
    -------
    Summary
        Prints as aligned text; displays as a table in Jupyter.
    """
    region = net.region
    deg = degree(net)
    counts = sector_counts(net)
    facts: dict = {}
    if region.name:
        facts["region"] = region.name
    if region.state:
        facts["state"] = region.state
    if region.population is not None:
        facts["population"] = region.population
    if region.wave:
        facts["wave"] = region.wave
    facts["directed"] = net.directed
    facts["actors"] = net.n_actors
    facts["ties"] = net.n_ties
    facts["bodies"] = net.n_bodies
    facts["density"] = density(net)
    facts["weighted density"] = density(net, weighted=True)
    facts["mean degree"] = float(deg.mean()) if len(deg) else 0.0
    facts["isolates"] = len(isolates(net))
    facts["sectors present"] = int((counts.index != "(missing)").sum())
    return Summary(facts, counts)

