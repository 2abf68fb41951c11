"""Claims grouped into events incrementally: adding a claim merges only the events it matches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from borderwatch.fusion.matching import MatchKey, compatible, match_key, times_compatible
from borderwatch.fusion.records import ClaimRecord, PlaceIndex
from borderwatch.fusion.rules import FusionRules, load_rules


def event_id(claim_ids: Iterable[int]) -> str:
    """An event's id, taken from its earliest claim so any ingestion order gives the same id."""
    return f"ev-{min(claim_ids)}"


@dataclass
class _TypeIndex:
    """Claims of one event type, by place (own and with ancestors), figure and countries."""

    own: defaultdict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    within: defaultdict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    figures: defaultdict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    placeless: defaultdict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    countries: defaultdict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    placeless_figured: set[int] = field(default_factory=set)

    def add(self, key: MatchKey) -> None:
        for place in key.specific:
            self.own[place].add(key.claim_id)
        for token in key.tokens:
            self.within[token].add(key.claim_id)
        for figure in key.figures:
            self.figures[figure].add(key.claim_id)
        for country in _countries(key):
            (self.countries if key.specific else self.placeless)[country].add(key.claim_id)
        if key.placeless and key.spans:
            self.placeless_figured.add(key.claim_id)

    def discard(self, key: MatchKey) -> None:
        for place in key.specific:
            self.own[place].discard(key.claim_id)
        for token in key.tokens:
            self.within[token].discard(key.claim_id)
        for figure in key.figures:
            self.figures[figure].discard(key.claim_id)
        for country in _countries(key):
            (self.countries if key.specific else self.placeless)[country].discard(key.claim_id)
        self.placeless_figured.discard(key.claim_id)

    def candidates(self, key: MatchKey) -> set[int]:
        found: set[int] = set()
        for place in key.specific:
            found |= self.within[place]
        for token in key.tokens:
            found |= self.own[token]
        for figure in key.figures:
            found |= self.figures[figure]
        for country in _countries(key):
            found |= self.placeless[country]
            if not key.specific:
                found |= self.countries[country]
        if key.spans:
            # a claim with no place may match by figure range: see matching.places_compatible
            found |= self.placeless_figured
            if key.placeless:
                found = found.union(*self.figures.values())
        return found


def _countries(key: MatchKey) -> frozenset[str]:
    # A claim naming no place at all is filed under "" so that it meets its like.
    return key.countries or frozenset({""})


# Claims are shelved by the periods of this many days their time window overlaps: claims whose
# windows overlap share a period, so only claims of nearby days are ever compared.
PERIOD_DAYS = 4


def _periods(key: MatchKey) -> range | tuple[None]:
    if key.low is None or key.high is None:
        return (None,)  # undated claims meet only undated claims
    return range(key.low // PERIOD_DAYS, key.high // PERIOD_DAYS + 1)


def segments(keys: Iterable[MatchKey]) -> list[list[int]]:
    """Split a group of linked claims where time has moved on: each event starts at its earliest
    claim and takes the claims whose time windows overlap that claim's. Linking alone would chain
    a district's daily reports into one event lasting months."""
    ordered = sorted(keys, key=lambda k: (k.low is not None, k.day or date.min, k.claim_id))
    found: list[list[int]] = []
    anchor: MatchKey | None = None
    for key in ordered:
        if anchor is None or not times_compatible(anchor, key):
            anchor = key
            found.append([])
        found[-1].append(key.claim_id)
    return found


class EventIndex:
    """The grouping of claims into events, kept up to date claim by claim.

    Claims that match are linked; each linked group is a component (any order of adding gives
    the same components), and each component is cut into events by time (`segments`)."""

    def __init__(self, places: PlaceIndex, rules: FusionRules | None = None) -> None:
        self.places = places
        self.rules = rules or load_rules()
        self.records: dict[int, ClaimRecord] = {}
        self.keys: dict[int, MatchKey] = {}
        self._types: defaultdict[tuple[str, int | None], _TypeIndex] = defaultdict(_TypeIndex)
        self._parent: dict[int, int] = {}
        self._components: dict[int, set[int]] = {}
        self._events_of: dict[int, set[str]] = {}
        self._event_of: dict[int, str] = {}
        self.events: dict[str, set[int]] = {}

    def add(self, records: Iterable[ClaimRecord]) -> tuple[set[str], set[str]]:
        """Add claims; returns the ids of the events changed or created, and of those gone."""
        touched: set[int] = set()
        before: set[str] = set()
        for record in records:
            if record.claim_id in self.records:
                continue
            merged = self._link(record)
            for component in merged:
                before |= self._events_of.pop(component, set())
            touched.difference_update(merged)
            touched.add(self._find(record.claim_id))
        return self._resegment(touched, before)

    def _find(self, claim_id: int) -> int:
        parent = self._parent
        while parent[claim_id] != claim_id:
            parent[claim_id] = parent[parent[claim_id]]
            claim_id = parent[claim_id]
        return claim_id

    def _link(self, record: ClaimRecord) -> set[int]:
        key = match_key(record, self.places, self.rules)
        shelves = [self._types[key.type, period] for period in _periods(key)]
        roots: set[int] = set()
        for other in set().union(*(shelf.candidates(key) for shelf in shelves)):
            # Once one claim of a group matches, the rest of that group need not be compared.
            root = self._find(other)
            if root not in roots and compatible(key, self.keys[other]):
                roots.add(root)
        self._parent[record.claim_id] = record.claim_id
        self._components[record.claim_id] = {record.claim_id}
        roots.add(record.claim_id)
        # The largest group absorbs the others, so a long-lived group is never copied.
        root = max(roots, key=lambda r: (len(self._components[r]), r))
        for other in roots - {root}:
            self._components[root] |= self._components.pop(other)
            self._parent[other] = root
        self.records[record.claim_id] = record
        self.keys[record.claim_id] = key
        for shelf in shelves:
            shelf.add(key)
        return roots

    def _resegment(self, components: set[int], before: set[str]) -> tuple[set[str], set[str]]:
        """Cut the touched groups into events; only events whose claims changed are returned."""
        old = {event: self.events.pop(event) for event in before if event in self.events}
        changed: set[str] = set()
        after: set[str] = set()
        for component in components:
            ids = set()
            for part in segments(self.keys[c] for c in self._components[component]):
                event, members = event_id(part), set(part)
                self.events[event] = members
                if old.get(event) != members:
                    changed.add(event)
                    for claim_id in part:
                        self._event_of[claim_id] = event
                ids.add(event)
            self._events_of[component] = ids
            after |= ids
        return changed, before - after

    def remove(self, claim_ids: Iterable[int]) -> tuple[set[str], set[str]]:
        """Take claims out (rejected, deleted); the events they were in are regrouped."""
        doomed = {c for c in claim_ids if c in self.records}
        components = {self._find(c) for c in doomed}
        before: set[str] = set()
        survivors: list[ClaimRecord] = []
        for component in components:
            before |= self._events_of.pop(component)
            for claim_id in self._components.pop(component):
                key = self.keys[claim_id]
                for period in _periods(key):
                    self._types[key.type, period].discard(key)
                record = self.records.pop(claim_id)
                del self.keys[claim_id], self._event_of[claim_id], self._parent[claim_id]
                if claim_id not in doomed:
                    survivors.append(record)
        for event in before:
            self.events.pop(event, None)
        changed, _ = self.add(sorted(survivors, key=lambda r: r.claim_id))
        return changed, before - changed

    def group_of(self, event: str) -> str:
        """The id of the linked group an event was cut from: `grp-<its earliest claim id>`."""
        component = self._components[self._find(next(iter(self.events[event])))]
        return f"grp-{min(component)}"

    def members(self, event: str) -> list[ClaimRecord]:
        """The claims of one event, earliest first."""
        return [self.records[c] for c in sorted(self.events[event])]

    def event_of(self, claim_id: int) -> str | None:
        """The id of the event a claim belongs to."""
        return self._event_of.get(claim_id)
