"""Extraction speed: reports per second through the pipeline, against bare tokenisation.

Run: .venv/bin/python bench/extract.py [--reports 1000] [--words 400] [--profile N]

Generates synthetic reports (bench/corpus.py, fixed seed), pins the process to one core, then in
the same run times the bare tokenizer and the whole pipeline over the same texts, and each
component alone. Prints figures and ratios; asserts nothing. With --profile N it also profiles
the pipeline on the first N reports and prints the hot spots.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from dataclasses import dataclass

from borderwatch import BUILD
from borderwatch.extraction.document import Document
from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.extraction.tokenizer import tokenize
from corpus import SyntheticReport, report_corpus

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
    pipeline: float = 0.0
    claims: int = 0
    wall: float = 0.0


def paired_pass(pipeline: Pipeline, reports: list[SyntheticReport]) -> Pass:
    """Tokenize, then extract, each report in turn, timing both in CPU time of this thread.

    Pairing them report by report and counting CPU time (not wall time) keeps the ratio honest
    on a shared machine: whatever else runs slows neither side's figure."""
    measured = Pass()
    started = time.perf_counter()
    for report in reports:
        before = time.thread_time()
        tokenize(report.text)
        between = time.thread_time()
        found = pipeline.extract_claims(report.text, reference_date=report.published, language="en")
        after = time.thread_time()
        measured.tokenize += between - before
        measured.pipeline += after - between
        measured.claims += len(found)
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


def print_pass(measured: Pass, count: int) -> None:
    """The figures of the paired pass: rates, the ratio, and how busy the machine was."""
    rate = count / measured.pipeline
    ratio = measured.pipeline / measured.tokenize
    print(f"baseline, bare tokenize: {count / measured.tokenize:,.0f} reports/s")
    print(
        f"pipeline: {rate:,.0f} reports/s, {measured.pipeline / count * 1000:.2f} ms/report, "
        f"{measured.claims / count:.1f} claims/report "
        f"({verdict(rate >= TARGET_RATE)} target >= {TARGET_RATE:.0f}/s)"
    )
    print(
        f"ratio pipeline / tokenize: {ratio:.1f}x ({verdict(ratio <= TARGET_RATIO)} target <= 5x)"
    )
    busy = (measured.tokenize + measured.pipeline) / measured.wall
    print(f"(CPU time of this thread; wall time {measured.wall:.1f} s, CPU share {busy:.0%})")


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
    print_pass(measured, len(reports))
    print_components(component_times(pipeline, reports), len(reports), measured.tokenize)
    if args.profile:
        profile(pipeline, reports[: args.profile])


if __name__ == "__main__":
    main()
