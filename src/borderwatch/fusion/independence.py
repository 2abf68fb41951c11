"""Which claims corroborate each other independently, and the credibility 1–6 that follows."""

from __future__ import annotations

from collections.abc import Sequence

from borderwatch.fusion.events import ClaimLink, Conflict
from borderwatch.fusion.records import GRADES, ClaimRecord
from borderwatch.fusion.rules import CredibilityRule, FusionRules
from borderwatch.fusion.similarity import similarity


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
    group: dict[int, int] = {}
    links = []
    for index, claim in enumerate(ordered):
        depends_on, why = None, ""
        for earlier in ordered[:index]:
            reason = _dependency(claim, earlier, rules)
            if reason is not None:
                depends_on, why = earlier.claim_id, reason
                break
        group[claim.claim_id] = group[depends_on] if depends_on is not None else claim.claim_id
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
