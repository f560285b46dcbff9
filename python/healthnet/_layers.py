# SPDX-License-Identifier: MIT
"""Ratings and layers: which ties a metric reads, and which number is their weight.

Every weighted metric takes ``weight=`` (None, ``"weight"`` or any numeric
tie attribute, as networkx and igraph do) and ``relation=`` (one relation
layer); shortest-path metrics also take ``distance=``. :func:`_select` turns
these into the network to compute on (include/healthnet/layers.hpp does the
work in C++) and the weighted flag of the kernel.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _core
from ._core import Network

__all__ = ["layers"]

_DISTANCES = ("weight", "inverse")


def layers(net: Network) -> pd.Series:
    """The relation layers of a multiplex network and their sizes.

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        Indexed by relation (sorted by name, index named ``"relation"``),
        the number of ties that carry it, named ``"ties"`` (int64). A tie
        with several relations counts in each of its layers; ties without a
        relation are in none, so the counts need not add up to
        ``net.n_ties``. Empty when no tie has a relation. Pass a relation as
        ``relation=`` to any metric, or to :func:`relation_layer`.
    """
    counts = _core.layers(net)
    return pd.Series(
        list(counts.values()),
        index=pd.Index(list(counts.keys()), name="relation", dtype=object),
        name="ties",
        dtype="int64",
    )


#: Parameter texts shared by every function that takes ``weight=``,
#: ``weighted=`` and ``relation=`` (placed by :func:`_shared_doc`).
_SHARED_DOC = {
    "{weight_rules}": """Which number is a tie's weight: None (every tie counts 1),
        ``"weight"`` (the tie weight) or any numeric tie attribute, e.g.
        ``"trust"`` or ``"frequency"`` (as networkx ``weight=``). Raises
        KeyError for a name that is neither (the message lists the numeric
        tie attributes, with a "did you mean"), ValueError when some ties
        lack the attribute (a missing rating is neither 0 nor 1: pick a
        relation layer or fill the values), or a value is not a number or is
        negative (weights are finite and >= 0).""",
    "{weighted_alias}": """Older spelling of ``weight``: True is ``weight="weight"``, False is
        ``weight=None``. Giving both is fine when they agree; ValueError when
        they contradict.""",
    "{relation_layer}": """Compute on one relation layer: all actors, the ties carrying this
        relation (:func:`healthnet.layers` lists them). KeyError for a
        relation no tie carries, with a "did you mean".""",
}


def _shared_doc(fn):
    """Fills the ``{weight_rules}``, ``{weighted_alias}`` and
    ``{relation_layer}`` lines of ``fn``'s docstring (plain replacement:
    docstrings hold other braces)."""
    doc = fn.__doc__
    for mark, text in _SHARED_DOC.items():
        doc = doc.replace(mark, text)
    fn.__doc__ = doc
    return fn


def _select(
    net: Network,
    weight,
    relation,
    weighted,
    *,
    default_weight=None,
    distance=None,
) -> tuple[Network, bool]:
    """The network a metric computes on, and whether its kernel is weighted.

    ``weight``: None (unweighted), ``"weight"`` (the tie weight) or a numeric
    tie attribute (a reweighted copy, C++ ``weighted_by``). ``weighted``: the
    older spelling, None when not given; ``True`` means ``weight="weight"``,
    ``False`` means ``weight=None``; when ``weight`` is given too (differs from
    ``default_weight``) the two must agree. ``relation``: the layer, C++
    ``network::relation_layer``; all actors are kept, in order, so per-actor
    results keep the original index. ``distance``: None for metrics that
    read weights as strengths; ``"weight"`` or ``"inverse"`` (lengths 1/w,
    C++ ``inverse_weights``) for shortest-path metrics.
    """
    if weighted is not None:
        if not (isinstance(weighted, (bool, np.bool_)) or (isinstance(weighted, int) and weighted in (0, 1))):
            raise TypeError(f"weighted: expected True or False, got {weighted!r}")
        if weight == default_weight:
            weight = "weight" if weighted else None
        elif bool(weighted) != (weight is not None):
            raise ValueError(
                f"weighted={bool(weighted)} contradicts weight={weight!r}; give only weight= "
                "(None for unweighted, 'weight' for the tie weight, or a tie attribute)"
            )
    if weight is not None and not isinstance(weight, str):
        raise TypeError(f"weight: expected None or the name of a numeric tie attribute, got {weight!r}")
    if distance is not None and distance not in _DISTANCES:
        raise ValueError(f"distance: expected 'weight' or 'inverse', got {distance!r}")
    if distance == "inverse" and weight is None:
        raise ValueError(
            "distance='inverse' turns weights into lengths 1/w but no weight is given; "
            "pass weight='weight' or a tie attribute such as weight='trust'"
        )
    if relation is not None:
        if not isinstance(relation, str):
            raise TypeError(f"relation: expected a relation name, got {relation!r}")
        net = net.relation_layer(relation)
    if weight is None:
        return net, False
    if weight != "weight":
        net = _core.weighted_by(net, weight)
    if distance == "inverse":
        net = _core.inverse_weights(net)
    return net, True
