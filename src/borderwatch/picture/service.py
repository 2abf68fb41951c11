"""The picture against the store: events as known then, the picture, alerts recorded once."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from borderwatch.fusion import service as fusion_service
from borderwatch.picture.alerts import Alert, alerts
from borderwatch.picture.cache import PictureCache
from borderwatch.picture.compute import picture
from borderwatch.picture.frame import Frame
from borderwatch.picture.state import Picture
from borderwatch.store.tables.fusion import Alert as AlertRow
from borderwatch.store.tables.fusion import Event as EventRow

# Pictures already computed in this process (a server answers the same day many times).
PICTURES = PictureCache()


def get_picture(
    session: Session,
    frame: Frame,
    as_of: date,
    known_at: datetime | None = None,
) -> Picture:
    """The picture as of a valid day, as known at a time (by report received time) if given.

    Computed once per region, database, day and time known, until the events change."""
    key = (str(session.get_bind().engine.url), as_of, known_at, fusion_service.get_version(session))
    return PICTURES.get(frame, key, lambda: _compute(session, frame, as_of, known_at))


def _compute(session: Session, frame: Frame, as_of: date, known_at: datetime | None) -> Picture:
    if known_at is None:
        events = fusion_service.get_all_summaries(session, happened_by=as_of)
    else:
        events = fusion_service.get_known_at(session, frame.places, known_at)
    return picture(frame, events, as_of, known_at)


def latest_event_date(session: Session) -> date:
    """The day of the latest dated event (today, UTC, when there is none): a picture worth
    showing for a store that holds past reports."""
    latest = session.scalar(select(func.max(EventRow.valid_on)))
    return latest or datetime.now(UTC).date()


def record_alerts(session: Session, frame: Frame, since: date | None = None) -> list[AlertRow]:
    """Record every change of control or impact level not recorded yet; returns the new ones.

    `since`: no event dated before this day changed, so the replay starts there."""
    known = {
        (a.section_id, a.kind, a.side, a.valid_on, a.after)
        for a in session.scalars(select(AlertRow))
    }
    fresh = []
    for alert in alerts(frame, fusion_service.get_all_summaries(session), since=since):
        key = (alert.section_id, alert.kind, alert.side, alert.valid_on, alert.after)
        if key in known:
            continue
        known.add(key)
        fresh.append(_row(alert))
    session.add_all(fresh)
    session.flush()
    return fresh


def _row(alert: Alert) -> AlertRow:
    return AlertRow(
        section_id=alert.section_id,
        kind=alert.kind,
        side=alert.side,
        valid_on=alert.valid_on,
        before=alert.before,
        after=alert.after,
        event_ids=list(alert.event_ids),
        message=alert.message,
    )


def get_alerts(session: Session) -> list[AlertRow]:
    """Every recorded alert, in valid-time order."""
    query = select(AlertRow).order_by(AlertRow.valid_on, AlertRow.section_id, AlertRow.id)
    return list(session.scalars(query))
