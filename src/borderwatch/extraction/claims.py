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

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

from borderwatch.extraction import running_time, spans
from borderwatch.extraction.assertions import AssertionFilter, is_question_at
from borderwatch.extraction.attribution import report_chain
from borderwatch.extraction.claim_actors import ClaimActors
from borderwatch.extraction.claim_reading import (
    Indexes,
    InOrder,
    Local,
    Sentence,
    mention_indexes,
    speaker_places,
)
from borderwatch.extraction.clauses import ClauseBreaks
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
from borderwatch.extraction.events_schema import EventLexicon
from borderwatch.extraction.patterns import Folded, word_regex
from borderwatch.extraction.running_time import PARAGRAPH, Framing, RunningTime
from borderwatch.extraction.spans import ByStart, Span, figures, holding, within
from borderwatch.extraction.trigger_groups import WHOLE_SENTENCE, TriggerGroups
from borderwatch.types import DatePrecision, EventType

# A sentence wholly in brackets is an aside: a note on the source, a disclaimer.
_ASIDE = re.compile(r"\s*\([^()]*\)[.\s]*")


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
        # Each type's required arguments, and all it scores: (required, required + optional).
        self._specs = {
            t: (tuple(spec.required), (*spec.required, *spec.optional))
            for t, spec in lexicon.arguments.items()
        }
        self._ancestors = ancestors or {}
        # Whether a place holds itself (parents in a loop): then even a lone place is looked at.
        self._own_ancestor = any(p in held for p, held in self._ancestors.items())
        self._standing = standing
        self._min_confidence = lexicon.min_confidence
        self._breaks = ClauseBreaks(lexicon.clause_breaks)
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
        self._present = Folded(word_regex(lexicon.present, r"(?![\w-])"))
        self._speaker_place = re.compile(lexicon.speaker_place or "(?!)", re.IGNORECASE)
        self._place_then_speech = re.compile(lexicon.place_then_speech or "(?!)")
        # The last document's sentences and indexes: the learned claim finder asks again.
        self._read_of: tuple[Document | None, list[Sentence], Indexes] = (None, [], ())
        # The last document's places before a speech verb ("a teacher in Kalai-Khumb said").
        self._spoken: ByStart[PlaceMention] = ByStart([])
        # The last document's chain and sources: a sentence without its own takes them.
        self._chain: tuple[str, ...] = ()
        self._sources: ByStart[AttributionMention] | InOrder = ByStart([])

    def __call__(self, doc: Document) -> Document:
        sentences, indexes = self._read(doc)
        by_trigger = indexes[0]
        claims: list[Claim] = []
        for index, sentence in enumerate(sentences):
            start, end = sentence.start, sentence.end
            triggers = by_trigger.between(start, end)
            if not triggers:
                continue  # no trigger, no claim: its mentions and clauses are never needed
            local = Local(
                triggers,
                indexes[1].between(start, end),
                indexes[2].between(start, end),
                indexes[3].between(start, end),
                indexes[4].between(start, end),
                indexes[5].between(start, end),
            )
            # Only a sentence with triggers needs its clauses: find them here, once.
            self._with_clauses(doc.text, sentence)
            found = self._sentence_claims(doc, sentences, index, local)
            claims += spans.without_cargo_moves(found) if len(found) > 1 else found
        doc.claims = claims
        return doc

    def _sentence_claims(
        self, doc: Document, sentences: list[Sentence], index: int, local: Local
    ) -> list[Claim]:
        """The claims of one sentence, before `spans.without_cargo_moves`. A speculative
        group is dropped before its claim is built: it depends on the triggers alone."""
        text = doc.text
        sentence = sentences[index]
        main = self._groups.main_types(text, local.triggers)
        span = (sentence.start, sentence.end)
        found: list[Claim] = []
        for event_type, group in main.items():
            rivals = [t.start for other in main if other != event_type for t in main[other]]
            for part in self._groups.events_of(text, span, group):
                told = [(t.start, t.end) for t in part]
                if self._assertions.speculative(text, sentence.clauses, told, event_type):
                    continue
                claim = self._claim(doc, sentences, index, local, event_type, part, rivals)
                if claim.confidence >= self._min_confidence and not running_time.is_background(
                    doc, claim.date
                ):
                    found.append(claim)
        return found

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
            sentence = self._with_clauses(doc.text, sentences[index])
            told = [(trigger.start, trigger.end)]
            # A speculative trigger depends on the trigger alone: no claim is built for it.
            if self._assertions.speculative(doc.text, sentence.clauses, told, trigger.event_type):
                found.append(None)
                continue
            local = Local(*(i.between(sentence.start, sentence.end) for i in indexes))
            local.triggers.append(trigger)
            claim = self._claim(doc, sentences, index, local, trigger.event_type, [trigger])
            history = running_time.is_background(doc, claim.date)
            found.append(None if history or claim.confidence <= 0.0 else claim)
        return found

    def _read(self, doc: Document) -> tuple[list[Sentence], Indexes]:
        """The document's claimable sentences and mention indexes, read once per document."""
        if doc is not self._read_of[0]:
            spoken = [p for p in doc.places if self._place_then_speech.match(doc.text, p.end)]
            self._spoken = ByStart(spoken)
            where = speaker_places(doc, self._speaker_place, {p.start for p in spoken})
            indexes = mention_indexes(doc, where)
            self._chain = report_chain(doc)
            # The latest source before a sentence is bisected for, when sorting kept the
            # order they were found in (as the attribution component finds them).
            sources = [a for a in doc.attributions if a.text]
            self._sources = indexes[5] if indexes[5].items == sources else InOrder(sources)
            self._read_of = (doc, self._sentences(doc), indexes)
        return self._read_of[1], self._read_of[2]

    def _sentences(self, doc: Document) -> list[Sentence]:
        breaks = [0, *(m.end() for m in PARAGRAPH.finditer(doc.text))]
        dateline_end = running_time.dateline_end(doc)
        silent = self._assertions.silent_spans(doc.text)
        silent_starts = [a for a, _ in silent]
        # A heading block ("SITUATION UPDATE No. 4 / Covering: 9-15 July") frames the report.
        heading_end = running_time.header_end(doc.text)
        result = []
        for start, end in doc.sentences:
            if start < heading_end or is_question_at(doc.text, start, end):
                continue
            at = bisect_right(silent_starts, start) - 1
            if at >= 0 and start < silent[at][1]:  # `assertions.inside`, bisected without a key
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
            result.append(Sentence(start, end, (), paragraph))
        return result

    def _with_clauses(self, text: str, sentence: Sentence) -> Sentence:
        """The sentence with its clauses, found on the first claim that asks for them."""
        if not sentence.clauses:  # a sentence has one clause at least, once they are found
            sentence.clauses = self._breaks.split(text, sentence.start, sentence.end)
        return sentence

    def _claim(
        self,
        doc: Document,
        sentences: list[Sentence],
        index: int,
        local: Local,
        event_type: EventType,
        triggers: list[TriggerMention],
        rivals: Sequence[int] = (),
    ) -> Claim:
        """The claim of `triggers`; `rivals` are where the sentence's triggers of the other
        types of claim start (a figure nearer one of them is theirs)."""
        sentence = sentences[index]
        clauses = holding(sentence.clauses, [t.start for t in triggers])
        # With no place of its own, the event is where its speakers are ("Residents of Nusay
        # said the Taliban raised their flag there").
        places = self._places(
            local, sentence, clauses, event_type, triggers, rivals
        ) or self._spoken.between(sentence.start, sentence.end)
        # Both sides of a clash, and those who speak in a statement, are its actors.
        previous = (sentences[index - 1].start, sentences[index - 1].end) if index else None
        actors = self._actors.pick(
            doc,
            (sentence.start, sentence.end),
            previous,
            (local.actors, local.attributions),
            clauses,
            event_type in WHOLE_SENTENCE,
        )
        quantities = (
            figures(local.quantities, sentence.clauses, clauses, local.triggers, triggers, rivals)
            if local.quantities
            else []
        )
        date = self._date(doc, sentence, local, clauses, self._main(doc.text, triggers).start)
        attribution = self._attribution(sentence, local)
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
        claim.confidence = self._confidence(claim, triggers, len(attribution) > len(self._chain))
        if _ASIDE.fullmatch(claim.evidence_text) is not None and self._bare(local, clauses, claim):
            claim.confidence = 0.0
        return claim

    def _main(self, text: str, triggers: list[TriggerMention]) -> TriggerMention:
        """The trigger that dates the claim: a trigger in a relative clause describes a
        participant ("the servicemen who crossed on 5 July were flown back on Saturday"), so
        the date goes by the first one that does not."""
        if len(triggers) == 1:
            return triggers[0]
        return next((t for t in triggers if not self._groups.describes(text, t)), triggers[0])

    def _bare(self, local: Local, clauses: list[Span], claim: Claim) -> bool:
        """A trigger with nothing of its own around it ("(...; exercise material)") that lacks
        an argument its type needs is a word in passing, not a claim."""
        mentions: list[PlaceMention | ActorMention | QuantityMention] = [
            *local.places,
            *local.actors,
            *local.quantities,
        ]
        if any(within(m, clauses) for m in mentions):
            return False
        required, _ = self._specs.get(claim.type, ((), ()))
        have = {"actor": claim.actors, "place": claim.places, "quantity": claim.quantities}
        return any(not have.get(a, True) for a in required)

    def _places(
        self,
        local: Local,
        sentence: Sentence,
        clauses: list[Span],
        event_type: EventType,
        own: list[TriggerMention],
        rivals: Sequence[int],
    ) -> list[PlaceMention]:
        """The places of the claim's clauses (`spans.nearer` its triggers), else of the
        sentence outside other claims' clauses."""
        if not local.places:
            return []
        if rivals:
            found = [
                p
                for p in local.places
                if within(p, clauses) and spans.nearer(p, own, rivals, clauses)
            ]
        else:  # no rival is nearer: every place of the clauses is the claim's
            found = [p for p in local.places if within(p, clauses)]
        if not found:  # a clash "after clashes with Afghan forces" is where the rest happened
            others = holding(
                [c for c in sentence.clauses if c not in clauses],
                [t.start for t in local.triggers if t.event_type != event_type],
            )
            clash = event_type is EventType.ARMED_CLASH
            found = [
                p for p in local.places if not within(p, others) or (clash and p.kind != "country")
            ]
        if len(found) == 1 and not self._own_ancestor:
            return found  # no place to repeat it or to hold it
        return spans.without_context(found, self._ancestors, self._standing)

    def _date(
        self,
        doc: Document,
        sentence: Sentence,
        local: Local,
        clauses: list[Span],
        trigger_at: int,
    ) -> DateMention | None:
        if local.dates:
            found = [d for d in local.dates if within(d, clauses)]
            for dates in (found, local.dates) if found else (local.dates,):
                # A log line's stamp yields to a date its message gives ("since Sun"); "this
                # year" dates nothing.
                candidates = self._framing.candidates(doc, dates)
                if len(candidates) == 1:
                    return candidates[0]
                if candidates:
                    text = doc.text
                    return min(candidates, key=lambda d: running_time.distance(text, d, trigger_at))
        now = self._present.search_any(doc.text, clauses)  # "are now stuck"
        return self._running_time.before(doc, sentence.start, now)

    def _attribution(self, sentence: Sentence, local: Local) -> tuple[str, ...]:
        """The sentence's own chain, else the latest of its paragraph before it, else the
        report's."""
        if local.attributions:
            return local.attributions[-1].chain
        earlier = self._sources.between(sentence.paragraph, sentence.start)
        return earlier[-1].chain if earlier else self._chain

    def _confidence(
        self, claim: Claim, triggers: list[TriggerMention], own_attribution: bool
    ) -> float:
        """Rule-based: the strongest trigger, more for each argument found, less for each
        required argument missing, a little more for a named source."""
        required, wanted = self._specs.get(claim.type, ((), ()))
        present = {
            "actor": bool(claim.actors),
            "place": _identified(claim.places),
            "date": claim.date is not None,
            "quantity": bool(claim.quantities),
        }
        if len(triggers) == 1:
            score = self._strength.get(triggers[0].rule, 0.5)
        else:
            score = max(self._strength.get(t.rule, 0.5) for t in triggers)
        score += 0.03 * sum([present[a] for a in wanted])
        score -= 0.15 * sum([not present[a] for a in required])
        score += 0.03 if own_attribution else 0.0
        return min(0.99, max(0.05, score))


def _identified(places: list[PlaceMention]) -> bool:
    """Whether one of a claim's places is in the gazetteer."""
    for place in places:  # noqa: SIM110 - a loop, not any(): asked for every claim
        if place.place_id:
            return True
    return False
