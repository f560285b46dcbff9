# SPDX-License-Identifier: MIT
"""The example notebook docs/notebooks/example_region.ipynb runs top to bottom
in a real Jupyter kernel (the ipykernel of this interpreter), without errors."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "docs" / "notebooks" / "example_region.ipynb"


def test_notebook_is_committed_without_outputs():
    # Oracle: the file itself; outputs and execution counts would bloat diffs.
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "the notebook has no code cells"
    dirty = [i for i, c in enumerate(code) if c.outputs or c.execution_count is not None]
    assert not dirty, f"code cells {dirty} have outputs: clear them before committing"
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_notebook_runs_in_a_kernel(tmp_path, monkeypatch):
    # Oracle: every cell runs without an exception (nbclient raises
    # CellExecutionError on the first failing cell), and a final check cell
    # sees the same interpreter and the same healthnet package as this test.
    package_root = str(Path(hn.__file__).resolve().parents[1])
    paths = [package_root, os.environ.get("PYTHONPATH")]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in paths if p))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "import json, sys, healthnet\n"
            "print(json.dumps({'prefix': sys.prefix, 'healthnet': healthnet.__file__}))"
        )
    )
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()

    executed = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in executed)
    errors = [o for c in executed for o in c.outputs if o.output_type == "error"]
    assert not errors
    seen = json.loads(executed[-1].outputs[0]["text"])
    assert Path(seen["prefix"]).resolve() == Path(sys.prefix).resolve()
    assert Path(seen["healthnet"]).resolve() == Path(hn.__file__).resolve()
    # Every section produced output: a cell that silently shows nothing is a
    # sign of a broken step (plots return Axes, tables display).
    silent = [i for i, c in enumerate(executed[:-1]) if not c.outputs]
    assert not silent, f"code cells {silent} produced no output"
