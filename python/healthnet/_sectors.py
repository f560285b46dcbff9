# SPDX-License-Identifier: MIT
"""Sector coverage and cross-sector cooperation.

Every measure here takes ``by``: ``"sector"`` (the primary sector) or the
name of any categorical actor attribute (values compared as text). Actors
without a value belong to no group and are left out together with their
ties: the measure is that of the subnetwork of grouped actors, and
per-actor results are NaN for them. A ``by`` that is neither ``"sector"``
nor an attribute some actor carries raises ``KeyError`` listing the known
names, with a "did you mean" (never a NaN or empty result).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from . import _core
from ._core import Network
from ._layers import _select, _shared_doc
from ._display import html_table, sector_color, sector_colors, swatch, text_table
from ._metrics import _actor_series, _check_seed, _reads_network, actor_index

# Largest number of permutations of a permutation test (C++ healthnet::max_permutations; docs/metrics.md).
MAX_PERMUTATIONS = 10_000_000

__all__ = [
    "CoverageResult",
    "EIResult",
    "adjusted_rand_index",
    "assortativity",
    "block_density",
    "brokerage",
    "community_alignment",
    "ei_index",
    "louvain",
    "modularity",
    "multiplexity",
    "normalized_mutual_information",
    "relation_density",
    "relation_layer",
    "sector_bridges",
    "sector_coverage",
    "sector_gaps",
]


@dataclass(frozen=True)
class CoverageResult:
    """Sector coverage of a network (see :func:`sector_coverage`).

    Attributes
    ----------
    present : list of str
        Sectors with at least one actor (primary or further sector).
    connected : list of str
        Primary sectors with at least one tie to another primary sector.
    required : list of str
        The sectors checked against.
    missing : list of str
        Required sectors without any actor.
    isolated : list of str
        Required sectors present but without a tie to another sector.
    coverage_ratio : float
        Share of required sectors present.
    actors_per_sector : pandas.Series
        Actors per primary sector.
    ties_per_pair : pandas.DataFrame
        Ties between primary sectors (rows: from, columns: to).
    blau : float
        Blau diversity 1 − Σ p².
    iqv : float
        Index of qualitative variation (normalised Blau).
    n_outside_taxonomy : int
        Actors listing at least one sector label that is not a sector of the
        network's taxonomy (kept by a reader on purpose). Coverage cannot
        count them: "Ärzte" does not cover ``outpatient_care``.
    outside_taxonomy : pandas.Series
        Those labels with the number of actors listing each, most frequent
        first.
    """

    present: list
    connected: list
    required: list
    missing: list
    isolated: list
    coverage_ratio: float
    actors_per_sector: pd.Series = field(repr=False)
    ties_per_pair: pd.DataFrame = field(repr=False)
    blau: float
    iqv: float
    n_outside_taxonomy: int
    outside_taxonomy: pd.Series = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        """One row per required sector: present, connected, actors."""
        rows = []
        for s in self.required:
            rows.append(
                {
                    "sector": s,
                    "present": s in self.present,
                    "connected": s in self.connected,
                    "actors": int(self.actors_per_sector.get(s, 0)),
                }
            )
        return pd.DataFrame(rows, columns=["sector", "present", "connected", "actors"]).set_index("sector")

    def summary(self) -> dict:
        """The scalar facts as a dict."""
        out = {
            "coverage ratio": self.coverage_ratio,
            "sectors present": len(self.present),
            "required": len(self.required),
            "missing": self.missing,
            "present but not connected": self.isolated,
            "Blau index": self.blau,
            "IQV": self.iqv,
            "actors outside the taxonomy": self.n_outside_taxonomy,
        }
        if self.n_outside_taxonomy:
            out["labels outside the taxonomy"] = ", ".join(
                f"{label!r} ({n})" for label, n in self.outside_taxonomy.items()
            )
        return out

    def _repr_html_(self) -> str:
        colors = sector_colors()
        mark = {True: "✔", False: "✘"}
        rows = [
            [swatch(sector_color(s, colors)), s, mark[r.present], mark[r.connected], r.actors]
            for s, r in self.to_frame().iterrows()
        ]
        header = ["", "sector", "present", "connected", "actors"]
        return html_table(self.summary()) + html_table(rows, header=header)

    def __str__(self) -> str:
        return text_table(self.summary()) + "\n\n" + self.to_frame().to_string()

    __repr__ = __str__


@dataclass(frozen=True)
class EIResult:
    """The whole-network E-I index (see :func:`ei_index`).

    Attributes
    ----------
    ei : float
        (E − I) / (E + I).
    rescaled : float
        E-I rescaled onto [−1, 1] over the range possible with these group
        sizes and number of ties.
    min_possible, max_possible : float
        That range.
    internal, external : int
        Ties within groups (I) and between groups (E).
    homophily : float
        I / (E + I).
    cross_share : float
        E / (E + I), the share of ties that cross groups.
    permutations : int
        Permutations run for the test (0: none).
    permutation_mean : float
        Mean E-I under permutation.
    p_greater_equal, p_less_equal : float
        Shares of permutations with E-I at least / at most the observed one.
    """

    ei: float
    rescaled: float
    min_possible: float
    max_possible: float
    internal: int
    external: int
    homophily: float
    cross_share: float
    permutations: int
    permutation_mean: float
    p_greater_equal: float
    p_less_equal: float

    def to_series(self) -> pd.Series:
        """All fields as a pandas Series."""
        return pd.Series(self.__dict__, dtype=object, name="E-I")

    def _repr_html_(self) -> str:
        return html_table(self.__dict__)

    def __str__(self) -> str:
        return text_table(self.__dict__)

    __repr__ = __str__

    def __float__(self) -> float:
        return float(self.ei)


def sector_coverage(net: Network, required: Sequence[str] | None = None) -> CoverageResult:
    """Which sectors take part, which are connected, which are missing.

    Parameters
    ----------
    net : Network
    required : sequence of str, optional
        The sectors a programme requires; default the taxonomy's core
        sectors (``net.taxonomy.core_sectors()``).

    Returns
    -------
    CoverageResult
        Displays as a table in Jupyter.

    Notes
    -----
    A sector is *present* when an actor lists it (primary or further
    sector); *connected* when an actor with that primary sector has a tie to
    an actor of another primary sector. Blau's index is ``1 − Σ p_s²`` over
    primary sectors; the IQV divides it by ``1 − 1/k`` with ``k`` the number
    of sector categories (taxonomy plus other values found).

    Sector labels outside the taxonomy count as sectors of their own;
    ``n_outside_taxonomy`` says how many actors carry one (and
    ``outside_taxonomy`` which labels), so a coverage of 0 from labels like
    "Ärzte" is visible as such.

    References
    ----------
    Blau (1977), Agresti & Agresti (1978).
    """
    d = _core.sector_coverage(net, None if required is None else list(required))
    labels = d["pair_labels"]
    return CoverageResult(
        present=d["present"],
        connected=d["connected"],
        required=d["required"],
        missing=d["missing"],
        isolated=d["isolated"],
        coverage_ratio=d["coverage_ratio"],
        actors_per_sector=pd.Series(
            dict(d["actors_per_sector"]), name="actors", dtype="int64"
        ).rename_axis("sector"),
        ties_per_pair=pd.DataFrame(
            d["ties_per_pair"], index=pd.Index(labels, name="from"), columns=pd.Index(labels, name="to")
        ),
        blau=d["blau"],
        iqv=d["iqv"],
        n_outside_taxonomy=d["n_outside_taxonomy"],
        outside_taxonomy=pd.Series(
            dict(d["outside_taxonomy"]), name="actors", dtype="int64"
        ).rename_axis("label"),
    )


@_reads_network
def ei_index(
    net: Network,
    by: str = "sector",
    level: Literal["network", "group", "actor"] = "network",
    permutations: int = 0,
    seed: int = 1,
):
    """Krackhardt–Stern E-I index: (E − I) / (E + I).

    E counts ties between actors of different groups, I ties within a group;
    every tie counts once, directed or not. −1: all ties within groups,
    +1: all ties across groups.

    Parameters
    ----------
    net : Network
    by : str, default "sector"
        ``"sector"`` or a categorical actor attribute.
    level : {"network", "group", "actor"}, default "network"
        ``"group"``: for group g, E_g counts ties with one end in g and I_g
        ties inside g. ``"actor"``: E and I over the actor's own ties.
    permutations : int, default 0
        With ``level="network"``: run a permutation test, shuffling the group
        labels among the grouped actors (group sizes kept), as UCINET does.
        At most 10**7; Ctrl-C interrupts the test
        (KeyboardInterrupt).
    seed : int, default 1
        Seed of the permutation test (same seed, same result everywhere).

    Returns
    -------
    EIResult or pandas.Series
        An :class:`EIResult` for the network level; a Series indexed by group
        or by actor id otherwise (NaN where there are no ties, or for actors
        without a group).

    References
    ----------
    Krackhardt & Stern (1988); UCINET Network > Cohesion > E-I Index.
    """
    if level == "network":
        permutations = operator.index(permutations)
        seed = _check_seed(seed)
        if not 0 <= permutations <= MAX_PERMUTATIONS:
            raise ValueError(
                f"permutations: expected 0 to {MAX_PERMUTATIONS:,} (the cap of the permutation test), got {permutations}"
            )
        return EIResult(**_core.ei_index(net, by, permutations, seed))
    if level == "group":
        labels, values = _core.ei_index_groups(net, by)
        return pd.Series(values, index=pd.Index(labels, name=by), name="ei")
    if level == "actor":
        return _actor_series(net, _core.ei_index_actors(net, by), "ei")
    raise ValueError(f"level: expected 'network', 'group' or 'actor', got {level!r}")


@_shared_doc
def block_density(
    net: Network,
    by: str = "sector",
    weighted: bool | None = None,
    *,
    weight: str | None = None,
    relation: str | None = None,
) -> pd.DataFrame:
    """Densities of ties within and between groups.

    Parameters
    ----------
    net : Network
    by : str, default "sector"
    weighted : bool, optional
        {weighted_alias}
    weight : str or None, default None
        {weight_rules}
        The weight: summed instead of counting ties.
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.DataFrame
        Rows are from-groups, columns to-groups. Off the diagonal a cell is
        ties / (n_g·n_h); on the diagonal ties / (n_g(n_g − 1)), halved when
        undirected. NaN where no pair is possible (a one-actor group on the
        diagonal).

    References
    ----------
    UCINET blockmodel density matrix; R sna ``blockmodel``.
    """
    g, weighted = _select(net, weight, relation, weighted)
    labels, values = _core.block_density(g, by, weighted)
    return pd.DataFrame(values, index=pd.Index(labels, name="from"), columns=pd.Index(labels, name="to"))


def assortativity(net: Network, by: str = "sector") -> float:
    """Nominal assortativity coefficient (Newman 2003).

    ``r = (Σ e_gg − Σ a_g b_g) / (1 − Σ a_g b_g)`` over the shares ``e_gh``
    of arcs from group g to group h (undirected ties count in both
    directions).

    Parameters
    ----------
    net : Network
    by : str, default "sector"

    Returns
    -------
    float
        NaN without ties or with a single group.

    References
    ----------
    igraph ``assortativity_nominal(directed=True)``; networkx
    ``attribute_assortativity_coefficient``.
    """
    return _core.assortativity(net, by)


@_shared_doc
def modularity(
    net: Network,
    by: str = "sector",
    weighted: bool | None = None,
    resolution: float = 1.0,
    *,
    weight: str | None = "weight",
    relation: str | None = None,
) -> float:
    """Modularity of the partition of actors into groups.

    Parameters
    ----------
    net : Network
    by : str, default "sector"
    weighted : bool, optional
        {weighted_alias}
    resolution : float, default 1.0
    weight : str or None, default "weight"
        {weight_rules}
        The weight: used (as networkx does with ``weight="weight"``).
    relation : str, optional
        {relation_layer}

    Returns
    -------
    float

    References
    ----------
    networkx ``community.modularity`` (directed networks use the directed
    formula with out- and in-strengths).
    """
    g, weighted = _select(net, weight, relation, weighted, default_weight="weight")
    return _core.modularity(g, by, weighted, resolution)


@_reads_network
def brokerage(net: Network, by: str = "sector", level: Literal["actor", "network"] = "actor") -> pd.DataFrame:
    """Gould–Fernandez brokerage roles, as R sna ``brokerage()`` computes them.

    For every actor v, each ordered pair (a, b) of other actors with
    a → v → b and no tie a → b is one brokerage, classified by the groups of
    a, v and b: coordinator (all in one group), itinerant (a and b in one
    group, v in another), representative (v in a's group), gatekeeper (v in
    b's group) and liaison (three groups).

    Parameters
    ----------
    net : Network
        Undirected networks are treated as symmetric digraphs, so every open
        path a – v – b counts in both directions (as sna does with a
        symmetric matrix).
    by : str, default "sector"
    level : {"actor", "network"}, default "actor"

    Returns
    -------
    pandas.DataFrame
        ``level="actor"``: indexed by actor id, columns ``coordinator``
        (w_I), ``itinerant`` (w_O), ``representative`` (b_IO),
        ``gatekeeper`` (b_OI), ``liaison`` (b_O) and ``total`` (t): raw
        counts. ``level="network"``: indexed by role, columns ``observed``,
        ``expected``, ``sd`` and ``z`` (Gould & Fernandez 1989 expectations,
        as sna's ``exp.gli``, ``sd.gli``, ``z.gli``).

    References
    ----------
    Gould & Fernandez (1989); R sna ``brokerage``.
    """
    d = _core.brokerage(net, by)
    if level == "actor":
        return pd.DataFrame(d["counts"], index=actor_index(net), columns=d["roles"])
    if level == "network":
        return pd.DataFrame(
            {"observed": d["observed"], "expected": d["expected"], "sd": d["sd"], "z": d["z"]},
            index=pd.Index(d["roles"], name="role"),
        )
    raise ValueError(f"level: expected 'actor' or 'network', got {level!r}")


def multiplexity(net: Network) -> float:
    """Share of tied actor pairs joined by two or more relation types.

    Parameters
    ----------
    net : Network

    Returns
    -------
    float
        NaN without ties.
    """
    return _core.multiplexity(net)


def relation_density(net: Network) -> pd.Series:
    """Density of every relation layer (ties carrying the relation / possible pairs).

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        Indexed by relation; ties without a relation count under ``""``.
    """
    pairs = _core.relation_density(net)
    return pd.Series(dict(pairs), name="density", dtype="float64").rename_axis("relation")


def relation_layer(net: Network, relation: str) -> Network:
    """The subnetwork of one relation: all actors, the ties that carry it.

    Parameters
    ----------
    net : Network
    relation : str
        E.g. ``"referral"``.

    Returns
    -------
    Network

    Raises
    ------
    KeyError
        When the network has ties but none carries ``relation`` (the
        message lists the relations present, with a "did you mean").
    """
    return net.relation_layer(relation)


@_reads_network
def sector_bridges(net: Network, by: str = "sector") -> pd.DataFrame:
    """Actors ranked by the number of distinct groups they are tied to.

    Parameters
    ----------
    net : Network
    by : str, default "sector"

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id, with ``name``, ``group``, ``groups_reached``
        (distinct groups among the actor's neighbours, either direction) and
        ``other_groups_reached`` (the same without its own group), sorted by
        ``other_groups_reached`` then ``groups_reached``, descending.
    """
    all_, other = _core.groups_reached(net, by)
    labels, codes = _core.group_labels(net, by)
    group = [labels[c] if c >= 0 else None for c in codes]
    frame = pd.DataFrame(
        {
            "name": [a.name for a in net.actors],
            "group": group,
            "groups_reached": all_.astype("int64"),
            "other_groups_reached": other.astype("int64"),
        },
        index=actor_index(net),
    )
    return frame.sort_values(["other_groups_reached", "groups_reached"], ascending=False, kind="stable")


def sector_gaps(net: Network, by: str = "sector", top: int = 5) -> pd.DataFrame:
    """Pairs of groups with no tie between them, and who could close each gap.

    Parameters
    ----------
    net : Network
    by : str, default "sector"
    top : int, default 5
        Candidates listed per gap.

    Returns
    -------
    pandas.DataFrame
        One row per gap: ``from``, ``to``, ``distance`` (shortest path
        between the groups, ties as undirected; 0 when unreachable),
        ``candidates`` (actor ids, best first) and ``scores`` (d(x, from) +
        d(x, to) for each; 2 means tied to a member of each group). At
        most the first 1,000 gaps, in group order (with k groups there can
        be k(k - 1)/2; each listed gap costs one breadth-first search).
    """
    rows = _core.group_gaps(net, by, top)
    return pd.DataFrame(rows, columns=["from", "to", "distance", "candidates", "scores"])


@_reads_network
@_shared_doc
def louvain(
    net: Network,
    weighted: bool | None = None,
    resolution: float = 1.0,
    seed: int = 1,
    *,
    weight: str | None = "weight",
    relation: str | None = None,
) -> pd.Series:
    """Louvain communities, seeded (the same seed gives the same partition).

    Parameters
    ----------
    net : Network
        Directed networks are treated as undirected.
    weighted : bool, optional
        {weighted_alias}
    resolution : float, default 1.0
    seed : int, default 1
    weight : str or None, default "weight"
        {weight_rules}
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.Series
        Community number per actor (0, 1, ... in order of first appearance).
        Its modularity: ``hn.modularity`` of the partition, or
        :func:`community_alignment`.

    References
    ----------
    Blondel et al. (2008); networkx ``louvain_communities``; igraph
    ``community_multilevel``.
    """
    g, weighted = _select(net, weight, relation, weighted, default_weight="weight")
    return _actor_series(net, _core.louvain(g, weighted, resolution, _check_seed(seed)), "community")


def adjusted_rand_index(a: Sequence[int], b: Sequence[int]) -> float:
    """Adjusted Rand index of two labelings (negative labels are left out).

    References
    ----------
    Hubert & Arabie (1985); igraph ``compare_communities(method="adjusted_rand")``.
    """
    return _core.adjusted_rand_index(list(map(int, a)), list(map(int, b)))


def normalized_mutual_information(a: Sequence[int], b: Sequence[int]) -> float:
    """Normalised mutual information 2·I(A;B) / (H(A) + H(B)) of two labelings.

    References
    ----------
    Danon et al. (2005); igraph ``compare_communities(method="nmi")``.
    """
    return _core.normalized_mutual_information(list(map(int, a)), list(map(int, b)))


@_reads_network
def community_alignment(
    net: Network, communities: pd.Series | None = None, by: str = "sector", seed: int = 1
) -> pd.Series:
    """How well communities line up with sectors (or another grouping).

    Parameters
    ----------
    net : Network
    communities : pandas.Series, optional
        Community per actor (indexed like ``hn.louvain``); default
        ``hn.louvain(net, seed=seed)``.
    by : str, default "sector"
    seed : int, default 1

    Returns
    -------
    pandas.Series
        ``n_communities``, ``modularity`` of the communities,
        ``modularity_by`` of the grouping, ``adjusted_rand_index`` and
        ``normalized_mutual_information`` between the two (actors without a
        group left out).
    """
    if communities is None:
        communities = louvain(net, seed=seed)
    labels = communities.reindex(net.actor_ids).to_numpy(dtype="int64")
    _, codes = _core.group_labels(net, by)
    return pd.Series(
        {
            "n_communities": int(labels.max() + 1) if len(labels) else 0,
            "modularity": _core.partition_modularity(net, labels.tolist()),
            "modularity_by": modularity(net, by),
            "adjusted_rand_index": _core.adjusted_rand_index(labels.tolist(), codes.tolist()),
            "normalized_mutual_information": _core.normalized_mutual_information(labels.tolist(), codes.tolist()),
        },
        name="alignment",
        dtype=object,
    )
