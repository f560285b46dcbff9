# SPDX-License-Identifier: MIT
"""No silent NaN from a wrong name (issue 14, item 5).

A ``by=``, relation, metric name, scorecard sector or body kind that names
nothing raises with the known names and a "did you mean"; coverage and
scorecards count the actors whose sector labels lie outside the taxonomy.
Oracles: the small graph drawn below; values and messages worked out by hand.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import healthnet as hn  # noqa: E402
import healthnet.plot  # noqa: E402,F401

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"

# "Sektorr" -> "sector": k/c substituted, one r deleted (Levenshtein 2);
# known names: "sector", then the attribute keys present, alphabetically.
SEKTORR = "by: no actor has the attribute 'Sektorr'; did you mean 'sector'? (known: 'sector', 'Kreis')"


def small() -> hn.Network:
    r"""The graph of tests/cpp/test_names.cpp.

    a1 --- a2 --- b1 --- x     a1, a2: outpatient_care, Kreis "Nord"
                               b1: nursing_care, Kreis "Süd"
                               x: sector label "Ärzte" (outside the taxonomy), no Kreis
    """
    net = hn.Network()
    net.add_actor("a1", sectors=["outpatient_care"], attributes={"Kreis": "Nord"})
    net.add_actor("a2", sectors=["outpatient_care"], attributes={"Kreis": "Nord"})
    net.add_actor("b1", sectors=["nursing_care"], attributes={"Kreis": "Süd"})
    net.add_actor("x", sectors=["Ärzte"])
    net.add_tie("a1", "a2", relations=["information"])
    net.add_tie("a2", "b1", relations=["information", "referral"])
    net.add_tie("b1", "x", relations=["information"])
    return net


def _sensitivity(net: hn.Network, by: str):
    # small() has no respondent status: the DataWarning is expected here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", hn.DataWarning)
        return hn.nonresponse_sensitivity(net, ["ei_index"], runs=2, by=by)


# Every public function that takes `by`, called with a typo.
GROUPED = {
    "ei_index": lambda net, by: hn.ei_index(net, by=by),
    "ei_index(level=group)": lambda net, by: hn.ei_index(net, by=by, level="group"),
    "ei_index(level=actor)": lambda net, by: hn.ei_index(net, by=by, level="actor"),
    "ei_index(permutations)": lambda net, by: hn.ei_index(net, by=by, permutations=10),
    "block_density": lambda net, by: hn.block_density(net, by=by),
    "assortativity": lambda net, by: hn.assortativity(net, by=by),
    "modularity": lambda net, by: hn.modularity(net, by=by),
    "brokerage": lambda net, by: hn.brokerage(net, by=by),
    "brokerage(level=network)": lambda net, by: hn.brokerage(net, by=by, level="network"),
    "sector_bridges": lambda net, by: hn.sector_bridges(net, by=by),
    "sector_gaps": lambda net, by: hn.sector_gaps(net, by=by),
    "community_alignment": lambda net, by: hn.community_alignment(net, by=by),
    "metric": lambda net, by: hn.metric(net, "ei_index", by=by),
    "nonresponse_sensitivity": _sensitivity,
    "plot.block_density": lambda net, by: hn.plot.block_density(net, by=by),
}


def test_every_function_with_by_is_covered():
    """A new public function taking `by` must be added to GROUPED."""
    with_by = set()
    for module, prefix in ((hn, ""), (hn.plot, "plot.")):
        for name in module.__all__:
            fn = getattr(module, name)
            if callable(fn) and not isinstance(fn, type):
                try:
                    params = inspect.signature(fn).parameters
                except (TypeError, ValueError):
                    continue
                if "by" in params:
                    with_by.add(prefix + name)
    assert with_by == {key.split("(")[0] for key in GROUPED}


@pytest.mark.parametrize("call", GROUPED.values(), ids=GROUPED.keys())
def test_typo_in_by_raises_key_error(call):
    net = small()
    with pytest.raises(KeyError) as info:
        call(net, "Sektorr")
    assert info.value.args[0] == SEKTORR


@pytest.mark.parametrize("call", GROUPED.values(), ids=GROUPED.keys())
def test_valid_by_still_works(call):
    # Kreis groups {a1, a2} and {b1}; x has no value and is left out.
    call(small(), "Kreis")
    call(small(), "sector")


def test_values_with_valid_attribute():
    # Ties a1-a2 (within Nord, I = 1) and a2-b1 (across, E = 1); b1-x left out with x.
    # E-I = (1 - 1) / 2 = 0.
    assert hn.ei_index(small(), by="Kreis").ei == 0.0
    assert hn.metric(small(), "ei_index", by="Kreis") == 0.0


@pytest.mark.parametrize("name", [n for n, row in hn.metrics().iterrows() if row["grouped"]])
def test_every_grouped_registry_metric_raises(name):
    with pytest.raises(KeyError) as info:
        hn.metric(small(), name, by="Sektorr")
    assert info.value.args[0] == SEKTORR


def test_known_names_rule():
    # Case matters for keys; a close one is suggested.
    with pytest.raises(KeyError) as info:
        hn.ei_index(small(), by="kreis")
    assert info.value.args[0] == (
        "by: no actor has the attribute 'kreis'; did you mean 'Kreis'? (known: 'sector', 'Kreis')"
    )
    # One carrier is enough; a network without actors is no error.
    net = hn.Network()
    assert hn.block_density(net, by="anything").empty
    net.add_actor("a")
    net.add_actor("b", attributes={"rural": True})
    assert list(hn.block_density(net, by="rural").index) == ["true"]
    with pytest.raises(KeyError) as info:
        hn.assortativity(net, by="Kreis")
    assert info.value.args[0] == "by: no actor has the attribute 'Kreis' (known: 'sector', 'rural')"


def test_unknown_relation_and_metric():
    net = small()
    assert hn.relation_layer(net, "referral").n_ties == 1
    # "referal" -> "referral": one insertion.
    with pytest.raises(KeyError) as info:
        hn.relation_layer(net, "referal")
    assert info.value.args[0] == (
        "relation: no tie has the relation 'referal'; did you mean 'referral'? (known: 'information', 'referral')"
    )
    # "densty" -> "density": one insertion.
    with pytest.raises(KeyError) as info:
        hn.metric(net, "densty")
    assert info.value.args[0].startswith("unknown metric 'densty'; did you mean 'density'? (known: 'n_actors', ")


def test_plot_color_by_unknown_attribute():
    with pytest.raises(KeyError) as info:
        hn.plot.network(small(), color_by="Kries")
    message = info.value.args[0]
    assert message.startswith("color_by: no actor has the attribute 'Kries'; did you mean 'Kreis'? (known: 'sector', ")


def test_cli_typo_in_by(cli, tmp_path):
    path = tmp_path / "small.json"
    hn.write_json(small(), path)
    for fmt in ("table", "json"):
        done = subprocess.run(
            [cli, "metrics", str(path), "--by", "Sektorr", "--format", fmt], capture_output=True, text=True
        )
        assert done.returncode == 1
        assert done.stdout == ""  # nothing half-printed
        assert done.stderr == f"healthnet: error: {SEKTORR}\n"


# ---- coverage ---------------------------------------------------------------


def test_coverage_counts_labels_outside_taxonomy():
    # p: {Ärzte}, q: {Ärzte, Kasse}, r: {nursing_care, Kasse}, s: {outpatient_care}, t: none.
    # Outside: p, q, r -> 3 actors; Ärzte 2 (p, q), Kasse 2 (q, r); equal counts in
    # byte order ('Kasse' < 'Ärzte').
    net = hn.Network()
    net.add_actor("p", sectors=["Ärzte"])
    net.add_actor("q", sectors=["Ärzte", "Kasse"])
    net.add_actor("r", sectors=["nursing_care", "Kasse"])
    net.add_actor("s", sectors=["outpatient_care"])
    net.add_actor("t")
    cov = hn.sector_coverage(net)
    assert cov.n_outside_taxonomy == 3
    pd.testing.assert_series_equal(
        cov.outside_taxonomy,
        pd.Series({"Kasse": 2, "Ärzte": 2}, name="actors", dtype="int64").rename_axis("label"),
    )
    assert cov.summary()["actors outside the taxonomy"] == 3
    assert cov.summary()["labels outside the taxonomy"] == "'Kasse' (2), 'Ärzte' (2)"
    assert "labels outside the taxonomy" in str(cov)
    clean = hn.sector_coverage(hn.example())
    assert clean.n_outside_taxonomy == 0 and clean.outside_taxonomy.empty
    assert "labels outside the taxonomy" not in clean.summary()


def test_cli_metrics_shows_labels_outside_taxonomy(cli, tmp_path):
    path = tmp_path / "small.json"
    hn.write_json(small(), path)
    done = subprocess.run([cli, "metrics", str(path), "--by", "sector"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "  outside the taxonomy      1 actor: 'Ärzte' (1)\n" in done.stdout
    done = subprocess.run(
        [cli, "metrics", str(path), "--by", "sector", "--format", "json"], capture_output=True, text=True
    )
    coverage = json.loads(done.stdout)["groups"]["coverage"]
    assert coverage["n_outside_taxonomy"] == 1
    assert coverage["outside_taxonomy"] == {"Ärzte": 1}


# ---- scorecards -------------------------------------------------------------

KNOWN_SECTORS = (
    "(known: 'outpatient_care', 'inpatient_care', 'nursing_care', 'rehabilitation', 'prevention', "
    "'public_health', 'municipality', 'health_insurance', 'pharmacy', 'emergency_care', 'self_help', "
    "'social_services', 'education', 'mobility', 'professional_body', 'other')"
)


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        (
            "scorecard_unknown_sector.json",
            ":8: rules[1].items[1][1]: unknown sector 'outpatient'; did you mean 'outpatient_care'? " + KNOWN_SECTORS,
        ),
        (
            "scorecard_unknown_sector_pair.json",
            ":7: rules[0].items[1]: unknown sector 'nursing' in the pair 'outpatient_care|nursing'; "
            "did you mean 'nursing_care'? " + KNOWN_SECTORS,
        ),
        (
            "scorecard_unknown_body_kind.json",
            ":7: rules[1].body: unknown body kind 'steering_grup'; did you mean 'steering_group'? "
            "(known: 'steering_group', 'working_group', 'coordination_office', 'health_conference')",
        ),
    ],
)
def test_scorecard_load_errors(file, expected):
    path = BAD / file
    with pytest.raises(ValueError) as info:
        hn.Scorecard.load(path)
    assert str(info.value) == str(path) + expected


def card(rules=(), indicators=()) -> str:
    return json.dumps(
        {"format": "healthnet-scorecard", "version": 1, "id": "c", "rules": list(rules), "indicators": list(indicators)}
    )


def test_scorecard_sector_aliases_and_custom_taxonomy():
    # "Pflege" is the German label of nursing_care, "outpatient CARE" the English one of
    # outpatient_care (A-Z case ignored); stored as ids.
    text = card(rules=[{"id": "p", "kind": "sectors_present", "items": ["Pflege", "outpatient CARE"], "label": "x"}])
    loaded = json.loads(hn.Scorecard.from_json(text).to_json())
    assert loaded["rules"][0]["items"] == [["nursing_care"], ["outpatient_care"]]
    custom = hn.Taxonomy([hn.Sector("aerzte", "Ärzte", "Physicians")])
    text = card(rules=[{"id": "p", "kind": "sectors_present", "items": ["Ärzte"], "label": "x"}])
    loaded = json.loads(hn.Scorecard.from_json(text, taxonomy=custom).to_json())
    assert loaded["rules"][0]["items"] == [["aerzte"]]
    with pytest.raises(ValueError, match=r"^<scorecard>:1: rules\[0\]\.items\[0\]: unknown sector 'Ärzte' \(known: "):
        hn.Scorecard.from_json(text)


def test_shipped_scorecards_load():
    for name in hn.scorecards():
        assert hn.Scorecard.load(name).id == name


def test_scorecard_by_checked_when_scoring():
    text = card(
        indicators=[
            {"id": "d", "metric": "density", "direction": "higher", "target": 0.5, "minimum": 0},
            {"id": "e", "metric": "ei_index", "by": "Sektorr", "direction": "higher", "target": 0.5, "minimum": -1},
        ]
    )
    sc = hn.Scorecard.from_json(text)
    with pytest.raises(KeyError) as info:
        sc.evaluate(small())
    assert info.value.args[0] == "scorecard 'c': indicators[1].by: " + SEKTORR.removeprefix("by: ")


def test_scorecard_explanation_counts_labels_outside_taxonomy():
    text = card(
        rules=[
            {"id": "p", "kind": "sectors_present", "items": ["outpatient_care"], "label": "x"},
            {"id": "b", "kind": "body_exists", "body": "steering_group", "label": "y"},
        ]
    )
    frame = hn.Scorecard.from_json(text).evaluate(small()).to_frame()
    explanations = frame["explanation"].tolist()
    # small(): only x carries a label outside the taxonomy.
    assert explanations[0] == "Requirement met. 1 actor has a sector label outside the taxonomy: 'Ärzte' (1)."
    assert "taxonomy" not in explanations[1]  # a body rule does not depend on sectors
    de = hn.Scorecard.from_json(text).evaluate(small(), lang="de").to_frame()["explanation"].tolist()
    assert de[0].endswith(" 1 Akteur hat eine Sektorangabe außerhalb der Taxonomie: 'Ärzte' (1).")


# ---- readers: a mapped name the data does not have ----------------------------
# Before, `weight="Gewicht"` on ties whose weight column is "w" gave every tie
# weight 1 without a word. A name the caller chose (not the reader's default)
# must exist; a reader's own default may be absent. ValueError, as for a
# missing id/source/target column and read_csv's missing --weight column.


def test_from_pandas_mapped_column_missing():
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "w": [3.0]})
    with pytest.raises(ValueError) as info:
        hn.from_pandas(None, ties, weight="W")
    assert str(info.value) == "ties: column 'W' (weight=): missing; did you mean 'w'? (known: 'w')"
    with pytest.raises(ValueError, match=r"^ties: column 'rel' \(relations=\): missing \(known: 'w'\)$"):
        hn.from_pandas(None, ties, relations="rel")
    actors = pd.DataFrame({"id": ["a", "b"], "Sektor": ["nursing_care", "pharmacy"]})
    with pytest.raises(ValueError) as info:
        hn.from_pandas(actors, ties, sector="Sector")
    assert str(info.value) == "actors: column 'Sector' (sector=): missing; did you mean 'Sektor'? (known: 'Sektor')"
    # The right names work (weight 3 from "w"); the default "weight" may be absent (weight 1).
    assert hn.from_pandas(actors, ties, weight="w", sector="Sektor").tie("a", "b").weight == 3.0
    assert hn.from_pandas(None, ties).tie("a", "b").weight == 1.0
    # No ties: nothing to check.
    assert hn.from_pandas(None, ties.iloc[:0], weight="W").n_ties == 0


def test_from_networkx_mapped_attribute_missing():
    import networkx as nx

    g = nx.Graph()
    g.add_edge("a", "b", w=2.0)
    with pytest.raises(ValueError) as info:
        hn.from_networkx(g, weight="W")
    assert str(info.value) == "ties: attribute 'W' (weight=): missing; did you mean 'w'? (known: 'w')"
    assert hn.from_networkx(g, weight="w").tie("a", "b").weight == 2.0


def test_from_igraph_mapped_attribute_missing():
    ig = pytest.importorskip("igraph")
    g = ig.Graph(edges=[(0, 1)])
    g.vs["org"] = ["a", "b"]
    g.es["w"] = [2.0]
    with pytest.raises(ValueError) as info:
        hn.from_igraph(g, id="Org")
    assert str(info.value) == "actors: attribute 'Org' (id=): missing; did you mean 'org'? (known: 'org')"
    with pytest.raises(ValueError, match=r"^ties: attribute 'W' \(weight=\): missing; did you mean 'w'\?"):
        hn.from_igraph(g, id="org", weight="W")
    net = hn.from_igraph(g, id="org", weight="w")
    assert net.tie("a", "b").weight == 2.0
