"""Regex building blocks shared by the extraction components."""

from __future__ import annotations

import re
from collections.abc import Iterable
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
