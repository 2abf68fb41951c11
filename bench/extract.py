"""Extraction speed: reports per second through the pipeline, against bare tokenisation.

Run: .venv/bin/python bench/extract.py [--reports 1000] [--words 400] [--profile N]

Generates synthetic reports (bench/corpus.py, fixed seed), pins the process to one core, then in
the same run times the bare tokenizer and the whole pipeline over the same texts, and each
component alone. In a compiled build the baseline is the faster of the compiled and the
interpreted tokenizer, so that compiling cannot flatter the ratio by slowing the baseline.
Prints which build it measured, figures and ratios; asserts nothing. With --profile N it also
profiles the pipeline on the first N reports and prints the hot spots.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import os
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from borderwatch import BUILD
from borderwatch.build import COMPILED
from borderwatch.extraction import tokenizer
from borderwatch.extraction.document import Document, Token
from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.extraction.tokenizer import tokenize
from corpus import SyntheticReport, report_corpus

Tokenize = Callable[[str], list[Token]]
TARGET_RATE = 200.0
TARGET_RATIO = 5.0
WARM_UP = 10


def pin_to_one_core() -> str:
    """Keep the process on one CPU so the figures are per core; says which."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


@dataclass
class Pass:
    """CPU seconds spent on the same texts by the baseline and by the pipeline."""

    tokenize: float = 0.0
    interpreted: float = 0.0
    pipeline: float = 0.0
    claims: int = 0
    wall: float = 0.0


def _seconds(tokenize: Tokenize, text: str) -> float:
    """CPU seconds of this thread that `tokenize` takes over `text`."""
    before = time.thread_time()
    tokenize(text)
    return time.thread_time() - before


def interpreted_tokenize() -> Tokenize:
    """`tokenize` run by the interpreter from tokenizer.py's source, even in a compiled build.

    The compiled `tokenize` is slower than the interpreted one (it builds the frozen `Token`
    dataclass through a slower call), which would flatter the ratio: the baseline is whichever
    of the two is faster."""
    source = Path(tokenizer.__file__).with_name("tokenizer.py")
    spec = importlib.util.spec_from_file_location("bench_interpreted_tokenizer", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    interpreted: Tokenize = module.tokenize
    return interpreted


def paired_pass(pipeline: Pipeline, reports: list[SyntheticReport]) -> Pass:
    """Tokenize, then extract, each report in turn, timing each in CPU time of this thread.

    Pairing them report by report and counting CPU time (not wall time) keeps the ratio honest
    on a shared machine: whatever else runs slows neither side's figure. In a compiled build the
    interpreted `tokenize` runs too, the two in turn first (the second of two passes over the
    same text is the faster)."""
    measured = Pass()
    other = interpreted_tokenize() if BUILD == COMPILED else None
    started = time.perf_counter()
    for number, report in enumerate(reports):
        if other is None:
            measured.tokenize += _seconds(tokenize, report.text)
        else:
            ours_first = number % 2 == 0
            first = _seconds(tokenize if ours_first else other, report.text)
            second = _seconds(other if ours_first else tokenize, report.text)
            measured.tokenize += first if ours_first else second
            measured.interpreted += second if ours_first else first
        before = time.thread_time()
        found = pipeline.extract_claims(report.text, reference_date=report.published, language="en")
        measured.pipeline += time.thread_time() - before
        measured.claims += len(found)
    if other is None:
        measured.interpreted = measured.tokenize
    measured.wall = time.perf_counter() - started
    return measured


def extract_all(pipeline: Pipeline, reports: list[SyntheticReport]) -> None:
    """The whole pipeline over every report."""
    for report in reports:
        pipeline.extract_claims(report.text, reference_date=report.published, language="en")


def component_times(pipeline: Pipeline, reports: list[SyntheticReport]) -> dict[str, float]:
    """Seconds spent in each component over every report, in pipeline order."""
    spent: dict[str, float] = {c.name: 0.0 for c in pipeline.components("en")}
    for report in reports:
        doc = Document(text=report.text, language="en", reference_date=report.published)
        for component in pipeline.components("en"):
            start = time.thread_time()
            doc = component(doc)
            spent[component.name] += time.thread_time() - start
    return spent


def profile(pipeline: Pipeline, reports: list[SyntheticReport], top: int = 25) -> None:
    """Print the functions the pipeline spends its time in (own time, then cumulative)."""
    profiler = cProfile.Profile()
    profiler.enable()
    extract_all(pipeline, reports)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    print(f"\nprofile of {len(reports)} reports, by own time:")
    stats.sort_stats("tottime").print_stats(top)
    print("by cumulative time:")
    stats.sort_stats("cumulative").print_stats(top)


def verdict(met: bool) -> str:
    """How a figure compares with its target."""
    return "meets" if met else "MISSES"


def print_pass(measured: Pass, count: int) -> float:
    """The figures of the paired pass: rates, the ratio, and how busy the machine was; returns
    the baseline's seconds (the faster tokenize)."""
    rate = count / measured.pipeline
    baseline = min(measured.tokenize, measured.interpreted)
    ratio = measured.pipeline / baseline
    line = f"baseline, bare tokenize: {count / baseline:,.0f} reports/s"
    if BUILD == COMPILED:
        line += (
            f", the faster of compiled {count / measured.tokenize:,.0f}/s and interpreted "
            f"{count / measured.interpreted:,.0f}/s"
        )
    print(line)
    print(
        f"pipeline: {rate:,.0f} reports/s, {measured.pipeline / count * 1000:.2f} ms/report, "
        f"{measured.claims / count:.1f} claims/report "
        f"({verdict(rate >= TARGET_RATE)} target >= {TARGET_RATE:.0f}/s)"
    )
    print(
        f"ratio pipeline / tokenize: {ratio:.1f}x ({verdict(ratio <= TARGET_RATIO)} target <= 5x)"
    )
    busy = (measured.tokenize + measured.interpreted + measured.pipeline) / measured.wall
    print(f"(CPU time of this thread; wall time {measured.wall:.1f} s, CPU share {busy:.0%})")
    return baseline


def print_components(spent: dict[str, float], count: int, baseline: float) -> None:
    """One line per component: ms per report, share of the pipeline, ratio to the tokenizer."""
    total = sum(spent.values())
    print("per component (second pass, each component timed alone):")
    for name, seconds in spent.items():
        print(
            f"  {name:<12} {seconds / count * 1000:7.3f} ms/report  {seconds / total:6.1%}"
            f"  {seconds / baseline:6.2f}x tokenize"
        )
    print(f"  {'total':<12} {total / count * 1000:7.3f} ms/report")


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    print(pin_to_one_core())
    print(f"extraction build: {BUILD} (docs/compiled-extraction.md)")
    reports = report_corpus(args.reports, args.words, args.seed)
    words = sum(len(r.text.split()) for r in reports) / len(reports)
    print(f"corpus: {len(reports):,} synthetic reports, {words:.0f} words on average")

    start = time.perf_counter()
    pipeline = build_pipeline("tj-af")
    print(f"pipeline built in {(time.perf_counter() - start) * 1000:.0f} ms (not counted below)")
    extract_all(pipeline, reports[:WARM_UP])  # first calls compile patterns and fill caches

    measured = paired_pass(pipeline, reports)
    baseline = print_pass(measured, len(reports))
    print_components(component_times(pipeline, reports), len(reports), baseline)
    if args.profile:
        profile(pipeline, reports[: args.profile])


if __name__ == "__main__":
    main()
