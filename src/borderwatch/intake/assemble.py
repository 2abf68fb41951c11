"""The common last step of every reader: clean the text, find dateline, date and language."""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from borderwatch.intake.clean import clean_text, take_title
from borderwatch.intake.items import PartialDate, ReadItem
from borderwatch.intake.language import detect_language
from borderwatch.intake.metadata import (
    find_dateline,
    find_heading_date,
    resolve_published,
    with_heading_year,
)


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What the caller knows beyond the bytes: a date given by hand and when they arrived."""

    published: date | None = None
    received_at: datetime | None = None


@dataclass(slots=True)
class Parts:
    """What a reader found in one item before the shared cleaning and metadata steps."""

    raw: bytes
    media_type: str
    encoding: str | None
    title: str = ""
    body: str = ""
    url: str | None = None
    document_date: date | None = None
    source: str | None = None
    problems: list[str] = field(default_factory=list)
    # Plain text has no markup for its headline: take it from the first lines.
    title_from_text: bool = False


def assemble(parts: Parts, context: ReadContext) -> ReadItem:
    """The finished ReadItem: clean text, dateline, publication date and language."""
    text = clean_text(parts.body)
    title, stated = parts.title, None
    if parts.title_from_text and not title:
        title, text, stated = _heading(text)
    dateline = find_dateline(text)
    if dateline is not None and dateline.date_parts is not None:
        stated = with_heading_year(dateline.date_parts, stated)
    published = resolve_published(
        parts.document_date, stated, context.published, context.received_at
    )
    problems = list(parts.problems)
    if published.problem:
        problems.append(published.problem)
    title = " ".join(title.split())
    return ReadItem(
        raw=parts.raw,
        media_type=parts.media_type,
        encoding=parts.encoding,
        title=title,
        text=text,
        url=parts.url or None,
        published=published.value,
        published_assumed=published.assumed,
        dateline=dateline,
        language=detect_language(f"{title}\n{text}"),
        source=" ".join(parts.source.split()) if parts.source else None,
        problems=problems,
    )


# A name, a bracketed note on it, then a dash: the publisher's line heading its report.
_LETTERHEAD = re.compile(r"[^\W\d][^()\n]{1,60}?\s\([^()\n]{1,60}\)\s*[-–—]\s")


def _heading(text: str) -> tuple[str, str, PartialDate | None]:
    """Title, text and stated date of plain text, from its first lines.

    A dated heading ("STATEMENT of the Border Troops ..., 23 June 2021") stays in the text, as
    it names who speaks; a plain headline leaves it. Only heading lines are searched for the
    date: a date in the body is an event's date, not the report's.
    """
    title, rest = take_title(text)
    if title and rest != text:
        stated = find_heading_date([title])
        # A dated one-line heading is a statement's letterhead, not a headline: keep it; so is
        # a publisher's name with a note ("DARVOZ VOLUNTEER LINE (fictional) - sms log").
        letterhead = stated or _LETTERHEAD.match(title)
        return title, text if letterhead else rest, stated
    # A heading block (title from it, kept in the text) or no title: its first lines only.
    lines = text.partition("\n\n")[0].split("\n")
    return title, text, find_heading_date(lines[:4] if title else lines[:1])


def parse_date(value: object) -> date | None:
    """A date from an ISO 8601 or RFC 2822 string (as feeds, e-mail and pages write them)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
