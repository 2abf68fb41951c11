"""Datelines, publication dates (with the year assumed from the received time) and language."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from borderwatch.intake.items import PartialDate
from borderwatch.intake.language import detect_language
from borderwatch.intake.metadata import (
    find_dateline,
    find_heading_date,
    resolve_published,
    with_heading_year,
)


@pytest.mark.parametrize(
    ("text", "place", "month", "day", "year", "agency"),
    [
        ("Kabul (Afghanistan) July 6 (ANI): The president", "Kabul", 7, 6, None, "ANI"),
        ("DUSHANBE, July 5 (Reuters) - Tajikistan", "DUSHANBE", 7, 5, None, "Reuters"),
        ("MOSCOW (AP) — Russia said", "MOSCOW", None, None, None, "AP"),
        ("Faizabad, 4 July 2021 — Fighting", "Faizabad", 7, 4, 2021, None),
        ("KHOROG, Sept. 12, 2021 (Asia-Plus) - Guards", "KHOROG", 9, 12, 2021, "Asia-Plus"),
        ("ISHKASHIM, July 7 - Our team", "ISHKASHIM", 7, 7, None, None),
        ("KABUL, Afghanistan (AP) — The Taliban", "KABUL", None, None, None, "AP"),
        ("ДУШАНБЕ, 6 июля. Президент", "ДУШАНБЕ", 7, 6, None, None),
        ("ХОРУГ, 12 августа 2021 — Пограничники", "ХОРУГ", 8, 12, 2021, None),
    ],
)
def test_datelines_give_place_date_and_agency(
    text: str, place: str, month: int | None, day: int | None, year: int | None, agency: str | None
) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.month, dateline.day, dateline.year, dateline.agency) == (
        place,
        month,
        day,
        year,
        agency,
    )


def test_the_region_in_brackets_is_kept() -> None:
    dateline = find_dateline("Kabul (Afghanistan) July 6 (ANI): text")
    assert dateline is not None
    assert dateline.region == "Afghanistan"
    assert dateline.text == "Kabul (Afghanistan) July 6 (ANI):"


@pytest.mark.parametrize(
    "text",
    [
        "Tajikistan President Emomali Rahmon on Tuesday ordered troops to the border.",
        "The Taliban - who now hold the district - said nothing.",
        "President Emomali Rahmon (left) - shown here in Dushanbe - met the envoy.",
        "Russia. The Kremlin said nothing more.",
        "The guards, May 5 - a day of rest - stayed home.",
        "",
    ],
)
def test_ordinary_sentences_have_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def _dateline(month: int, day: int, year: int | None = None) -> PartialDate:
    return PartialDate(year, month, day)


def test_the_document_date_comes_first() -> None:
    found = resolve_published(date(2021, 7, 7), _dateline(7, 6), date(2021, 1, 1), None)
    assert (found.value, found.assumed) == (date(2021, 7, 7), False)


def test_a_dateline_with_a_year_gives_the_date() -> None:
    found = resolve_published(None, _dateline(7, 4, 2021), None, None)
    assert (found.value, found.assumed) == (date(2021, 7, 4), False)


def test_without_a_year_the_received_year_is_assumed() -> None:
    received = datetime(2021, 7, 7, 3, tzinfo=UTC)
    found = resolve_published(None, _dateline(7, 6), None, received)
    assert (found.value, found.assumed) == (date(2021, 7, 6), True)


def test_a_december_dateline_received_in_january_is_last_year() -> None:
    received = datetime(2022, 1, 2, 9, tzinfo=UTC)
    found = resolve_published(None, _dateline(12, 30), None, received)
    assert (found.value, found.assumed) == (date(2021, 12, 30), True)


def test_a_january_dateline_received_on_new_years_eve_is_next_year() -> None:
    received = datetime(2021, 12, 31, 23, tzinfo=UTC)
    found = resolve_published(None, _dateline(1, 1), None, received)
    assert found.value == date(2022, 1, 1)


def test_a_given_date_supplies_the_missing_year_without_assuming() -> None:
    found = resolve_published(None, _dateline(7, 6), date(2021, 7, 8), None)
    assert (found.value, found.assumed) == (date(2021, 7, 6), False)


def test_without_dateline_the_given_date_is_used() -> None:
    assert resolve_published(None, None, date(2021, 7, 8), None).value == date(2021, 7, 8)


def test_an_impossible_dateline_date_is_a_problem_not_a_crash() -> None:
    found = resolve_published(None, _dateline(2, 30, 2021), None, None)
    assert found.value is None
    assert found.problem is not None
    assert "2021-02-30" in found.problem


@pytest.mark.parametrize(
    ("line", "stated"),
    [
        ("PAMIR FIELD MONITOR - SITREP 11 - 05 JUL 2021 0700L", PartialDate(2021, 7, 5)),
        ("Field note - Darvoz sector - 5 July 2021, 06:40", PartialDate(2021, 7, 5)),
        ("STATEMENT of the Border Troops, 23 June 2021", PartialDate(2021, 6, 23)),
        ("KRN FIELD NOTE 09 JUL (fictional network)", PartialDate(None, 7, 9)),
        ("Situation report, July 8, 2021", PartialDate(2021, 7, 8)),
        ("Daily brief 2021-07-10", PartialDate(2021, 7, 10)),
        ("PFM DAILY 08/07/2021 (fictional)", PartialDate(2021, 7, 8)),
        ("Сводка 09.07.2021", PartialDate(2021, 7, 9)),
        ("Taliban took Shir Khan Bandar on 22 June 2021 after heavy fighting.", None),
        ("Troops sent to the border", None),
    ],
)
def test_a_date_closing_a_heading_line_is_found(line: str, stated: PartialDate | None) -> None:
    assert find_heading_date([line]) == stated


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Taliban took control of the district after the Afghan troops left.", "en"),
        (
            "Президент Таджикистана поручил направить на границу двадцать тысяч военнослужащих.",
            "ru",
        ),
        ("Президенти Тоҷикистон дар бораи вазъи марз бо ҳамтоёни худ гуфтугӯ кард.", "tg"),
        (
            "طالبان کنترل ولسوالی را در بدخشان به دست گرفتند و نیروهای افغان به تاجیکستان رفتند.",
            "fa",
        ),
        ("12345 678 -- !!", "und"),
    ],
)
def test_language_is_detected_from_script_and_words(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_dateline_after_a_heading_block_is_found_but_not_deep_in_a_story() -> None:
    heading = "Crossing falls\nUpdated 23 June 2021\n\nKABUL, June 22 (Reuters) - Fighters"
    dateline = find_dateline(heading)
    assert dateline is not None and (dateline.agency, dateline.day) == ("Reuters", 22)
    story = "The first paragraph is a long sentence about the border " * 3
    assert find_dateline(f"{story}\n\nKABUL, June 22 (Reuters) - Fighters") is None


def test_a_dateline_without_a_year_takes_the_heading_year() -> None:
    stated = with_heading_year(PartialDate(None, 6, 22), PartialDate(2021, 6, 23))
    assert stated == PartialDate(2021, 6, 22)
    assert with_heading_year(PartialDate(None, 12, 30), PartialDate(2022, 1, 2)).year == 2021
    assert with_heading_year(PartialDate(None, 6, 22), None) == PartialDate(None, 6, 22)
