"""Region pack load time: cold `read_pack` against a plain `json.load` of the same files.

Run: .venv/bin/python bench/region_load.py [--pack tj-af] [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from borderwatch.region.pack import PACKS_DIR, load_pack, read_pack

PACK_FILES = ("pack.json", "places.json", "sections.json", "border.geojson")


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """Fastest and median wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def plain_json(folder: Path) -> None:
    """The baseline: parse the same files with no validation or checks."""
    for name in PACK_FILES:
        json.loads((folder / name).read_text(encoding="utf-8"))


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="tj-af")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    folder = PACKS_DIR / args.pack
    first = time.perf_counter()
    pack = read_pack(folder)  # the very first load also pays for pydantic's schema build
    first_s = time.perf_counter() - first
    base_min, base_med = best_of(args.repeat, lambda: plain_json(folder))
    load_min, load_med = best_of(args.repeat, lambda: read_pack(folder))
    cached_min, _ = best_of(args.repeat, lambda: load_pack(args.pack))
    print(f"pack {pack.id}: {len(pack.places)} places, {len(pack.sections)} sections")
    print(f"first load in this process: {first_s * 1000:.1f} ms")
    print(f"baseline json.load of {len(PACK_FILES)} files: {base_min * 1000:.1f} ms (best)")
    print(
        f"read_pack, no cache: {load_min * 1000:.1f} ms best, {load_med * 1000:.1f} ms median"
        f" = {load_min / base_min:.1f}x baseline (target: under 1000 ms)"
    )
    print(f"load_pack, cached: {cached_min * 1e6:.1f} us")
    print(f"baseline median {base_med * 1000:.1f} ms")


if __name__ == "__main__":
    main()
