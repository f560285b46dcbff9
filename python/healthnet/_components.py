# SPDX-License-Identifier: MIT
"""Components, cut points, cores, fragmentation and two-step reach."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from . import _core
from ._core import Network
from ._metrics import _actor_series, _reads_network

__all__ = [
    "articulation_points",
    "bridges",
    "component_labels",
    "connected_components",
    "core_number",
    "fragmentation",
    "largest_component_share",
    "n_components",
    "reach_efficiency",
    "two_step_reach",
]


def connected_components(net: Network, strong: bool = False) -> list[list[str]]:
    """The connected components as lists of actor ids.

    Every actor is in exactly one component; an isolate is a component of its
    own. Directed networks give weak components (ties read in both directions)
    unless ``strong=True``: then two actors share a component when each can
    reach the other along ties. Undirected networks ignore ``strong``. Tie
    weights play no role (a tie of weight 0 is a tie).

    Parameters
    ----------
    net : Network
    strong : bool, default False
        Strongly connected components of a directed network.

    Returns
    -------
    list of list of str
        Largest component first; components of equal size in order of their
        first actor; members in actor order. Empty for an empty network.

    See Also
    --------
    component_labels, n_components, largest_component_share

    References
    ----------
    networkx ``connected_components``, ``weakly_connected_components``,
    ``strongly_connected_components``; igraph ``components``.

    Examples
    --------
    >>> import healthnet as hn
    >>> net = hn.Network()
    >>> for a in "abcd":
    ...     net.add_actor(a)
    >>> _ = net.add_tie("a", "b")
    >>> hn.connected_components(net)
    [['a', 'b'], ['c'], ['d']]
    """
    return _core.connected_components(net, strong)


@_reads_network
def component_labels(net: Network, strong: bool = False) -> pd.Series:
    """Component number of every actor.

    Components are numbered 0, 1, ... in the order of
    :func:`connected_components` (0 is the largest), so
    ``component_labels(net) == k`` selects the actors of the k-th component.

    Parameters
    ----------
    net : Network
    strong : bool, default False
        Strongly connected components of a directed network.

    Returns
    -------
    pandas.Series
        int64, indexed by actor id, in actor order, named ``"component"``.

    References
    ----------
    networkx ``connected_components``; igraph ``components().membership``.
    """
    return _actor_series(net, _core.component_labels(net, strong), "component")


def n_components(net: Network, strong: bool = False) -> int:
    """Number of connected components.

    Weak components for directed networks unless ``strong=True``. Every
    isolate counts as one component; an empty network has none.

    Parameters
    ----------
    net : Network
    strong : bool, default False

    Returns
    -------
    int

    References
    ----------
    networkx ``number_connected_components``,
    ``number_weakly_connected_components``,
    ``number_strongly_connected_components``.
    """
    return _core.n_components(net, strong)


def largest_component_share(net: Network, strong: bool = False) -> float:
    """Share of the actors in the largest component.

    The programmes aim to connect as many actors as possible; this is the
    share of them connected in one piece: ``max_k s_k / n``.

    Parameters
    ----------
    net : Network
    strong : bool, default False
        Use strongly connected components of a directed network.

    Returns
    -------
    float
        1 for a connected network, ``1/n`` without ties, 0 for an empty
        network.

    References
    ----------
    networkx ``len(max(connected_components(G), key=len)) / n``.
    """
    return _core.largest_component_share(net, strong)


def _ids_out(net: Network, ids: list) -> list:
    """Actor ids as Python gives them back: ints when the network has integer ids."""
    return [int(i) for i in ids] if net.id_kind == "integer" else ids


@_reads_network
def articulation_points(net: Network) -> list[str] | list[int]:
    """Articulation points (cut vertices): actors whose removal splits their
    component.

    Computed on the undirected version of the network: the ties of a
    directed network are read as undirected, a mutual pair as one tie.
    Self-loops and weights play no role.

    Parameters
    ----------
    net : Network

    Returns
    -------
    list of str
        Actor ids in actor order (ints when ``net.id_kind`` is ``"integer"``).

    References
    ----------
    Hopcroft & Tarjan (1973); networkx
    ``articulation_points(G.to_undirected())``; igraph
    ``articulation_points``; R sna ``cutpoints(mode="graph")``.
    """
    return _ids_out(net, _core.articulation_points(net))


@_reads_network
def bridges(net: Network) -> list[tuple[str, str]] | list[tuple[int, int]]:
    """Bridges: ties whose removal splits their component.

    Computed on the undirected version of the network, like
    :func:`articulation_points`. A directed mutual pair (a->b and b->a) is one
    undirected tie; when it is a bridge only its first stored tie is listed.
    Self-loops are never bridges.

    Parameters
    ----------
    net : Network

    Returns
    -------
    list of tuple of (str, str)
        ``(source, target)`` of each bridge, in tie order and as stored
        (ints when ``net.id_kind`` is ``"integer"``).

    References
    ----------
    Tarjan (1974); networkx ``bridges(G.to_undirected())``; igraph
    ``bridges``.
    """
    found = _core.bridges(net)
    if net.id_kind != "integer":
        return found
    return [(int(s), int(t)) for s, t in found]


@_reads_network
def core_number(net: Network) -> pd.Series:
    """Core number (k-core index) of every actor.

    The largest k such that the actor belongs to a subnetwork in which every
    actor has degree at least k. For a directed network the degree is
    in-degree + out-degree (a mutual pair counts twice), exactly as networkx
    ``core_number`` on a DiGraph. Self-loops are ignored (networkx refuses
    them; the result equals networkx's after removing them). Isolates get 0.
    Weights play no role.

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        float64 (whole numbers), indexed by actor id, named ``"core_number"``.

    References
    ----------
    Batagelj & Zaversnik (2003); networkx ``core_number``; igraph
    ``coreness(mode="all")``.
    """
    return _actor_series(net, _core.core_number(net), "core_number")


def fragmentation(net: Network, removed: str | int | Iterable[str | int] | None = None) -> float:
    """Share of pairs of actors that cannot reach each other.

    ``F = 1 - sum_k s_k (s_k - 1) / (n (n - 1))`` over the components of
    sizes ``s_k`` of the ``n`` actors left after removing ``removed`` and
    their ties (Borgatti's key-player fragmentation). Directed networks use
    weak components: two actors count as connected when a chain of ties in
    any direction joins them. 0 is one connected piece, 1 is no ties at all;
    fewer than two remaining actors give 0. Repeated ids count once.

    Parameters
    ----------
    net : Network
    removed : str, int or iterable of them, optional
        Actor ids to take out first, e.g. the coordination office (an int
        means its decimal text, as everywhere an id is taken).

    Returns
    -------
    float

    Raises
    ------
    KeyError
        When an id in ``removed`` is not an actor of the network.

    References
    ----------
    Borgatti, "Identifying sets of key players in a social network" (2006);
    UCINET key player fragmentation.

    Examples
    --------
    What happens if the coordination office drops out:

    >>> import healthnet as hn
    >>> net = hn.Network()
    >>> for a in ["office", "gp", "hospital", "nursing"]:
    ...     net.add_actor(a)
    >>> for a in ["gp", "hospital", "nursing"]:
    ...     _ = net.add_tie("office", a)
    >>> hn.fragmentation(net)
    0.0
    >>> hn.fragmentation(net, removed="office")
    1.0
    """
    if removed is None:
        ids: list = []
    elif isinstance(removed, (str, int, np.integer)):  # one id (a bool is refused as an id below)
        ids = [removed]
    else:
        ids = list(removed)
    return _core.fragmentation(net, ids)


@_reads_network
def two_step_reach(net: Network) -> pd.Series:
    """Two-step reach: the share of the other actors each actor reaches in at
    most two steps.

    ``|{w != v : d(v, w) <= 2}| / (n - 1)``, following ties in their direction
    (out-ties) in a directed network. Kumu's "2-step reach". Isolates and
    networks with fewer than two actors give 0. Self-loops and weights play no
    role.

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        Values in [0, 1], indexed by actor id, named ``"two_step_reach"``.

    See Also
    --------
    reach_efficiency

    References
    ----------
    Kumu "reach"; equals networkx
    ``(len(single_source_shortest_path_length(G, v, cutoff=2)) - 1) / (n - 1)``.
    """
    return _actor_series(net, _core.two_step_reach(net), "two_step_reach")


@_reads_network
def reach_efficiency(net: Network) -> pd.Series:
    """Reach efficiency: actors within two steps per direct contact.

    ``|{w != v : d(v, w) <= 2}| / |N+(v) \\ {v}|``: the number (not the share)
    of actors within two out-steps over the number of distinct out-neighbours
    (the degree when undirected). At least 1 for any actor with a tie; high
    values mean few contacts open up much of the network (Kumu: reach over the
    size of the personal network). Actors without out-ties get 0. Self-loops
    and weights play no role.

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"reach_efficiency"``.

    See Also
    --------
    two_step_reach

    References
    ----------
    Kumu "reach efficiency"; checked against networkx
    ``single_source_shortest_path_length(G, v, cutoff=2)``.
    """
    return _actor_series(net, _core.reach_efficiency(net), "reach_efficiency")
