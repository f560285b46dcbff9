# SPDX-License-Identifier: MIT
""""Did you mean": the Python twin of C++ ``healthnet::detail::did_you_mean``.

Used for names checked in Python (e.g. ``plot.network(color_by=...)``), so
their messages read like those of the C++ core.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest candidates, or ``""``."""
    names = list(candidates)
    lower = {c.lower(): c for c in reversed(names)}
    matches = difflib.get_close_matches(name.lower(), list(lower), n=3, cutoff=0.6)
    close = [lower[c] for c in matches if lower[c] != name]
    if not close:
        return ""
    quoted = [repr(c) for c in close]
    text = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"; did you mean {text}?"


def known_names(candidates: Iterable[str], limit: int = 20) -> str:
    """``"known: 'a', 'b'"`` (at most ``limit``), or ``"none are known"``."""
    names = list(candidates)
    if not names:
        return "none are known"
    text = ", ".join(repr(c) for c in names[:limit])
    if len(names) > limit:
        text += f", ... ({len(names)} in all)"
    return "known: " + text
