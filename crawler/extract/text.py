"""Small text helpers shared by the extraction modules."""

from __future__ import annotations

import re

SPACES_RE = re.compile(r"\s+")
"""Runs of whitespace (collapsed to one space)."""


def word_set(text: str) -> frozenset[str]:
    """The space-separated words of ``text``: keeps the modules' word lists readable."""
    return frozenset(text.split())
