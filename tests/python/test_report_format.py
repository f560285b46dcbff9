# SPDX-License-Identifier: MIT
"""The report format is chosen in one place (healthnet::report_format_for) for
the CLI and Python. Oracle: the first characters of each format ("<!DOCTYPE
html", a Markdown heading "# ", a JSON object "{") and the documented list of
extensions."""

from __future__ import annotations

import json
import subprocess

import pytest

import healthnet as hn

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples"


def kind_of(text: str) -> str:
    if text.lstrip().lower().startswith("<!doctype html"):
        return "html"
    if text.startswith("{"):
        json.loads(text)
        return "json"
    assert text.startswith("# "), text[:40]
    return "md"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("r.html", "html"), ("r.HTM", "html"), ("r.md", "md"), ("r.markdown", "md"), ("r.MarkDown", "md"), ("r.json", "json")],
)
def test_python_and_cli_write_the_format_of_the_extension(tmp_path, cli, name, kind):
    net = hn.example()
    hn.report(net, tmp_path / name, lang="en")
    assert kind_of((tmp_path / name).read_text(encoding="utf-8")) == kind
    out = tmp_path / ("cli-" + name)
    done = subprocess.run([cli, "report", "--example", "-o", str(out), "--lang", "en"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert kind_of(out.read_text(encoding="utf-8")) == kind


@pytest.mark.parametrize("name", ["bericht.pdf", "x.docx", "r.html.txt", "R.PDF"])
def test_unsupported_extensions_are_refused_everywhere(tmp_path, cli, name):
    net = hn.example()
    with pytest.raises(ValueError, match=r"\.html, \.htm, \.md, \.markdown, \.json"):
        hn.report(net, tmp_path / name)
    done = subprocess.run([cli, "report", "--example", "-o", str(tmp_path / name)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "supported: .html, .htm, .md, .markdown, .json" in done.stderr
    assert not (tmp_path / name).exists()


def test_an_explicit_format_wins_and_bad_ones_are_refused(tmp_path):
    net = hn.example()
    assert kind_of(hn.report(net, tmp_path / "x.txt", format="markdown")) == "md"
    with pytest.raises(ValueError, match="supported: html, md, json"):
        hn.report(net, format="pdf")
    assert kind_of(hn.report(net)) == "html"  # no path: HTML text
    assert kind_of(hn.report(net, tmp_path / "report")) == "html"  # no extension (a device, a FIFO)
