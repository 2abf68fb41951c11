"""What-if: two deployment plans side by side, section by section (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from borderwatch.planning.deploy import DeploymentPlan, SectionAllocation


@dataclass(frozen=True)
class SectionDifference:
    """One section in plan A and plan B (absent from a plan: None)."""

    section: str
    name: str
    a: SectionAllocation | None
    b: SectionAllocation | None

    @property
    def change(self) -> int:
        """Personnel in B minus personnel in A."""
        return (self.b.personnel if self.b else 0) - (self.a.personnel if self.a else 0)

    def to_json(self) -> dict[str, Any]:
        """The row as printed by `plan compare --format json`."""
        return {
            "section": self.section,
            "name": self.name,
            "level_a": self.a.section.impact_level.value if self.a else None,
            "level_b": self.b.section.impact_level.value if self.b else None,
            "personnel_a": self.a.personnel if self.a else None,
            "personnel_b": self.b.personnel if self.b else None,
            "change": self.change,
        }


@dataclass(frozen=True)
class PlanComparison:
    """Plan A and plan B with the difference per section and in total."""

    a: DeploymentPlan
    b: DeploymentPlan
    sections: tuple[SectionDifference, ...]

    def to_json(self) -> dict[str, Any]:
        """The comparison as printed by `plan compare --format json`."""
        return {
            "a": {k: v for k, v in self.a.to_json().items() if k != "sections"},
            "b": {k: v for k, v in self.b.to_json().items() if k != "sections"},
            "sections": [row.to_json() for row in self.sections],
        }


def compare(plan_a: DeploymentPlan, plan_b: DeploymentPlan) -> PlanComparison:
    """Line two plans up by section id, in A's order, then sections only B has."""
    in_a = {a.section.id: a for a in plan_a.allocations}
    in_b = {b.section.id: b for b in plan_b.allocations}
    order = list(in_a) + [key for key in in_b if key not in in_a]
    rows = tuple(
        SectionDifference(
            key,
            (in_a.get(key) or in_b[key]).section.name,
            in_a.get(key),
            in_b.get(key),
        )
        for key in order
    )
    return PlanComparison(plan_a, plan_b, rows)
