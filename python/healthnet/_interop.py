# SPDX-License-Identifier: MIT
"""Conversion to and from pandas, networkx and igraph.

Every conversion carries actors (id, name, sectors, type, location,
attributes), ties (end points, weight, relations, since, attributes),
directedness, region metadata, governance bodies and the taxonomy, so that
``hn -> X -> hn`` gives an equal network (``==``). networkx and igraph are
imported only when their functions are called.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import _core, _reading
from ._core import Body, Network, Region, Sector, Taxonomy
from ._names import did_you_mean, known_names

__all__ = ["from_igraph", "from_networkx", "from_pandas", "to_igraph", "to_networkx"]

_ABSENT = object()  # a cell of a column a row does not have (networkx node without the attribute)

#: Graph attributes carrying the region metadata (networkx ``G.graph``, igraph ``g[...]``).
_REGION_KEYS = {
    "region_id": "id",
    "name": "name",
    "state": "state",
    "population": "population",
    "wave": "wave",
    "date": "date",
}


@contextlib.contextmanager
def _gc_paused():
    """Pauses the cyclic garbage collector while a conversion builds millions of
    lists, dicts and tuples (none of them in cycles): otherwise each batch of
    allocations triggers a collection that scans them all again (3x slower at 1M
    actors)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---- values -------------------------------------------------------------------------


def _missing(v) -> bool:
    """None, NaN, pd.NA, NaT or an absent cell: no value."""
    if v is None or v is _ABSENT or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, (float, np.floating)) and math.isnan(v)


def _is_listlike(v) -> bool:
    return isinstance(v, (list, tuple, set, frozenset, np.ndarray, pd.Series, pd.Index))


def _text(v) -> str:
    """An id or label: str as is, integers (also numpy) as digits, else str()."""
    if isinstance(v, str):
        return v
    if isinstance(v, (bool, np.bool_)):
        return str(bool(v))
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return str(v)


_INT64 = (-(2**63), 2**63 - 1)


def _attribute(v):
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):  # an int stays an int (int64 in the core)
        v = int(v)
        if not _INT64[0] <= v <= _INT64[1]:
            raise ValueError(f"integer {v} does not fit in 64 bits; give it as float or text")
        return v
    if isinstance(v, (float, np.floating)):
        return float(v)
    if isinstance(v, str):
        return v
    raise ValueError(f"unsupported value of type {type(v).__name__} (expected str, number or bool)")


def _labels(v, sep: str | None) -> list[str]:
    """A list-like of str, or a ``sep``-separated string, as a list (empty parts dropped).

    Raises ValueError with the problem alone; callers add row and column.
    """
    if _missing(v):
        return []
    if isinstance(v, str):
        parts = v.split(sep) if sep else [v]
        return [p.strip() for p in parts if p.strip()]
    if _is_listlike(v):
        out = []
        for x in v:
            if _missing(x):
                continue
            if not isinstance(x, str):
                raise ValueError(f"expected text, found {type(x).__name__} {x!r}")
            out.append(x)
        return sorted(out) if isinstance(v, (set, frozenset)) else out
    raise ValueError(f"expected text or a list of text, found {type(v).__name__} {v!r}")


def _since(v) -> str | None:
    if _missing(v):
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)):
        return str(int(v))  # a year
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))  # a year in a float column (pandas stores a year column with gaps so)
    if isinstance(v, (_dt.date, pd.Timestamp)):
        return v.strftime("%Y-%m-%d")
    raise ValueError(f"expected a date (text yyyy-mm-dd, yyyy-mm or yyyy), found {type(v).__name__} {v!r}")


def _weight(v) -> float:
    if _missing(v):
        raise ValueError("missing weight")
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer, float, np.floating)):
        raise ValueError(f"weight {v!r} is not a number")
    return float(v)


_RESPONDENT_TEXT = {
    "true": True, "1": True, "yes": True, "ja": True,
    "false": False, "0": False, "no": False, "nein": False,
}


def _respondent(v) -> bool | None:
    """A respondent flag: True/False, 1/0, or the text true/false/1/0/yes/no/ja/nein (any case); blank: None."""
    if _missing(v):
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer, float, np.floating)) and v in (0, 1):
        return bool(v)
    if isinstance(v, str):
        text = v.strip().lower()
        if not text:
            return None
        if text in _RESPONDENT_TEXT:
            return _RESPONDENT_TEXT[text]
    raise ValueError(
        f"not a respondent flag: {v!r} (expected True, False, 1, 0, 'yes', 'no', 'ja', 'nein', "
        "'true' or 'false'; blank: unknown)"
    )


# ---- normalising columns --------------------------------------------------------------
#
# The importers hand over columns: Python lists (networkx, igraph; _ABSENT
# where a node or edge lacks the attribute) or pandas Series. Each is checked
# and normalised column by column, then one call builds the network in C++.
# Errors name the row (actors_where / ties_where) and the column.


def _at(where, i: int, label: str, convert, v):
    """convert(v), naming row ``i`` and the column in a ValueError."""
    try:
        return convert(v)
    except ValueError as e:
        raise ValueError(f"{where(i)}: {label}: {e}") from None


def _values(col) -> list:
    return col.tolist() if isinstance(col, (pd.Series, pd.Index, np.ndarray)) else col


def _all_str(values: list) -> bool:
    return set(map(type, values)) <= {str}


def _id_column(col, where, label: str) -> tuple[list[str], bool]:
    """The ids as text, and whether they are all integers (an integer dtype,
    or ints in an object column): such ids make a network with integer ids
    (``Network.id_kind``). An int means its decimal text; a float or bool id
    is refused, a missing one too."""
    if isinstance(col, (pd.Series, pd.Index)) and pd.api.types.is_integer_dtype(col.dtype):
        if not col.isna().any():
            return [str(v) for v in col.tolist()], True
    out = _values(col)
    if _all_str(out):
        return out, False
    result = []
    integer = True
    for i, v in enumerate(out):
        if _missing(v):
            raise ValueError(f"{where(i)}: {label}: missing actor id")
        if isinstance(v, (bool, np.bool_)):
            raise ValueError(f"{where(i)}: {label}: actor id {v!r} is a bool; ids are text or integers")
        if isinstance(v, (float, np.floating)):
            raise ValueError(
                f"{where(i)}: {label}: actor id {v!r} is a float; give integer ids as integers "
                "(e.g. column.astype('Int64')) or as text"
            )
        integer = integer and isinstance(v, (int, np.integer))
        result.append(_text(v))
    return result, integer and bool(result)


def _text_column(col, n: int) -> list[str]:
    if col is None:
        return [""] * n
    values = _values(col)
    if _all_str(values):
        return values
    return [v if type(v) is str else ("" if _missing(v) else _text(v)) for v in values]


def _label_list(v, sep):
    """_labels with fast paths for one plain label and for a list or tuple of str."""
    t = type(v)
    if t is str:
        if _plain_label(v, sep):
            return [v]
    elif t is tuple or t is list:
        for x in v:
            if type(x) is not str:
                return _labels(v, sep)
        return list(v)
    return _labels(v, sep)


def _plain_label(v: str, sep) -> bool:
    """One label as it stands: not empty, no separator, no surrounding space."""
    return bool(v) and (not sep or sep not in v) and not v[0].isspace() and not v[-1].isspace()


def _label_column(col, sep, where, label: str) -> list:
    """Lists of labels (or tuples of str, which the core reads as lists)."""
    values = _values(col)
    types = set(map(type, values))
    if types <= {str} and all(_plain_label(v, sep) for v in set(values)):
        return [[v] for v in values]
    if types <= {tuple, list} and set(map(type, itertools.chain.from_iterable(values))) <= {str}:
        return list(values)
    out = []
    append = out.append
    for i, v in enumerate(values):
        try:
            append(_label_list(v, sep))
        except ValueError as e:  # not _at: this loop is hot
            raise ValueError(f"{where(i)}: {label}: {e}") from None
    return out


def _sector_column(sector, sectors, n: int, sep, where, spec) -> list[list[str]]:
    noun = spec.noun
    if sector is None and sectors is None:
        return [[] for _ in range(n)]
    if sectors is None:
        return _label_column(sector, sep, where, f"{noun} {spec.sector!r}")
    full = _label_column(sectors, sep, where, f"{noun} {spec.sectors!r}")
    if sector is None:
        return full
    primary = _values(sector)
    for i in range(n):
        p, lst = primary[i], full[i]
        if lst and type(p) is str and p == lst[0]:
            continue
        first = _at(where, i, f"{noun} {spec.sector!r}", lambda v: _label_list(v, sep), p)
        if not lst:
            full[i] = first  # an empty or missing list: the sector column speaks
        elif first and first[0] != lst[0]:
            raise ValueError(
                f"{where(i)}: {noun} {spec.sector!r}: {first[0]!r} is not the first of "
                f"{spec.sectors!r} {lst!r}"
            )
    return full


def _location_column(lat, lon, n: int, where, spec):
    if lat is None and lon is None:
        return None
    la = _values(lat) if lat is not None else [_ABSENT] * n
    lo = _values(lon) if lon is not None else [_ABSENT] * n
    lat_out, lon_out, missing = np.zeros(n), np.zeros(n), np.zeros(n, dtype=bool)
    for i in range(n):
        a, b = la[i], lo[i]
        if _missing(a) != _missing(b):
            given, lacking = (spec.lat, spec.lon) if _missing(b) else (spec.lon, spec.lat)
            raise ValueError(f"{where(i)}: {spec.noun} {lacking!r}: missing while {given!r} is given")
        if _missing(a):
            missing[i] = True
            continue
        try:
            lat_out[i], lon_out[i] = float(a), float(b)
        except (TypeError, ValueError):
            raise ValueError(
                f"{where(i)}: {spec.noun} {spec.lat!r}/{spec.lon!r}: not numbers: {a!r}, {b!r}"
            ) from None
    return None if missing.all() else (lat_out, lon_out, missing)


def _attribute_column(key: str, col, where, label: str) -> tuple:
    """(key, kind, values, missing) as _core._network_from_columns reads it."""
    if isinstance(col, pd.Series):
        dtype = col.dtype
        if pd.api.types.is_bool_dtype(dtype):
            missing = col.isna().to_numpy()
            return key, "bool", col.to_numpy(dtype=bool, na_value=False), missing
        if pd.api.types.is_integer_dtype(dtype):  # ints stay ints (int64 in the core)
            missing = col.isna().to_numpy()
            if dtype.kind == "u" and dtype.itemsize == 8 and len(col) and col.max() > _INT64[1]:
                i = int(np.argmax(col.to_numpy(dtype="uint64", na_value=0) > _INT64[1]))
                raise ValueError(f"{where(i)}: {label}: integer {col.iloc[i]} does not fit in 64 bits")
            return key, "int", col.to_numpy(dtype="int64", na_value=0), missing
        if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_complex_dtype(dtype):
            missing = col.isna().to_numpy()
            return key, "float", col.to_numpy(dtype=float, na_value=0.0), missing
        if isinstance(dtype, pd.StringDtype):
            return key, "mixed", col.to_numpy(dtype=object, na_value=None).tolist(), None
    values = []
    for i, v in enumerate(_values(col)):
        t = type(v)
        if t is str or t is bool:
            values.append(v)
        elif t is float:
            values.append(None if v != v else v)
        elif _missing(v):
            values.append(None)
        else:
            values.append(_at(where, i, label, _attribute, v))
    return key, "mixed", values, None


def _weight_column(col, m: int, where, label: str) -> np.ndarray:
    """Weights as float64; a blank cell is NaN, which the core reads by the
    ``missing_weight`` rule (an error by default)."""
    if col is None:
        return np.ones(m)
    if (
        isinstance(col, pd.Series)
        and pd.api.types.is_numeric_dtype(col.dtype)
        and not pd.api.types.is_bool_dtype(col.dtype)
    ):
        return col.to_numpy(dtype=float, na_value=np.nan)
    return np.array(
        [
            1.0 if v is _ABSENT else (v if type(v) is float else (math.nan if _missing(v) else _at(where, i, label, _weight, v)))
            for i, v in enumerate(_values(col))
        ],
        dtype=float,
    )


def _since_column(col, m: int, where, label: str) -> list:
    if col is None:
        return [None] * m
    if isinstance(col, pd.Series) and isinstance(col.dtype, pd.StringDtype):
        return col.to_numpy(dtype=object, na_value=None).tolist()
    return [v if type(v) is str else _at(where, i, label, _since, v) for i, v in enumerate(_values(col))]


class _Spec:
    """Names of the known fields in the source (columns or attribute keys)."""

    def __init__(self, noun: str, defaults: Mapping[str, str] | None = None, **names: str | None):
        self.noun = noun
        self.names = names
        self.defaults = dict(defaults or {})

    def check_given(self, fields: tuple, available: Mapping, what: str) -> None:
        """A name the caller chose (not the reader's default) must exist.

        Without this, ``weight="Gewicht"`` on data whose column is ``"w"``
        would silently give every tie weight 1.
        """
        for key in fields:
            given = self.names.get(key)
            if given and given != self.defaults.get(key, key) and given not in available:
                known = [str(c) for c in available]
                raise ValueError(
                    f"{what}: {self.noun} {given!r} ({key}=): missing"
                    f"{did_you_mean(str(given), known)} ({known_names(known)})"
                )

    def __getattr__(self, key: str):
        try:
            return self.names[key]
        except KeyError:
            raise AttributeError(key) from None

    def actor_fields(self) -> set:
        return {
            self.names[k]
            for k in ("id", "name", "sector", "sectors", "type", "lat", "lon", "respondent")
            if self.names.get(k)
        }

    def tie_fields(self) -> set:
        return {
            self.names[k] for k in ("source", "target", "weight", "relations", "since") if self.names.get(k)
        }


_CORE_ERROR = re.compile(r"^(actors|ties)\[(\d+)\](?:\.(\w*))?: (.*)$", re.DOTALL)


@_gc_paused()
def _build(
    spec: _Spec,
    *,
    directed: bool,
    actor_ids,
    actor_cols: Mapping,
    actor_where: Callable[[int], str],
    sources,
    targets,
    tie_cols: Mapping,
    tie_where: Callable[[int], str],
    region,
    bodies,
    taxonomy,
    allow_self_loops: bool,
    sep: str | None,
    rules: dict | None = None,
) -> Network:
    """``rules`` (_reading.table_rules) for table readers; None for the graph
    converters, which keep sectors as they are and merge repeated pairs silently
    as Network.add_tie does (a graph has none)."""
    noun = spec.noun
    src, src_integer = _id_column(sources, tie_where, f"{noun} {spec.source!r}")
    dst, dst_integer = _id_column(targets, tie_where, f"{noun} {spec.target!r}")
    if actor_ids is None:  # actors are the tie ends, in order of first appearance
        both = np.empty(2 * len(src), dtype=object)
        both[0::2], both[1::2] = src, dst
        ids = pd.unique(both).tolist()
        actor_cols = {}
        integer_ids = src_integer and dst_integer
    else:
        ids, integer_ids = _id_column(actor_ids, actor_where, f"{noun} {spec.id!r}")
    n, m = len(ids), len(src)
    if actor_ids is not None and n:
        spec.check_given(("name", "sector", "sectors", "type", "lat", "lon"), actor_cols, "actors")
    if m:
        spec.check_given(("weight", "relations", "since"), tie_cols, "ties")
    get = actor_cols.get
    known = spec.actor_fields()
    actor_attrs = [
        _attribute_column(str(c), v, actor_where, f"{noun} {str(c)!r}")
        for c, v in actor_cols.items()
        if c not in known
    ]
    names = _text_column(get(spec.name) if spec.name else None, n)
    types = _text_column(get(spec.type) if spec.type else None, n)
    sectors = _sector_column(
        get(spec.sector) if spec.sector else None,
        get(spec.sectors) if spec.sectors else None,
        n,
        sep,
        actor_where,
        spec,
    )
    location = _location_column(
        get(spec.lat) if spec.lat else None, get(spec.lon) if spec.lon else None, n, actor_where, spec
    )
    respondent_name = spec.names.get("respondent")
    respondent_col = get(respondent_name) if respondent_name else None
    respondents = (
        None
        if respondent_col is None
        else [
            _at(actor_where, i, f"{noun} {respondent_name!r}", _respondent, v)
            for i, v in enumerate(_values(respondent_col))
        ]
    )

    get = tie_cols.get
    known = spec.tie_fields()
    tie_attrs = [
        _attribute_column(str(c), v, tie_where, f"{noun} {str(c)!r}")
        for c, v in tie_cols.items()
        if c not in known
    ]
    weights = _weight_column(
        get(spec.weight) if spec.weight else None, m, tie_where, f"{noun} {spec.weight!r}"
    )
    relations = get(spec.relations) if spec.relations else None
    relations = (
        [[] for _ in range(m)]
        if relations is None
        else _label_column(relations, sep, tie_where, f"{noun} {spec.relations!r}")
    )
    since = _since_column(get(spec.since) if spec.since else None, m, tie_where, f"{noun} {spec.since!r}")

    try:
        net, notes = _core._network_from_columns(
            bool(directed),
            bool(allow_self_loops),
            ids,
            names,
            types,
            sectors,
            location,
            actor_attrs,
            src,
            dst,
            weights,
            relations,
            since,
            tie_attrs,
            rules,
            _taxonomy(taxonomy) if taxonomy is not None else None,
            integer_ids,
        )
    except (ValueError, KeyError) as e:
        found = _CORE_ERROR.match(str(e.args[0]) if e.args else "")
        if not found:
            raise
        part, row, field, problem = found.groups()
        if part == "actors":
            where = actor_where(int(row))
            columns = {"id": spec.id, "name": spec.name, "type": spec.type, "sector": spec.sector or spec.sectors}
        else:
            where = tie_where(int(row))
            columns = {
                "source": spec.source,
                "target": spec.target,
                "weight": spec.weight,
                "since": spec.since,
            }
        column = columns.get(field or "") or (field if field and field not in columns else None)
        problem = _reading.rewrite_rows(problem, actor_where, tie_where)
        message = f"{where}: {noun} {column!r}: {problem}" if column else f"{where}: {problem}"
        raise type(e)(message) from None
    _reading.warn_notes(net, notes, lambda t: _reading.rewrite_rows(t, actor_where, tie_where), stacklevel=4)
    if respondents is not None and any(r is not None for r in respondents):
        _core._set_respondents(net, respondents)
    if region is not None:
        net.region = _region(region)
    for b in bodies or ():
        _add_body(net, b)
    return net


def _region(region) -> Region:
    if isinstance(region, Region):
        return region
    if isinstance(region, Mapping):
        unknown = set(region) - {"id", "name", "state", "population", "wave", "date"}
        if unknown:
            raise ValueError(f"region: unknown keys {sorted(unknown)}")
        d = dict(region)
        if d.get("population") is not None:
            d["population"] = int(d["population"])
        return Region(**d)
    raise TypeError(f"region: expected a Region or a dict, not {type(region).__name__}")


def _add_body(net: Network, b) -> None:
    if isinstance(b, Body):
        b = _body_dict(b)
    if not isinstance(b, Mapping):
        raise TypeError(f"bodies: expected Body objects or dicts, not {type(b).__name__}")
    try:
        net.add_body(
            b["id"], b["kind"], b.get("name", ""), list(b.get("members", [])), b.get("topic"), b.get("year")
        )
    except KeyError as e:  # an unknown member (or a missing key) in input data is bad input
        raise ValueError(f"body {b.get('id')!r}: {e.args[0]}") from None


def _body_dict(b: Body) -> dict:
    return {
        "id": b.id,
        "kind": b.kind,
        "name": b.name,
        "members": list(b.members),
        "topic": b.topic,
        "year": b.year,
    }


def _taxonomy(t) -> Taxonomy:
    if isinstance(t, Taxonomy):
        return t
    return Taxonomy([s if isinstance(s, Sector) else Sector(**s) for s in t])


def _graph_attributes(net: Network) -> dict:
    """Region metadata (non-empty fields), bodies, and the taxonomy when not the built-in one."""
    out: dict[str, Any] = {}
    region = net.region
    for key, field in _REGION_KEYS.items():
        v = getattr(region, field)
        if v not in ("", None):
            out[key] = v
    if net.n_bodies:
        out["bodies"] = [_body_dict(b) for b in net.bodies]
    if net.taxonomy != Taxonomy.builtin():
        out["taxonomy"] = [
            {"id": s.id, "label_de": s.label_de, "label_en": s.label_en, "core": s.core}
            for s in net.taxonomy.sectors
        ]
    if net.allow_self_loops:
        out["allow_self_loops"] = True
    return out


def _from_graph_attributes(attrs: Mapping, region, bodies, taxonomy, allow_self_loops):
    if region is None:
        d = {
            field: attrs[key]
            for key, field in _REGION_KEYS.items()
            if key in attrs and not _missing(attrs[key])
        }
        region = _region(d) if d else None
    if bodies is None:
        bodies = attrs.get("bodies") or []
    if taxonomy is None:
        taxonomy = attrs.get("taxonomy")
    if allow_self_loops is None:
        allow_self_loops = bool(attrs.get("allow_self_loops", False))
    return region, bodies, taxonomy, allow_self_loops


# ---- columns of a network -------------------------------------------------------


def _check_clash(keys: Iterable[str], reserved: set, what: str) -> None:
    clash = sorted(set(keys) & reserved)
    if clash:
        raise ValueError(
            f"{what} attribute {clash[0]!r} has the name of a field; rename it to convert this network"
        )


def _attribute_array(kind: str, values, missing):
    """A nullable pandas array of one attribute column from ``_core._actor_columns``."""
    if kind == "float":
        return pd.arrays.FloatingArray(values, missing)
    if kind == "int":  # int64, or nullable Int64 when some value is missing
        return pd.arrays.IntegerArray(values, missing) if missing.any() else values
    if kind == "bool":
        return pd.arrays.BooleanArray(values, missing)
    if kind == "str":
        return pd.array(values, dtype="string")
    return pd.array([pd.NA if v is None else v for v in values], dtype=object)


def _attribute_list(kind: str, values, missing) -> list:
    """An attribute column as a list with None where missing."""
    if kind in ("float", "bool", "int"):
        out = values.tolist()
        for i in np.flatnonzero(missing).tolist():
            out[i] = None
        return out
    return values


_ACTOR_COLUMNS = {"id", "name", "sector", "sectors", "type", "lat", "lon", "respondent"}
_TIE_COLUMNS = {"source", "target", "relations", "weight", "since"}


@_gc_paused()
def _actors_frame(net: Network) -> pd.DataFrame:
    """The actors as a DataFrame, one row per actor in actor order.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor ``id``, with ``name``, ``sector`` (the primary sector;
        NA when none), ``sectors`` (list of all sectors, primary first),
        ``type``, ``lat`` and ``lon`` (only when some actor has a location),
        ``respondent`` (only when some actor's status is known; dtype
        ``boolean``, NA where unknown) and one column per actor attribute (union over actors, sorted; NA where an
        actor lacks it). Text columns have dtype ``string``, number attributes
        ``Float64``, integer attributes ``int64`` (``Int64`` when some actor
        lacks the value), flags ``boolean``; a column whose values mix types
        (also integers and floats) is ``object``. The index is int64 when the
        network has integer ids (``Network.id_kind``).

    Raises
    ------
    ValueError
        When an attribute has the name of one of these columns.

    See Also
    --------
    healthnet.from_pandas : the inverse.
    """
    c = _core._actor_columns(net)
    attrs = c["attributes"]
    _check_clash((a[0] for a in attrs), _ACTOR_COLUMNS, "actor")
    data: dict[str, Any] = {
        "name": pd.array(c["name"], dtype="string"),
        "sector": pd.array(c["sector"], dtype="string"),
        "sectors": pd.Series(c["sectors"], dtype=object).array,
        "type": pd.array(c["type"], dtype="string"),
    }
    if c["location"] is not None:
        lat, lon, missing = c["location"]
        data["lat"] = pd.arrays.FloatingArray(lat, missing)
        data["lon"] = pd.arrays.FloatingArray(lon, missing.copy())
    if c["respondent"] is not None:
        data["respondent"] = pd.array(c["respondent"], dtype="boolean")
    for key, kind, values, missing in attrs:
        data[key] = _attribute_array(kind, values, missing)
    ids = c["id"]  # an int64 array when the network has integer ids
    index = pd.Index(ids, name="id") if isinstance(ids, np.ndarray) else pd.Index(ids, name="id", dtype="string")
    return pd.DataFrame(data, index=index)


@_gc_paused()
def _ties_frame(net: Network) -> pd.DataFrame:
    """The ties as a DataFrame, one row per tie in tie order.

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``target`` (actor ids; in an undirected network the
        orientation in which the tie was first added), ``relations`` (sorted
        tuple of relation types), ``weight``, ``since`` (NA when unknown) and
        one column per tie attribute (union over ties, sorted; NA where a tie
        lacks it).

    Raises
    ------
    ValueError
        When an attribute has the name of one of these columns.

    See Also
    --------
    healthnet.from_pandas : the inverse.
    """
    with net._reading():  # the columns and the ids of one state of the network
        c = _core._tie_columns(net)
        integer = net.id_kind == "integer"
        ids = np.asarray(net.actor_ids, dtype=np.int64 if integer else object)
    attrs = c["attributes"]
    _check_clash((a[0] for a in attrs), _TIE_COLUMNS, "tie")
    data: dict[str, Any] = {
        "source": ids[c["source"]] if integer else pd.array(ids[c["source"]], dtype="string"),
        "target": ids[c["target"]] if integer else pd.array(ids[c["target"]], dtype="string"),
        "relations": pd.Series(c["relations"], dtype=object).array,
        "weight": c["weight"],
        "since": pd.array(c["since"], dtype="string"),
    }
    for key, kind, values, missing in attrs:
        data[key] = _attribute_array(kind, values, missing)
    frame = pd.DataFrame(data)
    frame.attrs["directed"] = net.directed  # from_pandas reads it back
    return frame


# ---- pandas ---------------------------------------------------------------------------


def from_pandas(
    actors: pd.DataFrame | None,
    ties: pd.DataFrame | None = None,
    *,
    directed: bool | None = None,
    id: str = "id",
    source: str = "source",
    target: str = "target",
    sector: str | None = "sector",
    sectors: str | None = "sectors",
    name: str | None = "name",
    type: str | None = "type",
    weight: str | None = "weight",
    relations: str | None = "relations",
    since: str | None = "since",
    lat: str | None = "lat",
    lon: str | None = "lon",
    region: Region | Mapping | None = None,
    bodies: Iterable[Body | Mapping] | None = None,
    taxonomy: Taxonomy | None = None,
    allow_self_loops: bool = False,
    sep: str | None = "|",
    respondent: str | None = "respondent",
    duplicates: str | Mapping[str, str] = "sum",
    missing_weight: str | float = "error",
    sector_map: Mapping[str, str] | str | None = None,
    unknown_sectors: str = "error",
    max_errors: int = 20,
    _where: tuple[Callable[[int], str], Callable[[int], str]] | None = None,
) -> Network:
    """Build a network from an actors DataFrame and a ties DataFrame.

    Parameters
    ----------
    actors : pandas.DataFrame or None
        One row per actor. The ``id`` column (or the index, when it carries
        that name, as in ``net.actors_frame()``) holds the actor ids; ids
        that are not text are converted with ``str()`` (integers as digits).
        An integer column (or integers in an object column) gives a network
        with integer ids (``Network.id_kind``): per-actor results and frames
        are then indexed by int64 ids. Float or bool ids are refused.
        None: the actors are the ids found in ``ties``, in order of first
        appearance, without further data.
    ties : pandas.DataFrame, optional
        One row per tie with ``source`` and ``target`` actor ids. Repeated
        pairs merge by the ``duplicates`` rule, with a :class:`DataWarning`
        (``a-b`` and ``b-a`` are one pair when undirected).
    directed : bool, optional
        Survey nominations are directed (as in :func:`read_csv`); pass False
        for symmetric ties. Default: as ``ties.attrs["directed"]`` says (set
        by :meth:`Network.ties_frame`, so frames round-trip), else True.
    id, source, target : str
        Column names of the actor id and the tie ends.
    sector : str or None, default "sector"
        Column of the sector: one id, several separated by ``sep``, or a
        list (the first is the primary sector).
    sectors : str or None, default "sectors"
        Column of the full list of sectors (as ``actors_frame()`` writes
        it); where given it wins over ``sector``, which must then name its
        first entry.
    name, type : str or None
        Columns of the actor's name and type.
    weight : str or None, default "weight"
        Column of tie weights (finite, >= 0); without it every weight is 1.
    relations : str or None, default "relations"
        Column of relation types: a list-like, or text separated by ``sep``.
    since : str or None, default "since"
        Column of the date a tie began: text ``yyyy[-mm[-dd]]``, a year
        (integer, or a whole float as in a column with gaps), or a
        date/Timestamp.
    lat, lon : str or None, default "lat", "lon"
        Columns of the actor's location (WGS 84 degrees).
    region : Region or dict, optional
        Region metadata (keys ``id``, ``name``, ``state``, ``population``,
        ``wave``, ``date``).
    bodies : iterable of Body or dict, optional
        Governance bodies (dicts with ``id``, ``kind``, ``name``,
        ``members``, ``topic``, ``year``), e.g. ``net.bodies``.
    taxonomy : Taxonomy, optional
        Sector vocabulary; default the built-in one.
    allow_self_loops : bool, default False
    sep : str or None, default "|"
        Separator of several sectors or relations in one text cell (as in
        :func:`read_csv`); None keeps text whole.
    duplicates : {"sum", "max", "min", "mean", "first", "last", "error"} or dict
        How the weight and numeric tie attributes of a repeated pair combine;
        a dict gives rules per column (``{"weight": "max", "trust": "mean"}``,
        ``"*"`` for the rest). Every merge issues a :class:`DataWarning` with
        the count and the first example.
    missing_weight : "error", "drop" or float, default "error"
        A blank weight cell: an error naming the row, ``"drop"`` leaves the
        tie out, a number fills it in (both with a :class:`DataWarning`).
    sector_map : dict or path, optional
        Labels to sector ids, e.g. ``{"Ärzte": "outpatient_care"}``, or a
        CSV (``label,sector``) or JSON file of them.
    unknown_sectors : {"error", "keep"}, default "error"
        A sector that is neither a taxonomy id, a taxonomy label (German or
        English, e.g. "Pflege") nor mapped is an error suggesting the closest
        ids; ``"keep"`` keeps such labels (with a :class:`DataWarning`), and
        coverage then counts those actors as outside the taxonomy.
    max_errors : int, default 20
        Problems collected before the reader stops; the first is raised and
        its message says how many more there are.
    respondent : str or None, default "respondent"
        Column of the actor's respondent flag: True/False, 1/0 or the text
        ``"true"``/``"false"``, ``"yes"``/``"no"``, ``"ja"``/``"nein"`` (any
        case); blank or missing means unknown.

    Returns
    -------
    Network

    Notes
    -----
    Every other column becomes an attribute: of the actor (actors frame) or
    of the tie (ties frame). Values are text, integers (int64: integer
    columns, also nullable ``Int64``), floats or booleans; a missing value (None, NaN, ``pd.NA``) means the attribute is
    absent for that row, never the text ``"nan"``. Passing None for a field
    name makes a column of that name an ordinary attribute.

    Raises
    ------
    ValueError
        For a missing id column, a missing or duplicate id, a blank or
        invalid weight, an unknown sector label, a tie end that is not an
        actor, a bad date, a self-loop, or a value that is not text, number
        or bool. The message names the row by position and index label, and
        the column, e.g. ``ties row 4 (index 'k7'): column 'weight': weight
        is blank; ...``. Also for a column named in a parameter other than
        its default that the frame lacks (``weight="Gewicht"``), with a
        "did you mean".

    See Also
    --------
    Network.actors_frame, Network.ties_frame : the inverse.

    Examples
    --------
    >>> import pandas as pd, healthnet as hn
    >>> actors = pd.DataFrame({"id": ["a", "b"], "sector": ["outpatient_care", "pharmacy"],
    ...                        "staff": [4, None]})
    >>> ties = pd.DataFrame({"source": ["a"], "target": ["b"], "relations": ["referral|information"]})
    >>> net = hn.from_pandas(actors, ties)
    >>> net.actor("b").attributes, net.tie("a", "b").relations
    ({}, ['information', 'referral'])
    """
    spec = _Spec(
        "column",
        id=id,
        source=source,
        target=target,
        sector=sector,
        sectors=sectors,
        name=name,
        type=type,
        weight=weight,
        relations=relations,
        since=since,
        lat=lat,
        lon=lon,
        respondent=respondent,
    )
    actor_ids = None
    actor_cols: dict = {}
    actor_where = None
    if actors is not None:
        if not isinstance(actors, pd.DataFrame):
            raise TypeError(f"actors: expected a pandas DataFrame, not {type(actors).__name__}")
        _unique_columns(actors, "actors")
        if id in actors.columns:
            actor_ids = actors[id]
        elif actors.index.name == id:
            actor_ids = actors.index
        else:
            raise ValueError(
                f"actors: column {id!r}: missing (columns: {', '.join(map(str, actors.columns))})"
            )
        actor_cols = {c: actors[c] for c in actors.columns if c != id}
        labels = actors.index.tolist()

        def actor_where(i: int) -> str:
            return f"actors row {i} (index {labels[i]!r})"

    if ties is None:
        if actors is None:
            raise ValueError("from_pandas: give actors, ties or both")
        sources: list = []
        targets: list = []
        tie_cols: dict = {}
        tie_labels: list = []
    else:
        if not isinstance(ties, pd.DataFrame):
            raise TypeError(f"ties: expected a pandas DataFrame, not {type(ties).__name__}")
        _unique_columns(ties, "ties")
        for c in (source, target):
            if c not in ties.columns:
                raise ValueError(
                    f"ties: column {c!r}: missing (columns: {', '.join(map(str, ties.columns))})"
                )
        sources, targets = ties[source], ties[target]
        tie_cols = {c: ties[c] for c in ties.columns if c not in (source, target)}
        tie_labels = ties.index.tolist()
    if directed is None:
        directed = bool(ties.attrs.get("directed", True)) if isinstance(ties, pd.DataFrame) else True
    rules = _reading.table_rules(
        duplicates=duplicates,
        missing_weight=missing_weight,
        sector_map=sector_map,
        unknown_sectors=unknown_sectors,
        max_errors=max_errors,
    )
    if _where is not None:  # readers of files (read_excel) name rows as their users see them
        actor_where, tie_where = _where
    else:
        actor_where = actor_where or (lambda i: f"actor {i}")

        def tie_where(i: int) -> str:
            return f"ties row {i} (index {tie_labels[i]!r})"

    return _build(
        spec,
        directed=directed,
        actor_ids=actor_ids,
        actor_cols=actor_cols,
        actor_where=actor_where,
        sources=sources,
        targets=targets,
        tie_cols=tie_cols,
        tie_where=tie_where,
        region=region,
        bodies=bodies,
        taxonomy=taxonomy,
        allow_self_loops=allow_self_loops,
        sep=sep,
        rules=rules,
    )


def _unique_columns(frame: pd.DataFrame, what: str) -> None:
    dup = frame.columns[frame.columns.duplicated()]
    if len(dup):
        raise ValueError(f"{what}: column {dup[0]!r}: appears more than once")


# ---- networkx -------------------------------------------------------------------------


@_gc_paused()
def to_networkx(net: Network):
    """The network as a networkx ``Graph`` (undirected) or ``DiGraph`` (directed).

    Parameters
    ----------
    net : Network

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Nodes are the actor ids, in actor order. Node attributes: ``name``,
        ``sector`` (primary) and ``sectors`` (list), ``type``, ``lat``,
        ``lon`` and ``respondent`` (bool), each only where set, and the
        actor's attributes. Edge
        attributes: ``weight``, ``relations`` (sorted list, where any),
        ``since`` (where known) and the tie's attributes. Graph attributes:
        region metadata (``region_id``, ``name``, ``state``, ``population``,
        ``wave``, ``date``; where set), ``bodies`` (list of dicts with
        ``id``, ``kind``, ``name``, ``members``, ``topic``, ``year``),
        ``taxonomy`` (list of sector dicts, only for a custom taxonomy),
        ``allow_self_loops`` (only when true) and ``tie_order`` (the
        ``(source, target)`` pairs in tie order, only when that differs from
        the order networkx reports edges in, which groups them by node; it
        lets :func:`from_networkx` restore the order). The list-valued ones
        are Python objects: drop them before ``networkx.write_graphml`` (or
        use :func:`healthnet.write_graphml`).

    Raises
    ------
    ValueError
        When an attribute has the name of one of these fields.

    See Also
    --------
    from_networkx : the inverse.
    """
    import networkx as nx

    g = nx.DiGraph() if net.directed else nx.Graph()
    g.graph.update(_graph_attributes(net))
    a = _core._actor_columns(net)
    _check_clash(
        (x[0] for x in a["attributes"]),
        {"name", "sector", "sectors", "type", "lat", "lon", "respondent"},
        "actor",
    )
    if isinstance(a["id"], np.ndarray):  # integer ids: nodes are Python ints
        a["id"] = a["id"].tolist()
    n = len(a["id"])
    nodes: list[dict] = [{} for _ in range(n)]
    for i in range(n):
        d = nodes[i]
        if a["name"][i]:
            d["name"] = a["name"][i]
        if a["sectors"][i]:
            d["sector"] = a["sector"][i]
            d["sectors"] = a["sectors"][i]
        if a["type"][i]:
            d["type"] = a["type"][i]
    if a["location"] is not None:
        lat, lon, missing = a["location"]
        for i in np.flatnonzero(~missing).tolist():
            nodes[i]["lat"], nodes[i]["lon"] = float(lat[i]), float(lon[i])
    if a["respondent"] is not None:
        for i, r in enumerate(a["respondent"]):
            if r is not None:
                nodes[i]["respondent"] = r
    _scatter(a["attributes"], nodes)
    g.add_nodes_from(zip(a["id"], nodes))

    t = _core._tie_columns(net)
    _check_clash((x[0] for x in t["attributes"]), {"weight", "relations", "since"}, "tie")
    ids = a["id"]
    weights = t["weight"].tolist()
    edges: list[dict] = [{"weight": w} for w in weights]
    for j, (rel, since) in enumerate(zip(t["relations"], t["since"])):
        if rel:
            edges[j]["relations"] = list(rel)
        if since is not None:
            edges[j]["since"] = since
    _scatter(t["attributes"], edges)
    order = [(ids[u], ids[v]) for u, v in zip(t["source"].tolist(), t["target"].tolist())]
    g.add_edges_from((u, v, d) for (u, v), d in zip(order, edges))
    # networkx reports edges grouped by node, in node order, an undirected
    # edge from its earlier node: keep the tie order and orientation where
    # they differ. Sources that go back, or undirected ties from the later
    # actor, surely differ; otherwise compare.
    src, dst = t["source"], t["target"]
    grouped = bool(np.all(src[1:] >= src[:-1])) and (net.directed or bool(np.all(src <= dst)))
    if not grouped or list(g.edges()) != order:
        g.graph["tie_order"] = order
    return g


def _scatter(columns, rows: list[dict]) -> None:
    """Sets each present attribute value into its row's dict."""
    for key, kind, values, missing in columns:
        if kind in ("float", "bool", "int"):
            vals = values.tolist()
            for i in np.flatnonzero(~missing).tolist():
                rows[i][key] = vals[i]
        else:
            for i, v in enumerate(values):
                if v is not None:
                    rows[i][key] = v


@_gc_paused()
def from_networkx(
    graph,
    *,
    name: str | None = "name",
    sector: str | None = "sector",
    sectors: str | None = "sectors",
    type: str | None = "type",
    weight: str | None = "weight",
    relations: str | None = "relations",
    since: str | None = "since",
    lat: str | None = "lat",
    lon: str | None = "lon",
    region: Region | Mapping | None = None,
    bodies: Iterable[Body | Mapping] | None = None,
    taxonomy: Taxonomy | None = None,
    allow_self_loops: bool | None = None,
    sep: str | None = ";",
    respondent: str | None = "respondent",
) -> Network:
    """Build a network from a networkx graph.

    Parameters
    ----------
    graph : networkx.Graph, DiGraph, MultiGraph or MultiDiGraph
        Directed graphs give directed networks. Node ids that are not text
        are converted with ``str()`` (integers as digits: node ``7`` becomes
        actor ``"7"``); when every node id is an integer the network has
        integer ids (``Network.id_kind``), given back as ints. Parallel edges of a multigraph merge as
        :meth:`Network.add_tie` does: relations united, weights added,
        later attributes overwrite, the earlier ``since`` kept.
    name, sector, sectors, type, lat, lon : str or None
        Node attributes holding the actor's fields (as written by
        :func:`to_networkx`); ``sector`` may be one id, a list, or ids
        separated by ``sep``.
    weight, relations, since : str or None
        Edge attributes holding the tie's fields; a missing weight is 1.
    region : Region or dict, optional
        Default: from the graph attributes ``region_id``, ``name``,
        ``state``, ``population``, ``wave``, ``date``.
    bodies : iterable of Body or dict, optional
        Default: the graph attribute ``bodies``.
    taxonomy : Taxonomy, optional
        Default: the graph attribute ``taxonomy``, else the built-in one.
    allow_self_loops : bool, optional
        Default: the graph attribute ``allow_self_loops``, else whether the
        graph has self-loops.
    sep : str or None, default ";"
    respondent : str or None, default "respondent"
        Node attribute holding the respondent flag (as :func:`from_pandas`
        reads it; absent or None: unknown).

    Returns
    -------
    Network

    Notes
    -----
    All other node and edge attributes become actor and tie attributes
    (text, number or bool; None and NaN mean absent). Ties come in the
    order of the graph attribute ``tie_order`` where it names them (see
    :func:`to_networkx`), else in the order networkx reports the edges.

    Raises
    ------
    ValueError
        Naming the node or edge and the attribute, e.g.
        ``edge ('a', 'b'): attribute 'weight': weight is negative``.

    See Also
    --------
    to_networkx : the inverse.
    """
    import networkx as nx

    spec = _Spec(
        "attribute",
        id="",
        source="",
        target="",
        sector=sector,
        sectors=sectors,
        name=name,
        type=type,
        weight=weight,
        relations=relations,
        since=since,
        lat=lat,
        lon=lon,
        respondent=respondent,
    )
    if allow_self_loops is None and "allow_self_loops" not in graph.graph:
        allow_self_loops = nx.number_of_selfloops(graph) > 0
    region, bodies, taxonomy, allow_self_loops = _from_graph_attributes(
        graph.graph, region, bodies, taxonomy, allow_self_loops
    )
    node_ids = list(graph.nodes)
    actor_cols = _columns(graph.nodes[v] for v in node_ids)
    edge_list = _tie_order(graph, list(graph.edges(data=True)))
    tie_cols = _columns(d for _, _, d in edge_list)
    return _build(
        spec,
        directed=graph.is_directed(),
        actor_ids=node_ids,
        actor_cols=actor_cols,
        actor_where=lambda i: f"node {node_ids[i]!r}",
        sources=[u for u, _, _ in edge_list],
        targets=[v for _, v, _ in edge_list],
        tie_cols=tie_cols,
        tie_where=lambda i: f"edge ({edge_list[i][0]!r}, {edge_list[i][1]!r})",
        region=region,
        bodies=bodies,
        taxonomy=taxonomy,
        allow_self_loops=allow_self_loops,
        sep=sep,
    )


def _tie_order(graph, edges: list) -> list:
    """Edges in the order of the graph attribute ``tie_order`` (to_networkx), others after."""
    order = graph.graph.get("tie_order")
    if not order:
        return edges
    rank = {tuple(pair): i for i, pair in enumerate(order)}
    last = len(rank)
    keyed = []
    for u, v, d in edges:
        r = rank.get((u, v))
        if r is None and not graph.is_directed():
            r = rank.get((v, u))
            if r is not None:
                u, v = v, u
        keyed.append((last if r is None else r, u, v, d))
    keyed.sort(key=lambda e: e[0])
    return [(u, v, d) for _, u, v, d in keyed]


def _columns(dicts: Iterable[Mapping]) -> dict[str, list]:
    """Per-row dicts as columns; rows without a key hold _ABSENT."""
    rows = list(dicts)
    out: dict[str, list] = {}
    for i, d in enumerate(rows):
        for k, v in d.items():
            col = out.get(k)
            if col is None:
                col = out[k] = [_ABSENT] * len(rows)
            col[i] = v
    return out


# ---- igraph ---------------------------------------------------------------------------


@_gc_paused()
def to_igraph(net: Network):
    """The network as an ``igraph.Graph``.

    Parameters
    ----------
    net : Network

    Returns
    -------
    igraph.Graph
        Directed when the network is. Vertex ``i`` is actor ``i``; vertex
        attributes: ``name`` (the actor id, so ``g.vs.find(name=...)``
        works), ``label`` (the actor's name), ``sector`` (primary),
        ``sectors`` (list), ``type``, ``lat``, ``lon``, ``respondent``
        (each only when some actor has it; None where an actor lacks it) and the actor
        attributes (None where absent). Edge attributes: ``weight``,
        ``relations`` (sorted list), ``since`` (only when some tie has
        them) and the tie attributes. Graph attributes as in
        :func:`to_networkx`.

    Raises
    ------
    ValueError
        When an attribute has the name of one of these fields.

    See Also
    --------
    from_igraph : the inverse.
    """
    import igraph as ig

    a = _core._actor_columns(net)
    _check_clash(
        (x[0] for x in a["attributes"]),
        {"name", "label", "sector", "sectors", "type", "lat", "lon", "respondent"},
        "actor",
    )
    ids = a["id"]  # integer ids (an int64 array) as Python ints
    vertex: dict[str, list] = {"name": ids.tolist() if isinstance(ids, np.ndarray) else ids}
    if any(a["name"]):
        vertex["label"] = a["name"]
    if any(a["sectors"]):
        vertex["sector"] = a["sector"]
        vertex["sectors"] = [s or None for s in a["sectors"]]
    if any(a["type"]):
        vertex["type"] = a["type"]
    if a["location"] is not None:
        lat, lon, missing = a["location"]
        vertex["lat"] = _attribute_list("float", lat, missing)
        vertex["lon"] = _attribute_list("float", lon, missing)
    if a["respondent"] is not None:
        vertex["respondent"] = a["respondent"]
    for key, kind, values, missing in a["attributes"]:
        vertex[key] = _attribute_list(kind, values, missing)

    t = _core._tie_columns(net)
    _check_clash((x[0] for x in t["attributes"]), {"weight", "relations", "since"}, "tie")
    edge: dict[str, list] = {"weight": t["weight"].tolist()}
    if any(t["relations"]):
        edge["relations"] = [list(r) if r else None for r in t["relations"]]
    if any(s is not None for s in t["since"]):
        edge["since"] = t["since"]
    for key, kind, values, missing in t["attributes"]:
        edge[key] = _attribute_list(kind, values, missing)
    return ig.Graph(
        n=len(a["id"]),
        edges=list(zip(t["source"].tolist(), t["target"].tolist())),
        directed=net.directed,
        graph_attrs=_graph_attributes(net),
        vertex_attrs=vertex,
        edge_attrs=edge,
    )


@_gc_paused()
def from_igraph(
    graph,
    *,
    id: str | None = "name",
    name: str | None = "label",
    sector: str | None = "sector",
    sectors: str | None = "sectors",
    type: str | None = "type",
    weight: str | None = "weight",
    relations: str | None = "relations",
    since: str | None = "since",
    lat: str | None = "lat",
    lon: str | None = "lon",
    region: Region | Mapping | None = None,
    bodies: Iterable[Body | Mapping] | None = None,
    taxonomy: Taxonomy | None = None,
    allow_self_loops: bool | None = None,
    sep: str | None = ";",
    respondent: str | None = "respondent",
) -> Network:
    """Build a network from an ``igraph.Graph``.

    Parameters
    ----------
    graph : igraph.Graph
        Directed graphs give directed networks. Multiple edges between a
        pair merge as :meth:`Network.add_tie` does.
    id : str or None, default "name"
        Vertex attribute holding the actor id (converted with ``str()``);
        without it (or None) the ids are the vertex indices ``"0"``,
        ``"1"``, ...
    name : str or None, default "label"
        Vertex attribute holding the actor's name.
    sector, sectors, type, lat, lon : str or None
        Vertex attributes holding the actor's fields (as written by
        :func:`to_igraph`).
    weight, relations, since : str or None
        Edge attributes holding the tie's fields; without ``weight`` every
        weight is 1.
    region, bodies, taxonomy, allow_self_loops, sep, respondent
        As in :func:`from_networkx` (defaults from the graph attributes).

    Returns
    -------
    Network

    Notes
    -----
    All other vertex and edge attributes become actor and tie attributes;
    None (igraph's value for an unset attribute) and NaN mean absent.

    Raises
    ------
    ValueError
        Naming the vertex or edge and the attribute, e.g.
        ``edge 3: attribute 'weight': missing weight``.

    See Also
    --------
    to_igraph : the inverse.
    """
    attrs = {k: graph[k] for k in graph.attributes()}
    if allow_self_loops is None and "allow_self_loops" not in attrs:
        allow_self_loops = any(graph.is_loop())
    region, bodies, taxonomy, allow_self_loops = _from_graph_attributes(
        attrs, region, bodies, taxonomy, allow_self_loops
    )
    n = graph.vcount()
    vertex_names = graph.vs.attributes()
    if id and id in vertex_names:
        ids = graph.vs[id]
    else:
        ids = [str(i) for i in range(n)]
    if id and id != "name" and id not in vertex_names and n:
        raise ValueError(
            f"actors: attribute {id!r} (id=): missing{did_you_mean(id, vertex_names)} ({known_names(vertex_names)})"
        )
    spec = _Spec(
        "attribute",
        {"name": "label"},
        id=id or "name",
        source="",
        target="",
        sector=sector,
        sectors=sectors,
        name=name,
        type=type,
        weight=weight,
        relations=relations,
        since=since,
        lat=lat,
        lon=lon,
        respondent=respondent,
    )
    actor_cols = {k: graph.vs[k] for k in vertex_names if k != id}
    ends = graph.get_edgelist()
    tie_cols = {k: graph.es[k] for k in graph.es.attributes()}
    return _build(
        spec,
        directed=graph.is_directed(),
        actor_ids=ids,
        actor_cols=actor_cols,
        actor_where=lambda i: f"vertex {i}",
        sources=[ids[u] for u, _ in ends],
        targets=[ids[v] for _, v in ends],
        tie_cols=tie_cols,
        tie_where=lambda i: f"edge {i}",
        region=region,
        bodies=bodies,
        taxonomy=taxonomy,
        allow_self_loops=allow_self_loops,
        sep=sep,
    )


# Methods of Network defined here, in Python, on top of the bound core class
# (C++ never calls back into Python).
def _actors_frame_method(self):
    return _actors_frame(self)


def _ties_frame_method(self):
    return _ties_frame(self)


for _method, _function in ((_actors_frame_method, _actors_frame), (_ties_frame_method, _ties_frame)):
    _method.__doc__ = _function.__doc__
    _method.__annotations__ = {"return": pd.DataFrame}  # real objects: the stub generator resolves them
Network.actors_frame = _actors_frame_method
Network.ties_frame = _ties_frame_method
Network.reading_notes = property(
    _reading.reading_notes,
    doc="""What the reader assumed while loading this network.

    The texts of the :class:`healthnet.DataWarning` the reader issued
    (merged repeated pairs, dropped blank weights, sector labels kept
    outside the taxonomy), as a list of str; empty for a network built in
    any other way, and not kept by copies or JSON. :func:`healthnet.report`
    lists them in its data basis.""",
)
