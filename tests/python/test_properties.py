# SPDX-License-Identifier: MIT
"""Property-based tests (hypothesis) on random networks.

Properties: ranges of density and E-I; invariance of every whole-network
metric (and of per-actor metrics, mapped through the relabelling) under
permuting actor ids and the order actors and ties are added; the density
after adding an isolate; components partitioning the actors (and equal to
networkx's); degree sums; brokerage role counts equal to an independent
count of open two-paths (R sna's definition); exact JSON, GraphML and CSV
round trips; agreement with networkx on a few metrics.

Each property runs on 100 random networks (HEALTHNET_EXAMPLES=N for more).
"""

from __future__ import annotations

import csv
import math
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

import healthnet as hn

# No example database and no cache directory in the source tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "healthnet-hypothesis")
settings.register_profile(
    "healthnet",
    max_examples=int(os.environ.get("HEALTHNET_EXAMPLES", "100")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("healthnet")

SECTORS = ["outpatient_care", "inpatient_care", "nursing_care", "municipality", "pharmacy", "raumfahrt"]
ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]


# ---- random networks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """A network as plain data: actors 0..n-1, their sectors (None: none), ties with weights."""

    n: int
    directed: bool
    sectors: tuple
    edges: tuple  # (u, v) pairs, no self-loops, no repeated pair
    weights: tuple

    def build(self, ids=None, actor_order=None, tie_order=None, flip=None) -> hn.Network:
        ids = ids or [f"a{v}" for v in range(self.n)]
        net = hn.Network(directed=self.directed)
        for v in actor_order or range(self.n):
            net.add_actor(ids[v], sectors=[self.sectors[v]] if self.sectors[v] else [])
        for k in tie_order or range(len(self.edges)):
            u, v = self.edges[k]
            if flip and flip[k]:
                u, v = v, u
            net.add_tie(ids[u], ids[v], weight=self.weights[k])
        return net

    def arcs(self) -> set:
        out = set(self.edges)
        if not self.directed:
            out |= {(v, u) for u, v in self.edges}
        return out


@st.composite
def specs(draw, min_n=0, max_n=12, directed=None, weighted=None, ungrouped=False) -> Spec:
    n = draw(st.integers(min_n, max_n))
    directed = draw(st.booleans()) if directed is None else directed
    weighted = draw(st.booleans()) if weighted is None else weighted
    pairs = [(u, v) for u in range(n) for v in range(n) if u != v and (directed or u < v)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=40)) if pairs else []
    sector = st.sampled_from(SECTORS + [None]) if ungrouped else st.sampled_from(SECTORS)
    sectors = draw(st.lists(sector, min_size=n, max_size=n))
    weight = st.sampled_from([0.5, 1.0, 2.0, 3.0, 7.25]) if weighted else st.just(1.0)
    weights = draw(st.lists(weight, min_size=len(edges), max_size=len(edges)))
    return Spec(n, directed, tuple(sectors), tuple(edges), tuple(weights))


def close(a, b, rel=1e-9) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)


# ---- ranges -----------------------------------------------------------------------------------


@given(specs())
def test_density_and_ei_in_range(spec: Spec):
    """density in [0, 1] (weighted: >= 0); E-I in [-1, 1]; degree centralization in [0, 1]."""
    net = spec.build()
    d = hn.density(net)
    assert (math.isnan(d) and spec.n < 2) or 0.0 <= d <= 1.0
    ei = hn.ei_index(net).ei
    assert (math.isnan(ei) and not spec.edges) or -1.0 <= ei <= 1.0
    if spec.n >= 2:
        m = len(spec.edges)
        pairs = spec.n * (spec.n - 1) / (1 if spec.directed else 2)
        assert close(d, m / pairs)
    c = hn.degree_centralization(net)
    assert math.isnan(c) or -1e-12 <= c <= 1.0 + 1e-12


# ---- relabelling -------------------------------------------------------------------------------


def whole_network_metrics(net: hn.Network) -> dict:
    out = {f"profile.{k}": float(v) for k, v in hn.profile(net).items()}
    out.update(
        density=hn.density(net),
        weighted_density=hn.density(net, weighted=True),
        transitivity=hn.transitivity(net),
        average_clustering=hn.average_clustering(net),
        components=hn.n_components(net),
        strong_components=hn.n_components(net, strong=True),
        largest_component_share=hn.largest_component_share(net),
        degree_centralization=hn.degree_centralization(net),
        betweenness_centralization=hn.betweenness_centralization(net),
        closeness_centralization=hn.closeness_centralization(net),
        ei=hn.ei_index(net).ei,
        modularity=hn.modularity(net, by="sector"),
        unweighted_modularity=hn.modularity(net, by="sector", weighted=False),
        assortativity=hn.assortativity(net, by="sector"),
        reciprocity=hn.reciprocity(net),
        fragmentation=hn.fragmentation(net),
        brokerage_total=float(hn.brokerage(net, by="sector")["total"].sum()),
    )
    return out


def outcome(f, *args):
    """The value of f(*args), or the type of the ValueError it raises."""
    try:
        return f(*args)
    except ValueError:
        return ValueError


def per_actor_metrics(net: hn.Network) -> dict:
    return {
        "degree": hn.degree(net),
        "strength": hn.strength(net),
        "betweenness": hn.betweenness(net),
        "weighted_betweenness": hn.betweenness(net, weighted=True),
        "closeness": hn.closeness(net),
        "harmonic": hn.harmonic_closeness(net),
        "core": hn.core_number(net),
        "clustering": hn.local_clustering(net),
        "constraint": hn.constraint(net),
        "two_step": hn.two_step_reach(net),
    }


@given(spec=specs(ungrouped=True), data=st.data())
def test_relabelling_changes_no_metric(spec: Spec, data):
    """Permuting ids and the order of actors and ties (and, undirected, each tie's ends) changes no metric."""
    perm = data.draw(st.permutations(range(spec.n)))
    ids_a = [f"a{v}" for v in range(spec.n)]
    ids_b = [f"z{perm[v]}" for v in range(spec.n)]  # a permutation of the id set, in another sort order
    actor_order = data.draw(st.permutations(range(spec.n)))
    tie_order = data.draw(st.permutations(range(len(spec.edges))))
    flip = data.draw(st.lists(st.booleans(), min_size=len(spec.edges), max_size=len(spec.edges)))
    a = spec.build(ids_a)
    b = spec.build(ids_b, actor_order, tie_order, None if spec.directed else flip)
    ma, mb = whole_network_metrics(a), whole_network_metrics(b)
    for key in ma:
        assert close(ma[key], mb[key]), (key, ma[key], mb[key])
    # Eigenvector centralization comes from a power iteration: equal to its
    # tolerance, or failing to converge (documented ValueError) for both.
    ea, eb = outcome(hn.eigenvector_centralization, a), outcome(hn.eigenvector_centralization, b)
    if isinstance(ea, float) and isinstance(eb, float):
        assert close(ea, eb, rel=1e-6) or abs(ea - eb) < 1e-6, (ea, eb)
    else:
        assert ea == eb
    pa, pb = per_actor_metrics(a), per_actor_metrics(b)
    for key in pa:
        for v in range(spec.n):
            assert close(float(pa[key][ids_a[v]]), float(pb[key][ids_b[v]])), (key, v)


@given(specs(min_n=1))
def test_adding_an_isolate_lowers_density_as_predicted(spec: Spec):
    """d' = m / C(n+1, 2) undirected, m / ((n+1) n) directed."""
    net = spec.build()
    net.add_actor("isolate", sectors=["pharmacy"])
    n, m = spec.n, len(spec.edges)
    expected = m / ((n + 1) * n / 2) if not spec.directed else m / ((n + 1) * n)
    assert close(hn.density(net), expected, rel=1e-12)
    assert "isolate" in hn.isolates(net)


# ---- components, degrees -------------------------------------------------------------------------


def to_nx(spec: Spec):
    g = nx.DiGraph() if spec.directed else nx.Graph()
    g.add_nodes_from(f"a{v}" for v in range(spec.n))
    for (u, v), w in zip(spec.edges, spec.weights):
        g.add_edge(f"a{u}", f"a{v}", weight=w)
    return g


@given(specs())
def test_components_partition_the_actors(spec: Spec):
    """Weak and strong components: disjoint, covering every actor once, equal to networkx's."""
    net = spec.build()
    g = to_nx(spec)
    for strong in (False, True):
        comps = hn.connected_components(net, strong=strong)
        flat = [a for c in comps for a in c]
        assert sorted(flat) == sorted(net.actor_ids)
        assert len(flat) == len(set(flat))
        assert hn.n_components(net, strong=strong) == len(comps)
        if not spec.directed:
            oracle = nx.connected_components(g)
        elif strong:
            oracle = nx.strongly_connected_components(g)
        else:
            oracle = nx.weakly_connected_components(g)
        assert sorted(map(frozenset, comps), key=sorted) == sorted(map(frozenset, oracle), key=sorted)
    # Every tie lies inside one weak component.
    label = hn.component_labels(net)
    for u, v in spec.edges:
        assert label[f"a{u}"] == label[f"a{v}"]


@given(specs())
def test_degree_and_strength_sums(spec: Spec):
    """Degrees sum to 2m, strengths to twice the total weight; in- and out-degrees each to m (directed)."""
    net = spec.build()
    m = len(spec.edges)
    assert hn.degree(net).sum() == 2 * m
    assert close(float(hn.strength(net).sum()), 2 * sum(spec.weights))
    if spec.directed:
        assert hn.degree(net, mode="in").sum() == m
        assert hn.degree(net, mode="out").sum() == m


# ---- brokerage ---------------------------------------------------------------------------------


def brokerage_oracle(spec: Spec) -> list[list[int]]:
    """R sna brokerage(): for broker j, ordered pairs (i, k), i != k, with i -> j -> k and no i -> k,
    all three grouped; classified by the groups (w_I, w_O, b_IO, b_OI, b_O). Undirected: both arcs."""
    arcs = spec.arcs()
    g = spec.sectors
    counts = [[0] * 5 for _ in range(spec.n)]
    for j in range(spec.n):
        for i in range(spec.n):
            for k in range(spec.n):
                if len({i, j, k}) < 3 or (i, j) not in arcs or (j, k) not in arcs or (i, k) in arcs:
                    continue
                if g[i] is None or g[j] is None or g[k] is None:
                    continue
                if g[i] == g[j] == g[k]:
                    role = 0
                elif g[i] == g[k]:
                    role = 1
                elif g[i] == g[j]:
                    role = 2
                elif g[j] == g[k]:
                    role = 3
                else:
                    role = 4
                counts[j][role] += 1
    return counts


@given(specs(max_n=10, ungrouped=True))
def test_brokerage_counts_open_two_paths(spec: Spec):
    """Role counts per actor equal an independent triple count; their sum is the number of open two-paths."""
    net = spec.build()
    frame = hn.brokerage(net, by="sector")
    oracle = brokerage_oracle(spec)
    for v in range(spec.n):
        row = frame.loc[f"a{v}"]
        if spec.sectors[v] is None:
            assert row.isna().all()
            continue
        assert [row[r] for r in ROLES] == oracle[v]
        assert row["total"] == sum(oracle[v])
    assert frame["total"].sum() == sum(map(sum, oracle))


# ---- round trips --------------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
NAME = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=8)
KEY = st.text("abcdefxyz_äöü ", min_size=1, max_size=6)
LABEL = st.text("abcdefghijklmnopqrstuvwxyz_0123456789", min_size=1, max_size=8)
FINITE = st.floats(allow_nan=False, allow_infinity=False)
DATES = st.builds(
    lambda y, m, d, form: [f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{d:02d}"][form],
    st.integers(1900, 2100),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


@st.composite
def rich_networks(draw, text=NAME, attribute_values=None, keys=KEY, with_extras=True) -> hn.Network:
    """Networks with every field: names, types, several sectors, typed attributes, locations,
    multiplex ties with since and attributes, self-loops, region, bodies, a custom taxonomy."""
    if attribute_values is None:
        attribute_values = st.one_of(st.booleans(), FINITE, text)
    attrs = st.dictionaries(keys, attribute_values, max_size=3)
    directed = draw(st.booleans())
    self_loops = with_extras and draw(st.booleans())
    net = hn.Network(directed=directed)
    net.allow_self_loops = self_loops
    ids = draw(st.lists(st.text("abcxyzäß-_. 0123", min_size=1, max_size=5), unique=True, max_size=8))
    for i in ids:
        location = None
        if with_extras and draw(st.booleans()):
            location = hn.GeoPoint(draw(st.floats(-90, 90)), draw(st.floats(-180, 180)))
        net.add_actor(
            i,
            name=draw(text).replace("\x00", ""),  # names never hold NUL (refused on every way in)
            sectors=draw(st.lists(LABEL, unique=True, max_size=3)),
            type=draw(text),
            attributes=draw(attrs),
            location=location,
        )
    if ids:
        pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids))
        for s, t in draw(st.lists(pairs, max_size=12)):
            if s == t and not self_loops:
                continue
            net.add_tie(
                s,
                t,
                relations=draw(st.lists(LABEL, max_size=3)),
                weight=draw(st.floats(0, 1e6, allow_nan=False)),
                attributes=draw(attrs),
                since=draw(st.one_of(st.none(), DATES)),
            )
    if with_extras:
        net.region = hn.Region(
            id=draw(text),
            name=draw(text),
            state=draw(text),
            population=draw(st.one_of(st.none(), st.integers(0, 10**9))),
            wave=draw(text),
            date=draw(text),
        )
        for k, b in enumerate(
            draw(
                st.lists(
                    st.sampled_from(
                        ["steering_group", "working_group", "coordination_office", "health_conference"]
                    ),
                    max_size=3,
                )
            )
        ):
            members = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
            net.add_body(
                f"b{k}",
                b,
                name=draw(text),
                members=members,
                topic=draw(st.one_of(st.none(), text)),
                year=draw(st.one_of(st.none(), st.integers(1990, 2100))),
            )
        if draw(st.booleans()):
            used = sorted({s for i in ids for s in net.actor(i).sectors} | {"x"})
            net.taxonomy = hn.Taxonomy(
                [hn.Sector(s, draw(text) or s, draw(text) or s, draw(st.booleans())) for s in used]
            )
    return net


@given(rich_networks(text=TEXT))
def test_json_round_trip_is_exact(net: hn.Network):
    """from_json(to_json(net)) == net, and writing again gives the same text."""
    text = hn.to_json(net)
    back = hn.from_json(text)
    assert back == net
    assert hn.to_json(back) == text


@given(rich_networks())
def test_graphml_round_trip_is_exact(net: hn.Network):
    """read_graphml(write_graphml(net)) == net (strings without NUL, which XML cannot hold)."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "net.graphml"
        hn.write_graphml(net, path)
        back = hn.read_graphml(path)
    assert hn.to_json(back) == hn.to_json(net)  # readable difference first
    assert back == net


def test_json_refuses_values_it_cannot_hold(tmp_path: Path):
    """NaN/infinite attributes, out-of-range locations: to_json names the field; nothing is written."""
    cases = [
        ({"attributes": {"x": math.nan}}, "actors[0].attributes.x: cannot write nan as json"),
        ({"attributes": {"y": -math.inf}}, "actors[0].attributes.y: cannot write -inf as json"),
        ({"location": hn.GeoPoint(91.0, 0.0)}, "actors[0].location.lat: latitude out of range: 91"),
        ({"location": hn.GeoPoint(0.0, math.nan)}, "actors[0].location.lon: cannot write nan as json"),
    ]
    for kwargs, message in cases:
        net = hn.Network()
        net.add_actor("a", **kwargs)
        with pytest.raises(ValueError) as info:
            hn.to_json(net)
        assert str(info.value).startswith(message)
        with pytest.raises(ValueError):
            hn.write_json(net, tmp_path / "out.json")
        assert not (tmp_path / "out.json").exists()
    net = hn.Network()
    net.add_actor("a")
    net.add_actor("b")
    net.add_tie("a", "b", attributes={"trust": math.inf})
    with pytest.raises(ValueError, match=r"^ties\[0\]\.attributes\.trust: cannot write inf as json"):
        hn.to_json(net)


# CSV can hold: text without NUL or CR, attribute strings that do not read as numbers or booleans.
CSV_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=8)
CSV_WORD = st.text("abcdefghijklmnopqrstuvwxyzäöüß ", min_size=1, max_size=8).filter(
    lambda s: s.strip().lower() not in ("true", "false") and s.strip() == s
)
# Header names are trimmed and some are reserved (id, name, source, weight, ...).
CSV_KEY = st.sampled_from(["staff", "rural", "district", "trust", "note"])


def csv_cell(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return v


def write_csv_pair(net: hn.Network, directory: Path) -> tuple[Path, Path]:
    """The network as a CSV pair, with Python's csv module (every field quoted)."""
    actors, ties = directory / "actors.csv", directory / "ties.csv"
    keys = sorted({k for a in net.actors for k in a.attributes})
    with open(actors, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["id", "name", "type", "sector", "sectors", *keys])
        for a in net.actors:
            w.writerow(
                [
                    a.id,
                    a.name,
                    a.type,
                    a.sectors[0] if a.sectors else "",
                    "|".join(a.sectors[1:]),
                    *[csv_cell(a.attributes[k]) if k in a.attributes else "" for k in keys],
                ]
            )
    tkeys = sorted({k for t in net.ties for k in t.attributes})
    with open(ties, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["source", "target", "relations", "weight", "since", *tkeys])
        for t in net.ties:
            w.writerow(
                [
                    t.source,
                    t.target,
                    "|".join(t.relations),
                    repr(t.weight),
                    t.since or "",
                    *[csv_cell(t.attributes[k]) if k in t.attributes else "" for k in tkeys],
                ]
            )
    return actors, ties


@given(
    rich_networks(
        text=CSV_TEXT,
        attribute_values=st.one_of(st.booleans(), FINITE, CSV_WORD),
        keys=CSV_KEY,
        with_extras=False,
    )
)
def test_csv_round_trip_where_csv_can_hold_it(net: hn.Network):
    """A network written as a quoted CSV pair reads back equal (no region, bodies or locations in CSV)."""
    # Labels that name a taxonomy sector in other words would read back as its id (aliases).
    aliases = {x.lower() for s in hn.Taxonomy.builtin().sectors for x in (s.id, s.label_de, s.label_en)}
    assume(all(s.lower() not in aliases or s in [t.id for t in hn.Taxonomy.builtin().sectors]
                          for a in net.actors for s in a.sectors))
    with tempfile.TemporaryDirectory() as d, warnings.catch_warnings():
        warnings.simplefilter("ignore", hn.DataWarning)  # labels outside the taxonomy are kept on purpose
        actors, ties = write_csv_pair(net, Path(d))
        back = hn.read_csv(actors, ties, directed=net.directed, weight="weight", unknown_sectors="keep")
    back.id_kind = net.id_kind  # all-integer ids read as integer ids (a CSV cannot say which they were)
    assert hn.to_json(back) == hn.to_json(net)  # readable difference first
    assert back == net


# ---- networkx agreement ------------------------------------------------------------------------


@given(specs(max_n=14))
def test_agrees_with_networkx(spec: Spec):
    """density, transitivity (undirected), betweenness (unnormalized) and closeness equal networkx's."""
    net = spec.build()
    g = to_nx(spec)
    if spec.n >= 2:
        assert close(hn.density(net), nx.density(g))
    if not spec.directed:
        assert close(hn.transitivity(net), nx.transitivity(g)) or not spec.edges
    ours = hn.betweenness(net)
    theirs = nx.betweenness_centrality(g, normalized=False)
    for v in g:
        assert close(float(ours[v]), theirs[v]), v
    ours = hn.closeness(net)
    theirs = nx.closeness_centrality(g)  # wf_improved, incoming distances when directed
    for v in g:
        assert close(float(ours[v]), theirs[v]), v
