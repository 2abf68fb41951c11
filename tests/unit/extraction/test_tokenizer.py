"""Tokens and sentence breaks: where a sentence ends and where it does not."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from borderwatch.extraction.tokenizer import split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, tokenize(text))]


def test_a_full_stop_before_a_capital_ends_a_sentence() -> None:
    text = "The Taliban took Khwahan. Troops fled! Did they? Yes."
    assert sentences(text) == ["The Taliban took Khwahan.", "Troops fled!", "Did they?", "Yes."]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Gen. Mirzo met Mr. Rahmon on 5 Jul. 2021 near St. Ishkashim and J. Smith."
    assert sentences(text) == [text]


def test_a_stop_before_lower_case_does_not_end_a_sentence() -> None:
    assert sentences("About 1.5 km. from the river.") == ["About 1.5 km. from the river."]


def test_quotes_brackets_and_figures_may_open_the_next_sentence() -> None:
    text = 'It fell. "We left," he said. (ANI) 1,037 troops crossed.'
    assert sentences(text) == ["It fell.", '"We left," he said.', "(ANI) 1,037 troops crossed."]


def test_a_line_break_ends_a_sentence_even_without_a_stop() -> None:
    text = "Dushanbe prepares for refugees\nFaizabad (Afghanistan) July 6\n\n  the border"
    assert sentences(text) == [
        "Dushanbe prepares for refugees",
        "Faizabad (Afghanistan) July 6",
        "the border",
    ]


def test_a_line_break_inside_hard_wrapped_prose_does_not_end_a_sentence() -> None:
    text = (
        "The Tajik border service reported on Tuesday that 152 more Afghan servicemen had\n"
        "crossed the frontier overnight near the Khumrogi post in Darvoz district. More than\n"
        "1,500 troops have entered Tajikistan since Sunday.\n"
        "SMS 0512 05/07 frm PFM tm3 (Pamir Field Monitor, fictional monitoring network)\n"
        "TB in Khvahan centre since 0300, no shooting now and ANA waiting at the river\n"
        "0630 heavy MG fire across the river\n"
    )
    assert sentences(text) == [
        "The Tajik border service reported on Tuesday that 152 more Afghan servicemen had\n"
        "crossed the frontier overnight near the Khumrogi post in Darvoz district.",
        "More than\n1,500 troops have entered Tajikistan since Sunday.",
        "SMS 0512 05/07 frm PFM tm3 (Pamir Field Monitor, fictional monitoring network)",
        "TB in Khvahan centre since 0300, no shooting now and ANA waiting at the river",
        "0630 heavy MG fire across the river",
    ]


def test_no_tokens_no_sentences() -> None:
    assert split_sentences("", []) == []
    assert split_sentences(" \n\n ", tokenize(" \n\n ")) == []


@given(st.text(alphabet=st.sampled_from(list("aB. !?\n\t\"(1'")), max_size=60))
def test_sentences_cover_every_token_once_in_order(text: str) -> None:
    tokens = tokenize(text)
    spans = split_sentences(text, tokens)
    assert [t for s, e in spans for t in tokens if s <= t.start and t.end <= e] == tokens
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
