# SPDX-License-Identifier: MIT
"""Bulk construction from numpy arrays and column export."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._metrics import _reads_network
from ._core import Network

__all__ = ["from_arrays", "tie_arrays"]


def _sector_codes(sector: Any, n_expected: int | None) -> tuple[np.ndarray, list[str]]:
    """Integer codes and their labels for a per-actor label array (vectorised)."""
    categorical = pd.Categorical(sector) if not isinstance(sector, pd.Categorical) else sector
    labels = [str(c) for c in categorical.categories]
    codes = np.asarray(categorical.codes, dtype=np.int64)
    if (codes < 0).any():  # missing labels (None, NaN): no sector
        labels.append("")
        codes = np.where(codes < 0, len(labels) - 1, codes)
    if n_expected is not None and len(codes) != n_expected:
        raise ValueError(f"sector: has {len(codes)} entries for {n_expected} actors")
    return codes, labels


def _native(a: np.ndarray) -> np.ndarray:
    """The array in the machine's byte order (big-endian input is converted, not misread)."""
    if a.dtype.byteorder not in ("=", "|") and a.dtype.byteorder != ("<" if np.little_endian else ">"):
        return a.astype(a.dtype.newbyteorder("="))
    return a


def from_arrays(
    source: Any,
    target: Any,
    *,
    directed: bool = False,
    weight: Any = None,
    sector: Any = None,
    actor_ids: Sequence[str] | np.ndarray | None = None,
    n_actors: int | None = None,
) -> Network:
    """Build a network from integer arrays of tie end points, in one call.

    The bulk loader for large networks: the arrays are read in C++ without
    per-element Python work, and the network is built with the GIL released.
    Repeated pairs merge as in :meth:`Network.add_tie` (weights add up; in an
    undirected network ``a-b`` and ``b-a`` are one pair).

    Parameters
    ----------
    source, target : array_like of int
        Actor indices (0-based), one entry per tie. Any integer dtype.
    directed : bool, default False
        Whether ties are arcs from ``source`` to ``target``.
    weight : array_like of float, optional
        One weight per tie (finite, >= 0); default 1.
    sector : array_like of str, optional
        The sector id of every actor, in index order (numpy array, list,
        pandas Series or Categorical); missing values give no sector.
    actor_ids : sequence of str or int, or numpy array of str or integers, optional
        Actor ids in index order; default ``"0"``, ``"1"``, ... ``"n-1"``.
        Integer ids (an integer array, or a list of ints) give a network
        with integer ids (``Network.id_kind``).
    n_actors : int, optional
        Number of actors; default the length of ``actor_ids`` or ``sector``,
        else the largest index + 1. Actors without ties are isolates.

    Returns
    -------
    Network

    Raises
    ------
    ValueError
        For arrays of different lengths, negative or out-of-range indices,
        non-integer index arrays, bad weights, self-loops or duplicate ids;
        the message names the array and the entry, e.g. ``source[7]: actor
        index -1 is negative``.

    See Also
    --------
    tie_arrays : the inverse, tie end points and weights as arrays.

    Examples
    --------
    >>> import numpy as np, healthnet as hn
    >>> net = hn.from_arrays(np.array([0, 1]), np.array([1, 2]),
    ...                      sector=np.array(["gp_practice", "hospital", "pharmacy"]))
    >>> net.n_actors, net.n_ties
    (3, 2)
    """
    src = _native(np.asarray(source))
    dst = _native(np.asarray(target))
    if src.ndim != 1 or dst.ndim != 1:
        raise ValueError("source, target: expected 1-d arrays")
    if src.size == 0:  # np.asarray([]) is float64; an empty list is fine
        src = src.astype(np.int64)
    if dst.size == 0:
        dst = dst.astype(np.int64)
    w = None if weight is None else np.ascontiguousarray(weight, dtype=np.float64)
    codes, labels = (None, [])
    if sector is not None:
        codes, labels = _sector_codes(sector, None)
    if isinstance(actor_ids, pd.Series | pd.Index):
        actor_ids = actor_ids.to_numpy()
    if isinstance(actor_ids, np.ndarray):
        actor_ids = _native(actor_ids)
    elif actor_ids is not None and not isinstance(actor_ids, list):
        actor_ids = list(actor_ids)
    integer_ids = False
    if isinstance(actor_ids, np.ndarray) and actor_ids.dtype.kind in "iu":
        actor_ids, integer_ids = actor_ids.astype(str), True
    elif isinstance(actor_ids, list) and actor_ids and all(type(i) is int for i in actor_ids):
        actor_ids, integer_ids = [str(i) for i in actor_ids], True
    net = _core._from_arrays(src, dst, directed, w, codes, labels, actor_ids, n_actors)
    if integer_ids:
        net.id_kind = "integer"  # ValueError for an id beyond int64
    return net


@_reads_network
def tie_arrays(net: Network) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tie end points and weights as numpy arrays, in tie order.

    Parameters
    ----------
    net : Network

    Returns
    -------
    source, target : numpy.ndarray of uint32
        Actor indices (positions in ``net.actor_ids``).
    weight : numpy.ndarray of float64

    Examples
    --------
    >>> import healthnet as hn
    >>> s, t, w = hn.tie_arrays(hn.from_arrays([0], [1]))
    >>> int(s[0]), int(t[0]), float(w[0])
    (0, 1, 1.0)
    """
    return _core._tie_arrays(net)
