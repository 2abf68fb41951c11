"""Loading the planning data files (Sphere, staffing, pack planning.json) and overrides."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from borderwatch.errors import PlanningError, RegionPackError
from borderwatch.planning.schemas import (
    ArrivalsModel,
    PackPlanning,
    SphereStandards,
    StaffingStandard,
)

Model = TypeVar("Model", bound=BaseModel)


def _read_json(text: str, model: type[Model], where: str, error: type[Exception]) -> Model:
    try:
        return model.model_validate(json.loads(text))
    except json.JSONDecodeError as exc:
        raise error(f"{where}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise error(f"{where}: {location}: {first['msg']}") from exc


def _bundled(name: str) -> str:
    return resources.files("borderwatch.planning").joinpath("data", name).read_text("utf-8")


@cache
def bundled_sphere() -> SphereStandards:
    """The Sphere minimum standards shipped with borderwatch (`planning/data/sphere.json`)."""
    return _read_json(_bundled("sphere.json"), SphereStandards, "sphere.json", PlanningError)


@cache
def bundled_staffing() -> StaffingStandard:
    """Staffing per impact level shipped with borderwatch (`planning/data/staffing.json`)."""
    return _read_json(_bundled("staffing.json"), StaffingStandard, "staffing.json", PlanningError)


def load_pack_planning(pack_dir: Path) -> PackPlanning:
    """A pack's `planning.json`, or an empty one (defaults everywhere) when the pack has none."""
    path = pack_dir / "planning.json"
    if not path.is_file():
        return PackPlanning(source="none: the pack has no planning.json")
    where = f"{pack_dir.name}/planning.json"
    return _read_json(path.read_text("utf-8"), PackPlanning, where, RegionPackError)


def sphere_for(planning: PackPlanning, base: SphereStandards | None = None) -> SphereStandards:
    """Sphere standards with the region's overrides applied (e.g. more water in a hot region)."""
    base = base or bundled_sphere()
    if not planning.sphere_overrides:
        return base
    merged: dict[str, Any] = base.model_dump()
    for part, figures in planning.sphere_overrides.items():
        if part not in merged or not isinstance(merged[part], dict):
            raise RegionPackError(f"planning.json: sphere_overrides: unknown part {part!r}")
        merged[part] = {**merged[part], **figures}
    merged["source"] = f"{base.source}, with region overrides ({planning.source})"
    return _read_json(json.dumps(merged), SphereStandards, "planning.json", RegionPackError)


def staffing_for(planning: PackPlanning, base: StaffingStandard | None = None) -> StaffingStandard:
    """Staffing per level with the region's overrides applied."""
    base = base or bundled_staffing()
    if not planning.staffing_overrides:
        return base
    levels = {**base.levels, **planning.staffing_overrides}
    return base.model_copy(update={"levels": levels})


@cache
def bundled_arrivals_model() -> ArrivalsModel:
    """The arrivals forecast's constants (`planning/data/arrivals_model.json`)."""
    text = _bundled("arrivals_model.json")
    return _read_json(text, ArrivalsModel, "arrivals_model.json", PlanningError)
