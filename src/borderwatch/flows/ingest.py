"""Ingesting one input: store the raw report first, extract its claims, fuse, record alerts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from borderwatch.errors import BorderwatchError, ExtractionError
from borderwatch.extraction import service as claims_service
from borderwatch.extraction.pipeline import Pipeline
from borderwatch.flows.context import FlowContext
from borderwatch.intake import service as intake
from borderwatch.picture.flows import after_report
from borderwatch.store.tables.reports import Report


@dataclass(slots=True)
class IngestOutcome:
    """What ingesting one input did: reports new and known, claims, problems, the error if any."""

    name: str
    new_reports: list[int] = field(default_factory=list)
    known_reports: list[int] = field(default_factory=list)
    claims: int = 0
    problems: list[str] = field(default_factory=list)
    error: str | None = None


def extract_report(session: Session, pipeline: Pipeline, report: Report) -> int:
    """Extract and store the claims of a stored report; a failure is recorded on the report."""
    try:
        claims = pipeline.extract_claims(
            report.clean_text,
            reference_date=report.published_on or report.received_at.date(),
            reference_assumed=report.published_assumed or report.published_on is None,
            publisher=report.source.name if report.source else None,
            language=report.language or "en",
        )
    except BorderwatchError as error:
        intake.mark_failed(report, error)
        return 0
    except Exception as exc:  # any bug in a component must not lose the report
        intake.mark_failed(report, ExtractionError(f"extraction failed: {type(exc).__name__}"))
        return 0
    claims_service.store_claims(session, report, claims)
    intake.mark_extracted(report)
    return len(claims)


def ingest_input(
    session: Session,
    context: FlowContext,
    raw: bytes,
    name: str,
    *,
    received_at: datetime | None = None,
    source_name: str | None = None,
    published: date | None = None,
) -> IngestOutcome:
    """Store, extract and fuse every report in one input; reports already stored change nothing."""
    outcome = IngestOutcome(name)
    stored = intake.store_input(
        session,
        raw,
        filename=name,
        received_at=received_at,
        source_name=source_name,
        published=published,
    )
    outcome.problems = list(stored.problems)
    outcome.error = stored.error.message if stored.error else None
    for report, created in stored.reports:
        if not created:
            outcome.known_reports.append(report.id)
            continue
        outcome.new_reports.append(report.id)
        if report.status == intake.FAILED:
            continue
        outcome.claims += extract_report(session, context.pipeline, report)
        if report.status == intake.EXTRACTED:
            after_report(session, context.frame, report.id)
    return outcome
