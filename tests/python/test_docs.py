# SPDX-License-Identifier: MIT
"""The documentation site: the metrics page covers every metric, and the
Sphinx build (``make docs``) passes with warnings as errors.

The build needs Sphinx with breathe, myst-nb and furo (requirements-dev.txt),
doxygen (the Makefile's Debian packages), the built CLI (``$HEALTHNET_CLI``)
and a Jupyter kernel for the example notebook; it is skipped only when Sphinx
itself is not installed.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import healthnet as hn
from healthnet import _centrality, _cohesion, _components, _metrics, _sectors

ROOT = Path(__file__).resolve().parents[2]
METRICS_PAGE = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")

# The modules whose public functions are metrics (docs/metrics.md documents each).
METRIC_MODULES = [_metrics, _centrality, _cohesion, _components, _sectors]


def public_metric_functions() -> list[str]:
    names = set()
    for module in METRIC_MODULES:
        public = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
        names.update(n for n in public if inspect.isfunction(getattr(module, n)) and n in hn.__all__)
    return sorted(names)


def test_metrics_page_names_every_registry_metric():
    # Oracle: the registry itself (hn.metrics(), include/healthnet/metric_registry.hpp).
    missing = [name for name in hn.metrics().index if f"`{name}`" not in METRICS_PAGE]
    assert not missing, f"docs/metrics.md does not name the registry metrics {missing}"


def test_metrics_page_links_every_public_metric_function():
    # Oracle: healthnet.__all__ restricted to the metric modules.
    functions = public_metric_functions()
    assert "betweenness" in functions and "sector_coverage" in functions
    missing = [name for name in functions if f"{{py:func}}`healthnet.{name}`" not in METRICS_PAGE]
    assert not missing, f"docs/metrics.md does not document {missing}"


def test_metrics_page_math_is_balanced():
    # Oracle: MyST dollarmath; an odd number of `$` in a paragraph (outside
    # code and display math) swallows the rest of it into a formula.
    text = re.sub(r"```.*?```|\$\$.*?\$\$", "", METRICS_PAGE, flags=re.S)
    for paragraph in re.split(r"\n\s*\n", text):
        assert re.sub(r"`[^`]*`", "", paragraph).count("$") % 2 == 0, f"unbalanced $ in: {paragraph[:200]}"


def cpp_blocks() -> list[str]:
    text = (ROOT / "docs" / "cpp_guide.md").read_text(encoding="utf-8")
    return re.findall(r"```cpp\n(.*?)```", text, flags=re.S)


@pytest.fixture(scope="module")
def compile_cpp(cli, tmp_path_factory):
    """Compiles a program against the headers and the static library next to the built CLI."""
    library = Path(cli).resolve().parent / "libhealthnet.a"
    compiler = shutil.which(os.environ.get("CXX", "c++"))
    if not library.is_file() or compiler is None:
        pytest.skip("needs a CMake build tree (libhealthnet.a next to $HEALTHNET_CLI) and a C++ compiler")
    out = tmp_path_factory.mktemp("cpp")

    def build(source: str, name: str) -> Path:
        (out / f"{name}.cpp").write_text(source, encoding="utf-8")
        exe = out / name
        command = [compiler, "-std=c++20", "-O0", "-I", str(ROOT / "include"), str(out / f"{name}.cpp"),
                   str(library), "-o", str(exe)]
        if os.environ.get("HEALTHNET_SANITIZE"):  # make sanitize: the library is built with ASan + UBSan
            command.append("-fsanitize=address,undefined")
        done = subprocess.run(command, capture_output=True, text=True)
        assert done.returncode == 0, f"docs/cpp_guide.md: {name} does not compile:\n{done.stderr[-4000:]}"
        return exe

    return build


def test_cpp_guide_metrics_example_runs(compile_cpp):
    # Oracle: the program's own output on the example region, checked against
    # the Python package (same C++ core) for the density and the scorecard.
    blocks = cpp_blocks()
    assert len(blocks) == 2, "docs/cpp_guide.md should hold the metrics and the error handling programs"
    run = subprocess.run([compile_cpp(blocks[0], "metrics")], capture_output=True, text=True, check=True)
    net = hn.example()
    assert f"density {hn.density(net):.4f}" in run.stdout
    total = hn.Scorecard.load("niedersachsen").evaluate(net).total
    assert f"niedersachsen: {total:.1f} / 100" in run.stdout


def test_cpp_guide_error_example_reports_bad_input(compile_cpp, tmp_path):
    # Oracle: hand-made inputs: a valid region (exit 0), a negative weight
    # (invalid_input naming file and field, exit 1), a missing file
    # (file_error, exit 1).
    exe = compile_cpp(cpp_blocks()[1], "errors")
    ok = subprocess.run([exe, str(ROOT / "examples" / "musterstadt.json")], capture_output=True, text=True)
    assert ok.returncode == 0 and "public health office" in ok.stdout, ok.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"actors": [{"id": "a"}, {"id": "b"}],\n'
                   ' "ties": [{"source": "a", "target": "b", "weight": -1}]}')
    run = subprocess.run([exe, str(bad)], capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.startswith(f"bad input in {bad}, line 2, field ties[0].weight"), run.stderr
    missing = subprocess.run([exe, str(tmp_path / "missing.json")], capture_output=True, text=True)
    assert missing.returncode == 1 and "missing.json" in missing.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory, cli):
    if importlib.util.find_spec("sphinx") is None:
        pytest.skip("sphinx is not installed (pip install -r requirements-dev.txt)")
    out = tmp_path_factory.mktemp("docs")
    package_root = str(Path(hn.__file__).resolve().parents[1])
    env = dict(os.environ, HEALTHNET_CLI=cli)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         "-d", str(out / "doctrees"), str(ROOT / "docs"), str(out / "site")],
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, f"sphinx failed:\n{done.stderr[-6000:]}"
    return out / "site"


def test_site_builds_without_warnings(site):
    # Oracle: sphinx -W (any warning is an error, checked in the fixture) and
    # the pages of the user guide and the reference exist.
    for page in ["index", "getting_started", "format", "metrics", "scoring", "cpp_guide", "cli",
                 "notebooks/example_region", "api/python", "api/cpp"]:
        assert (site / f"{page}.html").is_file(), page


def test_python_api_documents_every_public_name(site):
    # Oracle: healthnet.__all__; autodoc gives every documented object the
    # HTML id "healthnet.<name>".
    html = (site / "api" / "python.html").read_text(encoding="utf-8")
    missing = [n for n in hn.__all__ if not n.startswith("__") and f'id="healthnet.{n}"' not in html]
    assert not missing, f"the Python API page lacks {missing}"
    if importlib.util.find_spec("matplotlib") is not None:
        plots = importlib.import_module("healthnet.plot").__all__
        missing = [n for n in plots if f'id="healthnet.plot.{n}"' not in html]
        assert not missing, f"the Python API page lacks healthnet.plot.{missing}"


def test_cpp_api_documents_every_header(site):
    # Oracle: the headers in include/healthnet and one function per topic.
    html = (site / "api" / "cpp.html").read_text(encoding="utf-8")
    for header in sorted((ROOT / "include" / "healthnet").glob("*.hpp")):
        assert f"healthnet/{header.name}" in html, header.name
    for function in ["betweenness", "ei_index", "read_json", "evaluate"]:
        assert f"_CPPv4N9healthnet{len(function)}{function}" in html, function


def test_cli_page_shows_the_real_help(site, cli):
    # Oracle: the CLI's own --help output, which conf.py pastes into the page.
    html = (site / "cli.html").read_text(encoding="utf-8")
    for command in ["validate", "metrics", "score", "compare", "report", "convert", "symmetrize"]:
        usage = subprocess.run([cli, command, "--help"], capture_output=True, text=True, check=True).stdout
        first = usage.splitlines()[0].replace("<", "&lt;").replace(">", "&gt;")
        assert first in html, command
