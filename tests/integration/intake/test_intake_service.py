"""Storing reports on SQLite and PostgreSQL: once per content hash, failures kept with the raw."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from borderwatch.errors import ExtractionError, IntakeError, NotFoundError
from borderwatch.intake import service
from borderwatch.intake.readers import read
from borderwatch.store.session import Store
from borderwatch.store.tables.reports import Report, Source

DATA = Path(__file__).resolve().parents[2] / "data" / "intake"
RECEIVED = datetime(2021, 7, 7, 6, tzinfo=UTC)
STORY = b"Guards sent to Darvaz\n\nKHOROG, July 6 (Asia-Plus) - Guards were sent to Darvaz.\n"


def _count(store: Store) -> int:
    with store.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Report)) or 0


def test_a_report_is_stored_with_its_metadata(store: Store) -> None:
    [item] = read(STORY, "darvaz.txt", received_at=RECEIVED)
    with store.unit_of_work() as session:
        report, created = service.store_report(
            session, item, filename="darvaz.txt", received_at=RECEIVED, source_name=None
        )
        report_id = report.id
    assert created
    with store.unit_of_work() as session:
        stored = service.get(session, report_id)
        assert stored.raw == STORY
        assert stored.content_hash == service.content_hash(STORY)
        assert stored.title == "Guards sent to Darvaz"
        assert stored.clean_text == "KHOROG, July 6 (Asia-Plus) - Guards were sent to Darvaz."
        assert (stored.published_on, stored.published_assumed) == (date(2021, 7, 6), True)
        assert stored.dateline is not None
        assert stored.dateline["agency"] == "Asia-Plus"
        assert stored.received_at == RECEIVED
        assert (stored.status, stored.language, stored.filename) == ("stored", "en", "darvaz.txt")


def test_storing_the_same_bytes_again_changes_nothing(store: Store) -> None:
    with store.unit_of_work() as session:
        first = service.store_input(session, STORY, filename="a.txt", received_at=RECEIVED)
        [(report, created)] = first.reports
        first_id = report.id
    later = datetime(2021, 8, 1, tzinfo=UTC)
    with store.unit_of_work() as session:
        again = service.store_input(
            session, STORY, filename="copy.txt", received_at=later, source_name="Other"
        )
        [(same, created_again)] = again.reports
        assert (same.id, same.filename, same.received_at) == (first_id, "a.txt", RECEIVED)
        assert same.source is None
    assert created and not created_again
    assert _count(store) == 1


def test_a_feed_stores_one_report_per_item_with_the_channel_as_source(store: Store) -> None:
    raw = (DATA / "feed.rss").read_bytes()
    with store.unit_of_work() as session:
        outcome = service.store_input(session, raw, filename="feed.rss", received_at=RECEIVED)
        assert [created for _, created in outcome.reports] == [True, True]
        assert any("feed item 2 skipped" in p for p in outcome.problems)
    with store.unit_of_work() as session:
        reports = service.get_all(session)
        assert [r.source.name if r.source else None for r in reports] == ["Central Asia Wire"] * 2
        assert all(r.raw.startswith(b"<item>") for r in reports)
        assert session.scalar(select(func.count()).select_from(Source)) == 1


def test_unreadable_input_is_kept_as_a_failed_report(store: Store) -> None:
    binary = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    with store.unit_of_work() as session:
        outcome = service.store_input(session, binary, filename="photo.png", received_at=RECEIVED)
        assert outcome.error is not None
        assert outcome.error.code == "intake_failed"
    with store.unit_of_work() as session:
        [failed] = service.get_all(session, status="failed")
        assert failed.raw == binary
        assert failed.error_code == "intake_failed"
        assert failed.error_message is not None
        assert failed.error_message.startswith("binary")
        assert service.get_all(session, status="stored") == []


def test_an_empty_input_stores_nothing(store: Store) -> None:
    with store.unit_of_work() as session:
        outcome = service.store_input(session, b"", filename="empty.txt")
        assert outcome.error is not None
        assert outcome.error.message.startswith("empty")
        assert outcome.reports == []
    assert _count(store) == 0


def test_a_stored_report_is_not_altered_by_a_later_failure_on_the_same_bytes(store: Store) -> None:
    with store.unit_of_work() as session:
        service.store_input(session, STORY, filename="a.txt", received_at=RECEIVED)
    with store.unit_of_work() as session:
        report, created = service.record_failure(
            session, STORY, "a.txt", IntakeError("binary: not text")
        )
        assert not created
    with store.unit_of_work() as session:
        [report] = service.get_all(session)
        assert (report.status, report.error_code, report.raw) == ("stored", None, STORY)


def test_a_failure_in_a_batch_rolls_back_nothing_already_stored(store: Store) -> None:
    with store.unit_of_work() as session:
        service.store_input(session, STORY, filename="a.txt", received_at=RECEIVED)
    with pytest.raises(RuntimeError), store.unit_of_work() as session:
        service.store_input(session, b"Another report about the border.", filename="b.txt")
        raise RuntimeError("the process died mid-batch")
    with store.unit_of_work() as session:
        [report] = service.get_all(session)
        assert report.raw == STORY


def test_marking_extraction_failed_then_extracted_keeps_the_raw(store: Store) -> None:
    with store.unit_of_work() as session:
        [(report, _)] = service.store_input(session, STORY, received_at=RECEIVED).reports
        service.mark_failed(report, ExtractionError("no sentence could be parsed"))
        report_id = report.id
    with store.unit_of_work() as session:
        report = service.get(session, report_id)
        assert (report.status, report.error_code) == ("failed", "extraction_failed")
        assert report.error_message == "no sentence could be parsed"
        service.mark_extracted(report, at=RECEIVED)
    with store.unit_of_work() as session:
        report = service.get(session, report_id)
        assert (report.status, report.error_code, report.extracted_at) == (
            "extracted",
            None,
            RECEIVED,
        )
        assert report.raw == STORY


def test_a_given_source_name_overrides_the_document_and_is_reused(store: Store) -> None:
    with store.unit_of_work() as session:
        service.store_input(session, STORY, source_name="  Tajik  border service ")
        service.store_input(session, STORY + b"\nUpdated.", source_name="Tajik border service")
        names = [r.source.name for r in service.get_all(session) if r.source]
        assert names == ["Tajik border service"] * 2
        assert session.scalar(select(func.count()).select_from(Source)) == 1


def test_get_of_an_unknown_report_is_not_found(store: Store) -> None:
    with store.unit_of_work() as session, pytest.raises(NotFoundError, match="no report with id"):
        service.get(session, 12345)


def test_store_file_reads_and_stores_a_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "darvaz.txt"
    path.write_bytes(STORY)
    with store.unit_of_work() as session:
        outcome = service.store_file(session, path, received_at=RECEIVED)
        assert outcome.error is None
        [(report, created)] = outcome.reports
        assert (created, report.filename, report.raw) == (True, str(path), STORY)


def test_store_file_refuses_a_too_large_file_and_stores_nothing(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 4096)
    with store.unit_of_work() as session:
        outcome = service.store_file(session, path, max_bytes=1024)
        assert outcome.error is not None
        assert outcome.error.message.startswith("too large")
    assert _count(store) == 0
