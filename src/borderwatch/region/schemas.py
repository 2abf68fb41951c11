"""The region pack format, checked on load: manifest, places with every name, sections."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PlaceKind = Literal["country", "province", "district", "settlement", "crossing", "river"]


class Strict(BaseModel):
    """Pack files are data written by people: unknown fields are mistakes, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PlaceName(Strict):
    """One name of a place in one spelling or script; `lang` is a BCP 47 tag where known."""

    text: str = Field(min_length=1)
    lang: str | None = None


class Place(Strict):
    """A named location: admin unit, settlement, crossing or river, with its names and a point."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: PlaceKind
    country: str = Field(pattern=r"^[A-Z]{2}$")
    parent: str | None = None
    name: str
    names: list[PlaceName] = []
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    point_approximate: bool = False
    pcode: str | None = None
    border: bool = False
    facing: str | None = None
    source: str = "manual"


class OfficialLength(Strict):
    """An official figure for the border's length, with who gives it."""

    km: float = Field(gt=0)
    source: str


class Control(Strict):
    """Who held an admin unit at the start of the pack's period: the picture's starting state."""

    place: str
    controller: str
    as_of: str
    source: str


class Manifest(Strict):
    """`pack.json`: what the pack covers, its official figures and where its data came from."""

    id: str
    name: str
    countries: list[str] = Field(min_length=2, max_length=2)
    home_country: str
    official_lengths: list[OfficialLength] = Field(min_length=1)
    attribution: list[str]
    initial_control: list[Control] = []


class SectionRecord(Strict):
    """One section as stored in `sections.json`; its length in km is derived on load."""

    id: str
    seq: int = Field(ge=1)
    units: dict[str, str]
    geometric_km: float = Field(gt=0)
    approximate: bool
    crossings: list[str] = []
    coordinates: list[tuple[float, float]] = Field(min_length=2)
