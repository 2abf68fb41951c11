"""The failure classes of the fourth and fifth blind sets, each checked on text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from borderwatch.extraction.document import Claim
from borderwatch.extraction.pipeline import Pipeline
from borderwatch.extraction.tokenizer import split_sentences, tokenize
from borderwatch.types import EventType

AUG_10 = date(2021, 8, 10)


def claims(pipeline: Pipeline, text: str) -> list[Claim]:
    return pipeline.extract_claims(text, reference_date=AUG_10)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Hundreds of people had gathered near the Sher Khan Bandar port.", EventType.OTHER),
        ("A group of some 60 people reached a small island downstream.", EventType.OTHER),
        ("Crowd of ~150 (many women) at the AF end of the bridge.", EventType.OTHER),
        ("Approx. 60 trucks waiting on AF side since dawn.", EventType.OTHER),
        ("Nearly two thousand families have fled Kunduz city since August 1.", EventType.OTHER),
        (
            "Two Tajik army columns arrived from Kulob, 18 trucks in all.",
            EventType.TROOP_DEPLOYMENT,
        ),
        ("ANA units withdrew towards Kishim overnight.", EventType.TROOP_DEPLOYMENT),
        (
            "17 new infantry fighting vehicles were delivered to the 201st base on Monday.",
            EventType.TROOP_DEPLOYMENT,
        ),
        (
            "Peskov said Moscow would fulfil its obligations to its ally.",
            EventType.DIPLOMATIC_STATEMENT_OR_SUPPORT,
        ),
        (
            "The Ishkashim customs post was working normally on Monday.",
            EventType.BORDER_CLOSURE_OR_OPENING,
        ),
    ],
)
def test_events_said_in_the_ways_of_the_fourth_and_fifth_blind_sets(
    rules: Pipeline, text: str, event_type: EventType
) -> None:
    assert [c.type for c in claims(rules, text)] == [event_type]


@pytest.mark.parametrize(
    "text",
    [
        "Correction: an earlier version of this report said that over 300 soldiers had crossed.",
        "The border service did not say when the men would be sent back to Afghanistan.",
        "The ministry declined to say how many reservists had been called up.",
    ],
)
def test_corrections_and_what_was_not_said_make_no_claim(rules: Pipeline, text: str) -> None:
    assert claims(rules, text) == []


def test_est_and_incl_do_not_end_a_sentence() -> None:
    text = "TJ army trucks (est. 12) arrived, incl. 4 BTRs. All quiet."
    assert len(split_sentences(text, tokenize(text))) == 2
