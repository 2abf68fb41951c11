"""The fusion rules as data: date tolerances, the near-duplicate threshold, credibility 1–6."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

RULES_FILE = Path(__file__).parent / "data" / "fusion_rules.json"


class CredibilityRule(BaseModel):
    """One row of the credibility table; the first row an event satisfies gives its credibility."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    credibility: int = Field(ge=1, le=6)
    meaning: str
    min_independent: int = Field(ge=0)
    min_reliable: int = Field(ge=0)
    best_grade_in: str = Field(default="ABCDEF", pattern="^[A-F]+$")
    without_conflicts: bool = False


class FusionRules(BaseModel):
    """Everything fusion decides by rule rather than by code, with where the rules come from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1)
    date_tolerance_days: dict[str, int]
    undated_assumed_precision: str
    near_duplicate_jaccard: float = Field(gt=0, le=1)
    shingle_words: int = Field(ge=1)
    credibility: list[CredibilityRule] = Field(min_length=1)
    reliable_grades: str

    def tolerance(self, precision: str) -> int:
        """Days either side a date of this precision may stand for (0 for an exact day)."""
        return self.date_tolerance_days.get(precision, 0)


@cache
def load_rules(path: Path = RULES_FILE) -> FusionRules:
    """The fusion rules shipped with borderwatch, checked against their schema."""
    return FusionRules.model_validate(json.loads(path.read_text(encoding="utf-8")))
