"""What a reader returns: one report's worth of text and metadata, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as a report states it: the year may be missing."""

    year: int | None
    month: int
    day: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """The opening "PLACE, Month Day (AGENCY) -" of a wire story; any part may be missing."""

    text: str
    place: str | None
    region: str | None
    month: int | None
    day: int | None
    year: int | None
    agency: str | None

    @property
    def date_parts(self) -> PartialDate | None:
        """The dateline's date, when it gives at least a month and a day."""
        if self.month is None or self.day is None:
            return None
        return PartialDate(self.year, self.month, self.day)

    def to_json(self) -> dict[str, Any]:
        """The dateline as stored on the report."""
        return {
            "text": self.text,
            "place": self.place,
            "region": self.region,
            "month": self.month,
            "day": self.day,
            "year": self.year,
            "agency": self.agency,
        }


@dataclass(slots=True)
class ReadItem:
    """One report as read: its own raw bytes, the clean text and what is known about it."""

    raw: bytes
    media_type: str
    encoding: str | None
    title: str
    text: str
    url: str | None = None
    published: date | None = None
    published_assumed: bool = False
    dateline: Dateline | None = None
    language: str = "und"
    source: str | None = None
    problems: list[str] = field(default_factory=list)
