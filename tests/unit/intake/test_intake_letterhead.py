"""A publisher's one-line letterhead stays in a plain-text report: it says who speaks."""

from __future__ import annotations

from datetime import date

from borderwatch.intake.readers import read


def test_a_letterhead_with_a_note_stays_in_the_text() -> None:
    raw = (
        b"VAKHSH VOLUNTEER LINE (fictional) - sms log, forwarded\n\n"
        b"14/07 1310: TJ border guards closed Ruzvai bridge til further notice.\n"
    )
    (item,) = read(raw, "log.txt", published=date(2021, 7, 14))
    assert item.text.startswith("VAKHSH VOLUNTEER LINE (fictional)")


def test_a_plain_headline_still_leaves_the_text() -> None:
    raw = b"Taliban take Khwahan district\n\nThe Taliban took Khwahan on Monday, officials said.\n"
    (item,) = read(raw, "story.txt", published=date(2021, 7, 5))
    assert item.title == "Taliban take Khwahan district"
    assert item.text.startswith("The Taliban took Khwahan")
