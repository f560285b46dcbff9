# SPDX-License-Identifier: MIT
"""Shared fixtures: generated graphs for cross-checking against networkx."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import networkx as nx
import pytest

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]


def random_graph(n: int, p: float, directed: bool, seed: int, weighted: bool = False, isolates: int = 0):
    """A networkx G(n, p) graph (plus extra isolates) with sectors and weights."""
    g = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = random.Random(seed)
    sectors = ["outpatient_care", "inpatient_care", "nursing_care", "municipality"]
    for v in list(g.nodes):
        g.nodes[v]["sector"] = rng.choice(sectors)
    for k in range(isolates):
        g.add_node(n + k, sector=rng.choice(sectors))
    for u, v in g.edges:
        g.edges[u, v]["weight"] = float(rng.randint(1, 5)) if weighted else 1.0
    return g


def to_healthnet(g) -> hn.Network:
    """The same graph as a healthnet Network (ids are the node labels as str)."""
    net = hn.Network(directed=g.is_directed())
    for v, data in g.nodes(data=True):
        net.add_actor(str(v), sectors=[data["sector"]])
    for u, v, data in g.edges(data=True):
        net.add_tie(str(u), str(v), weight=data.get("weight", 1.0))
    return net


# Five generated graphs: directed and undirected, weighted, with isolates,
# with several components.
GRAPH_CASES = {
    "undirected": dict(n=40, p=0.1, directed=False, seed=1),
    "directed": dict(n=40, p=0.08, directed=True, seed=2),
    "weighted": dict(n=30, p=0.2, directed=False, seed=3, weighted=True),
    "isolates": dict(n=25, p=0.1, directed=True, seed=4, weighted=True, isolates=5),
    "components": dict(n=60, p=0.02, directed=False, seed=5, isolates=2),
}


@pytest.fixture(params=sorted(GRAPH_CASES))
def graph_pair(request):
    g = random_graph(**GRAPH_CASES[request.param])
    return g, to_healthnet(g)


@pytest.fixture(scope="session")
def cli() -> str:
    """Path of the healthnet command line tool."""
    path = os.environ.get("HEALTHNET_CLI") or shutil.which("healthnet")
    if not path:
        pytest.fail("the healthnet CLI is not built (set HEALTHNET_CLI)")
    return path
