"""The bundled synthetic arrivals scenario (tj-af, June-August 2021), loaded as histories."""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from importlib import resources

from pydantic import Field

from borderwatch.planning.arrivals import ArrivalsHistory
from borderwatch.planning.schemas import Strict

SCENARIO_FILE = "arrivals_scenario_tj_af_2021.json"


class ScenarioSection(Strict):
    """Daily arrivals from one far-side district, with the days its control changed."""

    far_side: str
    far_side_unit: str
    far_side_province: str
    control_changes: list[date] = Field(default_factory=list)
    clashes: list[date] = Field(default_factory=list)
    daily: list[int] = Field(min_length=1)


class Scenario(Strict):
    """A synthetic scenario file: a note saying it is synthetic, dates and sections."""

    note: str
    region: str
    start: date
    end: date
    sections: list[ScenarioSection]


@cache
def bundled_scenario() -> Scenario:
    """The synthetic tj-af scenario shipped in `planning/data/`."""
    text = resources.files("borderwatch.planning").joinpath("data", SCENARIO_FILE).read_text()
    return Scenario.model_validate(json.loads(text))


def scenario_histories(scenario: Scenario) -> list[ArrivalsHistory]:
    """One history per far-side district of the scenario."""
    return [
        ArrivalsHistory(
            section=section.far_side_unit,
            name=f"{section.far_side} ({section.far_side_province})",
            daily={
                scenario.start + timedelta(days=i): count for i, count in enumerate(section.daily)
            },
            control_changes=tuple(section.control_changes),
            clashes=tuple(section.clashes),
        )
        for section in scenario.sections
    ]
