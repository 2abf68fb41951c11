"""Runs of name-like words in running text: where the gazetteer looks for place names."""

from __future__ import annotations

import re

from borderwatch.region.transliterate import rules

# Words keep inner hyphens and apostrophes (Qal'ai), but not an English possessive 's.
TOKEN = re.compile(r"[^\W\d_]+(?:['’\-](?![sS]\b)[^\W\d_]+)*")
_GAP = re.compile(r"[ \t\-]*")
# The words after which "of" makes the next word a name's ("district of Kunduz").
UNIT_WORDS = frozenset(
    ("district", "districts", "province", "provinces", "town", "village", "city", "river")
)

# A word of running text as `TOKEN` finds it: start, end, text and lower case.
Word = tuple[int, int, str, str]


def words_of(text: str) -> list[Word]:
    """Every word of `text` as `TOKEN` finds it."""
    return [(m.start(), m.end(), w := m.group(), w.lower()) for m in TOKEN.finditer(text)]


def name_runs(text: str) -> list[list[Word]]:
    """Runs of adjacent name-like words: capitalised, non-Latin, joiners between them, a
    lower-case word after "district of", and a generic word (district, river) closing a run.

    Most words are in lower case and outside every run: only the words that may open a run are
    found in one pass, and runs are followed from them word by word."""
    words = words_of(text)
    generic = rules().generic_words
    joiners = frozenset(rules().joiners)
    gap, count = _GAP.fullmatch, len(words)
    runs: list[list[Word]] = []
    resume = 0
    for first in _openers(words):
        if first < resume:
            continue
        run, at, resume = [words[first]], first + 1, count
        while at < count:
            word = words[at]
            if gap(text, words[at - 1][1], word[0]) is None:
                resume = at  # the word is looked at afresh: it may open the next run
                break
            # The word opens a run of its own (a capital or non-ASCII first letter, or the
            # word after "district of"): asked for every word of a run, so written inline.
            if not "a" <= word[2] < "{" or (
                words[at - 1][3] == "of" and at > 1 and words[at - 2][3] in UNIT_WORDS
            ):
                run.append(word)
                at += 1
                continue
            closing = generic.get(word[3])
            if closing or word[3] in joiners:
                run.append(word)
            if closing or word[3] not in joiners:
                resume = at + 1
                break
            at += 1
        while run and run[-1][2] in joiners:
            run.pop()
        if run:
            runs.append(run)
    return runs


def _openers(words: list[Word]) -> list[int]:
    """Indexes of the words that open a run wherever they stand, in text order."""
    found: list[int] = []
    for i in [i for i, w in enumerate(words) if w[3] == "of" or not "a" <= w[2] < "{"]:
        if not "a" <= words[i][2] < "{" and (not found or found[-1] != i):
            found.append(i)
        if words[i][3] == "of" and i and words[i - 1][3] in UNIT_WORDS and i + 1 < len(words):
            found.append(i + 1)
    return found
