# SPDX-License-Identifier: MIT
"""Summaries and rich display: text and HTML tables, the network in Jupyter, sector colours."""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _core
from ._core import Network, Taxonomy
from ._metrics import degree, density, isolates, sector_counts

__all__ = ["Summary", "sector_colors", "summary"]

#: Networks up to this many actors are drawn in ``Network._repr_html_``.
DRAW_LIMIT = 2000
#: Up to this many actors the drawing is force-directed, above it sector-grouped on a circle.
FORCE_LAYOUT_LIMIT = 150

#: Colours of met and missed targets (scorecard tables and plots).
PASSED_COLOR, FAILED_COLOR = "#1a7f37", "#b42318"

_svg_ids = itertools.count(1)


# ---- shared HTML/text helpers ---------------------------------------------------


class Raw(str):
    """Text already in HTML: inserted into :func:`html_table` without escaping."""


def fmt(v) -> str:
    """A value as short text: floats with 4 decimals (``nan`` for NaN), lists joined, ``–`` for none."""
    if isinstance(v, (bool, np.bool_)):
        return str(bool(v))
    if isinstance(v, (float, np.floating)):
        return "nan" if np.isnan(v) else f"{v:.4f}"
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v)) if v else "–"
    if v is None:
        return "–"
    return str(v)


def _cell(v) -> str:
    return v if isinstance(v, Raw) else html.escape(fmt(v))


def html_table(rows, header=None, css_class: str | None = None) -> str:
    """An HTML table; every cell escaped unless it is :class:`Raw`.

    Parameters
    ----------
    rows : dict or iterable of sequence
        A dict gives one row per item (key as a row header, value); else one
        row per sequence of cells.
    header : sequence, optional
        Column headers.
    css_class : str, optional
        ``class`` attribute of the table.
    """
    head = ""
    if header is not None:
        head = "<thead><tr>" + "".join(f"<th>{_cell(h)}</th>" for h in header) + "</tr></thead>"
    if isinstance(rows, dict):
        body = "".join(
            f"<tr><th style='text-align:left'>{_cell(k)}</th><td>{_cell(v)}</td></tr>"
            for k, v in rows.items()
        )
    else:
        body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    attr = f" class='{html.escape(css_class)}'" if css_class else ""
    return f"<table{attr}>{head}<tbody>{body}</tbody></table>"


def text_table(rows: dict) -> str:
    """Aligned ``key  value`` lines."""
    width = max((len(str(k)) for k in rows), default=0)
    return "\n".join(f"{k!s:<{width}}  {fmt(v)}" for k, v in rows.items())


def swatch(colour: str) -> Raw:
    """A small square of ``colour`` (``#rrggbb``) for HTML tables."""
    return Raw(
        f"<span style='display:inline-block;width:0.8em;height:0.8em;background:{html.escape(colour)};"
        "border:1px solid #0003;vertical-align:middle'></span>"
    )


# ---- sector colours -------------------------------------------------------------


def sector_colors(taxonomy: Taxonomy | Network | None = None) -> dict[str, str]:
    """The colour of every sector, as in the SVG drawings of the report.

    The palette assigns 16 colours by taxonomy position, so the built-in
    sectors always get the same colour in ``hn.plot``, in Jupyter and in
    ``hn.report``; positions from 16 on are grey.

    Parameters
    ----------
    taxonomy : Taxonomy or Network, optional
        The vocabulary (a network's ``taxonomy`` when a Network is given);
        default the built-in taxonomy.

    Returns
    -------
    dict
        Sector id -> ``"#rrggbb"``, in taxonomy order. Sectors outside the
        taxonomy and actors without a sector are drawn grey, ``"#9aa0a6"``.

    Examples
    --------
    >>> import healthnet as hn
    >>> hn.sector_colors()["outpatient_care"]
    '#1f5fa8'
    """
    if taxonomy is None:
        taxonomy = Taxonomy.builtin()
    elif isinstance(taxonomy, Network):
        taxonomy = taxonomy.taxonomy
    return dict(_core._sector_colours(taxonomy))


def sector_color(sector, colors: dict[str, str]) -> str:
    """The colour of one sector value (grey for None, NA or a sector outside ``colors``)."""
    if not isinstance(sector, str):
        return _core._NO_SECTOR_COLOUR
    return colors.get(sector, _core._NO_SECTOR_COLOUR)


# ---- Summary ------------------------------------------------------------------------


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
        lines = [text_table(self.facts), "", "actors per sector"]
        sw = max((len(s) for s in self.sectors.index), default=0)
        lines += [f"  {s:<{sw}}  {n:>5}" for s, n in self.sectors.items()]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return html_table(self.facts, css_class="healthnet-summary")


def summary(net: Network) -> Summary:
    """Key facts of a network: region, size, density, degree, isolates, sectors.

    When some actor's respondent status is known, also the response rate
    (:func:`healthnet.response_rate`), the respondents and the ids of the
    non-respondents.

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
    response = _core.response_rate(net)
    if response.known:  # only when some actor's respondent status is known
        facts["response rate"] = response.rate
        facts["respondents"] = (
            f"{response.respondents} of {response.respondents + response.nonrespondents}"
            + (f" ({response.unknown} unknown)" if response.unknown else "")
        )
        facts["non-respondents"] = list(response.nonrespondent_ids)
    return Summary(facts, counts)


# ---- Network in Jupyter ---------------------------------------------------------------


def _bodies_text(net: Network) -> str:
    kinds: dict[str, int] = {}
    for b in net.bodies:
        kinds[b.kind] = kinds.get(b.kind, 0) + 1
    parts = [f"{n} {k.replace('_', ' ')}" for k, n in kinds.items()]
    return f"{net.n_bodies} ({', '.join(parts)})" if parts else "0"


def network_svg(net: Network, *, seed: int = 1, lang: str = "en") -> str:
    """The network drawing of the report (sector colours, size by degree) as SVG text.

    Force-directed up to 150 actors (about 0.4 s), sector-grouped on a circle above (milliseconds).
    """
    method = "force_directed" if net.n_actors <= FORCE_LAYOUT_LIMIT else "sector_circle"
    xy = _core._network_layout(net, seed, method)
    return _core._network_svg(net, xy, lang, f"healthnet-net-{next(_svg_ids)}")


def network_html(net: Network) -> str:
    """``Network._repr_html_`` (bound in C++): facts, actors per sector, a drawing up to 2,000 actors."""
    region = net.region
    facts: dict = {}
    if region.name or region.id:
        facts["region"] = region.name or region.id
    for key in ("state", "wave"):
        if getattr(region, key):
            facts[key] = getattr(region, key)
    facts["actors"] = net.n_actors
    facts["ties"] = net.n_ties
    facts["directed"] = net.directed
    facts["density"] = density(net)
    facts["components"] = _core.n_components(net, False)
    facts["bodies"] = _bodies_text(net)
    counts = sector_counts(net)
    colors = sector_colors(net)
    labelled = {s: net.taxonomy.label(s, "en") for s in counts.index}
    sector_rows = [
        [swatch(sector_color(s, colors)), labelled[s] if s != "(missing)" else "(no sector)", int(n)]
        for s, n in counts.items()
    ]
    facts["sectors present"] = int((counts.index != "(missing)").sum())
    tables = html_table(facts, css_class="healthnet-network") + html_table(
        sector_rows, header=["", "sector", "actors"], css_class="healthnet-sectors"
    )
    if net.n_actors == 0:
        drawing = ""
    elif net.n_actors <= DRAW_LIMIT:
        svg = network_svg(net)
        drawing = svg.replace("<svg ", "<svg style='width:100%;max-width:720px;height:auto' ", 1)
    else:
        drawing = f"<p><i>Drawing skipped: more than {DRAW_LIMIT:,} actors (use hn.plot.network).</i></p>"
    return (
        "<div style='display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start'>"
        f"<div>{tables}</div><div style='flex:1;min-width:320px'>{drawing}</div></div>"
    )


# Methods of Network defined here, in Python, on top of the bound core class.
def _summary_method(self):
    """Key facts of the network (see :func:`healthnet.summary`); prints as text, displays as a table in Jupyter."""
    return summary(self)


def _repr_html_(self):
    """The network in Jupyter: key facts, actors per sector and a drawing."""
    return network_html(self)


_summary_method.__annotations__ = {"return": Summary}
_repr_html_.__annotations__ = {"return": str}


Network.summary = _summary_method
Network._repr_html_ = _repr_html_
