# SPDX-License-Identifier: MIT
"""Survey response: response rate, reconstruction of missing ties, symmetrisation."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Literal

from . import _core
from ._core import Network, ResponseRate
from ._metrics import _check_seed
from ._warnings import DataWarning

__all__ = ["ResponseRate", "impute_missing", "reconstruct_missing", "response_rate", "symmetrize"]

Rule = Literal["weak", "union", "strong", "intersection", "upper", "lower"]
Combine = Literal["max", "min", "mean", "sum"]


def response_rate(net: Network) -> ResponseRate:
    """Who answered the survey, from the actors' ``respondent`` flags.

    Parameters
    ----------
    net : Network

    Returns
    -------
    ResponseRate
        ``respondents``, ``nonrespondents`` and ``unknown`` (actors without
        a flag) counts; ``rate`` = respondents / (respondents +
        nonrespondents), counting only actors whose status is known;
        ``nonrespondent_ids`` in actor order; ``known`` whether any status
        is known. When no actor's status is known the rate is NaN (there is
        no rate), never 0.

    Examples
    --------
    >>> import healthnet as hn
    >>> net = hn.Network(directed=True)
    >>> net.add_actor("a", respondent=True); net.add_actor("b", respondent=False); net.add_actor("c")
    >>> r = hn.response_rate(net)
    >>> r.rate, r.unknown, r.nonrespondent_ids
    (0.5, 1, ['b'])
    """
    return _core.response_rate(net)


def reconstruct_missing(net: Network) -> Network:
    """The network with the ties of non-respondents reconstructed.

    For every tie ``i -> j`` that an actor ``i`` who is not a non-respondent
    reported to a non-respondent ``j`` (``respondent=False``), the tie
    ``j -> i`` is added as a copy of the reported one (weight, relations,
    attributes, since) unless it exists already (Stork & Richards 1992;
    Huisman 2009, "reconstruction"). Ties between two non-respondents stay
    as they are. An undirected network comes back unchanged (a copy).

    Parameters
    ----------
    net : Network

    Returns
    -------
    Network
    """
    return _core.reconstruct_missing(net)


def impute_missing(net: Network, seed: int = 1) -> Network:
    """The network with the non-respondents' unobserved ties imputed at random.

    Random imputation (Huisman 2009): every absent tie ``j -> i`` from a
    non-respondent ``j`` (``respondent=False``) to another actor is added
    with probability ``p``, the density of the observed dyads,
    ``p = (ties sent by the other actors) / ((n - k)(n - 1))`` for ``k``
    non-respondents (as ``density(net, missing="exclude")``). An imputed
    tie's weight is drawn from the weights of the observed ties, so a valued
    network keeps its distribution of values; it has no relations or
    attributes. Ties recorded for a non-respondent stay.

    Parameters
    ----------
    net : Network
    seed : int, default 1
        The same seed gives the same network, on every platform.

    Returns
    -------
    Network
        A copy; unchanged when the network is undirected, has no
        non-respondent or no observed tie.

    Examples
    --------
    >>> import healthnet as hn
    >>> net = hn.Network(directed=True)
    >>> for a, answered in [("a", True), ("b", True), ("c", False)]:
    ...     _ = net.add_actor(a, respondent=answered)
    >>> _ = net.add_tie("a", "b"); _ = net.add_tie("b", "a")
    >>> hn.impute_missing(net, seed=3).n_ties >= 2
    True
    """
    return _core.impute_missing(net, _check_seed(seed))


def symmetrize(
    net: Network,
    rule: Rule = "weak",
    *,
    nonrespondents: Literal["trust", "drop"] = "trust",
    combine: Combine | Mapping[str, Combine] = "max",
) -> Network:
    """An undirected network from a directed one, with the rules of R sna ``symmetrize``.

    For each pair of actors ``i < j`` (actor order) with the ties
    ``a = i -> j`` and ``b = j -> i``:

    - ``"weak"`` / ``"union"``: tied when ``a`` or ``b`` exists;
    - ``"strong"`` / ``"intersection"``: tied when both exist;
    - ``"upper"``: ``a`` decides (sna copies the upper triangle ``[i, j]``,
      ``i < j``, of the adjacency matrix onto the lower one);
    - ``"lower"``: ``b`` decides.

    In a pair with exactly one non-respondent (``respondent=False``),
    ``nonrespondents="trust"`` lets the other actor's report decide, whatever
    the rule (also for ``"strong"``); ``"drop"`` leaves such pairs untied.

    Parameters
    ----------
    net : Network
        A directed network. An undirected one comes back as an equal copy,
        with a :class:`healthnet.DataWarning`.
    rule : {"weak", "union", "strong", "intersection", "upper", "lower"}, default "weak"
    nonrespondents : {"trust", "drop"}, default "trust"
    combine : {"max", "min", "mean", "sum"} or dict, default "max"
        How the values of the counted ties combine, for the weight and every
        numeric tie attribute (e.g. frequency, trust): over the ties that
        carry the value, so a value reported once stays as it is. A dict
        gives a rule per value, keys ``"weight"`` and numeric tie attribute
        names; values not in it use ``"max"``.

    Returns
    -------
    Network
        Undirected, with the actors (and their respondent flags), bodies,
        region and taxonomy. Relations are united (weak, trust) or
        intersected (strong); text and flag attributes come from the counted
        ties, the tie ``i -> j`` winning where both differ; ``since`` is the
        earlier date. Self-loops are kept.

    Raises
    ------
    ValueError
        For an unknown rule or combine name (the message lists the choices),
        or a ``combine`` key that is not ``"weight"`` or a numeric tie
        attribute.

    References
    ----------
    R sna ``symmetrize``; networkx ``to_undirected(reciprocal=False/True)``
    (weak/strong).
    """
    if isinstance(combine, str):
        base, per_value = combine, {}
    elif isinstance(combine, Mapping):
        base, per_value = "max", {}
        for key, value in combine.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"combine: expected str keys and values, got {key!r}: {value!r}")
            per_value[key] = value
    else:
        raise TypeError(f"combine: expected a str or a dict, not {type(combine).__name__}")
    if not net.directed:
        # Check the names first: a typo is an error even when there is nothing to do.
        _core.symmetrize(net, rule, nonrespondents, base, {})
        warnings.warn("already undirected; nothing to symmetrize", DataWarning, stacklevel=2)
    return _core.symmetrize(net, rule, nonrespondents, base, per_value)
