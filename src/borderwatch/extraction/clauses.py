"""Where a sentence splits into clauses: at the clause breaks of `events.json` (", and ",
" after ", "; " ...), each clause starting where its break does."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from borderwatch.extraction.patterns import Folded, top_level_alternatives
from borderwatch.extraction.spans import Span

# For `_by_first_character`: what a pattern's first character cannot be, and what cannot
# follow it, for the pattern to be grouped under that character.
_SPECIAL = frozenset("\\[](){}.*+?^$|")
_QUANTIFIERS = frozenset("?*+{")


class ClauseBreaks:
    """Splits sentences at a lexicon's clause breaks (built once per lexicon)."""

    def __init__(self, breaks: Sequence[str]) -> None:
        longest_first = sorted(breaks, key=len, reverse=True)
        # Scanned in every sentence with a trigger: grouped by first character, and on the
        # lowered text when it is ASCII (`patterns.folded`), about twice as fast.
        self._breaks = Folded(re.compile(_by_first_character(longest_first), re.IGNORECASE))

    def split(self, text: str, start: int, end: int) -> tuple[Span, ...]:
        """The clauses of the sentence at [start, end), in order, none of them empty."""
        breaks = [m.start() for m in self._breaks.finditer_slice(text, start, end)]
        if not breaks:  # most sentences: one clause
            return ((start, end),) if end > start else ()
        cuts = [start, *(start + b for b in breaks), end]
        return tuple((a, b) for a, b in itertools.pairwise(cuts) if b > a)


def _by_first_character(patterns: list[str]) -> str:
    """A regex for any of `patterns` that matches what their alternation matches, in their
    order, with the patterns grouped under their first character when each opens with a
    plain one: the engine then tries only the group of the character it reads."""
    if not all(_groupable(p) for p in patterns):
        return "|".join(f"(?:{p})" for p in patterns)
    groups: dict[str, list[str]] = {}
    # Patterns under different first characters never match at the same offset.
    for pattern in patterns:
        groups.setdefault(pattern[0].lower(), []).append(pattern[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(f"(?:{rest})" for rest in rests) + ")"
        for first, rests in groups.items()
    )


def _groupable(pattern: str) -> bool:
    """Whether a pattern opens with a plain ASCII character and what follows it is one regex
    (no alternation outside brackets; escaped brackets and classes are not looked into)."""
    if not pattern or not pattern[0].isascii() or pattern[0] in _SPECIAL:
        return False
    if pattern[1:2] in _QUANTIFIERS or "[" in pattern or "\\(" in pattern or "\\)" in pattern:
        return False
    return len(top_level_alternatives(pattern)) == 1
