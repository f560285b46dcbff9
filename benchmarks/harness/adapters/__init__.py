# SPDX-License-Identifier: MIT
"""One adapter per library: the same inputs in, comparable results out.

An adapter is a class ``Adapter`` in ``harness.adapters.<library>`` with

- ``name``, ``version()`` and ``setup()`` (single thread, seeds);
- ``from_arrays(inputs)`` and ``from_csv(inputs, dataset)``, each returning
  the library's graph object, ready for analysis;
- ``shape(graph)`` -> ``(n, m)``;
- ``t_<task>(graph, inputs)`` for every task of :mod:`harness.tasks` the
  library offers, returning a float, a numpy array or a dict of them, in
  actor index order and in healthnet's conventions (conversions, such as
  halving NetworKit's undirected betweenness, are part of the timed call).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import numpy as np

from ..generate import Size

LIBRARIES: tuple[str, ...] = ("healthnet", "igraph", "networkx", "networkit")


@dataclass(frozen=True)
class Inputs:
    """The arrays every library receives.

    Attributes
    ----------
    source, target : numpy.ndarray of int64
        Tie end points (undirected, simple).
    sector : numpy.ndarray of int8
        Sector code per actor (index into ``generate.SECTORS``).
    pivots : numpy.ndarray of int64
        Sources of sampled betweenness (all actors when exact).
    size : Size
    """

    source: np.ndarray
    target: np.ndarray
    sector: np.ndarray
    pivots: np.ndarray
    size: Size

    @property
    def n(self) -> int:
        """Number of actors."""
        return int(self.sector.size)

    @property
    def m(self) -> int:
        """Number of ties."""
        return int(self.source.size)

    @property
    def exact_betweenness(self) -> bool:
        """Whether betweenness is exact (all sources) at this size."""
        return self.size.pivots == 0


def load(name: str):
    """A fresh adapter for library ``name`` (imports the library)."""
    if name not in LIBRARIES:
        raise ValueError(f"unknown library {name!r}; expected one of {', '.join(LIBRARIES)}")
    return importlib.import_module(f"{__name__}.{name}").Adapter()
