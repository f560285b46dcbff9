# SPDX-License-Identifier: MIT
"""Respondents: the flag in the model, readers, frames and conversions; the
response rate; density and reciprocity with a missing-data policy.

Oracles: hand-computed values on the networks drawn in
tests/data/missing/README.md, stored in tests/data/missing/expected.csv
(tests/r/make_missing_fixtures.R writes the same file with R sna gden and
grecip on the adjacency matrix with NA rows; R was not installed here), and
pandas for the frame dtypes.
"""

from __future__ import annotations

import csv
import json
import math
import subprocess
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import healthnet as hn

DATA = Path(__file__).resolve().parents[1] / "data" / "missing"
with open(DATA / "expected.csv", newline="") as f:
    EXPECTED = {row["quantity"]: float(row["value"]) for row in csv.DictReader(f)}


@pytest.fixture
def net() -> hn.Network:
    # a, b, c respondents; d non-respondent; e unknown (README.md of the fixtures).
    return hn.read_json(DATA / "nonresponse.json")


# ---- the flag ---------------------------------------------------------------------


def test_actor_respondent_is_true_false_or_none(net):
    assert [net.actor(i).respondent for i in "abcde"] == [True, True, True, False, None]
    a = hn.Actor("x", respondent=False)
    assert a.respondent is False
    a.respondent = None
    assert a.respondent is None
    with pytest.raises(TypeError):
        hn.Actor("y", respondent="vielleicht")


def test_add_actor_takes_the_flag():
    g = hn.Network(directed=True)
    g.add_actor("a", respondent=True)
    assert g.actor("a").respondent is True


def test_json_and_graphml_round_trip(net, tmp_path):
    # Oracle: the written text itself (JSON true/false, GraphML boolean key) and equality after reading back.
    text = hn.to_json(net)
    actors = json.loads(text)["actors"]
    assert [a.get("respondent") for a in actors] == [True, True, True, False, None]
    assert "respondent" not in actors[4]  # unknown: left out
    assert hn.from_json(text) == net
    path = tmp_path / "n.graphml"
    hn.write_graphml(net, path)
    assert 'attr.name="respondent" attr.type="boolean"' in path.read_text()
    assert hn.read_graphml(path) == net


def test_json_rejects_vielleicht(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"actors": [{"id": "a"},\n {"id": "b", "respondent": "vielleicht"}]}')
    message = r"bad\.json:2: actors\[1\]\.respondent: expected a boolean, found a string"
    with pytest.raises(ValueError, match=message):
        hn.read_json(path)


def test_graphml_rejects_vielleicht(tmp_path):
    path = tmp_path / "bad.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '<key id="r" for="node" attr.name="respondent" attr.type="boolean"/>\n'
        '<graph edgedefault="directed">\n'
        '<node id="a"><data key="r">vielleicht</data></node>\n'
        "</graph></graphml>\n"
    )
    with pytest.raises(ValueError, match=r"bad\.graphml:4: key 'r': not a respondent flag: 'vielleicht'"):
        hn.read_graphml(path)


# ---- frames and conversions -----------------------------------------------------------


def test_actors_frame_has_a_nullable_boolean_column(net):
    frame = net.actors_frame()
    assert str(frame["respondent"].dtype) == "boolean"
    assert frame["respondent"].tolist()[:4] == [True, True, True, False]
    assert frame["respondent"].isna().tolist() == [False, False, False, False, True]
    # without any flag, no column
    assert "respondent" not in hn.read_json(DATA / "symmetrize.json").actors_frame().columns


def test_from_pandas_round_trip(net):
    again = hn.from_pandas(net.actors_frame(), net.ties_frame(), directed=True)
    assert again == net


@pytest.mark.parametrize(
    "cell, flag",
    [
        (True, True), (False, False), (1, True), (0, False), ("ja", True), ("Nein", False), ("yes", True),
        ("no", False), (" TRUE ", True), ("false", False), ("", None), (None, None), (np.nan, None),
        (pd.NA, None),
    ],
)
def test_from_pandas_reads_flag_values(cell, flag):
    actors = pd.DataFrame({"id": ["a"], "answered": pd.Series([cell], dtype=object)})
    g = hn.from_pandas(actors, None, respondent="answered")
    assert g.actor("a").respondent is flag
    assert "answered" not in g.actor("a").attributes


def test_from_pandas_rejects_vielleicht_naming_row_and_column():
    actors = pd.DataFrame({"id": ["a", "b"], "respondent": ["ja", "vielleicht"]})
    message = r"actors row 1 \(index 1\): column 'respondent': not a respondent flag: 'vielleicht'"
    with pytest.raises(ValueError, match=message):
        hn.from_pandas(actors)


def test_from_pandas_respondent_none_keeps_an_attribute():
    actors = pd.DataFrame({"id": ["a"], "respondent": ["vielleicht"]})
    g = hn.from_pandas(actors, respondent=None)
    assert g.actor("a").respondent is None and g.actor("a").attributes == {"respondent": "vielleicht"}


def test_networkx_and_igraph_carry_the_flag(net):
    g = hn.to_networkx(net)
    assert g.nodes["d"]["respondent"] is False and "respondent" not in g.nodes["e"]
    assert hn.from_networkx(g) == net
    ig = pytest.importorskip("igraph")
    h = hn.to_igraph(net)
    assert h.vs["respondent"] == [True, True, True, False, None]
    assert hn.from_igraph(h) == net
    assert isinstance(h, ig.Graph)


# ---- response rate ------------------------------------------------------------------


def test_response_rate(net):
    # Oracle: hand count, 3 respondents / (3 + 1).
    r = hn.response_rate(net)
    assert (r.respondents, r.nonrespondents, r.unknown) == (3, 1, 1)
    assert r.rate == 0.75 and r.known
    assert r.nonrespondent_ids == ["d"]


def test_response_rate_without_status_is_nan_not_zero():
    g = hn.Network()
    g.add_actor("a")
    r = hn.response_rate(g)
    assert math.isnan(r.rate) and not r.known and r.unknown == 1


def test_summary_and_profile_show_the_response_rate(net):
    s = hn.summary(net)
    assert s.facts["response rate"] == 0.75
    assert s.facts["non-respondents"] == ["d"]
    assert "response rate" in str(s)
    assert hn.profile(net)["response_rate"] == 0.75
    plain = hn.read_json(DATA / "symmetrize.json")
    assert "response rate" not in hn.summary(plain).facts
    assert "response_rate" not in hn.profile(plain).index


def test_report_names_the_nonrespondents(net):
    # Oracle: the fixture's counts (3 of 4 known answered, 1 unknown; d did not).
    md = hn.report(net, format="md", lang="en")
    assert "| Response rate | 75% (3 of 4 actors with known status answered); 1 unknown |" in md
    assert "| Non-respondents | d |" in md
    de = hn.report(net, format="html", lang="de")
    assert "Rücklaufquote" in de and "Nicht-Antwortende" in de
    doc = json.loads(hn.report(net, format="json"))
    assert doc["response"]["rate"] == 0.75
    assert doc["response"]["nonrespondent_actors"] == [{"id": "d", "name": "d"}]
    plain = hn.read_json(DATA / "symmetrize.json")
    assert "Response rate" not in hn.report(plain, format="md", lang="en")
    assert "response" not in json.loads(hn.report(plain, format="json"))


# ---- missing= ---------------------------------------------------------------------


@pytest.mark.parametrize("policy", ["absent", "exclude", "reconstruct"])
def test_density_policies(net, policy):
    assert hn.density(net, missing=policy) == pytest.approx(EXPECTED[f"gden_{policy}"], abs=1e-12)
    assert hn.density(net, weighted=True, missing=policy) == pytest.approx(
        EXPECTED[f"gden_{policy}_valued"], abs=1e-12
    )


@pytest.mark.parametrize("policy", ["absent", "exclude", "reconstruct"])
def test_reciprocity_policies(net, policy):
    expected = EXPECTED[f"grecip_edgewise_{policy}"]
    assert hn.reciprocity(net, missing=policy) == pytest.approx(expected, abs=1e-12)


def test_reciprocity_exclude_dyadic(net):
    expected = EXPECTED["grecip_dyadic_exclude"]
    assert hn.reciprocity(net, "dyadic", missing="exclude") == pytest.approx(expected)


def test_exclude_equals_the_respondent_subnetwork_by_networkx(net):
    # Oracle: networkx.reciprocity on the graph without the non-respondent.
    g = hn.to_networkx(net)
    g.remove_node("d")
    assert hn.reciprocity(net, missing="exclude") == pytest.approx(nx.reciprocity(g))


def test_policies_agree_without_nonrespondents(net):
    g = hn.read_json(DATA / "symmetrize.json")
    assert hn.density(g, missing="exclude") == hn.density(g, missing="reconstruct") == hn.density(g)


def test_reconstruct_missing(net):
    out = hn.reconstruct_missing(net)
    assert out.n_ties == 9 and out.tie("d", "c").weight == 3.0


@pytest.mark.parametrize("call", [hn.density, hn.reciprocity])
def test_unknown_missing_policy_names_the_choices(net, call):
    message = (
        r"missing: unknown missing-data policy 'exclud' \(expected 'absent', "
        r"'exclude', 'reconstruct' or 'impute'\); did you mean 'exclude'\?"
    )
    with pytest.raises(ValueError, match=message):
        call(net, missing="exclud")


def test_cli_metrics_missing(cli):
    # Oracle: expected.csv, through the CLI's JSON output.
    out = subprocess.run(
        [cli, "metrics", str(DATA / "nonresponse.json"), "--format", "json", "--missing", "exclude"],
        capture_output=True, text=True, check=True,
    ).stdout
    doc = json.loads(out)
    assert doc["missing"] == "exclude"
    assert doc["metrics"]["density"] == pytest.approx(EXPECTED["gden_exclude"])
    assert doc["metrics"]["reciprocity"] == pytest.approx(EXPECTED["grecip_edgewise_exclude"])
    assert doc["metrics"]["response_rate"] == 0.75
    table = subprocess.run([cli, "metrics", str(DATA / "nonresponse.json"), "--missing", "reconstruct"],
                           capture_output=True, text=True, check=True).stdout
    assert "note: missing data: 'reconstruct'" in table
    bad = subprocess.run([cli, "metrics", str(DATA / "nonresponse.json"), "--missing", "guess"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "absent" in bad.stderr and "reconstruct" in bad.stderr


def test_impute_missing(net):
    # Huisman (2009) random imputation; oracle: the rule, checked on the drawn
    # network (only d, the non-respondent, gains arcs, to actors it has none to;
    # imputed weights are weights of observed ties), networkx on the imputed
    # copy for density and reciprocity, and the seed.
    observed = {(t.source, t.target) for t in net.ties}
    weights = {t.weight for t in net.ties if t.source != "d"}
    for seed in range(1, 40):
        out = hn.impute_missing(net, seed=seed)
        added = {(t.source, t.target): t.weight for t in out.ties} .items() - {
            ((t.source, t.target), t.weight) for t in net.ties
        }
        assert all(s == "d" and (s, t) not in observed and w in weights for (s, t), w in added)
    out = hn.impute_missing(net, seed=5)
    g = hn.to_networkx(out)
    assert hn.density(net, missing="impute", seed=5) == pytest.approx(nx.density(g))
    assert hn.reciprocity(net, missing="impute", seed=5) == pytest.approx(nx.reciprocity(g))
    assert [t.target for t in hn.impute_missing(net, seed=5).ties] == [t.target for t in out.ties]
    with pytest.raises(ValueError, match="seed"):
        hn.impute_missing(net, seed=-1)


def test_cli_metrics_missing_impute(cli, net):
    # Oracle: the Python function on the same file and seed.
    doc = json.loads(subprocess.run(
        [cli, "metrics", str(DATA / "nonresponse.json"), "--format", "json", "--missing", "impute", "--seed", "5"],
        capture_output=True, text=True, check=True,
    ).stdout)
    assert doc["missing"] == "impute"
    assert doc["metrics"]["density"] == pytest.approx(hn.density(net, missing="impute", seed=5))
    assert doc["metrics"]["reciprocity"] == pytest.approx(hn.reciprocity(net, missing="impute", seed=5))
    table = subprocess.run([cli, "metrics", str(DATA / "nonresponse.json"), "--missing", "impute", "--seed", "5"],
                           capture_output=True, text=True, check=True).stdout
    assert "note: missing data: 'impute' (seed 5)" in table
