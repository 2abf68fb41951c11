"""Where a report's words start: one pass over its tokens that the components scan from.

Many rules are regexes that open with a lexicon word after anything but a letter, digit or
hyphen ("(?<![\\w-])Afghan forces", "according to the report"). Tried at every character of a
report they cost more than the tokenizer; tried only where a word of their lexicon starts they
cost next to nothing, and they find the same matches, as long as a word's lower case is what
`re.IGNORECASE` compares. That holds for text whose letters are all ASCII, so for any other
text every scan here falls back to the plain regex over the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from borderwatch.extraction.document import Document, Token
from borderwatch.extraction.patterns import NON_ASCII_LETTER
from borderwatch.extraction.tokenizer import tokenize

_LETTERS = re.compile(r"[^\W\d_]+")
# Inside a token an apostrophe joins letters ("Qal'ai", "Russia's"): the letters after it start
# no token, but a regex may find a word there.
_INNER = re.compile(r"['’](?=[^\W\d_])")
# Where the gazetteer's words part from the tokens: a possessive 's ("Russia's" is "Russia"
# and "s") and an ordinal's letters ("3rd" gives "rd", which joins letters right after it).


def opening_words(phrases: Iterable[str]) -> frozenset[str]:
    """The leading letters of literal lexicon phrases in lower case: the keys they are found by."""
    found = [_LETTERS.match(phrase.lower()) for phrase in phrases]
    if not all(found):
        raise ValueError("a lexicon phrase scanned by its first word must start with a letter")
    return frozenset(m.group() for m in found if m)


class Prefixes:
    """The words a regex may start with, known by the letters every match starts with (for
    lexicon regexes, whose first words are not literal: "fears? that" starts with "fear").
    A word may start a match when one of them begins it, or it begins one of them ("cross"
    of "cross-border"). Answers are remembered per word."""

    def __init__(self, prefixes: Iterable[str]) -> None:
        self._prefixes = tuple(sorted(set(prefixes)))
        # Every word one of them begins with: "p.startswith(word)" as one set lookup.
        self._heads = frozenset(p[:k] for p in self._prefixes for k in range(len(p) + 1))
        # A regex that may start with something else than a letter is scanned everywhere.
        self.everywhere = not all(p[:1].isalpha() for p in self._prefixes)
        self._yes: set[str] = set()
        self._no: set[str] = set()

    def select(self, words: Iterable[str]) -> set[str]:
        """Those of `words` (leading letters) a match may start at; each word is judged once."""
        words = set(words)
        for word in words - self._yes - self._no:
            if len(self._yes) + len(self._no) > 100_000:
                self._yes.clear()
                self._no.clear()
            starts = word.startswith(self._prefixes) or word in self._heads
            (self._yes if starts else self._no).add(word)
        return words & self._yes


# What a scan looks for: literal first words, or the first letters of regexes.
Words = frozenset[str] | Prefixes


class WordStarts:
    """The offsets where words start, by their leading letters in lower case (None when the
    text has letters beyond ASCII, for which the components use their plain regexes)."""

    __slots__ = ("_of", "offsets")

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.offsets: dict[str, list[int]] | None = None
        self._of: dict[Words, list[int]] = {}
        if not text.isascii() and NON_ASCII_LETTER.search(text):
            return
        offsets: dict[str, list[int]] = {}
        get = offsets.get
        for token in tokens:
            if token.is_word:  # a number or a punctuation mark: no letter opens it
                found = get(token.lower)
                if found is None:
                    offsets[token.lower] = [token.start]
                else:
                    found.append(token.start)
        _by_letters(offsets)
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

    def of(self, words: Words) -> list[int]:
        """Sorted offsets where a word that may start a match of `words` starts."""
        found = self._of.get(words)
        if found is None:
            offsets = self.offsets or {}
            keys = words.select(offsets) if isinstance(words, Prefixes) else offsets.keys() & words
            # Each word's offsets are sorted: the sort merges a few runs instead of ordering
            # every offset anew.
            found = []
            for key in keys:
                found += offsets[key]
            found.sort()
            self._of[words] = found
        return found


def _by_letters(offsets: dict[str, list[int]]) -> None:
    """Key the offsets of words with more than letters ("al-qaeda", "taliban's") by their
    leading letters, keeping each word's offsets sorted (looked at once per distinct word
    instead of once per token)."""
    merged: set[str] = set()
    for word in [w for w in offsets if not w.isalpha()]:
        found = offsets.pop(word)
        key = _LETTERS.match(word).group()  # type: ignore[union-attr]
        known = offsets.get(key)
        if known is None:
            offsets[key] = found
        else:
            known += found
            merged.add(key)
    for key in merged:
        offsets[key].sort()


def _covered(doc: Document, words: Words) -> WordStarts | None:
    """The document's word starts when they can stand in for a scan for `words`."""
    if isinstance(words, Prefixes) and words.everywhere:
        return None
    starts = word_starts(doc)
    return starts if starts.offsets is not None else None


def word_starts(doc: Document) -> WordStarts:
    """The document's word starts, found once (from its tokens when it has them)."""
    if doc.words is None:
        doc.words = WordStarts(doc.text, doc.tokens or tokenize(doc.text))
    return doc.words


def finditer(pattern: re.Pattern[str], doc: Document, words: Words) -> Iterator[re.Match[str]]:
    """`pattern.finditer(doc.text)` for a pattern whose every match starts at a word boundary
    with one of `words`."""
    starts = _covered(doc, words)
    if starts is None:
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
    pattern: re.Pattern[str], doc: Document, words: Words, start: int, end: int
) -> re.Match[str] | None:
    """`pattern.search(doc.text, start, end)` for a pattern like `finditer`'s. Asked for many
    short spans of a report, so it is kept lean."""
    starts = doc.words or word_starts(doc)
    if starts.offsets is None or (isinstance(words, Prefixes) and words.everywhere):
        return pattern.search(doc.text, start, end)
    text, offsets = doc.text, starts._of.get(words) or starts.of(words)
    i = bisect_left(offsets, start)
    # `_cuts_word` inline: single letters need no slice
    if 0 < end < len(text) and text[end].isalpha() and text[end - 1].isalpha():
        tried = sorted({*offsets[i : bisect_left(offsets, end)], _cut_word(text, start, end)})
        i, offsets = 0, tried
    while i < len(offsets) and offsets[i] < end:
        match = pattern.match(text, offsets[i], end)
        if match is not None:
            return match
        i += 1
    return None


def occurs(doc: Document, words: Words, start: int, end: int) -> bool:
    """Whether one of `words` may start in [start, end): when not, no regex that needs one
    there can match (always True for text the index does not cover)."""
    starts = doc.words or word_starts(doc)  # `_covered` inline: asked per sentence and clause
    if starts.offsets is None or (isinstance(words, Prefixes) and words.everywhere):
        return True
    return holds(doc.text, starts._of.get(words) or starts.of(words), start, end)


def holds(text: str, offsets: list[int], start: int, end: int) -> bool:
    """Whether one of the word-start `offsets` is in [start, end), or `end` cuts a word (whose
    start a regex tried up to `end` may find): `occurs`, for offsets already in hand."""
    i = bisect_left(offsets, start)
    if i < len(offsets) and offsets[i] < end:
        return True
    return _cuts_word(text, end)


def _cuts_word(text: str, end: int) -> bool:
    """Whether `end` falls between two letters (the text's letters are ASCII: `isalpha` is
    the regexes' letter class)."""
    return 0 < end < len(text) and text[end].isalpha() and text[end - 1].isalpha()


def _cut_word(text: str, start: int, end: int) -> int:
    """Where the word that `end` cuts in two starts (at or after `start`): up to `end` it is a
    shorter word than the one the word starts know, so it is tried too."""
    begin = end - 1
    while begin > start and text[begin - 1].isalpha():
        begin -= 1
    return begin
