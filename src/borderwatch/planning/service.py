"""Planning against the pack and the store: loads what the pure planners need, flushes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, cast, get_args

from sqlalchemy.orm import Session

from borderwatch.errors import InputError
from borderwatch.fusion import service as fusion_service
from borderwatch.picture.frame import Frame, frame_from_pack
from borderwatch.picture.service import get_picture
from borderwatch.planning.arrivals import ArrivalsHistory, Forecast, forecast_all
from borderwatch.planning.deploy import SectionInput
from borderwatch.planning.inputs import (
    histories_from_events,
    parse_levels,
    picture_levels,
    place_name,
    section_inputs,
)
from borderwatch.planning.needs import NeedsReport, needs_at_sites, people_from_forecast
from borderwatch.planning.scenario import bundled_scenario, scenario_histories
from borderwatch.planning.schemas import PackPlanning, Site, SphereStandards, StaffingStandard
from borderwatch.planning.standards import (
    bundled_arrivals_model,
    load_pack_planning,
    sphere_for,
    staffing_for,
)
from borderwatch.region.pack import RegionPack, load_pack


@dataclass(frozen=True)
class PlanningRegion:
    """A region pack with its planning data and the standards after the region's overrides."""

    pack: RegionPack
    frame: Frame
    planning: PackPlanning
    staffing: StaffingStandard
    sphere: SphereStandards

    def site(self, name: str, option: str = "site") -> Site:
        """A reception site by id or name (any case); InputError naming the known ones."""
        for candidate in self.planning.sites:
            if name.strip().lower() in (candidate.id, candidate.name.lower()):
                return candidate
        known = ", ".join(s.id for s in self.planning.sites) or "none in this pack"
        raise InputError(f"{option} {name!r}: no such reception site (known: {known})")

    @property
    def sites_by_id(self) -> dict[str, Site]:
        """The pack's reception sites by id."""
        return {s.id: s for s in self.planning.sites}

    @property
    def facing(self) -> dict[str, str]:
        """Crossing place id to the crossing it pairs with on the other bank."""
        return {pid: p.facing for pid, p in self.pack.places.items() if p.facing}


def get_region(pack_name: str) -> PlanningRegion:
    """The region pack `pack_name` ready for planning."""
    pack = load_pack(pack_name)
    planning = load_pack_planning(pack.path)
    return PlanningRegion(
        pack, frame_from_pack(pack), planning, staffing_for(planning), sphere_for(planning)
    )


def get_inputs_from_pack(region: PlanningRegion, overrides: Iterable[str]) -> list[SectionInput]:
    """Sections at level low except where `--level` overrides say otherwise."""
    levels = parse_levels(overrides, region.frame)
    return section_inputs(region.frame, region.planning, region.facing, levels)


def get_inputs_from_picture(
    session: Session,
    region: PlanningRegion,
    as_of: date,
    known_at: datetime | None,
    overrides: Iterable[str],
) -> list[SectionInput]:
    """Sections at the picture's impact levels (as of, as known at), then `--level` overrides."""
    picture = get_picture(session, region.frame, as_of, known_at)
    levels, controllers = picture_levels(picture)
    levels.update(parse_levels(overrides, region.frame))
    return section_inputs(region.frame, region.planning, region.facing, levels, controllers)


def get_histories_from_store(
    session: Session, region: PlanningRegion, as_of: date, known_at: datetime | None
) -> list[ArrivalsHistory]:
    """Arrivals per far-side unit from the stored crossing events."""
    if known_at is None:
        events = fusion_service.get_all(session)
    else:
        events = fusion_service.get_known_at(session, region.frame.places, known_at)
    return histories_from_events(events, region.frame, as_of)


def get_histories_from_scenario(region: PlanningRegion) -> list[ArrivalsHistory]:
    """Arrivals per far-side unit from the bundled SYNTHETIC scenario, named from the pack."""
    histories = scenario_histories(bundled_scenario())
    return [
        ArrivalsHistory(
            h.section, h.daily, h.control_changes, h.clashes, place_name(region.frame, h.section)
        )
        for h in histories
    ]


History = Literal["store", "scenario"]
# A forecast walks every day of its horizon for every district: a year is already more than
# the model's few weeks of history can say anything about.
MAX_HORIZON_DAYS = 365


def history_source(raw: str, name: str = "history") -> History:
    """Where the arrivals history comes from: the store or the bundled synthetic scenario."""
    for known in get_args(History):
        if raw == known:
            return cast(History, known)
    raise InputError(f"{name} {raw!r}: use store or scenario")


@dataclass(frozen=True)
class ForecastQuery:
    """What an arrivals forecast is asked for: the day, the known time, horizon and history."""

    as_of: date
    known_at: datetime | None = None
    horizon: int = 7
    history: History = "store"


def get_histories(
    session: Session, region: PlanningRegion, query: ForecastQuery
) -> tuple[list[ArrivalsHistory], list[str]]:
    """Daily arrivals per far-side district, and notes for the reader on where they came from."""
    if query.history == "scenario":
        note = "history: the bundled SYNTHETIC scenario (plausible, not recorded, figures)"
        return get_histories_from_scenario(region), [note]
    result = get_histories_from_store(session, region, query.as_of, query.known_at)
    if any(h.daily for h in result):
        return result, []
    note = (
        "history: no crossings recorded in the store; every forecast is the floor rate "
        "(the scenario history uses the bundled synthetic scenario)"
    )
    return result, [note]


def get_forecasts(
    session: Session, region: PlanningRegion, query: ForecastQuery
) -> tuple[list[Forecast], list[str]]:
    """The arrivals forecast per far-side district over the horizon, with notes."""
    if not 0 < query.horizon <= MAX_HORIZON_DAYS:
        raise InputError(f"horizon must be from 1 to {MAX_HORIZON_DAYS} days, got {query.horizon}")
    histories, notes = get_histories(session, region, query)
    model = bundled_arrivals_model()
    return forecast_all(histories, query.as_of, query.horizon, model), notes


def get_needs_from_forecast(
    session: Session,
    region: PlanningRegion,
    query: ForecastQuery,
    needs: tuple[list[Site], int, bool],
) -> tuple[NeedsReport, list[str]]:
    """Needs at the chosen sites (all serving sites when none) for the forecast's high end;
    `needs` is the chosen sites, the days and whether the climate is cold."""
    chosen, days, cold = needs
    forecasts, notes = get_forecasts(session, region, query)
    sites = chosen or [s for s in region.planning.sites if s.serves]
    # Plan for the high end of the interval: running short hurts more than a surplus.
    people, unserved = people_from_forecast({f.section: f.high for f in forecasts}, sites)
    if unserved:
        notes.append(f"no chosen site serves {', '.join(unserved)}")
    if not people:
        raise InputError("the forecast expects nobody at the chosen site(s)")
    notes.append(f"people: the high end of the {query.horizon}-day arrivals forecast, per site")
    return needs_at_sites(people, region.sites_by_id, days, region.sphere, cold), notes
