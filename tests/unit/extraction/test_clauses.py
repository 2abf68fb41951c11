"""Clause breaks: grouping the break patterns by first character keeps their matches."""

import re

from borderwatch.extraction.clauses import ClauseBreaks, _by_first_character

BREAKS = [", and ", "; ", " after ", " (?<!well )as (?!well |a result)", ", which ", " but "]


def test_grouped_breaks_find_what_their_alternation_finds() -> None:
    text = "Fighters crossed, and as well as that; after it, which fell but not as a result"
    plain = re.compile("|".join(f"(?:{b})" for b in BREAKS), re.IGNORECASE)
    grouped = re.compile(_by_first_character(BREAKS), re.IGNORECASE)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_pattern_with_its_own_alternation_is_not_grouped() -> None:
    assert _by_first_character(["a|b", ", x"]) == "(?:a|b)|(?:, x)"


def test_a_sentence_splits_where_its_breaks_start() -> None:
    text = "The post fell, and the guards left after the shelling."
    assert ClauseBreaks([", and ", " after "]).split(text, 0, len(text)) == (
        (0, 13),
        (13, 34),
        (34, len(text)),
    )
