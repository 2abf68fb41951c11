"""What the boundary runs after reports change: refuse the touched events, record alerts."""

from __future__ import annotations

from sqlalchemy.orm import Session

from borderwatch.fusion import service as fusion_service
from borderwatch.fusion.events import Event
from borderwatch.picture import service
from borderwatch.picture.frame import Frame
from borderwatch.store.tables.fusion import Alert


def after_report(session: Session, frame: Frame, report_id: int) -> tuple[list[Event], list[Alert]]:
    """After one report is extracted: update the events it touches and record any new alerts."""
    update = fusion_service.refuse_report(session, report_id, frame.places)
    if update.since is None:
        # Only undated events changed: the picture, which places events in time, did not.
        return update.events, []
    return update.events, service.record_alerts(session, frame, since=update.since)


def rebuild(session: Session, frame: Frame) -> tuple[list[Event], list[Alert]]:
    """Fuse every stored claim again and record any new alerts."""
    events = fusion_service.rebuild(session, frame.places)
    return events, service.record_alerts(session, frame)
