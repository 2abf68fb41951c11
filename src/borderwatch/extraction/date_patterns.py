"""The one regular expression of the date component, built from a language's date lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable

from borderwatch.extraction.document import Token
from borderwatch.extraction.lexicon import DateLexicon, NumberLexicon
from borderwatch.extraction.numbers import lowercase_regex

_LETTERS = re.compile(r"[^\W\d_]+")
# The most words remembered as starting no date, so that a long run of reports cannot grow
# the set without bound.
_MOST_REMEMBERED = 100_000
# The group holding the month name in each alternative that has one.
MONTH_GROUPS = {
    "range_dmy": "r_m",
    "range_mdy": "rm_m",
    "dmy": "a_m",
    "mdy": "b_m",
    "month_year": "my_m",
    "part_month": "pm_m",
    "mo": "mo_m",
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any whitespace between words."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


class DatePatterns:
    """The compiled date expression and the words a date expression can start with."""

    month_groups = MONTH_GROUPS

    def __init__(self, lexicon: DateLexicon, numbers: NumberLexicon) -> None:
        source = self._build(lexicon, numbers)
        self.pattern = re.compile(source, re.IGNORECASE)
        # The same regex for text in lower case (`numbers.lowered`), when it can be had.
        self.folded = lowercase_regex(source)
        self.triggers = self._triggers(lexicon, numbers)
        # Words that start a date only with a time word after them ("the night", "a day").
        self.needs_next = self.triggers - self._complete(lexicon)
        self.next_words = self._next_words(lexicon)
        self.after_number = self._after_number(lexicon)
        self._closed: set[str] = set()

    def candidates(self, tokens: list[Token], plain: bool = False) -> list[int]:
        """Indexes of the tokens where a date expression may start. In `plain` text (no
        letters beyond ASCII, which `re.IGNORECASE` may fold) a number starts one only where
        `number_opens` says it may. Most tokens are words known to start none: they are
        passed over by one set lookup each, and only the others are looked at closely."""
        closed = self._closed
        if len(closed) > _MOST_REMEMBERED:
            closed.clear()
        unknown = [i for i, token in enumerate(tokens) if token.lower not in closed]
        return [i for i in unknown if self._opens(tokens, i, plain)]

    def _opens(self, tokens: list[Token], i: int, plain: bool) -> bool:
        lower = tokens[i].lower
        if lower[0].isdigit():
            return not plain or self.number_opens(tokens, i)
        if lower in self.triggers:
            return lower not in self.needs_next or (
                i + 1 < len(tokens)
                and (tokens[i + 1].lower in self.next_words or tokens[i + 1].lower[0].isdigit())
            )
        if "-" in lower and lower.split("-", 1)[0] in self.triggers:
            return True
        self._closed.add(lower)  # a word no date starts with, wherever it stands
        return False

    def number_opens(self, tokens: list[Token], i: int) -> bool:
        """Whether the number at `i` may start a date: four digits (a year, an ISO date), a
        dotted date, or a number before what follows a day or a count in every date pattern (a
        month, "of", a range's joiner, a date's separator, an offset's unit)."""
        text = tokens[i].text
        if "." in text or (len(text) == 4 and text.isdigit()):
            return True
        if i + 1 == len(tokens):
            return False
        following = tokens[i + 1].lower
        if not following.isalpha():
            letters = _LETTERS.match(following)
            following = letters.group() if letters else following[:1]
        return following in self.after_number

    @staticmethod
    def _after_number(lx: DateLexicon) -> frozenset[str]:
        words = [*lx.months, *lx.range_joiners, *lx.offset_units, *lx.ordinal_suffixes]
        firsts = {w.lower().split()[0] for w in words if w.strip()}
        return frozenset(
            {*firsts, *(w[:1] for w in firsts if not w[:1].isalpha()), "of", "/", ".", "-"}
        )

    @staticmethod
    def _complete(lx: DateLexicon) -> set[str]:
        single = [p for p in (*lx.relative_days, *lx.nights, *lx.periods) if " " not in p]
        return {w.lower() for w in (*lx.months, *lx.weekdays, *single)}

    @staticmethod
    def _next_words(lx: DateLexicon) -> frozenset[str]:
        phrases = [
            *lx.relative_days, *lx.nights, *lx.periods, *lx.parts_of_month, *lx.anchored_days,
        ]  # fmt: skip
        seconds = {p.lower().split()[1] for p in phrases if " " in p}
        words = [
            *lx.months, *lx.weekdays, *lx.weekday_abbreviations, *lx.night_words,
            *lx.offset_units, *lx.parts_of_month,
        ]  # fmt: skip
        return frozenset({w.lower() for w in words} | seconds | {"of", "the"})

    @staticmethod
    def _triggers(lx: DateLexicon, numbers: NumberLexicon) -> frozenset[str]:
        phrases = [
            *lx.months, *lx.weekdays, *lx.weekday_last, *lx.weekday_next, *lx.weekday_this,
            *lx.relative_days, *lx.nights, *lx.night_words, *lx.periods, *lx.parts_of_month,
            *lx.since_words, *lx.range_starts, *lx.offset_counts, *lx.anchored_days,
            *numbers.units, *numbers.tens, "the",
        ]  # fmt: skip
        return frozenset(p.lower().replace("-", " ").split()[0] for p in phrases)

    @staticmethod
    def _build(lx: DateLexicon, numbers: NumberLexicon) -> str:
        p = _fragments(lx, numbers)
        since = rf"(?:(?P<since>{alternation(lx.since_words)})\s+)?"
        night_of = rf"(?P<nightof>{p['the']}(?:{alternation(lx.night_words)})\s+of\s+)?"
        alternatives = [*_absolute(p), *_relative(lx, p)]
        return rf"{since}{night_of}(?:{'|'.join(alternatives)})"


def _fragments(lx: DateLexicon, numbers: NumberLexicon) -> dict[str, str]:
    """The pieces the alternatives are made of, each a regex without named groups."""
    weekday = rf"(?:{alternation([*lx.weekdays, *lx.weekday_abbreviations])})\b"
    relation = alternation([*lx.weekday_last, *lx.weekday_next, *lx.weekday_this])
    dashes = "|".join(re.escape(j) for j in lx.range_joiners if not j.isalpha())
    words = alternation(j for j in lx.range_joiners if j.isalpha())
    return {
        "day": rf"\d{{1,2}}(?:{alternation(lx.ordinal_suffixes)})?(?!\w)(?![,.]\d)",
        # a year of this era: "8 July 1015" is a day and a clock time in a field log
        "year": r"(?:1[89]|20)\d{2}(?!\w)(?![,.-]\d)",
        "month": rf"(?:{alternation(lx.months)})\b",
        "weekday": weekday,
        "relation": relation,
        "named_weekday": rf"(?:(?:(?:{relation})\s+)?{weekday},?\s+)?",
        "parts": alternation(lx.parts_of_month),
        "joiner": rf"(?:\s*(?:{dashes})\s*|\s+(?:{words})\s+)",
        "start": rf"(?:(?:{alternation(lx.range_starts)})\s+)?",
        "the": r"(?:the\s+)?",
        "counts": alternation([*numbers.units, *numbers.tens, *lx.offset_counts]),
        "units": alternation(lx.offset_units),
        "directions": alternation([*lx.offsets_back, *lx.offsets_forward, *lx.offsets_after]),
        "day_part": rf"(?:\s+(?:{alternation(lx.parts_of_day)})\b)?",
    }


def _absolute(p: dict[str, str]) -> list[str]:
    """Dates that name their month: ISO, numeric, day-month, month-day, ranges, parts."""
    day, month, year, the = p["day"], p["month"], p["year"], p["the"]
    return [
        r"(?P<iso>(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})(?!\d))",
        r"(?P<numeric>(?P<n_a>\d{1,2})(?P<n_sep>[./-])(?P<n_b>\d{1,2})(?P=n_sep)"
        r"(?P<n_y>\d{4}|\d{2})(?!\d))",
        # "Update No. 4 - 12 July 2021" numbers the update: 4 starts no range.
        rf"(?P<range_dmy>{p['start']}{the}(?<!no\.\s)(?<!no\s)(?<!#)(?P<r_d1>{day}){p['joiner']}{the}(?P<r_d2>{day})"
        rf"(?:\s+of)?\s+(?P<r_m>{month})(?:\.?,?\s+(?P<r_y>{year}))?)",
        rf"(?P<range_mdy>{p['start']}(?P<rm_m>{month})\.?\s+(?P<rm_d1>{day}){p['joiner']}"
        rf"(?P<rm_d2>{day})(?:,?\s+(?P<rm_y>{year}))?)",
        rf"(?P<dmy>{p['named_weekday']}{the}(?P<a_d>{day})(?:\s+of)?\s+(?P<a_m>{month})"
        rf"(?:\.?,?\s+(?P<a_y>{year}))?)",
        rf"(?P<mdy>{p['named_weekday']}(?P<b_m>{month})\.?\s+(?P<b_d>{day})"
        rf"(?:,?\s+(?P<b_y>{year}))?)",
        rf"(?P<month_year>(?:(?P<my_p>{p['parts']})[\s-]*)?(?P<my_m>{month})\.?,?\s+"
        rf"(?P<my_y>{year}))",
        rf"(?P<part_month>(?P<pm_p>{p['parts']})[\s-]*(?P<pm_m>{month}))",
    ]


def _relative(lx: DateLexicon, p: dict[str, str]) -> list[str]:
    """Expressions resolved against the reference date or an anchor; then bare months, years."""
    return [
        rf"(?P<relative>(?P<rel>{alternation(lx.relative_days)})\b{p['day_part']})",
        rf"(?P<night>{alternation(lx.nights)})\b",
        rf"(?P<period>(?P<per>{alternation(lx.periods)})\b)",
        rf"(?P<offset>(?P<off_n>{p['counts']}|\d{{1,2}})\s+(?P<off_u>{p['units']})"
        rf"\s+(?P<off_dir>{p['directions']})\b(?P<off_clause>(?=\s+\w))?)",
        rf"(?P<anchored>(?P<anch>{alternation(lx.anchored_days)})\b)",
        rf"(?P<weekday>(?:(?P<wd_rel>{p['relation']})\s+)?(?P<wd>{p['weekday']}){p['day_part']})",
        rf"(?P<mo>(?P<mo_m>{p['month']}))",
        r"(?P<yr>(?P<yr_y>(?:1[89]|20)\d{2})(?!\w)(?![,.]\d))",
    ]
