# SPDX-License-Identifier: MIT
"""'Did you mean' for names that match nothing (a sheet, a column, a label).

The Python twin of include/healthnet/detail/suggest.hpp, with the same
wording; the ranking is difflib's ratio (Ratcliff/Obershelp) on lowercased
names instead of the Levenshtein distance.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def _quote(name) -> str:
    return repr(name) if isinstance(name, str) else repr(str(name))


def closest_names(name, candidates: Iterable, limit: int = 3) -> list[str]:
    """Up to ``limit`` candidates close to ``name`` (case-insensitive), nearest first."""
    texts = [str(c) for c in candidates]
    key = str(name).lower()
    lowered: dict[str, str] = {}
    for t in texts:
        lowered.setdefault(t.lower(), t)
    close = difflib.get_close_matches(key, list(lowered), n=limit, cutoff=0.6)
    if len(key) >= 3:  # a prefix counts as close, as in suggest.hpp
        close += [low for low in lowered if low.startswith(key) and low not in close]
    return [lowered[c] for c in close if lowered[c] != str(name)][:limit]


def did_you_mean(name, candidates: Iterable) -> str:
    """``"; did you mean 'x' or 'y'?"``, or ``""`` when nothing is close."""
    close = [_quote(c) for c in closest_names(name, candidates)]
    if not close:
        return ""
    text = close[0] if len(close) == 1 else ", ".join(close[:-1]) + " or " + close[-1]
    return f"; did you mean {text}?"


def known_names(candidates: Iterable, limit: int = 20) -> str:
    """``"known: 'a', 'b'"`` (at most ``limit``, then ``... (N in all)``), or ``"none are known"``."""
    names = [_quote(c) for c in candidates]
    if not names:
        return "none are known"
    out = ", ".join(names[:limit])
    if len(names) > limit:
        out += f", ... ({len(names)} in all)"
    return "known: " + out
