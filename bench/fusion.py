"""Fusion benchmark: full rebuild of 100,000 synthetic claims against adding one new report.

Run: .venv/bin/python bench/fusion.py [--claims N]. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta

from borderwatch.fusion.fuse import fuse, fused
from borderwatch.fusion.index import EventIndex
from borderwatch.fusion.records import ClaimRecord, PlaceIndex, PlaceInfo
from borderwatch.fusion.similarity import fingerprint
from borderwatch.types import EventType

PROVINCES = 10
DISTRICTS = 10
CLAIMS_PER_REPORT = 3
WORDS = "taliban district border troops crossed river fighting village bridge night".split()


def region() -> PlaceIndex:
    """Two countries, ten provinces of ten districts on the far side."""
    places = {"aa": PlaceInfo("country", "AA", None), "bb": PlaceInfo("country", "BB", None)}
    for p in range(PROVINCES):
        places[f"p{p}"] = PlaceInfo("province", "AA", "aa")
        for d in range(DISTRICTS):
            places[f"p{p}d{d}"] = PlaceInfo("district", "AA", f"p{p}")
    return PlaceIndex(places, frozenset({"AA", "BB"}))


def synthetic(count: int, seed: int = 7) -> list[ClaimRecord]:
    """`count` claims over a year, grouped three to a report; a few report texts recur."""
    rng = random.Random(seed)
    texts = [fingerprint(" ".join(rng.choices(WORDS, k=40))) for _ in range(500)]
    types = [t.value for t in EventType]
    start = date(2021, 1, 1)
    records = []
    for claim_id in range(1, count + 1):
        report_id = (claim_id - 1) // CLAIMS_PER_REPORT + 1
        province = rng.randrange(PROVINCES)
        place = f"p{province}" if rng.random() < 0.05 else f"p{province}d{rng.randrange(10)}"
        payload = {
            "type": rng.choice(types),
            "date": (start + timedelta(days=rng.randrange(365))).isoformat(),
            "date_precision": "day",
            "places": [{"text": place, "place_id": place, "country": "AA"}],
            "actors": [{"actor_id": rng.choice(["taliban", "army", "police"])}],
            "quantities": [
                {"value": rng.randrange(1, 2000), "qualifier": "exact", "unit": "person"}
            ],
            "attribution": [f"outlet {rng.randrange(40)}"],
        }
        records.append(
            ClaimRecord(
                claim_id,
                report_id,
                payload,
                source=f"outlet {report_id % 40}",
                grade=rng.choice("ABCDEF"),
                fingerprint=texts[report_id % len(texts)],
            )
        )
    return records


def main() -> None:
    """Time the full rebuild once and the incremental update for several new reports."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    count = parser.parse_args().claims
    places = region()
    records = synthetic(count + 5 * CLAIMS_PER_REPORT)
    base, extra = records[:count], records[count:]

    started = time.perf_counter()
    events = fuse(base, places)
    rebuild = time.perf_counter() - started
    print(f"full rebuild: {count:,} claims -> {len(events):,} events in {rebuild:.2f} s")

    index = EventIndex(places)
    index.add(base)
    timings = []
    for i in range(0, len(extra), CLAIMS_PER_REPORT):
        report = extra[i : i + CLAIMS_PER_REPORT]
        started = time.perf_counter()
        changed, _ = index.add(report)
        for event in changed:
            fused(index, event)
        timings.append(time.perf_counter() - started)
    incremental = statistics.median(timings)
    print(
        f"incremental update, one report of {CLAIMS_PER_REPORT} claims: "
        f"median {incremental * 1000:.2f} ms, worst {max(timings) * 1000:.2f} ms "
        f"over {len(timings)} reports"
    )
    ratio = rebuild / incremental
    verdict = "meets" if ratio >= 100 and incremental < 0.05 else "MISSES"
    print(f"ratio rebuild / incremental: {ratio:,.0f}x ({verdict} target: >= 100x and < 50 ms)")


if __name__ == "__main__":
    main()
