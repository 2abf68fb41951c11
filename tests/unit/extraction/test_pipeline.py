"""The pipeline: built once from a region pack, components in order, any language."""

from __future__ import annotations

import gc
from datetime import date

import pytest

from borderwatch.errors import RegionPackError
from borderwatch.extraction.document import Document
from borderwatch.extraction.pipeline import Pipeline, build_pipeline, extract_claims
from borderwatch.region.pack import load_pack
from borderwatch.types import EventType

TEXT = "DUSHANBE, July 6 (Reuters) - The Taliban captured Khwahan on Monday, officials said."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline(load_pack("tj-af"))


def test_components_run_in_the_order_they_depend_on(pipeline: Pipeline) -> None:
    assert pipeline.component_names == (
        "tokenizer", "dates", "quantities", "actors", "places", "attribution", "events", "claims",
        "sentence_claims", "table_rows", "displacement",
    )  # fmt: skip
    assert all(c.adds for c in pipeline.components("en"))


def test_a_document_comes_back_with_every_layer_filled(pipeline: Pipeline) -> None:
    doc = pipeline(Document(TEXT, reference_date=date(2021, 7, 6)))
    assert doc.tokens and doc.sentences and doc.dates and doc.places and doc.actors
    assert doc.triggers and doc.attributions
    (claim,) = doc.claims
    assert claim.type == EventType.TERRITORIAL_CONTROL_CHANGE
    assert claim.date == date(2021, 7, 5)
    assert claim.attribution == ["Reuters", "officials"]
    assert [p.place_id for p in claim.places] == ["af-badakhshan-khwahan"]


def test_one_pipeline_serves_many_reports_alike(pipeline: Pipeline) -> None:
    first = pipeline.extract_claims(TEXT, reference_date=date(2021, 7, 6))
    pipeline.extract_claims("Clashes went on.", reference_date=date(2021, 7, 1))
    again = pipeline.extract_claims(TEXT, reference_date=date(2021, 7, 6))
    assert [c.to_json() for c in first] == [c.to_json() for c in again]


def test_a_language_without_lexicons_uses_english(pipeline: Pipeline) -> None:
    found = pipeline.extract_claims(TEXT, reference_date=date(2021, 7, 6), language="und")
    assert [c.type for c in found] == [EventType.TERRITORIAL_CONTROL_CHANGE]


def test_the_module_function_builds_its_pipeline_once() -> None:
    found = extract_claims(TEXT, reference_date=date(2021, 7, 6), publisher="Reuters")
    assert found[0].attribution == ["Reuters", "officials"]


def test_an_unknown_pack_is_a_region_pack_error() -> None:
    with pytest.raises(RegionPackError):
        build_pipeline("no-such-pack")


def test_the_garbage_collector_is_back_as_it_was_after_a_report(pipeline: Pipeline) -> None:
    assert gc.isenabled()
    pipeline.extract_claims(TEXT, reference_date=date(2021, 7, 6))
    assert gc.isenabled()
    gc.disable()
    try:
        pipeline.extract_claims(TEXT, reference_date=date(2021, 7, 6))
        assert not gc.isenabled()
    finally:
        gc.enable()
