"""Regex building blocks shared by the extraction components."""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

# A letter outside ASCII: text holding one is not lowered for a folded regex (its case may
# change its length, and the regexes' letter classes are then no longer ASCII).
NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


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


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` for lowered ASCII text: without IGNORECASE (about twice as fast) when its
    source has no capital, else itself. Lowering ASCII text keeps every offset, and a pattern
    letter in lower case matches a lowered letter exactly where it matches the letter under
    IGNORECASE (classes such as \\w, \\s, \\d ignore case): the same spans match."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or source != source.lower() or not ascii_folds(source):
        return pattern
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def ascii_folds(source: str) -> bool:
    """Whether no character of the regex `source` outside ASCII matches an ASCII letter under
    IGNORECASE ("ſ" is an "s" to it, the Kelvin sign a "k"): such a pattern would match
    differently on lowered text without the flag."""
    return not any(
        re.match(re.escape(char), letter, re.IGNORECASE)
        for char in {c for c in source if not c.isascii()}
        for letter in string.ascii_letters
    )


def ascii_lower(text: str) -> str | None:
    """`text` in lower case when it is ASCII, else None."""
    return text.lower() if text.isascii() else None


class Lowered:
    """The last text asked about as `lower` gives it (by default in lower case when it is
    ASCII, else None): a component asks about one report many times and lowers it once."""

    __slots__ = ("_last", "_lower")

    def __init__(self, lower: Callable[[str], str | None] = ascii_lower) -> None:
        self._lower = lower
        self._last: tuple[str, str | None] = ("", "")

    def __call__(self, text: str) -> str | None:
        last = self._last
        if last[0] is not text:
            last = self._last = (text, self._lower(text))
        return last[1]


class Folded:
    """A case-insensitive lexicon regex that scans ASCII text lowered, with `folded`: the same
    matches at the same offsets, though their groups' text is in lower case. The last text
    asked about is kept lowered: a component asks about one report many times."""

    __slots__ = ("_folded", "_lowered", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._folded = folded(pattern)
        self._lowered = Lowered()

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`pattern.search(text, pos, endpos)`."""
        low = self._lowered(text)
        if low is None:
            return self.pattern.search(text, pos, endpos)
        return self._folded.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`pattern.match(text, pos, endpos)`."""
        low = self._lowered(text)
        if low is None:
            return self.pattern.match(text, pos, endpos)
        return self._folded.match(low, pos, endpos)

    def search_any(self, text: str, spans: Iterable[tuple[int, int]]) -> bool:
        """Whether `pattern.search(text, start, end)` matches in one of `spans` (a loop, not
        any(): asked for claims' clauses)."""
        low = self._lowered(text)
        pattern, scan = (self.pattern, text) if low is None else (self._folded, low)
        for start, end in spans:  # noqa: SIM110
            if pattern.search(scan, start, end) is not None:
                return True
        return False

    def finditer_slice(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text[start:end])`: offsets from `start`, and the slice's own
        edges for anchors and lookarounds."""
        low = self._lowered(text)
        if low is None:
            return self.pattern.finditer(text[start:end])
        return self._folded.finditer(low[start:end])


def _trie_node(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a regex split at its "|" outside parentheses (escaped brackets and
    classes are not looked into)."""
    alternatives, depth, start = [], 0, 0
    for i, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            alternatives.append(pattern[start:i])
            start = i + 1
    return [*alternatives, pattern[start:]]


def any_of(patterns: Sequence[str]) -> str:
    """A regex for any of `patterns` (regexes themselves), or one that matches nothing."""
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


def word_regex(patterns: Sequence[str], after: str) -> re.Pattern[str]:
    """Any of `patterns` from a word start, then `after`, case-insensitively."""
    return re.compile(rf"(?<![\w-])(?:{any_of(patterns)}){after}", re.IGNORECASE)


def is_table_row(line: str) -> bool:
    """Whether a line is a row of a plain-text table: two "|" or more ("Panj | 800 | ready").
    Such a line is no heading, no wrapped prose, and a claim of its table (`table_rows`)."""
    return line.count("|") >= 2
