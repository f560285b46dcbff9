# SPDX-License-Identifier: MIT
"""Excel workbooks (.xlsx) in and out, through pandas and openpyxl.

A workbook holds one sheet per table: ``actors`` and ``ties`` (the columns
of :func:`from_pandas`), optionally ``bodies`` and ``network`` (directedness
and region metadata, as :func:`write_excel` writes them) and ``taxonomy``.
Messages name the file, the sheet and the Excel row number (the header is
row 1, so the first data row is row 2).
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Callable
from typing import Any

import pandas as pd

from ._core import Network, Taxonomy
from ._interop import _body_dict, _missing, _text, from_pandas
from ._names import did_you_mean, known_names

__all__ = ["read_excel", "write_excel"]

#: The separator of several sectors, relations or body members in one cell.
LIST_SEP = "|"

#: Keys of the ``network`` sheet and the Region fields they hold.
_REGION_KEYS = {
    "region_id": "id",
    "region_name": "name",
    "state": "state",
    "population": "population",
    "wave": "wave",
    "date": "date",
}


def _openpyxl():
    try:
        import openpyxl
    except ImportError:
        raise ImportError(
            "reading and writing Excel needs openpyxl: pip install healthnet[excel]"
        ) from None
    return openpyxl


# ---- reading ----------------------------------------------------------------------


class _Workbook:
    """One open workbook: its sheet names and its sheets as DataFrames."""

    def __init__(self, path: str):
        _openpyxl()
        self.path = path
        try:
            self.book = pd.ExcelFile(path, engine="openpyxl")
        except (FileNotFoundError, IsADirectoryError, PermissionError):
            raise
        except Exception as e:  # zipfile.BadZipFile, openpyxl InvalidFileException, ...
            raise ValueError(
                f"{path}: not an Excel workbook (.xlsx): {e}; save it as .xlsx, or read a CSV "
                "export with hn.read_csv"
            ) from None
        self.sheets = [str(s) for s in self.book.sheet_names]

    def has(self, sheet: str) -> bool:
        return sheet in self.sheets

    def frame(self, sheet: str) -> tuple[pd.DataFrame, list[int]]:
        """The sheet's rows below the header, and their Excel row numbers.

        Cells keep the type openpyxl gives them (text stays text, so an id
        ``"0101"`` is not read as 101); rows that are wholly blank are
        dropped; then each column gets the narrowest dtype of its values
        (``infer_objects``); whole numbers with blank cells become ``Int64``,
        so they stay integers, never floats.
        """
        if not self.has(sheet):
            raise ValueError(
                f"{self.path}: sheet {sheet!r}: no such sheet{did_you_mean(sheet, self.sheets)} "
                f"({known_names(self.sheets).replace('known', 'sheets', 1)})"
            )
        df = pd.read_excel(self.book, sheet_name=sheet, header=0, dtype=object)
        df.columns = [str(c) for c in df.columns]
        df = df.dropna(how="all")
        rows = [int(p) + 2 for p in df.index]  # the header is row 1
        df = df.reset_index(drop=True)
        for c in df.columns:  # whole numbers with blanks stay integers (Int64), never floats
            present = df[c].dropna()
            if 0 < len(present) < len(df) and all(type(v) is int for v in present):
                df[c] = df[c].astype("Int64")
        return df.infer_objects(), rows

    def where(self, sheet: str, rows: list[int]) -> Callable[[int], str]:
        path = self.path
        return lambda i: f"{path}: sheet {sheet!r} row {rows[i]}"


def _split(v) -> list[str]:
    if _missing(v):
        return []
    return [p.strip() for p in _text(v).split(LIST_SEP) if p.strip()]


def _int_or_none(v):
    if _missing(v):
        return None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _network_sheet(wb: _Workbook) -> dict[str, Any]:
    """The ``network`` sheet (columns ``key``, ``value``) as a dict."""
    df, rows = wb.frame("network")
    for c in ("key", "value"):
        if c not in df.columns:
            raise ValueError(
                f"{wb.path}: sheet 'network': column {c!r}: missing (a sheet of this name holds the "
                "network's settings as key/value rows, as write_excel writes them)"
            )
    out: dict[str, Any] = {}
    for i, (k, v) in enumerate(zip(df["key"], df["value"])):
        key = _text(k)
        if key not in {"directed", "allow_self_loops", "float_columns", *_REGION_KEYS}:
            raise ValueError(
                f"{wb.where('network', rows)(i)}: column 'key': unknown key {key!r}"
                f"{did_you_mean(key, ['directed', 'allow_self_loops', 'float_columns', *_REGION_KEYS])}"
            )
        if key in ("directed", "allow_self_loops"):
            if not isinstance(v, bool):
                raise ValueError(
                    f"{wb.where('network', rows)(i)}: column 'value': {key} must be TRUE or FALSE, not {v!r}"
                )
            out[key] = v
        elif not _missing(v):
            out[key] = _int_or_none(v) if key == "population" else _text(v)
    return out


def _bodies(wb: _Workbook, sheet: str) -> list[dict]:
    df, rows = wb.frame(sheet)
    where = wb.where(sheet, rows)
    for c in ("id", "kind"):
        if c not in df.columns:
            raise ValueError(f"{wb.path}: sheet {sheet!r}: column {c!r}: missing")
    out = []
    for i, r in enumerate(df.to_dict("records")):
        for c in ("id", "kind"):
            if _missing(r[c]):
                raise ValueError(f"{where(i)}: column {c!r}: missing")
        name, topic = r.get("name"), r.get("topic")
        out.append(
            {
                "id": _text(r["id"]),
                "kind": _text(r["kind"]),
                "name": "" if _missing(name) else _text(name),
                "members": _split(r.get("members")),
                "topic": None if _missing(topic) else _text(topic),
                "year": _int_or_none(r.get("year")),
                "_where": where(i),
            }
        )
    return out


def _taxonomy_sheet(wb: _Workbook) -> Taxonomy:
    from ._core import Sector

    df, rows = wb.frame("taxonomy")
    sectors = []
    for i, r in enumerate(df.to_dict("records")):
        try:
            sectors.append(
                Sector(
                    id=_text(r["id"]),
                    label_de="" if _missing(r.get("label_de")) else _text(r["label_de"]),
                    label_en="" if _missing(r.get("label_en")) else _text(r["label_en"]),
                    core=bool(r.get("core", False)) if not _missing(r.get("core")) else False,
                )
            )
        except (KeyError, TypeError, ValueError) as e:
            raise ValueError(f"{wb.where('taxonomy', rows)(i)}: {e}") from None
    return Taxonomy(sectors)


_FRAME_ERROR = re.compile(r"^(actors|ties): (.*)$", re.DOTALL)


def read_excel(
    path: str | os.PathLike[str],
    actors: str | None = "actors",
    ties: str | None = "ties",
    *,
    bodies: str | None = "bodies",
    directed: bool | None = None,
    **options,
) -> Network:
    """Read a network from an Excel workbook (.xlsx): an actors sheet and a ties sheet.

    Parameters
    ----------
    path : str or os.PathLike
        The workbook.
    actors : str or None, default "actors"
        Name of the sheet with one row per actor (columns as for
        :func:`from_pandas`: ``id``, ``name``, ``sector``, ...; several
        sectors separated by ``|``). None: the actors are the tie ends.
    ties : str or None, default "ties"
        Name of the sheet with one row per tie (``source``, ``target``,
        ``weight``, ``relations`` separated by ``|``, ...). None: no ties.
    bodies : str or None, default "bodies"
        Sheet of governance bodies (``id``, ``kind``, ``name``, ``members``
        separated by ``|``, ``topic``, ``year``), read when the workbook has
        it; a sheet named otherwise must exist. None: no bodies.
    directed : bool or None, default None
        None: as the workbook's ``network`` sheet says (written by
        :func:`write_excel`), else True (survey nominations).
    **options
        Passed on to :func:`from_pandas` unchanged: the column mapping
        (``id=``, ``source=``, ``target=``, ``weight=``, ...) and the
        reading rules. ``sep`` defaults to ``"|"``.

    Returns
    -------
    Network

    Notes
    -----
    Cells keep their type: text stays text (an id ``0101`` typed as text
    stays ``"0101"``), whole numbers are integers and become ids as digits
    (``101`` -> ``"101"``). Wholly blank rows are skipped; a formula cell is
    read as the value Excel last computed (openpyxl ``data_only``), and as
    blank when the file was never opened in Excel. The ``network`` sheet
    (``key``/``value`` rows: ``directed``, ``allow_self_loops``,
    ``region_id``, ``region_name``, ``state``, ``population``, ``wave``,
    ``date``) and the ``taxonomy`` sheet are read when present.

    Raises
    ------
    ValueError
        For a missing sheet (listing the sheets, with a "did you mean"), a
        file that is not a workbook, and every problem :func:`from_pandas`
        finds; the message names the file, the sheet, the Excel row (header
        = row 1) and the column, e.g. ``book.xlsx: sheet 'ties' row 5:
        column 'weight': missing weight``.
    ImportError
        When openpyxl is not installed (``pip install healthnet[excel]``).

    See Also
    --------
    write_excel : the inverse.

    Examples
    --------
    >>> import healthnet as hn, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "region.xlsx")
    >>> hn.read_excel(hn.write_excel(hn.example(), path)) == hn.example()
    True
    """
    file = os.fspath(path)
    if actors is None and ties is None:
        raise ValueError(f"{file}: give the actors sheet, the ties sheet or both")
    wb = _Workbook(file)
    try:
        return _read(wb, file, actors, ties, bodies, directed, options)
    finally:
        wb.book.close()


def _read(wb: _Workbook, file: str, actors, ties, bodies, directed, options) -> Network:
    actor_df, actor_rows = wb.frame(actors) if actors is not None else (None, [])
    tie_df, tie_rows = wb.frame(ties) if ties is not None else (None, [])
    meta = _network_sheet(wb) if wb.has("network") else {}
    body_list = []
    if bodies is not None and (wb.has(bodies) or bodies != "bodies"):
        body_list = _bodies(wb, bodies)
    if directed is None:
        directed = meta.get("directed", True)
    for entry in _split(meta.get("float_columns")):  # doubles written by write_excel stay doubles
        sheet, _, column = entry.partition(":")
        frame = actor_df if sheet == "actors" else tie_df if sheet == "ties" else None
        if frame is not None and column in frame.columns:
            frame[column] = pd.to_numeric(frame[column]).astype("Float64")
    options.setdefault("sep", LIST_SEP)
    if "allow_self_loops" in meta:
        options.setdefault("allow_self_loops", meta["allow_self_loops"])
    region = {field: meta[key] for key, field in _REGION_KEYS.items() if key in meta}
    if region and "region" not in options:
        options["region"] = region
    if wb.has("taxonomy") and "taxonomy" not in options:
        options["taxonomy"] = _taxonomy_sheet(wb)
    actor_where = wb.where(actors, actor_rows) if actors is not None else (lambda i: f"actor {i}")
    tie_where = wb.where(ties, tie_rows) if ties is not None else (lambda i: f"tie {i}")
    try:
        net = from_pandas(actor_df, tie_df, directed=directed, _where=(actor_where, tie_where), **options)
    except (ValueError, KeyError) as e:
        text = str(e.args[0]) if e.args else ""
        found = _FRAME_ERROR.match(text)
        if not found:
            raise
        sheet = actors if found.group(1) == "actors" else ties
        raise type(e)(f"{file}: sheet {sheet!r}: {found.group(2)}") from None
    for b in body_list:
        where = b.pop("_where")
        try:
            net.add_body(b["id"], b["kind"], b["name"], b["members"], b["topic"], b["year"])
        except (ValueError, KeyError) as e:  # an unknown member in the sheet is bad input: ValueError
            raise ValueError(f"{where}: {e.args[0] if e.args else e}") from None
        except TypeError as e:
            raise TypeError(f"{where}: {e.args[0] if e.args else e}") from None
    return net


# ---- writing ----------------------------------------------------------------------


def _cell_value(v):
    """A frame value as openpyxl writes it: None for missing, plain Python scalars."""
    if _missing(v) or (isinstance(v, str) and not v):
        return None  # an empty text is a blank cell
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        return v.item()  # numpy scalars
    return v


def _joined(values, what: str) -> str:
    for x in values:
        if LIST_SEP in x:
            raise ValueError(f"{what} {x!r} contains {LIST_SEP!r}, the list separator of the workbook")
    return LIST_SEP.join(values)


def _sheet(wb, title: str, frame: pd.DataFrame) -> None:
    """Appends a sheet; text cells are written as text, never as formulas."""
    from openpyxl.cell import Cell
    from openpyxl.utils.exceptions import IllegalCharacterError

    ws = wb.create_sheet(title)
    names = [str(c) for c in frame.columns]
    ws.append(names)
    columns = [frame[c].tolist() for c in frame.columns]
    for r in range(len(frame)):
        row = []
        for k, col in enumerate(columns):
            v = _cell_value(col[r])
            if isinstance(v, str):
                try:
                    cell = Cell(ws, value=v)
                except IllegalCharacterError:
                    raise ValueError(
                        f"sheet {title!r} row {r + 2}: column {names[k]!r}: {v!r} holds a control "
                        "character, which Excel cannot store"
                    ) from None
                cell.data_type = "s"  # "=1+1" stays text (openpyxl would make it a formula)
                row.append(cell)
            else:
                row.append(v)
        ws.append(row)


def _actors_sheet(net: Network) -> pd.DataFrame:
    df = net.actors_frame().reset_index()
    df["sectors"] = [_joined(s, "sector") for s in df["sectors"]]
    return df


def _ties_sheet(net: Network) -> pd.DataFrame:
    df = net.ties_frame()
    df["relations"] = [_joined(r, "relation") for r in df["relations"]]
    return df


def _bodies_sheet(net: Network) -> pd.DataFrame:
    rows = []
    for b in net.bodies:
        d = _body_dict(b)
        d["members"] = _joined(d["members"], "body member")
        rows.append(d)
    return pd.DataFrame(rows, columns=["id", "kind", "name", "members", "topic", "year"])


def _float_columns(net: Network) -> str:
    """``actors:staff|ties:trust``: the attribute columns holding doubles. Excel has one number
    type and gives whole numbers back as integers, so read_excel casts these back to float."""
    out = []
    for sheet, frame, fixed in (
        ("actors", net.actors_frame(), {"lat", "lon"}),
        ("ties", net.ties_frame(), {"weight"}),
    ):
        for c in frame.columns:
            if c not in fixed and pd.api.types.is_float_dtype(frame[c].dtype):
                out.append(f"{sheet}:{c}")
    return LIST_SEP.join(out)


def _network_rows(net: Network) -> pd.DataFrame:
    rows: list[tuple[str, Any]] = [("directed", net.directed), ("allow_self_loops", net.allow_self_loops)]
    floats = _float_columns(net)
    if floats:
        rows.append(("float_columns", floats))
    region = net.region
    for key, field in _REGION_KEYS.items():
        v = getattr(region, field)
        if v not in ("", None):
            rows.append((key, v))
    return pd.DataFrame(rows, columns=["key", "value"])


def _temporary(directory: str, base: str):
    """A new file beside the target (mode 0666 minus umask), as (name, file object)."""
    for _ in range(100):
        name = os.path.join(directory, f".{base}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        return name, os.fdopen(fd, "wb")
    raise OSError(f"{directory}: cannot create a temporary file")


def write_excel(net: Network, path: str | os.PathLike[str]) -> str:
    """Write a network to an Excel workbook (.xlsx), atomically.

    Sheets: ``actors`` (``id``, ``name``, ``sector``, ``sectors``, ``type``,
    location and attributes, as :meth:`Network.actors_frame`), ``ties``
    (:meth:`Network.ties_frame`), ``bodies`` (``id``, ``kind``, ``name``,
    ``members``, ``topic``, ``year``), ``network`` (``key``/``value``:
    directedness and region metadata) and, for a taxonomy other than the
    built-in one, ``taxonomy``. Lists (sectors, relations, members) are
    joined by ``|``, so :func:`read_excel` reads the workbook back into an
    equal network. Text is written as text cells, so ``=1+1`` stays text
    and never becomes a formula.

    The workbook is written to a temporary file in the same directory and
    then renamed over ``path``, so an interrupted write never leaves half a
    file; a replaced file keeps its mode, and a symbolic link stays and its
    target is written.

    Parameters
    ----------
    net : Network
    path : str or os.PathLike

    Returns
    -------
    str
        The path written (as given).

    Raises
    ------
    IsADirectoryError
        When ``path`` is a directory.
    ValueError
        When a sector, relation or member id contains ``|``.
    ImportError
        When openpyxl is not installed (``pip install healthnet[excel]``).
    """
    openpyxl = _openpyxl()
    file = os.fspath(path)
    if "\0" in file:
        raise ValueError(f"path contains a NUL character: {file!r}")
    target = os.path.realpath(file)
    if os.path.isdir(target):
        raise IsADirectoryError(21, "is a directory", file)
    sheets = {
        "actors": _actors_sheet(net),
        "ties": _ties_sheet(net),
        "bodies": _bodies_sheet(net),
        "network": _network_rows(net),
    }
    if net.taxonomy != Taxonomy.builtin():
        sheets["taxonomy"] = pd.DataFrame(
            [(s.id, s.label_de, s.label_en, s.core) for s in net.taxonomy.sectors],
            columns=["id", "label_de", "label_en", "core"],
        )
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    try:
        for title, frame in sheets.items():
            _sheet(wb, title, frame)
    except ValueError as e:
        raise ValueError(f"{file}: {e}") from None
    directory, base = os.path.split(target)
    mode = None
    if os.path.exists(target):
        st = os.stat(target)
        if not stat.S_ISREG(st.st_mode):  # a device or FIFO: written through
            with open(target, "wb") as f:
                wb.save(f)
            return file
        mode = stat.S_IMODE(st.st_mode)
    name, f = _temporary(directory or ".", base)
    try:
        with f:
            wb.save(f)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(name, mode)
        os.replace(name, target)
    except BaseException:
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass
        raise
    return file
