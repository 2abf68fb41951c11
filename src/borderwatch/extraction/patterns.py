"""Regex building blocks shared by the extraction components."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any


def trie_pattern(words: Iterable[str]) -> str:
    """A regex for any of `words`, longest first, written as a trie: the regex engine then
    reads each letter once instead of trying every word at every position. It matches what
    the alternation of the words sorted longest first matches, in the same order."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def any_of(patterns: Sequence[str]) -> str:
    """A regex for any of `patterns` (regexes themselves), or one that matches nothing."""
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


def word_regex(patterns: Sequence[str], after: str) -> re.Pattern[str]:
    """Any of `patterns` from a word start, then `after`, case-insensitively."""
    return re.compile(rf"(?<![\w-])(?:{any_of(patterns)}){after}", re.IGNORECASE)
