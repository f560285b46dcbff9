# SPDX-License-Identifier: MIT
"""Wave comparison. Oracle: set arithmetic on the actor and tie lists written
here, and the individual metric functions for the deltas."""

import json
import subprocess

import pytest

import healthnet as hn


def tie_set(net):
    return {frozenset((t.source, t.target)) for t in net.ties}


def test_compare_example_waves_against_set_arithmetic():
    before, after = hn.example("2022"), hn.example()
    c = hn.compare(before, after)
    assert set(c.joined) == set(after.actor_ids) - set(before.actor_ids)
    assert set(c.left) == set(before.actor_ids) - set(after.actor_ids)
    formed = {frozenset(p) for p in c.ties_formed.itertuples(index=False)}
    assert formed == tie_set(after) - tie_set(before)
    assert c.ties_kept == len(tie_set(after) & tie_set(before))
    assert c.metrics.loc["density", "before"] == pytest.approx(hn.density(before))
    assert c.metrics.loc["density", "delta"] == pytest.approx(hn.density(after) - hn.density(before))
    assert c.metrics.loc["ei_index", "after"] == pytest.approx(hn.ei_index(after).ei)
    for a, b in c.sectors_newly_connected:
        assert a < b
    assert "ties formed" in c._repr_html_() or "ties formed" in str(c)


def test_changed_ties_name_relations():
    a, b = hn.Network(), hn.Network()
    for net in (a, b):
        net.add_actor("x", sectors=["outpatient_care"])
        net.add_actor("y", sectors=["pharmacy"])
    a.add_tie("x", "y", relations=["information"])
    b.add_tie("y", "x", relations=["information", "referral"], weight=2)
    c = hn.compare(a, b)
    row = c.ties_changed.iloc[0]
    assert row["relations_added"] == ["referral"] and row["relations_removed"] == []
    assert (row["weight_before"], row["weight_after"]) == (1.0, 2.0)


def test_cli_compare_json(cli, tmp_path):
    early, late = tmp_path / "2022.json", tmp_path / "2024.json"
    hn.write_json(hn.example("2022"), early)
    hn.write_json(hn.example(), late)
    r = subprocess.run([cli, "compare", str(early), str(late), "--format", "json"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    py = hn.compare(hn.example("2022"), hn.example())
    assert sorted(doc["joined"]) == sorted(py.joined)
    assert doc["metrics"]["n_ties"]["delta"] == py.metrics.loc["n_ties", "delta"]
    r = subprocess.run([cli, "compare", str(early)], capture_output=True, text=True)
    assert r.returncode == 2


def test_cli_score_ranks_regions(cli, tmp_path):
    paths = []
    for seed in range(4):
        net = hn.synthetic_region(120, 300 + 150 * seed, seed=seed, region_id=f"r{seed}")
        paths.append(tmp_path / f"r{seed}.json")
        hn.write_json(net, paths[-1])
    r = subprocess.run([cli, "score", *map(str, paths), "--scorecard", "network", "--format", "json"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    ranking = json.loads(r.stdout)["ranking"]
    totals = [e["total"] for e in ranking]
    assert totals == sorted(totals, reverse=True)
    frame = hn.rank([hn.read_json(p) for p in paths], "network")
    assert [e["region"]["id"] for e in ranking] == list(frame["region"])
    assert totals == pytest.approx(list(frame["total"]))
    r = subprocess.run([cli, "score", str(paths[0]), "--scorecard", "no_such_card"], capture_output=True, text=True)
    assert r.returncode == 1 and "unknown scorecard 'no_such_card'" in r.stderr
    r = subprocess.run([cli, "score", "--example", "--scorecard", "network", "--format", "md", "--lang", "de"],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "| rank |" in r.stdout and "Einzelergebnisse" in r.stdout
