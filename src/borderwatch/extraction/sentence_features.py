"""The sentence model's features numbered, and a document's sentences read as those numbers
once per document, for the fast scores of `SentenceClaims` (the exact ones read names:
`sentence_model.SentenceReader`; `test_sentence_features` checks that both see the same)."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import Protocol

from borderwatch.extraction.document import Document, Token
from borderwatch.extraction.running_time import LIST_ITEM
from borderwatch.extraction.spans import Span

NUMBER = "<num>"
POSITIONS = tuple(f"position:{i}" for i in range(5))
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_START = attrgetter("start")


class FeatureIndex:
    """The model's features numbered, for per-document reading with ints instead of names: row 0
    is all 0.0 (what a word or pair without weights gets), each feature's row after it."""

    def __init__(self, rows: Mapping[str, tuple[float, ...]], width: int) -> None:
        numbered = dict(zip(rows, itertools.count(1)))
        self.rows = [(0.0,) * width, *rows.values()]
        self.words = {f[2:]: i for f, i in numbered.items() if f.startswith("w:")}
        # Word pairs by their first word, then their second.
        self.follows: dict[str, dict[str, int]] = {}
        for f, i in numbered.items():
            if f.startswith("b:") and len(pair := f[2:].split(" ")) == 2:
                self.follows.setdefault(pair[0], {})[pair[1]] = i
        # A word's number and the pairs it starts, found with one look-up per word.
        self.vocabulary: dict[str, tuple[int, dict[str, int] | None]] = {
            word: (self.words.get(word, 0), self.follows.get(word))
            for word in self.words.keys() | self.follows.keys()
        }
        self.names = numbered
        self.units, self.kinds, self.actors, self.rules, self.types = (
            {f.removeprefix(prefix): i for f, i in numbered.items() if f.startswith(prefix)}
            for prefix in ("unit:", "place:", "actor:", "rule:", "type:")
        )


class Numbered(Protocol):
    """A model with its features numbered (`SentenceModel`)."""

    @property
    def numbered(self) -> FeatureIndex:
        """The model's features numbered."""
        ...


class FeatureIds:
    """The features of a document's sentences as numbers of the model's rows, read once per
    document: a sentence's are a slice of the document's words, pairs and mentions."""

    def __init__(self, model: Numbered, doc: Document, spans: Sequence[Span]) -> None:
        index = model.numbered
        read = _read_words(index, doc.tokens)
        if read is None:  # out of order (the tokenizer gives them in order): read them sorted
            read = _read_words(index, sorted(doc.tokens, key=_START))
        assert read is not None  # sorted, they are in order
        self._starts, self._words, self._pairs = read
        self._spans = spans
        found = sorted(_mention_ids(index, doc))
        self._found_starts = list(map(_FIRST, found))
        self._found = list(map(_SECOND, found))
        names = index.names
        self._positions = [names.get(p, 0) for p in POSITIONS]
        self._listed = names.get("list_item", 0)
        self._text = doc.text

    def ids(self, index: int) -> set[int]:
        """The numbers of the features of the `index`-th sentence that have weights."""
        start, end = self._spans[index]
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end, first)
        pairs = self._pairs[first : last - 1] if last > first else ()
        found = bisect_left(self._found_starts, start)
        found_end = bisect_left(self._found_starts, end, found)
        ids = {*self._words[first:last], *pairs, *self._found[found:found_end]}
        ids.add(self._positions[min(index, 4)])
        text = self._text
        if self._listed and LIST_ITEM.match(text, text.rfind("\n", 0, start) + 1):
            ids.add(self._listed)
        ids.discard(0)
        return ids


def _read_words(
    index: FeatureIndex, tokens: list[Token]
) -> tuple[list[int], list[int], list[int]] | None:
    """Where each word of `tokens` starts (the keys of `word_key`, punctuation left out), the
    number of each word and of each word with the next (0: no weights); None when the tokens
    are out of order."""
    vocabulary = index.vocabulary
    starts: list[int] = []
    word_ids: list[int] = []
    pair_ids: list[int] = []
    after: dict[str, int] | None = None  # the pairs of the word before
    previous = -1
    # One loop (mypyc compiles it to C): no pair built for a word that starts none.
    for token in tokens:
        start = token.start
        if start < previous:
            return None
        previous = start
        if token.is_word:
            key = token.lower
        elif token.text[0].isdigit():
            key = NUMBER
        else:
            continue
        if starts:
            pair_ids.append(0 if after is None else after.get(key, 0))
        starts.append(start)
        known = vocabulary.get(key)
        if known is None:
            word_ids.append(0)
            after = None
        else:
            word_ids.append(known[0])
            after = known[1]
    return starts, word_ids, pair_ids


def _mention_ids(index: FeatureIndex, doc: Document) -> list[tuple[int, int]]:
    """Where each mention starts and the number of each of its features (0: no weights)."""
    names = index.names
    found: list[tuple[int, int]] = []
    if (dated := names.get("has:date", 0)) != 0:
        found += ((d.start, dated) for d in doc.dates)
    quantity, units = names.get("has:quantity", 0), index.units
    for q in doc.quantities:
        found += ((q.start, quantity), (q.start, units.get(q.unit, 0)))
    place, kinds = names.get("has:place", 0), index.kinds
    for p in doc.places:
        found += ((p.start, place), (p.start, kinds.get(p.kind, 0)))
    actors = index.actors
    found += ((a.start, actors.get(a.actor_id, 0)) for a in doc.actors)
    rules, types = index.rules, index.types
    if rules or types:
        for t in doc.triggers:
            found += ((t.start, rules.get(t.rule, 0)), (t.start, types.get(t.event_type.value, 0)))
    return found
