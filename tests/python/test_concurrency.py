# SPDX-License-Identifier: MIT
"""Metrics called from several Python threads: equal results, and the GIL is released.

Oracle for the results: the same calls made sequentially. The GIL check
counts the iterations a pure-Python loop in the main thread makes while a
worker thread is inside a healthnet call. The switch interval is raised to
1000 s for the test, so a thread holding the GIL is never forced to give it
up: if the call kept the GIL, the main thread could not run a single
iteration until it returned (count 0); released, the loop runs freely.
"""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

import healthnet as hn


@pytest.fixture(scope="module")
def region() -> hn.Network:
    return hn.synthetic_region(1000, 5000, seed=3, weighted=True)


@pytest.fixture(scope="module")
def directed_region() -> hn.Network:
    return hn.synthetic_region(800, 4000, seed=4, weighted=True, directed=True)


def heavy_calls(net: hn.Network, card: hn.Scorecard) -> dict:
    return {
        "betweenness": lambda: hn.betweenness(net),
        "closeness": lambda: hn.closeness(net),
        "harmonic_closeness": lambda: hn.harmonic_closeness(net, weighted=True),
        "transitivity": lambda: hn.transitivity(net),
        "components": lambda: hn.connected_components(net),
        "core_number": lambda: hn.core_number(net),
        "constraint": lambda: hn.constraint(net),
        "ei_index": lambda: hn.ei_index(net, permutations=300, seed=5).ei,
        "brokerage": lambda: hn.brokerage(net, by="sector"),
        "louvain": lambda: hn.louvain(net, seed=2),
        "profile": lambda: hn.profile(net),
        "scorecard": lambda: card.evaluate(net).total,
        "to_json": lambda: hn.to_json(net),
    }


def equal(a, b) -> bool:
    if isinstance(a, (pd.Series, pd.DataFrame)):
        return a.equals(b)
    if isinstance(a, float):
        return a == b or (np.isnan(a) and np.isnan(b))
    return a == b


@pytest.mark.parametrize("which", ["region", "directed_region"])
def test_threads_give_the_sequential_results(which, request):
    """Thirteen metrics, each twice, on one network from 4 threads at once: equal to sequential calls."""
    card = hn.Scorecard.load("niedersachsen")
    # A fresh copy without a cached view, so that the threads race on building it.
    net = hn.from_json(hn.to_json(request.getfixturevalue(which)))
    calls = heavy_calls(net, card)
    names = list(calls) * 2
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(calls[name]) for name in names]
        parallel = [f.result() for f in futures]
    for name, got in zip(names, parallel):
        assert equal(got, calls[name]()), name


def progress_during(call) -> tuple[int, object]:
    """Iterations of a Python loop in this thread while `call` runs in another thread."""
    state = {"inside": False, "result": None}

    def worker():
        state["inside"] = True
        state["result"] = call()
        state["inside"] = False

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        count = loops = 0
        while thread.is_alive():
            loops += 1
            if state["inside"]:
                count += 1
            if loops % 256 == 0:
                time.sleep(1e-6)  # hand the GIL back, so the worker can finish its Python part
        thread.join()
    finally:
        sys.setswitchinterval(old)
    return count, state["result"]


@pytest.mark.parametrize(
    "name",
    [
        "betweenness",
        "weighted_betweenness",
        "closeness",
        "harmonic_closeness",
        "ei_index",
        "profile",
        "to_json",
        "read_json",
        "write_json",
        "compare",
        "rank",
    ],
)
def test_long_calls_release_the_gil(name, region, tmp_path):
    """While a long healthnet call runs in a thread, a pure-Python loop here keeps counting."""
    path = tmp_path / "region.json"
    hn.write_json(region, path)
    later = hn.synthetic_region(1000, 5200, seed=3, weighted=True)
    calls = {
        "betweenness": lambda: hn.betweenness(region),
        "weighted_betweenness": lambda: hn.betweenness(region, weighted=True),
        "closeness": lambda: [hn.closeness(region) for _ in range(4)],
        "harmonic_closeness": lambda: [hn.harmonic_closeness(region) for _ in range(4)],
        "ei_index": lambda: hn.ei_index(region, permutations=3000, seed=1),
        "profile": lambda: hn.profile(region),
        "to_json": lambda: [hn.to_json(region) for _ in range(4)],
        "read_json": lambda: [hn.read_json(path) for _ in range(4)],
        "write_json": lambda: [hn.write_json(region, tmp_path / f"out{i}.json") for i in range(4)],
        "compare": lambda: hn.compare(region, later),
        "rank": lambda: hn.rank([region, later] * 20, "niedersachsen", progress=False),
    }
    count, result = progress_during(calls[name])
    assert result is not None or name == "write_json"
    # Holding the GIL gives 0; the calls take tens of milliseconds or more,
    # in which an unhindered loop makes hundreds of thousands of iterations.
    assert count > 1000, f"{name}: only {count} iterations of the main thread during the call"


def test_progress_counter_detects_a_held_gil():
    """The method itself: a call that holds the GIL (pure Python) lets the main loop make no progress."""

    def python_busy():
        total = 0
        for i in range(3_000_000):
            total += i
        return total

    count, result = progress_during(python_busy)
    assert result == sum(range(3_000_000))
    assert count == 0
