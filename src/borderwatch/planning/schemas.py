"""Schemas of the planning data files: Sphere figures, staffing per impact level, pack planning."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from borderwatch.types import ImpactLevel

Climate = Literal["temperate", "cold"]


class Strict(BaseModel):
    """Planning files are written by people: unknown fields are mistakes, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class FoodStandard(Strict):
    """Energy per person per day and the ration weight it takes."""

    kcal_per_person_day: float = Field(gt=0)
    ration_kcal_per_kg: float = Field(gt=0)
    ration_note: str


class WaterStandard(Strict):
    """Litres per person per day, split as Sphere's basic survival water needs table splits it."""

    drinking_litres_per_person_day: float = Field(gt=0)
    cooking_litres_per_person_day: float = Field(ge=0)
    hygiene_litres_per_person_day: float = Field(ge=0)

    @property
    def domestic_litres_per_person_day(self) -> float:
        """Cooking and personal and domestic hygiene together."""
        return self.cooking_litres_per_person_day + self.hygiene_litres_per_person_day

    @property
    def total_litres_per_person_day(self) -> float:
        """Drinking and domestic together: Sphere's minimum of 15 litres."""
        return self.drinking_litres_per_person_day + self.domestic_litres_per_person_day


class ShelterStandard(Strict):
    """Covered living space per person, with the figure used in cold climates."""

    covered_m2_per_person: float = Field(gt=0)
    covered_m2_per_person_cold: float = Field(gt=0)
    cold_range_m2: tuple[float, float]


class SanitationStandard(Strict):
    """People per latrine in the first (emergency) phase and later."""

    people_per_latrine_emergency: int = Field(gt=0)
    people_per_latrine_later: int = Field(gt=0)
    emergency_phase_days: int = Field(gt=0)


class SphereStandards(Strict):
    """`sphere.json`: the minimum standards that needs are computed from, with their source."""

    source: str
    edition: str
    references: dict[str, str]
    food: FoodStandard
    water: WaterStandard
    shelter: ShelterStandard
    sanitation: SanitationStandard


class LevelStaffing(Strict):
    """Bounds and weight for one impact level: personnel per km and per crossing point."""

    min_per_km: float = Field(ge=0)
    max_per_km: float = Field(gt=0)
    min_per_crossing: float = Field(ge=0)
    max_per_crossing: float = Field(ge=0)
    weight: float = Field(gt=0)
    reaction: str

    @model_validator(mode="after")
    def _minimum_below_maximum(self) -> LevelStaffing:
        if self.min_per_km > self.max_per_km or self.min_per_crossing > self.max_per_crossing:
            raise ValueError("a minimum is above its maximum")
        return self


class StaffingStandard(Strict):
    """`staffing.json`: staffing per EUROSUR impact level and the coverage model's constants."""

    source: str
    levels: dict[ImpactLevel, LevelStaffing]
    crossing_weight: float = Field(ge=0)
    coverage_density_per_km: float = Field(gt=0)

    @model_validator(mode="after")
    def _every_level(self) -> StaffingStandard:
        missing = [level.value for level in ImpactLevel if level not in self.levels]
        if missing:
            raise ValueError(f"no staffing for level(s) {', '.join(missing)}")
        return self


class Site(Strict):
    """A reception site: where arrivals are received, how many it holds, which units it serves."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    place: str | None = None
    capacity: int | None = Field(default=None, gt=0)
    climate: Climate = "temperate"
    serves: list[str] = []
    source: str = "manual"


class PackPlanning(Strict):
    """A region pack's `planning.json`: terrain factors, overrides and reception sites."""

    source: str
    terrain_default: float = Field(default=1.0, gt=0)
    terrain: dict[str, float] = {}
    terrain_note: str = ""
    staffing_overrides: dict[ImpactLevel, LevelStaffing] = {}
    sphere_overrides: dict[str, dict[str, float]] = {}
    sites: list[Site] = []

    @model_validator(mode="after")
    def _positive_terrain(self) -> PackPlanning:
        bad = [key for key, factor in self.terrain.items() if factor <= 0]
        if bad:
            raise ValueError(f"terrain factor must be positive: {', '.join(bad)}")
        return self


class ArrivalsModel(Strict):
    """`arrivals_model.json`: the constants of the arrivals forecast, with what they are."""

    source: str
    half_life_days: float = Field(gt=0)
    lookback_days: int = Field(gt=0)
    surge_days: int = Field(ge=0)
    follow_on_share: float = Field(ge=0)
    follow_on_half_life: float = Field(gt=0)
    change_window_days: int = Field(ge=0)
    change_uplift: float = Field(ge=1)
    clash_window_days: int = Field(ge=0)
    clash_uplift: float = Field(ge=1)
    dispersion: float = Field(gt=0)
    interval: float = Field(gt=0, lt=1)
    floor_rate_per_day: float = Field(ge=0)
