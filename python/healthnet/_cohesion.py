# SPDX-License-Identifier: MIT
"""cohesion metrics (being written; see issue 3)."""

__all__: list[str] = []
