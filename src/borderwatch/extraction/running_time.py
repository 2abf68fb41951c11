"""The time a report's narrative runs on: which dates set the time of the sentences after them.

A sentence without a date of its own takes the time the last dated sentence before it set (a
story's lead sets the time of the paragraphs after it), else the report's reference date. Not
every date sets a time: the dateline's is the report's own, a heading block's ("Covering: 9-15
July 2021") frames the report, and a span's start ("since early July") only says how long.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from borderwatch.extraction.document import DateMention, Document
from borderwatch.types import DatePrecision

# A blank line, or a list item ("• ...", "- ...", "3. ..."): each item has its own source and time.
_MARKER = r"[ \t]*(?:[•*·▪‣–-]|\d{1,2}[.)])[ \t]"
# A line opening a list item: "• ...", "- ...", "3. ...".
LIST_ITEM = re.compile(_MARKER)
PARAGRAPH = re.compile(rf"\n\s*\n|\n(?={_MARKER})")
# A heading block's lines (title, "Covering: ...", "Issued: ...") are short and end without a stop.
_HEADING_LINE = 120
_SPAN_START = re.compile(r"since\b", re.IGNORECASE)
# Events dated further back than this before the report are its background.
_BACKGROUND = timedelta(days=365)
# A relative clause open before a date: "the servicemen who crossed on 5 July".
_RELATIVE_BEFORE = re.compile(r"(?<![\w-])(?:who|which|whom)\s[^,;.()]*$", re.IGNORECASE)
# A list item ("- ...", "* ...", "3. ..."): its date is its own and does not run on into the
# next item ("- 143 personnel landed on 16 August. / - A camp has been set up."). Found after
# a line break (a regex opening with one skips to each at once) or at the text's start: what
# `(?m)^` finds, without trying every character.
_ITEM_AFTER_BREAK = re.compile(rf"\n(?={_MARKER})")
_BLANK = re.compile(r"\n[ \t]*\n")
# A log line's stamp ("[SMS 03.08.2021 08:15] ...", "14/07 0930: ...") opens its line and is
# followed by a clock time: it dates the message, not the events the message tells.
_STAMP_BEFORE = re.compile(r"(?:^|\n)[ \t]*[\[(]?[ \t]*(?:[A-Za-z]{2,6}[ \t]+)?$")
_STAMP_AFTER = re.compile(r"[ \t,]*\d{1,2}:?\d{2}(?!\d)")


def is_log_stamp(text: str, mention: DateMention) -> bool:
    """Whether a date is the stamp opening a log line rather than a date in its message."""
    return bool(
        _STAMP_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        and _STAMP_AFTER.match(text, mention.end)
    )


class Framing:
    """Which dates of a report only frame what a clause says rather than dating it (a log
    line's stamp, or a year named without a figure: "will not reopen this year"), and which
    are a log line's stamp. Every claim asks about the dates of its sentence: each date is
    judged once per report."""

    def __init__(self) -> None:
        self._of: tuple[Document | None, dict[int, tuple[bool, bool]]] = (None, {})

    def of(self, doc: Document, mention: DateMention) -> tuple[bool, bool]:
        """(only frames, is a log stamp) for one of the document's dates."""
        if doc is not self._of[0]:
            self._of = (doc, {})
        known = self._of[1].get(id(mention))
        if known is None:
            stamp = is_log_stamp(doc.text, mention)
            vague_year = mention.precision == DatePrecision.YEAR and not any(
                c.isdigit() for c in mention.text
            )
            known = self._of[1][id(mention)] = (vague_year or stamp, stamp)
        return known

    def candidates(self, doc: Document, dates: list[DateMention]) -> list[DateMention]:
        """Those of `dates` that may date a clause: those that do not only frame it, else
        the log stamps (a stamp yields to a date its message gives)."""
        if doc is not self._of[0]:
            self._of = (doc, {})
        known = self._of[1]
        frames = [known.get(id(d)) or self.of(doc, d) for d in dates]
        return [d for d, f in zip(dates, frames, strict=True) if not f[0]] or [
            d for d, f in zip(dates, frames, strict=True) if f[1]
        ]


class _Times:
    """One document's setting dates, sentences and triggers, with their starts to bisect."""

    def __init__(self, doc: Document) -> None:
        first = max(dateline_end(doc), header_end(doc.text))
        self.settings = sorted(
            (
                d
                for d in doc.dates
                if d.value is not None and d.start >= first and not _SPAN_START.match(d.text)
            ),
            key=_start,
        )
        self.setting_starts = [d.start for d in self.settings]
        self.items = list_items(doc.text)
        self.item_starts = [start for start, _ in self.items]
        self.setting_items = [self.item_of(d.start) for d in self.settings]
        self.sentences = doc.sentences
        self.sentence_starts = [s for s, _ in doc.sentences]
        self.triggers = doc.triggers
        self.trigger_starts = [t.start for t in doc.triggers]
        # The time set by the first n setting dates, by n: the claims after them all ask.
        self.set_by: dict[int, DateMention] = {}
        # The time of a sentence no date comes before: one mention for all of them.
        self.reference = (
            None
            if doc.reference_date is None
            else DateMention(0, 0, "", doc.reference_date, DatePrecision.DAY, doc.reference_assumed)
        )

    def item_of(self, offset: int) -> int:
        """The index of the list item holding `offset`, -1 outside every item."""
        index = bisect_right(self.item_starts, offset) - 1
        return index if index >= 0 and offset < self.items[index][1] else -1


class RunningTime:
    """Answers "what time is it at this point of the report?" for one document at a time."""

    def __init__(self) -> None:
        # The last document's setting dates: every claim of a report asks for them.
        self._times_of: tuple[Document | None, _Times | None] = (None, None)

    def before(self, doc: Document, offset: int, now: bool = False) -> DateMention | None:
        """The time set before `offset`, else the reference date, else None. A date set in
        an earlier list item stays in its item. What is told as true `now` is dated by the
        reference date."""
        times = self._times(doc)
        if now:
            return times.reference
        earlier = bisect_left(times.setting_starts, offset)
        if times.items:
            item = times.item_of(offset)
            while earlier and times.setting_items[earlier - 1] not in (-1, item):
                earlier -= 1
        if earlier:
            found = times.set_by.get(earlier)
            if found is None:
                found = times.set_by[earlier] = _set_by_sentence(times, earlier)
            return found
        return times.reference

    def _times(self, doc: Document) -> _Times:
        times = self._times_of[1]
        if doc is not self._times_of[0] or times is None:
            times = _Times(doc)
            self._times_of = (doc, times)
        return times


def list_items(text: str) -> list[tuple[int, int]]:
    """The spans of a text's list items: each runs to the next item or blank line."""
    starts = [m.end() for m in _ITEM_AFTER_BREAK.finditer(text)]
    if LIST_ITEM.match(text):
        starts.insert(0, 0)
    items = []
    for start, following in zip(starts, [*starts[1:], len(text)], strict=False):
        blank = _BLANK.search(text, start, following)
        items.append((start, blank.start() if blank else following))
    return items


def dateline_end(doc: Document) -> int:
    """Where the dateline ends (the report chain's mention spans it), 0 without one."""
    for mention in doc.attributions:
        if mention.start == 0 and not mention.text:
            return mention.end
    return 0


def header_end(text: str) -> int:
    """Where a heading block ends: the first paragraph when it is only short lines with no
    full stop ("SITUATION UPDATE No. 4 / Covering: 9-15 July 2021"), else 0."""
    first = PARAGRAPH.search(text)
    if first is None:
        return 0
    lines = text[: first.start()].splitlines()
    if all(len(line) <= _HEADING_LINE and not line.rstrip().endswith(".") for line in lines):
        return first.end()
    return 0


def _set_by_sentence(times: _Times, count: int) -> DateMention:
    """The time the last dated sentence set (of the first `count` setting dates): its date
    nearest its first trigger ("ordered troops on Tuesday, a day after ...": Tuesday), else its
    first date."""
    last = times.settings[count - 1]
    # Sentences and triggers are in text order and sentences do not overlap: bisect for both.
    index = bisect_right(times.sentence_starts, last.start) - 1
    if index >= 0 and last.start < times.sentences[index][1]:
        start, end = times.sentences[index]
    else:
        start, end = last.start, last.end
    same = times.settings[bisect_left(times.setting_starts, start, 0, count) : count]
    first_trigger = bisect_left(times.trigger_starts, start)
    if first_trigger == len(times.triggers) or times.trigger_starts[first_trigger] >= end:
        return same[0]
    trigger = times.triggers[first_trigger]
    return min(same, key=lambda d: abs(d.start - trigger.start))


def _start(mention: DateMention) -> int:
    return mention.start


def is_background(doc: Document, when: date | None) -> bool:
    """Whether an event dated `when` is history, not news: more than a year before the report
    ("the Taliban last attacked the port in 2016") it is background to the story."""
    reference = None if doc.reference_assumed else doc.reference_date
    return bool(reference and when and reference - when > _BACKGROUND)


def distance(text: str, mention: DateMention, trigger_at: int) -> int:
    """How far a date is from the trigger it may date. One before the trigger counts double,
    as it often belongs to the clause before; one in a relative clause before it ("the men
    who crossed on 5 July were flown back on Saturday") comes last."""
    if mention.start >= trigger_at:
        return mention.start - trigger_at
    if _RELATIVE_BEFORE.search(text, max(0, mention.start - 60), mention.start):
        return len(text) + trigger_at - mention.start
    return 2 * (trigger_at - mention.start)
