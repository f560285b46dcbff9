# SPDX-License-Identifier: MIT
"""healthnet through its public Python API (``import healthnet as hn``).

Every call is the one a user makes, pandas Series and all: the cost of
building the actor-id index of a returned Series is part of the time.
Loading ends by building the analysis view (``_core._analysis_memory_bytes``
builds and measures it), so that the first metric does not pay for it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import healthnet as hn
from healthnet import _core

from ..generate import SECTORS
from ..tasks import PAGERANK_ALPHA, PAGERANK_TOL, RANKING_ACTORS, RANKING_REGIONS, RANKING_SCORECARD, RANKING_TIES, SCORECARD, SEED
from . import Inputs


class Adapter:
    """healthnet adapter."""

    name = "healthnet"

    def __init__(self) -> None:
        self.view_bytes: int | None = None
        self._regions: list | None = None

    @staticmethod
    def version() -> str:
        return hn.__version__

    def setup(self) -> None:
        """healthnet is single-threaded unless ``threads=`` is passed; nothing to do."""

    # ---- loading -----------------------------------------------------------
    def from_arrays(self, d: Inputs):
        net = hn.from_arrays(
            d.source, d.target, directed=False, weight=None, sector=pd.Categorical.from_codes(d.sector, SECTORS)
        )
        self.view_bytes = _core._analysis_memory_bytes(net)
        return net

    def from_csv(self, d: Inputs, ds):
        net = hn.read_csv(ds.actors_csv, ds.ties_csv, directed=False, sector="sector")
        _core._analysis_memory_bytes(net)
        return net

    @staticmethod
    def shape(net) -> tuple[int, int]:
        return net.n_actors, net.n_ties

    # ---- metrics -------------------------------------------------------------
    def t_density(self, net, d: Inputs) -> float:
        return hn.density(net)

    def t_degree(self, net, d: Inputs) -> np.ndarray:
        return hn.degree(net).to_numpy()

    def t_components(self, net, d: Inputs) -> np.ndarray:
        return hn.component_labels(net).to_numpy()

    def t_coreness(self, net, d: Inputs) -> np.ndarray:
        return hn.core_number(net).to_numpy()

    def t_transitivity(self, net, d: Inputs) -> float:
        return hn.transitivity(net)

    def t_betweenness(self, net, d: Inputs) -> np.ndarray:
        if d.exact_betweenness:
            return hn.betweenness(net, threads=1).to_numpy()
        return hn.betweenness(net, pivots=d.pivots, threads=1).to_numpy()

    def t_closeness(self, net, d: Inputs) -> np.ndarray:
        return hn.closeness(net).to_numpy()

    def t_pagerank(self, net, d: Inputs) -> np.ndarray:
        return hn.pagerank(net, alpha=PAGERANK_ALPHA, tol=PAGERANK_TOL).to_numpy()

    def t_ei_index(self, net, d: Inputs) -> float:
        return hn.ei_index(net, by="sector").ei

    def t_block_density(self, net, d: Inputs) -> np.ndarray:
        frame = hn.block_density(net, by="sector")
        # Rows and columns come in taxonomy order; put them in the harness's sector order with a numpy take
        # (about 10 µs at S; DataFrame.reindex on both axes took 150 µs, more than the metric).
        labels = list(frame.index)
        if labels != list(frame.columns) or set(labels) != set(SECTORS):
            return frame.reindex(index=SECTORS, columns=SECTORS).to_numpy()
        order = [labels.index(s) for s in SECTORS]
        return frame.to_numpy()[np.ix_(order, order)]

    def t_assortativity(self, net, d: Inputs) -> float:
        return hn.assortativity(net, by="sector")

    def t_louvain(self, net, d: Inputs) -> np.ndarray:
        return hn.louvain(net, seed=SEED).to_numpy()

    def t_profile(self, net, d: Inputs) -> dict[str, float]:
        return hn.profile(net).to_dict()

    def t_scorecard(self, net, d: Inputs) -> dict[str, float]:
        result = hn.Scorecard.load(SCORECARD).evaluate(net)
        frame = result.to_frame()
        values = dict(zip(frame["indicator"], frame["value"].astype(float)))
        values["total"] = float(result.total)
        return values

    # ---- healthnet only --------------------------------------------------------
    def prepare_ranking(self) -> None:
        """Generate the regions of the ranking task (not timed)."""
        self._regions = [
            hn.synthetic_region(RANKING_ACTORS, RANKING_TIES, seed=s, region_id=f"r{s:04d}")
            for s in range(RANKING_REGIONS)
        ]

    def t_ranking(self, net, d: Inputs) -> np.ndarray:
        if self._regions is None:
            self.prepare_ranking()
        frame = hn.rank(self._regions, RANKING_SCORECARD, progress=False)
        return frame.sort_values("region")["total"].to_numpy(dtype=float)
