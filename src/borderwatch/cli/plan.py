"""The `borderwatch plan` commands: deployment, what-if, arrivals, backtest and needs."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from borderwatch.cli.context import console, err_console, open_store, print_json
from borderwatch.clocks import parse_day, parse_moment
from borderwatch.errors import InputError
from borderwatch.planning.arrivals import Forecast
from borderwatch.planning.backtest import backtest as run_backtest
from borderwatch.planning.compare import PlanComparison, compare
from borderwatch.planning.deploy import (
    DeploymentPlan,
    SectionInput,
    plan_deployment,
    validate_figures,
)
from borderwatch.planning.inputs import sections_by_far_unit
from borderwatch.planning.needs import (
    NeedsReport,
    needs_at_sites,
    needs_for,
    split_by_capacity,
)
from borderwatch.planning.scenario import bundled_scenario, scenario_histories
from borderwatch.planning.standards import bundled_arrivals_model
from borderwatch.settings import Settings

if TYPE_CHECKING:
    from borderwatch.planning.service import ForecastQuery, PlanningRegion

plan_app = typer.Typer(
    help="Plan the response: personnel per section, expected arrivals, and what they will need.",
    no_args_is_help=True,
)
FORMATS = ("table", "json")
PACK = typer.Option("", "--pack", help="region pack name or folder (default: settings)")
FORMAT = typer.Option("table", "--format", help="table or json")
AS_OF = typer.Option("", "--as-of", help="valid day YYYY-MM-DD (default: today, UTC)")
KNOWN_AT = typer.Option("", "--known-at", help="as known at YYYY-MM-DDTHH:MM (default: now)")
LEVEL = typer.Option([], "--level", help="SECTION=LEVEL or FACING-UNIT=LEVEL; repeatable")
LEVEL_B = typer.Option([], "--level-b", help="extra level overrides for plan B only")
LEVELS_FROM = typer.Option("picture", "--levels-from", help="picture (the store) or pack")
RESERVE = typer.Option(0.1, "--reserve", help="fraction held back, from 0 up to 1")
HISTORY = typer.Option("store", "--history", help="store, or scenario (bundled, SYNTHETIC)")
HORIZON = typer.Option(7, "--horizon", help="days ahead")
SITE = typer.Option([], "--site", help="reception site id or name; repeatable")


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.add_typer(plan_app, name="plan")


def _print_table(table: Table) -> None:
    # Plan tables are wide; when output goes to a file or pipe, do not squeeze them to 80 columns.
    target = console if console.is_terminal else Console(highlight=False, width=160)
    target.print(table)


def _say(message: str) -> None:
    """A message for people on stderr, on one line, so stdout stays clean for JSON."""
    err_console.print(message, soft_wrap=True, markup=False)


def _format(value: str) -> str:
    if value not in FORMATS:
        raise InputError(f"unknown format {value!r}: use one of {', '.join(FORMATS)}")
    return value


def _region(pack: str) -> PlanningRegion:
    # the planning service reads the store (SQLAlchemy): loaded only by the commands using it
    from borderwatch.planning.service import get_region

    return get_region(pack or Settings.from_env().region_pack)


def _inputs(
    region: PlanningRegion, levels_from: str, as_of: str, known_at: str, levels: list[str]
) -> list[SectionInput]:
    from borderwatch.planning.service import get_inputs_from_pack, get_inputs_from_picture

    if levels_from == "pack":
        _say(
            f"impact levels: low everywhere except {len(levels)} --level override(s); "
            "the picture is not used (--levels-from pack)"
        )
        return get_inputs_from_pack(region, levels)
    if levels_from != "picture":
        raise InputError(f"--levels-from {levels_from!r}: use picture or pack")
    day, moment = _day(as_of), _moment(known_at)
    with open_store().unit_of_work() as session:
        inputs = get_inputs_from_picture(session, region, day, moment, levels)
    counts = {s.impact_level.value: 0 for s in inputs}
    for s in inputs:
        counts[s.impact_level.value] += 1
    summary = ", ".join(f"{n} {level}" for level, n in counts.items())
    _say(f"impact levels from the picture as of {day}: {summary}")
    return inputs


@plan_app.command("deploy")
def deploy(
    personnel: int = typer.Option(..., "--personnel", help="personnel to deploy, in all"),
    reserve: float = RESERVE,
    as_of: str = AS_OF,
    known_at: str = KNOWN_AT,
    level: list[str] = LEVEL,
    levels_from: str = LEVELS_FROM,
    explain: bool = typer.Option(False, "--explain", help="say why each section gets its figure"),
    pack: str = PACK,
    format: str = FORMAT,
) -> None:
    """Allocate personnel to sections by impact level, length, crossings and terrain."""
    _format(format)
    validate_figures(personnel, reserve)
    region = _region(pack)
    inputs = _inputs(region, levels_from, as_of, known_at, level)
    plan = plan_deployment(inputs, personnel, region.staffing, reserve)
    for note in plan.notes:
        _say(f"note: {note}")
    if format == "json":
        print_json(plan.to_json())
        return
    _print_table(_plan_table(plan))
    if explain:
        for allocation in plan.allocations:
            console.print(f"{allocation.section.id}: {allocation.explanation()}", soft_wrap=True)


def _plan_table(plan: DeploymentPlan) -> Table:
    table = Table(
        "section", "facing (far - near)", "level", "km", "crossings", "terrain",
        "personnel", "per km", "bounds", "binds",
        title=f"Deployment of {plan.personnel:,} personnel",
        caption=f"allocated {plan.allocated:,} + reserve {plan.reserve:,} = {plan.personnel:,}",
    )  # fmt: skip
    for a in plan.allocations:
        s = a.section
        table.add_row(
            s.id, s.name, s.impact_level.value, f"{s.length_km:,.1f}", str(s.crossings),
            f"{s.terrain_factor:g}", f"{a.personnel:,}", f"{a.per_km:.1f}",
            f"{a.minimum:,}-{a.maximum:,}", a.binding,
        )  # fmt: skip
    return table


@plan_app.command("compare")
def compare_plans(
    personnel: int = typer.Option(..., "--personnel", help="personnel in plan A"),
    personnel_b: int = typer.Option(0, "--personnel-b", help="personnel in plan B (default: A)"),
    reserve: float = RESERVE,
    reserve_b: float = typer.Option(-1.0, "--reserve-b", help="plan B's reserve (default: A)"),
    level: list[str] = LEVEL,
    level_b: list[str] = LEVEL_B,
    as_of: str = AS_OF,
    known_at: str = KNOWN_AT,
    levels_from: str = LEVELS_FROM,
    pack: str = PACK,
    format: str = FORMAT,
) -> None:
    """What-if: plan A and plan B side by side (other personnel, reserve or levels)."""
    _format(format)
    validate_figures(personnel, reserve)
    validate_figures(personnel_b or personnel, reserve if reserve_b < 0 else reserve_b)
    region = _region(pack)
    plan_a = plan_deployment(
        _inputs(region, levels_from, as_of, known_at, level), personnel, region.staffing, reserve
    )
    plan_b = plan_deployment(
        _inputs(region, levels_from, as_of, known_at, [*level, *level_b]),
        personnel_b or personnel,
        region.staffing,
        reserve if reserve_b < 0 else reserve_b,
    )
    result = compare(plan_a, plan_b)
    if format == "json":
        print_json(result.to_json())
    else:
        _print_table(_comparison_table(result))


def _comparison_table(result: PlanComparison) -> Table:
    a, b = result.a, result.b
    table = Table(
        "section", "facing", "level A", "level B", "A", "B", "change",
        title=f"Plan A ({a.personnel:,}, reserve {a.reserve:,}) vs "
        f"plan B ({b.personnel:,}, reserve {b.reserve:,})",
        caption=f"allocated A {a.allocated:,}, B {b.allocated:,}",
    )  # fmt: skip
    for row in result.sections:
        data = row.to_json()
        table.add_row(
            row.section, row.name, str(data["level_a"]), str(data["level_b"]),
            f"{data['personnel_a'] or 0:,}", f"{data['personnel_b'] or 0:,}", f"{row.change:+,}",
        )  # fmt: skip
    return table


@plan_app.command("arrivals")
def arrivals(
    as_of: str = AS_OF,
    known_at: str = KNOWN_AT,
    horizon: int = HORIZON,
    history: str = HISTORY,
    pack: str = PACK,
    format: str = FORMAT,
) -> None:
    """Forecast people arriving per far-side district over the horizon, with an interval."""
    _format(format)
    region = _region(pack)
    forecasts = _forecasts(region, _query(as_of, known_at, horizon, history))
    sections = sections_by_far_unit(region.frame)
    if format == "json":
        print_json([{**f.to_json(), "sections": sections.get(f.section, [])} for f in forecasts])
        return
    model = bundled_arrivals_model()
    table = Table(
        "far side", "sections", "per day", "expected", f"{model.interval:.0%} interval", "drivers",
        title=f"Expected arrivals over {horizon} days after {_day(as_of)}",
        caption=f"expected in all: {sum(f.expected for f in forecasts):,.0f}",
    )  # fmt: skip
    for f in forecasts:
        table.add_row(
            f.name, " ".join(sections.get(f.section, [])), f"{f.daily_rate:.2f}",
            f"{f.expected:,.1f}", f"{f.low:,}-{f.high:,}", "; ".join(f.drivers),
        )  # fmt: skip
    _print_table(table)


@plan_app.command("backtest")
def backtest(
    horizon: int = HORIZON,
    first_origin: str = typer.Option("2021-06-14", "--first-origin", help="first origin day"),
    format: str = FORMAT,
) -> None:
    """Rolling-origin backtest of the arrivals forecast on the bundled synthetic scenario."""
    _format(format)
    histories = scenario_histories(bundled_scenario())
    result = run_backtest(histories, _day(first_origin), horizon, bundled_arrivals_model())
    if format == "json":
        print_json(result.to_json())
        return
    console.print(
        f"backtest on the bundled SYNTHETIC scenario: {result.forecasts:,} forecasts of "
        f"{horizon} days from {result.origins} origins (rolling, only what was known then)",
        soft_wrap=True,
    )
    console.print(f"  MAE forecast     {result.mae_model:8.2f}")
    console.print(f"  MAE last value   {result.mae_last_value:8.2f}")
    console.print(f"  MAE mean so far  {result.mae_mean:8.2f}")
    console.print(
        f"  {result.interval:.0%} interval held the actual figure in "
        f"{result.interval_coverage:.0%} of forecasts"
    )
    console.print(result.verdict(), soft_wrap=True)


@plan_app.command("needs")
def needs(
    people: int | None = typer.Option(None, "--people", help="people to plan for"),
    days: int = typer.Option(..., "--days", help="days to plan for"),
    cold: bool = typer.Option(False, "--cold", help="cold climate: 4.5 m2 covered space"),
    site: list[str] = SITE,
    from_forecast: bool = typer.Option(False, "--from-forecast", help="people from arrivals"),
    as_of: str = AS_OF,
    known_at: str = KNOWN_AT,
    horizon: int = HORIZON,
    history: str = HISTORY,
    pack: str = PACK,
    format: str = FORMAT,
) -> None:
    """Food, water, covered space and latrines by Sphere's minimum standards, per site and total."""
    _format(format)
    if (people is None) != from_forecast:
        raise InputError("give either --people N or --from-forecast (one of them)")
    if people is not None and people <= 0:
        raise InputError(f"people must be a whole number above zero, got {people}")
    region = _region(pack)
    chosen = [region.site(name, "--site") for name in site]
    if from_forecast:
        query = _query(as_of, known_at, horizon, history)
        with open_store().unit_of_work() as session:
            from borderwatch.planning.service import get_needs_from_forecast

            report, notes = get_needs_from_forecast(session, region, query, (chosen, days, cold))
        for note in notes:
            _say(note)
    elif chosen and people:
        split = split_by_capacity(people, chosen)
        report = needs_at_sites(split, region.sites_by_id, days, region.sphere, cold)
    else:
        total = needs_for(people or 0, days, region.sphere, cold)
        report = NeedsReport((), total, (), region.sphere)
    for warning in report.warnings:
        _say(f"warning: {warning}")
    if format == "json":
        print_json(report.to_json())
    else:
        _print_table(_needs_table(report))


def _needs_table(report: NeedsReport) -> Table:
    table = Table(
        "site", "people", "capacity", "food kcal/day", "ration kg", "drinking l/day",
        "domestic l/day", "water l (all days)", "covered m2", "latrines first/later",
        title=f"Needs for {report.total.days} days",
        caption=f"{report.standards.source}, {report.standards.edition}",
    )  # fmt: skip
    for n in (*report.sites, report.total):
        table.add_row(
            n.site, f"{n.people:,}", f"{n.capacity:,}" if n.capacity else "-",
            f"{n.kcal / n.days:,.0f}", f"{n.ration_kg:,.0f}",
            f"{n.drinking_litres_per_day:,.0f}", f"{n.domestic_litres_per_day:,.0f}",
            f"{n.water_litres:,.0f}", f"{n.covered_m2:,.1f}",
            f"{n.latrines_emergency:,} / {n.latrines_later:,}",
        )  # fmt: skip
    return table


def _day(value: str) -> date:
    return parse_day(value, "--as-of") or datetime.now(UTC).date()


def _moment(value: str) -> datetime | None:
    return parse_moment(value, "--known-at")


def _query(as_of: str, known_at: str, horizon: int, history: str) -> ForecastQuery:
    from borderwatch.planning.service import ForecastQuery, history_source

    return ForecastQuery(
        _day(as_of), _moment(known_at), horizon, history_source(history, "--history")
    )


def _forecasts(region: PlanningRegion, query: ForecastQuery) -> list[Forecast]:
    from borderwatch.planning.service import get_forecasts

    with open_store().unit_of_work() as session:
        forecasts, notes = get_forecasts(session, region, query)
    for note in notes:
        _say(note)
    return forecasts
