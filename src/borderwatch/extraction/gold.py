"""The gold files: the schema of a `gold.jsonl` line and its reader (docs/gold-set.md)."""

from __future__ import annotations

import json
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from borderwatch.errors import InputError
from borderwatch.types import DatePrecision, EventType, Qualifier


class _Strict(BaseModel):
    """Gold files are written by people: unknown fields are typos, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldPlace(_Strict):
    """A place as annotated: its text in the report and its region pack id (null if not in it)."""

    text: str
    place_id: str | None


class GoldQuantity(_Strict):
    """A figure as annotated: value, qualifier, unit and what it counts."""

    value: float
    qualifier: Qualifier
    unit: str = "person"
    of: str = ""


class GoldClaim(_Strict):
    """One gold claim, reduced to what is judged (DESIGN.md claim contract)."""

    type: EventType
    date: date | None
    date_precision: DatePrecision
    places: list[GoldPlace] = []
    actors: list[str] = []
    quantities: list[GoldQuantity] = []
    attribution: list[str] = []
    evidence: str = Field(min_length=3)


class GoldReport(_Strict):
    """One line of `gold.jsonl`: a report file, its publication date and its gold claims."""

    report: str = Field(min_length=1)
    published: date
    claims: list[GoldClaim]


def parse_gold(text: str, origin: str = "gold.jsonl") -> list[GoldReport]:
    """The reports of a `gold.jsonl` text; a malformed line is an InputError naming it."""
    reports: list[GoldReport] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            reports.append(GoldReport.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{origin} line {number} is not JSON: {exc.msg}") from None
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(part) for part in error["loc"])
            raise InputError(f"{origin} line {number}: {where}: {error['msg']}") from None
    return reports
