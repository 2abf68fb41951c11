"""The /api/v1 routes: reports, claims, events, sections, picture, alerts, sources."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from pydantic import BaseModel, Field

from borderwatch.accounts.roles import Action
from borderwatch.api import actions, queries
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.clocks import parse_day, parse_moment
from borderwatch.picture.render import picture_geojson

router = APIRouter(prefix="/api/v1", tags=["borderwatch"])
Reader = Annotated[Principal, Depends(requires(Action.READ))]
Submitter = Annotated[Principal, Depends(requires(Action.SUBMIT_REPORT))]
Reviewer = Annotated[Principal, Depends(requires(Action.REVIEW_CLAIM))]
Grader = Annotated[Principal, Depends(requires(Action.GRADE_SOURCE))]


class ReportText(BaseModel):
    """A report sent as text."""

    text: str = Field(min_length=1)
    name: str = "api.txt"
    source: str = ""
    published: dt.date | None = None


class ClaimReview(BaseModel):
    """An analyst's decision on a claim, with the corrected fields for `correct`."""

    decision: Literal["accept", "reject", "correct"]
    place_ids: list[str] | None = None
    date: dt.date | None = None
    figure: float | None = None
    type: str | None = None


class SourceGrade(BaseModel):
    """A new reliability grade for a source."""

    reliability: str = Field(pattern="^[A-Fa-f]$")


@router.get("/me")
def me(principal: Reader) -> dict[str, Any]:
    """Who the caller is and what role they act with."""
    return {"username": principal.username, "role": principal.role, "via": principal.via}


@router.get("/reports")
def list_reports(db: DB, _: Reader) -> dict[str, Any]:
    """Every report, newest first, with its status and claim count."""
    return queries.reports_view(db)


@router.get("/reports/{report_id}")
def get_report(db: DB, _: Reader, report_id: int) -> dict[str, Any]:
    """One report: clean text, highlighted pieces, claims."""
    return queries.report_view(db, report_id)


@router.post("/reports", status_code=201)
def submit_text(request: Request, db: DB, principal: Submitter, body: ReportText) -> dict[str, Any]:
    """Ingest a report sent as text: stored, extracted, fused."""
    outcome = actions.submit_report(
        db,
        context_of(request),
        principal.username,
        body.text.encode("utf-8"),
        body.name,
        source=body.source,
        published=body.published,
    )
    return actions.outcome_json(outcome)


@router.post("/reports/upload", status_code=201)
async def submit_file(
    request: Request,
    db: DB,
    principal: Submitter,
    file: Annotated[UploadFile, File()],
    source: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
) -> dict[str, Any]:
    """Ingest an uploaded file in any format intake reads."""
    raw = await file.read(actions.MAX_SUBMISSION_BYTES + 1)
    outcome = actions.submit_report(
        db,
        context_of(request),
        principal.username,
        raw,
        file.filename or "upload",
        source=source,
        published=parse_day(published, "published"),
    )
    return actions.outcome_json(outcome)


@router.get("/claims")
def list_claims(
    db: DB, _: Reader, status: str = "", report_id: int | None = None
) -> dict[str, Any]:
    """Claims, optionally of one status (proposed, accepted, rejected, corrected) or report."""
    return queries.claims_view(db, status or None, report_id)


@router.get("/claims/{claim_id}")
def get_claim(db: DB, _: Reader, claim_id: int) -> dict[str, Any]:
    """One claim with its report and events."""
    return queries.claim_view(db, claim_id)


@router.patch("/claims/{claim_id}")
def review_claim(
    request: Request, db: DB, principal: Reviewer, claim_id: int, body: ClaimReview
) -> dict[str, Any]:
    """Accept, reject or correct a claim; the events and the picture follow at once."""
    correction = actions.Correction(
        tuple(body.place_ids) if body.place_ids is not None else None,
        body.date,
        body.figure,
        body.type,
    )
    actions.review_claim(
        db, context_of(request), principal.username, claim_id, body.decision, correction
    )
    return queries.claim_view(db, claim_id)


@router.get("/events")
def list_events(
    request: Request,
    db: DB,
    _: Reader,
    type: str = "",
    place: str = "",
    source: str = "",
    credibility: int | None = None,
) -> dict[str, Any]:
    """Fused events by day, filtered by type, place, source or worst credibility."""
    wanted = queries.TimelineFilter(type, place, source, credibility)
    return queries.timeline_view(db, context_of(request).frame, wanted)


@router.get("/events/{event_id}")
def get_event(db: DB, _: Reader, event_id: str) -> dict[str, Any]:
    """One event: claims, sources, attribution chains, conflicts, credibility."""
    return queries.event_view(db, event_id)


@router.get("/picture")
def get_picture(
    request: Request,
    db: DB,
    _: Reader,
    as_of: str = "",
    known_at: str = "",
    format: Literal["json", "geojson"] = "json",
) -> dict[str, Any]:
    """The border picture as of a day, as known at a time; `format=geojson` for GeoJSON."""
    picture = queries.get_picture(
        db, context_of(request).frame, parse_day(as_of), parse_moment(known_at)
    )
    return picture_geojson(picture) if format == "geojson" else queries.picture_view(picture)


@router.get("/sections")
def list_sections(request: Request, db: DB, _: Reader, as_of: str = "") -> dict[str, Any]:
    """Every section's state as of a day."""
    picture = queries.get_picture(db, context_of(request).frame, parse_day(as_of))
    return {
        "as_of": picture.as_of.isoformat(),
        "sections": queries.picture_view(picture)["sections"],
    }


@router.get("/sections/{section_id}")
def get_section(
    request: Request, db: DB, _: Reader, section_id: str, as_of: str = ""
) -> dict[str, Any]:
    """One section: its state, the reasons for its level, its events and their reports."""
    picture = queries.get_picture(db, context_of(request).frame, parse_day(as_of))
    return queries.section_view(db, picture, section_id)


@router.get("/alerts")
def list_alerts(db: DB, _: Reader) -> dict[str, Any]:
    """Every recorded change of control or impact level, newest first."""
    return queries.alerts_view(db)


@router.get("/sources")
def list_sources(db: DB, _: Reader) -> dict[str, Any]:
    """Every source with its reliability grade."""
    return queries.sources_view(db)


@router.patch("/sources/{source_id}")
def grade_source(
    request: Request, db: DB, principal: Grader, source_id: int, body: SourceGrade
) -> dict[str, Any]:
    """Set a source's reliability grade; events are re-fused so credibility follows."""
    source = actions.grade_source(
        db, context_of(request), principal.username, source_id, body.reliability
    )
    return queries.source_json(source)
