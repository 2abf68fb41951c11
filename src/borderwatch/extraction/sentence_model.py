"""A learned sentence classifier: how strongly a sentence states an event of each type.

A one-vs-rest logistic regression over sparse binary features of one sentence: its lowercased
words and word pairs (numbers folded to `<num>`), and what the earlier components found in it
(a quantity and its unit, a place and its kind, actor ids, trigger rules and their types, a date,
whether it is a list item, where it stands in the report). The weights are the data file
`data/<lang>/sentence_model.json`, written by `scripts/train-sentence-model`; nothing is read
before the first model is asked for. The bundled model is on by default: on the two unseen gold
sets it raised type and place F1 by about 0.035 on average, at a cost to one set's quantity share
(docs/sentence-model.md). `BORDERWATCH_SENTENCE_MODEL` set to `off` runs the rules alone, set to
a path uses that model file (cross-validation).
"""

from __future__ import annotations

import itertools
import json
import math
import os
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import attrgetter, itemgetter
from pathlib import Path

from pydantic import ValidationError

from borderwatch.errors import ExtractionError
from borderwatch.extraction.document import Document, Token
from borderwatch.extraction.running_time import LIST_ITEM
from borderwatch.extraction.sentence_features import NUMBER, POSITIONS, FeatureIndex
from borderwatch.extraction.sentence_features import FeatureIds as FeatureIds  # for its test
from borderwatch.extraction.sentence_lanes import SCALE, PackedRows
from borderwatch.extraction.sentence_model_schema import SentenceModelFile
from borderwatch.extraction.spans import ByStart
from borderwatch.types import EventType

MODEL_ENV = "BORDERWATCH_SENTENCE_MODEL"
BUNDLED = "bundled"
_START = attrgetter("start")


@dataclass(frozen=True, slots=True)
class SentenceView:
    """What the classifier sees of one sentence: its words and the mentions found in it."""

    start: int
    end: int
    tokens: Sequence[Token]
    words: tuple[str, ...]  # the unigrams in order (`word_key`)
    found: frozenset[str]  # the other features: mentions, list item, position

    @property
    def features(self) -> frozenset[str]:
        """Every feature of the sentence as the model file names them."""
        pairs = (f"b:{a} {b}" for a, b in itertools.pairwise(self.words))
        return frozenset((*(f"w:{w}" for w in self.words), *pairs, *self.found))


def word_key(token: Token) -> str | None:
    """The unigram a token contributes: its lowercase form, a number folded, no punctuation."""
    if token.is_word:
        return token.lower
    return NUMBER if token.text[0].isdigit() else None


@dataclass(frozen=True, slots=True)
class _Name:
    """A feature name of a mention, where the mention starts (a native class when compiled)."""

    start: int
    name: str


class SentenceReader:
    """Reads the features of a document's sentences: the words and the names of the mentions
    are made once per document, a sentence takes its share of them."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._tokens = sorted(doc.tokens, key=_START)
        self._token_starts = [t.start for t in self._tokens]
        self._keys = [t.lower if t.is_word else word_key(t) for t in self._tokens]
        self._named = (
            ByStart(
                [
                    _Name(q.start, n)
                    for q in doc.quantities
                    for n in ("has:quantity", f"unit:{q.unit}")
                ]
            ),
            ByStart(
                [_Name(p.start, n) for p in doc.places for n in ("has:place", f"place:{p.kind}")]
            ),
            ByStart([_Name(a.start, f"actor:{a.actor_id}") for a in doc.actors]),
            ByStart(
                [
                    _Name(t.start, n)
                    for t in doc.triggers
                    for n in (f"rule:{t.rule}", f"type:{t.event_type.value}")
                ]
            ),
        )
        self._date_starts = sorted(d.start for d in doc.dates)

    def view(self, start: int, end: int, index: int) -> SentenceView:
        """The features of the sentence `doc.text[start:end]`, the `index`-th of the report."""
        first = bisect_left(self._token_starts, start)
        last = bisect_left(self._token_starts, end, first)
        words = tuple(filter(None, self._keys[first:last]))
        # The order a sentence's names are met in decides the order its weights are summed in:
        # by kind, then by where the mention starts (stable: a mention's names in their order).
        features = {n.name for named in self._named for n in named.between(start, end)}
        dated = bisect_left(self._date_starts, start)
        if dated < len(self._date_starts) and self._date_starts[dated] < end:
            features.add("has:date")
        text = self._doc.text
        if LIST_ITEM.match(text, text.rfind("\n", 0, start) + 1):
            features.add("list_item")
        features.add(POSITIONS[min(index, 4)])
        return SentenceView(start, end, self._tokens[first:last], words, frozenset(features))


class SentenceModel:
    """The classifier with its weights laid out for sums in C: one row per feature holding every
    type's weight (0.0 where pruned), in the order of `_types`."""

    def __init__(self, data: SentenceModelFile) -> None:
        self.data = data
        self.biases: Mapping[EventType, float] = dict(data.biases)
        self.thresholds: Mapping[EventType, float] = dict(data.thresholds)
        self.claimed_margin = data.claimed_margin
        self.drop_below = data.drop_below
        self.drop_weaker_than = data.drop_weaker_than
        # Types with a bias and no weights get a 0.0 at the end of every row.
        self._types = (*data.types, *(t for t in self.biases if t not in data.types))
        self._index = {t: i for i, t in enumerate(self._types)}
        self._zero = [self.biases.get(t, 0.0) for t in self._types]
        pad = (0.0,) * (len(self._types) - len(data.types))
        self._rows = {f: (*row, *pad) for f, row in data.weights.items()}
        self._columns = tuple(map(itemgetter, range(len(self._types))))
        self.numbered = FeatureIndex(self._rows, len(self._types))
        # Words and word pairs by themselves: a sentence's need no feature names built.
        rows = self.numbered.rows
        self._word_rows = {w: rows[i] for w, i in self.numbered.words.items()}
        self._pair_rows = {
            (first, second): rows[i]
            for first, follows in self.numbered.follows.items()
            for second, i in follows.items()
        }
        self.packed = PackedRows(self.numbered.rows, self._zero)
        # Sums in another order than `_sums` differ from it by less than this: at most every row
        # and the bias, each no larger than the largest weight (doubled error of a plain sum);
        # the packed sums, of weights rounded to 2**-41, by that and half a unit per term more.
        largest = max(abs(w) for w in itertools.chain(self._zero, *self._rows.values()))
        terms = len(self._rows) + 1
        self.band = max(1e-6, 4 * terms**2 * 2.0**-53) * max(1.0, largest) + terms / SCALE

    def margins(self, features: frozenset[str]) -> dict[EventType, float]:
        """The log-odds of each type for a sentence with `features`."""
        rows = [row for f in features if (row := self._rows.get(f)) is not None]
        return dict(zip(self._types, self._sums(rows), strict=True))

    def view_rows(self, view: SentenceView) -> list[tuple[float, ...]]:
        """The weight rows of a sentence's features, in the order their weights are summed."""
        return [
            *filter(None, map(self._word_rows.get, set(view.words))),
            *filter(None, map(self._pair_rows.get, set(itertools.pairwise(view.words)))),
            *filter(None, map(self._rows.get, view.found)),
        ]

    def row_probabilities(self, rows: list[tuple[float, ...]]) -> dict[EventType, float]:
        """The probability of each type from a sentence's `view_rows`."""
        return {t: _sigmoid(z) for t, z in zip(self._types, self._sums(rows), strict=True)}

    def _sums(self, rows: list[tuple[float, ...]]) -> Iterator[float]:
        # Each type's sum starts at its bias and adds the rows in order, as a loop would (a
        # pruned weight adds 0.0, which changes no sum; Python 3.11's sum() of floats adds in
        # plain order): the same bits, summed in C.
        return map(sum, zip(self._zero, *rows, strict=True))

    def row_probability(self, rows: list[tuple[float, ...]], event_type: EventType) -> float:
        """The probability of one type from a sentence's `view_rows`, as `row_probabilities`
        gives it."""
        i = self._index[event_type]
        return _sigmoid(sum(map(self._columns[i], rows), self._zero[i]))

    def total(self, ids: Iterable[int]) -> int:
        """The packed sum (`PackedRows`) of the rows of the features numbered `ids` (`FeatureIds`),
        each once: with `logits`, `logit` and `below`, the log-odds within `band` of `_sums`."""
        return self.packed.total(ids)

    def logits(self, total: int) -> list[float]:
        """The log-odds of each type, in the order of `types`, from a sentence's `total`."""
        return self.packed.logits(total)

    def logit(self, total: int, event_type: EventType) -> float:
        """One type's log-odds as `logits` gives it."""
        return self.packed.lane(total, self._index[event_type]) / SCALE

    def below(self, total: int, bars: int) -> bool:
        """Whether every type's log-odds from a sentence's `total` is under its bar (`bars`, the
        log-odds of `types` packed by `bars`)."""
        return self.packed.below(total, bars)

    def bars(self, logits: Sequence[float]) -> int:
        """Log-odds, one per type of `types`, packed for `below`."""
        return self.packed.bars(logits)

    @property
    def types(self) -> tuple[EventType, ...]:
        """The types in the order of `logits`."""
        return self._types

    def bounds(self, probability: float) -> tuple[float, float]:
        """Log-odds that surely give a probability below `probability` (under the first) and
        surely at or above it (over the second), whatever order their sum was taken in;
        between the two, only the sum in `_sums`'s order can tell."""
        if probability <= 0.0:
            return -math.inf, -math.inf
        if probability > 1.0:
            return math.inf, math.inf
        if probability == 1.0:  # reached where the sigmoid rounds to 1.0, beyond a log-odds of 36
            return 30.0, math.inf
        margin = self.band + 1e-12 / (probability * (1.0 - probability))
        middle = math.log(probability / (1.0 - probability))
        return middle - margin, middle + margin

    def probabilities(self, features: frozenset[str]) -> dict[EventType, float]:
        """The probability of each type for a sentence with `features`."""
        return {t: _sigmoid(z) for t, z in self.margins(features).items()}

    def trigger_token(self, view: SentenceView, event_type: EventType) -> Token | None:
        """The word of the sentence whose feature weighs most for `event_type`."""
        best: Token | None = None
        best_weight = -math.inf
        column = self._index[event_type]
        for token in view.tokens:
            key = word_key(token)
            if key is None:
                continue
            row = self._word_rows.get(key)
            weight = 0.0 if row is None else row[column]
            if weight > best_weight:
                best, best_weight = token, weight
        return best


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def parse_model(text: str, origin: str) -> SentenceModel:
    """A model from the JSON text of a model file; an invalid one is an ExtractionError."""
    try:
        return SentenceModel(SentenceModelFile.model_validate(json.loads(text)))
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise ExtractionError(f"sentence model {origin} is invalid: {first}") from exc


def load_model(language: str, path: str | None = None) -> SentenceModel | None:
    """The model for `language` named by `path`, else by `BORDERWATCH_SENTENCE_MODEL`: a model
    file, or `bundled` (the default) for the data file; None for `off` or when the language has
    no bundled model."""
    chosen = path if path is not None else os.environ.get(MODEL_ENV, "")
    return _load(language, chosen or BUNDLED)


@cache
def _load(language: str, chosen: str) -> SentenceModel | None:
    if chosen.lower() == "off":
        return None
    if chosen.lower() != BUNDLED:
        file = Path(chosen)
        if not file.is_file():
            raise ExtractionError(f"no sentence model at {chosen}")
        return parse_model(file.read_text(encoding="utf-8"), chosen)
    if not language.replace("-", "").isalnum():
        return None
    bundled = resources.files("borderwatch.extraction").joinpath(
        "data", language, "sentence_model.json"
    )
    if not bundled.is_file():
        return None
    return parse_model(bundled.read_text(encoding="utf-8"), f"{language}/sentence_model.json")
