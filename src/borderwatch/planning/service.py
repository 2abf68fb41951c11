"""Planning against the pack and the store: loads what the pure planners need, flushes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from borderwatch.errors import InputError
from borderwatch.fusion import service as fusion_service
from borderwatch.picture.frame import Frame, frame_from_pack
from borderwatch.picture.service import get_picture
from borderwatch.planning.arrivals import ArrivalsHistory
from borderwatch.planning.deploy import SectionInput
from borderwatch.planning.inputs import (
    histories_from_events,
    parse_levels,
    picture_levels,
    place_name,
    section_inputs,
)
from borderwatch.planning.scenario import bundled_scenario, scenario_histories
from borderwatch.planning.schemas import PackPlanning, Site, SphereStandards, StaffingStandard
from borderwatch.planning.standards import load_pack_planning, sphere_for, staffing_for
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
