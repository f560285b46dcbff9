# SPDX-License-Identifier: MIT
"""Scorecards from Python: loading, evaluation, frames and JSON, errors, the
JSON Schema, the documentation, and ranking many regions."""

from __future__ import annotations

import copy
import functools
import json
import math
import os
import re
import subprocess
import time
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]
CARDS = ROOT / "scorecards"
DATA = ROOT / "tests" / "data" / "scorecards"
SCHEMA = json.loads((ROOT / "docs" / "scorecard.schema.json").read_text(encoding="utf-8"))
DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
SHIPPED = ["bayern", "hessen", "network", "niedersachsen"]
COLUMNS = [
    "indicator", "kind", "label", "value", "target", "score", "weight", "passed", "explanation", "source",
]


@functools.cache
def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def schema_accepts(doc) -> bool:
    return validator().is_valid(doc)


def parser_accepts(doc) -> bool:
    try:
        hn.Scorecard.from_json(json.dumps(doc, ensure_ascii=False), "mutant.json")
    except ValueError:
        return False
    return True


def without_steering_member(net: hn.Network, actor_id: str) -> hn.Network:
    """The network with `actor_id` taken out of its steering group(s) only."""
    for body in net.bodies:
        if body.kind == "steering_group" and actor_id in body.members:
            net.remove_body(body.id)
            members = [m for m in body.members if m != actor_id]
            net.add_body(body.id, body.kind, body.name, members, body.topic, body.year)
    return net


# ---- loading ----------------------------------------------------------------------------


# The shipped ids are listed, each loads by id with its name in both languages.
def test_load_by_id():
    assert hn.scorecards() == SHIPPED
    for card_id in SHIPPED:
        card = hn.Scorecard.load(card_id)
        assert card.id == card_id
        assert card.name and card.name_de
        assert len(card.indicator_ids) + len(card.rule_ids) > 0
        assert repr(card).startswith(f"<Scorecard '{card_id}'")


# A file loads by str and by Path; the custom card's ids come back in file order.
def test_load_by_path():
    for path in (str(DATA / "custom.json"), DATA / "custom.json"):
        card = hn.Scorecard.load(path)
        assert card.id == "musterstadt_2025"
        assert card.indicator_ids == ["cross_sector", "isolates", "density", "rural_urban"]
        assert card.rule_ids == ["steering_size", "gp_in_steering", "working_group_topics", "rescue_chain"]


# An unknown id is a KeyError naming the shipped ids.
def test_unknown_id():
    with pytest.raises(KeyError, match="unknown scorecard 'sachsen'.*bayern, hessen, network, niedersachsen"):
        hn.Scorecard.load("sachsen")


# A bad file is a ValueError naming file:line and field (oracle: the line of "densty" in the file).
def test_bad_file_names_line():
    path = DATA / "bad" / "unknown_metric.json"
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "densty" in text)
    with pytest.raises(ValueError) as err:
        hn.Scorecard.load(path)
    expected = (
        f"{path}:{line}: indicators[1].metric: unknown metric 'densty'; did you mean 'density'? (known: 'n_actors', "
    )
    assert str(err.value).startswith(expected)


# Every file in tests/data/scorecards/bad is rejected with file:line.
@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "bad").glob("*.json")))
def test_bad_files_rejected(name):
    path = DATA / "bad" / name
    with pytest.raises(ValueError, match=rf"^{re.escape(str(path))}:\d+: "):
        hn.Scorecard.load(path)


# ---- evaluation -------------------------------------------------------------------------


# Every shipped card scores the example between 0 and 100 in both languages; the total is
# the weighted mean of the row scores (recomputed here from the frame).
@pytest.mark.parametrize("card_id", SHIPPED)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_evaluate_example(card_id, lang):
    result = hn.Scorecard.load(card_id).evaluate(hn.example(), lang=lang)
    assert 0 <= result.total <= 100
    assert result.scorecard == card_id
    assert result.region_id == "03999"
    assert result.lang == lang
    frame = result.to_frame()
    assert math.isclose(result.total, (frame.score * frame.weight).sum() / frame.weight.sum())
    assert frame.score.between(0, 100).all()


# to_frame has exactly the documented columns and one row per indicator and rule.
def test_to_frame_columns():
    card = hn.Scorecard.load("niedersachsen")
    frame = card.evaluate(hn.example()).to_frame()
    assert list(frame.columns) == COLUMNS
    assert frame.indicator.tolist() == card.indicator_ids + card.rule_ids
    assert set(frame.kind) == {"metric", "rule"}
    assert frame.passed.dtype == bool


# to_json round-trips through json.loads with the same total and rows.
def test_to_json_round_trip():
    result = hn.Scorecard.load("bayern").evaluate(hn.example(), lang="de")
    doc = json.loads(result.to_json())
    assert doc["scorecard"] == "bayern"
    assert doc["region"] == {"id": "03999", "name": "Landkreis Musterstadt"}
    assert doc["lang"] == "de"
    assert doc["total"] == result.total
    assert [r["indicator"] for r in doc["rows"]] == result.to_frame().indicator.tolist()
    assert doc["rows"] == result.rows


# The scorecard itself round-trips: to_json -> from_json -> to_json is stable.
def test_scorecard_json_round_trip():
    for card_id in SHIPPED:
        text = hn.Scorecard.load(card_id).to_json()
        assert hn.Scorecard.from_json(text).to_json() == text


# The Jupyter display is an HTML table with one row per indicator and rule.
def test_repr_html():
    result = hn.Scorecard.load("network").evaluate(hn.example())
    page = result._repr_html_()
    assert "<table>" in page and "</table>" in page
    assert page.count("<tr>") == len(result.rows) + 1  # + header
    assert "Landkreis Musterstadt" in page


# Without the AOK the example's steering group lacks a health insurer: the composition rule
# fails with 5 of 6 items, naming the insurers in German and English.
def test_missing_steering_sector_explained():
    card = hn.Scorecard.load("niedersachsen")
    full = card.evaluate(hn.example()).to_frame().set_index("indicator")
    assert full.loc["steering_group_members", "passed"]
    net = without_steering_member(hn.example(), "aok")
    de = card.evaluate(net, lang="de").to_frame().set_index("indicator").loc["steering_group_members"]
    en = card.evaluate(net, lang="en").to_frame().set_index("indicator").loc["steering_group_members"]
    assert not de.passed and not en.passed
    assert de.score == pytest.approx(500 / 6)
    assert de.explanation == "In der Steuerungsgruppe fehlt jemand aus: Krankenkassen."
    assert en.explanation == "The steering group has no member from: health insurers."


# Without any steering group the rule names every required partner.
def test_no_steering_group():
    net = hn.example()
    net.remove_body("steuerungsgruppe")
    row = hn.Scorecard.load("niedersachsen").evaluate(net, "de").to_frame().set_index("indicator")
    assert row.loc["steering_group", "score"] == 0
    assert row.loc["steering_group_members", "explanation"] == (
        "Es ist keine Steuerungsgruppe erfasst; es fehlen damit: kreisangehörige Gemeinden, Ärzteschaft, "
        "Krankenkassen, Krankenhäuser, Pflegeeinrichtungen, weitere Akteure der Gesundheitsversorgung."
    )


# The custom card on the example: no emergency-care working group, so its topic rule
# scores 1 of 2 and names "Notfallversorgung".
def test_custom_card_partial_credit():
    result = hn.Scorecard.load(DATA / "custom.json").evaluate(hn.example(), "de")
    row = result.to_frame().set_index("indicator").loc["working_group_topics"]
    assert row.score == 50
    assert row.explanation == "Keine Arbeitsgruppe zu: Notfallversorgung."


# A language other than de/en is a ValueError.
def test_bad_language():
    with pytest.raises(ValueError, match="lang"):
        hn.Scorecard.load("network").evaluate(hn.example(), lang="fr")


# ---- schema -----------------------------------------------------------------------------


# The shipped scorecards and the custom example are valid against the JSON Schema.
@pytest.mark.parametrize("path", sorted(CARDS.glob("*.json")) + [DATA / "custom.json"], ids=lambda p: p.name)
def test_schema_accepts_shipped(path):
    validator().validate(json.loads(path.read_text(encoding="utf-8")))


# The schema's metric names are exactly the metric catalogue (they cannot drift apart).
def test_schema_metric_enum_matches_catalogue():
    assert SCHEMA["$defs"]["metric"]["enum"] == hn.metrics().index.tolist()


# Checks a JSON Schema cannot express: uniqueness across two arrays, one value against another.
PARSER_ONLY = {"duplicate_id.json", "minimum_wrong_side.json"}


# Bad files the schema can judge are rejected by both (bad JSON and PARSER_ONLY by the parser alone).
@pytest.mark.parametrize("path", sorted((DATA / "bad").glob("*.json")), ids=lambda p: p.name)
def test_schema_rejects_bad_files(path):
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        assert path.name == "bad_json.json"
        return
    if path.name in PARSER_ONLY:
        assert schema_accepts(doc)
    else:
        assert not schema_accepts(doc)
    assert not parser_accepts(doc)


def mutants(doc):
    """Documents derived from `doc` by deleting one member of an indicator, a rule or the
    top level, or by giving it a value of another type."""
    values = [None, True, -1, 1.5, "x", "", [], [1], {}, {"de": 1}]
    targets = [("", None)] + [(k, i) for k in ("indicators", "rules") for i in range(len(doc.get(k, [])))]
    for key, index in targets:
        base = doc if index is None else doc[key][index]
        for member in list(base):
            mutant = copy.deepcopy(doc)
            obj = mutant if index is None else mutant[key][index]
            del obj[member]
            yield mutant
            for value in values:
                mutant = copy.deepcopy(doc)
                obj = mutant if index is None else mutant[key][index]
                obj[member] = value
                yield mutant


# Every mutant of every shipped card that the schema rejects, the parser rejects too;
# and the schema does reject some (else the check is empty).
@pytest.mark.parametrize("card_id", SHIPPED)
def test_schema_rejects_imply_parser_rejects(card_id):
    doc = json.loads((CARDS / f"{card_id}.json").read_text(encoding="utf-8"))
    rejected = 0
    for mutant in mutants(doc):
        if not schema_accepts(mutant):
            rejected += 1
            assert not parser_accepts(mutant), json.dumps(mutant, ensure_ascii=False)[:400]
    assert rejected > 50


# ---- shipped scorecards: sources and documentation ---------------------------------------


# Every row of a programme card cites a German sentence in „…“ and the seed it comes from.
@pytest.mark.parametrize("card_id", ["bayern", "hessen", "niedersachsen"])
def test_programme_cards_cite_sources(card_id):
    doc = json.loads((CARDS / f"{card_id}.json").read_text(encoding="utf-8"))
    for entry in doc["indicators"] + doc["rules"]:
        assert re.search(r"„[^“]{20,}“", entry["source"]), entry["id"]
        assert re.search(r"seed 00[0-4]", entry["source"]), entry["id"]
        assert entry["label"]["de"] and entry["label"]["en"], entry["id"]


# The quotes are verbatim: each part between ellipses occurs in the cited seed text
# (the seeds are the programme texts kept beside the project; skipped where absent).
@pytest.mark.parametrize("card_id", SHIPPED)
def test_quotes_are_verbatim(card_id):
    # The programme texts live in shared/seeds beside the checkout.
    seeds_dir = Path(os.environ.get("HEALTHNET_SEEDS", ROOT.parent / "shared" / "seeds"))
    if not seeds_dir.is_dir():
        pytest.skip("programme texts (seeds) not available")
    seeds = {p.name[:3]: " ".join(p.read_text(encoding="utf-8").split()) for p in seeds_dir.glob("*.txt")}
    doc = json.loads((CARDS / f"{card_id}.json").read_text(encoding="utf-8"))
    for entry in doc["indicators"] + doc["rules"]:
        cited = re.findall(r"seed (\d{3})", entry["source"])
        for quote in re.findall(r"„(.*?)“", entry["source"]):
            for part in quote.split("…"):
                part = " ".join(part.split())
                assert not part or any(part in seeds[n] for n in cited), (entry["id"], part)


# docs/scoring.md lists every catalogue metric and every indicator and rule of every
# shipped card, and each full JSON example in it is a valid scorecard.
def test_documentation_complete():
    for name in hn.metrics().index:
        assert f"| `{name}` |" in DOC, name
    for card_id in SHIPPED:
        card = hn.Scorecard.load(card_id)
        assert f"### `{card_id}`" in DOC, card_id
        for entry in card.indicator_ids + card.rule_ids:
            assert f"| `{entry}` |" in DOC, (card_id, entry)
    blocks = re.findall(r"```json\n(.*?)```", DOC, re.S)
    examples = [b for b in blocks if '"format": "healthnet-scorecard"' in b]
    assert examples
    for text in examples:
        validator().validate(json.loads(text))
        hn.Scorecard.from_json(text)


# ---- ranking ----------------------------------------------------------------------------


def weakened_regions(count: int) -> list[hn.Network]:
    """Synthetic regions of 150 actors; every third lacks its steering group and every
    fifth its coordination office, so the totals differ and some are tied."""
    nets = []
    for s in range(count):
        net = hn.synthetic_region(150, 600, seed=s, region_id=f"r{s}")
        for body in net.bodies:
            drop = {"steering_group": s % 3 == 0, "coordination_office": s % 5 == 0}
            if drop.get(body.kind, False):
                net.remove_body(body.id)
        nets.append(net)
    return nets


# hn.rank on 30 synthetic regions: sorted by total (best first), competition ranks from 1
# (ties share a rank), one score column per indicator and rule, each total equal to the
# region's own evaluation.
def test_rank_synthetic_regions():
    nets = weakened_regions(30)
    card = hn.Scorecard.load("niedersachsen")
    frame = hn.rank(nets, card, progress=False)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == 30
    assert list(frame.columns[:5]) == ["rank", "region", "name", "total", "passed"]
    assert list(frame.columns[5:]) == card.indicator_ids + card.rule_ids
    assert frame.total.is_monotonic_decreasing
    assert frame.total.nunique() > 2 and frame.total.duplicated().any()  # distinct totals and ties
    assert sorted(frame.region) == sorted(f"r{s}" for s in range(30))
    # Competition ranking: a row's rank is 1 + the number of strictly better totals.
    for rank, total in zip(frame["rank"], frame.total):
        assert rank == 1 + (frame.total > total).sum()
    assert frame["rank"].iloc[0] == 1
    # Regions without a steering group (every third) rank below all that have one.
    worst_with = frame[~frame.region.isin([f"r{s}" for s in range(0, 30, 3)])].total.min()
    assert (frame[frame.region.isin([f"r{s}" for s in range(0, 30, 3)])].total < worst_with).all()
    for _, row in frame.iterrows():
        net = nets[int(row.region[1:])]
        assert row.total == pytest.approx(card.evaluate(net).total)
        assert row.steering_group == (0 if int(row.region[1:]) % 3 == 0 else 100)
    # Equal totals are ordered by region id; by id the card gives the same frame.
    for (_, a), (_, b) in zip(frame.iloc[:-1].iterrows(), frame.iloc[1:].iterrows()):
        assert a.total > b.total or a.region < b.region
    assert hn.rank(nets, "niedersachsen", progress=False).equals(frame)


# Ranking 500 regions of 150 actors runs (time printed, not asserted).
def test_rank_500_regions(capsys):
    nets = [hn.synthetic_region(150, 600, seed=s, region_id=f"r{s}") for s in range(500)]
    start = time.perf_counter()
    frame = hn.rank(nets, "niedersachsen", progress=False)
    elapsed = time.perf_counter() - start
    assert len(frame) == 500
    assert frame.total.between(0, 100).all()
    with capsys.disabled():
        print(f"\nrank: 500 regions of 150 actors in {elapsed:.2f} s")


def test_to_json_is_strict_when_a_metric_cannot_be_computed(cli, tmp_path):
    # One actor and no tie: density and centralizations are undefined (NaN).
    # Oracle: Python's json module with allow-NaN off (strict RFC 8259), and
    # the same document from the CLI.
    net = hn.Network()
    net.add_actor("a", sectors=["gp_practice"])
    result = hn.Scorecard.load("network").evaluate(net)
    assert any(r["value"] != r["value"] for r in result.rows)  # some NaN
    text = result.to_json()

    def refuse(constant):
        raise AssertionError(f"non-strict JSON constant {constant}")

    doc = json.loads(text, parse_constant=refuse)
    assert None in [row["value"] for row in doc["rows"]]
    path = tmp_path / "one.json"
    hn.write_json(net, path)
    done = subprocess.run([cli, "score", str(path), "--scorecard", "network", "--format", "json"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    json.loads(done.stdout, parse_constant=refuse)
    report = hn.report(net, format="json", scorecard="network")
    json.loads(report, parse_constant=refuse)
