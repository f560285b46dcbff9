# SPDX-License-Identifier: MIT
"""The options every table reader shares (read_csv, from_pandas, read_excel,
from_survey, from_matrix): repeated pairs, blank weights, sector labels and
how many problems to list. They are checked here and applied in C++
(``healthnet/reading.hpp``), so every reader gives the same messages."""

from __future__ import annotations

import math
import numbers
import os
import re
import warnings
import weakref
from collections.abc import Callable, Mapping

from . import _core
from ._warnings import DataWarning

_RULES = ("sum", "max", "min", "mean", "first", "last", "error")


def _rule(value, what: str) -> str:
    if not isinstance(value, str) or value not in _RULES:
        raise ValueError(f"{what}: expected one of {', '.join(map(repr, _RULES))}, got {value!r}")
    return value


def table_rules(
    *,
    duplicates="sum",
    missing_weight="error",
    sector_map=None,
    unknown_sectors: str = "error",
    max_errors: int = 20,
) -> dict:
    """The rules as the C++ binding reads them (bindings/reading.hpp)."""
    rules: dict = {}
    if isinstance(duplicates, Mapping):
        per = {str(k): _rule(v, f"duplicates[{k!r}]") for k, v in duplicates.items()}
        rules["duplicates"] = per.pop("*", "sum")
        rules["attribute_duplicates"] = per
    else:
        rules["duplicates"] = _rule(duplicates, "duplicates")
    if isinstance(missing_weight, str):
        if missing_weight not in ("error", "drop"):
            raise ValueError(f"missing_weight: expected 'error', 'drop' or a number, got {missing_weight!r}")
        rules["missing_weight"] = missing_weight
    elif isinstance(missing_weight, numbers.Real) and not isinstance(missing_weight, bool):
        fill = float(missing_weight)
        if not math.isfinite(fill) or fill < 0:
            raise ValueError(f"missing_weight: a fill-in weight must be finite and >= 0, got {missing_weight!r}")
        rules["missing_weight"], rules["fill_weight"] = "fill", fill
    else:
        raise ValueError(f"missing_weight: expected 'error', 'drop' or a number, got {missing_weight!r}")
    if sector_map is not None:
        if isinstance(sector_map, (str, os.PathLike)):
            text = os.fspath(sector_map)
            if "\0" in text:
                raise ValueError(f"sector_map: path contains a NUL character: {text!r}")
            rules["sector_map"] = _core.read_sector_map(text)
        elif isinstance(sector_map, Mapping):
            for k, v in sector_map.items():
                if not isinstance(k, str) or not isinstance(v, str):
                    raise ValueError(f"sector_map: expected text labels and sector ids, got {k!r}: {v!r}")
            rules["sector_map"] = dict(sector_map)
        else:
            raise ValueError(
                f"sector_map: expected a dict of label to sector id or a file path, got {type(sector_map).__name__}"
            )
    if unknown_sectors not in ("error", "keep"):
        raise ValueError(f"unknown_sectors: expected 'error' or 'keep', got {unknown_sectors!r}")
    rules["keep_unknown_sectors"] = unknown_sectors == "keep"
    if isinstance(max_errors, bool) or not isinstance(max_errors, numbers.Integral) or max_errors < 1:
        raise ValueError(f"max_errors: expected an integer >= 1, got {max_errors!r}")
    rules["max_errors"] = int(max_errors)
    return rules


_ROW_REFERENCE = re.compile(r"\b(actors|ties)\[(\d+)\]")


def rewrite_rows(text: str, actor_where: Callable[[int], str], tie_where: Callable[[int], str]) -> str:
    """``actors[3]`` and ``ties[7]`` in a core message, as the caller names rows."""

    def name(m: re.Match) -> str:
        where = actor_where if m.group(1) == "actors" else tie_where
        return where(int(m.group(2)))

    return _ROW_REFERENCE.sub(name, text)


def warn_notes(net, notes, rewrite: Callable[[str], str] = lambda s: s, stacklevel: int = 3) -> None:
    """One DataWarning per note the reader returned (text, count, field); the
    texts are also kept for ``net`` (:func:`reading_notes`)."""
    texts = [rewrite(text) for text, _count, _field in notes]
    for text in texts:
        warnings.warn(text, DataWarning, stacklevel=stacklevel)
    if texts:
        _READING_NOTES[id(net)] = texts
        weakref.finalize(net, _READING_NOTES.pop, id(net), None)


#: The notes of networks a reader made, by id(); an entry goes with its
#: network (weakref.finalize), so a reused id() never finds stale notes.
_READING_NOTES: dict[int, list[str]] = {}


def reading_notes(net) -> list[str]:
    """What the reader assumed while loading ``net`` (the texts of its
    DataWarnings); empty for a network built in any other way."""
    return list(_READING_NOTES.get(id(net), ()))
