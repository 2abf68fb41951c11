"""How a place component chooses among a name's candidates: by kind, by the side a spelling
belongs to, cities over their districts, a report's own country; and each place's parents."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Mapping

from borderwatch.extraction.document import ActorMention, PlaceMention
from borderwatch.region.names import Match, Resolution, Spot

# The share of a report's places that must lie in one country for it to settle shared names.
_REPORT_COUNTRY_SHARE = 0.7


def outside(spots: list[Spot], actors: list[ActorMention]) -> list[Spot]:
    """The spots that overlap no actor's span (an actor's name is not a place)."""
    spans = sorted((a.start, a.end) for a in actors)
    starts = [a for a, _ in spans]
    # reach[k]: the furthest end among the first k spans, to test overlap with one bisect
    reach = [-1, *itertools.accumulate((b for _, b in spans), max)]
    return [s for s in spots if reach[bisect_left(starts, s.end)] <= s.start]


def of_kind(
    resolution: Resolution, first: Resolution, kind: str, country: str | None
) -> Match | None:
    """The best candidate of `kind` (and of `country` when known) among both resolutions; a
    river is a border river, whichever side the sentence is on ("the Afghan bank of the Panj")."""
    for match in (*resolution.matches, *first.matches):
        if match.place.kind == kind and (kind == "river" or country in (None, match.place.country)):
            return match
    return None


def _best(resolution: Resolution) -> list[Match]:
    """The candidates that fit a name best (all with the top score)."""
    top = max((m.score for m in resolution.matches), default=0.0)
    return [m for m in resolution.matches if m.score == top]


def spelled_country(resolution: Resolution) -> str | None:
    """The one country whose places an ambiguous name fits best, if only one."""
    countries = {m.place.country for m in _best(resolution)}
    return countries.pop() if len(countries) == 1 else None


def city(resolution: Resolution, cities: frozenset[str]) -> Match | None:
    """A city among the best candidates of a bare name ("Taloqan" is the city, not the
    district around it; "Kunduz" the city, not the province)."""
    return next((m for m in _best(resolution) if m.place.id in cities), None)


def town_of(match: Match, city_districts: frozenset[str]) -> bool:
    """Whether a match is the town of a city district (which stands for its town)."""
    return match.place.kind == "settlement" and match.place.parent in city_districts


def main_country(spots: list[Spot]) -> str | None:
    """The country most of a report's unambiguous places lie in, when most lie in one."""
    countries = [s.resolution.best.place.country for s in spots if s.resolution.best]
    if not countries:
        return None
    top = max(set(countries), key=countries.count)
    return top if countries.count(top) >= _REPORT_COUNTRY_SHARE * len(countries) else None


def own_town(resolution: Resolution, city_districts: frozenset[str]) -> Match | None:
    """The town a district shares its name with, when the district is the best match: "in
    Taloqan" names the town, not the district around it (a city district is its town)."""
    best = resolution.best
    if best is None or best.place.kind != "district" or best.place.id in city_districts:
        return None
    for match in resolution.matches:
        if match.place.kind == "settlement" and match.place.parent == best.place.id:
            return match if match.score >= best.score else None
    return None


def ancestors_of(parents: Mapping[str, str | None]) -> dict[str, frozenset[str]]:
    """Every place's parents up to the country, for dropping containers from a claim."""
    result: dict[str, frozenset[str]] = {}
    for place_id in parents:
        chain: list[str] = []
        parent = parents.get(place_id)
        while parent and parent not in chain:
            chain.append(parent)
            parent = parents.get(parent)
        result[place_id] = frozenset(chain)
    return result


def new_mention(
    start: int,
    end: int,
    text: str,
    fields: tuple[str, str, str, str, str | None, float | None, float | None],
    score: float,
) -> PlaceMention:
    """`PlaceMention(start, end, text, *fields, score)`, its fields set as its own `__init__`
    sets them, without the call through it: a report makes a mention for every place name, and
    the dataclass's generated `__init__` stays interpreted code in the compiled build."""
    place_id, name, kind, country, admin1, lat, lon = fields
    mention = PlaceMention.__new__(PlaceMention)
    object.__setattr__(mention, "start", start)
    object.__setattr__(mention, "end", end)
    object.__setattr__(mention, "text", text)
    object.__setattr__(mention, "place_id", place_id)
    object.__setattr__(mention, "name", name)
    object.__setattr__(mention, "kind", kind)
    object.__setattr__(mention, "country", country)
    object.__setattr__(mention, "admin1", admin1)
    object.__setattr__(mention, "lat", lat)
    object.__setattr__(mention, "lon", lon)
    object.__setattr__(mention, "score", score)
    object.__setattr__(mention, "candidates", ())
    return mention
