"""Alerts: a change of control or impact level on a section, with the events that caused it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from borderwatch.fusion.events import Event
from borderwatch.picture.compute import picture
from borderwatch.picture.frame import Frame
from borderwatch.picture.rules import ImpactRules, load_impact_rules
from borderwatch.picture.state import SectionState


@dataclass(frozen=True, slots=True)
class Alert:
    """One change on one section on one valid day."""

    section_id: str
    kind: str
    side: str
    valid_on: date
    before: str
    after: str
    event_ids: tuple[str, ...]
    message: str


def change_days(events: Sequence[Event], rules: ImpactRules) -> list[date]:
    """The days on which a section's state can change: event days and the day a rule lapses."""
    days: set[date] = set()
    for event in events:
        if event.date is not None:
            days.add(event.date)
            days.update(event.date + timedelta(days=r.within_days) for r in rules.rules)
            days.add(event.date + timedelta(days=rules.activity_window_days))
    return sorted(days)


def alerts(
    frame: Frame,
    events: Sequence[Event],
    rules: ImpactRules | None = None,
    since: date | None = None,
) -> list[Alert]:
    """Every change of control or impact level, replaying the events in valid-time order;
    only from `since` on when given (a section's state is the same on every day between two
    change days, so the day before `since` stands for the last change before it)."""
    rules = rules or load_impact_rules()
    days = [d for d in change_days(events, rules) if since is None or d >= since]
    if not days:
        return []
    before = picture(frame, events, days[0] - timedelta(days=1), rules=rules)
    found: list[Alert] = []
    for day in days:
        now = picture(frame, events, day, rules=rules)
        for old, new in zip(before.sections, now.sections, strict=True):
            found.extend(_changes(old, new, day))
        before = now
    return found


def _changes(old: SectionState, new: SectionState, day: date) -> list[Alert]:
    section = new.section.id
    found = []
    for side, was, now in (("far", old.far, new.far), ("near", old.near, new.near)):
        if was.controller != now.controller:
            found.append(
                Alert(
                    section,
                    "control",
                    side,
                    day,
                    was.controller,
                    now.controller,
                    now.events,
                    f"{side} side of section {section} ({now.unit}) passed from "
                    f"{was.controller} to {now.controller}",
                )
            )
    if old.impact_level != new.impact_level:
        causes = tuple(dict.fromkeys(e for r in new.reasons for e in r.events))
        why = "; ".join(r.text for r in new.reasons) or "no rule applies any more"
        found.append(
            Alert(
                section,
                "impact",
                "",
                day,
                old.impact_level.value,
                new.impact_level.value,
                causes,
                f"section {section} impact level {old.impact_level.value} → "
                f"{new.impact_level.value}: {why}",
            )
        )
    return found
