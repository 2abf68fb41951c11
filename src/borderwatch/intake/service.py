"""Storing reports: raw bytes first, keyed by their SHA-256, and failures kept on the report."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from borderwatch.errors import BorderwatchError, IntakeError, NotFoundError
from borderwatch.intake.files import read_bytes
from borderwatch.intake.items import ReadItem
from borderwatch.intake.readers import read
from borderwatch.settings import MAX_REPORT_BYTES
from borderwatch.store.base import utcnow
from borderwatch.store.tables.reports import Report, Source

STORED, EXTRACTED, FAILED = "stored", "extracted", "failed"


@dataclass(slots=True)
class Intake:
    """What storing one input gave: its reports (new or already there) and what went wrong."""

    reports: list[tuple[Report, bool]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error: BorderwatchError | None = None


def content_hash(raw: bytes) -> str:
    """The key of a report: the SHA-256 of its raw bytes, in hex."""
    return hashlib.sha256(raw).hexdigest()


def get(session: Session, report_id: int) -> Report:
    """The report with this id; NotFoundError when there is none."""
    report = session.get(Report, report_id)
    if report is None:
        raise NotFoundError(f"no report with id {report_id}")
    return report


def get_by_hash(session: Session, raw: bytes) -> Report | None:
    """The report holding exactly these bytes, if one is stored."""
    return session.scalars(select(Report).where(Report.content_hash == content_hash(raw))).first()


def get_all(session: Session, status: str | None = None) -> Sequence[Report]:
    """Every report in the order received, optionally only those with `status`."""
    query = select(Report).order_by(Report.received_at, Report.id)
    if status is not None:
        query = query.where(Report.status == status)
    return session.scalars(query).all()


def get_or_create_source(session: Session, name: str) -> Source:
    """The source called `name` (ignoring surrounding space), created ungraded (F) if new."""
    name = " ".join(name.split())[:200]
    source = session.scalars(select(Source).where(Source.name == name)).first()
    if source is None:
        source = Source(name=name)
        session.add(source)
        session.flush()
    return source


def store_report(
    session: Session,
    item: ReadItem,
    *,
    filename: str = "",
    received_at: datetime | None = None,
    source_name: str | None = None,
) -> tuple[Report, bool]:
    """Store one read item once: the same bytes again return the stored report, unchanged."""
    existing = get_by_hash(session, item.raw)
    if existing is not None:
        return existing, False
    publisher = source_name or item.source
    report = Report(
        content_hash=content_hash(item.raw),
        raw=item.raw,
        filename=filename[:500],
        media_type=item.media_type[:100],
        encoding=item.encoding,
        url=item.url[:2000] if item.url else None,
        title=item.title,
        clean_text=item.text,
        language=item.language,
        source=get_or_create_source(session, publisher) if publisher else None,
        dateline=item.dateline.to_json() if item.dateline else None,
        published_on=item.published,
        published_assumed=item.published_assumed,
        received_at=received_at or utcnow(),
        status=STORED,
    )
    session.add(report)
    session.flush()
    return report, True


def record_failure(
    session: Session,
    raw: bytes,
    filename: str,
    error: BorderwatchError,
    *,
    received_at: datetime | None = None,
) -> tuple[Report, bool]:
    """Keep input that could not be read as a failed report; a stored report is left alone."""
    existing = get_by_hash(session, raw)
    if existing is not None:
        return existing, False
    report = Report(
        content_hash=content_hash(raw),
        raw=raw,
        filename=filename[:500],
        media_type="application/octet-stream",
        received_at=received_at or utcnow(),
        status=FAILED,
        error_code=error.code,
        error_message=error.message,
    )
    session.add(report)
    session.flush()
    return report, True


def mark_extracted(report: Report, at: datetime | None = None) -> None:
    """Record that claims were extracted from the report (clearing an earlier failure)."""
    report.status = EXTRACTED
    report.extracted_at = at or utcnow()
    report.error_code = None
    report.error_message = None


def mark_failed(report: Report, error: BorderwatchError) -> None:
    """Record why a later step failed on the report; its raw bytes and text stay as they are."""
    report.status = FAILED
    report.error_code = error.code
    report.error_message = error.message


def store_input(
    session: Session,
    raw: bytes,
    *,
    filename: str = "",
    received_at: datetime | None = None,
    source_name: str | None = None,
    published: date | None = None,
    max_bytes: int = MAX_REPORT_BYTES,
) -> Intake:
    """Read one input and store every report in it; unreadable input is kept as failed."""
    received = received_at or utcnow()
    outcome = Intake()
    try:
        items = read(raw, filename, published=published, received_at=received, max_bytes=max_bytes)
    except IntakeError as error:
        outcome.error = error
        if raw:
            # Nothing is stored for an empty input: there are no bytes to keep.
            outcome.reports.append(
                record_failure(session, raw, filename, error, received_at=received)
            )
        return outcome
    for item in items:
        outcome.problems.extend(item.problems)
        outcome.reports.append(
            store_report(
                session, item, filename=filename, received_at=received, source_name=source_name
            )
        )
    return outcome


def store_file(
    session: Session,
    path: Path,
    *,
    received_at: datetime | None = None,
    source_name: str | None = None,
    published: date | None = None,
    max_bytes: int = MAX_REPORT_BYTES,
) -> Intake:
    """Read and store one file; a file refused before reading (empty, too large) stores nothing."""
    try:
        raw = read_bytes(path, max_bytes)
    except IntakeError as error:
        return Intake(error=error)
    return store_input(
        session,
        raw,
        filename=str(path),
        received_at=received_at,
        source_name=source_name,
        published=published,
        max_bytes=max_bytes,
    )
