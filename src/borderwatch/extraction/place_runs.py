"""Runs of name-like words in a report, found from the words that open them: the runs
`region.runs.name_runs` finds, without reading every word of the report.

Most words of a report are in lower case and outside every run. `name_runs` reads them all
(its caller tokenizes the whole text first); here regexes find the words that may open a run
(capitals, and the words after "district of"), and each run is followed word by word from its
opener, so only the words in and right after runs are ever read. The words are `TOKEN`'s, and
the rules `name_runs`'s. Text with letters beyond ASCII, whose every letter outside a-z opens a
run, is left to `name_runs`.
"""

from __future__ import annotations

import re

from borderwatch.extraction.patterns import NON_ASCII_LETTER
from borderwatch.region import runs
from borderwatch.region.names import Gazetteer, Resolution, Spot
from borderwatch.region.runs import TOKEN, UNIT_WORDS, Word
from borderwatch.region.transliterate import rules

_LETTER = r"[^\W\d_]"
_JOINER = r"['’\-]"
# Where `TOKEN` ends a word: no letter after, nor a joiner it would read on across (it reads
# on across all but one before a lone "s", the possessive "Russia's").
_WORD_END = rf"(?!{_LETTER})(?!{_JOINER}(?![sS]\b){_LETTER})"
_ENDS_WORD = re.compile(_WORD_END)
# `TOKEN` after a word's first letter.
_WORD_REST = rf"{_LETTER}*{TOKEN.pattern[len(_LETTER) + 1 :]}"
# A word that opens a run wherever it stands (a capital, for text whose letters are ASCII):
# one `TOKEN` starts there, as no letter comes before it, nor a letter and a joiner `TOKEN`
# would read on across. The capital comes first, for the regex engine to skip to.
_OPENER = re.compile(
    rf"[A-Z](?<!{_LETTER}.)(?:(?<!{_LETTER}{_JOINER}.)|(?<=S)\b){_WORD_REST}",
    re.DOTALL,
)
# "of" as a word of `TOKEN`'s, in any case.
_OF = re.compile(rf"[oO][fF](?<!{_LETTER}..)(?<!{_LETTER}{_JOINER}..){_WORD_END}", re.DOTALL)
_FIRST_LETTER = re.compile(_LETTER)
# The gap `name_runs` lets a run go on over, then the next word.
_NEXT_WORD = re.compile(rf"[ \t\-]*({TOKEN.pattern})")


def name_runs(text: str) -> list[list[Word]]:
    """`region.runs.name_runs(text)`: the runs of name-like words of `text`, in text order."""
    if not text.isascii() and NON_ASCII_LETTER.search(text):
        return runs.name_runs(text)  # capitals beyond A-Z: every word is read
    after_of = _after_unit_of(text)
    generic = rules().generic_words
    joiners = frozenset(rules().joiners)
    found_runs: list[list[Word]] = []
    resume = 0
    for first in _openers(text, after_of):
        if first[0] < resume:
            continue  # inside the run before
        run = [first]
        end = first[1]
        while True:
            found = _NEXT_WORD.match(text, end)
            if found is None:  # no next word, or more than a gap before it
                resume = end
                break
            word = found.group(1)
            start, end = found.start(1), found.end(1)
            lower = word.lower()
            if not "a" <= word < "{" or start in after_of:
                run.append((start, end, word, lower))
                continue
            closing = generic.get(lower)
            if closing or lower in joiners:
                run.append((start, end, word, lower))
            if closing or lower not in joiners:
                resume = end
                break
        while run and run[-1][2] in joiners:
            run.pop()
        if run:
            found_runs.append(run)
    return found_runs


def _after_unit_of(text: str) -> set[int]:
    """Where the words right after "district of" (a unit word, then "of") start."""
    found: set[int] = set()
    for of in _OF.finditer(text):
        if _unit_before(text, of.start()):
            letter = _FIRST_LETTER.search(text, of.end())
            if letter is not None:
                found.add(letter.start())
    return found


def _unit_before(text: str, at: int) -> bool:
    """Whether the word before the one at `at` is a unit word ("district", "town")."""
    end = at
    while end and not text[end - 1].isalpha():  # ASCII letters: the regexes' letter class
        end -= 1
    start = end
    while start and text[start - 1].isalpha():
        start -= 1
    if text[start:end].lower() not in UNIT_WORDS:
        return False
    # `TOKEN` reads the letters as a word of their own: no joiner joins them to letters around
    joined = start > 1 and text[start - 1] in "'’-" and text[start - 2].isalpha()
    return not joined and _ENDS_WORD.match(text, end) is not None


def _openers(text: str, after_of: set[int]) -> list[Word]:
    """The words that open a run, in text order: capitalised ones and those right after
    "district of"."""
    words = [(m.start(), m.end(), w := m.group(), w.lower()) for m in _OPENER.finditer(text)]
    if not after_of:
        return words
    known = {w[0] for w in words}
    for start in after_of - known:
        found = TOKEN.match(text, start)
        if found is not None:
            words.append((start, found.end(), w := found.group(), w.lower()))
    words.sort()
    return words


class RunSpots:
    """The gazetteer's place names in a report's runs (`Gazetteer.spot` without hints), what
    it found in each run remembered by the run's text: sentence-initial and actor words
    ("The", "Taliban") come back in report after report and hold no place."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # By the word of a one-word run (most runs), by the text and the words' spans of a
        # longer one; the names' spans are from the run's start.
        self._one: dict[str, tuple[_Found, ...]] = {}
        self._more: dict[tuple[str, tuple[tuple[int, int], ...]], tuple[_Found, ...]] = {}

    def __call__(self, text: str) -> list[Spot]:
        """The spots of `text` that resolve, in text order."""
        spots: list[Spot] = []
        if len(self._one) + len(self._more) > 100_000:
            self._one.clear()
            self._more.clear()
        for run in name_runs(text):
            base = run[0][0]
            if len(run) == 1:
                found = self._one.get(run[0][2])
                if found is None:
                    found = self._one[run[0][2]] = self._found(text, run, base)
            else:
                key = text[base : run[-1][1]], tuple([(w[0] - base, w[1] - base) for w in run])
                found = self._more.get(key)
                if found is None:
                    found = self._more[key] = self._found(text, run, base)
            for name in found:  # most runs hold no place
                spots.append(Spot(name.text, base + name.start, base + name.end, name.resolution))
        return spots

    def _found(self, text: str, run: list[Word], base: int) -> tuple[_Found, ...]:
        """What the gazetteer finds in a run not seen before."""
        return tuple(
            [
                _Found(s.start - base, s.end - base, s.text, s.resolution)
                for s in self.gazetteer.run_spots(text, run)
            ]
        )


class _Found:
    """A name found in a run: its span from the run's start, its text and resolution."""

    __slots__ = ("end", "resolution", "start", "text")

    def __init__(self, start: int, end: int, text: str, resolution: Resolution) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.resolution = resolution
