"""What users change through the pages and the API: reports in, claims reviewed, sources graded.

Every change is written to the audit log, and the picture follows at once (events re-fused).
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from borderwatch.accounts import service as accounts
from borderwatch.errors import InputError, NotFoundError
from borderwatch.extraction import service as claims_service
from borderwatch.flows.context import FlowContext
from borderwatch.flows.ingest import IngestOutcome, ingest_input
from borderwatch.picture import flows as picture_flows
from borderwatch.region.pack import RegionPack
from borderwatch.store.tables.reports import Claim, Source
from borderwatch.types import EventType, Reliability

DECISIONS = ("accept", "reject", "correct")
MAX_SUBMISSION_BYTES = 5_000_000


def submit_report(
    session: Session,
    context: FlowContext,
    username: str,
    raw: bytes,
    name: str,
    *,
    source: str = "",
    published: date | None = None,
) -> IngestOutcome:
    """Store, extract and fuse one pasted or uploaded input, and log who sent it."""
    if not raw.strip():
        raise InputError("the report is empty: paste some text or choose a file")
    if len(raw) > MAX_SUBMISSION_BYTES:
        raise InputError(f"the report is larger than {MAX_SUBMISSION_BYTES // 1_000_000} MB")
    outcome = ingest_input(
        session, context, raw, name, source_name=source.strip() or None, published=published
    )
    for report_id in outcome.new_reports:
        accounts.record_audit(
            session, username, "submit_report", ("report", str(report_id)), None, {"name": name}
        )
    return outcome


def outcome_json(outcome: IngestOutcome) -> dict[str, Any]:
    """What a submission did, as JSON."""
    return asdict(outcome)


@dataclass(frozen=True)
class Correction:
    """What an analyst sets on a claim: places, date, figure, type (None leaves it as it was)."""

    place_ids: tuple[str, ...] | None = None
    date: date | None = None
    figure: float | None = None
    type: str | None = None


def _place_json(pack: RegionPack, place_id: str, text: str) -> dict[str, Any]:
    place = pack.place(place_id)
    admin1 = pack.admin1(place_id)
    return {
        "text": text or place.name,
        "place_id": place.id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country,
        "admin1": admin1.name if admin1 else None,
        "lat": place.lat,
        "lon": place.lon,
        "score": 1.0,
    }


def corrected(payload: dict[str, Any], correction: Correction, pack: RegionPack) -> dict[str, Any]:
    """The claim payload with the analyst's corrections applied; InputError on unknown values."""
    result = copy.deepcopy(payload)
    if correction.type is not None:
        if correction.type not in {t.value for t in EventType}:
            raise InputError(f"unknown event type {correction.type!r}")
        result["type"] = correction.type
    if correction.date is not None:
        result["date"] = correction.date.isoformat()
        result["date_precision"] = "day"
    if correction.place_ids is not None:
        texts = {p.get("place_id"): p.get("text", "") for p in result.get("places") or []}
        try:
            result["places"] = [
                _place_json(pack, p, texts.get(p, "")) for p in correction.place_ids
            ]
        except NotFoundError as error:
            raise InputError(error.message) from None
    if correction.figure is not None:
        result["quantities"] = _with_figure(result.get("quantities") or [], correction.figure)
    return result


def _with_figure(quantities: list[dict[str, Any]], figure: float) -> list[dict[str, Any]]:
    if figure < 0:
        raise InputError("a figure cannot be negative")
    value: float = int(figure) if float(figure).is_integer() else figure
    first = quantities[0] if quantities else {"text": "", "qualifier": "exact", "unit": "person",
                                              "of": ""}  # fmt: skip
    return [{**first, "value": value, "low": value, "high": value}, *quantities[1:]]


def review_claim(
    session: Session,
    context: FlowContext,
    username: str,
    claim_id: int,
    decision: str,
    correction: Correction | None = None,
) -> Claim:
    """Accept, reject or correct a claim, log it, and re-fuse the events its report touches."""
    if decision not in DECISIONS:
        raise InputError(f"decision must be one of {', '.join(DECISIONS)}")
    row = claims_service.get(session, claim_id)
    before = {"status": row.status, "payload": copy.deepcopy(row.payload)}
    payload = row.payload
    status = claims_service.ACCEPTED
    if decision == "reject":
        status = claims_service.REJECTED
    elif decision == "correct":
        payload = corrected(row.payload, correction or Correction(), context.pack)
        status = claims_service.CORRECTED
    claims_service.update(session, row, payload, status)
    accounts.record_audit(
        session,
        username,
        f"{decision}_claim",
        ("claim", str(claim_id)),
        before,
        {"status": row.status, "payload": row.payload},
    )
    picture_flows.after_report(session, context.frame, row.report_id)
    return row


def grade_source(
    session: Session, context: FlowContext, username: str, source_id: int, grade: str
) -> Source:
    """Set a source's reliability grade (A–F), log it, and re-fuse so credibility follows."""
    grade = grade.strip().upper()
    if grade not in {g.value for g in Reliability}:
        raise InputError("a reliability grade is one letter from A to F")
    source = session.get(Source, source_id)
    if source is None:
        raise NotFoundError(f"no source with id {source_id}")
    before = {"reliability": source.reliability}
    source.reliability = grade
    session.flush()
    accounts.record_audit(
        session,
        username,
        "grade_source",
        ("source", str(source_id)),
        before,
        {"reliability": grade},
    )
    if before["reliability"] != grade:
        picture_flows.rebuild(session, context.frame)
    return source
