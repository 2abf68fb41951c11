"""The extraction pipeline: a report's clean text in, its claims out. Build once, reuse."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from typing import cast

from borderwatch.extraction.actors import ActorComponent
from borderwatch.extraction.attribution import AttributionComponent
from borderwatch.extraction.claims import ClaimAssembler
from borderwatch.extraction.dates import DateComponent
from borderwatch.extraction.displacement import Displacement
from borderwatch.extraction.document import Claim, Component, Document
from borderwatch.extraction.events import EventComponent
from borderwatch.extraction.lexicon import FALLBACK_LANGUAGE, has_lexicon
from borderwatch.extraction.place_choice import ancestors_of
from borderwatch.extraction.places import PlaceComponent
from borderwatch.extraction.quantities import QuantityComponent
from borderwatch.extraction.sentence_claims import SentenceClaims
from borderwatch.extraction.sentence_model import load_model
from borderwatch.extraction.table_rows import TableRows
from borderwatch.extraction.tokenizer import Tokenizer
from borderwatch.region.names import Gazetteer
from borderwatch.region.pack import RegionPack, load_pack


class Pipeline:
    """The components in order; the language-specific ones are built on first use per language."""

    def __init__(self, pack: RegionPack, sentence_model: str | None = None) -> None:
        self.pack = pack
        # A model file's path, "bundled", "off", or None for $BORDERWATCH_SENTENCE_MODEL
        # ("bundled" when unset: sentence_model.load_model).
        self._sentence_model = sentence_model
        self.gazetteer = Gazetteer(pack.places.values())
        self._ancestors = ancestors_of({pid: p.parent for pid, p in pack.places.items()})
        # Places that stay a claim's place beside a place inside them (see claims.py).
        self._standing = frozenset(
            p.id for p in pack.places.values() if p.kind in ("country", "district")
        )
        # cast: these declare `adds` without the tuple[str, ...] annotation the protocol asks
        shared = (Tokenizer(), DateComponent(), QuantityComponent())
        self._shared = tuple(cast("Component", c) for c in shared)
        self._by_language: dict[str, tuple[Component, ...]] = {}
        self.components(FALLBACK_LANGUAGE)

    def components(self, language: str) -> tuple[Component, ...]:
        """Every component that runs on a report in `language`, in order."""
        found = self._by_language.get(language)
        if found is None:
            # Asked once per language, not per report: it looks for a file.
            found = self._by_language[language] = self._build(language)
        return found

    def _build(self, language: str) -> tuple[Component, ...]:
        language = language if has_lexicon("events", language) else FALLBACK_LANGUAGE
        if language not in self._by_language:
            events = EventComponent(language)
            assembler = ClaimAssembler(events.lexicon, self._ancestors, self._standing)
            model = load_model(language, self._sentence_model)
            learned = (SentenceClaims(assembler, model),) if model is not None else ()
            self._by_language[language] = (
                *self._shared,
                ActorComponent(language),
                PlaceComponent(self.gazetteer, language),
                AttributionComponent(language),
                events,
                assembler,
                *learned,
                TableRows(assembler),
                Displacement(events.lexicon),
            )
        return self._by_language[language]

    def assembler(self, language: str = FALLBACK_LANGUAGE) -> ClaimAssembler:
        """The claim assembler among `language`'s components (the learned finder and the table
        rows build their claims with it)."""
        return next(c for c in self.components(language) if isinstance(c, ClaimAssembler))

    @property
    def component_names(self) -> tuple[str, ...]:
        """The names of the components, in the order they run."""
        return tuple(c.name for c in self.components(FALLBACK_LANGUAGE))

    def __call__(self, doc: Document) -> Document:
        """Runs every component on `doc` and returns it with its claims."""
        with _collector_paused():
            for component in self.components(doc.language):
                doc = component(doc)
        return doc

    def extract_claims(
        self,
        text: str,
        *,
        reference_date: date | None,
        reference_assumed: bool = False,
        publisher: str | None = None,
        language: str = "en",
    ) -> list[Claim]:
        """The claims of one report's clean text, dates resolved against `reference_date`."""
        doc = Document(
            text=text,
            language=language,
            reference_date=reference_date,
            reference_assumed=reference_assumed,
            publisher=publisher,
        )
        return self(doc).claims


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while one report is read. A report's tokens and
    mentions live until its claims are made, so the collections their numbers set off find
    nothing to free, and every few reports one of them walks every object of the process
    (5-8 % of the pipeline's time); what a report leaves is collected after it as before."""
    if not gc.isenabled():
        yield  # the caller has its own reasons: leave the collector as it is
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def build_pipeline(pack: RegionPack | str = "tj-af", sentence_model: str | None = None) -> Pipeline:
    """A pipeline for the places of `pack` (a loaded pack or its name); `sentence_model` is a
    model file or "bundled" to add the learned claim finder, "off" (or None with
    $BORDERWATCH_SENTENCE_MODEL unset) for the rules alone."""
    return Pipeline(load_pack(pack) if isinstance(pack, str) else pack, sentence_model)


@cache
def _default_pipeline(pack: str) -> Pipeline:
    return build_pipeline(pack)


def extract_claims(
    text: str,
    *,
    reference_date: date | None,
    reference_assumed: bool = False,
    publisher: str | None = None,
    language: str = "en",
    pack: str = "tj-af",
) -> list[Claim]:
    """The claims of one report's clean text, with a pipeline for `pack` built once."""
    return _default_pipeline(pack).extract_claims(
        text,
        reference_date=reference_date,
        reference_assumed=reference_assumed,
        publisher=publisher,
        language=language,
    )
