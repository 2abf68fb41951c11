"""The sentence model and its component: features, scores, the claims it adds, its training."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from borderwatch.errors import ExtractionError
from borderwatch.extraction.document import Document
from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.extraction.sentence_claims import SentenceClaims
from borderwatch.extraction.sentence_model import (
    SentenceModel,
    SentenceReader,
    load_model,
    parse_model,
)
from borderwatch.types import EventType

ROOT = Path(__file__).resolve().parents[3]
JULY_6 = date(2021, 7, 6)
CAMP = "Volunteers pitched marquees for up to 500 people near Khorog."
BACKGROUND = "The bridge at Ishkashim is the main trade link of the two valleys."


def tiny_model(**overrides: object) -> SentenceModel:
    """A model that knows one thing: marquees mean preparing for refugees."""
    data = {
        "language": "en",
        "source": "written by hand for these tests",
        "biases": {t.value: -4.0 for t in EventType},
        "thresholds": {"refugee_preparation": 0.5},
        "types": ["refugee_preparation", "other"],
        "weights": {
            "w:marquees": [3.0, 0.0],
            "w:pitched": [2.0, 1.0],
            "has:quantity": [0.5, 0.0],
        },
        **overrides,
    }
    return parse_model(json.dumps(data), "test")


def run(pipeline: Pipeline, text: str) -> Document:
    return pipeline(Document(text=text, reference_date=JULY_6))


def test_the_pipeline_runs_it_only_when_asked(rules: Pipeline) -> None:
    assert "sentence_claims" not in rules.component_names
    asked = build_pipeline("tj-af", sentence_model="bundled")
    assert asked.component_names[-4:-1] == ("claims", "sentence_claims", "table_rows")
    doc = asked(Document(text=CAMP, reference_date=JULY_6))
    assert all(c.evidence_text == CAMP for c in doc.claims)


def with_model(rules: Pipeline, model: SentenceModel) -> SentenceClaims:
    return SentenceClaims(rules.assembler("en"), model)


def test_the_bundled_model_is_small_stated_and_valid() -> None:
    path = ROOT / "src/borderwatch/extraction/data/en/sentence_model.json"
    assert path.stat().st_size < 1_000_000
    assert load_model("en", "bundled") is not None
    model = parse_model(path.read_text(encoding="utf-8"), str(path))
    assert "trained by borderwatch" in model.data.source
    assert set(model.biases) == set(EventType)
    assert set(model.data.types) == set(EventType)


def test_a_model_file_can_be_named_or_switched_off(tmp_path: Path) -> None:
    file = tmp_path / "model.json"
    file.write_text(json.dumps(tiny_model().data.model_dump(mode="json")), encoding="utf-8")
    assert load_model("en", str(file)) is not None
    assert load_model("en", "off") is None
    assert load_model("en", "") is load_model("en", "bundled") is not None  # on by default
    assert load_model("xx", "bundled") is None
    with pytest.raises(ExtractionError):
        load_model("en", str(tmp_path / "missing.json"))
    with pytest.raises(ExtractionError):
        parse_model('{"language": "en"}', "broken")
    with pytest.raises(ExtractionError, match="is invalid"):
        tiny_model(weights={"w:marquees": [3.0]})


def test_features_are_words_pairs_and_what_the_components_found(rules: Pipeline) -> None:
    doc = run(rules, "Intro line here.\n- The Taliban captured 3 posts in Khwahan on Monday.")
    reader = SentenceReader(doc)
    start = doc.text.index("- The")
    features = reader.view(start, len(doc.text), 1).features
    assert {"w:taliban", "w:captured", "w:<num>", "b:captured <num>", "b:<num> posts"} <= features
    assert {"has:quantity", "has:place", "has:date", "list_item", "position:1"} <= features
    assert "actor:taliban" in features
    assert any(f.startswith("rule:") for f in features)
    assert "type:territorial_control_change" in features
    assert "w:-" not in features


def test_scores_are_a_logistic_of_the_summed_weights() -> None:
    model = tiny_model()
    p = model.probabilities(frozenset({"w:marquees", "w:pitched", "w:unknown"}))
    assert p[EventType.REFUGEE_PREPARATION] == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert p[EventType.ARMED_CLASH] == pytest.approx(1 / (1 + math.exp(4.0)))


def test_it_adds_a_claim_no_rule_catches_with_its_arguments(rules: Pipeline) -> None:
    doc = run(rules, CAMP)
    assert not [c for c in doc.claims if c.type == EventType.REFUGEE_PREPARATION]
    doc = with_model(rules, tiny_model())(doc)
    (claim,) = [c for c in doc.claims if c.type == EventType.REFUGEE_PREPARATION]
    assert claim.evidence_text == CAMP
    assert "marquees" in claim.evidence_text
    assert [q.value for q in claim.quantities] == [500]
    assert [p.place_id for p in claim.places] == ["tj-gbao-khorugh"]
    assert claim.confidence == pytest.approx(1 / (1 + math.exp(-1.5)))


def test_it_adds_nothing_to_background_headings_or_speculation(rules: Pipeline) -> None:
    component = with_model(rules, tiny_model())
    for text in (
        BACKGROUND,
        "MARQUEES PITCHED\nThe weather was calm.",
        "Officials discussed whether marquees for 500 people could be pitched.",
    ):
        before = run(rules, text).claims
        after = component(run(rules, text)).claims
        assert len(after) == len(before), text


def test_it_can_drop_a_rule_claim_it_scores_very_low(rules: Pipeline) -> None:
    text = "The Taliban captured Khwahan district on Monday."
    assert run(rules, text).claims
    component = with_model(rules, tiny_model(drop_below=0.5))
    assert component(run(rules, text)).claims == []


def test_a_doubted_rule_claim_takes_the_type_the_model_is_sure_of(rules: Pipeline) -> None:
    text = "Guards pitched marquees for 500 Afghan soldiers who crossed near Khorog."
    (before,) = run(rules, text).claims
    assert before.type == EventType.CROSS_BORDER_MOVEMENT
    component = with_model(rules, tiny_model(drop_below=0.5))
    (after,) = component(run(rules, text)).claims
    assert after.type == EventType.REFUGEE_PREPARATION
    assert [p.place_id for p in after.places] == [p.place_id for p in before.places]


def test_the_training_script_writes_a_model_from_a_gold_folder(tmp_path: Path) -> None:
    dev = ROOT / "tests/data/gold/dev"
    lines = (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    folder = tmp_path / "tiny"
    folder.mkdir()
    for line in lines:
        name = json.loads(line)["report"]
        (folder / name).write_bytes((dev / name).read_bytes())
    (folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = ROOT / "scripts/train-sentence-model"
    written = []
    for out in (tmp_path / "model.json", tmp_path / "again.json"):
        done = subprocess.run(
            [sys.executable, str(script), "--folders", str(folder), "--out", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        written.append(out.read_text(encoding="utf-8"))
    model = parse_model(written[0], "model.json")
    assert "trained by borderwatch" in model.data.source
    assert model.data.trained_on == [str(folder)]
    assert written[0] == written[1]  # deterministic
