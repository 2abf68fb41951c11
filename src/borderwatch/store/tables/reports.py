"""Tables of intake and extraction: sources, reports (raw bytes kept first), claims."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from borderwatch.store.base import Base, UTCDateTime, utcnow


class Source(Base):
    """A publisher or originator with its NATO/Admiralty reliability grade (F until judged)."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    note: Mapped[str] = mapped_column(Text, default="")


class Report(Base):
    """One document as received: raw bytes are stored before anything is extracted from it."""

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    filename: Mapped[str] = mapped_column(String(500), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="text/plain")
    encoding: Mapped[str | None] = mapped_column(String(50), nullable=True)
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    title: Mapped[str] = mapped_column(Text, default="")
    clean_text: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str | None] = mapped_column(String(10), nullable=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    dateline: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    published_assumed: Mapped[bool] = mapped_column(default=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="stored")
    error_code: Mapped[str | None] = mapped_column(String(50), nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    extracted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The MinHash signature of `clean_text` (fusion's near-duplicate test), kept so fusion does
    # not shingle every report again on every load; null until fusion first reads the report.
    fingerprint: Mapped[list[int] | None] = mapped_column(JSON, nullable=True)

    source: Mapped[Source | None] = relationship()
    claims: Mapped[list[Claim]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="Claim.seq"
    )


class Claim(Base):
    """One assertion a report makes, kept in the DESIGN.md contract shape plus query columns."""

    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(50), index=True)
    valid_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    date_precision: Mapped[str] = mapped_column(String(10), default="unknown")
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)

    report: Mapped[Report] = relationship(back_populates="claims")
