"""Runs of name-like words: stepping over lower-case words finds the runs a word-by-word look
finds, in any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.region.runs import TOKEN, UNIT_WORDS, name_runs
from borderwatch.region.transliterate import rules


def _word_by_word(text: str) -> list[list[tuple[int, int]]]:
    """The runs found by looking at every word in turn (what `name_runs` must agree with)."""
    generic, joiners = rules().generic_words, frozenset(rules().joiners)
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    before, last, last_end = "", "", -1
    for token in TOKEN.finditer(text):
        if run and re.fullmatch(r"[ \t\-]*", text[last_end : token.start()]) is None:
            runs.append(run)
            run = []
        lower, first = token.group().lower(), token.group()[0]
        if first.isupper() or not first.isascii() or (last == "of" and before in UNIT_WORDS):
            run.append(token)
        elif run:
            if generic.get(lower) or lower in joiners:
                run.append(token)
            if generic.get(lower) or lower not in joiners:
                runs.append(run)
                run = []
        before, last, last_end = last, lower, token.end()
    runs.append(run)
    for r in runs:
        while r and r[-1].group() in joiners:
            r.pop()
    return [[m.span() for m in r] for r in runs if r]


def _spans(text: str) -> list[list[tuple[int, int]]]:
    return [[(w[0], w[1]) for w in run] for run in name_runs(text)]


def test_runs_of_a_sentence() -> None:
    text = "Taliban took the districts of Shir Khan Bandar and Panj river, near district of herat."
    assert [[text[a:b] for a, b in run] for run in _spans(text)] == [
        ["Taliban"], ["Shir", "Khan", "Bandar"], ["Panj", "river"], ["herat"],
    ]  # fmt: skip


PIECES = [
    "of", "Of", "oF", "district", "districts", "province", "river", "the", "and", "al", "e",
    "Kabul", "Qal'ai", "Russia's", "abc's", "x-s", "Хорог", "é", "Shir", "Khan", "of-the",
    "of's", " ", "  ", "\t", "-", " - ", ", ", ". ", "\n", "'", "’", "5", "_", "s", "S",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_the_same_runs_as_word_by_word(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _spans(text) == _word_by_word(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_the_same_runs_in_any_text(text: str) -> None:
    assert _spans(text) == _word_by_word(text)
