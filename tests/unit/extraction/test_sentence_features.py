"""The learned claim finder reads each sentence's features twice over: as row numbers for its
fast scores (`FeatureIds`) and as names for its exact ones (`SentenceReader`). Both must see the
same features, or a fast decision would differ from the exact one it stands for."""

from __future__ import annotations

from pathlib import Path

import pytest

from borderwatch.cli.evaluate import load_gold
from borderwatch.extraction.document import Document
from borderwatch.extraction.pipeline import build_pipeline
from borderwatch.extraction.sentence_model import FeatureIds, SentenceReader, load_model
from borderwatch.intake.readers import read

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"


@pytest.mark.parametrize("folder", ["dev", "blind"])
def test_row_numbers_and_names_give_every_sentence_the_same_features(folder: str) -> None:
    model = load_model("en", "bundled")
    assert model is not None
    names = {number: name for name, number in model.numbered.names.items()}
    pipeline = build_pipeline("tj-af", sentence_model="off")
    assembler = pipeline.assembler()
    sentences = 0
    for report in load_gold(GOLD / folder):
        raw = (GOLD / folder / report.report).read_bytes()
        for item in read(raw, report.report, published=report.published):
            doc = pipeline(Document(text=item.text, language="en", reference_date=None))
            spans = assembler.sentence_spans(doc)
            fast, exact = FeatureIds(model, doc, spans), SentenceReader(doc)
            for i, (start, end) in enumerate(spans):
                named = exact.view(start, end, i).features & model.numbered.names.keys()
                assert {names[n] for n in fast.ids(i)} == named, doc.text[start:end]
                sentences += 1
    assert sentences > 50
