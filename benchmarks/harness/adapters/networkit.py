# SPDX-License-Identifier: MIT
"""NetworKit (C++ core, OpenMP), pinned to one thread with
``networkit.setNumberOfThreads(1)``; every algorithm that has a
``parallel``/``par`` switch gets the sequential variant.

- From arrays: ``Graph(n)`` + ``addEdges((source, target))`` (the numpy
  path of NetworKit 11), and the sectors as a ``networkit.Partition``
  (filled element by element: NetworKit has no numpy constructor for it).
- From CSV: ``graphio.EdgeListReader(" ", 0)`` on ``edges.txt`` plus
  vertices for trailing isolates; the sector column of ``actors.csv`` via
  pandas into a Partition.
- Betweenness: exact ``Betweenness`` on S, halved (NetworKit counts both
  directions of an undirected pair); on M/L ``EstimateBetweenness`` with the
  same number of samples, halved. It draws its own pivots and weights
  contributions by distance (Geisberger, Sanders and Schultes 2008), so it
  is judged statistically (see ``harness.agree``).
- Closeness: ``Closeness(G, True, GENERALIZED)`` (networkx's form).
- PageRank: ``PageRank(G, damp, sqrt(n) * tol)``: NetworKit stops on the
  L2 norm of the change, healthnet and networkx on its L1 norm ``< n * tol``.
- E-I index and block density: ``ParallelPartitionCoarsening`` by the sector
  partition (sequential) gives the tie counts between sectors as the weights
  of an 8-vertex graph; the indices are our numpy re-implementation.
- Louvain: ``PLM(G, refine=False, par="none")``.
"""

from __future__ import annotations

import networkit as nk
import numpy as np
import pandas as pd

from .. import reimpl
from ..generate import SECTORS
from ..tasks import PAGERANK_ALPHA, PAGERANK_TOL, SEED
from . import Inputs


class Graph:
    """A NetworKit graph and the sector partition it is analysed with."""

    def __init__(self, g, codes: np.ndarray):
        self.g = g
        self.codes = codes
        self.partition = nk.Partition(g.numberOfNodes())
        self.partition.setUpperBound(len(SECTORS))
        for i, c in enumerate(codes.tolist()):
            self.partition[i] = c


class Adapter:
    """NetworKit adapter."""

    name = "networkit"

    @staticmethod
    def version() -> str:
        return nk.__version__

    def setup(self) -> None:
        nk.setNumberOfThreads(1)
        nk.setSeed(SEED, False)

    # ---- loading -----------------------------------------------------------
    def from_arrays(self, d: Inputs) -> Graph:
        g = nk.Graph(d.n)
        g.addEdges((d.source, d.target))
        return Graph(g, d.sector.astype(np.int64))

    def from_csv(self, d: Inputs, ds) -> Graph:
        g = nk.graphio.EdgeListReader(" ", 0, directed=False).read(str(ds.edgelist))
        sector = pd.read_csv(ds.actors_csv, usecols=["sector"])["sector"]
        if g.numberOfNodes() < len(sector):
            g.addNodes(len(sector) - g.numberOfNodes())
        return Graph(g, pd.Categorical(sector, categories=SECTORS).codes.astype(np.int64))

    @staticmethod
    def shape(G: Graph) -> tuple[int, int]:
        return G.g.numberOfNodes(), G.g.numberOfEdges()

    # ---- metrics -------------------------------------------------------------
    def t_density(self, G: Graph, d: Inputs) -> float:
        return nk.graphtools.density(G.g)

    def t_degree(self, G: Graph, d: Inputs) -> np.ndarray:
        return np.asarray(nk.centrality.DegreeCentrality(G.g).run().scores())

    def t_components(self, G: Graph, d: Inputs) -> np.ndarray:
        return np.asarray(nk.components.ConnectedComponents(G.g).run().getPartition().getVector())

    def t_coreness(self, G: Graph, d: Inputs) -> np.ndarray:
        return np.asarray(nk.centrality.CoreDecomposition(G.g).run().scores())

    def t_transitivity(self, G: Graph, d: Inputs) -> float:
        return nk.globals.ClusteringCoefficient.exactGlobal(G.g)

    def t_betweenness(self, G: Graph, d: Inputs) -> np.ndarray:
        if d.exact_betweenness:
            algo = nk.centrality.Betweenness(G.g, normalized=False)
        else:
            algo = nk.centrality.EstimateBetweenness(G.g, d.pivots.size, normalized=False, parallel=False)
        return np.asarray(algo.run().scores()) / 2.0

    def t_closeness(self, G: Graph, d: Inputs) -> np.ndarray:
        algo = nk.centrality.Closeness(G.g, True, nk.centrality.ClosenessVariant.GENERALIZED)
        return np.asarray(algo.run().scores())

    def t_pagerank(self, G: Graph, d: Inputs) -> np.ndarray:
        tol = PAGERANK_TOL * G.g.numberOfNodes() ** 0.5  # L2 rule matching healthnet's L1 rule n * tol
        return np.asarray(nk.centrality.PageRank(G.g, PAGERANK_ALPHA, tol).run().scores())

    def _blocks(self, G: Graph) -> tuple[np.ndarray, np.ndarray]:
        coarse = nk.coarsening.ParallelPartitionCoarsening(G.g, G.partition, parallel=False).run()
        cg = coarse.getCoarseGraph()
        fine_to_coarse = np.asarray(coarse.getFineToCoarseNodeMapping())
        sizes = np.bincount(G.codes, minlength=reimpl.K)
        # coarse vertex of each sector (sectors without actors have none)
        first = np.full(reimpl.K, -1)
        present = np.flatnonzero(sizes)
        first[present] = fine_to_coarse[np.array([np.argmax(G.codes == s) for s in present])]
        c = np.zeros((reimpl.K, reimpl.K), dtype=np.int64)
        for a in present:
            for b in present:
                c[a, b] = int(cg.weight(int(first[a]), int(first[b])))
        return c, sizes

    def t_ei_index(self, G: Graph, d: Inputs) -> float:
        return reimpl.ei_index(self._blocks(G)[0])

    def t_block_density(self, G: Graph, d: Inputs) -> np.ndarray:
        return reimpl.block_density(*self._blocks(G))

    def t_assortativity(self, G: Graph, d: Inputs) -> float:
        return nk.correlation.Assortativity(G.g, G.partition).run().getCoefficient()

    def t_louvain(self, G: Graph, d: Inputs) -> np.ndarray:
        plm = nk.community.PLM(G.g, refine=False, par="none").run()
        return np.asarray(plm.getPartition().getVector())

    def t_profile(self, G: Graph, d: Inputs) -> dict[str, float]:
        """The hn.profile entries NetworKit can give, from NetworKit calls plus Freeman formulas."""
        g = G.g
        n, m = g.numberOfNodes(), g.numberOfEdges()
        deg = np.asarray(nk.centrality.DegreeCentrality(g).run().scores())
        sizes = np.asarray(list(nk.components.ConnectedComponents(g).run().getComponentSizes().values()))
        btw = np.asarray(nk.centrality.Betweenness(g, normalized=False).run().scores()) / 2.0
        clo = np.asarray(nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.STANDARD).run().scores())
        eig = np.asarray(nk.centrality.EigenvectorCentrality(g, 1e-12).run().scores())
        return {
            "n_actors": float(n),
            "n_ties": float(m),
            "density": nk.graphtools.density(g),
            "mean_degree": float(deg.mean()),
            "max_degree": float(nk.graphtools.maxDegree(g)),
            "n_isolates": float((deg == 0).sum()),
            "isolate_share": float((deg == 0).mean()),
            "n_sectors": float(G.partition.numberOfSubsets()),
            "transitivity": nk.globals.ClusteringCoefficient.exactGlobal(g),
            "average_clustering": nk.globals.ClusteringCoefficient.sequentialAvgLocal(g),
            "degree_centralization": reimpl.freeman(deg, (n - 1) * (n - 2)),
            "betweenness_centralization": reimpl.freeman(btw, (n - 1) ** 2 * (n - 2) / 2),
            "closeness_centralization": reimpl.freeman(clo, (n - 1) * (n - 2) / (2 * n - 3)),
            "eigenvector_centralization": reimpl.freeman(eig / eig.max(), n - 2),
            "n_components": float(len(sizes)),
            "largest_component_share": float(sizes.max() / n),
            "fragmentation": reimpl.fragmentation(sizes, n),
        }

    def t_scorecard(self, G: Graph, d: Inputs) -> dict[str, float]:
        """The indicator values of the generic scorecard (by indicator id), from NetworKit calls and numpy."""
        c, sizes = self._blocks(G)
        g = G.g
        n = g.numberOfNodes()
        deg = np.asarray(nk.centrality.DegreeCentrality(g).run().scores())
        comp = np.asarray(list(nk.components.ConnectedComponents(g).run().getComponentSizes().values()))
        return {
            "sector_coverage": float((sizes > 0).sum() / len(SECTORS)),
            "connected_sectors": reimpl.connected_group_share(c, sizes),
            "cross_sector_share": reimpl.cross_group_share(c),
            "ei_index": reimpl.ei_index(c),
            "largest_component": float(comp.max() / n),
            "isolates": float((deg == 0).mean()),
            "density_band": nk.graphtools.density(g),
        }
