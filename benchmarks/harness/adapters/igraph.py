# SPDX-License-Identifier: MIT
"""python-igraph (C core, single-threaded).

- From arrays: ``Graph(n, edges=list of (u, v))`` plus the sector codes as the
  vertex attribute ``"sector"``. A list of tuples is igraph's fast path; a
  numpy (m, 2) array is accepted but converted element by element, about
  twice as slow (measured on M).
- From CSV: ``Graph.Read_Edgelist`` on ``edges.txt`` (0-based ``u v`` lines,
  parsed in C) plus vertices for trailing isolates, and the sector column of
  ``actors.csv`` read with pandas' C parser.
- Betweenness on M/L: ``betweenness(sources=P)``, scaled as networkx's
  sampled estimate (:func:`harness.reimpl.scale_pivot_betweenness`).
- Closeness: igraph's ``(r-1)/sum d`` times ``(r-1)/(n-1)`` (networkx's
  Wasserman-Faust form, which healthnet follows).
- E-I index and block density: our numpy re-implementation on
  ``get_edgelist()`` and the ``"sector"`` attribute (igraph has neither).
"""

from __future__ import annotations

import random

import igraph as ig
import numpy as np
import pandas as pd

from .. import reimpl
from ..generate import SECTORS
from ..tasks import PAGERANK_ALPHA, SEED
from . import Inputs


def _codes(g) -> np.ndarray:
    return np.asarray(g.vs["sector"], dtype=np.int64)


class Adapter:
    """igraph adapter."""

    name = "igraph"

    @staticmethod
    def version() -> str:
        return ig.__version__

    def setup(self) -> None:
        """igraph's C core is single-threaded; seed its RNG (Python's ``random``)."""
        random.seed(SEED)

    # ---- loading -----------------------------------------------------------
    def from_arrays(self, d: Inputs):
        g = ig.Graph(n=d.n, edges=list(zip(d.source.tolist(), d.target.tolist())), directed=False)
        g.vs["sector"] = d.sector.tolist()
        return g

    def from_csv(self, d: Inputs, ds):
        g = ig.Graph.Read_Edgelist(str(ds.edgelist), directed=False)
        sector = pd.read_csv(ds.actors_csv, usecols=["sector"])["sector"]
        if g.vcount() < len(sector):
            g.add_vertices(len(sector) - g.vcount())
        codes = pd.Categorical(sector, categories=SECTORS).codes
        g.vs["sector"] = codes.tolist()
        return g

    @staticmethod
    def shape(g) -> tuple[int, int]:
        return g.vcount(), g.ecount()

    # ---- metrics -------------------------------------------------------------
    def t_density(self, g, d: Inputs) -> float:
        return g.density(loops=False)

    def t_degree(self, g, d: Inputs) -> np.ndarray:
        return np.asarray(g.degree(), dtype=float)

    def t_components(self, g, d: Inputs) -> np.ndarray:
        return np.asarray(g.connected_components().membership)

    def t_coreness(self, g, d: Inputs) -> np.ndarray:
        return np.asarray(g.coreness(), dtype=float)

    def t_transitivity(self, g, d: Inputs) -> float:
        return g.transitivity_undirected()

    def t_betweenness(self, g, d: Inputs) -> np.ndarray:
        if d.exact_betweenness:
            return np.asarray(g.betweenness(directed=False))
        raw = np.asarray(g.betweenness(directed=False, sources=d.pivots.tolist()))
        return reimpl.scale_pivot_betweenness(raw, d.pivots)

    def t_closeness(self, g, d: Inputs) -> np.ndarray:
        raw = np.asarray(g.closeness(), dtype=float)
        cc = g.connected_components()
        size = np.asarray(cc.sizes(), dtype=float)[np.asarray(cc.membership)]
        return reimpl.wf_closeness(raw, size, g.vcount())

    def t_pagerank(self, g, d: Inputs) -> np.ndarray:
        return np.asarray(g.pagerank(damping=PAGERANK_ALPHA))

    def _blocks(self, g) -> tuple[np.ndarray, np.ndarray]:
        edges = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
        codes = _codes(g)
        return reimpl.block_counts(edges[:, 0], edges[:, 1], codes), np.bincount(codes, minlength=reimpl.K)

    def t_ei_index(self, g, d: Inputs) -> float:
        return reimpl.ei_index(self._blocks(g)[0])

    def t_block_density(self, g, d: Inputs) -> np.ndarray:
        return reimpl.block_density(*self._blocks(g))

    def t_assortativity(self, g, d: Inputs) -> float:
        return g.assortativity_nominal("sector", directed=False)

    def t_louvain(self, g, d: Inputs) -> np.ndarray:
        if d.size.name == "L":
            # Measured in session 3: community_multilevel ran 36 minutes at L without finishing (gdb: inside
            # igraph's qsort in igraph_community_multilevel), against 49 s at M. Not run at L; see RESULTS.md.
            raise RuntimeError("not run at L: igraph community_multilevel did not finish in 36 min")
        return np.asarray(g.community_multilevel().membership)

    def t_profile(self, g, d: Inputs) -> dict[str, float]:
        """The hn.profile entries igraph can give, from igraph calls plus Freeman formulas."""
        n, m = g.vcount(), g.ecount()
        deg = np.asarray(g.degree(), dtype=float)
        cc = g.connected_components()
        sizes = np.asarray(cc.sizes())
        btw = np.asarray(g.betweenness(directed=False))
        clo = np.nan_to_num(np.asarray(g.closeness(), dtype=float))
        eig = np.asarray(g.eigenvector_centrality(scale=True))
        return {
            "n_actors": float(n),
            "n_ties": float(m),
            "density": g.density(loops=False),
            "mean_degree": float(deg.mean()),
            "max_degree": float(g.maxdegree()),
            "n_isolates": float((deg == 0).sum()),
            "isolate_share": float((deg == 0).mean()),
            "n_sectors": float(len(set(g.vs["sector"]))),
            "reciprocity": g.reciprocity(),
            "transitivity": g.transitivity_undirected(),
            "average_clustering": g.transitivity_avglocal_undirected(mode="zero"),
            "degree_centralization": reimpl.freeman(deg, (n - 1) * (n - 2)),
            "betweenness_centralization": reimpl.freeman(btw, (n - 1) ** 2 * (n - 2) / 2),
            "closeness_centralization": reimpl.freeman(clo, (n - 1) * (n - 2) / (2 * n - 3)),
            "eigenvector_centralization": reimpl.freeman(eig, n - 2),
            "n_components": float(len(sizes)),
            "largest_component_share": float(sizes.max() / n),
            "fragmentation": reimpl.fragmentation(sizes, n),
        }

    def t_scorecard(self, g, d: Inputs) -> dict[str, float]:
        """The indicator values of the generic scorecard (by indicator id), from igraph calls and numpy."""
        c, sizes = self._blocks(g)
        n = g.vcount()
        deg = np.asarray(g.degree())
        comp = np.asarray(g.connected_components().sizes())
        return {
            "sector_coverage": float((sizes > 0).sum() / len(SECTORS)),
            "connected_sectors": reimpl.connected_group_share(c, sizes),
            "cross_sector_share": reimpl.cross_group_share(c),
            "ei_index": reimpl.ei_index(c),
            "largest_component": float(comp.max() / n),
            "isolates": float((deg == 0).mean()),
            "density_band": g.density(loops=False),
        }
