"""The learned claim finder: adds the claims the trigger rules miss where the sentence model
is confident, after `ClaimAssembler` has made the rules' claims.

- A sentence gets a claim of a type when the model's probability reaches the type's threshold
  (higher by the model's `claimed_margin` where the rules already made a claim of another type)
  and no claim of that type stands on the sentence yet.
- The claim is assembled by `ClaimAssembler.claims_for` (arguments of the clause, date,
  attribution, the same non-assertion filters), with the sentence's most telling word as its
  trigger and the model's probability as its confidence.
- A rule claim whose type the model scores below `drop_below` (0 keeps them all) takes the
  type the model scores highest, when that type reaches its threshold and the sentence has no
  claim of it yet ("trucks carrying flour crossed" is aid, not a movement), keeping the
  arguments the rules found; else it is dropped if its confidence is below `drop_weaker_than`
  (a strong rule on a short sentence stands: the model knows little of such a sentence).
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from operator import attrgetter, lt

from borderwatch.extraction.claims import ClaimAssembler
from borderwatch.extraction.document import Claim, Document, TriggerMention
from borderwatch.extraction.sentence_features import FeatureIds
from borderwatch.extraction.sentence_model import SentenceModel, SentenceReader, SentenceView
from borderwatch.extraction.spans import Span
from borderwatch.types import EventType

RULE = "sentence-model"
_MAX_CONFIDENCE = 0.99
_EVIDENCE_START = attrgetter("evidence_start")
_FLAT = 20.0
# A sentence's rule claims settled: the ids of those to drop, those retyped with their new type.
_Settled = tuple[list[int], list[tuple[Claim, EventType]]]


class SentenceClaims:
    """Pipeline component: claims of types the sentence model is sure of and no rule found."""

    name: str = "sentence_claims"
    adds: tuple[str, ...] = ("claims",)

    def __init__(self, assembler: ClaimAssembler, model: SentenceModel) -> None:
        self._assembler = assembler
        self._model = model
        self._thresholds = dict(model.thresholds)
        # A sentence with a rule claim gets no more when its bar is out of reach (the shipped
        # settings): it needs only its claims' types scored, and all of them only to retype.
        lowest = min(self._thresholds.values(), default=1.0)
        self._bar_out_of_reach = lowest + model.claimed_margin > 1.0
        self._skip_claimed = self._bar_out_of_reach and model.drop_below <= 0.0
        # Log-odds under which a type surely stays below a bar, packed for `model.below`.
        margin = model.claimed_margin
        self._add_below = model.bars(self._below(0.0))
        self._claimed_add_below = model.bars(self._below(margin))
        bars = {t: self._thresholds.get(t, 1.0) for t in model.types}
        self._retype_bounds = [model.bounds(bars[t]) for t in model.types]
        self._retype_below = [low for low, _ in self._retype_bounds]
        # Log-odds this far apart give probabilities apart by far more than their rounding.
        self._apart = 1e-4 + 4 * model.band
        self._drop_bounds = model.bounds(model.drop_below)

    def _below(self, margin: float) -> list[float]:
        """Per type of `model.types`, the log-odds under which it surely stays below its
        threshold plus `margin` (-inf where it may always reach it, inf where it has none)."""
        bars = self._thresholds
        return [
            self._model.bounds(bars[t] + margin)[0] if t in bars else math.inf
            for t in self._model.types
        ]

    def __call__(self, doc: Document) -> Document:
        spans = self._assembler.sentence_spans(doc)
        features = FeatureIds(self._model, doc, spans)
        dropped: set[int] = set()
        exact: list[tuple[int, list[Claim]]] = []
        claims = sorted(doc.claims, key=_EVIDENCE_START)
        claim_starts = [c.evidence_start for c in claims]
        for index, (start, end) in enumerate(spans):
            own = claims[bisect_left(claim_starts, start) : bisect_left(claim_starts, end)]
            if own and self._skip_claimed:
                continue
            total = self._model.total(features.ids(index))
            if not own:  # nothing to settle: it gains a claim or not
                if not self._model.below(total, self._add_below):
                    exact.append((index, own))
                continue
            settled = self._settled(own, total)
            if settled is None:
                exact.append((index, own))
                continue
            dropped.update(settled[0])
            for rule_claim, event_type in settled[1]:
                rule_claim.type = event_type
        triggers, confidences = self._exact(doc, spans, exact, dropped)
        added = self._assembler.claims_for(doc, triggers)
        kept = [c for c in doc.claims if id(c) not in dropped]
        for claim, confidence in zip(added, confidences, strict=True):
            if claim is not None:
                claim.confidence = min(_MAX_CONFIDENCE, confidence)
                kept.append(claim)
        doc.claims = sorted(kept, key=_EVIDENCE_START)
        return doc

    def _settled(self, own: list[Claim], total: int) -> _Settled | None:
        """What becomes of a sentence's rule claims (the ids of those to drop, the new types of
        those retyped) where its log-odds summed in any order settle every question far enough
        from its bar that the order of the sum cannot change the answer; None where they do
        not, or where the sentence may get a claim (its confidence needs the sum in order)."""
        model = self._model
        if not self._bar_out_of_reach and not model.below(total, self._claimed_add_below):
            return None
        low, high = self._drop_bounds
        settled: _Settled = ([], [])
        types = [c.type for c in own]  # as `_doubted` sees them, retyped one after another
        logits: list[float] = []
        for n, rule_claim in enumerate(own):
            logit = model.logit(total, rule_claim.type)
            if logit > high:
                continue
            logits = logits or model.logits(total)
            sure, best = self._best(logits, types)
            if logit >= low or not sure:
                return None
            if best is not None:
                types[n] = best
                settled[1].append((rule_claim, best))
            elif rule_claim.confidence < model.drop_weaker_than:
                settled[0].append(id(rule_claim))
        return settled

    def _best(self, logits: list[float], types: list[EventType]) -> tuple[bool, EventType | None]:
        """Whether the log-odds tell for sure which type `_retyped` would give a doubted claim,
        and that type (None: not retyped)."""
        if all(map(lt, logits, self._retype_below)):
            return True, None
        top, second = heapq.nlargest(2, logits) if len(logits) > 1 else (logits[0], -math.inf)
        # Beyond 20 the sigmoid is too flat, and too near a tie, to tell the largest apart.
        if top > _FLAT or second > top - self._apart:
            return False, None
        index = logits.index(top)
        best = self._model.types[index]
        low, high = self._retype_bounds[index]
        if best in types or top < low:
            return True, None
        return top > high, best

    def _exact(
        self,
        doc: Document,
        spans: list[Span],
        exact: list[tuple[int, list[Claim]]],
        dropped: set[int],
    ) -> tuple[list[TriggerMention], list[float]]:
        """The triggers and confidences of the claims to add, and the rule claims to drop (into
        `dropped`), of the sentences `_settled` left: scored with the sums in their own order."""
        triggers: list[TriggerMention] = []
        confidences: list[float] = []
        if not exact:
            return triggers, confidences
        reader = SentenceReader(doc)
        for index, own in exact:
            view = reader.view(*spans[index], index)
            rows = self._model.view_rows(view)
            if own and self._bar_out_of_reach:
                dropped.update(self._doubted(own, rows))
                continue
            probabilities = self._model.row_probabilities(rows)
            dropped.update(self._doubted(own, rows, probabilities))
            for event_type, probability in self._wanted(probabilities, own):
                trigger = self._trigger(view, event_type)
                if trigger is not None:
                    triggers.append(trigger)
                    confidences.append(probability)
        return triggers, confidences

    def _doubted(
        self,
        own: list[Claim],
        rows: list[tuple[float, ...]],
        probabilities: dict[EventType, float] | None = None,
    ) -> list[int]:
        """The ids of a sentence's rule claims to drop: doubted, weak and not retyped (every
        type is scored once one of them is doubted: a doubted claim may be retyped)."""
        model = self._model
        dropped = []
        for rule_claim in own:
            if probabilities is None:
                if model.row_probability(rows, rule_claim.type) >= model.drop_below:
                    continue
                probabilities = model.row_probabilities(rows)
            elif probabilities[rule_claim.type] >= model.drop_below:
                continue
            weak = rule_claim.confidence < model.drop_weaker_than
            if not self._retyped(rule_claim, probabilities, own) and weak:
                dropped.append(id(rule_claim))
        return dropped

    def _wanted(
        self, probabilities: dict[EventType, float], own: list[Claim]
    ) -> list[tuple[EventType, float]]:
        """The types to add to a sentence: confident enough, not claimed there yet."""
        have = {c.type for c in own}
        margin = self._model.claimed_margin if own else 0.0
        return [
            (t, p)
            for t, threshold in self._thresholds.items()
            if t not in have and (p := probabilities[t]) >= threshold + margin
        ]

    def _retyped(
        self, claim: Claim, probabilities: dict[EventType, float], own: list[Claim]
    ) -> bool:
        """Give a doubted rule claim the model's best type, if the model is sure of it and the
        sentence has no claim of it; whether it did."""
        best = max(probabilities, key=probabilities.__getitem__)
        if best in {c.type for c in own} or probabilities[best] < self._thresholds.get(best, 1.0):
            return False
        claim.type = best
        return True

    def _trigger(self, view: SentenceView, event_type: EventType) -> TriggerMention | None:
        token = self._model.trigger_token(view, event_type)
        if token is None:
            return None
        return TriggerMention(token.start, token.end, token.text, event_type, RULE)
