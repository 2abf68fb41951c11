"""Which dates set the time a report's narrative runs on."""

from __future__ import annotations

from datetime import date

from borderwatch.extraction.dates import DateComponent
from borderwatch.extraction.document import Document
from borderwatch.extraction.running_time import RunningTime, header_end, list_items
from borderwatch.extraction.tokenizer import Tokenizer

ISSUED = date(2021, 7, 16)


def time_at_end(text: str) -> date | None:
    doc = DateComponent()(Tokenizer()(Document(text, reference_date=ISSUED)))
    found = RunningTime().before(doc, len(text))
    return found.value if found else None


def test_a_heading_block_is_short_lines_without_a_full_stop() -> None:
    assert header_end("UPDATE No. 4\nCovering: 9-15 July 2021\n\nStory.") == len(
        "UPDATE No. 4\nCovering: 9-15 July 2021\n\n"
    )
    assert header_end("Fighting went on in Kunduz on 13 July.\n\nStory.") == 0


def test_the_last_dated_sentence_sets_the_time_but_not_a_span_or_a_heading() -> None:
    assert time_at_end("UPDATE\nCovering: 9-15 July 2021\n\nNothing new.") == ISSUED
    assert time_at_end("Clashes on 13 July. Some 1,600 have crossed since early July.") == date(
        2021, 7, 13
    )
    assert time_at_end("No date here at all.") == ISSUED


def test_list_items_open_at_the_start_or_after_a_line_break() -> None:
    text = "- first item\n- second item\n\nProse, not - an item.\n3. third"
    assert list_items(text) == [(0, 13), (13, 26), (50, len(text))]
    assert list_items("No list here - none.") == []
