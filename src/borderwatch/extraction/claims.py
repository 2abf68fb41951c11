"""Claim assembly: one claim per event per sentence, with the arguments of its clause.

Choices, so that gold annotators and fusion know what to expect:
- One claim per event type per sentence, split where a subordinate clause of the same type
  starts ("X fell on Monday, hours after the militants overran Y" is two): two coordinated
  triggers ("discussed ... and agreed to ...") make one claim; a list of places under one
  trigger ("took control of the districts of A, B ... F") is ONE claim with six places.
- An event told in a relative clause ("Khahan, which fell to the Taliban on Sunday") is a claim
  of its own, but its date does not date the main clause's event; which triggers give way and
  which make one claim together is `trigger_groups`.
- Places, actors and quantities come from the clauses that hold the claim's triggers (a sentence
  splits at the clause breaks of `events.json`); places and actors fall back to the sentence.
  A province that contains another place of the claim (the province in "the districts of A and
  B in the province of P") is context, not a claim place; a country or a district named
  (`standing`: "the Ruzvai bridge in Darvoz") stays a place.
- Actors are the participants of the claim's clauses, not its speakers (`claim_actors`).
- A report's heading block (its first paragraph when that is only short lines without a full
  stop: title, issuer, "Covering: ...") asserts nothing.
- A sentence wholly in brackets with a trigger and nothing it needs is an aside, not a claim;
  headings, reader comments and triggers after "whether", "could", "if" ... assert nothing
  (`assertions`).
- An event dated more than a year before the report is background, not a claim.
- The date is the clause's, else the sentence's, else the time the narrative runs on
  (`running_time`), else the report's reference date.
- The attribution chain is the sentence's own, else the latest earlier in the paragraph (a list
  item is a paragraph), else the report's (publisher and dateline agency).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from borderwatch.extraction import running_time, spans
from borderwatch.extraction.assertions import AssertionFilter, inside, is_question
from borderwatch.extraction.attribution import report_chain
from borderwatch.extraction.claim_actors import ClaimActors
from borderwatch.extraction.document import (
    ActorMention,
    AttributionMention,
    Claim,
    DateMention,
    Document,
    PlaceMention,
    QuantityMention,
    TriggerMention,
)
from borderwatch.extraction.events import ArgumentSpec, EventLexicon
from borderwatch.extraction.patterns import word_regex
from borderwatch.extraction.running_time import PARAGRAPH, Framing, RunningTime
from borderwatch.extraction.spans import ByStart, Span, figures, holding, within
from borderwatch.extraction.trigger_groups import WHOLE_SENTENCE, TriggerGroups
from borderwatch.types import DatePrecision, EventType

# A sentence wholly in brackets is an aside: a note on the source, a disclaimer.
_ASIDE = re.compile(r"\s*\([^()]*\)[.\s]*")
# A bare dateline: a place in capitals opening the report, a dash after it or after a comma and
# a short date ("KHOROG -", "FAYZABAD, Aug 2 -").
_BARE_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*)(?:,[^\n.]{0,30}?)?[ \t]+[-\u2013\u2014][ \t]"
)
_Indexes = tuple[ByStart[Any], ...]
# Built once: a type without an argument spec is asked about on every claim of it.
_NO_ARGUMENTS = ArgumentSpec(required=[], optional=[])


@dataclass(frozen=True, slots=True)
class _Local:
    """The mentions of one sentence."""

    triggers: list[TriggerMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    quantities: list[QuantityMention]
    dates: list[DateMention]
    attributions: list[AttributionMention]  # those that name a source in the sentence


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A sentence with its paragraph's start and, once it shows triggers, its clauses."""

    start: int
    end: int
    clauses: tuple[Span, ...]
    paragraph: int


class ClaimAssembler:
    """The last pipeline component: turns triggers and mentions into `doc.claims`."""

    name: str = "claims"
    adds: tuple[str, ...] = ("claims",)

    def __init__(
        self,
        lexicon: EventLexicon,
        ancestors: Mapping[str, frozenset[str]] | None = None,
        standing: frozenset[str] = frozenset(),
    ) -> None:
        self._strength = {rule.id: rule.strength for rule in lexicon.rules}
        self._arguments: Mapping[EventType, ArgumentSpec] = lexicon.arguments
        self._ancestors = ancestors or {}
        self._standing = standing
        self._min_confidence = lexicon.min_confidence
        breaks = sorted(lexicon.clause_breaks, key=len, reverse=True)
        self._breaks = re.compile("|".join(f"(?:{b})" for b in breaks), re.IGNORECASE)
        self._actors = ClaimActors(lexicon)
        self._running_time = RunningTime()
        self._framing = Framing()
        self._assertions = AssertionFilter(
            lexicon.speculation,
            lexicon.comment_headings,
            lexicon.comment_lines,
            lexicon.refuted,
            lexicon.scenario,
            lexicon.recap,
        )
        self._groups = TriggerGroups(lexicon)
        self._present = word_regex(lexicon.present, r"(?![\w-])")
        self._speaker_place = re.compile(lexicon.speaker_place or "(?!)", re.IGNORECASE)
        self._place_then_speech = re.compile(lexicon.place_then_speech or "(?!)")
        # The last document's sentences and indexes: the learned claim finder asks again.
        self._read_of: tuple[Document | None, list[_Sentence], _Indexes] = (None, [], ())
        # The last document's places before a speech verb ("a teacher in Kalai-Khumb said").
        self._spoken: ByStart[PlaceMention] = ByStart([])

    def __call__(self, doc: Document) -> Document:
        sentences, indexes = self._read(doc)
        claims: list[Claim] = []
        found: list[Claim] = []  # one sentence's
        for index, sentence in enumerate(sentences):
            if not indexes[0].between(sentence.start, sentence.end):
                continue  # no trigger, no claim: its mentions and clauses are never needed
            local = _Local(*(i.between(sentence.start, sentence.end) for i in indexes))
            # Only a sentence with triggers needs its clauses: find them here, once.
            sentence = sentences[index] = self._with_clauses(doc.text, sentence)
            main = self._groups.main_types(doc.text, local.triggers)
            for event_type, group in main.items():
                rivals = [t.start for other in main if other != event_type for t in main[other]]
                span = (sentence.start, sentence.end)
                for part in self._groups.events_of(doc.text, span, group):
                    claim = self._claim(doc, sentences, index, local, event_type, part, rivals)
                    told = [(t.start, t.end) for t in part]
                    if (
                        claim.confidence >= self._min_confidence
                        and not self._assertions.speculative(
                            doc.text, sentence.clauses, told, event_type
                        )
                        and not running_time.is_background(doc, claim.date)
                    ):
                        found.append(claim)
            claims += spans.without_cargo_moves(found)
            found = []
        doc.claims = claims
        return doc

    def sentence_spans(self, doc: Document) -> list[Span]:
        """The sentences that may assert a claim: not headings, comments or the dateline."""
        return [(s.start, s.end) for s in self._read(doc)[0]]

    def claims_for(self, doc: Document, triggers: Sequence[TriggerMention]) -> list[Claim | None]:
        """A claim for each trigger found outside the rules (a learned component's), assembled
        as the rules' claims are; None where its sentence asserts nothing, the trigger is
        speculative or the claim is a bare aside. The confidence is the rules' own."""
        sentences, indexes = self._read(doc)
        starts = [s.start for s in sentences]
        found: list[Claim | None] = []
        for trigger in triggers:
            index = bisect_right(starts, trigger.start) - 1
            if index < 0 or trigger.start >= sentences[index].end:
                found.append(None)
                continue
            sentence = sentences[index] = self._with_clauses(doc.text, sentences[index])
            local = _Local(*(i.between(sentence.start, sentence.end) for i in indexes))
            local.triggers.append(trigger)
            claim = self._claim(doc, sentences, index, local, trigger.event_type, [trigger])
            speculative = self._assertions.speculative(
                doc.text,
                sentence.clauses,
                [(trigger.start, trigger.end)],
                trigger.event_type,
            )
            history = running_time.is_background(doc, claim.date)
            found.append(None if speculative or history or claim.confidence <= 0.0 else claim)
        return found

    def _read(self, doc: Document) -> tuple[list[_Sentence], _Indexes]:
        """The document's claimable sentences and mention indexes, read once per document."""
        if doc is not self._read_of[0]:
            spoken = [p for p in doc.places if self._place_then_speech.match(doc.text, p.end)]
            self._spoken = ByStart(spoken)
            where = _speaker_places(doc, self._speaker_place, {p.start for p in spoken})
            self._read_of = (doc, self._sentences(doc), _indexes(doc, where))
        return self._read_of[1], self._read_of[2]

    def _sentences(self, doc: Document) -> list[_Sentence]:
        breaks = [0, *(m.end() for m in PARAGRAPH.finditer(doc.text))]
        dateline_end = running_time.dateline_end(doc)
        silent = self._assertions.silent_spans(doc.text)
        # A heading block ("SITUATION UPDATE No. 4 / Covering: 9-15 July") frames the report.
        heading_end = running_time.header_end(doc.text)
        result = []
        for start, end in doc.sentences:
            if start < heading_end or inside(silent, start) or is_question(doc.text[start:end]):
                continue
            if start < dateline_end < end:
                start = (
                    dateline_end
                    + len(doc.text[dateline_end:end])
                    - len(doc.text[dateline_end:end].lstrip())
                )
            if start >= end or end <= dateline_end:
                continue
            paragraph = breaks[bisect_right(breaks, start) - 1]
            result.append(_Sentence(start, end, (), paragraph))
        return result

    def _with_clauses(self, text: str, sentence: _Sentence) -> _Sentence:
        clauses = self._clauses(text, sentence.start, sentence.end)
        return _Sentence(sentence.start, sentence.end, clauses, sentence.paragraph)

    def _clauses(self, text: str, start: int, end: int) -> tuple[Span, ...]:
        cuts = [start, *(start + m.start() for m in self._breaks.finditer(text[start:end])), end]
        return tuple((a, b) for a, b in itertools.pairwise(cuts) if b > a)

    def _claim(
        self,
        doc: Document,
        sentences: list[_Sentence],
        index: int,
        local: _Local,
        event_type: EventType,
        triggers: list[TriggerMention],
        rivals: Sequence[int] = (),
    ) -> Claim:
        """The claim of `triggers`; `rivals` are where the sentence's triggers of the other
        types of claim start (a figure nearer one of them is theirs)."""
        sentence = sentences[index]
        clauses = holding(sentence.clauses, [t.start for t in triggers])
        others = holding(
            [c for c in sentence.clauses if c not in clauses],
            [t.start for t in local.triggers if t.event_type != event_type],
        )
        # With no place of its own, the event is where its speakers are ("Residents of Nusay
        # said the Taliban raised their flag there").
        places = self._places(
            local, clauses, others, event_type is EventType.ARMED_CLASH, triggers, rivals
        ) or self._spoken.between(sentence.start, sentence.end)
        # Both sides of a clash, and those who speak in a statement, are its actors.
        whole = event_type in WHOLE_SENTENCE
        previous = (sentences[index - 1].start, sentences[index - 1].end) if index else None
        actors = self._actors.pick(
            doc,
            (sentence.start, sentence.end),
            previous,
            (local.actors, local.attributions),
            clauses,
            whole,
        )
        quantities = figures(
            local.quantities, sentence.clauses, clauses, local.triggers, triggers, rivals
        )
        # A trigger in a relative clause describes a participant ("the servicemen who
        # crossed on 5 July were flown back on Saturday"): the date goes by the main one.
        main = next((t for t in triggers if not self._groups.describes(doc.text, t)), triggers[0])
        date = self._date(doc, sentence, local, clauses, main.start)
        attribution = _attribution(doc, sentence, local)
        claim = Claim(
            type=event_type,
            date=date.value if date else None,
            date_precision=date.precision if date else DatePrecision.UNKNOWN,
            places=places,
            actors=actors,
            quantities=quantities,
            attribution=list(attribution),
            evidence_start=sentence.start,
            evidence_end=sentence.end,
            evidence_text=doc.text[sentence.start : sentence.end],
            confidence=0.0,
        )
        claim.confidence = self._confidence(
            claim, triggers, len(attribution) > len(report_chain(doc))
        )
        aside = _ASIDE.fullmatch(claim.evidence_text) is not None
        if aside and self._bare(local, clauses, claim):
            claim.confidence = 0.0
        return claim

    def _bare(self, local: _Local, clauses: list[Span], claim: Claim) -> bool:
        """A trigger with nothing of its own around it ("(...; exercise material)") that lacks
        an argument its type needs is a word in passing, not a claim."""
        mentions: list[PlaceMention | ActorMention | QuantityMention] = [
            *local.places,
            *local.actors,
            *local.quantities,
        ]
        if any(within(m, clauses) for m in mentions):
            return False
        spec = self._arguments.get(claim.type, _NO_ARGUMENTS)
        have = {"actor": claim.actors, "place": claim.places, "quantity": claim.quantities}
        return any(not have.get(a, True) for a in spec.required)

    def _places(
        self,
        local: _Local,
        clauses: list[Span],
        others: list[Span],
        clash: bool,
        own: list[TriggerMention],
        rivals: Sequence[int],
    ) -> list[PlaceMention]:
        """The places of the claim's clauses (`spans.nearer` its triggers), else of the
        sentence outside other claims' clauses."""
        found = [
            p for p in local.places if within(p, clauses) and spans.nearer(p, own, rivals, clauses)
        ]
        if not found:  # a clash "after clashes with Afghan forces" is where the rest happened
            found = [
                p for p in local.places if not within(p, others) or (clash and p.kind != "country")
            ]
        return spans.without_context(found, self._ancestors, self._standing)

    def _date(
        self,
        doc: Document,
        sentence: _Sentence,
        local: _Local,
        clauses: list[Span],
        trigger_at: int,
    ) -> DateMention | None:
        for found in ([d for d in local.dates if within(d, clauses)], local.dates):
            # A log line's stamp yields to a date its message gives ("since Sun"); "this
            # year" dates nothing.
            frames = [self._framing.of(doc, d) for d in found]
            candidates = [d for d, f in zip(found, frames, strict=True) if not f[0]] or [
                d for d, f in zip(found, frames, strict=True) if f[1]
            ]
            if candidates:
                return min(candidates, key=lambda d: running_time.distance(doc.text, d, trigger_at))
        now = any(self._present.search(doc.text, a, b) for a, b in clauses)  # "are now stuck"
        return self._running_time.before(doc, sentence.start, now)

    def _confidence(
        self, claim: Claim, triggers: list[TriggerMention], own_attribution: bool
    ) -> float:
        """Rule-based: the strongest trigger, more for each argument found, less for each
        required argument missing, a little more for a named source."""
        spec = self._arguments.get(claim.type, _NO_ARGUMENTS)
        present = {
            "actor": bool(claim.actors),
            "place": any(p.place_id for p in claim.places),
            "date": claim.date is not None,
            "quantity": bool(claim.quantities),
        }
        score = max(self._strength.get(t.rule, 0.5) for t in triggers)
        score += 0.03 * sum(present[a] for a in (*spec.required, *spec.optional))
        score -= 0.15 * sum(not present[a] for a in spec.required)
        score += 0.03 if own_attribution else 0.0
        return min(0.99, max(0.05, score))


def _speaker_places(doc: Document, speaker_place: re.Pattern[str], spoken: set[int]) -> set[int]:
    """Where the places start that only say where a speaker or the reporter is: after a
    speaker ("Afghan officials in Faizabad said"), before a speech verb (`spoken`: "a teacher
    in Kalai-Khumb said"), or a bare dateline ("FAYZABAD - Taliban fighters overran ...")."""
    text = doc.text
    where = {m.end() for a in doc.attributions if a.text if (m := speaker_place.match(text, a.end))}
    where.update(spoken)
    head = _BARE_DATELINE.match(text)
    if head is not None:
        where.add(head.start("place"))
    return where


def _indexes(doc: Document, where: set[int]) -> _Indexes:
    """The document's mentions by where they start, in `_Local`'s order; a place starting at
    one of `where` (a speaker's, `_speaker_places`) is none of a claim's."""
    places = [p for p in doc.places if p.start not in where]
    return (
        ByStart(doc.triggers), ByStart(places), ByStart(doc.actors),
        ByStart(doc.quantities), ByStart([d for d in doc.dates if d.value is not None]),
        ByStart([a for a in doc.attributions if a.text]),
    )  # fmt: skip


def _attribution(doc: Document, sentence: _Sentence, local: _Local) -> tuple[str, ...]:
    if local.attributions:
        return local.attributions[-1].chain
    earlier = [
        a for a in doc.attributions if a.text and sentence.paragraph <= a.start < sentence.start
    ]
    return earlier[-1].chain if earlier else report_chain(doc)
