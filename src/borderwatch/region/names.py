"""Name matching: a place name in any spelling or script to ranked places of a region pack."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from borderwatch.region.runs import TOKEN, Word, name_runs
from borderwatch.region.schemas import Place
from borderwatch.region.transliterate import NameForm, name_form, rules

Status = Literal["matched", "ambiguous", "no_match"]

# Score of each kind of evidence; a fuzzy match always scores below every key match.
SAME_SPELLING = 1.0
SAME_EXACT_KEY = 0.95
SAME_LOOSE_KEY = 0.9
SAME_WITHOUT_PREFIX = 0.88
SAME_SKELETON = 0.86
FUZZY_WEIGHT = 0.85
KEY_LEVEL = 0.86  # every score at or above this is a key match, below it a fuzzy one
STRONG_LEVEL = 0.95  # the same spelling or the same exact key: no vowel class merged
FUZZY_TIE = 0.03
# Admin units first, then what people name less often as a whole (see `_prefer_kind`).
KIND_ORDER = {"country": 0, "province": 1, "district": 2, "settlement": 3, "crossing": 4}
ADMIN_KINDS = frozenset({"country", "province", "district"})


@dataclass(frozen=True, slots=True, eq=False)
class Match:
    """One candidate place for a name, with its score 0–1 and the pack name it matched."""

    place: Place
    score: float
    matched: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer for one name: a status, ranked matches and a one-line reason."""

    query: str
    status: Status
    matches: tuple[Match, ...]
    reason: str

    @property
    def best(self) -> Match | None:
        """The chosen place when matched, else None."""
        return self.matches[0] if self.status == "matched" and self.matches else None


@dataclass(frozen=True, slots=True)
class Spot:
    """A place name found in running text: its span and how it resolved."""

    text: str
    start: int
    end: int
    resolution: Resolution


@dataclass(frozen=True, slots=True)
class _Entry:
    place_id: str
    name: str


class Gazetteer:
    """Every name of every place, indexed by spelling keys; built once, then only read."""

    def __init__(self, places: Iterable[Place], *, cache_answers: bool = True) -> None:
        self._places = {place.id: place for place in places}
        self._ancestors = {pid: self._chain(pid) for pid in self._places}
        self._by: dict[str, dict[str, list[_Entry]]] = {
            tier: defaultdict(list)
            for tier in ("surface", "exact", "loose", "alternate", "skeleton")
        }
        self._blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._fuzzy_entries: dict[str, list[tuple[_Entry, str]]] = defaultdict(list)
        for place in self._places.values():
            for name in dict.fromkeys([place.name, *(n.text for n in place.names)]):
                self._add(_Entry(place.id, name), name_form(name))
        self._starts = {
            name_form(words[0]).loose_key[:3]
            for place in self._places.values()
            for name in (place.name, *(n.text for n in place.names))
            if len(words := TOKEN.findall(name)) > 1
        }
        # answers are cached: the gazetteer never changes and reports repeat their names
        self._answers: dict[tuple[str, str | None, str | None, int], Resolution] = {}
        self._cache_answers = cache_answers
        self._match_cache: dict[NameForm, list[Match]] = {}

    @property
    def places(self) -> dict[str, Place]:
        """The places by id."""
        return self._places

    def _chain(self, place_id: str) -> tuple[str, ...]:
        chain: list[str] = []
        parent = self._places[place_id].parent
        while parent and parent in self._places and parent not in chain:
            chain.append(parent)
            parent = self._places[parent].parent
        return tuple(chain)

    def _add(self, entry: _Entry, form: NameForm) -> None:
        if not form.loose_key:
            return
        self._by["surface"][form.surface].append(entry)
        self._by["exact"][form.exact_key].append(entry)
        self._by["loose"][form.loose_key].append(entry)
        self._by["skeleton"][form.skeleton].append(entry)
        for alternate in form.alternates:
            self._by["alternate"][alternate].append(entry)
        if form.script == "arabic":
            return  # written without short vowels: found by skeleton, never by fuzzy keys
        self._fuzzy_entries[form.loose_key].append((entry, form.exact_key))
        block = self._blocks[(form.loose_key[0], len(form.loose_key))]
        if form.loose_key not in block:
            block.append(form.loose_key)

    def admin1(self, place_id: str) -> Place | None:
        """The province a place lies in (itself when it is one), if the pack says."""
        for pid in (place_id, *self._ancestors.get(place_id, ())):
            if self._places[pid].kind == "province":
                return self._places[pid]
        return None

    def is_under(self, place_id: str, near: str) -> bool:
        """True when `near` is the place itself or one of its parents."""
        return place_id == near or near in self._ancestors.get(place_id, ())

    def resolve(
        self, name: str, country: str | None = None, near: str | None = None, limit: int = 5
    ) -> Resolution:
        """Ranked places for `name`; with `country` only that country's, with `near` those
        under that place first; two countries' places on one key answer "ambiguous"."""
        asked = (name, country, near, limit)
        cached = self._answers.get(asked)
        if cached is None:
            if not self._cache_answers:
                return self._resolve(name, country, near, limit)
            if len(self._answers) > 100_000:
                self._answers.clear()
            cached = self._answers[asked] = self._resolve(name, country, near, limit)
        return cached

    def _resolve(self, name: str, country: str | None, near: str | None, limit: int) -> Resolution:
        form = name_form(name)
        matches = self._matches(form)
        if country:
            country = country.upper()
            matches = [m for m in matches if m.place.country == country]
        if not matches:
            where = f" in {country}" if country else ""
            return Resolution(
                name, "no_match", (), f"no place name{where} close enough to {name!r}"
            )
        if near or form.kind_hint:
            matches = sorted(matches, key=lambda m: self._rank(m, near, form.kind_hint))
        return self._decide(name, matches, near, form.kind_hint, limit)

    def _rank(self, match: Match, near: str | None, kind: str | None) -> tuple[float, int, int]:
        return (
            -match.score,
            0 if near and self.is_under(match.place.id, near) else 1,
            0 if kind and match.place.kind == kind else 1,
        )

    def _matches(self, form: NameForm) -> list[Match]:
        """Candidates best first, then admin units first (cached: the gazetteer never changes)."""
        cached = self._match_cache.get(form)
        if cached is None:
            if len(self._match_cache) > 100_000:
                self._match_cache.clear()
            found = self._candidates(form) if form.loose_key else {}
            cached = self._match_cache[form] = [
                Match(self._places[pid], round(score, 3), name)
                for pid, (score, name) in sorted(found.items(), key=self._base_rank)
            ]
        return cached

    def _base_rank(self, item: tuple[str, tuple[float, str]]) -> tuple[float, int, str]:
        place = self._places[item[0]]
        return (-item[1][0], KIND_ORDER.get(place.kind, 9), place.id)

    def _candidates(self, form: NameForm) -> dict[str, tuple[float, str]]:
        """Best score and matched name per place, from the strongest evidence found."""
        found: dict[str, tuple[float, str]] = {}
        lookups: list[tuple[str, str, float]] = [
            ("surface", form.surface, SAME_SPELLING),
            ("exact", form.exact_key, SAME_EXACT_KEY),
        ]
        if len(form.loose_key) >= 4:
            lookups.append(("loose", form.loose_key, SAME_LOOSE_KEY))
            lookups.append(("alternate", form.loose_key, SAME_WITHOUT_PREFIX))
            lookups.extend(("loose", alt, SAME_WITHOUT_PREFIX) for alt in form.alternates)
        if form.script == "arabic" and len(form.skeleton) >= 3:
            lookups.append(("skeleton", form.skeleton, SAME_SKELETON))
        for tier, key, score in lookups:
            for entry in self._by[tier].get(key, ()):
                if found.get(entry.place_id, (0.0, ""))[0] < score:
                    found[entry.place_id] = (score, entry.name)
        if not found:
            self._fuzzy(form, found)
        return found

    def _fuzzy(self, form: NameForm, found: dict[str, tuple[float, str]]) -> None:
        """Close keys of the same first sound and nearly the same length: the loose key finds
        candidates, and the mean of the loose and exact key ratios must pass a length floor."""
        key = form.loose_key
        floor = _fuzzy_floor(len(key))
        if floor is None:
            return
        for size in range(len(key) - 2, len(key) + 3):
            choices = self._blocks.get((key[0], size))
            if not choices:
                continue
            for other, loose, _ in process.extract(
                key, choices, scorer=fuzz.ratio, score_cutoff=floor, limit=5
            ):
                for entry, exact_key in self._fuzzy_entries[other]:
                    ratio = (loose + fuzz.ratio(form.exact_key, exact_key)) / 2
                    score = FUZZY_WEIGHT * ratio / 100
                    if ratio >= floor and found.get(entry.place_id, (0.0, ""))[0] < score:
                        found[entry.place_id] = (score, entry.name)

    def _decide(
        self, query: str, matches: list[Match], near: str | None, kind: str | None, limit: int
    ) -> Resolution:
        top = matches[0].score
        tie = _tier_floor(top)
        contenders = [m for m in matches if m.score >= tie]
        notes: list[str] = []
        if near:
            under = [m for m in contenders if self.is_under(m.place.id, near)]
            if under and len(under) < len(contenders):
                contenders = under
                notes.append(f"under {near} from the context")
        if kind:
            of_kind = [m for m in contenders if m.place.kind == kind]
            if of_kind and len(of_kind) < len(contenders):
                contenders = of_kind
                notes.append(f"the name says {kind}")
        rest = [m for m in matches if m not in contenders]
        countries = sorted({m.place.country for m in contenders})
        if len(countries) > 1:
            listed = ", ".join(f"{m.place.id} ({m.place.country})" for m in contenders)
            reason = f"{query!r} names places in {' and '.join(countries)}: {listed}"
            return Resolution(query, "ambiguous", tuple([*contenders, *rest][:limit]), reason)
        chosen, note = _prefer_kind(contenders)
        if chosen is None:
            listed = ", ".join(m.place.id for m in contenders)
            reason = f"{query!r} names several places of one kind: {listed}"
            return Resolution(query, "ambiguous", tuple([*contenders, *rest][:limit]), reason)
        notes.extend([note] if note else [])
        others = [m for m in [*contenders, *rest] if m is not chosen]
        reason = "; ".join([_evidence(query, chosen), *notes])
        return Resolution(query, "matched", tuple([chosen, *others][:limit]), reason)

    def spot(self, text: str, country: str | None = None, near: str | None = None) -> list[Spot]:
        """Candidate place names in running text, each resolved (with the hints of `resolve`
        for the whole text); spans that resolve to no_match are left out."""
        runs = name_runs(text)
        return [spot for run in runs for spot in self.run_spots(text, run, country, near)]

    def run_spots(
        self, text: str, run: list[Word], country: str | None = None, near: str | None = None
    ) -> list[Spot]:
        """The longest names in one run of name-like words (`runs.name_runs`), from its first
        word on, each resolved with the hints of `resolve`."""
        hints = (country, near)
        spots: list[Spot] = []
        i = 0
        while i < len(run):
            found = self._longest_at(text, run, i, hints)
            if found is None:
                i += 1
                continue
            spots.append(found[0])
            i += found[1]
        return spots

    def _longest_at(
        self, text: str, run: list[Word], i: int, hints: tuple[str | None, str | None]
    ) -> tuple[Spot, int] | None:
        generic = rules().generic_words
        if run[i][3] in generic:
            return None
        longest = min(4, len(run) - i)
        if name_form(run[i][2]).loose_key[:3] not in self._starts:
            # no pack name of several words starts like this: only "Kunduz province" is left
            longest = 2 if longest > 1 and run[i + 1][3] in generic else 1
        for size in range(longest, 0, -1):
            start, end = run[i][0], run[i + size - 1][1]
            phrase = text[start:end]
            resolution = self.resolve(phrase, country=hints[0], near=hints[1])
            if resolution.status != "no_match" and not _common_word(phrase, resolution):
                return Spot(phrase, start, end, resolution), size
        return None


class _CommonWords(BaseModel):
    """`region/data/common_words.json`: English words reports capitalise that are no places."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    language: str
    words: frozenset[str]


@cache
def _common_words() -> frozenset[str]:
    path = resources.files("borderwatch.region").joinpath("data/common_words.json")
    return _CommonWords.model_validate_json(path.read_text("utf-8")).words


def _common_word(phrase: str, resolution: Resolution) -> bool:
    """A common English word ("Soviet") in running text is a place only when it is spelled
    exactly as one: a sound key or a fuzzy match that finds one is a false friend ("Sovet")."""
    top = resolution.matches[0].score if resolution.matches else 0.0
    return top < SAME_SPELLING and phrase.lower() in _common_words()


def _tier_floor(top: float) -> float:
    """Matches of the top's kind of evidence tie with it: the name alone cannot part them."""
    if top >= STRONG_LEVEL:
        return STRONG_LEVEL
    return KEY_LEVEL if top >= KEY_LEVEL else top - FUZZY_TIE


def _fuzzy_floor(length: int) -> float | None:
    """Short names need near-exact spellings: no fuzzy match under five sounds."""
    if length < 5 or length > 40:
        return None
    if length <= 6:
        return 90.0
    return 88.0 if length <= 9 else 80.0


def _prefer_kind(contenders: list[Match]) -> tuple[Match | None, str | None]:
    """One place of the best kind wins; an admin unit wins over a town of the same name."""
    if len(contenders) == 1:
        return contenders[0], None
    best = min(KIND_ORDER.get(m.place.kind, 9) for m in contenders)
    first = [m for m in contenders if KIND_ORDER.get(m.place.kind, 9) == best]
    if len(first) > 1:
        top = max(m.score for m in first)
        first = [m for m in first if m.score == top]
        if len(first) > 1:
            return None, None
    chosen = first[0]
    others = sorted({m.place.kind for m in contenders if m is not chosen})
    if chosen.place.kind in ADMIN_KINDS:
        note = f"admin unit preferred over {' and '.join(others)} of the same name"
    else:
        note = f"{chosen.place.kind} preferred over {' and '.join(others)} of the same name"
    return chosen, note


def _evidence(query: str, match: Match) -> str:
    if match.score >= SAME_SPELLING:
        return f"same spelling as {match.matched!r}"
    if match.score >= KEY_LEVEL:
        return f"spelling variant of {match.matched!r} (same sound key)"
    return f"close spelling to {match.matched!r} (fuzzy, score {match.score:.2f})"
