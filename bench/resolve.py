"""Name resolutions per second after loading, against a plain dict lookup of the same strings.

Run: .venv/bin/python bench/resolve.py [--pack tj-af] [--n 200000]

Prints the pack load and gazetteer build times, then resolutions per second for a mixed list
(exact names, romanisation variants, fuzzy misspellings, other scripts, unrelated words):
warm (the same strings again, as in a stream of reports: answers come from the cache), with no
answer cache (normalisation and candidates cached, ranking and reasons computed every call), and
cold (nothing cached: every name normalised and looked up from scratch), each as a ratio to a
plain dict lookup of the same strings.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from borderwatch.region.names import Gazetteer
from borderwatch.region.pack import PACKS_DIR, read_pack
from borderwatch.region.transliterate import clear_caches

MIXED = [
    # exact names
    "Khwahan", "Ishkashim", "Kulob", "Khatlon", "Panj", "Faizabad", "Rustaq", "Vanj",
    # romanisation variants (same key)
    "Hohon", "Eshkashem", "Kulyab", "Feyzabad", "Qunduz", "Dashti Qala", "Kalai Humb", "Nussai",
    # fuzzy misspellings
    "Shamsidin Shohim", "Badakshon", "Khwaja Bahawodin", "Jaloliddin Balkhy",
    # other scripts
    "Хорог", "Ишкошим", "خواهان", "قندوز",
    # unrelated words
    "Tuesday", "Reuters", "President", "Russia", "Taliban", "Kazakhstan",
]  # fmt: skip


def rate(n: int, run: Callable[[str], object], names: list[str]) -> float:
    """Calls per second of `run` over `names`, cycled to `n` calls."""
    cycle = (names * (n // len(names) + 1))[:n]
    start = time.perf_counter()
    for name in cycle:
        run(name)
    return n / (time.perf_counter() - start)


def cold_rate(rounds: int, build: Callable[[], Gazetteer]) -> float:
    """Resolutions per second with nothing cached: a fresh gazetteer and normalisation cache
    for every round of the mixed list (building them is not timed)."""
    elapsed = 0.0
    for _ in range(rounds):
        gazetteer = build()
        clear_caches()
        start = time.perf_counter()
        for name in MIXED:
            gazetteer.resolve(name)
        elapsed += time.perf_counter() - start
    return rounds * len(MIXED) / elapsed


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="tj-af")
    parser.add_argument("--n", type=int, default=200_000)
    args = parser.parse_args()

    start = time.perf_counter()
    pack = read_pack(PACKS_DIR / args.pack)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    gazetteer = Gazetteer(pack.places.values())
    built = time.perf_counter() - start

    baseline_index = {name: name for name in MIXED}
    baseline = rate(args.n, baseline_index.get, MIXED)
    warm = rate(args.n, gazetteer.resolve, MIXED)
    uncached = Gazetteer(pack.places.values(), cache_answers=False)
    keys_only = rate(args.n, uncached.resolve, MIXED)
    cold = cold_rate(50, lambda: Gazetteer(pack.places.values()))

    print(f"pack {args.pack}: {len(pack.places)} places")
    print(f"pack load                {loaded * 1000:8.1f} ms")
    print(f"gazetteer build          {built * 1000:8.1f} ms")
    print(f"dict lookup              {baseline:12,.0f} /s  (baseline)")
    for label, value in (("warm", warm), ("no answer cache", keys_only), ("cold", cold)):
        print(f"resolve, {label:16}{value:12,.0f} /s  (1/{baseline / value:,.0f} of baseline)")
    verdict = "met" if keys_only >= 50_000 else "NOT met"
    print(f"target 50,000/s without the answer cache: {verdict}")


if __name__ == "__main__":
    main()
