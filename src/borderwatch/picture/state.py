"""The state of every border section at a valid time, from events: control, activity, impact."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from borderwatch.fusion.events import Event
from borderwatch.types import EventType, ImpactLevel

if TYPE_CHECKING:
    from borderwatch.picture.frame import Frame, SectionFrame

CONTROL = EventType.TERRITORIAL_CONTROL_CHANGE.value
CROSSING = EventType.CROSS_BORDER_MOVEMENT.value
# Place kinds inside a district that stand for the district's border: taking the crossing town
# takes the bank (Shir Khan Bandar, June 2021).
BORDER_POINTS = frozenset({"crossing", "settlement"})


@dataclass(frozen=True, slots=True)
class SideState:
    """Who holds one side of a section, since when, and on the strength of which events."""

    country: str
    unit: str | None
    controller: str
    non_state: bool
    since: date | None = None
    events: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reason:
    """A rule that fired on a section, the level it calls for, and the events behind it."""

    rule: str
    level: ImpactLevel
    text: str
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionState:
    """One section at one valid time."""

    section: SectionFrame
    far: SideState
    near: SideState
    activity: Mapping[str, tuple[str, ...]]
    people_crossed: float
    crossing_events: tuple[str, ...]
    impact_level: ImpactLevel
    reasons: tuple[Reason, ...]
    reaction: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Picture:
    """Every section's state, and the whole border's figures, as of a day and as known at a time."""

    as_of: date
    known_at: datetime | None
    sections: tuple[SectionState, ...]
    figures: BorderFigures


@dataclass(frozen=True)
class BorderFigures:
    """Length and share of the border by far-side controller, beside what reports claim."""

    official_length_km: float
    official_length_source: str
    by_controller: tuple[tuple[str, float, float], ...]
    reported: tuple[ReportedShare, ...] = ()
    people_crossed: float = 0.0
    crossing_events: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReportedShare:
    """A reported share of the border under someone's control, beside the computed share."""

    text: str
    value: float
    controller: str
    attribution: str
    event_id: str
    computed_share: float

    @property
    def sentence(self) -> str:
        """The claim and the computed figure in one line, for people."""
        return (
            f"claimed {self.text or f'{self.value:.0%}'} under {self.controller} control, "
            f"per {self.attribution}; computed from district control: {self.computed_share:.0%}"
        )


def reach(event: Event, frame: Frame) -> frozenset[str]:
    """The event's places and every place that contains them."""
    found: set[str] = set()
    for place in event.places:
        found.add(place.place_id)
        found.update(frame.places.ancestors(place.place_id))
    return frozenset(found)


def touches(event: Event, section: SectionFrame, frame: Frame) -> bool:
    """Whether an event happened on this section: at one of its units, inside one, or a crossing."""
    own = set(section.units.values()) | set(section.crossings)
    for place in (p.place_id for p in event.places):
        if place in own or any(a in own for a in frame.places.ancestors(place)):
            return True
    return False


def dated(events: Sequence[Event], as_of: date) -> list[Event]:
    """The events that had happened by `as_of`, in the order they happened."""
    return sorted((e for e in events if e.date and e.date <= as_of), key=lambda e: (e.date, e.id))


def side_state(
    frame: Frame,
    unit: str | None,
    country: str,
    controls: Sequence[Event],
    max_credibility: int = 6,
) -> tuple[SideState, list[str]]:
    """Who holds a unit after the control changes so far, and notes on reports too vague or too
    doubtful to use: a change counts only from an event of `max_credibility` or better (1 is
    confirmed, 6 truth cannot be judged)."""
    if unit is None:
        return SideState(country, None, "unknown", False), []
    controller = frame.initial_controller(unit)
    since: date | None = None
    causes: list[str] = []
    notes: list[str] = []
    for event in controls:
        if not _names_unit(event, unit, frame):
            if any(_wider_area(p.place_id, unit, frame) for p in event.places):
                notes.append(
                    f"{event.id} reports a change for the wider area, not for this district"
                )
            continue
        taker = _taker(event, controller, frame)
        if taker is not None and event.credibility > max_credibility:
            notes.append(
                f"{event.id} reports {taker} took {unit}; not applied: credibility "
                f"{event.credibility} ({event.credibility_meaning}), {max_credibility} or better "
                "is needed on this side"
            )
        elif taker is not None:
            start = frame.initial_controller(unit)
            # A state's forces retaking ground restore the state's control, under its own name.
            controller = start if frame.side(taker) == frame.side(start) else taker
            since, causes = event.date, [*causes, event.id]
    return SideState(
        country, unit, controller, frame.non_state(controller), since, tuple(causes)
    ), notes


def _taker(event: Event, controller: str, frame: Frame) -> str | None:
    """The most named actor of the event that can hold ground and is not the holder's side."""
    holder = frame.side(controller)
    for actor in event.actor_ids:
        if frame.holds_ground(actor) and frame.side(actor) != holder:
            return actor
    return None


def _names_unit(event: Event, unit: str, frame: Frame) -> bool:
    for place in (p.place_id for p in event.places):
        if place == unit:
            return True
        if frame.places.kind(place) in BORDER_POINTS and unit in frame.places.ancestors(place):
            return True
    return False


def _wider_area(place: str, unit: str, frame: Frame) -> bool:
    # A province-level report: the named place contains the unit, but the report does not say
    # which of the province's districts changed hands, so control of the unit is left as it was.
    return place in frame.places.ancestors(unit) and frame.places.kind(place) != "country"
