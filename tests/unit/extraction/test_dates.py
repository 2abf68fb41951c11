"""The date component: every time expression of our own sentences, resolved against a dateline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.extraction.dates import DateComponent
from borderwatch.extraction.document import DateMention, Document
from borderwatch.extraction.tokenizer import Tokenizer

# The seed report's dateline: Tuesday 6 July 2021.
DATELINE = date(2021, 7, 6)
SEEDS = Path("/work/shared/seeds")

_tokenizer = Tokenizer()
_dates = DateComponent()


def dates_in(
    text: str, reference: date | None = DATELINE, assumed: bool = False
) -> list[DateMention]:
    doc = Document(text, reference_date=reference, reference_assumed=assumed)
    return _dates(_tokenizer(doc)).dates


def found(text: str) -> list[tuple[str | None, str, str | None]]:
    return [
        (
            m.value.isoformat() if m.value else None,
            m.precision.value,
            m.end_value.isoformat() if m.end_value else None,
        )
        for m in dates_in(text)
    ]


CASES = [
    # absolute dates
    ("Fighting resumed on July 5.", [("2021-07-05", "day", None)]),
    ("Fighting resumed on 5 July 2021.", [("2021-07-05", "day", None)]),
    ("The post fell on July 5, 2021, at dawn.", [("2021-07-05", "day", None)]),
    ("Talks were held on the 5th of July.", [("2021-07-05", "day", None)]),
    ("The order is dated 2021-07-05.", [("2021-07-05", "day", None)]),
    ("The decree of 05.07.2021 took effect.", [("2021-07-05", "day", None)]),
    ("The Taliban took the district on June 22.", [("2021-06-22", "day", None)]),
    ("The bridge was closed on 22nd June.", [("2021-06-22", "day", None)]),
    ("Border trade stopped on Jul. 2.", [("2021-07-02", "day", None)]),
    ("Refugees first arrived on 14 September.", [("2020-09-14", "day", None)]),
    ("A ceasefire was agreed on December 3, 2020.", [("2020-12-03", "day", None)]),
    ("Exercises were held on Tuesday, July 6, 2021.", [("2021-07-06", "day", None)]),
    ("Records from 12/31/2020 show the crossing open.", [("2020-12-31", "day", None)]),
    ("PAMIR MONITOR - SITREP 11 - 05 JUL 2021 0700L", [("2021-07-05", "day", None)]),
    # weekdays against the dateline
    ("The president on Tuesday ordered reinforcements.", [("2021-07-06", "day", None)]),
    ("On Monday the soldiers crossed the river.", [("2021-07-05", "day", None)]),
    ("The district fell last Sunday.", [("2021-07-04", "day", None)]),
    ("Shelling was heard on Friday.", [("2021-07-02", "day", None)]),
    ("Clashes broke out last Tuesday.", [("2021-06-29", "day", None)]),
    ("Talks are due next Friday.", [("2021-07-09", "day", None)]),
    ("Gunfire was reported on Monday night.", [("2021-07-05", "day", None)]),
    # relative days and nights
    ("Today the border guards were put on alert.", [("2021-07-06", "day", None)]),
    ("Yesterday two posts were abandoned.", [("2021-07-05", "day", None)]),
    ("The crossing was closed the day before yesterday.", [("2021-07-04", "day", None)]),
    ("Overnight, militants seized the checkpoint.", [("2021-07-06", "day", None)]),
    ("Last night the garrison withdrew.", [("2021-07-06", "day", None)]),
    ("On the night of 4–5 July the soldiers crossed.", [("2021-07-05", "day", None)]),
    ("The decision came a day after the troops retreated.", [("2021-07-05", "day", None)]),
    ("The bridge had been closed a day earlier.", [("2021-07-05", "day", None)]),
    ("The first group arrived two days ago.", [("2021-07-04", "day", None)]),
    (
        "On July 1 the post fell and a day later the district followed.",
        [
            ("2021-07-01", "day", None),
            ("2021-07-02", "day", None),
        ],
    ),
    (
        "On July 1 the post fell; the next day the district followed.",
        [
            ("2021-07-01", "day", None),
            ("2021-07-02", "day", None),
        ],
    ),
    # weeks, months, years
    ("Last week the Taliban entered Kunduz.", [("2021-06-28", "week", "2021-07-04")]),
    ("Groups left over the past week.", [("2021-06-29", "week", "2021-07-06")]),
    ("Patrols doubled this week.", [("2021-07-05", "week", "2021-07-06")]),
    ("Earlier this month aid convoys were stopped.", [("2021-07-01", "month", "2021-07-06")]),
    ("Most districts fell in early July.", [("2021-07-01", "week", "2021-07-10")]),
    ("Fighting intensified in mid-June.", [("2021-06-11", "week", "2021-06-20")]),
    ("The offensive began in late June 2021.", [("2021-06-21", "week", "2021-06-30")]),
    ("The offensive began in June.", [("2021-06-01", "month", None)]),
    ("The drills were last held in August.", [("2020-08-01", "month", None)]),
    ("The agreement dates from March 2019.", [("2019-03-01", "month", None)]),
    ("The border has been tense since May 1.", [("2021-05-01", "day", "2021-07-06")]),
    ("The wall was built in 2019.", [("2019-01-01", "year", None)]),
    ("Trade fell sharply last year.", [("2020-01-01", "year", "2020-12-31")]),
    # ranges
    ("Between 3 and 5 July, 300 families arrived.", [("2021-07-03", "day", "2021-07-05")]),
    ("Drills run from 3 to 5 July.", [("2021-07-03", "day", "2021-07-05")]),
    ("Drills ran on July 3-5.", [("2021-07-03", "day", "2021-07-05")]),
    # not dates
    ("Troops may 5 times a day cross.", []),
    ("He said they would march on the capital.", []),
    ("The 2021 offensive surprised everyone.", []),
    ("The Sun reported the news.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_date_expressions_resolve_against_the_dateline(
    text: str, expected: list[tuple[str | None, str, str | None]]
) -> None:
    assert found(text) == expected


def test_a_mention_keeps_its_text_and_offsets() -> None:
    text = "Kabul, July 6: the district fell on the night of 4–5 July."
    mentions = dates_in(text)
    assert [m.text for m in mentions] == ["July 6", "the night of 4–5 July"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_an_assumed_reference_marks_resolved_mentions_assumed() -> None:
    relative, absolute = dates_in("On Monday, and on 5 July 2021.", assumed=True)
    assert relative.assumed and relative.value == date(2021, 7, 5)
    assert not absolute.assumed  # a stated year needs no assumption


def test_without_a_reference_only_stated_years_resolve() -> None:
    mentions = dates_in("On Monday, and on 5 July 2021.", reference=None)
    assert [(m.value, m.precision.value) for m in mentions] == [
        (None, "unknown"),
        (date(2021, 7, 5), "day"),
    ]


def test_the_reference_decides_the_year_never_today() -> None:
    assert dates_in("on June 22", reference=date(2015, 7, 1))[0].value == date(2015, 6, 22)
    assert dates_in("on June 22", reference=date(2015, 3, 1))[0].value == date(2014, 6, 22)


def test_impossible_dates_are_not_dates() -> None:
    assert dates_in("Recorded on 31 June and on 2021-13-45.") == []


def test_a_language_without_a_date_lexicon_still_reads_iso_dates() -> None:
    doc = _tokenizer(Document("Отчёт от 2021-07-05.", language="ru", reference_date=DATELINE))
    assert [m.value for m in _dates(doc).dates] == [date(2021, 7, 5)]


def test_seed_report_dates_follow_its_dateline() -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("the seed report is not on this machine")
    mentions = dates_in(seeds[0].read_text(encoding="utf-8"))
    by_text = {m.text: (m.value, m.precision.value) for m in mentions}
    assert by_text["on Tuesday"] == (date(2021, 7, 6), "day")
    assert by_text["a day after"] == (date(2021, 7, 5), "day")
    assert by_text["July 6"] == (date(2021, 7, 6), "day")


_PIECES = (
    "the a on last night of July May June 5 31 2021 - – , between and to since Tuesday Monday "
    "overnight day days after ago later earlier 12/13/2021 2021-02-30 early mid late week this"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([DATELINE, None]))
def test_any_text_gives_consistent_dates(pieces: list[str], reference: date | None) -> None:
    text = " ".join(pieces)
    for mention in dates_in(text, reference=reference):
        assert text[mention.start : mention.end] == mention.text
        if mention.value and mention.end_value:
            assert mention.value <= mention.end_value


def test_a_scheduled_weekday_is_the_next_one_a_reported_one_the_last() -> None:
    # 6 July 2021 is a Tuesday
    (due,) = dates_in("On Saturday the Vanj bridge market is due to reopen.")
    assert due.value == date(2021, 7, 10)
    (said,) = dates_in("The embassy said on Saturday the men will be returned.")
    assert said.value == date(2021, 7, 3)


def test_a_labelled_date_line_dates_what_follows_it() -> None:
    text = "Forwarded note\nDate: Wed, 30 Jun 2021\n\nYesterday 60 families arrived on the bank."
    assert [m.value for m in dates_in(text)] == [date(2021, 6, 30), date(2021, 6, 29)]
