"""The sentence model's weights as whole numbers, every type's weight of a feature packed into
one int, so that a sentence's log-odds of every type are one sum of ints and its "every type
below its bar" one subtraction and one mask.

A weight `w` becomes `round(w * 2**40)`: the ints add exactly, in any order, and their sum over
a sentence's features differs from the sum of the floats by less than the model's `band` (at most
half a unit per term, 2**-41, over at most every row and the bias). Each type has a lane of
`width` bits, offset by half its range so that no lane borrows from the next: the int's base
2**width digits are the lanes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

SCALE = 2.0**40


class PackedRows:
    """The rows of weights (one per feature number, a weight per type) and the biases, packed."""

    def __init__(self, rows: Sequence[Sequence[float]], biases: Sequence[float]) -> None:
        self.lanes = len(biases)
        whole = [[round(w * SCALE) for w in row] for row in rows]
        bias = [round(b * SCALE) for b in biases]
        largest = max((abs(w) for w in (*bias, *(w for row in whole for w in row))), default=0)
        # A lane holds any sum of the bias and every row, a bar as far again, and their gap.
        self.reach = (len(rows) + 1) * largest + 1
        self.width = self.reach.bit_length() + 3
        self._offset = 1 << (self.width - 1)
        self._mask = (1 << self.width) - 1
        self.rows = [self._pack(row) for row in whole]
        self._biased = self._pack([self._offset + b for b in bias])
        self._bias = bias
        self._tops = self._pack([self._offset] * self.lanes)

    def _pack(self, lanes: Iterable[int]) -> int:
        packed = 0
        for i, value in enumerate(lanes):
            packed += value << (i * self.width)
        return packed

    def total(self, ids: Iterable[int]) -> int:
        """The packed sum of the rows numbered `ids` (each once), without the biases."""
        return sum(map(self.rows.__getitem__, ids))

    def lane(self, total: int, index: int) -> int:
        """The `index`-th type's log-odds times SCALE, bias included, from a `total`."""
        return ((self._biased + total) >> (index * self.width) & self._mask) - self._offset

    def logits(self, total: int) -> list[float]:
        """Every type's log-odds from a `total` (within the model's `band` of its float sums)."""
        return [self.lane(total, i) / SCALE for i in range(self.lanes)]

    def bars(self, logits: Sequence[float]) -> int:
        """`logits` (one per type, inf where a type is always under) packed for `below`."""
        limit = self.reach + 1
        lanes = []
        for bar, bias in zip(logits, self._bias, strict=True):
            # The least int not under the bar, held within a lane: a sum is never that far out.
            scaled = bar * SCALE
            least = limit if scaled > limit else -limit if scaled < -limit else math.ceil(scaled)
            lanes.append(self._offset + least - 1 - bias)
        return self._pack(lanes)

    def below(self, total: int, bars: int) -> bool:
        """Whether every type's log-odds from a `total` is under its bar (`bars` from `bars`):
        each lane of their difference keeps its top bit exactly when it is not negative."""
        tops = self._tops
        return (bars - total) & tops == tops
