"""Regex building blocks: top-level alternatives, and folded regexes searched in spans."""

from __future__ import annotations

import re

from borderwatch.extraction.patterns import Folded, top_level_alternatives


def test_alternatives_split_only_outside_parentheses() -> None:
    assert top_level_alternatives("took|(?:seized|held) control|fell") == [
        "took",
        "(?:seized|held) control",
        "fell",
    ]
    assert top_level_alternatives("(?:a|b)c") == ["(?:a|b)c"]


def test_a_folded_regex_searches_each_span_as_the_plain_one() -> None:
    present = Folded(re.compile(r"(?<![\w-])now stuck", re.IGNORECASE))
    text = "They crossed. They are NOW stuck — on the island."
    at = text.index("NOW")
    assert present.search_any(text, [(0, 13), (14, len(text))])
    assert not present.search_any(text, [(0, 13), (at + 1, len(text))])
    assert not present.search_any(text, [])
    ascii_text = "They are NOW stuck on the island."  # lowered and searched without IGNORECASE
    assert present.search_any(ascii_text, [(0, 5), (5, len(ascii_text))])
    assert not present.search_any(ascii_text, [(0, 12)])
