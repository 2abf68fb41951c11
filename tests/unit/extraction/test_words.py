"""Scanning from word starts finds what the plain regex finds, in any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.extraction.document import Document
from borderwatch.extraction.tokenizer import Tokenizer
from borderwatch.extraction.words import (
    Prefixes,
    finditer,
    occurs,
    opening_words,
    search,
    word_starts,
)

DEMONYMS = ["Afghan", "Afghanistan's", "Tajik", "TJ", "Russian"]
PATTERN = re.compile(
    r"(?<![\w-])(?:afghanistan's|afghan|tajik|tj|russian)(?:\s+(?:forces|troops))?(?![\w-])",
    re.IGNORECASE,
)
WORDS = opening_words(DEMONYMS)
PIECES = [
    "Afghan", "afghan's", "Afghanistan's", "TAJIK", "tj", "Russian", "forces", "troops", "x",
    "Qal'Afghan", "d’Tajik", "re-Tajik", "5Tajik", "Tajiks", " ", "  ", ", ", ".\n", "-", "'",
    "Хорог", "é",
]  # fmt: skip


def _doc(text: str) -> Document:
    return Tokenizer()(Document(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_finditer_finds_every_match_of_the_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = [m.span() for m in finditer(PATTERN, _doc(text), WORDS)]
    assert found == [m.span() for m in PATTERN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.integers(0, 60), st.integers(0, 60))
def test_search_finds_the_first_match_in_a_span(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    found = search(PATTERN, _doc(text), WORDS, start, end)
    expected = PATTERN.search(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


def test_a_word_cut_by_the_end_of_a_span_is_found_as_the_regex_finds_it() -> None:
    doc = _doc("TAJIKd’TajikAfghan and Tajiks")
    found = search(PATTERN, doc, WORDS, 0, 12)
    assert found is not None and found.span() == (7, 12)
    assert search(PATTERN, doc, WORDS, 0, 29) is None
    assert search(PATTERN, doc, WORDS, 23, 28) is not None


def test_letters_beyond_ascii_fall_back_to_the_plain_regex() -> None:
    assert word_starts(_doc("Хорог and Afghan forces")).offsets is None
    assert word_starts(_doc("Afghan forces — “today”")).offsets is not None


def test_a_document_without_tokens_is_tokenized_for_its_word_starts() -> None:
    starts = word_starts(Document("Tajik and Afghan forces"))
    assert starts.of(WORDS) == [0, 10]


def test_a_phrase_must_start_with_a_letter() -> None:
    with pytest.raises(ValueError, match="must start with a letter"):
        opening_words(["(Afghan"])


def test_prefixes_take_words_that_begin_with_one_or_begin_one() -> None:
    prefixes = Prefixes(["fear", "cross-border"])
    assert prefixes.select(["fears", "cross", "fe", "crossing", "x"]) == {"fears", "cross", "fe"}
    assert not prefixes.everywhere
    assert Prefixes(["", "took"]).everywhere


def test_a_regex_that_may_start_anywhere_is_scanned_plainly() -> None:
    pattern = re.compile(r"\d+ troops")
    doc = _doc("Some 300 troops and 20 troops")
    found = [m.group() for m in finditer(pattern, doc, Prefixes(["", "t"]))]
    assert found == ["300 troops", "20 troops"]


def test_text_with_letters_beyond_ascii_is_scanned_by_the_plain_regex() -> None:
    doc = _doc("Хорог: Afghan forces and Tajik troops")
    found = [m.group() for m in finditer(PATTERN, doc, WORDS)]
    assert found == [m.group() for m in PATTERN.finditer(doc.text)]
    hit = search(PATTERN, doc, WORDS, 20, len(doc.text))
    assert hit is not None and hit.group() == "Tajik troops"
    assert occurs(doc, WORDS, 0, 3)


def test_occurs_tells_whether_one_of_the_words_starts_in_a_span() -> None:
    doc = _doc("Officials said Tajik troops moved")
    assert occurs(doc, WORDS, 10, 25)
    assert not occurs(doc, WORDS, 0, 14)
    assert occurs(doc, WORDS, 0, 17)  # "Taj|ik": a regex may match the cut word
