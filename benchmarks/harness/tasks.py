# SPDX-License-Identifier: MIT
"""What is timed: the task list, the sizes each task runs at, and how its
results are judged (see :mod:`harness.agree`)."""

from __future__ import annotations

from dataclasses import dataclass

#: PageRank stopping rule (healthnet's default): healthnet and networkx stop
#: when sum |x - x_prev| < n * tol. NetworKit stops when the L2 norm of the
#: change is below its ``tol``; it gets ``sqrt(n) * tol``, the same rule for a
#: change spread evenly over the actors. igraph (PRPACK) has no knob.
PAGERANK_TOL = 1e-12
#: Damping factor for every PageRank.
PAGERANK_ALPHA = 0.85
#: Seed for Louvain (healthnet, networkx, NetworKit's ``setSeed``, igraph's ``random.seed``).
SEED = 1
#: Regions and size of the ranking task (absorbs the old bench_ranking.py).
RANKING_REGIONS, RANKING_ACTORS, RANKING_TIES = 500, 150, 600
#: Scorecard of the ranking task and of the end-to-end scorecard task.
RANKING_SCORECARD = "niedersachsen"
SCORECARD = "network"


@dataclass(frozen=True)
class Task:
    """One timed operation.

    Attributes
    ----------
    name : str
        Key in results and adapters (``Adapter.t_<name>``).
    label : str
        Row label in the report.
    check : str
        How results are compared, a key of ``harness.agree.CHECKS``.
    sizes : str
        Sizes the task runs at, e.g. ``"SML"``.
    """

    name: str
    label: str
    check: str
    sizes: str = "SML"


TASKS: tuple[Task, ...] = (
    Task("load_csv", "load from CSV", "shape"),
    Task("load_arrays", "load from numpy arrays", "shape"),
    Task("density", "density", "exact"),
    Task("degree", "degree", "exact"),
    Task("components", "connected components", "partition"),
    Task("coreness", "k-core (coreness)", "exact"),
    Task("transitivity", "transitivity (global)", "exact"),
    Task("betweenness", "betweenness (S exact, M/L pivots)", "betweenness"),
    Task("closeness", "closeness", "exact", sizes="S"),
    Task("pagerank", "PageRank", "pagerank"),
    Task("ei_index", "E-I index by sector", "exact"),
    Task("block_density", "block density by sector", "exact"),
    Task("assortativity", "nominal assortativity by sector", "exact"),
    Task("louvain", "Louvain (+ modularity check)", "louvain"),
    Task("profile", "whole profile (hn.profile)", "profile", sizes="S"),
    Task("scorecard", f"scorecard '{SCORECARD}' end to end", "profile"),
    Task("ranking", f"rank {RANKING_REGIONS} regions ('{RANKING_SCORECARD}')", "exact", sizes="S"),
)

TASK_BY_NAME = {t.name: t for t in TASKS}
