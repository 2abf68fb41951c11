"""Where a report's words start: one pass over its tokens that the components scan from.

Many rules are regexes that open with a lexicon word after a word boundary ("(?<![\\w-])Afghan
forces", "according to the report"). Tried at every character of a report they cost more than
the tokenizer; tried only where a word of their lexicon starts they cost next to nothing, and
they find the same matches, as long as a word's lower case is what `re.IGNORECASE` compares.
That holds for text whose letters are all ASCII, so for any other text every scan here falls
back to the plain regex over the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator

from borderwatch.extraction.document import Document, Token

_LETTERS = re.compile(r"[^\W\d_]+")
# Inside a token an apostrophe joins letters ("Qal'ai", "Russia's"): the letters after it start
# no token, but a regex may find a word there.
_INNER = re.compile(r"['’](?=[^\W\d_])")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The leading letters of lexicon phrases in lower case: the keys they are found by."""
    found = [_LETTERS.match(phrase.lower()) for phrase in phrases]
    if not all(found):
        raise ValueError("a lexicon phrase scanned by its first word must start with a letter")
    return frozenset(m.group() for m in found if m)


class WordStarts:
    """The offsets where words start, by their leading letters in lower case (None when the
    text has letters beyond ASCII, for which the components use their plain regexes)."""

    __slots__ = ("_of", "offsets")

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.offsets: dict[str, list[int]] | None = None
        self._of: dict[frozenset[str], list[int]] = {}
        if not text.isascii() and _NON_ASCII_LETTER.search(text):
            return
        offsets: dict[str, list[int]] = {}
        for token in tokens:
            word = token.lower
            if not word.isalpha():
                head = _LETTERS.match(word)
                if head is None:
                    continue  # a number or a punctuation mark
                word = head.group()
            found = offsets.get(word)
            if found is None:
                offsets[word] = [token.start]
            else:
                found.append(token.start)
        inner = [
            m.end() for m in _INNER.finditer(text) if text[m.start() - 1 : m.start()].isalpha()
        ]
        for offset in inner:
            word = _LETTERS.match(text, offset).group().lower()  # type: ignore[union-attr]
            offsets.setdefault(word, []).append(offset)
        if inner:
            for found in offsets.values():
                found.sort()
        self.offsets = offsets

    def of(self, words: frozenset[str]) -> list[int]:
        """Sorted offsets where one of `words` (leading letters, lower case) starts."""
        found = self._of.get(words)
        if found is None:
            offsets = self.offsets or {}
            keys = offsets.keys() & words
            found = sorted(o for key in keys for o in offsets[key])
            self._of[words] = found
        return found

    def where(self, starts: Callable[[str], bool]) -> list[int]:
        """Sorted offsets of the words for which `starts` says yes."""
        offsets = self.offsets or {}
        return sorted(o for word, found in offsets.items() if starts(word) for o in found)


def word_starts(doc: Document) -> WordStarts:
    """The document's word starts, found once (from its tokens when it has them)."""
    if doc.words is None:
        from borderwatch.extraction.tokenizer import tokenize

        doc.words = WordStarts(doc.text, doc.tokens or tokenize(doc.text))
    return doc.words


def finditer(
    pattern: re.Pattern[str], doc: Document, words: frozenset[str]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(doc.text)` for a pattern whose every match starts with one of `words`
    (first words, lower case) after a boundary."""
    starts = word_starts(doc)
    if starts.offsets is None:
        yield from pattern.finditer(doc.text)
        return
    text, resume = doc.text, 0
    for offset in starts.of(words):
        if offset < resume:
            continue
        match = pattern.match(text, offset)
        if match is not None:
            resume = match.end()
            yield match


def search(
    pattern: re.Pattern[str], doc: Document, words: frozenset[str], start: int, end: int
) -> re.Match[str] | None:
    """`pattern.search(doc.text, start, end)` for a pattern like `finditer`'s."""
    starts = word_starts(doc)
    if starts.offsets is None:
        return pattern.search(doc.text, start, end)
    offsets = starts.of(words)
    for i in range(bisect_left(offsets, start), len(offsets)):
        if offsets[i] >= end:
            break
        match = pattern.match(doc.text, offsets[i], end)
        if match is not None:
            return match
    return None
