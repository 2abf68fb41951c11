"""Scoring predicted claims against gold: alignment, field scores and the issue's shares."""

from __future__ import annotations

import json
from typing import Any

import pytest

from borderwatch.errors import InputError
from borderwatch.extraction.gold import parse_gold
from borderwatch.extraction.scoring import (
    evidence_overlap,
    from_gold,
    from_prediction,
    score,
)

SENTENCE = (
    "The decision came a day after 1,037 Afghan troops retreated to Tajikistan following "
    "clashes with the Taliban."
)
CAPTURE = (
    "Taliban militants took full control of the districts of Hohon and Shekay in the Afghan "
    "province of Badakhshan."
)


def gold_line(*claims: dict[str, Any]) -> str:
    return json.dumps({"report": "seed.txt", "published": "2021-07-06", "claims": list(claims)})


def gold_claim(**overrides: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "type": "cross_border_movement",
        "date": "2021-07-05",
        "date_precision": "day",
        "places": [{"text": "Tajikistan", "place_id": "tj"}],
        "actors": ["afghan-government-forces"],
        "quantities": [{"value": 1037, "qualifier": "exact", "unit": "person", "of": "troops"}],
        "attribution": ["ANI"],
        "evidence": "1,037 Afghan troops retreated to Tajikistan",
    }
    claim.update(overrides)
    return claim


def predicted(**overrides: Any) -> dict[str, Any]:
    """A predicted claim in DESIGN.md's contract, as `Claim.to_json()` prints it."""
    claim: dict[str, Any] = {
        "type": "cross_border_movement",
        "date": "2021-07-05",
        "date_precision": "day",
        "places": [{"text": "Tajikistan", "place_id": "tj", "name": "Tajikistan"}],
        "actors": [{"text": "Afghan troops", "actor_id": "afghan-government-forces"}],
        "quantities": [
            {"text": "1,037 Afghan troops", "value": 1037, "low": 1037, "high": 1037,
             "qualifier": "exact", "unit": "person", "of": "Afghan troops"}
        ],
        "attribution": ["ANI"],
        "evidence": {"start": 0, "end": len(SENTENCE), "text": SENTENCE},
        "confidence": 0.8,
    }  # fmt: skip
    claim.update(overrides)
    return claim


def scored(gold_claims: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> Any:
    [report] = parse_gold(gold_line(*gold_claims))
    gold = [from_gold(c) for c in report.claims]
    return score([(report.report, gold, [from_prediction(p) for p in predictions])])


def test_a_perfect_prediction_scores_one_on_every_field() -> None:
    card = scored([gold_claim()], [predicted()])
    result = card.to_json()
    assert card.matched_claims == 1
    for name in ("type", "place", "date", "quantity", "actor", "attribution", "overall"):
        assert result["fields"][name]["f1"] == 1.0, name
    assert result["quantity_right"] == {"share": 1.0, "right": 1, "judged": 1}
    assert all(result["targets"].values())


def test_a_missed_claim_lowers_recall_but_not_precision() -> None:
    capture = gold_claim(
        type="territorial_control_change",
        places=[
            {"text": "Hohon", "place_id": "af-badakhshan-khwahan"},
            {"text": "Shekay", "place_id": "af-badakhshan-shekay"},
        ],
        actors=["taliban"],
        quantities=[],
        evidence="took full control of the districts of Hohon and Shekay",
    )
    card = scored([gold_claim(), capture], [predicted()])
    assert card.fields["type"].precision == 1.0
    assert card.fields["type"].recall == 0.5
    assert card.fields["place"].recall == pytest.approx(1 / 3)
    assert card.misses[0].kind == "missed"


def test_a_spurious_claim_lowers_precision() -> None:
    extra = predicted(
        type="armed_clash",
        evidence={"start": 0, "end": len(CAPTURE), "text": CAPTURE},
        places=[],
        quantities=[],
    )
    card = scored([gold_claim()], [predicted(), extra])
    assert card.fields["type"].precision == 0.5
    assert card.fields["type"].recall == 1.0
    assert [m.kind for m in card.misses] == ["spurious"]


def test_two_claims_of_one_sentence_are_told_apart_by_type() -> None:
    clash = gold_claim(type="armed_clash", quantities=[], evidence="following clashes with")
    movement = gold_claim()
    card = scored([clash, movement], [predicted(type="armed_clash", quantities=[]), predicted()])
    assert card.matched_claims == 2
    assert card.fields["type"].f1 == 1.0
    assert card.fields["quantity"].f1 == 1.0


def test_a_wrong_qualifier_is_a_wrong_quantity_on_a_matched_claim() -> None:
    wrong = predicted(
        quantities=[{"value": 1037, "low": 1037, "high": 1037, "qualifier": "about",
                     "unit": "person", "of": "troops"}]
    )  # fmt: skip
    card = scored([gold_claim()], [wrong])
    assert card.fields["type"].f1 == 1.0
    assert card.fields["quantity"].f1 == 0.0
    assert card.quantity_right.value == 0.0
    assert any(m.kind == "wrong quantity" for m in card.misses)


def test_a_fraction_matches_to_three_decimals() -> None:
    gold = gold_claim(
        quantities=[{"value": 0.667, "qualifier": "fraction", "unit": "share", "of": "border"}]
    )
    guess = predicted(
        quantities=[{"value": 2 / 3, "low": 2 / 3, "high": 2 / 3, "qualifier": "fraction",
                     "unit": "share", "of": "border"}]
    )  # fmt: skip
    assert scored([gold], [guess]).quantity_right.value == 1.0


def test_a_date_off_by_one_day_counts_against_the_date_share() -> None:
    card = scored([gold_claim()], [predicted(date="2021-07-06")])
    assert card.date_right.value == 0.0
    assert card.fields["date"].precision == 0.0
    assert card.fields["type"].f1 == 1.0


def test_attribution_is_scored_by_ordered_overlap_ignoring_spacing_and_case() -> None:
    gold = gold_claim(attribution=["ANI", "Pajhwok", "AKI press"])
    card = scored([gold], [predicted(attribution=["ANI", "AKIpress"])])
    attribution = card.fields["attribution"]
    assert (attribution.tp, attribution.fp, attribution.fn) == (2, 0, 1)


def test_claims_from_different_sentences_are_never_aligned() -> None:
    elsewhere = predicted(evidence={"start": 0, "end": len(CAPTURE), "text": CAPTURE})
    card = scored([gold_claim()], [elsewhere])
    assert card.matched_claims == 0
    assert card.fields["type"].f1 == 0.0


def test_evidence_overlap_is_the_share_of_gold_words_found() -> None:
    assert evidence_overlap("retreated to Tajikistan", SENTENCE) == 1.0
    assert evidence_overlap("fled to Uzbekistan", SENTENCE) == pytest.approx(1 / 3)


def test_no_claims_at_all_is_a_perfect_score_not_a_division_by_zero() -> None:
    card = scored([], [])
    assert card.overall.f1 == 1.0


def test_a_malformed_gold_line_is_an_input_error_naming_the_line() -> None:
    bad = gold_line(gold_claim(type="invasion"))
    with pytest.raises(InputError, match="line 2"):
        parse_gold(gold_line(gold_claim()) + "\n" + bad)
    with pytest.raises(InputError, match="line 1 is not JSON"):
        parse_gold("{not json")
