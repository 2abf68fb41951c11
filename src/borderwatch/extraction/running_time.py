"""The time a report's narrative runs on: which dates set the time of the sentences after them.

A sentence without a date of its own takes the time the last dated sentence before it set (a
story's lead sets the time of the paragraphs after it), else the report's reference date. Not
every date sets a time: the dateline's is the report's own, a heading block's ("Covering: 9-15
July 2021") frames the report, and a span's start ("since early July") only says how long.
"""

from __future__ import annotations

import re

from borderwatch.extraction.document import DateMention, Document
from borderwatch.types import DatePrecision

# A blank line, or a list item ("• ...", "- ...", "3. ..."): each item has its own source and time.
PARAGRAPH = re.compile(r"\n\s*\n|\n(?=[ \t]*(?:[•*·▪‣–-]|\d{1,2}[.)])[ \t])")
# A heading block's lines (title, "Covering: ...", "Issued: ...") are short and end without a stop.
_HEADING_LINE = 120
_SPAN_START = re.compile(r"since\b", re.IGNORECASE)
# A list item ("- ...", "* ...", "3. ..."): its date is its own and does not run on into the
# next item ("- 143 personnel landed on 16 August. / - A camp has been set up.").
_ITEM = re.compile(r"(?m)^[ \t]*(?:[•*·▪‣–-]|\d{1,2}[.)])[ \t]")
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


def only_frames(text: str, mention: DateMention) -> bool:
    """Whether a date only frames what a clause says rather than dating it: a log line's
    stamp, or a year named without a figure ("will not reopen this year")."""
    vague_year = mention.precision == DatePrecision.YEAR and not any(
        c.isdigit() for c in mention.text
    )
    return vague_year or is_log_stamp(text, mention)


class RunningTime:
    """Answers "what time is it at this point of the report?" for one document at a time."""

    def __init__(self) -> None:
        # The last document's setting dates: every claim of a report asks for them.
        self._settings_of: tuple[Document | None, list[DateMention]] = (None, [])
        self._items_of: tuple[Document | None, list[tuple[int, int]]] = (None, [])

    def before(self, doc: Document, offset: int) -> DateMention | None:
        """The time set before `offset`, else the reference date, else None. A date set in
        an earlier list item stays in its item."""
        items = self._items(doc)
        earlier = [
            d
            for d in self._settings(doc)
            if d.start < offset
            and not any(s <= d.start < e and not s <= offset < e for s, e in items)
        ]
        if earlier:
            return _set_by_sentence(doc, earlier)
        if doc.reference_date is None:
            return None
        return DateMention(0, 0, "", doc.reference_date, DatePrecision.DAY, doc.reference_assumed)

    def _settings(self, doc: Document) -> list[DateMention]:
        if doc is not self._settings_of[0]:
            first = max(dateline_end(doc), header_end(doc.text))
            settings = [
                d
                for d in doc.dates
                if d.value is not None and d.start >= first and not _SPAN_START.match(d.text)
            ]
            self._settings_of = (doc, settings)
        return self._settings_of[1]

    def _items(self, doc: Document) -> list[tuple[int, int]]:
        if doc is not self._items_of[0]:
            self._items_of = (doc, list_items(doc.text))
        return self._items_of[1]


def list_items(text: str) -> list[tuple[int, int]]:
    """The spans of a text's list items: each runs to the next item or blank line."""
    starts = [m.start() for m in _ITEM.finditer(text)]
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


def _set_by_sentence(doc: Document, earlier: list[DateMention]) -> DateMention:
    """The time the last dated sentence set: its date nearest its first trigger ("ordered
    troops on Tuesday, a day after ...": Tuesday), else its first date."""
    last = earlier[-1]
    start, end = next(
        ((s, e) for s, e in doc.sentences if s <= last.start < e), (last.start, last.end)
    )
    same = [d for d in earlier if start <= d.start]
    trigger = next((t for t in doc.triggers if start <= t.start < end), None)
    if trigger is None:
        return same[0]
    return min(same, key=lambda d: abs(d.start - trigger.start))
