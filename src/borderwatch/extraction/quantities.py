"""The quantity component: figures with their qualifier, bounds, unit and what they count."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from borderwatch.extraction.clock_times import ClockTimes, opens_log_line
from borderwatch.extraction.document import Document, QuantityMention, Token
from borderwatch.extraction.lexicon import NumberLexicon, QuantityLexicon, load_lexicon
from borderwatch.extraction.numbers import Figure, NumberReader
from borderwatch.types import Qualifier

_MAX_PHRASE = 6  # words of a counted noun phrase before we stop looking for its noun
_YEARS = range(1800, 2101)
_VERB_ENDINGS = ("ing", "ed")
_POSSESSIVE = ("'s", "’s")
_HYPHEN_TAIL = re.compile(r"-([^\W\d_]+(?:-[^\W\d_]+)*)")
_SCALES = (1_000_000, 1_000, 100)
# A distance that places something ("20 km from the border") counts nothing.
_FROM = re.compile(
    r"\s+(?:from|away|off|inside|into|short of|(?:south|north|east|west) of|upstream|downstream"
    r"|to the (?:north|south|east|west))\b",
    re.IGNORECASE,
)
_DETERMINED = re.compile(r"(?<![\w-])(?:the|these|those|its|their|both)\s+\Z", re.IGNORECASE)
_DETERMINER_SPAN = 5  # its longest word
_PLAIN_WORDS = 200_000  # the most words _candidates remembers as starting no figure
_YEAR_LIKE = re.compile(r"\d{4}(?:\s*[-–]\s*\d{2,4})?$")


class _Counted(NamedTuple):
    """What a figure counts: its unit, the noun phrase's text and where the phrase ends."""

    unit: str
    of: str
    end: int


class _QuantityRules:
    """The quantity rules of one language, compiled once from its lexicons."""

    def __init__(self, language: str) -> None:
        lexicon = load_lexicon("quantities", language, QuantityLexicon)
        self.lexicon = lexicon
        self.numbers = NumberReader(load_lexicon("numbers", language, NumberLexicon))
        self.qualifiers = {tuple(k.split()): Qualifier(v) for k, v in lexicon.qualifiers.items()}
        # The last word of every qualifier: a figure after any other word is exact.
        self.qualifier_ends = frozenset(k[-1] for k in self.qualifiers)
        self.particles = {tuple(k.split()): frozenset(v) for k, v in lexicon.particles.items()}
        self.counted = {
            tuple(noun.lower().split()): entry.unit
            for entry in lexicon.counted
            for noun in entry.nouns
        }
        self.longest_noun = max(len(k) for k in self.counted)
        self.stop = frozenset(lexicon.stop_words)
        self.determiners = frozenset(lexicon.determiners)
        self.references = frozenset(lexicon.reference_words)
        self.default = lexicon.default_unit
        self.time_words = frozenset(lexicon.time_words)
        self.measures = frozenset(lexicon.measure_adjectives)
        self.partitive = frozenset(lexicon.partitive_heads)
        self.measure_units = frozenset(lexicon.measure_units)
        numbers = self.numbers.lexicon
        self.articles = frozenset(numbers.article_words) - frozenset(numbers.units)
        self.after_article = frozenset(
            [*numbers.scales, *numbers.fractions]
            + [phrase.split()[1] for phrase in numbers.vague_multipliers if " " in phrase]
        )
        self.between = frozenset(lexicon.between_words)
        self.plain: set[str] = set()  # filled by _candidates as reports are read
        self.ignored_units = frozenset(lexicon.ignored_units)
        clock = "|".join(re.escape(w) for w in lexicon.time_words)
        self.clock_tail = re.compile(rf"\s*(?:{clock})(?!\w)", re.IGNORECASE)
        self.clock = ClockTimes(lexicon.clock_prepositions, self.counted, self.qualifiers)
        joiners = "|".join(re.escape(j) for j in lexicon.range_joiners)
        self.range_tail = re.compile(rf"\s*(?:{joiners})\s*")
        self.between_tail = re.compile(r"\s+(?:and|to)\s+")
        self.letters_after = re.compile(r"[^\W\d_]+")
        self.of_tail = re.compile(r"\s+of\b", re.IGNORECASE)

    def find(self, doc: Document) -> list[QuantityMention]:
        """Every quantity of the document outside the spans the date component claimed."""
        claimed = sorted((d.start, d.end) for d in doc.dates)
        mentions: list[QuantityMention] = []
        resume = 0
        for i in self._candidates(doc.tokens):
            token = doc.tokens[i]
            if token.start < resume or _overlaps(claimed, token.start, token.end):
                continue
            figure = self.numbers.read(doc.text, token.start)
            if figure is not None and self._is_quantity(doc, i, figure):
                mention, resume = self._mention(doc, i, figure)
                if mention is not None and not _echoes(doc.text, mentions, mention):
                    mentions.append(mention)
        return mentions

    def _candidates(self, tokens: list[Token]) -> list[int]:
        """Tokens where a figure may start; "a" only before a scale ("a thousand", "a third")."""
        starts, articles, after = self.numbers.start_words, self.articles, self.after_article
        plain = self.plain  # words no figure starts with, whatever follows them
        last = len(tokens) - 1
        found = []
        for i in [i for i, token in enumerate(tokens) if token.lower not in plain]:
            lower = tokens[i].lower
            if (
                lower[0].isdigit()
                or (
                    lower in starts
                    and (lower not in articles or (i < last and tokens[i + 1].lower in after))
                )
                or ("-" in lower and lower.split("-", 1)[0] in starts)
            ):
                found.append(i)
            elif lower not in starts and len(plain) < _PLAIN_WORDS:
                plain.add(lower)
        return found

    def _is_quantity(self, doc: Document, i: int, figure: Figure) -> bool:
        text, before = doc.text, doc.text[figure.start - 1 : figure.start]
        if before.isalnum() or (before and before in "+:/.#№"):
            return False  # inside a code, phone number, clock time or version
        if before == "-" and text[figure.start - 2 : figure.start - 1].isalpha():
            return False  # COVID-19, Mi-8, T-72
        after = text[figure.end : figure.end + 2]
        if after[:1] in (":", "/") and after[1:].isdigit():
            return False
        letters = self.letters_after.match(text, figure.end)
        if letters and (letters.group().lower(),) not in self.counted:
            return False  # 22nd, 5G, 3rd
        previous = doc.tokens[i - 1].lower if i > 0 else ""
        if previous in (".", "#") and i > 1:
            previous = doc.tokens[i - 2].lower  # "no. 2", "No.5"
        if previous in self.references and self._counted(doc, i, figure.end).unit == self.default:
            return False  # "sitrep 12", but "BG report 12 AF soldiers crossed"
        if (
            i > 0
            and doc.tokens[i - 1].text[0].isdigit()
            and not previous.endswith(("%",))
            and not opens_log_line(doc, doc.tokens[i - 1])
        ):
            return False  # "37 221 1234": a phone number or a code, not two figures
        if self.clock_tail.match(text, figure.end) or self.clock.is_clock(doc, i, figure):
            return False
        one = text[figure.start : figure.end].lower() in self.numbers.lexicon.article_words
        return not (one and self.of_tail.match(text, figure.end))  # "one of the soldiers"

    def _mention(self, doc: Document, i: int, figure: Figure) -> tuple[QuantityMention | None, int]:
        qualifier, start = self._qualifier(doc.tokens, i)
        if qualifier == Qualifier.EXACT and doc.text[figure.end : figure.end + 1] == "+":
            qualifier = Qualifier.MORE_THAN  # "40+ ppl on AF bank"
        figure, resume = self._range(doc, i, figure)
        if i > 0 and figure.low != figure.high and doc.tokens[i - 1].lower in self.between:
            start = min(start, doc.tokens[i - 1].start)
        if figure.kind in ("fraction", "percent"):
            counted = self._share_of(doc, i, figure)
        else:
            counted = self._counted(doc, i, figure.end)
            if not counted.of:
                counted = self._counted_before(doc, start) or counted
        if counted is None or not self._keeps(doc, figure, counted):
            return None, resume
        low, high, value = figure.low, figure.high, figure.value
        if figure.kind in ("fraction", "percent"):
            low, high = self._bounds(qualifier, value)
            qualifier = Qualifier.FRACTION
        elif low != high:
            qualifier = Qualifier.ABOUT if qualifier == Qualifier.EXACT else qualifier
        else:
            low, high = self._bounds(qualifier, value)
        end = max(counted.end, figure.end)
        mention = QuantityMention(
            start, end, doc.text[start:end], value, low, high, qualifier, counted.unit, counted.of
        )
        return mention, resume

    def _bounds(self, qualifier: Qualifier, value: float) -> tuple[float, float]:
        low, high = self.lexicon.bounds.get(qualifier, (1.0, 1.0))
        # Rounded like the value is (fractions to three places) so that low <= value <= high.
        digits = 3 if value < 1 else 6
        return min(value, round(value * low, digits)), max(value, round(value * high, digits))

    def _keeps(self, doc: Document, figure: Figure, counted: _Counted) -> bool:
        written = doc.text[figure.start : figure.end]
        if counted.unit in self.ignored_units:
            return False  # "a two-day siege", "the past 24 hours": a duration, not a figure
        if counted.unit in self.lexicon.measure_units and _FROM.match(doc.text, counted.end):
            return False  # "some 20 km from the Afghan border": where, not how much
        if written.isalpha() and _determined(doc.text, figure.start):
            return False  # "the two provinces", "both three": a determiner, not a count
        if counted.unit != self.lexicon.default_unit:
            return True
        if figure.value < self.lexicon.least_uncounted:
            return False  # "the two towns", "3 min read": small and of nothing we count
        if _YEAR_LIKE.match(written) and int(written[:4]) in _YEARS:
            return False  # a year the date component did not take ("the 2021 offensive")
        if written.lower() in self.numbers.lexicon.article_words:
            return False  # "no one", "one said"
        return figure.kind != "percent"

    def _qualifier(self, tokens: list[Token], i: int) -> tuple[Qualifier, int]:
        if i == 0:
            return Qualifier.EXACT, tokens[i].start
        word = tokens[i - 1]
        if word.text != "." and word.lower not in self.qualifier_ends:
            return Qualifier.EXACT, tokens[i].start
        # Full stops inside a qualifier ("approx. 200", "est. 12") do not break it.
        before = [t for t in tokens[max(0, i - 5) : i] if t.text != "."][-3:]
        for size in (3, 2, 1):
            if size > len(before):
                continue
            words = tuple(t.lower for t in before[-size:])
            verb = before[-size - 1].lower if size < len(before) else ""
            if words in self.qualifiers and verb not in self.particles.get(words, ()):
                return self.qualifiers[words], before[-size].start
        return Qualifier.EXACT, tokens[i].start

    def _range(self, doc: Document, i: int, figure: Figure) -> tuple[Figure, int]:
        """A figure joined to a second one ("300-400", "between 300 and 400") becomes a range."""
        if figure.kind != "count":
            return figure, figure.end
        between = i > 0 and doc.tokens[i - 1].lower in self.between
        tail = (self.between_tail if between else self.range_tail).match(doc.text, figure.end)
        if tail is None:
            return figure, figure.end
        second = self.numbers.read(doc.text, tail.end())
        if second is None or second.kind != "count" or second.value <= figure.value:
            return figure, figure.end
        low = figure.value
        for scale in _SCALES:  # "two to three thousand": the scale is both ends'
            if second.value % scale == 0 and 1 <= low < min(10, second.value / scale):
                low *= scale
                break
        figure = Figure(figure.start, figure.end, low, low, low, "count")
        middle = (figure.value + second.value) / 2
        joined = Figure(figure.start, second.end, middle, figure.value, second.value, "count")
        return joined, second.end

    def _share_of(self, doc: Document, i: int, figure: Figure) -> _Counted | None:
        """What a fraction is a share of: "two-thirds of the 1,357-kilometer-long border"."""
        words = _words_from(doc.tokens, figure.end, i)
        if not words:
            return None
        if words[0].lower == "of":
            words = words[1:]
        elif not (figure.kind == "fraction" and words[0].lower in self.determiners):
            return None  # "70 percent" with nothing it is a share of
        words = self._skip_modifiers(doc, words)
        phrase = self._phrase(words)
        if not phrase:
            return None
        for index in range(len(phrase)):
            _, size = self._unit_at(phrase, index)
            if size:
                phrase = phrase[: index + size]
                break
        return _Counted(self.lexicon.fraction_unit, _span(doc, phrase), phrase[-1].end)

    def _skip_modifiers(self, doc: Document, words: list[Token]) -> list[Token]:
        # Determiners and embedded measures ("the 1,357-kilometer-long") are not the head noun.
        index = 0
        while index < len(words):
            word = words[index]
            skipped = word.lower in self.determiners or word.text[0].isdigit()
            skipped = skipped or word.lower.endswith(_POSSESSIVE)  # "Afghanistan's 421 districts"
            # "the 1,357-kilometre border": a unit after a figure's hyphen measures the noun
            hyphened = index > 0 and words[index - 1].text == "-" and (word.lower,) in self.counted
            if not (skipped or hyphened or word.text == "-" or self._is_measure(word)):
                break
            index += 1
        return words[index:]

    def _is_measure(self, word: Token) -> bool:
        parts = word.lower.split("-")
        return len(parts) > 1 and parts[-1] in self.measures

    def _phrase(self, words: list[Token]) -> list[Token]:
        """The words of a noun phrase: up to a function word, a punctuation mark or a verb."""
        start = 0
        while start < len(words) and words[start].lower in self.determiners:
            start += 1
        phrase: list[Token] = []
        for word in words[start : start + _MAX_PHRASE]:
            glued = phrase and word.start == phrase[-1].end
            if glued and (word.text == "-" or word.text[0].isdigit()):
                phrase.append(word)  # "Mi-8", "Su-25": a model name is one word
                continue
            if not word.is_word or word.lower in self.stop:
                break
            if phrase and word.lower.endswith(_VERB_ENDINGS) and (word.lower,) not in self.counted:
                break  # without a tagger, "-ing"/"-ed" after a noun most often starts the verb
            phrase.append(word)
        return phrase

    def _counted(self, doc: Document, i: int, end: int) -> _Counted:
        """The unit and counted noun phrase after a figure ("1,037 Afghan troops")."""
        compound = _HYPHEN_TAIL.match(doc.text, end)
        if compound:
            return self._compound(doc, i, compound)
        words = _words_from(doc.tokens, end, i)
        if words and words[0].lower == "of":
            words = words[1:]
        phrase = self._phrase(words)
        for index in range(len(phrase)):
            unit, size = self._unit_at(phrase, index)
            if unit is not None:
                head_end = index + size
                return self._with_partitive(doc, phrase, head_end, unit, words)
        if phrase:
            return _Counted(self.lexicon.default_unit, phrase[0].text, phrase[0].end)
        return _Counted(self.lexicon.default_unit, "", end)

    def _counted_before(self, doc: Document, start: int) -> _Counted | None:
        """ "trucks (est. 12)": a figure in brackets counts the noun before them."""
        index = bisect.bisect_left(doc.tokens, start, key=_start)
        if index < 2 or doc.tokens[index - 1].text != "(":
            return None
        noun = doc.tokens[index - 2]
        unit = self.counted.get((noun.lower,))
        return _Counted(unit, noun.text, start) if unit else None

    def _compound(self, doc: Document, i: int, compound: re.Match[str]) -> _Counted:
        """ "1,357-kilometer-long border", "two-day siege": the unit inside, the noun after."""
        parts = compound.group(1).lower().split("-")
        unit = next(
            (self.counted[(p,)] for p in parts if (p,) in self.counted), self.lexicon.default_unit
        )
        phrase = self._phrase(_words_from(doc.tokens, compound.end(), i))[:1]
        if (parts[-1] in self.measures or (parts[-1],) in self.counted) and phrase:
            return _Counted(unit, phrase[0].text, phrase[0].end)
        return _Counted(unit, compound.group(1), compound.end())

    def _unit_at(self, phrase: list[Token], index: int) -> tuple[str | None, int]:
        for size in range(min(self.longest_noun, len(phrase) - index), 0, -1):
            key = tuple(w.lower for w in phrase[index : index + size])
            if key in self.counted:
                return self.counted[key], size
        return None, 0

    def _with_partitive(
        self, doc: Document, full: list[Token], head_end: int, unit: str, words: list[Token]
    ) -> _Counted:
        # "members of the Afghan security force": the head alone would say too little.
        phrase = full[:head_end]
        after = words[words.index(phrase[-1]) + 1 :]
        if phrase[-1].lower in self.partitive and after and after[0].lower == "of":
            tail = self._phrase(after[1:])
            if tail:
                return _Counted(unit, doc.text[phrase[0].start : tail[-1].end], tail[-1].end)
        if unit in self.measure_units:
            # "1,357 km border", "1,344 kilometres of border": a measure is of what follows it
            tail = self._phrase(after[1:]) if after and after[0].lower == "of" else full[head_end:]
            if tail and tail[0].lower not in self.measures:
                return _Counted(unit, _span(doc, tail), tail[-1].end)
            return _Counted(unit, "", phrase[-1].end)
        return _Counted(unit, _span(doc, phrase), phrase[-1].end)


# The most characters between a figure and its bracketed repetition ("reservists (").
_ECHO_GAP = 40


def _echoes(text: str, earlier: list[QuantityMention], mention: QuantityMention) -> bool:
    """Whether `mention` repeats the figure just before it in brackets: "20,000 (twenty
    thousand)" and "20,000 reservists (20 tysyach ...)" are one figure."""
    if not earlier or earlier[-1].value != mention.value:
        return False
    between = text[earlier[-1].end : mention.start]
    return len(between) <= _ECHO_GAP and between.rstrip().endswith("(") and "." not in between


def _determined(text: str, at: int) -> bool:
    """`_DETERMINED.search(text, 0, at)`, tried only on the word before the blanks before `at`."""
    blank = at
    while blank > 0 and text[blank - 1].isspace():
        blank -= 1
    return _DETERMINED.search(text, max(0, blank - _DETERMINER_SPAN), at) is not None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect.bisect_right(spans, (start, end))
    return any(s < end and start < e for s, e in spans[max(0, index - 1) : index + 1])


def _words_from(tokens: list[Token], offset: int, index: int) -> list[Token]:
    """The words from the first token at or after `offset`, looked for from token `index` on
    (a token at or before `offset`: the figure's own, so a few steps at most)."""
    last = len(tokens)
    while index < last and tokens[index].start < offset:
        index += 1
    return tokens[index : index + _MAX_PHRASE + 4]


def _start(token: Token) -> int:
    return token.start


def _span(doc: Document, phrase: list[Token]) -> str:
    return doc.text[phrase[0].start : phrase[-1].end]


class QuantityComponent:
    """Finds figures and what they count; runs after the date component and skips its spans."""

    name: str = "quantities"
    adds: tuple[str, ...] = ("quantities",)

    def __init__(self) -> None:
        self._rules: dict[str, _QuantityRules] = {}

    def __call__(self, doc: Document) -> Document:
        if doc.language not in self._rules:
            self._rules[doc.language] = _QuantityRules(doc.language)
        doc.quantities = self._rules[doc.language].find(doc)
        return doc
