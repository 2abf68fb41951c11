"""Which claims corroborate each other independently, and the credibility 1–6 that follows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from borderwatch.fusion.events import ClaimLink, Conflict
from borderwatch.fusion.records import GRADES, ClaimRecord
from borderwatch.fusion.rules import CredibilityRule, FusionRules
from borderwatch.fusion.similarity import near_duplicates, similarity


def _normal(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


def _dependency(claim: ClaimRecord, earlier: ClaimRecord, rules: FusionRules) -> str | None:
    """Why `claim` adds nothing independent to `earlier`, or None if it does."""
    if claim.report_id == earlier.report_id:
        return f"same report as claim {earlier.claim_id}"
    score = similarity(claim.fingerprint, earlier.fingerprint)
    if score >= rules.near_duplicate_jaccard:
        return (
            f"near-identical text to report {earlier.report_id} "
            f"({earlier.source or 'unknown publisher'}; similarity {score:.2f})"
        )
    if _normal(claim.origin) == _normal(earlier.origin):
        return f"cites the same origin as claim {earlier.claim_id}: {earlier.origin}"
    return None


def link_claims(members: Sequence[ClaimRecord], rules: FusionRules) -> list[ClaimLink]:
    """Each claim with whether it counts: a claim depending on an earlier one counts once."""
    ordered = sorted(members, key=lambda r: r.claim_id)
    seen = _Earlier.of(ordered, rules)
    links = []
    for index, claim in enumerate(ordered):
        depends_on, why = None, ""
        earliest = _earliest_dependency(index, claim, seen)
        if earliest is not None:
            earlier = ordered[earliest]
            depends_on, why = earlier.claim_id, _dependency(claim, earlier, rules) or ""
        links.append(
            ClaimLink(
                claim_id=claim.claim_id,
                report_id=claim.report_id,
                source=claim.source,
                grade=claim.grade if claim.grade in GRADES and claim.grade else "F",
                origin=claim.origin,
                attribution=tuple(claim.attribution),
                received_at=claim.received_at,
                counts=depends_on is None,
                depends_on=depends_on,
                dependency=why,
            )
        )
    return links


@dataclass
class _Earlier:
    """Where each report and each origin first appears among an event's ordered claims, and
    which claims' texts are near-duplicates of which: the first earlier claim a claim depends on
    is found from these without comparing it with every earlier claim."""

    report: dict[int, int] = field(default_factory=dict)
    origin: dict[str, int] = field(default_factory=dict)
    text: dict[tuple[int, ...], int] = field(default_factory=dict)
    copies: dict[tuple[int, ...], set[tuple[int, ...]]] = field(default_factory=dict)

    @classmethod
    def of(cls, ordered: Sequence[ClaimRecord], rules: FusionRules) -> _Earlier:
        """Where reports, origins and texts first appear among claims in claim order."""
        found = cls()
        for index, claim in enumerate(ordered):
            found.report.setdefault(claim.report_id, index)
            found.origin.setdefault(_normal(claim.origin), index)
            found.text.setdefault(claim.fingerprint, index)
        found.copies = near_duplicates(found.text, rules.near_duplicate_jaccard)
        return found


def _earliest_dependency(index: int, claim: ClaimRecord, earlier: _Earlier) -> int | None:
    """The position of the first earlier claim that `claim` depends on, if any."""
    firsts = [earlier.report[claim.report_id], earlier.origin[_normal(claim.origin)]]
    firsts.extend(earlier.text[s] for s in earlier.copies[claim.fingerprint])
    before = [i for i in firsts if i < index]
    return min(before) if before else None


def independent_grades(links: Sequence[ClaimLink]) -> list[str]:
    """The best grade of each independent group (the claim that counts and those under it)."""
    best: dict[int, str] = {}
    root: dict[int, int] = {}
    for link in links:
        head = root[link.depends_on] if link.depends_on is not None else link.claim_id
        root[link.claim_id] = head
        best[head] = min(best.get(head, "F"), link.grade)
    return [best[head] for head in sorted(best)]


def credibility(
    links: Sequence[ClaimLink], conflicts: Sequence[Conflict], rules: FusionRules
) -> CredibilityRule:
    """The first credibility rule the event satisfies (the last rule always matches)."""
    grades = independent_grades(links)
    reliable = sum(1 for g in grades if g in rules.reliable_grades)
    best = min(grades, default="F")
    for rule in rules.credibility:
        if (
            len(grades) >= rule.min_independent
            and reliable >= rule.min_reliable
            and best in rule.best_grade_in
            and not (rule.without_conflicts and conflicts)
        ):
            return rule
    return rules.credibility[-1]
