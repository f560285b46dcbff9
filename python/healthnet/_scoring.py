# SPDX-License-Identifier: MIT
"""Programme scorecards, their results, and ranking many regions."""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from . import _core
from ._io import _fspath
from ._metrics import _check_seed
from ._core import Network
from ._display import FAILED_COLOR, PASSED_COLOR, Raw, html_table

__all__ = ["Scorecard", "ScorecardResult", "rank", "report", "scorecards"]

_COLUMNS = ["indicator", "kind", "label", "value", "target", "score", "weight", "passed", "explanation", "source"]


def scorecards() -> list[str]:
    """Ids of the scorecards shipped with healthnet.

    Returns
    -------
    list of str
        ``["bayern", "hessen", "network", "niedersachsen"]`` (see
        ``docs/scoring.md``).
    """
    return list(_core.builtin_scorecard_ids())


@dataclass(frozen=True)
class ScorecardResult:
    """A scorecard applied to one network.

    Attributes
    ----------
    scorecard : str
        Id of the scorecard.
    region_id, region_name : str
        Of the network scored.
    lang : str
        Language of labels and explanations (``"de"`` or ``"en"``).
    total : float
        Weighted mean of the scores, 0–100.
    rows : list of dict
        One per indicator or rule (see :meth:`to_frame`).
    """

    scorecard: str
    region_id: str
    region_name: str
    lang: str
    total: float
    rows: list = field(repr=False)
    _data: object = field(default=None, repr=False, compare=False)

    def to_frame(self) -> pd.DataFrame:
        """One row per indicator or rule.

        Returns
        -------
        pandas.DataFrame
            Columns ``indicator``, ``kind`` (``"metric"`` or ``"rule"``),
            ``label``, ``value``, ``target``, ``score`` (0–100), ``weight``,
            ``passed``, ``explanation`` (a sentence naming what is missing)
            and ``source`` (the programme text the row comes from).
        """
        return pd.DataFrame(self.rows, columns=_COLUMNS)

    def to_json(self, indent: int | None = 2) -> str:
        """The result as strict JSON text: a value that cannot be computed is ``null``.

        The C++ serializer writes it, the same text as ``healthnet score
        --format json``; ``indent=None`` gives one line.
        """
        if self._data is None:
            raise ValueError("this ScorecardResult was not made by Scorecard.evaluate; it has no JSON form")
        return self._data.to_json(-1 if indent is None else indent).rstrip("\n")

    @property
    def passed(self) -> int:
        """Number of rows whose target is met."""
        return sum(1 for r in self.rows if r["passed"])

    def _repr_html_(self) -> str:
        head = (
            f"<p><b>{html.escape(self.region_name or self.region_id or 'network')}</b> – "
            f"scorecard <code>{html.escape(self.scorecard)}</code>: "
            f"<b>{self.total:.1f}</b> / 100, {self.passed} of {len(self.rows)} met</p>"
        )
        rows = [
            [
                r["label"],
                r["kind"],
                f"{r['value']:.3g}",
                r["target"],
                f"{r['score']:.0f}",
                f"{r['weight']:g}",
                _mark(r["passed"]),
                r["explanation"],
            ]
            for r in self.rows
        ]
        header = ["indicator", "kind", "value", "target", "score", "weight", "met", "explanation"]
        return head + html_table(rows, header=header)

    def __str__(self) -> str:
        frame = self.to_frame()[["label", "value", "target", "score", "passed"]]
        return f"{self.scorecard}: {self.total:.1f} / 100\n{frame.to_string(index=False)}"

    __repr__ = __str__


def _mark(passed: bool) -> Raw:
    colour, mark = (PASSED_COLOR, "✔") if passed else (FAILED_COLOR, "✘")
    return Raw(f"<span style='color:{colour}'>{mark}</span>")


class Scorecard:
    """A programme scorecard: indicators with targets, and governance rules.

    Load one with :meth:`load`; apply it with :meth:`evaluate`. The format is
    documented in ``docs/scoring.md`` (JSON Schema:
    ``docs/scorecard.schema.json``).

    Examples
    --------
    >>> import healthnet as hn
    >>> card = hn.Scorecard.load("network")
    >>> 0 <= card.evaluate(hn.example()).total <= 100
    True
    """

    def __init__(self, data: _core.ScorecardData):
        self._data = data

    @classmethod
    def load(cls, name_or_path: str | os.PathLike[str], taxonomy: _core.Taxonomy | None = None) -> Scorecard:
        """A shipped scorecard by id, or a scorecard file.

        Parameters
        ----------
        name_or_path : str or os.PathLike
            ``"niedersachsen"``, ``"bayern"``, ``"hessen"``, ``"network"``, or
            the path of a JSON scorecard.
        taxonomy : Taxonomy, optional
            The sector vocabulary a file's rules must use (ids, or their
            German or English labels, stored as ids); default the built-in
            one. Shipped scorecards always use the built-in one.

        Returns
        -------
        Scorecard

        Raises
        ------
        ValueError
            For an invalid file, naming file, line and field (also an
            unknown metric name, body kind or sector, with the closest
            known names).
        KeyError
            For an unknown id.
        """
        return cls(_core.load_scorecard(_fspath(name_or_path), taxonomy))

    @classmethod
    def from_json(
        cls, text: str, origin: str = "<scorecard>", taxonomy: _core.Taxonomy | None = None
    ) -> Scorecard:
        """Parse a scorecard from JSON text (sectors checked as in :meth:`load`)."""
        return cls(_core.parse_scorecard(text, origin, taxonomy))

    @property
    def id(self) -> str:
        """The scorecard's id."""
        return self._data.id

    @property
    def name(self) -> str:
        """Display name (English; German in :attr:`name_de`)."""
        return self._data.name_en

    @property
    def name_de(self) -> str:
        """German display name."""
        return self._data.name_de

    @property
    def indicator_ids(self) -> list[str]:
        """Ids of the indicators."""
        return self._data.indicator_ids

    @property
    def rule_ids(self) -> list[str]:
        """Ids of the rules."""
        return self._data.rule_ids

    def to_json(self) -> str:
        """The scorecard as JSON text (loads back with :meth:`from_json`)."""
        return self._data.to_json()

    def evaluate(self, net: Network, lang: str = "en") -> ScorecardResult:
        """Score a network.

        Parameters
        ----------
        net : Network
        lang : {"en", "de"}, default "en"
            Language of labels and explanations.

        Returns
        -------
        ScorecardResult
            With ``total`` (0–100), ``to_frame()``, ``to_json()``; displays as
            a table in Jupyter. Rows that depend on sectors say in their
            explanation how many actors carry sector labels outside the
            taxonomy, when some do.

        Raises
        ------
        KeyError
            When a grouped indicator's ``by`` is neither ``"sector"`` nor an
            attribute some actor carries; the message names the indicator
            (``scorecard 'x': indicators[2].by: ...``).
        """
        return ScorecardResult(**_core.evaluate_scorecard(self._data, net, lang))

    def __repr__(self) -> str:
        return (
            f"<Scorecard {self.id!r}: {len(self.indicator_ids)} indicators, {len(self.rule_ids)} rules>"
        )


def _progress(done: int, total: int, stream) -> None:
    stream.write(f"\rscoring {done}/{total} regions")
    if done == total:
        stream.write("\n")
    stream.flush()


def rank(
    networks: Iterable[Network] | Sequence[Network],
    scorecard: Scorecard | str,
    lang: str = "en",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Score many regions with one scorecard and rank them.

    Parameters
    ----------
    networks : iterable of Network
        The regions; each should carry a region id or name.
    scorecard : Scorecard or str
        A scorecard or the id/path to load.
    lang : {"en", "de"}, default "en"
    progress : bool, optional
        Print progress to stderr; default: when stderr is a terminal.

    Returns
    -------
    pandas.DataFrame
        One row per region, best first: ``rank``, ``region`` (id, or its
        position when it has none), ``name``, ``total``, ``passed`` (rows
        met) and one column of scores (0–100) per indicator and rule.
    """
    card = scorecard if isinstance(scorecard, Scorecard) else Scorecard.load(scorecard)
    nets = list(networks)
    if progress is None:
        progress = sys.stderr.isatty()
    results = []
    chunk = 50
    for start in range(0, len(nets), chunk):
        results += _core.evaluate_scorecard_many(card._data, nets[start : start + chunk], lang)
        if progress:
            _progress(min(start + chunk, len(nets)), len(nets), sys.stderr)
    records = []
    for i, r in enumerate(results):
        rec = {
            "region": r["region_id"] or str(i),
            "name": r["region_name"],
            "total": r["total"],
            "passed": sum(1 for row in r["rows"] if row["passed"]),
        }
        rec.update({row["indicator"]: row["score"] for row in r["rows"]})
        records.append(rec)
    columns = ["region", "name", "total", "passed"] + card.indicator_ids + card.rule_ids
    frame = pd.DataFrame(records, columns=columns)
    frame = frame.sort_values(["total", "region"], ascending=[False, True], kind="stable").reset_index(drop=True)
    frame.insert(0, "rank", frame["total"].rank(method="min", ascending=False).astype("Int64"))
    return frame


def report(
    net: Network,
    path: str | os.PathLike[str] | None = None,
    *,
    scorecard: Scorecard | str | None = None,
    earlier: Network | None = None,
    lang: str = "de",
    format: str | None = None,
    seed: int = 1,
) -> str:
    """The region report: summary, scorecard, coverage, drawing, brokers, gaps, trust and value.

    The data basis lists what the reader assumed while loading ``net``
    (:attr:`Network.reading_notes`, e.g. merged repeated pairs).

    With ``earlier`` the report compares the waves; when ties carry trust or
    value ratings under PARTNER's default names (``trust_openness``, ...,
    ``value_involvement``) it has a section "Vertrauen und Nutzen" / "Trust
    and value" (:func:`relationship_quality`).

    The same report as ``healthnet report``: one self-contained HTML file
    (inline CSS and SVG, no scripts, no network access), or Markdown or
    JSON with the same content.

    Parameters
    ----------
    net : Network
    path : str or os.PathLike, optional
        Write the report there (atomically); the format follows the
        extension (.html/.htm, .md/.markdown, .json) unless ``format`` is
        given. Any other extension is a ``ValueError`` (the same rule as
        ``healthnet report -o``).
    scorecard : Scorecard or str, optional
        Default: the generic ``"network"`` scorecard.
    earlier : Network, optional
        An earlier wave of the region: adds the wave comparison.
    lang : {"de", "en"}, default "de"
    format : {"html", "md", "markdown", "json"}, optional
    seed : int, default 1
        Seed of the network layout.

    Returns
    -------
    str
        The report text.
    """
    format = _core.report_format(_fspath(path) if path is not None else "", format or "")
    card = None
    if scorecard is not None:
        card = (scorecard if isinstance(scorecard, Scorecard) else Scorecard.load(scorecard))._data
    text = _core.render_report(net, format, lang, card, earlier, _check_seed(seed), net.reading_notes)
    if path is not None:
        _core.write_text_atomically(_fspath(path), text)
    return text
