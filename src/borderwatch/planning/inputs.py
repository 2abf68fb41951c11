"""Planning inputs from the region pack and the picture: sections, levels, arrivals history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from borderwatch.errors import InputError
from borderwatch.fusion.events import Event
from borderwatch.picture.frame import Frame, SectionFrame
from borderwatch.picture.state import Picture, touches
from borderwatch.planning.arrivals import ArrivalsHistory
from borderwatch.planning.deploy import SectionInput
from borderwatch.planning.schemas import PackPlanning
from borderwatch.types import EventType, ImpactLevel

CROSSING = EventType.CROSS_BORDER_MOVEMENT.value
CONTROL = EventType.TERRITORIAL_CONTROL_CHANGE.value
CLASH = EventType.ARMED_CLASH.value


def parse_levels(values: Iterable[str], frame: Frame) -> dict[str, ImpactLevel]:
    """`SECTION=LEVEL` or `UNIT=LEVEL` (every section facing that unit) as a level per section."""
    levels: dict[str, ImpactLevel] = {}
    for value in values:
        key, sep, name = value.partition("=")
        if not sep:
            raise InputError(f"--level {value!r}: write SECTION=LEVEL, e.g. s16=high")
        try:
            level = ImpactLevel(name.strip().lower())
        except ValueError:
            known = ", ".join(level.value for level in ImpactLevel)
            raise InputError(f"--level {value!r}: unknown level {name!r} ({known})") from None
        matched = [s.id for s in frame.sections if key in (s.id, *s.units.values())]
        if not matched:
            raise InputError(f"--level {value!r}: no section or facing unit {key!r} in the pack")
        levels.update(dict.fromkeys(matched, level))
    return levels


def crossing_points(section: SectionFrame, frame: Frame, facing: Mapping[str, str]) -> int:
    """Crossing points on a section: a bridge named on both banks counts once."""
    ids = set(section.crossings)
    return sum(1 for place in ids if not (facing.get(place) in ids and facing[place] < place))


def terrain_factor(section: SectionFrame, planning: PackPlanning) -> float:
    """The section's own terrain factor, else its near or far unit's, else the pack default."""
    for key in (section.id, *section.units.values()):
        if key in planning.terrain:
            return planning.terrain[key]
    return planning.terrain_default


def place_name(frame: Frame, place_id: str) -> str:
    """A place's name in the frame, or its id when the pack does not know it."""
    info = frame.places.places.get(place_id)
    return info.name if info else place_id


def section_name(section: SectionFrame, frame: Frame) -> str:
    """`Khwahan (AF) - Shamsiddin Shohin (TJ)`: the two facing units by name."""
    names = [
        f"{place_name(frame, section.units[country])} ({country})"
        for country in (frame.far_country, frame.home_country)
        if country in section.units
    ]
    return " - ".join(names)


def section_inputs(
    frame: Frame,
    planning: PackPlanning,
    facing: Mapping[str, str],
    levels: Mapping[str, ImpactLevel],
    controllers: Mapping[str, str] | None = None,
) -> list[SectionInput]:
    """One SectionInput per section of the pack, at the level given (low where none is)."""
    return [
        SectionInput(
            id=s.id,
            length_km=s.length_km,
            impact_level=levels.get(s.id, ImpactLevel.LOW),
            crossings=crossing_points(s, frame, facing),
            terrain_factor=terrain_factor(s, planning),
            far_side_controller=(controllers or {}).get(s.id),
            name=section_name(s, frame),
        )
        for s in frame.sections
    ]


def picture_levels(picture: Picture) -> tuple[dict[str, ImpactLevel], dict[str, str]]:
    """Impact level and far-side controller of every section in the picture."""
    levels = {state.section.id: state.impact_level for state in picture.sections}
    controllers = {state.section.id: state.far.controller for state in picture.sections}
    return levels, controllers


def histories_from_events(
    events: Sequence[Event], frame: Frame, as_of: date
) -> list[ArrivalsHistory]:
    """Daily arrivals per far-side unit from crossing events, with its control changes and clashes.

    An event touching several far-side units (a province-wide figure) is shared equally among
    them, so each person is counted once.
    """
    daily: dict[str, dict[date, float]] = defaultdict(dict)
    changes: dict[str, set[date]] = defaultdict(set)
    clashes: dict[str, set[date]] = defaultdict(set)
    units = _far_units(frame)
    for event in events:
        if event.date is None or event.date > as_of:
            continue
        hit = sorted({s.units[frame.far_country] for s in units if touches(event, s, frame)})
        for unit in hit:
            if event.type == CROSSING and event.consolidated:
                day = daily[unit]
                day[event.date] = day.get(event.date, 0.0) + event.consolidated / len(hit)
            elif event.type == CONTROL:
                changes[unit].add(event.date)
            elif event.type == CLASH:
                clashes[unit].add(event.date)
    return [
        ArrivalsHistory(
            section=unit,
            daily={day: round(count) for day, count in daily[unit].items()},
            control_changes=tuple(sorted(changes[unit])),
            clashes=tuple(sorted(clashes[unit])),
            name=place_name(frame, unit),
        )
        for unit in sorted({s.units[frame.far_country] for s in units})
    ]


def _far_units(frame: Frame) -> list[SectionFrame]:
    return [s for s in frame.sections if frame.far_country in s.units]


def sections_by_far_unit(frame: Frame) -> dict[str, list[str]]:
    """The sections facing each far-side unit, in border order."""
    result: dict[str, list[str]] = defaultdict(list)
    for s in _far_units(frame):
        result[s.units[frame.far_country]].append(s.id)
    return dict(result)
