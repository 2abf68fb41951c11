"""Tables of fusion and the picture: events, which claims each event fused, and alerts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from borderwatch.store.base import Base, UTCDateTime, utcnow


class Event(Base):
    """One fused event; `body` is the event as `borderwatch events --format json` prints it,
    `summary` the same without its claim links.

    `group_id` names the linked group of claims the event was cut from: an update refuses whole
    groups, so that it gives what a full rebuild gives."""

    __tablename__ = "event"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    type: Mapped[str] = mapped_column(String(50), index=True)
    valid_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    date_precision: Mapped[str] = mapped_column(String(10), default="unknown")
    credibility: Mapped[int] = mapped_column(Integer, default=6)
    independent_sources: Mapped[int] = mapped_column(Integer, default=0)
    first_known_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    group_id: Mapped[str] = mapped_column(String(40), index=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The event without its claim links (`Event.summary_json`): the picture reads every event,
    # and the links are nearly all of a much corroborated event's body. Null in rows stored
    # before it existed; readers fall back to `body`.
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # Indexed: the picture cache asks for the latest on every request.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class EventClaim(Base):
    """A claim fused into an event; `counts` is false when it only repeats another source."""

    __tablename__ = "event_claim"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    counts: Mapped[bool] = mapped_column(Boolean, default=True)


class Alert(Base):
    """A change of control or impact level on a section, with the events that caused it."""

    __tablename__ = "alert"
    __table_args__ = (UniqueConstraint("section_id", "kind", "side", "valid_on", "after"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section_id: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    side: Mapped[str] = mapped_column(String(10), default="")
    valid_on: Mapped[date] = mapped_column(Date)
    before: Mapped[str] = mapped_column(String(200))
    after: Mapped[str] = mapped_column(String(200))
    event_ids: Mapped[list[str]] = mapped_column(JSON)
    message: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
