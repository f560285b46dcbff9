# SPDX-License-Identifier: MIT
"""Relationship quality (trust and value, after PARTNER) and collaboration levels.

Oracles: hand-computed values on the graph drawn below (as in
tests/cpp/test_quality.cpp), and a second, independent computation with
pandas (groupby over ``net.ties_frame()``).
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

import healthnet as hn

#          a (hospital)               a, b, c: respondents; d: non-respondent
#        ^ |  ^      \
#   b->a | |  | c->a  \ a->d
#   a->b | v  |        v
#          b (gp) <-- c (gp) <-- d (office)
#               c->b        d->c
#
#  tie     to tr tm | vp vr vi | trust value | level
#  a->b     4  3  2 |  2  2  2 |  3     2    | coordination
#  b->a     2  2  - |  4  -  - |  2     4    | cooperation
#  c->a     4  4  4 |  -  -  - |  4     NaN  | coordination
#  a->d     1  1  1 |  1  3  - |  1     2    | awareness
#  d->c     4  4  4 |  -  -  - |  4     NaN  | integration   (rater d is a non-respondent)
#  c->b     -  -  - |  -  -  - |  NaN   NaN  | -

TRUST = ["trust_openness", "trust_reliability", "trust_mission"]  # PARTNER defaults
VALUE = ["value_power", "value_resources", "value_involvement"]
LEVELS = ["awareness", "cooperation", "coordination", "integration"]


def rated() -> hn.Network:
    net = hn.Network(directed=True)
    net.add_actor("a", sectors=["hospital"], respondent=True)
    net.add_actor("b", sectors=["gp"], respondent=True)
    net.add_actor("c", sectors=["gp"], respondent=True)
    net.add_actor("d", sectors=["office"], respondent=False)
    rows = {
        ("a", "b"): [4, 3, 2, 2, 2, 2, "coordination"],
        ("b", "a"): [2, 2, None, 4, None, None, "cooperation"],
        ("c", "a"): [4, 4, 4, None, None, None, "coordination"],
        ("a", "d"): [1, 1, 1, 1, 3, None, "awareness"],
        ("d", "c"): [4, 4, 4, None, None, None, "integration"],
        ("c", "b"): [None] * 7,
    }
    for (s, t), values in rows.items():
        attrs = {k: v for k, v in zip(TRUST + VALUE + ["level"], values) if v is not None}
        net.add_tie(s, t, attributes=attrs)
    return net


def test_three_levels_by_hand():
    q = hn.relationship_quality(rated(), trust=TRUST, value=VALUE, scale=(1, 4))
    assert q.ties.loc[("a", "b"), "trust"] == 3.0  # (4 + 3 + 2) / 3
    assert q.ties.loc[("b", "a"), "trust"] == 2.0  # mission missing
    assert math.isnan(q.ties.loc[("b", "a"), "trust_mission"])
    assert math.isnan(q.ties.loc[("c", "b"), "trust"])
    a = q.actors.loc["a"]
    assert (a["trust_received"], a["trust_raters"], a["trust_given"]) == (3.0, 2, 2.0)
    assert math.isnan(q.actors.loc["c", "trust_received"])  # only the non-respondent d rated c
    assert q.actors.loc["c", "trust_raters"] == 0
    assert q.network["trust"] == 2.5  # (3 + 2 + 4 + 1) / 4; d->c left out
    assert q.network["trust_percent"] == 62.5
    assert q.network["value"] == pytest.approx(8 / 3)
    assert q.network["trust_openness"] == 2.75
    assert q.network["value_involvement_n"] == 1


def test_against_pandas_groupby():
    # Second oracle: the same three levels from the ties frame with pandas.
    net = rated()
    q = hn.relationship_quality(net, trust=TRUST, value=VALUE)
    frame = net.ties_frame()
    frame["trust"] = frame[TRUST].astype(float).mean(axis=1, skipna=True)
    frame["value"] = frame[VALUE].astype(float).mean(axis=1, skipna=True)
    expected_ties = frame.set_index(["source", "target"])[["trust", "value"]]
    assert len(expected_ties) == len(q.ties)
    for (s, t), row in q.ties.iterrows():
        for column in ("trust", "value"):
            assert row[column] == pytest.approx(expected_ties.loc[(s, t), column], nan_ok=True), (s, t, column)

    nonrespondents = {a.id for a in net.actors if a.respondent is False}
    by_respondents = frame[~frame["source"].isin(nonrespondents)]
    received = by_respondents.groupby("target")["trust"].agg(["mean", "count"])
    for actor_id, row in received.iterrows():
        assert q.actors.loc[actor_id, "trust_received"] == pytest.approx(row["mean"], nan_ok=True)
        assert q.actors.loc[actor_id, "trust_raters"] == row["count"]
    given = frame.groupby("source")["value"].mean()
    for actor_id, mean in given.items():
        assert q.actors.loc[actor_id, "value_given"] == pytest.approx(mean, nan_ok=True)
    assert q.network["trust"] == pytest.approx(by_respondents["trust"].mean())
    assert q.network["value"] == pytest.approx(by_respondents["value"].mean())
    for name in TRUST + VALUE:
        column = by_respondents[name].astype(float)
        assert q.network[name] == pytest.approx(column.mean())
        assert q.network[f"{name}_percent"] == pytest.approx(column.mean() / 4 * 100)
        assert q.network[f"{name}_n"] == column.count()


def test_frames_are_indexed():
    q = hn.relationship_quality(rated())  # PARTNER default names
    assert q.ties.index.names == ["source", "target"]
    assert list(q.ties.columns) == TRUST + VALUE + ["trust", "value"]
    assert q.actors.index.name == "id"
    assert list(q.actors.index) == ["a", "b", "c", "d"]
    assert q.actors["trust_raters"].dtype.kind in "iu"
    assert "trust=2.5" in repr(q)


def test_bad_inputs():
    net = rated()
    with pytest.raises(KeyError, match=r"no tie carries the attribute 'trust_openess'; did you mean 'trust_openness'"):
        hn.relationship_quality(net, trust=["trust_openess"], value=[])
    with pytest.raises(ValueError, match=r"tie 'a' -> 'b', attribute 'trust_openness': rating 4 outside the scale \[1, 3\]"):
        hn.relationship_quality(net, scale=(1, 3))
    with pytest.raises(ValueError, match="no trust or value attributes"):
        hn.relationship_quality(net, trust=[], value=[])
    with pytest.raises(TypeError):
        hn.relationship_quality(net, trust="trust_openness")
    net.add_tie("b", "c", attributes={"trust_mission": "high"})
    with pytest.raises(ValueError, match="tie 'b' -> 'c', attribute 'trust_mission': rating is not a number"):
        hn.relationship_quality(net)


def test_collaboration_levels_by_hand():
    r = hn.collaboration_levels(rated(), attr="level", levels=LEVELS)
    assert r.overall["count"].tolist() == [1, 1, 2, 1]
    assert r.overall["share"].tolist() == [0.2, 0.2, 0.4, 0.2]
    assert r.unrated == 1
    # directed: (gp, hospital) holds b->a (cooperation) and c->a (coordination)
    row = r.by_pair.loc[("gp", "hospital")]
    assert row[LEVELS].tolist() == [0, 1, 1, 0]
    assert row["total"] == 2 and row["share_cooperation"] == 0.5
    assert ("office", "gp") in r.by_pair.index and ("gp", "office") not in r.by_pair.index


def test_collaboration_levels_against_pandas():
    net = rated()
    r = hn.collaboration_levels(net, attr="level", levels=LEVELS)
    frame = net.ties_frame().dropna(subset=["level"])
    sector = {a.id: a.sectors[0] for a in net.actors}
    frame["pair"] = list(zip(frame["source"].map(sector), frame["target"].map(sector)))
    counts = frame.groupby("pair")["level"].value_counts().unstack(fill_value=0).reindex(columns=LEVELS, fill_value=0)
    for pair, row in counts.iterrows():
        assert r.by_pair.loc[pair, LEVELS].tolist() == row.tolist()
    assert len(counts) == len(r.by_pair)


def test_collaboration_levels_bad_inputs():
    net = rated()
    with pytest.raises(ValueError, match="tie 'a' -> 'b', attribute 'level': value 'coordination' is not a level"):
        hn.collaboration_levels(net, attr="level", levels=["awareness", "cooperation"])
    with pytest.raises(KeyError, match="did you mean 'level'"):
        hn.collaboration_levels(net, attr="levle", levels=LEVELS)
    with pytest.raises(ValueError, match="no levels"):
        hn.collaboration_levels(net, attr="level", levels=[])


def test_registry_scores():
    net = rated()
    assert hn.metric(net, "trust_score") == 2.5
    assert hn.metric(net, "value_score") == pytest.approx(8 / 3)
    plain = hn.Network()
    plain.add_actor("a")
    plain.add_actor("b")
    plain.add_tie("a", "b")
    assert np.isnan(hn.metric(plain, "trust_score"))


def test_report_section_only_with_ratings():
    # Hand-computed (see the drawing): top actor a with trust 3.00 from 2 raters;
    # lowest sector pair hospital -> office (a->d, trust 1).
    md = hn.report(rated(), format="md", lang="en")
    assert "## 8. Trust and value" in md
    assert "| a | hospital | 3.00 | 2 |" in md
    assert "| hospital | office | 1.00 | 1 |" in md
    doc = json.loads(hn.report(rated(), format="json", lang="en"))
    assert doc["quality"]["trust"]["mean"] == 2.5
    assert doc["quality"]["value"]["n"] == 3
    plain = hn.example()
    assert "Vertrauen und Nutzen" not in hn.report(plain, format="md")
    assert json.loads(hn.report(plain, format="json"))["quality"] is None
