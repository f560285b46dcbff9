# SPDX-License-Identifier: MIT
"""Warnings healthnet issues about the data."""

from __future__ import annotations

__all__ = ["DataWarning"]


class DataWarning(UserWarning):
    """A reader or function assumed something about the data; the message says what.

    Issued, for example, when repeated pairs were merged, ties with a blank
    weight were dropped, or sector labels outside the taxonomy were kept.
    Turn it into an error with ``warnings.simplefilter("error", hn.DataWarning)``.
    """
