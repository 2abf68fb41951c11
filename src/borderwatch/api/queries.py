"""What the pages and the API show, as JSON-ready values: one place builds them for both."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from borderwatch.accounts import service as accounts
from borderwatch.errors import InputError, NotFoundError
from borderwatch.extraction import service as claims_service
from borderwatch.fusion import service as fusion_service
from borderwatch.fusion.events import Event
from borderwatch.intake import service as intake
from borderwatch.picture import service as picture_service
from borderwatch.picture.frame import Frame
from borderwatch.picture.render import picture_json, section_json
from borderwatch.picture.state import Picture, SectionState
from borderwatch.store.tables.fusion import Event as EventRow
from borderwatch.store.tables.fusion import EventClaim
from borderwatch.store.tables.reports import Claim, Report, Source

STATUSES = (
    claims_service.PROPOSED,
    claims_service.ACCEPTED,
    claims_service.REJECTED,
    claims_service.CORRECTED,
)


def latest_day(session: Session) -> date:
    """The day of the latest dated event, so the map opens on the newest state; today if none."""
    latest = session.scalar(select(func.max(EventRow.valid_on)))
    return latest or date.today()


def get_picture(
    session: Session, frame: Frame, as_of: date | None, known_at: datetime | None = None
) -> Picture:
    """The picture as of a day (the latest event's day by default), as known at a time."""
    return picture_service.get_picture(session, frame, as_of or latest_day(session), known_at)


def picture_view(picture: Picture) -> dict[str, Any]:
    """The picture as the API and the map's JSON give it."""
    return picture_json(picture)


def _state(picture: Picture, section_id: str) -> SectionState:
    for state in picture.sections:
        if state.section.id == section_id:
            return state
    raise NotFoundError(f"no section {section_id!r}")


def section_event_ids(state: SectionState) -> list[str]:
    """Every event the section's state rests on: control, activity, crossings, reasons."""
    ids = [*state.far.events, *state.near.events, *state.crossing_events]
    ids += [e for events in state.activity.values() for e in events]
    ids += [e for reason in state.reasons for e in reason.events]
    return list(dict.fromkeys(ids))


def section_view(session: Session, picture: Picture, section_id: str) -> dict[str, Any]:
    """One section: its state, the reasons for its level, its events and their reports."""
    state = _state(picture, section_id)
    events = events_by_id(session, section_event_ids(state))
    report_ids = sorted({link.report_id for e in events for link in e.claims})
    reports = [report_summary(r) for r in _reports(session, report_ids)]
    return {
        "as_of": picture.as_of.isoformat(),
        "known_at": picture.known_at.isoformat() if picture.known_at else None,
        "state": section_json(state),
        "events": [event_summary(e) for e in events],
        "reports": reports,
    }


def events_by_id(session: Session, ids: Sequence[str]) -> list[Event]:
    """The stored events with these ids, in the order given (missing ones left out)."""
    rows = session.scalars(select(EventRow).where(EventRow.id.in_(ids))).all()
    found = {row.id: Event.from_json(row.body) for row in rows}
    return [found[i] for i in ids if i in found]


def event_summary(event: Event) -> dict[str, Any]:
    """An event in one line's worth of fields, for lists and the timeline."""
    return {
        "id": event.id,
        "type": event.type,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "places": [{"place_id": p.place_id, "name": p.name} for p in event.places],
        "actors": [name for _, name in event.actors],
        "consolidated": event.consolidated,
        "consolidated_unit": event.consolidated_unit,
        "sources": sorted({link.source for link in event.claims if link.source}),
        "independent_sources": event.independent_sources,
        "credibility": event.credibility,
        "credibility_meaning": event.credibility_meaning,
        "conflicts": [c.message for c in event.conflicts],
    }


def event_view(session: Session, event_id: str) -> dict[str, Any]:
    """One event with its claims (evidence and review status), sources and their reports."""
    events = events_by_id(session, [event_id])
    if not events:
        raise NotFoundError(f"no event {event_id!r}")
    event = events[0]
    rows = {c.id: c for c in session.scalars(select(Claim).where(Claim.id.in_(event.claim_ids)))}
    claims = []
    for link in event.claims:
        row = rows.get(link.claim_id)
        claims.append(
            {
                **_link_json(asdict(link)),
                "status": row.status if row else "deleted",
                "evidence": (row.payload.get("evidence") or {}).get("text", "") if row else "",
            }
        )
    return {"event": event.to_json(), "summary": event_summary(event), "claims": claims}


def _link_json(link: dict[str, Any]) -> dict[str, Any]:
    received = link.get("received_at")
    return {
        **link,
        "attribution": list(link["attribution"]),
        "received_at": received.isoformat() if received else None,
    }


@dataclass(frozen=True)
class TimelineFilter:
    """What the timeline shows: an event type, a place, a source, a worst credibility."""

    type: str = ""
    place: str = ""
    source: str = ""
    credibility: int | None = None

    def admits(self, event: Event, frame: Frame) -> bool:
        """Whether the event passes every filter that is set."""
        if self.type and event.type != self.type:
            return False
        if self.credibility is not None and event.credibility > self.credibility:
            return False
        if self.source and not any(
            self.source.casefold() in (link.source + " " + link.origin).casefold()
            for link in event.claims
        ):
            return False
        return not self.place or any(
            self.place == p or self.place in frame.places.ancestors(p) for p in event.place_ids
        )


def timeline_view(session: Session, frame: Frame, wanted: TimelineFilter) -> dict[str, Any]:
    """Events by day (undated last), filtered, with conflicts marked."""
    days: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in fusion_service.get_all(session):
        if wanted.admits(event, frame):
            days[event.date.isoformat() if event.date else "undated"].append(event_summary(event))
    return {
        "filters": {
            "type": wanted.type,
            "place": wanted.place,
            "source": wanted.source,
            "credibility": wanted.credibility,
        },
        "days": [{"day": day, "events": events} for day, events in days.items()],
    }


def _reports(session: Session, ids: Sequence[int]) -> Sequence[Report]:
    return session.scalars(select(Report).where(Report.id.in_(ids)).order_by(Report.id)).all()


def report_summary(report: Report) -> dict[str, Any]:
    """A report as a row of the list: what, from whom, when, and whether a step failed."""
    return {
        "id": report.id,
        "title": report.title or report.filename or f"report {report.id}",
        "filename": report.filename,
        "source": report.source.name if report.source else None,
        "published_on": report.published_on.isoformat() if report.published_on else None,
        "received_at": report.received_at.isoformat(),
        "status": report.status,
        "error": (
            {"code": report.error_code, "message": report.error_message}
            if report.error_code
            else None
        ),
    }


def reports_view(session: Session) -> dict[str, Any]:
    """Every report, newest first, with how many claims each gave."""
    counts = dict(
        session.execute(select(Claim.report_id, func.count()).group_by(Claim.report_id)).all()
    )
    reports = [
        {**report_summary(r), "claims": counts.get(r.id, 0)}
        for r in reversed(intake.get_all(session))
    ]
    return {"reports": reports}


def claim_json(row: Claim) -> dict[str, Any]:
    """A stored claim: its contract payload plus id, report and review status."""
    return {"id": row.id, "report_id": row.report_id, "seq": row.seq, "status": row.status,
            **row.payload}  # fmt: skip


def highlighted(text: str, claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """The text cut into pieces, each marked with the claim whose evidence span covers it."""
    spans = []
    for row in claims:
        evidence = row.payload.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.append((start, end, row.seq))
    pieces: list[dict[str, Any]] = []
    at = 0
    for start, end, seq in sorted(spans):
        start = max(start, at)  # overlapping spans: the earlier claim keeps the shared words
        if start >= end:
            continue
        if start > at:
            pieces.append({"text": text[at:start], "claim": None})
        pieces.append({"text": text[start:end], "claim": seq})
        at = end
    if at < len(text):
        pieces.append({"text": text[at:], "claim": None})
    return pieces


def report_view(session: Session, report_id: int) -> dict[str, Any]:
    """One report: its clean text with the claims' evidence marked, and the claims."""
    report = intake.get(session, report_id)
    claims = claims_service.get_all(session, report_id=report_id)
    return {
        "report": {**report_summary(report), "language": report.language},
        "clean_text": report.clean_text,
        "pieces": highlighted(report.clean_text, claims),
        "claims": [claim_json(c) for c in claims],
    }


def claims_view(session: Session, status: str | None, report_id: int | None) -> dict[str, Any]:
    """Claims waiting for review (or any status), with the report each came from."""
    if status and status not in STATUSES:
        raise InputError(f"status must be one of {', '.join(STATUSES)}")
    rows = claims_service.get_all(session, report_id=report_id, status=status or None)
    titles = {
        r.id: report_summary(r)["title"] for r in _reports(session, [c.report_id for c in rows])
    }
    return {
        "status": status,
        "claims": [{**claim_json(c), "report_title": titles.get(c.report_id, "")} for c in rows],
    }


def claim_view(session: Session, claim_id: int) -> dict[str, Any]:
    """One claim, the events it went into, and its report's title."""
    row = claims_service.get(session, claim_id)
    events = session.scalars(select(EventClaim.event_id).where(EventClaim.claim_id == claim_id))
    return {
        "claim": claim_json(row),
        "report": report_summary(row.report),
        "events": list(events),
    }


def source_json(source: Source) -> dict[str, Any]:
    """A source with its reliability grade."""
    return {"id": source.id, "name": source.name, "reliability": source.reliability,
            "note": source.note}  # fmt: skip


def sources_view(session: Session) -> dict[str, Any]:
    """Every source by name, with its grade."""
    sources = session.scalars(select(Source).order_by(Source.name)).all()
    return {"sources": [source_json(s) for s in sources], "grades": list("ABCDEF")}


def alerts_view(session: Session) -> dict[str, Any]:
    """Every recorded alert, newest valid time first."""
    alerts = [
        {
            "id": a.id,
            "section": a.section_id,
            "kind": a.kind,
            "side": a.side,
            "valid_on": a.valid_on.isoformat(),
            "before": a.before,
            "after": a.after,
            "events": list(a.event_ids),
            "message": a.message,
            "recorded_at": a.recorded_at.isoformat(),
        }
        for a in reversed(picture_service.get_alerts(session))
    ]
    return {"alerts": alerts}


def audit_view(session: Session) -> dict[str, Any]:
    """The newest changes first: who, when, what, before and after."""
    entries = [
        {
            "id": e.id,
            "at": e.at.isoformat(),
            "username": e.username,
            "action": e.action,
            "object_type": e.object_type,
            "object_id": e.object_id,
            "before": e.before,
            "after": e.after,
        }
        for e in accounts.get_audit(session)
    ]
    return {"entries": entries}
