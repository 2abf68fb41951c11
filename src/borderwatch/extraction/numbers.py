"""Reading a figure written in digits or words ("1,037", "twenty thousand", "two-thirds")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

from borderwatch.extraction.lexicon import NumberLexicon
from borderwatch.extraction.patterns import NON_ASCII_LETTER, Lowered, ascii_folds

FigureKind = Literal["count", "fraction", "percent", "vague"]


class Figure(NamedTuple):
    """A number as written at [start, end) of the text, with the range it stands for (a
    tuple: made for every number read, most of them dropped)."""

    start: int
    end: int
    value: float
    low: float
    high: float
    kind: FigureKind


_GROUP_NAMES = re.compile(r"\(\?P[<=]")


def lowercase_regex(source: str) -> re.Pattern[str] | None:
    """The regex `source` (meant for `re.IGNORECASE`) without the flag, for text that `lowered`
    gave: the same matches with the same groups at the same offsets, about twice as fast.
    None when `source` has a capital (or an escape such as \\W that lowering would change), or a
    character that the flag lets match an ASCII letter ("ſ" is an "s" to it)."""
    named = _GROUP_NAMES.sub("", source)
    if named != named.lower():
        return None
    return re.compile(source) if ascii_folds(source) else None


def lowered(text: str) -> str | None:
    """`text` in lower case where that keeps every offset and every letter is ASCII (what
    `folded` patterns read), else None: such text is read with the case-insensitive regex."""
    if not text.isascii() and NON_ASCII_LETTER.search(text):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def _alternation(words: Iterable[str]) -> str:
    # Longest first: an alternation takes the first branch that matches, not the longest.
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


class NumberReader:
    """Reads one figure starting at a given offset, with patterns compiled from the lexicon."""

    def __init__(self, lexicon: NumberLexicon) -> None:
        self.lexicon = lexicon
        self._word_values = {**lexicon.units, **lexicon.tens}
        source = self._build(lexicon)
        self._pattern = re.compile(source, re.IGNORECASE)
        self._folded = lowercase_regex(source)
        # The last text read, lowered: a report is read many times over.
        self._lowered = Lowered(lowered)
        self.start_words = self._start_words(lexicon)

    @staticmethod
    def _start_words(lexicon: NumberLexicon) -> frozenset[str]:
        words = [*lexicon.units, *lexicon.tens, *lexicon.scales, *lexicon.fractions]
        words += [*lexicon.article_words]
        words += [
            phrase.split()[0] for phrase in (*lexicon.vague_plurals, *lexicon.vague_multipliers)
        ]
        return frozenset(w.lower() for w in words)

    @staticmethod
    def _build(lx: NumberLexicon) -> str:
        group, decimal = (",", r"\.") if lx.decimal_mark == "." else (r"\.", ",")
        digits = (
            rf"(?:\d{{1,3}}(?:{group}\d{{3}})+(?!\d)|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,.])"
            rf"|\d+)(?:{decimal}\d+)?"
        )
        word = _alternation([*lx.units, *lx.tens, *lx.scales])
        joiner = _alternation(lx.joiners)
        words = rf"(?:{word})(?:(?:[ \t-]+|\s+(?:{joiner})\s+)(?:{word}))*"
        article = _alternation(lx.article_words)
        scale = _alternation(lx.scales)
        fraction = _alternation(lx.fractions)
        percent = _alternation(lx.percent_words)
        vague = _alternation(lx.vague_plurals)
        multiplier = _alternation(lx.vague_multipliers)
        return (
            rf"(?P<percent>(?P<pdigits>{digits})\s*(?:{percent}))(?![\w])"
            rf"|(?P<vague>{vague})\b"
            rf"|(?P<several>(?P<mword>{multiplier})\s+(?P<mscale>{scale}))\b"
            rf"|(?P<fraction>(?:(?P<numerator>{words}|{article})[ \t-]+)?"
            rf"(?P<denominator>{fraction}))\b"
            rf"|(?P<scaled>(?P<sdigits>{digits})\s*(?P<sscale>{scale}))\b"
            rf"|(?P<digits>{digits})"
            rf"|(?P<words>(?:(?:{article})\s+(?=(?:{scale})\b))?{words})\b"
        )

    def read(self, text: str, pos: int) -> Figure | None:
        """The figure that starts exactly at `pos`, or None."""
        m = self._match(text, pos)
        if m is None:
            return None
        start, end = m.span()
        kind = m.lastgroup  # each alternative's own group closes last
        if kind == "digits":
            value = self.digits_value(m.group("digits"))
            return Figure(start, end, value, value, value, "count")
        if kind == "words":
            return self._words(m.group("words"), start)
        if kind == "percent":
            share = self.digits_value(m.group("pdigits")) / 100
            return Figure(start, end, share, share, share, "percent")
        if kind == "vague":
            amount = self.lexicon.vague_plurals[_normal(m.group("vague"))]
            return Figure(start, end, amount.value, amount.low, amount.high, "vague")
        if kind == "several":
            return self._several(m, start, end)
        if kind == "fraction":
            return self._fraction(m, start, end)
        scale = self.lexicon.scales[m.group("sscale").lower()]
        value = self.digits_value(m.group("sdigits")) * scale
        return Figure(start, end, value, value, value, "count")

    def _match(self, text: str, pos: int) -> re.Match[str] | None:
        """The figure regex at `pos`: on the lowered text without IGNORECASE when it can be."""
        folded = self._folded
        low = None if folded is None else self._lowered(text)
        if folded is None or low is None:
            return self._pattern.match(text, pos)
        return folded.match(low, pos)

    def _words(self, words: str, start: int) -> Figure:
        # "and" joins a number only after a scale: "two hundred and fifty", not "five and six".
        parts = re.split(r"(\s+)", words)
        for index, part in enumerate(parts):
            joins = part.lower() in self.lexicon.joiners and index >= 2
            if joins and parts[index - 2].lower() not in self.lexicon.scales:
                words = "".join(parts[: index - 1])
                break
        value = self.words_value(words)
        return Figure(start, start + len(words), value, value, value, "count")

    def _several(self, m: re.Match[str], start: int, end: int) -> Figure:
        amount = self.lexicon.vague_multipliers[_normal(m.group("mword"))]
        scale = self.lexicon.scales[m.group("mscale").lower()]
        return Figure(
            start, end, amount.value * scale, amount.low * scale, amount.high * scale, "vague"
        )

    def _fraction(self, m: re.Match[str], start: int, end: int) -> Figure | None:
        denominator = self.lexicon.fractions[m.group("denominator").lower()]
        numerator_text = m.group("numerator")
        plural = m.group("denominator").lower().endswith("s")
        if numerator_text is None:
            if plural:  # "thirds" alone is not a figure
                return None
            numerator = 1.0
        elif numerator_text.lower() in self.lexicon.article_words:
            numerator = 1.0
        else:
            numerator = self.words_value(numerator_text)
        share = round(numerator / denominator, 3)
        return Figure(start, end, share, share, share, "fraction")

    def digits_value(self, digits: str) -> float:
        """The value of a figure in digits with group and decimal marks."""
        if digits.isdecimal():
            return float(digits)
        group = "," if self.lexicon.decimal_mark == "." else "."
        cleaned = re.sub(r"[ \u00a0\u202f]", "", digits).replace(group, "")
        return float(cleaned.replace(",", "."))

    def words_value(self, words: str) -> float:
        """The value of a figure in words: "two hundred and fifty" is 250."""
        total = current = 0
        for word in re.split(r"[\s-]+", words.lower()):
            if word in self._word_values:
                current += self._word_values[word]
            elif word in self.lexicon.scales:
                scale = self.lexicon.scales[word]
                if scale >= 1000:
                    total += max(current, 1) * scale
                    current = 0
                else:
                    current = max(current, 1) * scale
            elif word in self.lexicon.article_words:
                current = 0
        return float(total + current)


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())
