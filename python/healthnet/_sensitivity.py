# SPDX-License-Identifier: MIT
"""Sensitivity of whole-network metrics to further non-response."""

from __future__ import annotations

import operator
import warnings
from collections.abc import Sequence

import pandas as pd

from . import _core
from ._core import Network
from ._metrics import _check_seed
from ._warnings import DataWarning

__all__ = ["nonresponse_sensitivity"]


def nonresponse_sensitivity(
    net: Network,
    metrics: Sequence[str] | None = None,
    *,
    drop: float = 0.1,
    runs: int = 200,
    seed: int = 1,
    by: str = "sector",
) -> pd.DataFrame:
    """How much metrics move if a further share of the respondents had not answered.

    In each of ``runs`` runs, ``k = round(drop * R)`` of the ``R``
    respondents (actors with ``respondent=True``) are drawn at random and
    their reports are removed; then every metric is recomputed (Smith &
    Moody 2013, "Structural effects of network sampling coverage I: nodes
    missing at random", *Social Networks* 35). In a directed network the
    drawn actors' out-ties go; in an undirected one a tie goes when one end
    is drawn and no remaining respondent is at its other end. Unreported
    ties count as absent (``missing="absent"``), as in the metrics.

    Parameters
    ----------
    net : Network
    metrics : list of str, optional
        Names from ``hn.metrics().index``; by default the metrics of
        :func:`profile`.
    drop : float, default 0.1
        The further share of respondents whose reports go, in [0, 1).
    runs : int, default 200
        Number of random draws, at least 1.
    seed : int, default 1
        Seed of the draws (same seed, same result on every platform).
    by : str, default "sector"
        Grouping of the grouped metrics (E-I, assortativity, ...).

    Returns
    -------
    pandas.DataFrame
        Indexed by metric, columns ``observed`` (the network as given),
        ``mean`` (over the runs), ``low`` and ``high`` (the 5 % and 95 %
        quantiles of the run values, numpy's default linear method: a 90 %
        band) and ``valid_runs`` (runs whose value is a number; NaN runs are
        left out). ``attrs`` holds ``drop``, ``runs``, ``seed``,
        ``respondents``, ``dropped`` (k), ``all_assumed_respondents``,
        ``missing`` and ``values`` (a dict: metric -> tuple of the run values).

    Raises
    ------
    ValueError
        For ``drop`` outside [0, 1) or ``runs`` < 1.
    KeyError
        For an unknown metric name (with a "did you mean").

    Warns
    -----
    DataWarning
        When no actor's respondent status is known: then every actor counts
        as a respondent.

    Examples
    --------
    >>> import healthnet as hn
    >>> net = hn.Network(directed=True)
    >>> for a in "abcd":
    ...     net.add_actor(a, respondent=True)
    >>> for s, t in [("a", "b"), ("a", "c"), ("b", "a"), ("c", "d")]:
    ...     net.add_tie(s, t)
    >>> band = hn.nonresponse_sensitivity(net, ["density"], drop=0.25, runs=100, seed=1)
    >>> band.attrs["dropped"], float(band.loc["density", "observed"])
    (1, 0.3333333333333333)
    >>> sorted(set(band.attrs["values"]["density"]))  # one actor's reports gone per run
    [0.16666666666666666, 0.25, 0.3333333333333333]
    """
    names = [] if metrics is None else [metrics] if isinstance(metrics, str) else list(metrics)
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"metrics: expected metric names, got {type(name).__name__}")
    try:
        runs = operator.index(runs)
    except TypeError:
        raise TypeError(f"runs: expected an integer, got {type(runs).__name__}") from None
    if runs < 1:
        raise ValueError(f"runs: expected at least 1 run, got {runs}")
    drop = float(drop)
    result = _core.nonresponse_sensitivity(net, names, drop, runs, _check_seed(seed), by)
    if result.all_assumed_respondents:
        warnings.warn(
            "nonresponse_sensitivity: no actor has a known respondent status; every actor counted as a respondent",
            DataWarning,
            stacklevel=2,
        )
    rows = result.rows
    frame = pd.DataFrame(
        {
            "observed": [r.observed for r in rows],
            "mean": [r.mean for r in rows],
            "low": [r.low for r in rows],
            "high": [r.high for r in rows],
            "valid_runs": [r.valid_runs for r in rows],
        },
        index=pd.Index([r.metric for r in rows], name="metric"),
    )
    frame.attrs.update(
        drop=result.drop,
        runs=result.runs,
        seed=result.seed,
        respondents=result.respondents,
        dropped=result.dropped,
        all_assumed_respondents=result.all_assumed_respondents,
        missing=result.missing,
        values={r.metric: tuple(r.values.tolist()) for r in rows},
    )
    return frame
