"""Regex building blocks: splitting a pattern into its top-level alternatives."""

from __future__ import annotations

from borderwatch.extraction.patterns import top_level_alternatives


def test_alternatives_split_only_outside_parentheses() -> None:
    assert top_level_alternatives("took|(?:seized|held) control|fell") == [
        "took",
        "(?:seized|held) control",
        "fell",
    ]
    assert top_level_alternatives("(?:a|b)c") == ["(?:a|b)c"]
