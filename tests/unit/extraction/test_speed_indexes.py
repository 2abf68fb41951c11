"""The sorted-span shortcuts that let components look at a document once."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from borderwatch.extraction.date_patterns import DatePatterns
from borderwatch.extraction.document import ActorMention
from borderwatch.extraction.lexicon import DateLexicon, NumberLexicon, load_lexicon
from borderwatch.extraction.numbers import NumberReader, lowercase_regex, lowered
from borderwatch.extraction.patterns import Folded, folded
from borderwatch.extraction.place_choice import outside as _outside
from borderwatch.extraction.quantities import _DETERMINED, _determined
from borderwatch.extraction.tokenizer import tokenize
from borderwatch.extraction.words import Prefixes
from borderwatch.region.names import Resolution, Spot

NUMBERS = load_lexicon("numbers", "en", NumberLexicon)
NO_MATCH = Resolution("", "no_match", (), "")


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=8,
)


@given(spans, spans)
def test_a_spot_is_kept_exactly_when_it_overlaps_no_actor(
    spot_spans: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> None:
    spots = [Spot("x", s, e, NO_MATCH) for s, e in sorted(spot_spans)]
    expected = [s for s in spots if not any(a < s.end and s.start < b for a, b in taken)]
    actors = [ActorMention(a, b, "x", "x", "x") for a, b in taken]
    assert _outside(spots, actors) == expected


# Words in either case, blanks, and letters beyond ASCII ("ſ" is an "s" to IGNORECASE).
texts = st.lists(
    st.sampled_from(["The", "the", "THESE", "two", "whether", "Could", " ", "\n", "-", "ſ", "é"]),
    max_size=10,
).map("".join)
SPECULATION = re.compile(r"(?<![\w-])(?:whether|could|these)(?![\w-])", re.IGNORECASE)


@given(texts, st.integers(0, 40), st.integers(0, 40))
def test_a_folded_regex_finds_what_the_case_insensitive_one_finds(
    text: str, start: int, end: int
) -> None:
    found = Folded(SPECULATION).search(text, start, end)
    expected = SPECULATION.search(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


def test_a_regex_with_capitals_in_its_source_keeps_its_flag() -> None:
    pattern = re.compile(r"\S+ of", re.IGNORECASE)
    assert folded(pattern) is pattern


@given(texts)
def test_the_determiner_is_looked_for_just_before_a_figure(text: str) -> None:
    for at in range(len(text) + 1):
        assert _determined(text, at) == (_DETERMINED.search(text, 0, at) is not None)


DATE_PIECES = [
    "5", "12", "2021", "05.07.2021", "1,037", "150", "5th", "3rd", " ", "\n", "-", "–", "/", ".",
    ",", "July", "jul", "JULY's", "of", "to", "and", "the", "days", "ago", "on", "Tuesday", "x",
]  # fmt: skip


@given(st.lists(st.sampled_from(DATE_PIECES), max_size=14))
def test_numbers_left_out_start_no_date(pieces: list[str]) -> None:
    text = "".join(pieces)
    tokens = tokenize(text)
    patterns = DatePatterns(load_lexicon("dates", "en", DateLexicon), NUMBERS)
    kept = set(patterns.candidates(tokens, plain=True))
    for i in set(patterns.candidates(tokens)) - kept:
        assert patterns.pattern.match(text, tokens[i].start) is None


def test_no_number_left_out_starts_a_date_of_three_pieces() -> None:
    patterns = DatePatterns(load_lexicon("dates", "en", DateLexicon), NUMBERS)
    numbers = [p for p in DATE_PIECES if p[0].isdigit()]
    for number, second, third in itertools.product(numbers, DATE_PIECES, DATE_PIECES):
        for text in (f"{number} {second} {third}", f"{number}{second}{third}"):
            tokens = tokenize(text)
            if patterns.pattern.match(text):
                assert 0 in patterns.candidates(tokens, plain=True), text


@given(st.lists(st.sampled_from(["cross", "c", "crossed", "fe", "fear", "x", "ab"]), max_size=6))
def test_prefixes_select_the_words_a_match_may_start_at(words: list[str]) -> None:
    prefixes = ("cross", "fear", "fl")
    expected = {w for w in words if any(w.startswith(p) or p.startswith(w) for p in prefixes)}
    assert Prefixes(prefixes).select(words) == expected


FOLD_PIECES = [
    *DATE_PIECES, "No.", "NO ", "May", "MARCH", "Sun", "Two", "thousand", "a few", "Dozens",
    "half", "percent", "%", "two-thirds", "the night of", "Since", "mid-", "between", "ſ", "K",
]  # fmt: skip


def _groups(match: re.Match[str] | None) -> object:
    if match is None:
        return None
    return match.lastgroup, [match.span(g) for g in range(match.re.groups + 1)]


@given(st.lists(st.sampled_from(FOLD_PIECES), max_size=14))
def test_folded_regexes_match_lowered_text_as_the_case_insensitive_ones(pieces: list[str]) -> None:
    text = "".join(pieces)
    low = lowered(text)
    patterns = DatePatterns(load_lexicon("dates", "en", DateLexicon), NUMBERS)
    reader = NumberReader(NUMBERS)
    assert patterns.folded is not None and reader._folded is not None
    if low is None:
        return
    dates, figures = patterns.folded, reader._folded
    for pos in range(len(text)):
        assert _groups(dates.match(low, pos)) == _groups(patterns.pattern.match(text, pos))
        assert _groups(figures.match(low, pos)) == _groups(reader._pattern.match(text, pos))


def test_a_pattern_that_lowering_would_change_is_not_folded() -> None:
    assert lowercase_regex(r"\W+") is None
    assert lowercase_regex(r"(?P<x>July)") is None
    assert lowercase_regex("ſ") is None
    assert lowercase_regex(r"(?P<x>july)(?P=x)") is not None


def test_a_pattern_whose_letters_fold_onto_ascii_keeps_ignorecase() -> None:
    long_s = re.compile("ſtrike", re.IGNORECASE)  # "ſ" is an "s" to IGNORECASE
    assert folded(long_s) is long_s
    assert Folded(long_s).search("STRIKE") is not None


def test_a_folded_regex_matches_and_finds_in_a_slice_as_the_plain_one() -> None:
    pattern = re.compile(r"(?<!\w)and\b", re.IGNORECASE)
    text = "Guards AND police; sand and wind"
    fast = Folded(pattern)
    assert fast.match(text, 7) is not None and fast.match(text, 8) is None
    starts = [m.start() for m in fast.finditer_slice(text, 19, len(text))]
    assert starts == [m.start() for m in pattern.finditer(text[19:])] == [5]
