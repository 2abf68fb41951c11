"""The picture: every section's state at a valid time, its impact level, the border's figures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from borderwatch.fusion.events import Event, Figure
from borderwatch.picture.frame import Frame, SectionFrame
from borderwatch.picture.rules import ImpactRule, ImpactRules, load_impact_rules
from borderwatch.picture.state import (
    CONTROL,
    CROSSING,
    BorderFigures,
    Picture,
    Reason,
    ReportedShare,
    SectionState,
    SideState,
    dated,
    reach,
    side_state,
    touches,
)
from borderwatch.types import ImpactLevel

PEOPLE_UNITS = frozenset({"person", "people", ""})


def picture(
    frame: Frame,
    events: Sequence[Event],
    as_of: date,
    known_at: datetime | None = None,
    rules: ImpactRules | None = None,
) -> Picture:
    """The picture as of `as_of` from `events` (already limited to what was known at `known_at`)."""
    rules = rules or load_impact_rules()
    happened = dated(events, as_of)
    # Worked out once per event, not once per event and section.
    reaches = {e.id: reach(e, frame) for e in happened}
    states = tuple(section_state(frame, s, happened, as_of, rules, reaches) for s in frame.sections)
    return Picture(as_of, known_at, states, border_figures(frame, states, happened))


def section_state(
    frame: Frame,
    section: SectionFrame,
    happened: Sequence[Event],
    as_of: date,
    rules: ImpactRules,
    reaches: Mapping[str, frozenset[str]] | None = None,
) -> SectionState:
    """One section's state from the events that had happened by `as_of` (`reaches`: each
    event's places and those containing them, when already worked out)."""
    here = _here(frame, section, happened, reaches)
    controls = [e for e in happened if e.type == CONTROL]
    far, far_notes = side_state(
        frame, section.units.get(frame.far_country), frame.far_country, controls
    )
    near, near_notes = side_state(
        frame,
        section.units.get(frame.home_country),
        frame.home_country,
        controls,
        rules.home_side_control_max_credibility,
    )
    window = as_of - timedelta(days=rules.activity_window_days)
    activity: defaultdict[str, list[str]] = defaultdict(list)
    for event in here:
        if event.date and event.date > window:
            activity[event.type].append(event.id)
    crossings = [e for e in here if _people(e) > 0]
    reasons = tuple(r for rule in rules.rules if (r := _apply(rule, far, here, as_of)) is not None)
    level = impact_level(reasons, rules)
    return SectionState(
        section=section,
        far=far,
        near=near,
        activity={k: tuple(v) for k, v in sorted(activity.items())},
        people_crossed=sum(_people(e) for e in crossings),
        crossing_events=tuple(e.id for e in crossings),
        impact_level=level,
        reasons=reasons,
        reaction=rules.reaction(level),
        notes=tuple(dict.fromkeys(far_notes + near_notes)),
    )


def _here(
    frame: Frame,
    section: SectionFrame,
    happened: Sequence[Event],
    reaches: Mapping[str, frozenset[str]] | None,
) -> list[Event]:
    """The events that happened on the section."""
    if reaches is None:
        return [e for e in happened if touches(e, section, frame)]
    own = {*section.units.values(), *section.crossings}
    return [e for e in happened if not own.isdisjoint(reaches[e.id])]


def _people(event: Event) -> float:
    """People an event says crossed: its consolidated figure, counted once per event."""
    if event.type != CROSSING or event.consolidated is None:
        return 0.0
    return event.consolidated if event.consolidated_unit in PEOPLE_UNITS else 0.0


def _apply(rule: ImpactRule, far: SideState, here: Sequence[Event], as_of: date) -> Reason | None:
    since = as_of - timedelta(days=rule.within_days)
    recent = [e for e in here if e.date and e.date > since]
    if rule.condition == "far_side_non_state":
        if not far.non_state:
            return None
        return Reason(
            rule.id, rule.level, rule.reason.format(controller=far.controller), far.events
        )
    if rule.condition == "recent_events":
        hits = [e for e in recent if e.type in rule.event_types]
        count: float = len(hits)
    else:
        hits = [e for e in recent if _people(e) > 0]
        count = sum(_people(e) for e in hits)
    if count <= rule.more_than:
        return None
    text = rule.reason.format(count=f"{count:,.0f}", days=rule.within_days)
    return Reason(rule.id, rule.level, text, tuple(e.id for e in hits))


def impact_level(reasons: Sequence[Reason], rules: ImpactRules) -> ImpactLevel:
    """The highest level any rule calls for; enough high rules together make it critical."""
    highs = sum(1 for r in reasons if r.level.rank >= ImpactLevel.HIGH.rank)
    if highs >= rules.critical_when_high_rules_at_least:
        return ImpactLevel.CRITICAL
    return max((r.level for r in reasons), key=lambda lv: lv.rank, default=ImpactLevel.LOW)


def border_figures(
    frame: Frame, states: Sequence[SectionState], happened: Sequence[Event]
) -> BorderFigures:
    """Length and share by far-side controller, the claimed shares beside them, people crossed."""
    total = sum(s.section.length_km for s in states) or frame.official_length_km
    lengths: defaultdict[str, float] = defaultdict(float)
    for state in states:
        lengths[state.far.controller] += state.section.length_km
    by_controller = tuple(
        (c, round(km, 1), km / total) for c, km in sorted(lengths.items(), key=lambda i: -i[1])
    )
    crossings = [e for e in happened if _people(e) > 0]
    return BorderFigures(
        official_length_km=frame.official_length_km,
        official_length_source=frame.official_length_source,
        by_controller=by_controller,
        reported=tuple(_reported(frame, happened, lengths, total)),
        people_crossed=sum(_people(e) for e in crossings),
        crossing_events=tuple(e.id for e in crossings),
    )


def _border_share(event: Event, figure: Figure) -> bool:
    """A fraction in a control change is a share of the border ("two-thirds of the border");
    elsewhere only when it says it is of the border."""
    if figure.qualifier != "fraction":
        return False
    return event.type == CONTROL or "border" in figure.of.lower()


def _reported(
    frame: Frame, happened: Sequence[Event], lengths: Mapping[str, float], total: float
) -> list[ReportedShare]:
    """Claimed shares of the border, each beside the share computed for the same controller:
    the event's first non-state actor, else all non-state controllers together."""
    non_state = sum(km for c, km in lengths.items() if frame.non_state(c)) / total
    found = []
    for event in happened:
        links = {link.claim_id: link for link in event.claims}
        names = dict(event.actors)
        holder = next((a for a in event.actor_ids if frame.non_state(a)), None)
        for figure in event.figures:
            if not _border_share(event, figure):
                continue
            chain = links[figure.claim_id].attribution or (figure.source,)
            found.append(
                ReportedShare(
                    text=figure.text,
                    value=figure.value,
                    controller=names.get(holder, holder) if holder else "non-state",
                    attribution=" via ".join(reversed(chain)),
                    event_id=event.id,
                    computed_share=lengths.get(holder, 0.0) / total if holder else non_state,
                )
            )
    return found
