# SPDX-License-Identifier: MIT
"""The shipped type stubs match the built extension (regenerate with `make stubs`)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_stub_is_current(tmp_path: Path):
    subprocess.run(
        [sys.executable, "-m", "pybind11_stubgen", "healthnet._core", "-o", str(tmp_path), "--numpy-array-use-type-var"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    generated = (tmp_path / "healthnet" / "_core.pyi").read_text()
    shipped = (ROOT / "python" / "healthnet" / "_core.pyi").read_text()
    assert generated == shipped, "python/healthnet/_core.pyi is stale: run `make stubs`"


def test_package_is_typed():
    assert (ROOT / "python" / "healthnet" / "py.typed").exists()
