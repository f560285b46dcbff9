# SPDX-License-Identifier: MIT
"""Survey exports: the long roster layout, the adjacency matrix and the wide layout.

All three end in :func:`from_pandas`, with the reading options passed on
unchanged; errors name the row (and column) of the DataFrame given.
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ._core import Network
from ._interop import _missing, _text, from_pandas
from ._names import did_you_mean, known_names

__all__ = ["from_matrix", "from_survey", "survey_from_wide"]

#: Checkbox cells: what counts as ticked and as not ticked, compared as
#: _box_key gives them (text without case and surrounding space, whole
#: numbers as digits). Blank is always not ticked; anything else is an error.
CHECKED = frozenset({"1", "x", "ja", "yes", "y", "true"})
UNCHECKED = frozenset({"0", "", "nein", "no", "n", "false"})


class _Problems:
    """Every problem of a table; the first is raised with how many more there
    are, as the C++ readers do (issue 14, item 8). The exception's
    ``problems`` attribute lists them all (at most ``limit``, of ``total``),
    in row order where a row is given (``at``), else in the order found."""

    limit = 1000

    def __init__(self) -> None:
        self.items: list[tuple[int, str]] = []
        self.total = 0

    def add(self, message: str, at: int = -1) -> None:
        self.total += 1
        if len(self.items) < self.limit:
            self.items.append((at, message))

    def add_cells(self, cells: np.ndarray, message, width: int) -> None:
        """One problem per (i, j) row of ``cells`` (np.argwhere of a matrix ``width``
        wide), in row-major order; ``message(i, j)`` is made only for those kept."""
        for i, j in cells[: max(0, self.limit - len(self.items))]:
            self.items.append((int(i) * width + int(j), message(int(i), int(j))))
        self.total += len(cells)

    def raise_first(self) -> None:
        if not self.total:
            return
        listed = [m for _, m in sorted(self.items, key=lambda item: item[0])]
        more = self.total - 1
        message = listed[0]
        if more:
            message += f" (and {more} more problem{'' if more == 1 else 's'}; the exception's .problems lists them)"
        error = ValueError(message)
        error.problems = listed
        raise error


def _column(frame: pd.DataFrame, column, what: str, noun: str = "responses"):
    if column not in frame.columns:
        columns = [str(c) for c in frame.columns]
        raise ValueError(
            f"{noun}: column {column!r} ({what}): missing{did_you_mean(str(column), columns)} "
            f"({known_names(columns).replace('known', 'columns', 1)})"
        )
    return frame[column]


def _id_value(v):
    """An id as given, but a whole float as the integer it stands for: pandas
    reads an integer id column with a blank (a respondent who named nobody)
    as float64, and 101.0 must be the actor 101, not a second actor '101.0'."""
    if isinstance(v, (float, np.floating)) and math.isfinite(v) and float(v).is_integer():
        return int(v)
    return v


def _box_key(v) -> str:
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return str(int(v)) if float(v).is_integer() else repr(float(v))
    return str(v).strip().lower()


def _checkbox(v, checked: frozenset, unchecked: frozenset) -> bool:
    """True for a ticked box, False for an empty one; ValueError otherwise."""
    if _missing(v):
        return False
    key = _box_key(v)
    if key in checked:
        return True
    if key in unchecked:
        return False
    raise ValueError(
        f"checkbox value {v!r} is neither ticked ({', '.join(sorted(checked))}) "
        f"nor empty (blank, {', '.join(repr(x) if not x else x for x in sorted(unchecked))}); "
        "pass checkbox=(ticked, empty) for another coding"
    )


def _rating(col: pd.Series, where, label: str, problems: _Problems) -> np.ndarray:
    """A rating column as floats, NaN where blank; text that is no number is a problem."""
    if pd.api.types.is_numeric_dtype(col.dtype) and not pd.api.types.is_bool_dtype(col.dtype):
        return col.to_numpy(dtype=float, na_value=np.nan)
    out = np.full(len(col), np.nan)
    for i, v in enumerate(col.tolist()):
        if _missing(v):
            continue
        if isinstance(v, (int, np.integer, float, np.floating)) and not isinstance(v, (bool, np.bool_)):
            out[i] = float(v)
            continue
        if isinstance(v, str) and not v.strip():
            continue
        hint = " (a decimal comma? read the file with decimal=',')" if isinstance(v, str) and "," in v else ""
        problems.add(f"{where(i)}: column {label!r}: rating {v!r} is not a number{hint}", i)
    return out


def _passes_respondent() -> bool:
    # from_pandas takes respondent= (an actors column of booleans) once the
    # respondents of issue 15 are in the model; before that the column is an
    # ordinary bool attribute.
    return "respondent" in inspect.signature(from_pandas).parameters


def from_survey(
    responses: pd.DataFrame,
    *,
    respondent: str = "respondent",
    partner: str = "partner",
    ratings: Iterable[str] | None = None,
    relations: Mapping[str, str] | Iterable[str] | None = None,
    actors: pd.DataFrame | None = None,
    directed: bool = True,
    checkbox: tuple[Iterable, Iterable] | None = None,
    **options,
) -> Network:
    """Build a network from a long roster-survey export: one row per respondent x partner.

    Parameters
    ----------
    responses : pandas.DataFrame
        One row per respondent and roster partner, e.g. as read with
        ``pd.read_csv(..., sep=";", decimal=",")`` or ``pd.read_excel``.
        A respondent who named nobody still has a row (the partner blank, or
        nothing ticked), and counts as a respondent.
    respondent, partner : str
        Columns of the respondent's and the partner's actor id.
    ratings : list of str, optional
        Numeric columns kept as tie attributes under their own names (e.g.
        frequency, trust). A blank rating stays missing, never 0.
    relations : dict or list of str, optional
        Checkbox columns and the relation each stands for, e.g.
        ``{"Informationsaustausch": "information", "Überweisung": "referral"}``
        (a list uses the column names as relation names). A ticked box is
        1, True, ``"x"``, ``"ja"``, ``"yes"`` or ``"y"`` (LimeSurvey); an
        empty one 0, False, ``""``, blank, ``"nein"``, ``"no"`` or ``"n"``
        (text without case); anything else is an error.
    actors : pandas.DataFrame, optional
        The roster: one row per organisation (``id``, ``name``, ``sector``,
        ...; as for :func:`from_pandas`). Default: the ids found in the
        respondent and partner columns, in order of first appearance.
    directed : bool, default True
        Nominations are directed: respondent -> partner.
    checkbox : (ticked, empty), optional
        Values that replace the checkbox coding above, e.g. ``([2], [1])``
        for SoSci Survey, which codes a ticked box 2 and an empty one 1.
        Blank cells are always empty.
    **options
        Passed on to :func:`from_pandas` unchanged (``id=``, ``sector=``,
        ``weight=`` naming one of the responses' columns, and the reading
        rules such as ``duplicates=``, ``missing_weight=``, ``sector_map=``).

    Returns
    -------
    Network
        A tie respondent -> partner for every row with a ticked relation or a
        rating (the row's other columns are not kept). Every actor carries
        ``respondent``: True for the ids in the respondent column, False for
        the other roster actors.

    Raises
    ------
    ValueError
        Naming the row and the column: a missing column (with a "did you
        mean"), a blank respondent, a checkbox value such as
        ``"vielleicht"``, a rating that is no number, a partner or
        respondent id that is not in the roster, or a blank partner in a
        row with answers. Every row is checked: the message is the first
        problem and says how many more there are, and the exception's
        ``problems`` attribute lists them all in row order.

    Examples
    --------
    >>> import pandas as pd, healthnet as hn
    >>> responses = pd.DataFrame({"respondent": [101, 101, 102], "partner": [102, 103, 101],
    ...                           "Info": ["x", "", "x"], "trust": [4, None, 3]})
    >>> net = hn.from_survey(responses, relations={"Info": "information"}, ratings=["trust"])
    >>> net.n_ties, net.tie("101", "102").attributes
    (2, {'trust': 4.0})
    """
    if not isinstance(responses, pd.DataFrame):
        raise TypeError(f"responses: expected a pandas DataFrame, not {type(responses).__name__}")
    labels = responses.index.tolist()

    def where(i: int) -> str:
        return f"responses row {labels[i]!r}"

    resp = [_id_value(v) for v in _column(responses, respondent, "respondent").tolist()]
    part = [_id_value(v) for v in _column(responses, partner, "partner").tolist()]
    n = len(responses)
    if relations is None:
        relations = {}
    elif not isinstance(relations, Mapping):
        relations = {c: c for c in relations}
    ratings = list(ratings or [])
    weight = options.get("weight")
    value_columns = list(ratings)
    if weight is not None and weight not in value_columns:
        _column(responses, weight, "weight")
        value_columns.append(weight)
    reserved = {"source", "target", "relations"}
    for c in value_columns:
        if c in reserved:
            raise ValueError(f"responses: column {c!r}: rename it, {sorted(reserved)} are taken by the ties")
    problems = _Problems()
    values = {c: _rating(_column(responses, c, "rating"), where, c, problems) for c in value_columns}
    if checkbox is None:
        ticked, empty = CHECKED, UNCHECKED
    else:
        ticked, empty = (frozenset(map(_box_key, codes)) for codes in checkbox)
        if ticked & empty:
            raise ValueError(f"checkbox: {sorted(ticked & empty)[0]!r} is both ticked and empty")
    checked = np.zeros((n, len(relations)), dtype=bool)
    for k, column in enumerate(relations):
        col = _column(responses, column, "relation").tolist()
        for i, v in enumerate(col):
            try:
                checked[i, k] = _checkbox(v, ticked, empty)
            except ValueError as e:
                problems.add(f"{where(i)}: column {column!r}: {e}", i)
    names = list(relations.values())
    answered = checked.any(axis=1)
    for v in values.values():
        answered |= ~np.isnan(v)

    # The roster, compared as text (as from_pandas turns ids into text).
    id_column = options.get("id", "id")
    if actors is not None:
        if not isinstance(actors, pd.DataFrame):
            raise TypeError(f"actors: expected a pandas DataFrame, not {type(actors).__name__}")
        if "respondent" in actors.columns:
            raise ValueError(
                "actors: column 'respondent': from_survey sets it from the responses; drop or rename it"
            )
        if id_column in actors.columns:
            roster_ids = actors[id_column].tolist()
        elif actors.index.name == id_column:
            roster_ids = actors.index.tolist()
        else:
            _column(actors, id_column, "actor id", "actors")
        roster = {_text(v) for v in roster_ids if not _missing(v)}
    else:
        roster = None
        roster_ids = []
        seen: set[str] = set()

    respondents: set[str] = set()
    keep = []
    for i in range(n):
        r, p = resp[i], part[i]
        if _missing(r):
            problems.add(f"{where(i)}: column {respondent!r}: missing respondent id", i)
            continue
        rt = _text(r)
        if roster is not None and rt not in roster:
            problems.add(
                f"{where(i)}: column {respondent!r}: respondent {r!r} is not in the actors"
                f"{did_you_mean(rt, sorted(roster))}",
                i,
            )
            continue
        respondents.add(rt)
        if roster is None and rt not in seen:
            seen.add(rt)
            roster_ids.append(r)
        if _missing(p):
            if answered[i]:
                problems.add(f"{where(i)}: column {partner!r}: missing partner id in a row with answers", i)
            continue
        pt = _text(p)
        if roster is not None and pt not in roster:
            problems.add(
                f"{where(i)}: column {partner!r}: partner {p!r} is not in the actors"
                f"{did_you_mean(pt, sorted(roster))}",
                i,
            )
            continue
        if roster is None and pt not in seen:
            seen.add(pt)
            roster_ids.append(p)
        if answered[i]:
            keep.append(i)
    problems.raise_first()

    rows = np.asarray(keep, dtype=np.intp)
    ties = pd.DataFrame(
        {
            "source": [resp[i] for i in keep],
            "target": [part[i] for i in keep],
            "relations": [[names[k] for k in np.flatnonzero(checked[i])] for i in keep],
        }
    )
    for c, v in values.items():
        ties[c] = v[rows]
    is_respondent = [_text(v) in respondents for v in roster_ids]
    if actors is None:
        actor_frame = pd.DataFrame({id_column: roster_ids, "respondent": is_respondent})
        actor_labels = list(range(len(roster_ids)))
    else:
        actor_frame = actors.assign(respondent=np.asarray(is_respondent, dtype=bool))
        actor_labels = actors.index.tolist()
    if _passes_respondent():
        options["respondent"] = "respondent"
    return from_pandas(
        actor_frame,
        ties,
        directed=directed,
        _where=(lambda i: f"actors row {actor_labels[i]!r}", lambda t: where(keep[t])),
        **options,
    )


def from_matrix(
    df: pd.DataFrame,
    *,
    directed: bool = True,
    binary: bool = False,
    missing: str = "error",
    allow_self_loops: bool = False,
    actors: pd.DataFrame | None = None,
    **options,
) -> Network:
    """Build a network from a square, labelled adjacency matrix (UCINET or Excel style).

    Parameters
    ----------
    df : pandas.DataFrame
        Row labels are the sources, column labels the targets, and the cell
        ``df.loc[i, j]`` the tie i -> j: 0 for no tie, else its weight. Row
        and column labels must be the same set of ids, compared as text, so
        ``pd.read_csv(f, index_col=0)`` with integer ids works. A cell is a
        number, or text that is one.
    directed : bool, default True
        False: the matrix must be symmetric; each pair is read once.
    binary : bool, default False
        True: every cell must be 0 or 1 and ties get weight 1; False: the
        value is the weight.
    missing : {"error", "absent"}, default "error"
        A blank (NaN) cell is ambiguous, so by default it is an error;
        ``"absent"`` reads it as no tie.
    allow_self_loops : bool, default False
        False: the diagonal must be 0 or blank.
    actors : pandas.DataFrame, optional
        Actor data (``id``, ``name``, ``sector``, ...); its ids must be the
        matrix labels. Default: the labels, in row order.
    **options
        Passed on to :func:`from_pandas` unchanged.

    Returns
    -------
    Network

    Raises
    ------
    ValueError
        For labels that differ between rows and columns (naming the first
        mismatch), a repeated label, a blank cell (unless
        ``missing="absent"``), text that is no number, a value other than 0
        or 1 with ``binary=True``, a non-zero diagonal, or an asymmetric
        cell when ``directed=False``; the message names the row and column
        labels. Every cell is checked: the message is the first problem
        and says how many more there are, and the exception's ``problems``
        attribute lists them all (row by row).

    Examples
    --------
    >>> import pandas as pd, healthnet as hn
    >>> m = pd.DataFrame([[0, 2], [0, 0]], index=["a", "b"], columns=["a", "b"])
    >>> hn.from_matrix(m).tie("a", "b").weight
    2.0
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"matrix: expected a pandas DataFrame, not {type(df).__name__}")
    if missing not in ("error", "absent"):
        raise ValueError(f"missing: expected 'error' or 'absent', got {missing!r}")
    rows, cols = df.index.tolist(), df.columns.tolist()
    row_text, col_text = [_text(v) for v in rows], [_text(v) for v in cols]
    problems = _Problems()
    # The labels first: the cells are checked only once rows and columns match.
    for what, text in (("row", row_text), ("column", col_text)):
        seen: set[str] = set()
        for t, v in zip(text, rows if what == "row" else cols):
            if _missing(v):
                problems.add(f"matrix: {what} label {v!r}: missing id")
            elif t in seen:
                problems.add(f"matrix: {what} label {v!r}: appears more than once")
            seen.add(t)
    col_set, row_set = set(col_text), set(row_text)
    # A label on one side only is most likely a typo of one on the other side only.
    cols_only, rows_only = sorted(col_set - row_set), sorted(row_set - col_set)
    for t, v in zip(row_text, rows):
        if t not in col_set and not _missing(v):
            problems.add(f"matrix: row label {v!r} has no column{did_you_mean(t, cols_only)}")
    for t, v in zip(col_text, cols):
        if t not in row_set and not _missing(v):
            problems.add(f"matrix: column label {v!r} has no row{did_you_mean(t, rows_only)}")
    problems.raise_first()
    order = [col_text.index(t) for t in row_text]  # columns in row order
    n = len(rows)

    values = np.full((n, n), np.nan)
    for j in range(n):
        col = df.iloc[:, order[j]]
        if pd.api.types.is_numeric_dtype(col.dtype) and not pd.api.types.is_bool_dtype(col.dtype):
            values[:, j] = col.to_numpy(dtype=float, na_value=np.nan)
            continue
        for i, v in enumerate(col.tolist()):
            if _missing(v) or (isinstance(v, str) and not v.strip()):
                continue
            if isinstance(v, (int, np.integer, float, np.floating)) and not isinstance(v, (bool, np.bool_)):
                values[i, j] = float(v)
                continue
            try:
                values[i, j] = float(str(v).strip())
            except ValueError:
                problems.add(f"matrix row {rows[i]!r}, column {rows[j]!r}: {v!r} is not a number", i * n + j)
                values[i, j] = 0.0  # reported; keeps the later checks from counting it again

    def at(i: int, j: int) -> str:
        return f"matrix row {rows[i]!r}, column {rows[j]!r}"

    blank = np.isnan(values)
    diagonal = np.arange(n)
    if not allow_self_loops:
        d = values[diagonal, diagonal]
        for i in np.flatnonzero(~np.isnan(d) & (d != 0)):
            problems.add(
                f"{at(int(i), int(i))}: self-loop {d[i]:g} on the diagonal (pass allow_self_loops=True to keep it)",
                int(i) * (n + 1),
            )
        blank[diagonal, diagonal] = False
        values[diagonal, diagonal] = 0.0
    if missing == "error":
        problems.add_cells(
            np.argwhere(blank),
            lambda i, j: f"{at(i, j)}: blank cell; a blank is ambiguous in a matrix: write 0 for no tie, "
            "or pass missing='absent' to read blanks as no tie",
            n,
        )
    values[blank] = 0.0
    infinite = ~np.isfinite(values)
    problems.add_cells(np.argwhere(infinite), lambda i, j: f"{at(i, j)}: {values[i, j]} is not a finite number", n)
    values[infinite] = 0.0  # reported
    if binary:
        problems.add_cells(
            np.argwhere((values != 0) & (values != 1)),
            lambda i, j: f"{at(i, j)}: {values[i, j]:g} in a binary matrix (expected 0 or 1)",
            n,
        )
    if not directed:
        # Each asymmetric pair once, named from the upper triangle (i < j).
        problems.add_cells(
            np.argwhere(np.triu(values != values.T)),
            lambda i, j: f"{at(i, j)}: {values[i, j]:g} but {values[j, i]:g} the other way; an undirected "
            "matrix must be symmetric (read it directed and symmetrise it)",
            n,
        )
    problems.raise_first()
    if not directed:
        values = np.triu(values)
    src, dst = np.nonzero(values)  # row-major: ties in row order
    ties = pd.DataFrame(
        {
            "source": [rows[i] for i in src],
            "target": [rows[j] for j in dst],
            "weight": values[src, dst],
        }
    )
    if actors is None:
        actor_frame = pd.DataFrame({options.get("id", "id"): rows})
        actor_labels = list(range(n))
    else:
        id_column = options.get("id", "id")
        if id_column in actors.columns:
            ids = actors[id_column].tolist()
        elif actors.index.name == id_column:
            ids = actors.index.tolist()
        else:
            _column(actors, id_column, "actor id", "actors")
        text = {_text(v) for v in ids if not _missing(v)}
        for t, v in zip(row_text, rows):
            if t not in text:
                problems.add(f"matrix: label {v!r} is not in the actors{did_you_mean(t, sorted(text))}")
        for v in ids:
            if not _missing(v) and _text(v) not in row_set:
                problems.add(f"actors: id {v!r} has no row and column in the matrix")
        problems.raise_first()
        actor_frame = actors
        actor_labels = actors.index.tolist()
    return from_pandas(
        actor_frame,
        ties,
        directed=directed,
        allow_self_loops=allow_self_loops,
        _where=(lambda i: f"actors row {actor_labels[i]!r}", lambda t: at(int(src[t]), int(dst[t]))),
        **options,
    )


def survey_from_wide(
    df: pd.DataFrame,
    respondent: str = "id",
    pattern: str = r"(?P<field>.+)_(?P<partner>\d+)",
) -> pd.DataFrame:
    """Turn a wide survey export into the long layout :func:`from_survey` reads.

    SoSci Survey and LimeSurvey export one row per respondent and one column
    per question and roster partner, e.g. ``kontakt_101``, ``vertrauen_101``,
    ``kontakt_102``, ... This gives one row per respondent and partner.

    Parameters
    ----------
    df : pandas.DataFrame
        The wide export.
    respondent : str, default "id"
        Column of the respondent's actor id.
    pattern : str
        Regular expression matched against every other column name (the
        whole name); its named groups ``field`` (the question) and
        ``partner`` (the partner id) split it. Columns that do not match
        (case number, timestamps, ...) are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``respondent``, ``partner`` and one per field, one row per
        respondent and partner (respondents in their order, partners in the
        order of the columns); a field a partner has no column for is
        blank. Partner ids are integers when they are all digits and the
        respondent ids are integers, else text as in the column names.

    Raises
    ------
    ValueError
        When the respondent column is missing, the pattern lacks a group,
        or no column matches.

    Examples
    --------
    >>> import pandas as pd, healthnet as hn
    >>> wide = pd.DataFrame({"id": [101, 102], "kontakt_101": [None, 1], "kontakt_102": [1, None]})
    >>> hn.survey_from_wide(wide).to_dict("list")
    {'respondent': [101, 101, 102, 102], 'partner': [101, 102, 101, 102], 'kontakt': [nan, 1.0, 1.0, nan]}
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, not {type(df).__name__}")
    regex = re.compile(pattern)
    if not {"field", "partner"} <= set(regex.groupindex):
        raise ValueError(f"pattern {pattern!r}: needs the named groups (?P<field>...) and (?P<partner>...)")
    ids = _column(df, respondent, "respondent", "wide export")
    cells: dict[tuple[str, str], object] = {}
    fields: list[str] = []
    partners: list[str] = []
    for c in df.columns:
        if c == respondent:
            continue
        found = regex.fullmatch(str(c))
        if not found:
            continue
        f, p = found.group("field"), found.group("partner")
        if (f, p) in cells:
            raise ValueError(f"wide export: column {c!r}: field {f!r} of partner {p!r} appears twice")
        cells[(f, p)] = c
        if f not in fields:
            fields.append(f)
        if p not in partners:
            partners.append(p)
    if not cells:
        columns = [str(c) for c in df.columns]
        raise ValueError(
            f"wide export: no column matches {pattern!r} "
            f"({known_names(columns).replace('known', 'columns', 1)})"
        )
    int_ids = pd.api.types.is_integer_dtype(ids.dtype) or (
        ids.dtype == object and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in ids)
    )
    if int_ids and all(p.isascii() and p.isdigit() for p in partners):
        partner_ids: list = [int(p) for p in partners]
    else:
        partner_ids = list(partners)
    n, k = len(df), len(partners)
    long = pd.DataFrame({"respondent": np.repeat(ids.to_numpy(), k), "partner": partner_ids * n})
    for f in fields:
        blocks = []
        for p in partners:
            c = cells.get((f, p))
            if c is None:
                blocks.append(np.full(n, math.nan, dtype=object))
            else:
                blocks.append(df[c].to_numpy(dtype=object))
        # an (n, k) respondent x partner table, read row by row
        long[f] = np.column_stack(blocks).reshape(-1)
    return long.infer_objects()
