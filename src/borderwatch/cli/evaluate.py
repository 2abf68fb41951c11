"""The `borderwatch evaluate` command: extraction quality against a folder of gold claims."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from borderwatch.cli.context import console, err_console, print_json
from borderwatch.errors import BorderwatchError, InputError
from borderwatch.extraction.gold import GoldReport, parse_gold
from borderwatch.extraction.scoring import (
    FIELDS,
    TARGETS,
    Scorecard,
    ScoredClaim,
    from_gold,
    from_prediction,
    score_report,
)

# What turns one report file into predicted claims (DESIGN.md contract JSON).
Extractor = Callable[[bytes, str, date], list[dict[str, Any]]]


class Format(StrEnum):
    """How the scores are printed."""

    TABLE = "table"
    JSON = "json"


def load_gold(folder: Path) -> list[GoldReport]:
    """The gold reports of `folder/gold.jsonl`, each checked to have its report file."""
    gold_file = folder / "gold.jsonl"
    if not gold_file.is_file():
        raise InputError(f"{folder} has no gold.jsonl: not a gold folder")
    reports = parse_gold(gold_file.read_text(encoding="utf-8"), origin=str(gold_file))
    missing = [r.report for r in reports if not (folder / r.report).is_file()]
    if missing:
        raise InputError(f"{folder}: report files named in gold.jsonl are missing: {missing[:3]}")
    return reports


def load_predictions(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Predicted claims per report from a JSON-lines file of {"report", "claims"} objects."""
    if not path.is_file():
        raise InputError(f"no predictions file at {path}")
    predictions: dict[str, list[dict[str, Any]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            predictions.setdefault(str(entry["report"]), []).extend(entry["claims"])
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError(f"{path} line {number} is not a {{report, claims}} object") from None
    return predictions


def pipeline_extractor(pack: str) -> Extractor:
    """Read each report with intake and run the extraction pipeline on every item in it."""
    from borderwatch.extraction.pipeline import build_pipeline
    from borderwatch.intake.readers import read

    pipeline = build_pipeline(pack)

    def extract(raw: bytes, filename: str, published: date) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = []
        for item in read(raw, filename, published=published):
            found = pipeline.extract_claims(
                item.text,
                reference_date=item.published or published,
                reference_assumed=item.published_assumed,
                publisher=item.source or (item.dateline.agency if item.dateline else None),
                language=item.language if item.language != "und" else "en",
            )
            claims.extend(claim.to_json() for claim in found)
        return claims

    return extract


def evaluate_reports(
    reports: list[GoldReport], predict: Callable[[GoldReport], list[dict[str, Any]]]
) -> Scorecard:
    """Score every gold report against what `predict` returns for it."""
    card = Scorecard()
    for report in reports:
        gold: list[ScoredClaim] = [from_gold(c) for c in report.claims]
        try:
            predicted = [from_prediction(c) for c in predict(report)]
        except BorderwatchError as exc:
            # One unreadable report is scored as nothing found; the rest of the folder goes on.
            err_console.print(f"{report.report}: {exc.message}", markup=False)
            predicted = []
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{report.report}: a predicted claim is malformed ({exc})") from None
        score_report(card, report.report, gold, predicted)
    return card


def render_table(card: Scorecard, title: str) -> Table:
    """The scorecard as a Rich table: one row per field, then overall."""
    table = Table(title=title)
    for column in ("field", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "field" else "right")
    rows = [(name, card.fields[name]) for name in FIELDS] + [("overall", card.overall)]
    for name, result in rows:
        table.add_row(
            name,
            f"{result.precision:.3f}",
            f"{result.recall:.3f}",
            f"{result.f1:.3f}",
            str(result.support),
        )
    return table


def _print_summary(card: Scorecard, misses: int) -> None:
    console.print(
        f"{card.reports} reports, {card.gold_claims} gold claims, "
        f"{card.predicted_claims} predicted, {card.matched_claims} matched"
    )
    shares = (
        ("quantity right on matched claims", card.quantity_right, "quantity_right"),
        ("date right on matched claims", card.date_right, "date_right"),
    )
    met = card.targets()
    for label, share, key in shares:
        verdict = "met" if met[key] else "NOT met"
        console.print(
            f"{label}: {share.value:.1%} ({share.right}/{share.judged}); "
            f"target {TARGETS[key]:.0%} {verdict}"
        )
    for key in ("type_f1", "place_f1"):
        console.print(f"{key} target {TARGETS[key]:.2f}: {'met' if met[key] else 'NOT met'}")
    for miss in card.misses[:misses]:
        console.print(
            f"  {miss.report}: {miss.kind}: gold={miss.gold} predicted={miss.predicted}",
            markup=False,
        )


def _predictor(
    folder: Path, predictions: Path | None, pack: str
) -> Callable[[GoldReport], list[dict[str, Any]]]:
    if predictions is not None:
        by_report = load_predictions(predictions)
        return lambda report: by_report.get(report.report, [])
    extract = pipeline_extractor(pack)
    return lambda report: extract(
        (folder / report.report).read_bytes(), report.report, report.published
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""

    @app.command()
    def evaluate(
        gold_dir: Annotated[Path, typer.Argument(help="A folder with gold.jsonl and its reports.")],
        output: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.TABLE,
        pack: Annotated[str, typer.Option(help="Region pack the place ids refer to.")] = "tj-af",
        predictions: Annotated[
            Path | None,
            typer.Option(help="Score these predicted claims (JSON lines) instead of extracting."),
        ] = None,
        misses: Annotated[int, typer.Option(help="Show this many misses under the table.")] = 0,
    ) -> None:
        """Precision, recall and F1 per field of extraction against a gold folder."""
        if not gold_dir.is_dir():
            raise InputError(f"no gold folder at {gold_dir}")
        reports = load_gold(gold_dir)
        card = evaluate_reports(reports, _predictor(gold_dir, predictions, pack))
        if output is Format.JSON:
            result = card.to_json()
            result["misses"] = [asdict(m) for m in card.misses[:misses]]
            print_json(result)
            return
        console.print(render_table(card, f"extraction quality on {gold_dir}"))
        _print_summary(card, misses)
