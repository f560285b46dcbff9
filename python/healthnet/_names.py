"""'Did you mean' for names that match nothing (a sheet, a column, a label).

The Python twin of include/healthnet/detail/suggest.hpp: the same ranking
(Levenshtein distance, ASCII letters without case, a prefix of 3 or more
characters counts as close) and the same wording.
"""

from __future__ import annotations

from collections.abc import Iterable


def _quote(name) -> str:
    return repr(name) if isinstance(name, str) else repr(str(name))


def _lower(s: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s[:64])


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (Levenshtein 1966), ASCII letters without case, both cut at 64 characters."""
    a, b = _lower(a), _lower(b)
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        diagonal, row[0] = row[0], i
        for j in range(1, len(b) + 1):
            above = row[j]
            row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1]))
            diagonal = above
    return row[len(b)]


def closest_names(name, candidates: Iterable, limit: int = 3) -> list[str]:
    """Up to ``limit`` candidates within max(2, len(name) // 3) edits of ``name``
    (or starting with it, 3 characters or more), nearest first, ties in order."""
    name = str(name)
    bound = max(2, len(name) // 3)
    key = _lower(name)
    scored = []
    for order, candidate in enumerate(map(str, candidates)):
        d = edit_distance(name, candidate)
        if d > bound and len(key) >= 3 and _lower(candidate).startswith(key):
            d = bound
        if d <= bound and candidate != name:
            scored.append((d, order, candidate))
    return [c for _, _, c in sorted(scored)[:limit]]


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
