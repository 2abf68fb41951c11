"""Value types shared by every flow step: the closed vocabularies of DESIGN.md."""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    """What a claim or an event says happened (DESIGN.md, "Event types")."""

    TERRITORIAL_CONTROL_CHANGE = "territorial_control_change"
    ARMED_CLASH = "armed_clash"
    CROSS_BORDER_MOVEMENT = "cross_border_movement"
    TROOP_DEPLOYMENT = "troop_deployment"
    MOBILISATION = "mobilisation"
    BORDER_CLOSURE_OR_OPENING = "border_closure_or_opening"
    HUMANITARIAN_ASSISTANCE = "humanitarian_assistance"
    REFUGEE_PREPARATION = "refugee_preparation"
    DIPLOMATIC_STATEMENT_OR_SUPPORT = "diplomatic_statement_or_support"
    MILITARY_EXERCISE = "military_exercise"
    OTHER = "other"


class Qualifier(StrEnum):
    """How a reported figure relates to the true value."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    UP_TO = "up_to"
    FRACTION = "fraction"


class DatePrecision(StrEnum):
    """How precisely a valid time is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class ImpactLevel(StrEnum):
    """EUROSUR impact levels for a border section (Regulation 2019/1896, Art. 34-35)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for low up to 3 for critical, for comparisons."""
        return list(ImpactLevel).index(self)


class Reliability(StrEnum):
    """NATO/Admiralty source reliability, A (completely reliable) to F (cannot be judged)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Role(StrEnum):
    """What a user may do: viewers read, analysts review, planners plan, admins administer."""

    ADMIN = "admin"
    ANALYST = "analyst"
    PLANNER = "planner"
    VIEWER = "viewer"
