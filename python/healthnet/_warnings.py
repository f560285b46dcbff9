# SPDX-License-Identifier: MIT
"""Warnings healthnet issues about the data."""

__all__ = ["DataWarning"]


class DataWarning(UserWarning):
    """A reader or function assumed something about the data; the message says what."""
