# SPDX-License-Identifier: MIT
"""Relationship quality: open trust and value scores (after PARTNER), and collaboration levels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from . import _core
from ._core import Network

__all__ = [
    "CollaborationLevels",
    "RelationshipQuality",
    "collaboration_levels",
    "relationship_quality",
]

#: PARTNER's trust sub-indicators under healthnet's default tie-attribute names:
#: openness to discussion, reliability, support of the shared mission.
DEFAULT_TRUST: tuple[str, ...] = ("trust_openness", "trust_reliability", "trust_mission")
#: PARTNER's value sub-indicators under healthnet's default tie-attribute names:
#: power/influence, resource contribution, level of involvement.
DEFAULT_VALUE: tuple[str, ...] = ("value_power", "value_resources", "value_involvement")


@dataclass(frozen=True)
class RelationshipQuality:
    """Trust and value at three levels (see :func:`relationship_quality`).

    Attributes
    ----------
    ties : pandas.DataFrame
        Indexed by ``(source, target)``: one column per sub-indicator (the
        rating, NaN when missing), then ``trust`` and ``value`` (means of the
        non-missing ratings, NaN when none).
    actors : pandas.DataFrame
        Indexed by actor id: ``trust_received``, ``trust_raters``,
        ``value_received``, ``value_raters``, ``trust_given``, ``value_given``.
    network : pandas.Series
        ``trust``, ``trust_percent``, ``trust_n``, ``value``, ``value_percent``,
        ``value_n``, and for each sub-indicator ``<name>``,
        ``<name>_percent`` and ``<name>_n``.
    scale : tuple of float
        ``(min, max)`` as given.
    """

    ties: pd.DataFrame
    actors: pd.DataFrame
    network: pd.Series
    scale: tuple[float, float]

    def __repr__(self) -> str:
        t, v = self.network["trust"], self.network["value"]
        return (
            f"RelationshipQuality(trust={t:.3g}, value={v:.3g}, scale={self.scale}, "
            f"ties={len(self.ties)}, actors={len(self.actors)})"
        )


@dataclass(frozen=True)
class CollaborationLevels:
    """The distribution of an ordinal collaboration scale (see :func:`collaboration_levels`).

    Attributes
    ----------
    overall : pandas.DataFrame
        Indexed by level (in scale order): ``count`` and ``share``.
    by_pair : pandas.DataFrame
        Indexed by ``(sector_from, sector_to)``: one count column per level,
        ``total``, and one ``share_<level>`` column per level.
    unrated : int
        Ties without the attribute.
    """

    overall: pd.DataFrame
    by_pair: pd.DataFrame
    unrated: int


def relationship_quality(
    net: Network,
    trust: Sequence[str] = DEFAULT_TRUST,
    value: Sequence[str] = DEFAULT_VALUE,
    scale: tuple[float, float] = (1, 4),
) -> RelationshipQuality:
    """Trust and value of the relationships, after PARTNER.

    The ratings are tie attributes of ``source -> target``: what the source
    says about the target. PARTNER (Varda, Chandra, Stern & Lurie 2008)
    rates trust by openness to discussion, reliability and support of the
    shared mission, and value by power/influence, resource contribution and
    level of involvement, each from 1 to 4.

    - per tie: ``trust`` = mean of the non-missing trust ratings, ``value``
      likewise; NaN when none;
    - per actor: ``trust_received`` = mean tie trust received from raters who
      are not known non-respondents (``respondent`` is not False; unknown
      status counts), ``trust_raters`` their number, ``trust_given`` = mean
      tie trust the actor gave; value likewise. In an undirected network a
      tie's ratings count for both ends;
    - per network: the mean tie score over the rated ties whose rater is not
      a known non-respondent, and ``*_percent`` = mean / scale max * 100;
      the same for each sub-indicator.

    A missing rating (absent attribute or NaN) is skipped.

    Parameters
    ----------
    net : Network
    trust : sequence of str, default PARTNER's names
        Tie attributes of the trust sub-indicators (may be empty if ``value`` is not).
    value : sequence of str, default PARTNER's names
        Tie attributes of the value sub-indicators (may be empty if ``trust`` is not).
    scale : (float, float), default (1, 4)
        Lowest and highest possible rating.

    Returns
    -------
    RelationshipQuality
        ``.ties``, ``.actors`` (DataFrames) and ``.network`` (Series).

    Raises
    ------
    KeyError
        When no tie carries a named attribute (with "did you mean").
    ValueError
        When both lists are empty, the scale is not ``min < max``, or a rating
        is not a number or lies outside the scale (naming the tie and attribute).

    References
    ----------
    Varda, Chandra, Stern & Lurie (2008), "Core dimensions of connectivity in
    public health collaboratives", J Public Health Manag Pract 14(5); the
    PARTNER tool (Varda et al.). Formulas: docs/metrics.md.

    Examples
    --------
    >>> import healthnet as hn
    >>> net = hn.Network(directed=True)
    >>> net.add_actor("a"); net.add_actor("b")
    >>> _ = net.add_tie("a", "b", attributes={"trust_openness": 4, "trust_reliability": 3})
    >>> q = hn.relationship_quality(net, trust=["trust_openness", "trust_reliability"], value=[])
    >>> float(q.network["trust"]), float(q.network["trust_percent"])
    (3.5, 87.5)
    """
    if isinstance(trust, str) or isinstance(value, str):
        raise TypeError("trust= and value= take a list of attribute names, not one string")
    trust, value = list(trust), list(value)
    lo, hi = (float(x) for x in scale)
    raw = _core._relationship_quality(net, trust, value, lo, hi)
    names = trust + value
    t = raw["ties"]
    index = pd.MultiIndex.from_arrays(
        [pd.Index(t["source"], dtype=object), pd.Index(t["target"], dtype=object)], names=["source", "target"]
    )
    ties = pd.DataFrame(t["ratings"], index=index, columns=names)
    ties["trust"] = t["trust"]
    ties["value"] = t["value"]
    a = raw["actors"]
    actors = pd.DataFrame(
        {k: a[k] for k in ("trust_received", "trust_raters", "value_received", "value_raters", "trust_given", "value_given")},
        index=pd.Index(a["id"], dtype=object, name="id"),
    )
    values: dict[str, float] = {}
    for name, mean, percent, n in raw["scores"]:
        values[name] = mean
        values[f"{name}_percent"] = percent
        values[f"{name}_n"] = float(n)
    return RelationshipQuality(ties, actors, pd.Series(values, dtype=float, name="quality"), (lo, hi))


def collaboration_levels(net: Network, attr: str, levels: Sequence[str]) -> CollaborationLevels:
    """The distribution of an ordinal collaboration scale over the ties.

    Counts and shares of each level of the tie attribute ``attr``, overall
    and by pair of primary sectors (``"(missing)"`` for actors without one):
    the pair is ordered (source sector first) in a directed network and
    unordered (alphabetical) in an undirected one. A value matches a level by
    its text, so the number 2 matches ``"2"``. Example scale (Himmelman 2002):
    ``["awareness", "cooperation", "coordination", "integration"]``.

    Parameters
    ----------
    net : Network
    attr : str
        Tie attribute holding the level.
    levels : sequence of str
        The levels, lowest first.

    Returns
    -------
    CollaborationLevels
        ``.overall`` (indexed by level: ``count``, ``share``), ``.by_pair``
        (indexed by ``(sector_from, sector_to)``: a count per level,
        ``total`` and ``share_<level>``) and ``.unrated`` (ties without ``attr``).

    Raises
    ------
    KeyError
        When no tie carries ``attr`` (with "did you mean").
    ValueError
        For no levels, a repeated level, or a tie whose value is not a level
        (naming the tie).

    References
    ----------
    Himmelman (2002), "Collaboration for a change"; the PARTNER survey's
    levels of collaboration (Varda et al.).
    """
    if isinstance(levels, str):
        raise TypeError("levels= takes a list of levels, not one string")
    levels = [str(x) for x in levels]
    raw = _core._collaboration_levels(net, attr, levels)
    o = raw["overall"]
    overall = pd.DataFrame(
        {"count": o["counts"], "share": o["shares"]}, index=pd.Index(levels, dtype=object, name="level")
    )
    rows, keys = [], []
    for a, b, c in raw["pairs"]:
        keys.append((a, b))
        rows.append(list(c["counts"]) + [c["total"]] + list(c["shares"]))
    columns = levels + ["total"] + [f"share_{x}" for x in levels]
    index = pd.MultiIndex.from_tuples(keys, names=["sector_from", "sector_to"]) if keys else pd.MultiIndex.from_arrays(
        [[], []], names=["sector_from", "sector_to"]
    )
    by_pair = pd.DataFrame(rows, index=index, columns=columns)
    for x in levels + ["total"]:
        by_pair[x] = by_pair[x].astype("int64")
    return CollaborationLevels(overall, by_pair, int(raw["unrated"]))

