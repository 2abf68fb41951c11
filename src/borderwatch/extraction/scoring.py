"""Scoring predicted claims against gold claims: alignment, then precision/recall/F1 per field."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from borderwatch.extraction.gold import GoldClaim
from borderwatch.types import Qualifier

FIELDS = ("type", "place", "date", "quantity", "actor", "attribution")
# The targets, measured on reports the team has never seen.
TARGETS = {"type_f1": 0.85, "place_f1": 0.85, "quantity_right": 0.90, "date_right": 0.85}
# Below this share of the gold evidence's words found in the prediction's evidence, two claims
# are not about the same sentence and are never aligned.
_MIN_EVIDENCE_OVERLAP = 0.5
_ARTICLES = frozenset(("a", "an", "the"))
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ScoredClaim:
    """A claim reduced to the judged fields, gold or predicted alike."""

    type: str
    date: str | None
    place_ids: frozenset[str]
    actor_ids: frozenset[str]
    quantities: tuple[tuple[float, str], ...]
    attribution: tuple[str, ...]
    evidence: str


@dataclass(slots=True)
class FieldScore:
    """True positives, false positives and false negatives of one field, and their ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted items that are right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items that were found (1.0 when there was nothing to find)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0 if not self.fp else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """How many gold items the field has."""
        return self.tp + self.fn

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Count more outcomes."""
        self.tp += tp
        self.fp += fp
        self.fn += fn


@dataclass(slots=True)
class Share:
    """How many of the matched claims that carry a field have it right."""

    right: int = 0
    judged: int = 0

    @property
    def value(self) -> float:
        """The share (1.0 when nothing was judged)."""
        return self.right / self.judged if self.judged else 1.0


@dataclass(slots=True)
class Miss:
    """A claim that did not align or a field that was wrong, for people tuning the pipeline."""

    report: str
    kind: str
    gold: str | None
    predicted: str | None


@dataclass(slots=True)
class Scorecard:
    """Every field's score over a set of reports, plus the shares the issue sets targets on."""

    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    quantity_right: Share = field(default_factory=Share)
    date_right: Share = field(default_factory=Share)
    reports: int = 0
    gold_claims: int = 0
    predicted_claims: int = 0
    matched_claims: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def overall(self) -> FieldScore:
        """All fields pooled (micro average)."""
        total = FieldScore()
        for score in self.fields.values():
            total.add(score.tp, score.fp, score.fn)
        return total

    def targets(self) -> dict[str, bool]:
        """Whether each of the issue's targets is met."""
        measured = {
            "type_f1": self.fields["type"].f1,
            "place_f1": self.fields["place"].f1,
            "quantity_right": self.quantity_right.value,
            "date_right": self.date_right.value,
        }
        return {name: measured[name] >= goal for name, goal in TARGETS.items()}

    def to_json(self) -> dict[str, Any]:
        """The scorecard as printed by `borderwatch evaluate --format json`."""
        rows = {name: _field_json(score) for name, score in self.fields.items()}
        rows["overall"] = _field_json(self.overall)
        return {
            "reports": self.reports,
            "gold_claims": self.gold_claims,
            "predicted_claims": self.predicted_claims,
            "matched_claims": self.matched_claims,
            "fields": rows,
            "quantity_right": _share_json(self.quantity_right),
            "date_right": _share_json(self.date_right),
            "targets": self.targets(),
        }


def _field_json(score: FieldScore) -> dict[str, Any]:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "support": score.support,
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
    }


def _share_json(share: Share) -> dict[str, Any]:
    return {"share": round(share.value, 4), "right": share.right, "judged": share.judged}


def from_gold(claim: GoldClaim) -> ScoredClaim:
    """A gold claim reduced to the judged fields."""
    return ScoredClaim(
        type=claim.type.value,
        date=claim.date.isoformat() if claim.date else None,
        place_ids=frozenset(p.place_id for p in claim.places if p.place_id),
        actor_ids=frozenset(claim.actors),
        quantities=tuple(sorted(_quantity_key(q.value, q.qualifier) for q in claim.quantities)),
        attribution=tuple(_source_key(s) for s in claim.attribution),
        evidence=claim.evidence,
    )


def from_prediction(claim: dict[str, Any]) -> ScoredClaim:
    """A predicted claim (the JSON of DESIGN.md's contract) reduced to the judged fields."""
    evidence = claim.get("evidence") or {}
    return ScoredClaim(
        type=str(claim.get("type")),
        date=claim.get("date"),
        place_ids=frozenset(p["place_id"] for p in claim.get("places", []) if p.get("place_id")),
        actor_ids=frozenset(a["actor_id"] for a in claim.get("actors", []) if a.get("actor_id")),
        quantities=tuple(
            sorted(
                _quantity_key(float(q["value"]), Qualifier(q["qualifier"]))
                for q in claim.get("quantities", [])
            )
        ),
        attribution=tuple(_source_key(s) for s in claim.get("attribution", [])),
        evidence=str(evidence.get("text", "")) if isinstance(evidence, dict) else str(evidence),
    )


def _quantity_key(value: float, qualifier: Qualifier) -> tuple[float, str]:
    # Fractions are compared to three decimals (two-thirds = 0.667), counts exactly.
    return (round(value, 3), qualifier.value)


def _source_key(name: str) -> str:
    # "AKI press" and "AKIpress", "a local official" and "local official" are one source:
    # spacing, case and a leading article are not what is judged.
    words = name.casefold().split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return "".join(ch for ch in "".join(words) if ch.isalnum())


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def evidence_overlap(gold: str, predicted: str) -> float:
    """Share of the gold evidence's words that occur in the predicted evidence."""
    if gold.casefold() in predicted.casefold():
        return 1.0
    wanted = _words(gold)
    return len(wanted & _words(predicted)) / len(wanted) if wanted else 0.0


def _pair_score(gold: ScoredClaim, predicted: ScoredClaim) -> float:
    overlap = evidence_overlap(gold.evidence, predicted.evidence)
    if overlap < _MIN_EVIDENCE_OVERLAP:
        return 0.0
    places = gold.place_ids | predicted.place_ids
    place_agreement = len(gold.place_ids & predicted.place_ids) / len(places) if places else 1.0
    # Type dominates, then the sentence, then the places: two claims of one sentence are told
    # apart by type first ("took control" vs "fled across" in one sentence).
    return 2.0 * (gold.type == predicted.type) + overlap + 0.5 * place_agreement


def align(gold: Sequence[ScoredClaim], predicted: Sequence[ScoredClaim]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index): best-scoring pairs first, each claim used once."""
    candidates = [
        (score, g, p)
        for g, gold_claim in enumerate(gold)
        for p, predicted_claim in enumerate(predicted)
        if (score := _pair_score(gold_claim, predicted_claim)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, p in candidates:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((g, p))
    return sorted(pairs)


def _set_outcome(gold: Iterable[Any], predicted: Iterable[Any]) -> tuple[int, int, int]:
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def _score_pair(card: Scorecard, gold: ScoredClaim, predicted: ScoredClaim) -> None:
    fields = card.fields
    right_type = gold.type == predicted.type
    fields["type"].add(int(right_type), int(not right_type), int(not right_type))
    fields["place"].add(*_set_outcome(gold.place_ids, predicted.place_ids))
    fields["actor"].add(*_set_outcome(gold.actor_ids, predicted.actor_ids))
    fields["quantity"].add(*_set_outcome(gold.quantities, predicted.quantities))
    both_dated = gold.date is not None and predicted.date is not None
    right_date = both_dated and gold.date == predicted.date
    fields["date"].add(
        int(right_date),
        int(predicted.date is not None and not right_date),
        int(gold.date is not None and not right_date),
    )
    common = _lcs(gold.attribution, predicted.attribution)
    fields["attribution"].add(
        common, len(predicted.attribution) - common, len(gold.attribution) - common
    )
    if gold.quantities or predicted.quantities:
        card.quantity_right.judged += 1
        card.quantity_right.right += int(gold.quantities == predicted.quantities)
    if gold.date is not None or predicted.date is not None:
        card.date_right.judged += 1
        card.date_right.right += int(gold.date == predicted.date)


def _score_unmatched(card: Scorecard, claim: ScoredClaim, *, is_gold: bool) -> None:
    for name, count in (
        ("type", 1),
        ("place", len(claim.place_ids)),
        ("actor", len(claim.actor_ids)),
        ("quantity", len(claim.quantities)),
        ("date", int(claim.date is not None)),
        ("attribution", len(claim.attribution)),
    ):
        card.fields[name].add(0, 0 if is_gold else count, count if is_gold else 0)


def score_report(
    card: Scorecard, report: str, gold: Sequence[ScoredClaim], predicted: Sequence[ScoredClaim]
) -> None:
    """Add one report's claims to the scorecard, with the misses a person would look at."""
    pairs = align(gold, predicted)
    card.reports += 1
    card.gold_claims += len(gold)
    card.predicted_claims += len(predicted)
    card.matched_claims += len(pairs)
    for g, p in pairs:
        _score_pair(card, gold[g], predicted[p])
        card.misses.extend(_field_misses(report, gold[g], predicted[p]))
    matched_gold = {g for g, _ in pairs}
    matched_predicted = {p for _, p in pairs}
    for g, claim in enumerate(gold):
        if g not in matched_gold:
            _score_unmatched(card, claim, is_gold=True)
            card.misses.append(Miss(report, "missed", _describe(claim), None))
    for p, claim in enumerate(predicted):
        if p not in matched_predicted:
            _score_unmatched(card, claim, is_gold=False)
            card.misses.append(Miss(report, "spurious", None, _describe(claim)))


def _describe(claim: ScoredClaim) -> str:
    evidence = claim.evidence if len(claim.evidence) <= 80 else claim.evidence[:77] + "..."
    return f"{claim.type} «{evidence}»"


def _field_misses(report: str, gold: ScoredClaim, predicted: ScoredClaim) -> list[Miss]:
    compared = (
        ("type", gold.type, predicted.type),
        ("place", sorted(gold.place_ids), sorted(predicted.place_ids)),
        ("date", gold.date, predicted.date),
        ("quantity", list(gold.quantities), list(predicted.quantities)),
        ("actor", sorted(gold.actor_ids), sorted(predicted.actor_ids)),
        ("attribution", list(gold.attribution), list(predicted.attribution)),
    )
    where = _describe(gold)
    return [
        Miss(report, f"wrong {name}", f"{where}: {want}", str(got))
        for name, want, got in compared
        if want != got
    ]


def score(
    reports: Iterable[tuple[str, Sequence[ScoredClaim], Sequence[ScoredClaim]]],
) -> Scorecard:
    """The scorecard of (report name, gold claims, predicted claims) triples."""
    card = Scorecard()
    for name, gold, predicted in reports:
        score_report(card, name, gold, predicted)
    return card
