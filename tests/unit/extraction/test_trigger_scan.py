"""The helpers that keep trigger matching fast: the start-word trie and the leading letters."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from borderwatch.extraction.document import Document
from borderwatch.extraction.events import EventComponent, compile_pattern, leading_letters
from borderwatch.extraction.patterns import trie_pattern
from borderwatch.types import EventType

WORDS = st.text(alphabet="abc-", min_size=1, max_size=5)


@given(st.sets(WORDS, min_size=1, max_size=12), st.text(alphabet="abc- '", max_size=40))
def test_the_trie_finds_what_the_longest_first_alternation_finds(
    words: set[str], text: str
) -> None:
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    slow = re.compile(rf"(?<![\w-])(?:{flat})")
    fast = re.compile(rf"(?<![\w-])(?:{trie_pattern(words)})")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_leading_letters_are_what_every_match_starts_with() -> None:
    assert leading_letters("(?:took|seized) (?:full )?control") == {"took", "seized"}
    assert leading_letters("(?:full |complete )?control of") == {"full", "complete", "control"}
    assert leading_letters("{3} to the taliban") == {""}


def test_a_letter_a_quantifier_makes_optional_is_not_leading() -> None:
    assert leading_letters("troops? crossed") == {"troop"}
    assert leading_letters("fled|escaped") == {"fled", "escaped"}
    assert leading_letters("(?:un)*rest") == {"un", "rest"}
    assert leading_letters("(?:re){0,1}took") == {"re", ""}


@given(st.sampled_from(["troops? crossed", "(?:took|seized) (?:full )?control", "fled|escaped"]))
def test_every_match_starts_with_a_leading_letter(pattern: str) -> None:
    compiled = re.compile(compile_pattern(pattern))
    for text in ("troop crossed", "troops crossed", "seized full control", "fled", "escaped"):
        match = compiled.search(text)
        if match:
            assert match.group().startswith(tuple(leading_letters(pattern)))


def test_a_word_that_opens_rules_of_two_types_finds_both_every_time() -> None:
    events = EventComponent("en")
    text = "The Taliban took control of Khwahan. Afghan soldiers took refuge in Darvoz."
    for _ in range(2):  # the second call answers from what the first remembered
        found = [(t.text, t.event_type) for t in events(Document(text)).triggers]
        assert found == [
            ("took control of", EventType.TERRITORIAL_CONTROL_CHANGE),
            ("took refuge in", EventType.CROSS_BORDER_MOVEMENT),
        ]


def test_a_text_whose_lowering_changes_its_length_keeps_its_triggers() -> None:
    events = EventComponent("en")
    text = "TALIBAN TOOK CONTROL of İshkashim."
    assert [t.text for t in events(Document(text)).triggers] == ["TOOK CONTROL of"]
