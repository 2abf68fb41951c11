"""Table rows of a situation report are claims of the event their table's title names."""

from __future__ import annotations

from datetime import date

from borderwatch.extraction.pipeline import Pipeline
from borderwatch.extraction.table_rows import _tables
from borderwatch.types import EventType

AUG_20 = date(2021, 8, 20)

SITREP = """KHATLON RELIEF DESK - SITUATION NOTE No. 3

The Taliban took Imam Sahib district on Monday, residents said.

RECEPTION SITES (Emergencies Committee figures as of 18 August)

| District | Site | Capacity (persons) | Status |
|---|---|---|---|
| Farkhor | sports hall | 600 | ready |
| Jayhun | tent camp near the river bank | up to 2,000 | being set up by the committee |

Next note on 27 August.
"""


def test_each_row_is_a_claim_of_the_titles_event(rules: Pipeline) -> None:
    found = rules.extract_claims(SITREP, reference_date=AUG_20)
    rows = [c for c in found if c.type is EventType.REFUGEE_PREPARATION]
    assert [c.evidence_text for c in rows] == [
        "| Farkhor | sports hall | 600 | ready |",
        "| Jayhun | tent camp near the river bank | up to 2,000 | being set up by the committee |",
    ]
    assert [[p.place_id for p in c.places] for c in rows] == [
        ["tj-khatlon-farkhor"],
        ["tj-khatlon-jayhun"],
    ]
    assert [[(q.value, q.qualifier.value) for q in c.quantities] for c in rows] == [
        [(600, "exact")],
        [(2000, "up_to")],
    ]
    # the title's date dates the rows; the title itself asserts nothing
    assert [c.date for c in rows] == [date(2021, 8, 18)] * 2
    assert not any(c.evidence_text.startswith("RECEPTION SITES") for c in found)


def test_a_table_whose_title_names_no_event_makes_no_claims(rules: Pipeline) -> None:
    text = "STAFF ON DUTY\n\n| Office | Staff |\n|---|---|\n| Kulob | 12 |\n| Bokhtar | 9 |\n"
    assert rules.extract_claims(text, reference_date=AUG_20) == []


def test_tables_are_found_with_their_title_and_header() -> None:
    (table,) = _tables(SITREP)
    assert table.title is not None and SITREP[slice(*table.title)].startswith("RECEPTION SITES")
    assert table.header is not None and SITREP[slice(*table.header)].startswith("| District")
    assert len(table.rows) == 2
    assert _tables("A | B | C on one line only.\n") == []
