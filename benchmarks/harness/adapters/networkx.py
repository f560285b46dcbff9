# SPDX-License-Identifier: MIT
"""networkx (pure Python; PageRank through scipy). Runs at S and M only.

- From arrays: ``Graph()``, ``add_nodes_from(range(n))`` (so isolates
  exist), ``add_edges_from`` of the zipped arrays, and the sector codes as the
  node attribute ``"sector"``. (``nx.from_edgelist`` cannot add isolates:
  with ``create_using`` it clears the graph first.)
- From CSV: ``nx.read_edgelist(edges.txt, nodetype=int)`` plus the nodes it
  did not see (isolates), the sector column of ``actors.csv`` via pandas.
- Betweenness on M: ``betweenness_centrality_subset(G, P, all nodes,
  normalized=False)``, scaled as networkx's own sampled estimate
  (:func:`harness.reimpl.scale_pivot_betweenness`); networkx's ``k=``
  would draw its own pivots.
- E-I index and block density: our numpy re-implementation on ``G.edges()``
  and the ``"sector"`` attribute.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from .. import reimpl
from ..generate import SECTORS
from ..tasks import PAGERANK_ALPHA, PAGERANK_TOL, SEED
from . import Inputs


def _by_node(values: dict, n: int) -> np.ndarray:
    return np.fromiter((values[i] for i in range(n)), dtype=float, count=n)


def _codes(G) -> np.ndarray:
    sector = nx.get_node_attributes(G, "sector")
    return np.fromiter((sector[i] for i in range(G.number_of_nodes())), dtype=np.int64, count=G.number_of_nodes())


class Adapter:
    """networkx adapter."""

    name = "networkx"

    @staticmethod
    def version() -> str:
        return nx.__version__

    def setup(self) -> None:
        """networkx is single-threaded; scipy's BLAS is pinned to one thread by the runner's environment."""

    # ---- loading -----------------------------------------------------------
    def from_arrays(self, d: Inputs):
        G = nx.Graph()
        G.add_nodes_from(range(d.n))
        G.add_edges_from(zip(d.source.tolist(), d.target.tolist()))
        nx.set_node_attributes(G, dict(enumerate(d.sector.tolist())), "sector")
        return G

    def from_csv(self, d: Inputs, ds):
        G = nx.read_edgelist(ds.edgelist, nodetype=int)
        sector = pd.read_csv(ds.actors_csv, usecols=["sector"])["sector"]
        G.add_nodes_from(range(len(sector)))
        codes = pd.Categorical(sector, categories=SECTORS).codes
        nx.set_node_attributes(G, dict(enumerate(codes.tolist())), "sector")
        return G

    @staticmethod
    def shape(G) -> tuple[int, int]:
        return G.number_of_nodes(), G.number_of_edges()

    # ---- metrics -------------------------------------------------------------
    def t_density(self, G, d: Inputs) -> float:
        return nx.density(G)

    def t_degree(self, G, d: Inputs) -> np.ndarray:
        return _by_node(dict(G.degree()), G.number_of_nodes())

    def t_components(self, G, d: Inputs) -> np.ndarray:
        labels = np.empty(G.number_of_nodes(), dtype=np.int64)
        for i, comp in enumerate(nx.connected_components(G)):
            labels[list(comp)] = i
        return labels

    def t_coreness(self, G, d: Inputs) -> np.ndarray:
        return _by_node(nx.core_number(G), G.number_of_nodes())

    def t_transitivity(self, G, d: Inputs) -> float:
        return nx.transitivity(G)

    def t_betweenness(self, G, d: Inputs) -> np.ndarray:
        n = G.number_of_nodes()
        if d.exact_betweenness:
            return _by_node(nx.betweenness_centrality(G, normalized=False), n)
        raw = nx.betweenness_centrality_subset(G, d.pivots.tolist(), list(G), normalized=False)
        return reimpl.scale_pivot_betweenness(_by_node(raw, n), d.pivots)

    def t_closeness(self, G, d: Inputs) -> np.ndarray:
        return _by_node(nx.closeness_centrality(G), G.number_of_nodes())

    def t_pagerank(self, G, d: Inputs) -> np.ndarray:
        return _by_node(nx.pagerank(G, alpha=PAGERANK_ALPHA, tol=PAGERANK_TOL, max_iter=1000), G.number_of_nodes())

    def _blocks(self, G) -> tuple[np.ndarray, np.ndarray]:
        edges = np.fromiter((x for e in G.edges() for x in e), dtype=np.int64, count=2 * G.number_of_edges())
        codes = _codes(G)
        return reimpl.block_counts(edges[0::2], edges[1::2], codes), np.bincount(codes, minlength=reimpl.K)

    def t_ei_index(self, G, d: Inputs) -> float:
        return reimpl.ei_index(self._blocks(G)[0])

    def t_block_density(self, G, d: Inputs) -> np.ndarray:
        return reimpl.block_density(*self._blocks(G))

    def t_assortativity(self, G, d: Inputs) -> float:
        return nx.attribute_assortativity_coefficient(G, "sector")

    def t_louvain(self, G, d: Inputs) -> np.ndarray:
        labels = np.empty(G.number_of_nodes(), dtype=np.int64)
        for i, comm in enumerate(nx.community.louvain_communities(G, seed=SEED)):
            labels[list(comm)] = i
        return labels

    def t_profile(self, G, d: Inputs) -> dict[str, float]:
        """The hn.profile entries networkx can give, from networkx calls plus Freeman formulas."""
        n, m = G.number_of_nodes(), G.number_of_edges()
        deg = _by_node(dict(G.degree()), n)
        sizes = np.array([len(c) for c in nx.connected_components(G)])
        btw = _by_node(nx.betweenness_centrality(G, normalized=False), n)
        clo = _by_node(nx.closeness_centrality(G, wf_improved=False), n)
        eig = _by_node(nx.eigenvector_centrality(G, max_iter=1000, tol=1e-10), n)
        return {
            "n_actors": float(n),
            "n_ties": float(m),
            "density": nx.density(G),
            "mean_degree": float(deg.mean()),
            "max_degree": float(deg.max()),
            "n_isolates": float(nx.number_of_isolates(G)),
            "isolate_share": nx.number_of_isolates(G) / n,
            "n_sectors": float(len(set(nx.get_node_attributes(G, "sector").values()))),
            "transitivity": nx.transitivity(G),
            "average_clustering": nx.average_clustering(G),
            "degree_centralization": reimpl.freeman(deg, (n - 1) * (n - 2)),
            "betweenness_centralization": reimpl.freeman(btw, (n - 1) ** 2 * (n - 2) / 2),
            "closeness_centralization": reimpl.freeman(clo, (n - 1) * (n - 2) / (2 * n - 3)),
            "eigenvector_centralization": reimpl.freeman(eig / eig.max(), n - 2),
            "n_components": float(len(sizes)),
            "largest_component_share": float(sizes.max() / n),
            "fragmentation": reimpl.fragmentation(sizes, n),
        }

    def t_scorecard(self, G, d: Inputs) -> dict[str, float]:
        """The indicator values of the generic scorecard (by indicator id), from networkx calls and numpy."""
        c, sizes = self._blocks(G)
        n = G.number_of_nodes()
        return {
            "sector_coverage": float((sizes > 0).sum() / len(SECTORS)),
            "connected_sectors": reimpl.connected_group_share(c, sizes),
            "cross_sector_share": reimpl.cross_group_share(c),
            "ei_index": reimpl.ei_index(c),
            "largest_component": len(max(nx.connected_components(G), key=len)) / n,
            "isolates": nx.number_of_isolates(G) / n,
            "density_band": nx.density(G),
        }
