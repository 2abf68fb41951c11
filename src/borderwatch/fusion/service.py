"""Fusion against the store: load claims as records, rebuild or update events, list them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from borderwatch.fusion.events import Event, event_order
from borderwatch.fusion.fuse import fuse, fused
from borderwatch.fusion.index import EventIndex
from borderwatch.fusion.matching import MatchKey, compatible, match_key
from borderwatch.fusion.records import ClaimRecord, PlaceIndex
from borderwatch.fusion.rules import FusionRules, load_rules
from borderwatch.fusion.similarity import fingerprint
from borderwatch.store.tables.fusion import Event as EventRow
from borderwatch.store.tables.fusion import EventClaim
from borderwatch.store.tables.reports import Claim, Report, Source

LIVE = Claim.status != "rejected"
# Ids per IN (...) list: well under the bound-parameter limits of SQLite and PostgreSQL.
CHUNK = 500


def load_records(
    session: Session, *conditions: ColumnElement[bool], known_at: datetime | None = None
) -> list[ClaimRecord]:
    """Claims that count (not rejected) as fusion records, optionally only those known by then."""
    rows = session.execute(_claims_query(*conditions, known_at=known_at)).all()
    grades = {s.name.casefold(): s.reliability for s in session.scalars(select(Source))}
    prints = _fingerprints(session, {row.report_id: row.fingerprint for row in rows})
    records = []
    for claim_id, report_id, payload, received, published, _, publisher, reliability in rows:
        chain = [str(a) for a in payload.get("attribution") or [] if a]
        origin_grade = grades.get(chain[-1].casefold()) if chain else None
        records.append(
            ClaimRecord(
                claim_id=claim_id,
                report_id=report_id,
                payload=payload,
                source=publisher or (chain[0] if chain else ""),
                grade=origin_grade or (reliability if publisher is not None else "F"),
                publisher=publisher or "",
                received_at=received,
                published_on=published,
                fingerprint=prints[report_id],
            )
        )
    return records


def _claims_query(*conditions: ColumnElement[bool], known_at: datetime | None) -> Select[Any]:
    """What fusion reads of each claim, its report and its publisher, in claim order."""
    query = (
        select(
            Claim.id,
            Claim.report_id,
            Claim.payload,
            Report.received_at,
            Report.published_on,
            Report.fingerprint,
            Source.name,
            Source.reliability,
        )
        .join(Report, Claim.report_id == Report.id)
        .outerjoin(Source, Report.source_id == Source.id)
        .where(LIVE, *conditions)
    )
    if known_at is not None:
        query = query.where(Report.received_at <= known_at)
    return query.order_by(Claim.id)


def _fingerprints(
    session: Session, stored: dict[int, list[int] | None]
) -> dict[int, tuple[int, ...]]:
    """Each report's text signature: as stored, or worked out once and stored on the report."""
    found = {report_id: tuple(p) for report_id, p in stored.items() if p is not None}
    missing = sorted(report_id for report_id, p in stored.items() if p is None)
    width = load_rules().shingle_words
    for start in range(0, len(missing), CHUNK):
        chunk = missing[start : start + CHUNK]
        texts = session.execute(select(Report.id, Report.clean_text).where(Report.id.in_(chunk)))
        fresh = {report_id: fingerprint(text, width) for report_id, text in texts}
        session.execute(
            update(Report), [{"id": i, "fingerprint": list(p)} for i, p in fresh.items()]
        )
        found.update(fresh)
    return found


def rebuild(session: Session, places: PlaceIndex) -> list[Event]:
    """Throw away every event and fuse all claims again."""
    session.execute(delete(EventClaim))
    session.execute(delete(EventRow))
    events = fuse(load_records(session), places)
    _store(session, events)
    return events


@dataclass(frozen=True)
class Update:
    """What refusing one report changed: the events stored anew (new or changed), and the
    earliest valid day of any event stored or removed (None when all were undated)."""

    events: list[Event]
    since: date | None


def update_for_report(session: Session, report_id: int, places: PlaceIndex) -> list[Event]:
    """Refuse only the groups of events one report's claims touch (new, changed or rejected
    claims); returns the events stored anew (new or changed)."""
    return refuse_report(session, report_id, places).events


def refuse_report(session: Session, report_id: int, places: PlaceIndex) -> Update:
    """`update_for_report`, also saying from which valid day on the picture may have changed.

    The touched groups are regrouped whole, as a rebuild would group them, but only the events
    whose claims changed are summarised and stored again: the others are kept as stored."""
    rules = load_rules()
    new = load_records(session, Claim.report_id == report_id)
    own_claims = select(Claim.id).where(Claim.report_id == report_id)
    touched = set(
        session.scalars(select(EventClaim.event_id).where(EventClaim.claim_id.in_(own_claims)))
    )
    touched |= _matched_events(session, new, places, rules)
    groups = select(EventRow.group_id).where(EventRow.id.in_(touched))
    stored = _stored(session, select(EventRow.id).where(EventRow.group_id.in_(groups)))
    members = select(EventClaim.claim_id).where(EventClaim.event_id.in_(list(stored)))
    records = {r.claim_id: r for r in load_records(session, Claim.id.in_(members))}
    records.update({r.claim_id: r for r in new})
    index = EventIndex(places, rules)
    index.add(sorted(records.values(), key=lambda r: r.claim_id))
    revised = {r.claim_id for r in new}
    kept = {
        event
        for event, claims in index.events.items()
        if event in stored
        and stored[event].claims == claims
        and stored[event].group == index.group_of(event)
        and not claims & revised
    }
    events = sorted((fused(index, e) for e in index.events if e not in kept), key=event_order)
    gone = set(stored) - kept
    session.execute(delete(EventRow).where(EventRow.id.in_(gone)))
    _store(session, events)
    days = [stored[e].day for e in gone] + [e.date for e in events]
    return Update(events, min((d for d in days if d is not None), default=None))


@dataclass
class _StoredEvent:
    """What regrouping compares a stored event by: its group and claims; and its day."""

    group: str
    day: date | None
    claims: set[int] = field(default_factory=set)


def _stored(session: Session, ids: Select[Any]) -> dict[str, _StoredEvent]:
    rows = session.execute(
        select(EventRow.id, EventRow.group_id, EventRow.valid_on).where(EventRow.id.in_(ids))
    )
    found = {event: _StoredEvent(group, day) for event, group, day in rows}
    links = select(EventClaim.event_id, EventClaim.claim_id).where(EventClaim.event_id.in_(ids))
    for event, claim_id in session.execute(links):
        found[event].claims.add(claim_id)
    return found


def _matched_events(
    session: Session, new: Sequence[ClaimRecord], places: PlaceIndex, rules: FusionRules
) -> set[str]:
    keys = [match_key(r, places, rules) for r in new]
    windows = [_window(key, rules) for key in keys]
    if not windows:
        return set()
    ids = {r.claim_id for r in new}
    candidates = [r for r in load_records(session, or_(*windows)) if r.claim_id not in ids]
    matched = set()
    for candidate in candidates:
        theirs = match_key(candidate, places, rules)
        if any(compatible(key, theirs) for key in keys):
            matched.add(candidate.claim_id)
    rows = session.scalars(select(EventClaim.event_id).where(EventClaim.claim_id.in_(matched)))
    return set(rows)


def _window(key: MatchKey, rules: FusionRules) -> ColumnElement[bool]:
    """Stored claims whose time window can overlap the key's, by their dates' precision."""
    if key.low is None or key.high is None:
        return and_(Claim.type == key.type, Claim.valid_on.is_(None))
    low, high = date.fromordinal(key.low), date.fromordinal(key.high)
    tolerances = rules.date_tolerance_days
    widest = timedelta(days=max(tolerances.values(), default=0))
    assumed = timedelta(days=rules.tolerance(rules.undated_assumed_precision))
    near: list[ColumnElement[bool]] = [
        and_(
            Claim.date_precision == precision,
            Claim.valid_on.between(low - timedelta(days=days), high + timedelta(days=days)),
        )
        for precision, days in tolerances.items()
    ]
    near.append(
        and_(
            Claim.date_precision.not_in(list(tolerances)),
            Claim.valid_on.between(low - widest, high + widest),
        )
    )
    near.append(
        and_(Claim.valid_on.is_(None), Report.published_on.between(low - assumed, high + assumed))
    )
    return and_(Claim.type == key.type, or_(*near))


def _store(session: Session, events: Iterable[Event]) -> None:
    # One multi-row insert per table: a flush per event cost a third of a rebuild.
    events = list(events)
    if not events:
        return
    session.execute(
        insert(EventRow),
        [
            {
                "id": event.id,
                "type": event.type,
                "valid_on": event.date,
                "date_precision": event.date_precision,
                "credibility": event.credibility,
                "independent_sources": event.independent_sources,
                "first_known_at": event.first_known_at,
                "group_id": event.group,
                "body": event.to_json(),
                "summary": event.summary_json(),
            }
            for event in events
        ],
    )
    links = [
        {"event_id": event.id, "claim_id": link.claim_id, "counts": link.counts}
        for event in events
        for link in event.claims
    ]
    if links:
        session.execute(insert(EventClaim), links)


def get_all(session: Session) -> list[Event]:
    """Every stored event, in the order they happened (undated last)."""
    rows = session.scalars(select(EventRow).order_by(EventRow.valid_on, EventRow.id)).all()
    return sorted((Event.from_json(row.body) for row in rows), key=event_order)


def get_all_summaries(session: Session, happened_by: date | None = None) -> list[Event]:
    """Every stored event without its claim links and most figures (`Event.summary_json`),
    only those dated on or before `happened_by` when given, in the order they happened."""
    query = select(EventRow.id, EventRow.summary)
    if happened_by is not None:
        query = query.where(EventRow.valid_on <= happened_by)
    rows = session.execute(query).all()
    found = [Event.from_json(summary) for _, summary in rows if summary is not None]
    older = [event_id for event_id, summary in rows if summary is None]
    for start in range(0, len(older), CHUNK):
        bodies = select(EventRow.body).where(EventRow.id.in_(older[start : start + CHUNK]))
        found.extend(Event.from_json(body) for body in session.scalars(bodies))
    return sorted(found, key=event_order)


def get_version(session: Session) -> tuple[int, datetime | None, int | None]:
    """A value that changes whenever events are stored or removed or claims added: how many
    events there are, the latest time one was stored (every fusion write stores events with the
    time of writing) and the latest claim's id (rejecting or correcting a claim refuses its
    events, which changes the first two)."""
    count, latest = session.execute(select(func.count(), func.max(EventRow.updated_at))).one()
    return int(count), latest, session.scalar(select(func.max(Claim.id)))


def get_known_at(session: Session, places: PlaceIndex, known_at: datetime) -> list[Event]:
    """The events as the system knew them at `known_at`: claims received by then, fused afresh."""
    return fuse(load_records(session, known_at=known_at), places)
