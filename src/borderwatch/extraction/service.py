"""Claims in the store: kept in the contract shape, queried by report, reviewed by analysts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from borderwatch.errors import NotFoundError
from borderwatch.extraction.document import Claim
from borderwatch.store.tables.reports import Claim as ClaimRow
from borderwatch.store.tables.reports import Report

PROPOSED, ACCEPTED, REJECTED, CORRECTED = "proposed", "accepted", "rejected", "corrected"


def _valid_on(payload: dict[str, Any]) -> date | None:
    value = payload.get("date")
    return date.fromisoformat(value) if isinstance(value, str) else None


def store_claims(session: Session, report: Report, claims: Sequence[Claim]) -> list[ClaimRow]:
    """Replace the report's claims with `claims` (a rerun after a failure starts clean)."""
    session.execute(delete(ClaimRow).where(ClaimRow.report_id == report.id))
    rows = []
    for seq, claim in enumerate(claims, start=1):
        payload = claim.to_json()
        rows.append(
            ClaimRow(
                report_id=report.id,
                seq=seq,
                type=payload["type"],
                valid_on=_valid_on(payload),
                date_precision=payload["date_precision"],
                confidence=payload["confidence"],
                status=PROPOSED,
                payload=payload,
            )
        )
    session.add_all(rows)
    session.flush()
    return rows


def get(session: Session, claim_id: int) -> ClaimRow:
    """The claim with this id; NotFoundError when there is none."""
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return row


def get_all(
    session: Session, report_id: int | None = None, status: str | None = None, limit: int = 1000
) -> list[ClaimRow]:
    """Claims, newest report first, optionally of one report or with one review status."""
    query = select(ClaimRow).order_by(ClaimRow.report_id.desc(), ClaimRow.seq).limit(limit)
    if report_id is not None:
        query = query.where(ClaimRow.report_id == report_id)
    if status is not None:
        query = query.where(ClaimRow.status == status)
    return list(session.scalars(query))


def update(session: Session, row: ClaimRow, payload: dict[str, Any], status: str) -> ClaimRow:
    """Set a reviewed claim's payload and status, keeping the query columns in step."""
    row.payload = payload
    row.type = payload["type"]
    row.valid_on = _valid_on(payload)
    row.date_precision = payload.get("date_precision") or "unknown"
    row.status = status
    session.flush()
    return row
