# SPDX-License-Identifier: MIT
"""components metrics (being written; see issue 3)."""

__all__: list[str] = []
