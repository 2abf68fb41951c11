"""Figures, dates and places of an event's claims: kept side by side, disagreements flagged."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from borderwatch.fusion.events import Conflict, Figure
from borderwatch.fusion.matching import claim_day
from borderwatch.fusion.records import ClaimRecord, PlaceIndex

# How far a qualified figure may lie from its stated value, as a factor; "about 1,000" is taken
# to cover 900-1,100 so that it does not conflict with "1,037".
ABOUT_MARGIN = 0.1


def figures(members: Sequence[ClaimRecord]) -> list[Figure]:
    """Every figure every claim states, with its source and qualifier."""
    found = []
    for claim in sorted(members, key=lambda r: r.claim_id):
        for q in claim.quantities:
            try:
                value = float(q.get("value") or 0)
            except (TypeError, ValueError):
                continue
            found.append(
                Figure(
                    value=value,
                    qualifier=str(q.get("qualifier") or "exact"),
                    unit=str(q.get("unit") or ""),
                    of=str(q.get("of") or ""),
                    text=str(q.get("text") or ""),
                    source=claim.source,
                    origin=claim.origin,
                    claim_id=claim.claim_id,
                )
            )
    return found


def bounds(figure: Figure) -> tuple[float, float]:
    """The interval a qualified figure allows."""
    v, q = figure.value, figure.qualifier
    table = {
        "about": (v * (1 - ABOUT_MARGIN), v * (1 + ABOUT_MARGIN)),
        "more_than": (math.nextafter(v, math.inf), math.inf),
        "at_least": (v, math.inf),
        "less_than": (0.0, math.nextafter(v, -math.inf)),
        "up_to": (0.0, v),
    }
    return table.get(q, (v, v))


def main_unit(found: Sequence[Figure]) -> str:
    """The unit most figures count (people, for a crossing), ignoring fractions."""
    units = Counter(f.unit for f in found if f.qualifier != "fraction")
    return min(units, key=lambda u: (-units[u], u)) if units else ""


def consolidated(
    found: Sequence[Figure], unit: str, grade: dict[int, str]
) -> tuple[float | None, tuple[float, float] | None]:
    """The figure that fits the claims of the most origins ("1,037" fits "over 1,000" too; best
    grade, then largest, wins a tie), and the range of all figures. Counting origins rather than
    the claims chosen for corroboration keeps it from hanging on the order reports came in."""
    counted = [f for f in found if f.unit == unit and f.qualifier != "fraction"]
    if not counted:
        return None, None
    values = sorted({f.value for f in counted})
    support = {
        v: len({f.origin.casefold() for f in counted if bounds(f)[0] <= v <= bounds(f)[1]})
        for v in values
    }
    best_grade = {
        v: min(grade.get(f.claim_id, "F") for f in counted if f.value == v) for v in values
    }
    chosen = min(values, key=lambda v: (-support[v], best_grade[v], -v))
    return chosen, (values[0], values[-1])


def figure_conflicts(found: Sequence[Figure], unit: str) -> list[Conflict]:
    """A conflict when no single number fits every claimed figure of the event's main unit."""
    counted = [f for f in found if f.unit == unit and f.qualifier != "fraction"]
    if len(counted) < 2:
        return []
    low = max(bounds(f)[0] for f in counted)
    high = min(bounds(f)[1] for f in counted)
    if low <= high:
        return []
    said = "; ".join(f"{f.text or f.value:} per {f.source or f.origin}" for f in counted)
    return [Conflict("figure", f"figures disagree: {said}")]


REPORTING_LAG_DAYS = 2


def event_date(members: Sequence[ClaimRecord]) -> tuple[date | None, str, list[Conflict]]:
    """The day the claims' origins state (the earliest within the reporting lag, else the one
    most origins state), its precision, and the conflicts."""
    stated = [(c, c.stated_date) for c in members if c.stated_date is not None]
    if not stated:
        assumed = sorted(d for d in (claim_day(c)[0] for c in members) if d is not None)
        return (assumed[0] if assumed else None), "unknown", []
    # One vote per origin and day, whichever of an origin's claims is the one counted for
    # corroboration: the date must not hang on the order the reports came in.
    voters = {(c.origin.casefold(), d) for c, d in stated}
    votes: Counter[date] = Counter(d for _, d in voters)
    chosen = min(votes, key=lambda d: (-votes[d], d))
    earliest = min(votes)
    if (chosen - earliest).days <= REPORTING_LAG_DAYS:
        # Reports lag events: a later day within the lag is the same event learned later, so
        # the earliest day a source states is when it happened.
        chosen = earliest
    precision = next(c.precision for c, d in stated if d == chosen)
    days = sorted({d for c, d in stated if c.precision == "day"})
    conflicts = []
    if len(days) > 1:
        said = "; ".join(
            f"{d.isoformat()} per {', '.join(sorted({c.source for c, e in stated if e == d}))}"
            for d in days
        )
        conflicts.append(Conflict("date", f"dates differ: {said}"))
    return chosen, precision, conflicts


def _specific(claim: ClaimRecord, places: PlaceIndex) -> frozenset[str]:
    return frozenset(p for p in claim.place_ids if places.kind(p) not in (None, "country"))


class _Kinship:
    """Which sets of places are related (one names a place, its parent or its child): worked out
    once per distinct pair of place sets, since an event's claims name few distinct sets."""

    def __init__(self, places: PlaceIndex) -> None:
        self.places = places
        self._up: dict[frozenset[str], frozenset[str]] = {}
        self._related: dict[tuple[frozenset[str], frozenset[str]], bool] = {}

    def upward(self, ids: frozenset[str]) -> frozenset[str]:
        """The places and all their ancestors."""
        found = self._up.get(ids)
        if found is None:
            found = ids.union(*(self.places.ancestors(p) for p in ids))
            self._up[ids] = found
        return found

    def related(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Whether some place of `a` is, contains or lies within some place of `b`."""
        key = (a, b) if hash(a) <= hash(b) else (b, a)
        found = self._related.get(key)
        if found is None:
            found = bool(a & self.upward(b) or b & self.upward(a))
            self._related[key] = found
        return found


def place_outliers(members: Sequence[ClaimRecord], places: PlaceIndex) -> set[int]:
    """Claims whose places agree with no other claim's while at least two others agree on
    theirs: the event is not placed there (the disagreement is shown as a conflict)."""
    named = {c.claim_id: s for c in members if (s := _specific(c, places))}
    if len(named) < 3:
        return set()
    kin = _Kinship(places)
    claims_naming = Counter(named.values())
    # A set two claims name agrees with itself; a set named once must meet a related one.
    lonely = {
        ids
        for ids, count in claims_naming.items()
        if count == 1 and not any(kin.related(ids, o) for o in claims_naming if o != ids)
    }
    return {claim_id for claim_id, ids in named.items() if ids in lonely}


def place_conflicts(
    members: Sequence[ClaimRecord], places: PlaceIndex, outliers: set[int] | None = None
) -> list[Conflict]:
    """Claims tied by the same figure that name unrelated places: someone has the place wrong."""
    if outliers is None:
        outliers = place_outliers(members, places)
    named = [(c, _specific(c, places)) for c in sorted(members, key=lambda r: r.claim_id)]
    named = [(c, ids) for c, ids in named if ids]
    if outliers:
        agreed = sorted({p for c, ids in named if c.claim_id not in outliers for p in ids})
        return [
            Conflict(
                "place",
                f"places disagree: {_names(places, ids)} per {c.source} (claim {c.claim_id}), "
                f"where the other claims say {_names(places, agreed)}; the event is not "
                f"placed at {_names(places, ids)}",
            )
            for c, ids in named
            if c.claim_id in outliers
        ]
    pair = _first_unrelated(named, _Kinship(places))
    if pair is None:
        return []
    (a, a_ids), (b, b_ids) = pair
    return [
        Conflict(
            "place",
            f"places disagree: {_names(places, a_ids)} per {a.source} "
            f"(claim {a.claim_id}); {_names(places, b_ids)} per {b.source} "
            f"(claim {b.claim_id})",
        )
    ]


Named = tuple[ClaimRecord, frozenset[str]]


def _first_unrelated(named: Sequence[Named], kin: _Kinship) -> tuple[Named, Named] | None:
    """The first claim (in order) with a later claim naming unrelated places, and the first such
    later claim: found by distinct place sets, not by comparing every pair of claims."""
    at: dict[frozenset[str], list[int]] = {}
    for position, (_, ids) in enumerate(named):
        at.setdefault(ids, []).append(position)
    if len(at) < 2:
        return None  # every claim names the same places
    for position, (_, ids) in enumerate(named):
        later = [
            nxt
            for other, spots in at.items()
            if not kin.related(ids, other) and (nxt := _next_after(spots, position)) is not None
        ]
        if later:
            return named[position], named[min(later)]
    return None


def _next_after(positions: list[int], position: int) -> int | None:
    index = bisect_right(positions, position)
    return positions[index] if index < len(positions) else None


def _names(places: PlaceIndex, ids: Iterable[str]) -> str:
    return ", ".join(sorted(_name(places, p) for p in ids))


def _name(places: PlaceIndex, place_id: str) -> str:
    info = places.places.get(place_id)
    return info.name or place_id if info else place_id
