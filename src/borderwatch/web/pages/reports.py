"""The Reports screen: the list, pasting or uploading a report, and a report with its claims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from borderwatch.accounts.roles import Action, allows
from borderwatch.api import actions, queries
from borderwatch.api.deps import DB, Principal, context_of, requires
from borderwatch.clocks import parse_day
from borderwatch.errors import InputError
from borderwatch.flows.ingest import IngestOutcome
from borderwatch.web.render import page

router = APIRouter()
Reader = Annotated[Principal, Depends(requires(Action.READ))]
Submitter = Annotated[Principal, Depends(requires(Action.SUBMIT_REPORT))]


@router.get("/reports", include_in_schema=False)
@router.get("/reports.json", include_in_schema=False)
def reports_page(request: Request, db: DB, principal: Reader) -> Response:
    """Every report with its status and any failure; the submit forms for those who may."""
    data = queries.reports_view(db)
    data["can_submit"] = allows(principal.role, Action.SUBMIT_REPORT)
    return page(request, "reports.html", data)


def _after_submit(outcome: IngestOutcome) -> Response:
    """Open the report just stored (or the one already holding these bytes)."""
    report_ids = outcome.new_reports or outcome.known_reports
    if not report_ids:
        raise InputError(outcome.error or "nothing in the input could be read as a report")
    target = f"/reports/{report_ids[0]}" if len(report_ids) == 1 else "/reports"
    return RedirectResponse(target, status_code=303)


@router.post("/reports", include_in_schema=False)
def paste_report(
    request: Request,
    db: DB,
    principal: Submitter,
    text: Annotated[str, Form()] = "",
    source: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
) -> Response:
    """Ingest pasted text: stored, extracted, fused; then show it."""
    outcome = actions.submit_report(
        db,
        context_of(request),
        principal.username,
        text.encode("utf-8"),
        "pasted.txt",
        source=source,
        published=parse_day(published, "published"),
    )
    return _after_submit(outcome)


@router.post("/reports/upload", include_in_schema=False)
async def upload_report(
    request: Request,
    db: DB,
    principal: Submitter,
    file: Annotated[UploadFile, File()],
    source: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
) -> Response:
    """Ingest an uploaded file (text, HTML, e-mail, feed, JSON lines); then show it."""
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
    return _after_submit(outcome)


@router.get("/reports/{report_id}", include_in_schema=False)
@router.get("/reports/{report_id}.json", include_in_schema=False)
def report_page(request: Request, db: DB, principal: Reader, report_id: int) -> Response:
    """The report's clean text with its claims highlighted where their evidence is."""
    data = queries.report_view(db, report_id)
    data["can_review"] = allows(principal.role, Action.REVIEW_CLAIM)
    return page(request, "report.html", data)
