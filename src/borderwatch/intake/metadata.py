"""Report metadata: the dateline, the publication date (and whether its year is assumed)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from borderwatch.errors import IntakeError
from borderwatch.intake.items import Dateline, PartialDate

# A capitalised word in any script: the case is checked after matching (re has no \p{Lu}).
_WORD = r"[^\W\d_][\w'’.]*"
_PLACE = rf"{_WORD}(?:[ -]{_WORD}){{0,3}}"
_PAREN = r"[^\W\d_][^()\n]{0,39}"
# New Year margin: a dateline a few days "ahead" of the received time is clock skew, not last year.
_FUTURE_SLACK = timedelta(days=7)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A heading block's lines (headline, "Updated ...", byline) are short; a story's are not.
_HEADING_LINE = 100


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date and whether its year was assumed from the received time."""

    value: date | None
    assumed: bool = False
    problem: str | None = None


class MonthName(BaseModel):
    """One month with its names in every language and abbreviation a dateline may use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int = Field(ge=1, le=12)
    names: list[str] = Field(min_length=1)


class MonthNames(BaseModel):
    """The data file `intake/data/months.json` with its stated source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1)
    months: list[MonthName] = Field(min_length=12, max_length=12)


@cache
def month_names() -> dict[str, int]:
    """Every month name and abbreviation, lower-cased, to its number."""
    path = resources.files("borderwatch.intake").joinpath("data/months.json")
    try:
        data = MonthNames.model_validate_json(path.read_text("utf-8"))
    except ValueError as exc:
        raise IntakeError(f"intake/data/months.json does not match its schema: {exc}") from exc
    return {name.lower(): month.number for month in data.months for name in month.names}


def _month_pattern() -> str:
    names = sorted(month_names(), key=len, reverse=True)
    return rf"(?i:{'|'.join(re.escape(n) for n in names)})\.?"


@cache
def _dateline_pattern() -> re.Pattern[str]:
    month = _month_pattern()
    return re.compile(
        rf"""^(?P<place>{_PLACE})
        (?:\s*\((?P<paren>{_PAREN})\))?
        (?:,\s*(?!{month}\s)(?P<region>{_PLACE}))?
        (?:,?\s*(?:
            (?P<month>{month})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?
          | (?P<day2>\d{{1,2}})\s+(?P<month2>{month})(?:,?\s+(?P<year2>\d{{4}}))?
        ))?
        (?:\s*\((?P<agency>{_PAREN})\))?
        \s*(?P<separator>:|--|—|–|-|\.)\s""",
        re.VERBOSE,
    )


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening the first paragraph of `text`, or of the first paragraph after a
    heading block ("Headline / Updated 23 June 2021 / By staff"), or None when there is none."""
    for paragraph in _lead_paragraphs(text):
        dateline = _dateline_at(paragraph)
        if dateline is not None:
            return dateline
    return None


def _lead_paragraphs(text: str) -> list[str]:
    """The first paragraph, and the next ones while everything before them is short heading
    lines: a repost's headline, update time and byline come before the story's dateline."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text.lstrip(), maxsplit=3)]
    lead = paragraphs[:1]
    for before, paragraph in itertools.pairwise(paragraphs[:3]):
        if any(len(line) > _HEADING_LINE for line in before.splitlines()):
            break
        lead.append(paragraph)
    return lead


def _dateline_at(text: str) -> Dateline | None:
    match = _dateline_pattern().match(text[:200])
    if match is None:
        return None
    groups = match.groupdict()
    month_name = groups["month"] or groups["month2"]
    if not _capitalised(groups) or (groups["separator"] == "." and not month_name):
        return None
    agency, region = groups["agency"], groups["region"]
    if agency is None and groups["paren"] and not month_name:
        agency = groups["paren"]
    elif groups["paren"]:
        region = region or groups["paren"]
    if not (month_name or agency):
        return None
    day = groups["day"] or groups["day2"]
    year = groups["year"] or groups["year2"]
    return Dateline(
        text=match.group(0).rstrip(),
        place=groups["place"],
        region=region,
        month=month_names()[month_name.rstrip(".").lower()] if month_name else None,
        day=int(day) if day else None,
        year=int(year) if year else None,
        agency=agency.strip() if agency else None,
    )


def _capitalised(groups: dict[str, str | None]) -> bool:
    """Place, region and bracketed names of a dateline start with capitals, in any script."""
    words = [w for key in ("place", "region") for w in (groups[key] or "").split()]
    brackets = [groups[key] for key in ("paren", "agency") if groups[key]]
    return all(w[0].isupper() for w in words) and all(b[0].isupper() for b in brackets if b)


def resolve_published(
    document: date | None,
    stated: PartialDate | None,
    given: date | None,
    received_at: datetime | None,
) -> Published:
    """The document's own date, else the one it states (dateline, heading), else `given`."""
    if document is not None:
        return Published(document)
    if stated is None:
        return Published(given)
    if stated.year is not None:
        return _on(stated.year, stated, given=given)
    if given is not None:
        return _on(_nearest_year(stated, datetime_of(given)), stated, given=given)
    received = received_at or datetime.now(UTC)
    return _on(_nearest_year(stated, received), stated, given=None, assumed=True)


def with_heading_year(dateline: PartialDate, heading: PartialDate | None) -> PartialDate:
    """The dateline's date, with the year a heading date gives ("Updated 23 June 2021") when
    the dateline has none: the latest year that puts the dateline on or before the heading."""
    if dateline.year is not None or heading is None or heading.year is None:
        return dateline
    try:
        reference = datetime_of(date(heading.year, heading.month, heading.day))
    except ValueError:
        return dateline
    year = _nearest_year(dateline, reference)
    return PartialDate(year, dateline.month, dateline.day)


def find_heading_date(lines: list[str]) -> PartialDate | None:
    """A date closing a heading line ("SITREP 11 - 05 JUL 2021 0700L", "..., 23 June 2021")."""
    pattern = _heading_date_pattern()
    for line in lines:
        match = pattern.search(line)
        if match is None:
            continue
        groups = match.groupdict()
        if groups["iso"]:
            year, month, day = (int(part) for part in groups["iso"].split("-"))
            return PartialDate(year, month, day)
        if groups["numeric"]:
            # Day first (08/07/2021 is 8 July), as written across the region and most of the world.
            day, month, year = (int(part) for part in re.split(r"[./]", groups["numeric"]))
            return PartialDate(year, month, day) if 1 <= month <= 12 else None
        name = (groups["month"] or groups["month2"]).rstrip(".").lower()
        year_text = groups["year"] or groups["year2"]
        day_text = groups["day"] or groups["day2"]
        return PartialDate(
            int(year_text) if year_text else None, month_names()[name], int(day_text)
        )
    return None


@cache
def _heading_date_pattern() -> re.Pattern[str]:
    month = _month_pattern()
    return re.compile(
        rf"""(?:^|[\s,–—-])(?:
            (?P<day>\d{{1,2}})\s+(?P<month>{month})(?:\s+(?P<year>\d{{4}}))?
          | (?P<month2>{month})\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})
          | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
          | (?P<numeric>\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})
        )
        (?:,?\s*\d{{1,2}}:?\d{{2}}\s*[A-Z]?)?   # a time: 06:40, 0700L
        (?:\s*\([^()]*\))?\s*$                 # a note in brackets: (fictional)""",
        re.VERBOSE,
    )


def datetime_of(day: date) -> datetime:
    """Midday UTC on `day`: a neutral time for comparing dates with received times."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def _nearest_year(stated: PartialDate, reference: datetime) -> int:
    """The latest year in which month/day is not after `reference` (December read in January)."""
    for year in (reference.year + 1, reference.year, reference.year - 1):
        try:
            candidate = datetime(year, stated.month, stated.day, tzinfo=UTC)
        except ValueError:
            continue
        if candidate <= reference + _FUTURE_SLACK:
            return year
    return reference.year - 1


def _on(year: int, stated: PartialDate, *, given: date | None, assumed: bool = False) -> Published:
    try:
        return Published(date(year, stated.month, stated.day), assumed)
    except ValueError:
        problem = f"the stated date {year}-{stated.month:02}-{stated.day:02} is invalid"
        return Published(given, problem=problem)
