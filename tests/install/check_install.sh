#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The package as users get it: `pip install .` into a fresh venv in a temp
# dir, then, from a directory outside the source tree, import healthnet (it
# must come from the new venv), run the `healthnet` CLI, and execute the
# example notebook in a Jupyter kernel of that venv.
#
#   bash tests/install/check_install.sh        (or: make check-install)
#
# Needs network access to PyPI (build requirements and dependencies), a C++20
# compiler, Boost.Graph, nlohmann/json and expat (the Makefile's Debian packages).
# PYTHON picks the interpreter (default python3); KEEP=1 keeps the temp dir.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/healthnet-install.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV  # nothing may leak in from a dev environment

step() { printf '\n== %s\n' "$*"; }
elapsed() { echo "   ($(( $(date +%s) - $1 )) s)"; }
fail() { echo "check-install: $*" >&2; exit 1; }

start=$(date +%s)

step "fresh venv in $WORK/venv ($("$PYTHON" --version))"
t=$(date +%s)
"$PYTHON" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
"$VPY" -m pip install -q --upgrade pip
elapsed "$t"

step "pip install $ROOT[plot] plus the notebook's needs"
t=$(date +%s)
# build-dir: a fresh CMake tree outside the source tree (pyproject's default is build/wheel-*).
"$VPY" -m pip install -q --config-settings=build-dir="$WORK/cmake-build" "$ROOT[plot]" \
  nbclient nbformat ipykernel networkx igraph
install_seconds=$(( $(date +%s) - t ))
elapsed "$t"

mkdir -p "$WORK/run"
cd "$WORK/run"   # outside the source tree: `import healthnet` must not find python/healthnet

step "import healthnet"
"$VPY" - "$WORK/venv" "$ROOT" <<'EOF'
import sys
from pathlib import Path

import healthnet as hn

venv, root = (Path(p).resolve() for p in sys.argv[1:3])
where = Path(hn.__file__).resolve()
print(f"healthnet {hn.__version__} from {where}")
if venv not in where.parents:
    sys.exit(f"healthnet was imported from {where}, not from the new venv {venv}")
if root in where.parents:
    sys.exit(f"healthnet was imported from the source tree: {where}")
net = hn.example()
assert net.n_actors == 121, net.n_actors
EOF

step "healthnet metrics --example"
cli="$(PATH="$WORK/venv/bin:$PATH" command -v healthnet)"
[ "$cli" = "$WORK/venv/bin/healthnet" ] || fail "the healthnet command is $cli, not the venv's"
"$cli" metrics --example > metrics.txt
head -n 5 metrics.txt
grep -Eq "^n_actors +121$" metrics.txt || fail "healthnet metrics --example did not print n_actors 121"

step "the example notebook in a kernel of the new venv"
t=$(date +%s)
PATH="$WORK/venv/bin:$PATH" "$VPY" - "$ROOT/docs/notebooks/example_region.ipynb" "$WORK/venv" <<'EOF'
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

notebook, venv = sys.argv[1], Path(sys.argv[2]).resolve()
nb = nbformat.read(notebook, as_version=4)
nb.cells.append(nbformat.v4.new_code_cell("import json, sys, healthnet\nprint(json.dumps([sys.prefix, healthnet.__file__]))"))
NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
prefix, package = json.loads(nb.cells[-1].outputs[0]["text"])
if Path(prefix).resolve() != venv or venv not in Path(package).resolve().parents:
    sys.exit(f"the kernel ran {prefix} with healthnet from {package}, not the new venv {venv}")
cells = sum(c.cell_type == "code" for c in nb.cells) - 1
print(f"{cells} code cells ran without errors")
EOF
elapsed "$t"

echo
echo "check-install: ok in $(( $(date +%s) - start )) s (pip install: ${install_seconds} s)"
