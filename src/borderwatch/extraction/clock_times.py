"""Four-digit figures that are 24-hour clock times in field notes and logs, not counts:
"since 0300", "0430 local", "1000-1400", "1215 TJ border guards closed ...", "since 11/08
approx 2300"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from borderwatch.extraction.document import Document, Token
from borderwatch.extraction.numbers import Figure
from borderwatch.types import Qualifier

_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_DAY_MONTH = re.compile(r"(?:[0-2]?\d|3[01])/(?:0?[1-9]|1[0-2])")
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d{1,3}[:.)])?[ \t]*\Z")
# A time range of a log ("opened 1000-1400", "16/2200-2330"): both ends are clock times.
_CLOCK_RANGE_AFTER = re.compile(r"\s*[-–]\s*(?:[01]\d|2[0-3])[0-5]\d(?!\d)")
_CLOCK_RANGE_BEFORE = re.compile(r"(?<!\d)(?:[01]\d|2[0-3])[0-5]\d\s*[-–]\s*\Z")


class ClockTimes:
    """Tells a clock time from a count by the words around it."""

    def __init__(
        self,
        prepositions: Iterable[str],
        counted: Mapping[tuple[str, ...], str],
        qualifiers: Mapping[tuple[str, ...], Qualifier],
    ) -> None:
        self.clock_prepositions = frozenset(prepositions)
        self.counted = counted
        self.qualifiers = qualifiers

    def is_clock(self, doc: Document, i: int, figure: Figure) -> bool:
        """A 24-hour time written as four digits ("since 0300", "0430 local", "1000-1400"):
        field notes."""
        written = doc.text[figure.start : figure.end]
        if not _CLOCK.fullmatch(written):
            return False
        if _CLOCK_RANGE_AFTER.match(doc.text, figure.end) or _CLOCK_RANGE_BEFORE.search(
            doc.text, max(0, figure.start - 6), figure.start
        ):
            return True
        previous = doc.tokens[i - 1].lower if i > 0 else ""
        following = doc.tokens[i + 1].lower if i + 1 < len(doc.tokens) else ""
        counts = (following,) in self.counted  # "by 1500 troops" counts troops
        if written.startswith("0") or (previous in self.clock_prepositions and not counts):
            return True
        # "since 11/08 approx 2300": a time after a day and month, a qualifier between
        j = i - 1
        while j > 0 and ((doc.tokens[j].lower,) in self.qualifiers or doc.tokens[j].text in ".~"):
            j -= 1
        day = doc.text[doc.tokens[max(0, j - 2)].start : doc.tokens[j].end] if j >= 0 else ""
        if not counts and _DAY_MONTH.fullmatch(day):
            return True
        return not counts and opens_log_line(doc, doc.tokens[i])


def opens_log_line(doc: Document, token: Token) -> bool:
    """A four-digit time opening a log line: "1215 TJ border guards closed ...",
    "6:1200 ~25 families ..."."""
    return bool(
        _CLOCK.fullmatch(token.text)
        and _LINE_OPENING.search(doc.text, max(0, token.start - 12), token.start)
    )
