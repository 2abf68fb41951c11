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
    events = fusion_service.update_for_report(session, report_id, frame.places)
    return events, service.record_alerts(session, frame)


def rebuild(session: Session, frame: Frame) -> tuple[list[Event], list[Alert]]:
    """Fuse every stored claim again and record any new alerts."""
    events = fusion_service.rebuild(session, frame.places)
    return events, service.record_alerts(session, frame)
