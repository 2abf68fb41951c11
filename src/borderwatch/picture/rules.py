"""Impact-level rules as data: conditions, thresholds, levels and the reaction each calls for."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from borderwatch.types import ImpactLevel

RULES_FILE = Path(__file__).parent / "data" / "impact_rules.json"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LevelReaction(_Strict):
    """An impact level and the reaction it calls for."""

    level: ImpactLevel
    reaction: str = Field(min_length=1)


class ImpactRule(_Strict):
    """One condition on a section's state that raises its impact level to at least `level`."""

    id: str
    condition: Literal["far_side_non_state", "recent_events", "people_crossed"]
    level: ImpactLevel
    reason: str
    event_types: list[str] = []
    within_days: int = Field(default=0, ge=0)
    more_than: float = 0


class ImpactRules(_Strict):
    """The whole rule set, with where its levels and reactions come from."""

    source: str = Field(min_length=1)
    levels: list[LevelReaction] = Field(min_length=4, max_length=4)
    rules: list[ImpactRule]
    activity_window_days: int = Field(ge=1)
    critical_when_high_rules_at_least: int = Field(ge=1)
    # The home state's own ground changing hands is an extraordinary claim: the picture shows it
    # only from an event at least this credible (Admiralty 1-6), and notes weaker reports.
    home_side_control_max_credibility: int = Field(default=6, ge=1, le=6)

    def reaction(self, level: ImpactLevel) -> str:
        """The reaction a level calls for."""
        return next(r.reaction for r in self.levels if r.level == level)

    @property
    def longest_window(self) -> int:
        """The longest look-back of any rule, in days."""
        return max([self.activity_window_days, *(r.within_days for r in self.rules)])


@cache
def load_impact_rules(path: Path = RULES_FILE) -> ImpactRules:
    """The impact rules shipped with borderwatch, checked against their schema."""
    return ImpactRules.model_validate(json.loads(path.read_text(encoding="utf-8")))
