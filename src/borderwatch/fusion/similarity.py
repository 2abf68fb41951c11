"""Near-duplicate report texts: word shingles, a MinHash signature and its Jaccard estimate."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from hashlib import blake2b
from itertools import combinations

SIGNATURE_SIZE = 64
# Up to this many signatures, comparing every pair is cheaper than banding them.
FEW = 8
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+", re.UNICODE)


def _seeds() -> list[tuple[int, int]]:
    # Fixed, derived seeds so signatures agree between processes and runs.
    seeds = []
    for i in range(SIGNATURE_SIZE):
        digest = blake2b(f"borderwatch-minhash-{i}".encode(), digest_size=16).digest()
        seeds.append((int.from_bytes(digest[:8], "big") % _PRIME | 1, int.from_bytes(digest[8:])))
    return seeds


_SEEDS = _seeds()


def shingles(text: str, width: int = 4) -> set[int]:
    """Hashes of every run of `width` consecutive words, case and punctuation ignored."""
    words = [w.lower() for w in _WORD.findall(text)]
    if 0 < len(words) < width:
        width = len(words)
    runs = {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)}
    return {int.from_bytes(blake2b(r.encode(), digest_size=8).digest(), "big") for r in runs}


def fingerprint(text: str, width: int = 4) -> tuple[int, ...]:
    """The MinHash signature of a text (empty for a text with no words)."""
    hashes = shingles(text, width)
    if not hashes:
        return ()
    return tuple(min((a * h + b) % _PRIME for h in hashes) for a, b in _SEEDS)


def similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """The estimated Jaccard similarity of two signed texts (0 if either is empty)."""
    if not first or not second or len(first) != len(second):
        return 0.0
    return sum(1 for a, b in zip(first, second, strict=True) if a == b) / len(first)


def near_duplicates(
    signatures: Iterable[tuple[int, ...]], threshold: float
) -> dict[tuple[int, ...], set[tuple[int, ...]]]:
    """For each distinct signature, the signatures at least `threshold` similar to it (itself
    included unless it is empty).

    Signatures are cut into more bands than the positions they may differ in, so two similar
    enough signatures agree on a whole band (pigeonhole): only signatures sharing a band are
    compared, and the answer is exactly what comparing every pair would give."""
    distinct = set(signatures)
    found = {s: ({s} if s else set()) for s in distinct}
    if len(distinct) <= FEW:
        for first, second in combinations(distinct, 2):
            if similarity(first, second) >= threshold:
                found[first].add(second)
                found[second].add(first)
        return found
    buckets: dict[tuple[int, int, tuple[int, ...]], list[tuple[int, ...]]] = {}
    for signature in distinct:
        for band in _bands(signature, threshold):
            buckets.setdefault(band, []).append(signature)
    for members in buckets.values():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                if second not in found[first] and similarity(first, second) >= threshold:
                    found[first].add(second)
                    found[second].add(first)
    return found


def _bands(signature: tuple[int, ...], threshold: float) -> list[tuple[int, int, tuple[int, ...]]]:
    size = len(signature)
    if not size:
        return []
    # Similar enough signatures differ in at most `size - ceil(threshold * size)` positions.
    differing = size - math.ceil(threshold * size - 1e-9)
    count = min(size, differing + 1)
    width = size // count
    return [
        (size, b, signature[b * width : size if b == count - 1 else (b + 1) * width])
        for b in range(count)
    ]
