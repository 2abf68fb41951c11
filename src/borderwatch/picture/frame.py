"""The region as the picture sees it: sections, their two sides, places and starting control."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from borderwatch.extraction.actors_schema import ActorLexicon
from borderwatch.extraction.lexicon import load_lexicon
from borderwatch.fusion.records import PlaceIndex, PlaceInfo


@dataclass(frozen=True, slots=True)
class SectionFrame:
    """One border section: the unit on each side (by country), its length, crossings, line."""

    id: str
    seq: int
    units: Mapping[str, str]
    length_km: float
    crossings: tuple[str, ...] = ()
    coordinates: tuple[tuple[float, float], ...] = ()
    approximate: bool = True


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What the picture needs of an actor: its kind (state, armed_group...) and country."""

    kind: str
    country: str | None = None


STATE_KINDS = frozenset({"state", "state_forces", "head_of_state"})
# Kinds that do not hold ground: a statement by a president or an agency changes no control.
NON_HOLDING_KINDS = frozenset({"head_of_state", "organisation"})


@dataclass(frozen=True)
class Frame:
    """Everything of the region pack the picture needs, as plain values."""

    sections: tuple[SectionFrame, ...]
    places: PlaceIndex
    home_country: str
    far_country: str
    initial_control: Mapping[str, str]
    official_length_km: float
    official_length_source: str = ""
    actors: Mapping[str, ActorInfo] = field(default_factory=dict)

    def initial_controller(self, unit: str) -> str:
        """Who held a unit at the start: its own entry, else its nearest ancestor's."""
        for place in (unit, *self.places.ancestors(unit)):
            if place in self.initial_control:
                return self.initial_control[place]
        return "unknown"

    @property
    def state_controllers(self) -> frozenset[str]:
        """The controllers the pack starts from, taken to be the states' own authorities."""
        return frozenset(self.initial_control.values())

    def side(self, actor: str) -> str:
        """Whose side an actor is on: a state's bodies and forces are one side, per country."""
        info = self.actors.get(actor)
        if info is not None and info.kind in STATE_KINDS and info.country:
            return f"state:{info.country}"
        return actor

    def holds_ground(self, actor: str) -> bool:
        """Whether an actor can take and hold territory (unknown actors are taken to)."""
        info = self.actors.get(actor)
        return info is None or info.kind not in NON_HOLDING_KINDS

    def non_state(self, controller: str) -> bool:
        """Whether a controller is a non-state armed group (by the actor lexicon if it knows
        the actor, else by not being one of the pack's starting controllers)."""
        if controller == "unknown":
            return False
        info = self.actors.get(controller)
        if info is not None:
            return info.kind not in STATE_KINDS
        return controller not in self.state_controllers


def place_index(pack: Any) -> PlaceIndex:
    """The pack's places as fusion's place index (duck-typed on the region pack)."""
    places = {
        place_id: PlaceInfo(p.kind, p.country, p.parent, p.name)
        for place_id, p in dict(pack.places).items()
    }
    return PlaceIndex(places, frozenset(pack.manifest.countries))


def known_actors(language: str = "en") -> dict[str, ActorInfo]:
    """Kinds and countries of the actors of extraction's actor lexicon."""
    lexicon = load_lexicon("actors", language, ActorLexicon)
    return {a.id: ActorInfo(a.kind, a.country) for a in lexicon.actors}


def frame_from_pack(pack: Any, actors: Mapping[str, ActorInfo] | None = None) -> Frame:
    """The picture's frame from a loaded region pack (`region.pack.load_pack`); actors default
    to extraction's actor lexicon."""
    manifest = pack.manifest
    home = manifest.home_country
    far = next(c for c in manifest.countries if c != home)
    sections = tuple(
        SectionFrame(
            id=s.id,
            seq=s.seq,
            units=dict(s.units),
            length_km=float(s.length_km),
            crossings=tuple(s.crossings),
            coordinates=tuple((float(x), float(y)) for x, y in s.coordinates),
            approximate=bool(getattr(s, "approximate", True)),
        )
        for s in sorted(_sections(pack), key=lambda s: s.seq)
    )
    official = manifest.official_lengths[0]
    return Frame(
        sections=sections,
        places=place_index(pack),
        home_country=home,
        far_country=far,
        initial_control={c.place: c.controller for c in manifest.initial_control},
        official_length_km=float(getattr(pack, "official_length_km", official.km)),
        official_length_source=official.source,
        actors=known_actors() if actors is None else actors,
    )


def _sections(pack: Any) -> list[Any]:
    sections = pack.sections
    return list(sections.values()) if isinstance(sections, Mapping) else list(sections)
