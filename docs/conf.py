# SPDX-License-Identifier: MIT
"""Sphinx configuration of the healthnet documentation site.

Build it with ``make docs`` (warnings are errors). The Python API is read
from the built package, so ``healthnet`` must be importable (``make docs``
sets PYTHONPATH to the build tree). The C++ API comes from Doxygen XML,
generated at the start of every build from ``docs/Doxyfile`` into the
doctree directory (next to Sphinx's own caches), so the site never shows
stale headers.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

import healthnet

ROOT = Path(__file__).resolve().parents[1]

project = "healthnet"
author = "healthnet contributors"
copyright = "healthnet contributors, MIT licence"
release = healthnet.__version__
version = release

extensions = [
    "myst_nb",  # MyST markdown pages and the example notebook
    "breathe",  # C++ API from Doxygen XML
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",  # numpydoc-style docstrings
    "sphinx.ext.mathjax",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
# cpp_mainpage.md is Doxygen's main page, not a site page.
exclude_patterns = ["cpp_mainpage.md", "**.ipynb_checkpoints"]

# ---- MyST ------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

# ---- notebooks: executed at build time; any error or stderr fails the build -
# (HEALTHNET_DOCS_EXECUTE=off renders them without outputs, for quick drafts).
nb_execution_mode = os.environ.get("HEALTHNET_DOCS_EXECUTE", "force")
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_output_stderr = "warn"

# ---- Python API ------------------------------------------------------------
autodoc_default_options = {"members": True, "undoc-members": False}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autosummary_generate = False
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_ivar = True  # dataclass "Attributes" as fields, not duplicate entries
napoleon_use_rtype = False

# ---- C++ API (breathe) -----------------------------------------------------
breathe_default_project = "healthnet"
breathe_projects: dict[str, str] = {}
breathe_domain_by_extension = {"hpp": "cpp"}
breathe_default_members = ("members",)
cpp_index_common_prefix = ["healthnet::"]

# ---- HTML --------------------------------------------------------------------
html_theme = "furo"
html_title = f"healthnet {release}"
html_static_path: list[str] = []
html_copy_source = False


def _run_doxygen(app) -> None:
    """Runs Doxygen (XML only, warnings are errors) and points breathe at it."""
    doxygen = shutil.which("doxygen")
    if doxygen is None:
        raise RuntimeError("doxygen is not installed (make deps installs it)")
    out = Path(app.doctreedir) / "doxygen"
    out.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "docs" / "Doxyfile").read_text(encoding="utf-8")
    config += f'\nOUTPUT_DIRECTORY = "{out}"\nGENERATE_HTML = NO\nGENERATE_XML = YES\n'
    done = subprocess.run([doxygen, "-"], input=config, cwd=ROOT, text=True, capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"doxygen failed:\n{done.stderr}{done.stdout}")
    app.config.breathe_projects = {"healthnet": str(out / "xml")}


# ---- API pages generated from the package and the headers --------------------
# Sections of the Python API page, by the module that defines a public name.
# A name from a module not listed here lands under "Other", so a new public
# name is never left out (tests/python/test_docs.py checks the page).
PYTHON_SECTIONS = [
    ("Networks", ["healthnet._core", "healthnet._display"]),
    ("Reading, writing and example data", ["healthnet._io", "healthnet._arrays"]),
    ("pandas, networkx and igraph", ["healthnet._interop"]),
    ("Excel and survey exports", ["healthnet._excel", "healthnet._survey"]),
    ("Size, density and degree", ["healthnet._metrics"]),
    ("Centrality and centralization", ["healthnet._centrality"]),
    ("Cohesion and structural holes", ["healthnet._cohesion"]),
    ("Components, cut points and reach", ["healthnet._components"]),
    ("Sectors, groups and communities", ["healthnet._sectors"]),
    ("Scorecards and reports", ["healthnet._scoring"]),
    ("Comparing waves", ["healthnet._compare"]),
    ("Survey response and symmetrisation", ["healthnet._response", "healthnet._warnings"]),
    ("Trust and value", ["healthnet._quality"]),
]

# Sections of the C++ API page: headers of include/healthnet/ by topic. A
# header not listed lands under "Other headers".
CPP_SECTIONS = [
    ("Domain model", ["network", "actor", "tie", "body", "region", "taxonomy", "attributes",
                      "analysis_view", "boost_graph"]),
    ("Errors and version", ["error", "version", "fwd", "healthnet"]),
    ("Reading, writing and example data", ["io", "example"]),
    ("Size, degree and composition", ["density", "degree", "composition"]),
    ("Survey response and symmetrisation", ["response", "symmetrize", "relationship_quality"]),
    ("Cohesion, centrality and components", ["cohesion", "centrality", "components", "reach",
                                             "structural_holes"]),
    ("Sectors and groups", ["groups", "coverage", "ei_index", "block_density", "assortativity", "brokerage",
                            "multiplexity", "sector_bridges", "communities"]),
    ("Evaluation", ["metric_registry", "profile", "scorecard", "compare"]),
    ("Reports and drawings (target healthnet::report)", ["layout", "svg", "report"]),
]


def _public_python_names() -> list[tuple[str, list[str]]]:
    """healthnet.__all__ grouped into PYTHON_SECTIONS, in __all__ order."""
    sections = {title: [] for title, _ in PYTHON_SECTIONS}
    sections["Other"] = []
    where = {module: title for title, modules in PYTHON_SECTIONS for module in modules}
    for name in healthnet.__all__:
        if name.startswith("__"):
            continue  # __version__: named in the page text
        module = getattr(getattr(healthnet, name), "__module__", None)
        sections[where.get(module, "Other")].append(name)
    return [(title, names) for title, names in sections.items() if names]


def _python_api_text() -> str:
    out = []
    for title, names in _public_python_names():
        out.append(f"## {title}\n")
        out.append("```{eval-rst}")
        out.append(".. currentmodule:: healthnet\n")
        out.append(".. autosummary::\n")
        out.extend(f"   {name}" for name in names)
        out.append("")
        for name in names:
            kind = "autoclass" if isinstance(getattr(healthnet, name), type) else "autofunction"
            out.append(f".. {kind}:: {name}")
            if kind == "autoclass":
                out.append("   :members:")
            out.append("")
        out.append("```\n")
    try:
        importlib.import_module("healthnet.plot")  # optional: needs matplotlib
    except ImportError:
        pass
    else:
        out.append("## Plots: `healthnet.plot`\n")
        out.append("```{eval-rst}")
        out.append(".. automodule:: healthnet.plot")
        out.append("   :members:")
        out.append("```\n")
    return "\n".join(out)


def _cpp_api_text() -> str:
    headers = sorted(p.stem for p in (ROOT / "include" / "healthnet").glob("*.hpp"))
    listed = {h for _, group in CPP_SECTIONS for h in group}
    sections = [(title, [h for h in group if h in headers]) for title, group in CPP_SECTIONS]
    sections.append(("Other headers", [h for h in headers if h not in listed]))
    out = []
    for title, group in sections:
        if not group:
            continue
        out.append(f"## {title}\n")
        for header in group:
            out.append(f"### `healthnet/{header}.hpp`\n")
            out.append(f"```{{doxygenfile}} {header}.hpp\n```\n")
    return "\n".join(out)


API_MARKER = "<!-- generated: the API entries follow -->"


CLI_HELP = re.compile(r"<!-- cli-help:\s*([a-z]*)\s*-->")


def _cli_help(match: re.Match) -> str:
    """The real `healthnet [command] --help` text, as a code block."""
    cli = os.environ.get("HEALTHNET_CLI") or shutil.which("healthnet")
    if not cli:
        raise RuntimeError("the healthnet CLI is needed for docs/cli.md: build it and set HEALTHNET_CLI")
    args = [cli] + ([match.group(1)] if match.group(1) else []) + ["--help"]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return "```text\n" + done.stdout.rstrip() + "\n```"


def _fill_generated(app, docname: str, source: list[str]) -> None:
    if docname == "api/python":
        source[0] = source[0].replace(API_MARKER, _python_api_text())
    elif docname == "api/cpp":
        source[0] = source[0].replace(API_MARKER, _cpp_api_text())
    elif docname == "cli":
        source[0] = CLI_HELP.sub(_cli_help, source[0])


def _tidy_signature(app, what, name, obj, options, signature, return_annotation):
    """pybind11 signatures: drop ``self: ...`` and show public class names
    (``healthnet.Network``, not ``healthnet._core.Network``)."""
    if signature:
        signature = re.sub(r"^\(self\b(: [\w.]+)?(, )?", "(", signature)
        signature = signature.replace("healthnet._core.", "healthnet.")
    if return_annotation:
        return_annotation = return_annotation.replace("healthnet._core.", "healthnet.")
    return signature, return_annotation


class _SameNamespaceFilter(logging.Filter):
    """Drops the one expected duplicate: ``namespace healthnet``, declared
    again by every header's ``doxygenfile`` block. Other duplicates still
    fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        duplicate = str(record.msg).startswith("Duplicate C++ declaration")
        # breathe declares the namespace as `.. cpp:type:: healthnet`
        return not (duplicate and tuple(record.args or ())[2:] == ("type", "healthnet"))


def setup(app):
    logging.getLogger("sphinx.sphinx.domains.cpp").addFilter(_SameNamespaceFilter())
    app.connect("builder-inited", _run_doxygen)
    app.connect("source-read", _fill_generated)
    app.connect("autodoc-process-signature", _tidy_signature)
