"""When two claims tell of the same event: type, place (or parent/child), time, actors, figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from borderwatch.fusion.records import ClaimRecord, PlaceIndex
from borderwatch.fusion.rules import FusionRules

# A figure this small ("two districts", "3 soldiers") matches too many unrelated reports to
# tie claims about different places together.
MIN_MATCHING_FIGURE = 50
BOTH_SIDES = frozenset({"cross_border_movement"})


@dataclass(frozen=True, slots=True)
class MatchKey:
    """What matching compares, worked out once per claim."""

    claim_id: int
    type: str
    day: date | None
    date_assumed: bool
    low: int | None
    high: int | None
    specific: frozenset[str]
    tokens: frozenset[str]
    countries: frozenset[str]
    actors: frozenset[str]
    figures: frozenset[int]
    spans: tuple[tuple[float, float], ...] = ()

    @property
    def placeless(self) -> bool:
        """Whether the claim names no place at all, not even a country."""
        return not self.specific and not self.countries


def claim_day(record: ClaimRecord) -> tuple[date | None, str, bool]:
    """The claim's valid day and precision; an undated claim borrows its report's publish date."""
    stated = record.stated_date
    if stated is not None:
        return stated, record.precision, False
    if record.published_on is not None:
        return record.published_on, "unknown", True
    return None, "unknown", False


def match_key(record: ClaimRecord, places: PlaceIndex, rules: FusionRules) -> MatchKey:
    """The matching key of one claim."""
    day, precision, assumed = claim_day(record)
    tolerance = rules.tolerance(rules.undated_assumed_precision if assumed else precision)
    low = high = None
    if day is not None:
        low, high = (day - timedelta(days=tolerance)).toordinal(), day.toordinal() + tolerance
    specific, countries = set(), set()
    for place_id in record.place_ids:
        kind = places.kind(place_id)
        if kind is None:
            continue
        if kind == "country":
            countries.add(places.places[place_id].country)
        else:
            specific.add(place_id)
    tokens = set(specific)
    for place_id in specific:
        tokens.update(a for a in places.ancestors(place_id) if places.kind(a) != "country")
    countries.update(str(p.get("country")) for p in record.places if p.get("country"))
    if record.type in BOTH_SIDES and countries:
        # A crossing happens in both countries: "fled Afghanistan" and "entered Tajikistan"
        # tell of the same movement.
        countries |= places.countries
    return MatchKey(
        claim_id=record.claim_id,
        type=record.type,
        day=day,
        date_assumed=assumed,
        low=low,
        high=high,
        specific=frozenset(specific),
        tokens=frozenset(tokens),
        countries=frozenset(countries),
        actors=record.actor_ids,
        figures=_figures(record),
        spans=_spans(record),
    )


def _figures(record: ClaimRecord) -> frozenset[int]:
    found = set()
    for quantity in record.quantities:
        if quantity.get("qualifier") == "fraction":
            continue
        try:
            value = round(float(quantity.get("value") or 0))
        except (TypeError, ValueError):
            continue
        if value >= MIN_MATCHING_FIGURE:
            found.add(value)
    return frozenset(found)


def _spans(record: ClaimRecord) -> tuple[tuple[float, float], ...]:
    found = []
    for quantity in record.quantities:
        if quantity.get("qualifier") == "fraction":
            continue
        try:
            low = float(quantity.get("low") or quantity.get("value") or 0)
            high = float(quantity.get("high") or quantity.get("value") or 0)
        except (TypeError, ValueError):
            continue
        if high >= MIN_MATCHING_FIGURE:
            found.append((low, high))
    return tuple(found)


def spans_overlap(a: MatchKey, b: MatchKey) -> bool:
    """Whether some figure of `a` and some figure of `b` can be the same number."""
    return any(al <= bh and bl <= ah for al, ah in a.spans for bl, bh in b.spans)


def times_compatible(a: MatchKey, b: MatchKey) -> bool:
    """Both undated, or both dated with overlapping windows."""
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return a.low is None and b.low is None
    return a.low <= b.high and b.low <= a.high


def places_compatible(a: MatchKey, b: MatchKey) -> bool:
    """Same place or a parent/child; a country-wide claim and one within that country; a claim
    with no place whose figure fits; or, whatever the places, the same distinctive figure
    (someone has the place wrong)."""
    if a.figures & b.figures:
        return True
    if a.placeless != b.placeless and spans_overlap(a, b):
        # "over 1,000 fled" with no place and "1,037 crossed at Darvoz": one movement.
        return True
    if a.specific and b.specific:
        return bool(a.specific & b.tokens or b.specific & a.tokens)
    if not a.specific and not b.specific and not a.countries and not b.countries:
        return True
    return bool(a.countries & b.countries)


def compatible(a: MatchKey, b: MatchKey) -> bool:
    """Whether two claims tell of the same event."""
    if a.type != b.type or not times_compatible(a, b):
        return False
    if a.actors and b.actors and not a.actors & b.actors:
        return False
    return places_compatible(a, b)
