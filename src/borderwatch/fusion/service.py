"""Fusion against the store: load claims as records, rebuild or update events, list them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, or_, select
from sqlalchemy.orm import Session, selectinload

from borderwatch.fusion.events import Event, event_order
from borderwatch.fusion.fuse import fuse
from borderwatch.fusion.matching import compatible, match_key
from borderwatch.fusion.records import ClaimRecord, PlaceIndex
from borderwatch.fusion.rules import FusionRules, load_rules
from borderwatch.fusion.similarity import fingerprint
from borderwatch.store.tables.fusion import Event as EventRow
from borderwatch.store.tables.fusion import EventClaim
from borderwatch.store.tables.reports import Claim, Report, Source

LIVE = Claim.status != "rejected"


def load_records(
    session: Session, *conditions: ColumnElement[bool], known_at: datetime | None = None
) -> list[ClaimRecord]:
    """Claims that count (not rejected) as fusion records, optionally only those known by then."""
    query = (
        select(Claim)
        .join(Report)
        .where(LIVE, *conditions)
        .options(selectinload(Claim.report).selectinload(Report.source))
    )
    if known_at is not None:
        query = query.where(Report.received_at <= known_at)
    claims = session.scalars(query.order_by(Claim.id)).all()
    grades = {s.name.casefold(): s.reliability for s in session.scalars(select(Source))}
    prints: dict[int, tuple[int, ...]] = {}
    records = []
    for claim in claims:
        report = claim.report
        if report.id not in prints:
            prints[report.id] = fingerprint(report.clean_text, load_rules().shingle_words)
        publisher = report.source.name if report.source else ""
        chain = [str(a) for a in claim.payload.get("attribution") or [] if a]
        origin_grade = grades.get(chain[-1].casefold()) if chain else None
        records.append(
            ClaimRecord(
                claim_id=claim.id,
                report_id=report.id,
                payload=claim.payload,
                source=publisher or (chain[0] if chain else ""),
                grade=origin_grade or (report.source.reliability if report.source else "F"),
                publisher=publisher,
                received_at=report.received_at,
                published_on=report.published_on,
                fingerprint=prints[report.id],
            )
        )
    return records


def rebuild(session: Session, places: PlaceIndex) -> list[Event]:
    """Throw away every event and fuse all claims again."""
    session.execute(delete(EventClaim))
    session.execute(delete(EventRow))
    events = fuse(load_records(session), places)
    _store(session, events)
    return events


def update_for_report(session: Session, report_id: int, places: PlaceIndex) -> list[Event]:
    """Refuse only the groups of events one report's claims touch (new, changed or rejected
    claims); returns the events of those groups as they now stand."""
    rules = load_rules()
    new = load_records(session, Claim.report_id == report_id)
    own_claims = select(Claim.id).where(Claim.report_id == report_id)
    touched = set(
        session.scalars(select(EventClaim.event_id).where(EventClaim.claim_id.in_(own_claims)))
    )
    touched |= _matched_events(session, new, places, rules)
    groups = select(EventRow.group_id).where(EventRow.id.in_(touched))
    touched |= set(session.scalars(select(EventRow.id).where(EventRow.group_id.in_(groups))))
    members = select(EventClaim.claim_id).where(EventClaim.event_id.in_(touched))
    records = {r.claim_id: r for r in load_records(session, Claim.id.in_(members))}
    records.update({r.claim_id: r for r in new})
    session.execute(delete(EventRow).where(EventRow.id.in_(touched)))
    events = fuse(records.values(), places, rules)
    _store(session, events)
    return events


def _matched_events(
    session: Session, new: Sequence[ClaimRecord], places: PlaceIndex, rules: FusionRules
) -> set[str]:
    keys = [match_key(r, places, rules) for r in new]
    reach = timedelta(days=2 * max(rules.date_tolerance_days.values(), default=0))
    windows: list[ColumnElement[bool]] = []
    for key in keys:
        if key.day is None:
            windows.append(and_(Claim.type == key.type, Claim.valid_on.is_(None)))
            continue
        low, high = key.day - reach, key.day + reach
        dated = Claim.valid_on.between(low, high)
        undated = and_(Claim.valid_on.is_(None), Report.published_on.between(low, high))
        windows.append(and_(Claim.type == key.type, or_(dated, undated)))
    if not windows:
        return set()
    ids = {r.claim_id for r in new}
    candidates = [r for r in load_records(session, or_(*windows)) if r.claim_id not in ids]
    matched = {
        c.claim_id
        for c in candidates
        if any(compatible(k, match_key(c, places, rules)) for k in keys)
    }
    rows = session.scalars(select(EventClaim.event_id).where(EventClaim.claim_id.in_(matched)))
    return set(rows)


def _store(session: Session, events: Iterable[Event]) -> None:
    for event in events:
        session.add(
            EventRow(
                id=event.id,
                type=event.type,
                valid_on=event.date,
                date_precision=event.date_precision,
                credibility=event.credibility,
                independent_sources=event.independent_sources,
                first_known_at=event.first_known_at,
                group_id=event.group,
                body=event.to_json(),
            )
        )
        session.flush()
        session.add_all(
            EventClaim(event_id=event.id, claim_id=link.claim_id, counts=link.counts)
            for link in event.claims
        )
    session.flush()


def get_all(session: Session) -> list[Event]:
    """Every stored event, in the order they happened (undated last)."""
    rows = session.scalars(select(EventRow).order_by(EventRow.valid_on, EventRow.id)).all()
    return sorted((Event.from_json(row.body) for row in rows), key=event_order)


def get_known_at(session: Session, places: PlaceIndex, known_at: datetime) -> list[Event]:
    """The events as the system knew them at `known_at`: claims received by then, fused afresh."""
    return fuse(load_records(session, known_at=known_at), places)
