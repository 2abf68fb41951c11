"""Near-duplicate report texts: word shingles, a MinHash signature and its Jaccard estimate."""

from __future__ import annotations

import re
from hashlib import blake2b

SIGNATURE_SIZE = 64
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
