# SPDX-License-Identifier: MIT
"""`healthnet report`: HTML, Markdown and JSON from the CLI, checked against the
Python API, and the HTML opened in headless Chromium (no console errors, the
drawing and the scorecard in the DOM, a non-trivial screenshot)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]
EARLIER = ROOT / "examples" / "musterstadt_2022.json"

# Chromium logs console messages as `...:INFO:CONSOLE:12] "message", source: ...`
# (older versions: `CONSOLE(12)`), and uncaught exceptions as "Uncaught ...".
CONSOLE_LINE = re.compile(r"CONSOLE[(:]|Uncaught")


@pytest.fixture(scope="module")
def report_cli() -> str:
    """The healthnet CLI, if it is built and has the report command."""
    path = os.environ.get("HEALTHNET_CLI") or shutil.which("healthnet")
    if not path:
        pytest.skip("the healthnet CLI is not available (set HEALTHNET_CLI to the built binary)")
    r = subprocess.run([path, "report", "--help"], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        pytest.skip(f"the healthnet CLI at {path} has no report command")
    return path


@pytest.fixture(scope="module")
def chromium() -> str:
    """A headless-capable Chromium (Debian package `chromium`)."""
    if os.environ.get("HEALTHNET_SANITIZE"):
        # make sanitize preloads libasan into Python and so into every child;
        # Chromium (not built with ASan) then hangs at start. `make test` runs it.
        pytest.skip("Chromium cannot run with libasan preloaded (HEALTHNET_SANITIZE)")
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (apt-get install chromium)")


def run(cli: str, *args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([cli, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


def open_in_chromium(chromium: str, page: Path, work: Path) -> tuple[str, str, Path]:
    """Loads `page` headless: returns (dumped DOM, stderr of both runs, screenshot path)."""
    common = [
        chromium,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--enable-logging=stderr",
        "--v=0",
        "--no-first-run",
        f"--user-data-dir={work / 'profile'}",
    ]
    shot = work / "report.png"
    screenshot = subprocess.run(
        [*common, f"--screenshot={shot}", "--window-size=1280,4000", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=300,
    )
    dom = subprocess.run([*common, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=300)
    assert dom.returncode == 0, dom.stderr[-2000:]
    return dom.stdout, screenshot.stderr + dom.stderr, shot


def console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE_LINE.search(line)]


def test_report_json_matches_the_python_api(report_cli):
    r = run(report_cli, "report", "--example", "--format", "json", "--lang", "en")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    net = hn.example()
    assert doc["format"] == "healthnet-report"
    assert doc["lang"] == "en"
    assert doc["n_actors"] == net.n_actors
    assert doc["n_ties"] == net.n_ties
    metrics = {m["name"]: m["value"] for m in doc["metrics"]}
    assert metrics["density"] == pytest.approx(hn.density(net), abs=1e-15)
    assert doc["scorecard"]["id"] == "network"
    assert len(doc["scorecard"]["rows"]) > 0
    assert doc["coverage"]["missing"] == list(hn.sector_coverage(net).missing)
    assert sum(doc["coverage"]["actors_per_sector"].values()) == net.n_actors
    assert 0 < len(doc["brokers"]) <= 10
    totals = [b["total"] for b in doc["brokers"]]
    assert totals == sorted(totals, reverse=True)
    assert doc["comparison"] is None


def test_report_comparison_only_with_an_earlier_wave(report_cli):
    without = run(report_cli, "report", "--example", "--format", "md")
    assert without.returncode == 0, without.stderr
    assert "Vergleich mit der früheren Welle" not in without.stdout
    with_earlier = run(report_cli, "report", "--example", "--format", "md", "--earlier", EARLIER)
    assert with_earlier.returncode == 0, with_earlier.stderr
    assert "## 8. Vergleich mit der früheren Welle" in with_earlier.stdout
    joined = len(hn.compare(hn.read_json(EARLIER), hn.example()).joined)
    assert f"| Hinzugekommene Akteure | {joined} |" in with_earlier.stdout


def test_report_output_file_and_refusals(report_cli, tmp_path: Path):
    out = tmp_path / "bericht.md"
    r = run(report_cli, "report", "--example", "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Netzwerkbericht Gesundheitsregion: Landkreis Musterstadt")
    # Never over an input file; the input stays as it was.
    source = tmp_path / "region.json"
    hn.write_json(hn.example(), source)
    before = source.read_bytes()
    r = run(report_cli, "report", source, "--output", source)
    assert r.returncode == 2 and "refusing to write over the input file" in r.stderr
    assert source.read_bytes() == before
    assert run(report_cli, "report", "--example", "--lang", "fr").returncode == 2
    assert run(report_cli, "report", "--example", "--format", "pdf").returncode == 2  # not one of the choices: usage error
    r = run(report_cli, "report", "--example", "--scorecard", tmp_path / "missing.json")
    assert r.returncode == 1 and r.stderr.startswith("healthnet: error:")


def test_console_check_detects_errors(chromium, tmp_path: Path):
    """Control: the console check flags a page with a failing script, so the
    browser test below can fail."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        "<body><script>undefined_function();</script></body></html>",
        encoding="utf-8",
    )
    _, stderr, _ = open_in_chromium(chromium, page, tmp_path)
    assert any("undefined_function" in line for line in console_errors(stderr))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_html_report_in_headless_chromium(report_cli, chromium, tmp_path: Path, lang: str):
    page = tmp_path / f"report-{lang}.html"
    r = run(report_cli, "report", "--example", "--earlier", EARLIER, "--lang", lang, "--output", page)
    assert r.returncode == 0, r.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
    assert "<script" not in html

    dom, stderr, shot = open_in_chromium(chromium, page, tmp_path)
    assert console_errors(stderr) == []
    assert re.search(r'<svg\b[^>]*\bid="network-drawing"', dom)
    assert re.search(r'<table\b[^>]*\bid="scorecard"', dom)
    assert 'id="comparison"' in dom
    # Every actor of the example is one circle of the drawing.
    drawing = dom[dom.index('id="network-drawing"') :]
    drawing = drawing[: drawing.index("</svg>")]
    assert drawing.count("</title></circle>") == hn.example().n_actors
    assert shot.is_file()
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000



def test_python_report_api(tmp_path):
    # Oracle: the scorecard total and the wave comparison computed separately
    # through hn.Scorecard and hn.compare.
    net, earlier = hn.example(), hn.example("2022")
    doc = json.loads(hn.report(net, scorecard="niedersachsen", earlier=earlier, lang="en", format="json"))
    assert doc["scorecard"]["id"] == "niedersachsen"
    assert doc["scorecard"]["total"] == pytest.approx(hn.Scorecard.load("niedersachsen").evaluate(net).total)
    assert sorted(doc["comparison"]["joined"]) == sorted(hn.compare(earlier, net).joined)
    assert "comparison" not in json.loads(hn.report(net, format="json")) or not json.loads(
        hn.report(net, format="json")
    )["comparison"]
    out = tmp_path / "r.html"
    html_text = hn.report(net, out, earlier=earlier, lang="de")
    assert out.read_text(encoding="utf-8") == html_text
    assert 'id="network-drawing"' in html_text and 'id="scorecard"' in html_text
    assert list(tmp_path.iterdir()) == [out]
    with pytest.raises(ValueError, match="supported: html, md, json"):
        hn.report(net, format="pdf")
