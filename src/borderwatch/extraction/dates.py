"""The date component: time expressions resolved against the report's reference date.

Conventions (an analyst's reading, chosen so that reports of one event agree):
- a bare day and month takes the reference year, or the year before when the month is after the
  reference month; "on Tuesday" is the latest Tuesday on or before the reference date, "last
  Tuesday" the latest one before it;
- a night is dated by the morning it ends when the text names two dates or none: "the night of
  4-5 July" is 5 July, "overnight" and "last night" are the reference date (the dateline is the
  morning after); "Monday night" and "the night of 4 July" are the day named;
- "a day after <clause>" dates the clause one day before the sentence's anchor (an earlier date
  in the same sentence, else the reference date); "a day later", "the next day" need an anchor;
- "early/mid/late July" is a ten-day span with week precision; "last week" is Monday to Sunday
  of the week before, "the past week" the seven days up to the reference date;
- "since May 1" starts on May 1 and ends on the reference date;
- "07/05/2021" is read day first unless only month first is a date or only it is not after the
  reference date.
Nothing is ever resolved against today's date.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from borderwatch.extraction.date_patterns import DatePatterns
from borderwatch.extraction.document import DateMention, Document
from borderwatch.extraction.lexicon import DateLexicon, NumberLexicon, load_lexicon
from borderwatch.extraction.numbers import lowered
from borderwatch.extraction.patterns import NON_ASCII_LETTER
from borderwatch.types import DatePrecision

_RANGES = frozenset(("range_dmy", "range_mdy"))
# How many months after the reference a range without a year may lie and stay in its year.
_RANGE_AHEAD = 2
DAY, WEEK, MONTH, YEAR = (
    DatePrecision.DAY,
    DatePrecision.WEEK,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
)


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A resolved expression before it becomes a mention; `explicit` when it states its year."""

    value: date
    precision: DatePrecision
    end_value: date | None = None
    explicit: bool = False


class _Context:
    """What resolution needs besides the match: the reference and the mentions found so far."""

    def __init__(self, doc: Document, mentions: list[DateMention], rules: _DateRules) -> None:
        self.doc = doc
        self.future_marker = rules.future
        self.speech = rules.speech
        self.reference = doc.reference_date
        self.mentions = mentions
        self.sentence_starts = [s for s, _ in doc.sentences]

    def future(self, offset: int) -> bool:
        """Whether the sentence at `offset` speaks of a scheduled future ("on Saturday, the
        market is due to reopen"), not of the day something was said ("said on Tuesday")."""
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index < 0:
            return False
        start, end = self.doc.sentences[index]
        if self.future_marker.search(self.doc.text, start, end) is None:
            return False
        return self.speech.search(self.doc.text, start, offset) is None

    def anchor(self, offset: int) -> date | None:
        """The latest day-precision date before `offset` in the same sentence."""
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        sentence_start = self.sentence_starts[index] if index >= 0 else 0
        for mention in reversed(self.mentions):
            if mention.start < sentence_start:
                return None
            if mention.precision == DAY and mention.value is not None:
                return mention.value
        return None


class _DateRules:
    """The date rules of one language, compiled once from its lexicon."""

    def __init__(self, language: str) -> None:
        self.lexicon = load_lexicon("dates", language, DateLexicon)
        numbers = load_lexicon("numbers", language, NumberLexicon)
        self.patterns = DatePatterns(self.lexicon, numbers)
        self.counts = {**numbers.units, **numbers.tens}
        self.counts.update(dict.fromkeys(self.lexicon.offset_counts, 1))
        self.ambiguous = frozenset(self.lexicon.ambiguous_months)
        self.month_prepositions = frozenset(self.lexicon.month_prepositions)
        self.year_prepositions = frozenset(self.lexicon.year_prepositions)
        self.parts = {_normal(k): v for k, v in self.lexicon.parts_of_month.items()}
        self.weekdays = {**self.lexicon.weekdays, **self.lexicon.weekday_abbreviations}
        nouns = "|".join(_phrase(w) for w in self.lexicon.weekday_nouns) or "(?!)"
        self._weekday_noun = re.compile(rf"\s+(?:{nouns})(?![\w-])", re.I)
        labels = "|".join(_phrase(w) for w in self.lexicon.reference_labels) or "(?!)"
        self._label = re.compile(rf"(?:^|\n)[ \t]*(?:{labels})[ \t]*(?:\w+,?[ \t]+)?$", re.I)
        future = "|".join(_phrase(w) for w in self.lexicon.future_markers) or "(?!)"
        self.future = re.compile(rf"(?<![\w-])(?:{future})(?![\w-])", re.I)
        speech = "|".join(_phrase(w) for w in self.lexicon.speech_verbs) or "(?!)"
        self.speech = re.compile(rf"(?<![\w-])(?:{speech})(?![\w-])", re.I)

    def find(self, doc: Document) -> list[DateMention]:
        """Every time expression of the document, in text order."""
        mentions: list[DateMention] = []
        context = _Context(doc, mentions, self)
        claimed_end = 0
        plain = doc.text.isascii() or not NON_ASCII_LETTER.search(doc.text)
        match_at, read = self._matcher(doc.text, plain)
        for i in self.patterns.candidates(doc.tokens, plain):
            start = doc.tokens[i].start
            if start < claimed_end:
                continue
            match = match_at(read, start)
            if match is None:
                continue
            mention = self._mention(match, context, i)
            if mention is not None:
                mentions.append(mention)
                self._relabel(doc.text, mention, context)
            if mention is not None or match.lastgroup not in _RANGES:
                # "31 June" is not a date and neither is "June" in it; but "SITREP 11 - 05 JUL"
                # is no range, and "05 JUL" in it is a date.
                claimed_end = match.end()
        return mentions

    def _matcher(self, text: str, plain: bool) -> tuple[Callable[..., re.Match[str] | None], str]:
        """The date regex's `match` and the text it reads: plain text lowered for the regex
        without IGNORECASE (the same matches, about twice as fast, their groups in lower case)."""
        folded = self.patterns.folded
        low = lowered(text) if plain and folded is not None else None
        if folded is None or low is None:
            return self.patterns.pattern.match, text
        return folded.match, low

    def _relabel(self, text: str, mention: DateMention, context: _Context) -> None:
        """A labelled date line ("Date: Wed, 14 Jul 2021" of a forwarded message) dates what
        follows it: later relative expressions ("yesterday") count from it."""
        if mention.precision != DAY or mention.value is None:
            return
        if self._label.search(text, max(0, mention.start - 30), mention.start):
            context.reference = mention.value

    def _mention(self, m: re.Match[str], context: _Context, i: int) -> DateMention | None:
        if not self._plausible(m, context, i):
            return None
        kind = m.lastgroup  # the alternative's own group closes last
        try:
            resolved = getattr(self, f"_{kind}")(m, context)
        except (ValueError, OverflowError):
            return None  # "31 June", "2021-13-45": not a date
        start = m.start()
        text = context.doc.text[start : m.end()]
        reference = context.reference
        if resolved is None:
            if reference is not None or kind in ("iso", "numeric"):
                return None
            return DateMention(start, m.end(), text, None, DatePrecision.UNKNOWN)
        if m.group("since") and reference is not None and resolved.value <= reference:
            resolved = replace(resolved, end_value=reference)
        assumed = context.doc.reference_assumed and not resolved.explicit
        return DateMention(
            start, m.end(), text, resolved.value, resolved.precision, assumed, resolved.end_value
        )

    def _plausible(self, m: re.Match[str], context: _Context, i: int) -> bool:
        previous = context.doc.tokens[i - 1].lower if i > 0 else ""
        if m.lastgroup == "weekday" and not m.group("since"):
            return self._weekday_plausible(m, context.doc.text)
        if m.group("yr") and not m.group("since"):
            return previous in self.year_prepositions  # "the 2021 offensive" is not a date
        month_group = self.patterns.month_groups.get(m.lastgroup or "")
        month = m.group(month_group) if month_group else None
        if month is None or month.lower() not in self.ambiguous:
            return True
        if not context.doc.text[m.start(month_group or 0)].isupper():
            return False  # "troops may 5", "march on"
        if m.group("mo") is None:
            return True
        return previous in self.month_prepositions

    def _weekday_plausible(self, m: re.Match[str], text: str) -> bool:
        """An abbreviation ("Sun") is a weekday only after a relation word ("on Sun"); a
        weekday naming a thing ("the Saturday market") is no date."""
        abbreviated = m.group("wd").lower().rstrip(".") in self.lexicon.weekday_abbreviations
        if abbreviated and not m.group("wd_rel"):
            return False
        return m.group("wd_rel") is not None or not self._weekday_noun.match(text, m.end())

    # --- absolute dates -----------------------------------------------------------------

    def _day(self, year: str | None, month: int, day: str, ref: date | None) -> _Resolved | None:
        number = int(re.sub(r"\D", "", day))
        if year is not None:
            return _Resolved(date(_year(year), month, number), DAY, explicit=True)
        if ref is None:
            return None
        return _Resolved(date(_year_for(month, ref), month, number), DAY)

    def _iso(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        value = date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
        return _Resolved(value, DAY, explicit=True)

    def _numeric(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        first, second, year = int(m.group("n_a")), int(m.group("n_b")), _year(m.group("n_y"))
        readings = (
            [(first, second)] if m.group("n_sep") == "." else [(first, second), (second, first)]
        )
        dates = [_safe_date(year, month, day) for day, month in readings]
        valid = [d for d in dates if d is not None]
        if not valid:
            return None
        # Day-first unless only month-first is a date, or the reference rules day-first out.
        ref = c.reference
        before = [d for d in valid if ref is None or d <= ref]
        return _Resolved((before or valid)[0], DAY, explicit=True)

    def _dmy(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        return self._single(m, "a", c)

    def _mdy(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        return self._single(m, "b", c)

    def _single(self, m: re.Match[str], g: str, c: _Context) -> _Resolved | None:
        month = self._month(m.group(f"{g}_m"))
        return self._day(m.group(f"{g}_y"), month, m.group(f"{g}_d"), c.reference)

    def _range_dmy(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        return self._range(m, "r", c)

    def _range_mdy(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        return self._range(m, "rm", c)

    def _range(self, m: re.Match[str], g: str, c: _Context) -> _Resolved | None:
        month, year = self._month(m.group(f"{g}_m")), m.group(f"{g}_y")
        ref = c.reference
        if year is None and ref is not None and 0 < month - ref.month <= _RANGE_AHEAD:
            # A range a month or two ahead is announced ("drills from August 5 to 10"),
            # not a year old.
            year = str(ref.year)
        first = self._day(year, month, m.group(f"{g}_d1"), c.reference)
        last = self._day(year, month, m.group(f"{g}_d2"), c.reference)
        if first is None or last is None or last.value <= first.value:
            return None
        if m.group("nightof"):
            return replace(last, end_value=None)  # "the night of 4-5 July" is 5 July
        return replace(first, end_value=last.value)

    def _month_year(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        month, year = self._month(m.group("my_m")), _year(m.group("my_y"))
        return self._part(m.group("my_p"), year, month, explicit=True)

    def _part_month(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        if c.reference is None:
            return None
        month = self._month(m.group("pm_m"))
        return self._part(m.group("pm_p"), _year_for(month, c.reference), month)

    def _part(self, part: str | None, year: int, month: int, explicit: bool = False) -> _Resolved:
        if part is None:
            return _Resolved(date(year, month, 1), MONTH, explicit=explicit)
        days = self.parts[_normal(part)]
        last = min(days.last, calendar.monthrange(year, month)[1])
        return _Resolved(date(year, month, days.first), WEEK, date(year, month, last), explicit)

    def _mo(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        if c.reference is None:
            return None
        month = self._month(m.group("mo_m"))
        return _Resolved(date(_year_for(month, c.reference), month, 1), MONTH)

    def _yr(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        return _Resolved(date(int(m.group("yr_y")), 1, 1), YEAR, explicit=True)

    def _month(self, name: str) -> int:
        return self.lexicon.months[name.lower().rstrip(".")]

    # --- relative to the reference ------------------------------------------------------

    def _weekday(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        if c.reference is None:
            return None
        ref, weekday = c.reference, self.weekdays[m.group("wd").lower().rstrip(".")]
        relation = _normal(m.group("wd_rel") or "")
        forward = relation not in self.lexicon.weekday_last and c.future(m.start())
        if relation in self.lexicon.weekday_next or forward:
            return _Resolved(ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1), DAY)
        back = (ref.weekday() - weekday) % 7
        if back == 0 and relation in self.lexicon.weekday_last:
            back = 7
        return _Resolved(ref - timedelta(days=back), DAY)

    def _relative(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        if c.reference is None:
            return None
        shift = self.lexicon.relative_days[_normal(m.group("rel"))]
        return _Resolved(c.reference + timedelta(days=shift), DAY)

    def _night(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        return None if c.reference is None else _Resolved(c.reference, DAY)

    def _period(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        if c.reference is None:
            return None
        return _period(self.lexicon.periods[_normal(m.group("per"))], c.reference)

    def _offset(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        count = m.group("off_n").lower()
        days = (int(count) if count.isdigit() else self.counts[count]) * self.lexicon.offset_units[
            m.group("off_u").lower()
        ]
        direction = m.group("off_dir").lower()
        anchor = c.anchor(m.start())
        if direction in self.lexicon.offsets_forward or (
            direction in self.lexicon.offsets_after and m.group("off_clause") is None
        ):
            return None if anchor is None else _Resolved(anchor + timedelta(days=days), DAY)
        if direction in self.lexicon.offsets_back and direction not in ("ago",):
            base = anchor or c.reference
        else:
            base = anchor if direction in self.lexicon.offsets_after and anchor else c.reference
        return None if base is None else _Resolved(base - timedelta(days=days), DAY)

    def _anchored(self, m: re.Match[str], c: _Context) -> _Resolved | None:
        shift = self.lexicon.anchored_days[_normal(m.group("anch"))]
        base = c.anchor(m.start()) or (c.reference if shift < 0 else None)
        return None if base is None else _Resolved(base + timedelta(days=shift), DAY)


def _period(kind: str, ref: date) -> _Resolved:
    monday = ref - timedelta(days=ref.weekday())
    first_of_month = ref.replace(day=1)
    match kind:  # only the period asked for is built
        case "this_week":
            return _Resolved(monday, WEEK, ref)
        case "last_week":
            return _Resolved(monday - timedelta(days=7), WEEK, monday - timedelta(days=1))
        case "past_week":
            return _Resolved(ref - timedelta(days=7), WEEK, ref)
        case "this_month":
            return _Resolved(first_of_month, MONTH, ref)
        case "last_month":
            previous_month = (first_of_month - timedelta(days=1)).replace(day=1)
            return _Resolved(previous_month, MONTH, first_of_month - timedelta(days=1))
        case "this_year":
            return _Resolved(date(ref.year, 1, 1), YEAR, ref)
        case "last_year":
            return _Resolved(date(ref.year - 1, 1, 1), YEAR, date(ref.year - 1, 12, 31))
    raise KeyError(kind)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _year_for(month: int, ref: date) -> int:
    """A month later than the reference month is last year's (reports look back)."""
    return ref.year if month <= ref.month else ref.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _phrase(words: str) -> str:
    return re.escape(words).replace(r"\ ", r"\s+")


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().replace("-", " ").split()).rstrip()


class DateComponent:
    """Finds time expressions and resolves them against `doc.reference_date`."""

    name: str = "dates"
    adds: tuple[str, ...] = ("dates",)

    def __init__(self) -> None:
        self._rules: dict[str, _DateRules] = {}

    def __call__(self, doc: Document) -> Document:
        if doc.language not in self._rules:
            self._rules[doc.language] = _DateRules(doc.language)
        doc.dates = self._rules[doc.language].find(doc)
        return doc
