"""Table rows of a situation report: each row under a heading that names an event is a claim.

Sitreps list what they count in small tables ("RECEPTION SITES" over "District | Site |
Capacity | Status" and one row per site). The heading names the event and the rows hold its
places and figures, so, as analysts note them (docs/gold-set.md):
- a table is two or more consecutive lines with at least two "|" each (a markdown rule line
  "|---|---|" is part of it);
- its event type is that of the first trigger in its title (the nearest text line above it,
  within a few lines, unless that line is prose of more than a dozen words) or in its
  column-header row (a first row without digits);
- every row with a digit is a claim of that type, assembled by `ClaimAssembler.claims_for`
  like any claim of its line (places, figures, date, attribution), unless a claim of the type
  already stands on the row;
- a date in the title dates the rows that have none of their own ("as of 22 August");
- the title line then asserts nothing itself: the claims on it are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from borderwatch.extraction.claims import ClaimAssembler
from borderwatch.extraction.document import DateMention, Document, TriggerMention
from borderwatch.extraction.patterns import is_table_row
from borderwatch.extraction.spans import ByStart

RULE = "table-row"
_LINE = re.compile(r"^[ \t]*\S.*$", re.MULTILINE)
_RULE_LINE = re.compile(r"[\s|:+-]+")
_FIRST_CELL = re.compile(r"[ \t|]*([^|\n]*[^|\s])")
# How many lines above a table its title may stand (blank lines included).
_TITLE_REACH = 3
# A longer line above a table is prose ("Summary: fighting has moved back from the river in
# most districts; details below."), not a title naming what the rows count.
_TITLE_WORDS = 12
_EVIDENCE_START = attrgetter("evidence_start")


@dataclass(frozen=True, slots=True)
class _Table:
    title: tuple[int, int] | None
    header: tuple[int, int] | None
    rows: list[tuple[int, int]]


class TableRows:
    """Pipeline component: a claim per data row of a table whose title names an event."""

    name: str = "table_rows"
    adds: tuple[str, ...] = ("claims",)

    def __init__(self, assembler: ClaimAssembler) -> None:
        self._assembler = assembler

    def __call__(self, doc: Document) -> Document:
        if "|" not in doc.text:
            return doc
        by_start = ByStart(doc.triggers)
        triggers: list[TriggerMention] = []
        dated: list[DateMention | None] = []  # the date of each row's table title, if any
        titles: list[tuple[int, int]] = []
        for table in _tables(doc.text):
            heads = [span for span in (table.title, table.header) if span is not None]
            found = [t for a, b in heads for t in by_start.between(a, b)]
            if not found:
                continue
            titles += heads
            event_type = found[0].event_type
            title = table.title or (0, 0)
            when = next((d for d in doc.dates if title[0] <= d.start < title[1]), None)
            for start, end in table.rows:
                if any(
                    c.type == event_type and start <= c.evidence_start < end for c in doc.claims
                ):
                    continue
                cell = _FIRST_CELL.match(doc.text, start, end)
                if cell is not None:
                    a, b = cell.span(1)
                    triggers.append(TriggerMention(a, b, doc.text[a:b], event_type, RULE))
                    own = any(start <= d.start < end for d in doc.dates)
                    dated.append(None if own else when)
        if not titles:
            return doc
        kept = [c for c in doc.claims if not any(a <= c.evidence_start < b for a, b in titles)]
        for claim, when in zip(self._assembler.claims_for(doc, triggers), dated, strict=True):
            if claim is None:
                continue
            if when is not None:  # "RECEPTION SITES (as of 22 August)" dates its rows
                claim.date, claim.date_precision = when.value, when.precision
            kept.append(claim)
        doc.claims = sorted(kept, key=_EVIDENCE_START)
        return doc


def _tables(text: str) -> list[_Table]:
    """The tables of a text, each with its title line and column-header row when it has them."""
    lines = [m.span() for m in _LINE.finditer(text) if is_table_row(m.group())]
    groups: list[list[tuple[int, int]]] = []
    for span in lines:
        if groups and text[groups[-1][-1][1] : span[0]].strip() == "":
            groups[-1].append(span)
        else:
            groups.append([span])
    tables = []
    for group in groups:
        rows = [s for s in group if not _RULE_LINE.fullmatch(text, *s)]
        if len(group) < 2 or not rows:
            continue
        header = rows[0] if not any(ch.isdigit() for ch in text[slice(*rows[0])]) else None
        data = [s for s in rows if s != header and any(ch.isdigit() for ch in text[slice(*s)])]
        tables.append(_Table(_title(text, group[0][0]), header, data))
    return tables


def _title(text: str, start: int) -> tuple[int, int] | None:
    """The nearest text line above `start`, within `_TITLE_REACH` lines, unless it is prose."""
    end = start
    for _ in range(_TITLE_REACH):
        if end <= 0:
            return None
        line_end = end - 1
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end]
        if line.strip():
            return (line_start, line_end) if len(line.split()) <= _TITLE_WORDS else None
        end = line_start
    return None
