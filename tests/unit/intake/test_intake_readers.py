"""Each reader on a fixture of its format: what an analyst would see of the report."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from borderwatch.intake.readers import read

RECEIVED = datetime(2021, 7, 10, 8, tzinfo=UTC)


def _read(folder: Path, name: str) -> list:  # type: ignore[type-arg]
    return read((folder / name).read_bytes(), name, received_at=RECEIVED)


def test_html_page_gives_headline_story_and_page_metadata(intake_data: Path) -> None:
    [item] = _read(intake_data, "news_page.html")
    assert item.title == "Border guards reinforce Darvaz crossing"
    assert item.source == "Pamir Daily"
    assert item.published == date(2021, 7, 8)
    assert item.url == "https://pamirdaily.example/news/darvaz-crossing"
    assert item.text.startswith("KHOROG, July 8 (Pamir Daily) - Tajik border guards")
    assert item.text.endswith("how long the reinforcement would stay.")
    assert "about 300 residents of the Afghan bank" in item.text


def test_html_clutter_never_reaches_the_text(intake_data: Path) -> None:
    [item] = _read(intake_data, "news_page.html")
    for clutter in (
        "SCRIPT-IN-HEAD", "SCRIPT-IN-BODY", "ONLOAD-HANDLER", "COMMENT-IN-HTML", "secret-style",
        "SECRET-STYLE", "Politics", "cookies", "Nodira", "Photo", "Also read", "Markets reopen",
        "Share on", "Most read", "Search", "All rights reserved",
    ):  # fmt: skip
        assert clutter not in item.text, clutter


def test_email_gives_subject_date_sender_and_the_plain_text(intake_data: Path) -> None:
    [item] = _read(intake_data, "report.eml")
    assert item.title == "Situation update: arrivals at Ishkashim bridge"
    assert item.published == date(2021, 7, 7)
    assert item.source == "Field Office Khorog"
    assert item.media_type == "message/rfc822"
    assert item.text.startswith("ISHKASHIM, July 7 - Our team counted 46 families")
    assert item.text.count("46 families") == 1
    assert "<p>" not in item.text


def test_email_with_only_an_html_part_is_read_as_html() -> None:
    raw = (
        b"From: Desk <desk@example.org>\nSubject: Crossing closed\nDate: Fri, 09 Jul 2021 10:00:00"
        b" +0000\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
        b"<html><body><script>steal()</script><p>The Termez bridge was closed on Friday.</p>"
        b"</body></html>"
    )
    [item] = read(raw, "closed.eml")
    assert item.text == "The Termez bridge was closed on Friday."
    assert item.source == "Desk"


def test_a_line_break_in_html_mail_keeps_the_words_apart() -> None:
    raw = (
        b"From: Desk <desk@example.org>\nSubject: Note\nDate: Fri, 09 Jul 2021 10:00:00"
        b" +0000\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
        b"<html><body><p>Tents are up.</p><p>Regards,<br>Field desk<BR/>Relief Trust</p>"
        b"</body></html>"
    )
    [item] = read(raw, "note.eml")
    assert item.text.endswith("Regards, Field desk Relief Trust")


def test_a_repost_heading_block_does_not_hide_the_story_dateline() -> None:
    raw = (
        b"Taliban seize a crossing\nUpdated 23 June 2021, 10:14\nBy Digest staff\n\n"
        b"KABUL, June 22 (Reuters) - Taliban fighters captured the crossing on Tuesday.\n"
    )
    [item] = read(raw, "repost.txt")
    assert item.dateline is not None and item.dateline.agency == "Reuters"
    assert item.published == date(2021, 6, 22)


def test_rss_feed_gives_one_report_per_item_and_skips_the_broken_one(intake_data: Path) -> None:
    items = _read(intake_data, "feed.rss")
    assert [i.title for i in items] == [
        "Taliban claim control of Shughnan district",
        "Dushanbe calls up reservists",
    ]
    assert [i.published for i in items] == [date(2021, 7, 5), date(2021, 7, 7)]
    assert all(i.source == "Central Asia Wire" for i in items)
    assert items[0].text.startswith("The Taliban said on Monday")
    assert any("feed item 2 skipped" in p for p in items[0].problems)


def test_each_feed_item_keeps_its_own_raw_bytes(intake_data: Path) -> None:
    items = _read(intake_data, "feed.rss")
    assert items[0].raw.startswith(b"<item>")
    assert items[0].raw.endswith(b"</item>")
    assert b"Shughnan" in items[0].raw
    assert b"Shughnan" not in items[1].raw
    assert items[0].raw in (intake_data / "feed.rss").read_bytes()


def test_atom_feed_reads_content_and_summary_entries(intake_data: Path) -> None:
    items = _read(intake_data, "feed.atom")
    assert [i.media_type for i in items] == ["application/atom+xml"] * 2
    assert items[0].text == (
        "Uzbek authorities closed the Termez bridge to pedestrians on Friday, citing security."
    )
    assert items[0].published == date(2021, 7, 9)
    assert items[1].published == date(2021, 7, 8)
    assert items[1].url == "https://bordermonitor.example/aid"
    assert items[0].source == "Border Monitor"


def test_json_lines_read_good_lines_and_name_the_bad_ones(intake_data: Path) -> None:
    items = _read(intake_data, "reports.jsonl")
    assert len(items) == 2
    first, second = items
    assert (first.title, first.source, first.published) == (
        "Afghan soldiers cross at Kokul",
        "Asia-Plus",
        date(2021, 7, 5),
    )
    assert first.url == "https://asiaplus.example/a"
    assert second.published == date(2021, 7, 7)
    assert any(p.startswith("line 2 skipped: not valid JSON") for p in first.problems)
    assert "line 3 skipped: no text field" in first.problems
    assert json.loads(first.raw)["source"] == "Asia-Plus"


def test_cp1251_russian_text_is_decoded_and_detected(intake_data: Path) -> None:
    [item] = _read(intake_data, "russian_cp1251.txt")
    assert item.title == "Пограничники усилили охрану"
    assert "двадцать тысяч военнослужащих" in item.text
    assert item.language == "ru"
    assert item.dateline is not None
    assert (item.dateline.place, item.dateline.month, item.dateline.day) == ("ДУШАНБЕ", 7, 6)
    assert (item.published, item.published_assumed) == (date(2021, 7, 6), True)
    assert item.encoding is not None
    assert item.encoding.replace("-", "").replace("_", "") in ("cp1251", "windows1251")


def test_utf16_text_is_decoded_with_its_dateline(intake_data: Path) -> None:
    [item] = _read(intake_data, "english_utf16.txt")
    assert item.title == "Camp preparations in Khatlon"
    assert item.text.startswith("BOKHTAR, July 9 - Officials in Khatlon")
    assert item.dateline is not None
    assert item.dateline.place == "BOKHTAR"
    assert (item.published, item.published_assumed) == (date(2021, 7, 9), True)


def test_utf8_with_bom_reads_like_utf8() -> None:
    text = "Guards reinforced\n\nKHOROG, July 8 - Guards arrived at the post."
    [with_bom] = read(b"\xef\xbb\xbf" + text.encode("utf-8"))
    [without] = read(text.encode("utf-8"))
    assert with_bom.text == without.text == "KHOROG, July 8 - Guards arrived at the post."
    assert with_bom.title == "Guards reinforced"


def test_latin1_text_is_decoded() -> None:
    raw = "Le président a parlé à Douchanbé. Les gardes sont arrivés à la frontière.".encode(
        "latin-1"
    )
    [item] = read(raw, "note.txt")
    assert "président" in item.text
    assert "\ufffd" not in item.text


def test_the_seed_dateline_and_assumed_year(seed_bytes: bytes) -> None:
    [item] = read(seed_bytes, "seed.txt", received_at=datetime(2021, 7, 7, tzinfo=UTC))
    assert item.dateline is not None
    assert (item.dateline.place, item.dateline.agency) == ("Kabul", "ANI")
    assert (item.published, item.published_assumed) == (date(2021, 7, 6), True)
    assert item.language == "en"


def test_a_given_published_date_is_used_when_nothing_else_dates_the_report() -> None:
    [item] = read(b"Guards arrived at the post on Monday.", published=date(2021, 7, 5))
    assert (item.published, item.published_assumed) == (date(2021, 7, 5), False)


def test_a_media_type_chooses_the_reader_for_a_nameless_input() -> None:
    line = json.dumps({"text": "Guards arrived.", "title": "Guards"}).encode()
    [item] = read(line, media_type="application/x-ndjson")
    assert (item.title, item.text) == ("Guards", "Guards arrived.")


def test_a_json_line_holding_a_line_separator_stays_one_report() -> None:
    lines = [
        json.dumps({"text": "First report\u2028with a separator.", "title": "One"}),
        json.dumps({"text": "Second report.", "title": "Two"}),
    ]
    items = read("\n".join(lines).encode("utf-8"), "two.jsonl")
    assert [i.title for i in items] == ["One", "Two"]
    assert [json.loads(i.raw)["title"] for i in items] == ["One", "Two"]
    assert items[0].problems == []


def test_a_story_wrapper_with_a_clutter_word_in_its_class_is_kept() -> None:
    raw = (
        b'<html><body><div class="story comments-enabled"><h1>Guards move</h1>'
        b"<p>Guards moved to the Panj river on Monday.</p><p>More arrived later.</p></div>"
        b'<div class="comments"><p>Reader: great article</p></div></body></html>'
    )
    [item] = read(raw, "story.html")
    assert item.text == "Guards moved to the Panj river on Monday.\n\nMore arrived later."


def test_a_sitrep_heading_dates_the_report_and_stays_in_the_text() -> None:
    raw = (
        b"FIELD MONITOR - SITREP 4 - 06 JUL 2021 0700L\n(training material)\n\n"
        b"- Nusay: district centre under Taliban control.\n- 150 soldiers sheltered at a school.\n"
    )
    [item] = read(raw, "sitrep.txt", published=date(2021, 1, 1))
    assert item.title == "FIELD MONITOR - SITREP 4 - 06 JUL 2021 0700L"
    assert item.text.startswith("FIELD MONITOR - SITREP 4")
    assert (item.published, item.published_assumed) == (date(2021, 7, 6), False)


def test_a_dated_statement_heading_is_the_title_and_stays_in_the_text() -> None:
    raw = b"STATEMENT of the Border Troops, 23 June 2021\n\nOn 22 June, 134 servicemen crossed.\n"
    [item] = read(raw, "statement.txt")
    assert item.title == "STATEMENT of the Border Troops, 23 June 2021"
    assert item.text.startswith("STATEMENT of the Border Troops")
    assert item.published == date(2021, 6, 23)


def test_a_date_in_the_body_does_not_date_the_report() -> None:
    raw = b"Guards reinforced\n\nThe Taliban took the district on 22 June 2021\n"
    [item] = read(raw, "body.txt", published=date(2021, 7, 1))
    assert item.published == date(2021, 7, 1)
