"""Claims in, events out: the pure core of fusion, for a full rebuild or one changed event."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from borderwatch.fusion import consolidate
from borderwatch.fusion.events import Event, EventPlace, Flag, event_order
from borderwatch.fusion.independence import credibility, link_claims
from borderwatch.fusion.index import EventIndex, event_id
from borderwatch.fusion.records import ClaimRecord, PlaceIndex
from borderwatch.fusion.rules import FusionRules, load_rules


def fuse(
    records: Iterable[ClaimRecord], places: PlaceIndex, rules: FusionRules | None = None
) -> list[Event]:
    """Every event the claims make, in the order they happened; same claims, same events."""
    index = EventIndex(places, rules)
    index.add(sorted(records, key=lambda r: r.claim_id))
    return sorted((fused(index, e) for e in index.events), key=event_order)


def fused(index: EventIndex, event: str) -> Event:
    """One event of an index, summarised, with the group it belongs to."""
    summary = summarise(index.members(event), index.places, index.rules)
    return replace(summary, group=index.group_of(event))


def summarise(
    members: Sequence[ClaimRecord], places: PlaceIndex, rules: FusionRules | None = None
) -> Event:
    """One event from the claims grouped into it."""
    rules = rules or load_rules()
    members = sorted(members, key=lambda r: r.claim_id)
    links = link_claims(members, rules)
    counting = {link.claim_id for link in links if link.counts}
    grade = {link.claim_id: link.grade for link in links}
    found = consolidate.figures(members)
    unit = consolidate.main_unit(found)
    value, span = consolidate.consolidated(found, unit, grade)
    # Claims that name only a country ("large areas of Afghanistan") join an event but do not
    # date it when claims about its districts do.
    dating = [m for m in members if _names_below_country(m, places)] or members
    day, precision, conflicts = consolidate.event_date(dating)
    conflicts += consolidate.figure_conflicts(found, unit)
    outliers = consolidate.place_outliers(members, places)
    conflicts += consolidate.place_conflicts(members, places, outliers)
    rule = credibility(links, conflicts, rules)
    received = [m.received_at for m in members if m.received_at is not None]
    return Event(
        id=event_id(m.claim_id for m in members),
        type=members[0].type,
        date=day,
        date_precision=precision,
        places=_places(members, places, outliers),
        actors=_actors(members),
        figures=tuple(found),
        figure_range=span,
        consolidated=value,
        consolidated_unit=unit,
        conflicts=tuple(conflicts),
        flags=tuple(flags(members, places)),
        claims=tuple(links),
        independent_sources=len(counting),
        credibility=rule.credibility,
        credibility_meaning=rule.meaning,
        first_known_at=min(received, default=None),
    )


def _places(
    members: Sequence[ClaimRecord], places: PlaceIndex, outliers: set[int]
) -> tuple[EventPlace, ...]:
    found: dict[str, EventPlace] = {}
    for claim in members:
        if claim.claim_id in outliers:
            continue
        for p in claim.places:
            place_id = p.get("place_id")
            if place_id and place_id in places.places and place_id not in found:
                info = places.places[place_id]
                name = str(p.get("name") or info.name or place_id)
                found[place_id] = EventPlace(place_id, name, info.kind, info.country)
    return tuple(found[k] for k in sorted(found))


def _actors(members: Sequence[ClaimRecord]) -> tuple[tuple[str, str], ...]:
    count: Counter[str] = Counter()
    names: dict[str, str] = {}
    for claim in members:
        for actor in claim.payload.get("actors") or []:
            actor_id = str(actor.get("actor_id") or actor.get("name") or "")
            if actor_id:
                count[actor_id] += 1
                names.setdefault(actor_id, str(actor.get("name") or actor_id))
    return tuple((a, names[a]) for a in sorted(count, key=lambda a: (-count[a], a)))


def flags(members: Sequence[ClaimRecord], places: PlaceIndex) -> list[Flag]:
    """What is missing or wrong in the claims, explained: kept and shown, never dropped."""
    found: list[Flag] = []

    def flag(code: str, message: str, claims: Iterable[ClaimRecord]) -> None:
        ids = tuple(sorted(c.claim_id for c in claims))
        if ids:
            found.append(Flag(code, message, ids))

    resolved = any(p in places.places for c in members for p in c.place_ids)
    flag(
        "no_place", "no claim names a place in the region's gazetteer", [] if resolved else members
    )
    for claim in members:
        for p in claim.places:
            _place_flags(claim, p, places, flag)
    undated = [c for c in members if c.stated_date is None]
    if len(undated) == len(members):
        flag(
            "no_date",
            "no claim states when it happened; the report's publication date is "
            "used where there is one",
            undated,
        )
    late = [
        c for c in members if c.stated_date and c.published_on and c.stated_date > c.published_on
    ]
    flag("date_after_report", "a claim dates the event after its own report was published", late)
    return found


def _place_flags(
    claim: ClaimRecord,
    place: Mapping[str, Any],
    places: PlaceIndex,
    flag: Callable[[str, str, Iterable[ClaimRecord]], None],
) -> None:
    text = str(place.get("text") or place.get("name") or "?")
    place_id = place.get("place_id")
    country = str(place.get("country") or "")
    if not place_id and country and country not in places.countries:
        flag("outside_region", f"{text!r} is in {country}, outside the region", [claim])
    elif not place_id:
        flag("unresolved_place", f"{text!r} could not be resolved to one place", [claim])
    elif place_id not in places.places:
        flag("outside_region", f"{text!r} ({place_id}) is not a place of the region", [claim])


def _names_below_country(claim: ClaimRecord, places: PlaceIndex) -> bool:
    return any(places.kind(p) not in (None, "country") for p in claim.place_ids)
