"""Places in text: the gazetteer's spots, re-resolved with the sentence's country and province."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from borderwatch.extraction.actors_schema import ActorLexicon
from borderwatch.extraction.document import ActorMention, Document, PlaceMention
from borderwatch.extraction.lexicon import load_lexicon
from borderwatch.extraction.place_choice import (
    city,
    main_country,
    new_mention,
    of_kind,
    outside,
    own_town,
    spelled_country,
    town_of,
)
from borderwatch.extraction.place_runs import RunSpots
from borderwatch.extraction.places_schema import PlaceLexicon
from borderwatch.extraction.spans import ByStart
from borderwatch.extraction.words import opening_words, search
from borderwatch.region.names import Gazetteer, Match, Resolution, Spot
from borderwatch.region.schemas import Place

# A capitalised word right after a name: "Pamir Highway", "Panj Valley".
_CAPITALISED_NEXT = re.compile(r" [A-Z][a-z]")
# At most this many characters between two names of a list ("at Ishkoshim, Shughnon").
_LIST_GAP = 5
_NEXT_WORD = re.compile(r"\s*(\S+)")


class _Context(NamedTuple):
    """What a sentence says about where its places are (a tuple: one is made per sentence)."""

    country: str | None
    near: str | None
    framed: bool = False  # "in the province of P": its places lie in P, whatever the spelling
    hinted: bool = False  # the country from a demonym before a unit word ("Tajik district")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _words(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


class PlaceComponent:
    """Fills `doc.places`; run after the actors, whose spans are not places ("Tajikistan
    President ..."), and after the tokenizer, whose sentences bound the context."""

    name: str = "places"
    adds: tuple[str, ...] = ("places",)

    def __init__(self, gazetteer: Gazetteer, language: str = "en") -> None:
        self.gazetteer = gazetteer
        self._run_spots = RunSpots(gazetteer)
        self._crossings = [p for p in gazetteer.places.values() if p.kind == "crossing"]
        self._fields: dict[str, tuple[str, str, str, str, str | None, float | None, float | None]]
        self._fields = {}
        # Holds each resolution it answers for, so that no other can take its id meanwhile.
        self._bare_of: dict[int, tuple[Resolution, Match | None, Match | None]] = {}
        lexicon = load_lexicon("places", language, PlaceLexicon)
        actors = load_lexicon("actors", language, ActorLexicon)
        self._actor_sides = {**actors.countries(), **lexicon.actor_sides}
        self._demonyms = actors.demonym_countries()
        demonym = _words(sorted(self._demonyms, key=len, reverse=True))
        self._demonym_unit = re.compile(
            rf"(?<![\w-])(?P<d>{demonym})\s+{_words(lexicon.unit_words)}(?![\w-])", re.I
        )
        self._demonym_words = opening_words(self._demonyms)
        self._demonym_before = re.compile(rf"(?<![\w-])(?P<d>{demonym})\s+$", re.I)
        self._container_before = re.compile(
            rf"{_words(lexicon.container_before)}\s+(?:the\s+)?$", re.I
        )
        self._container_after = re.compile(rf"\s+{_words(lexicon.container_units)}(?!\w)", re.I)
        after = {**lexicon.kind_after, **lexicon.kind_after_phrases}
        self._kinds = {_key(k): v for k, v in after.items()}
        kinds = sorted(lexicon.kind_after, key=len, reverse=True)
        phrases = sorted(lexicon.kind_after_phrases, key=len, reverse=True) or ["(?!)"]
        self._kind_after = re.compile(
            rf"(?:\s+(?P<unit>{_words(kinds)})|\s*(?P<phrase>{_words(phrases)}))(?!\w)", re.I
        )
        # A name the gazetteer matched with its unit word ("Pyandzh district").
        # What stands between two names of a list: ", ", " and ", ", or ".
        self._list_joint = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)", re.I)
        self._kind_inside = re.compile(rf"\s(?P<unit>{_words(kinds)})$", re.I)
        self._kinds_before = {_key(k): v for k, v in lexicon.kind_before.items()}
        before = sorted(lexicon.kind_before, key=len, reverse=True) or ["(?!)"]
        joiners = lexicon.kind_before_joiners or ["(?!)"]
        self._kind_before = re.compile(
            rf"(?<![\w-])(?P<unit>{_words(before)})(?:\s+[\w'’-]+){{0,3}}?\s+"
            rf"{_words(joiners)}\s+(?:the\s+)?$",
            re.I,
        )
        sides = _words(lexicon.side_notes or ["(?!)"])
        self._side_note = re.compile(rf"\s*\((?P<d>{demonym})\s+{sides}\)", re.I)
        self._river_before = re.compile(rf"(?<!\w){_words(lexicon.river_articles)}\s+$", re.I)
        self._units = frozenset(w.lower() for w in (*lexicon.unit_words, *lexicon.not_town_after))
        self._city_districts = frozenset(lexicon.city_districts)
        self._cities = frozenset(lexicon.cities)
        bodies = _words(lexicon.body_of_country or ["(?!)"])
        self._body_of = re.compile(
            rf"(?<![\w-]){bodies}\s+of\s+(?:the\s+)?(?:islamic\s+)?(?:republic\s+of\s+)?$", re.I
        )
        sources = "|".join(
            re.escape(w[:1].upper()) + re.escape(w[1:]) for w in lexicon.source_words
        )
        self._source_after = re.compile(rf" (?:{sources or '(?!)'})(?!\w)")
        towns = _words(lexicon.settlement_before or ["(?!)"])
        self._settlement_before = re.compile(rf"(?<![\w-]){towns}\s+$", re.I)
        # The words each regex above opens with: they are tried only where one starts.
        self._kind_before_words = opening_words(lexicon.kind_before)
        self._settlement_words = opening_words(lexicon.settlement_before)
        self._body_words = opening_words(lexicon.body_of_country)

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        spots = outside(self._run_spots(text), doc.actors)
        spots = [s for s in spots if not self._named_after(doc, s)]
        places: list[PlaceMention] = []
        if spots:
            # Spots come in text order and do not overlap: a sentence's share is a slice.
            starts = [s.start for s in spots]
            report_country = main_country(spots)
            actors = ByStart(doc.actors)
            for start, end in doc.sentences:
                first, stop = bisect_left(starts, start), bisect_left(starts, end)
                if first == stop:
                    continue
                inside = [s for s in spots[first:stop] if s.end <= end]
                if inside:
                    places += self._sentence_places(doc, start, end, inside, actors, report_country)
        doc.places = places
        return doc

    def _named_after(self, doc: Document, spot: Spot) -> bool:
        """Whether a name is only part of the name of something else: a source ("Badakhshan
        Voice"), a body ("the Armed Forces of Afghanistan"), or a river's bare name before a
        capitalised word ("the Pamir Highway")."""
        text = doc.text
        if self._source_after.match(text, spot.end):
            return True
        matches = spot.resolution.matches
        # The first match's kind first: most names are of no country and no river.
        if (
            matches
            and matches[0].place.kind == "country"
            and all(m.place.kind == "country" for m in matches)
        ):
            window = max(0, spot.start - 60), spot.start
            return search(self._body_of, doc, self._body_words, *window) is not None
        river = (
            bool(matches)
            and matches[0].place.kind == "river"
            and all(m.place.kind == "river" for m in matches)
        )
        return (
            river and _CAPITALISED_NEXT.match(text, spot.end) is not None and " " not in spot.text
        )

    def _sentence_places(
        self,
        doc: Document,
        start: int,
        end: int,
        spots: list[Spot],
        actors: ByStart[ActorMention],
        report_country: str | None,
    ) -> list[PlaceMention]:
        """The places named at `spots` in the sentence [start, end) among these `actors`."""
        text = doc.text
        context = self._context(doc, start, end, spots)
        result = []
        # One name is no list; a sentence's actors are asked only for an ambiguous name.
        listed = self._list_kinds(doc, start, end, spots) if len(spots) > 1 else {}
        side: list[str | None] = []
        for index, spot in enumerate(spots):
            own = search(
                self._demonym_before,
                doc,
                self._demonym_words,
                max(start, spot.start - 20),
                spot.start,
            ) or self._side_note.match(text, spot.end, end)
            # A spelling of one side's ("Eshkashem", not "Ishkoshim") keeps its side unless a
            # province frames the sentence ("Shughnon ... in the Afghan province of Badakhshan");
            # a name both sides share ("Farkhor") is on the side of its sentence, else the report's.
            ambiguous = spot.resolution.status == "ambiguous"
            spelled = spelled_country(spot.resolution) if ambiguous and not context.framed else None
            if ambiguous and not spelled and not context.framed and not context.hinted:
                side = side or [self._side(actors.between(start, end))]
                spelled = side[0]
            country = self._demonyms[own.group("d").lower()] if own else spelled or context.country
            if country is None and ambiguous:
                country = report_country
            resolution = self._resolve(spot, country, context.near)
            kind = self._kind_hint(doc, start, end, spot, listed.get(index))
            preferred = self._of_kind(resolution, spot.resolution, kind, country) if kind else None
            if kind is None:
                preferred, town = self._bare(resolution)
                # The words around a name are read only when it has a town to name.
                if not preferred and town and self._names_town(doc, end, spot, spots):
                    preferred = town
            if preferred and town_of(preferred, self._city_districts):
                preferred = None  # "the city of Khorugh" is the Khorugh city district
            result.append(self._mention(spot, resolution, preferred))
        return result

    def _bare(self, resolution: Resolution) -> tuple[Match | None, Match | None]:
        """The city a bare name means and the town it means after "in", "at" (`city`,
        `own_town`), worked out once per resolution: the gazetteer gives the same one for a
        name every time."""
        held = self._bare_of.get(id(resolution))
        if held is None or held[0] is not resolution:
            if len(self._bare_of) > 100_000:
                self._bare_of.clear()
            found = city(resolution, self._cities), own_town(resolution, self._city_districts)
            held = self._bare_of[id(resolution)] = (resolution, *found)
        return held[1], held[2]

    def _side(self, actors: list[ActorMention]) -> str | None:
        """The one country of a sentence's actors that have a side, if they share one."""
        sides = {self._actor_sides.get(a.actor_id) for a in actors} - {None}
        return sides.pop() if len(sides) == 1 else None

    def _of_kind(
        self, resolution: Resolution, first: Resolution, kind: str, country: str | None
    ) -> Match | None:
        """The best candidate of `kind`; for a crossing named by its district or town ("the
        bridge at Ishkashim"), the one crossing that lies in that place."""
        found = of_kind(resolution, first, kind, country)
        if found is not None or kind != "crossing":
            return found
        for match in (*resolution.matches, *first.matches):
            if country not in (None, match.place.country):
                continue
            inside = {match.place.id, match.place.parent if match.place.kind != "district" else ""}
            crossings = [p for p in self._crossings if p.parent in inside]
            if len(crossings) == 1:
                return Match(crossings[0], match.score, match.matched)
        return None

    def _names_town(self, doc: Document, end: int, spot: Spot, spots: list[Spot]) -> bool:
        """Whether a name after "in", "at", "near" ... is a town: not followed by a unit word
        ("at Nosai post", "Imam Sahib side") and not one of a list of names."""
        window = max(0, spot.start - 10), spot.start
        if not search(self._settlement_before, doc, self._settlement_words, *window):
            return False
        after = _NEXT_WORD.match(doc.text, spot.end, end)
        words = [*spot.text.lower().split()[-1:], *([after.group(1).lower()] if after else [])]
        if any(w.strip(".,;:()") in self._units for w in words):
            return False
        return len(spots) == 1 or not any(0 <= s.start - spot.end <= _LIST_GAP for s in spots)

    def _list_kinds(self, doc: Document, start: int, end: int, spots: list[Spot]) -> dict[int, str]:
        """The kind a unit word gives every name of a list: after its last name ("the
        Ishkoshim, Khorog and Ruzvai bridges") or before its first ("the crossings at A and B");
        "" for the names of a list with a name that is no river and no unit word."""
        kinds: dict[int, str] = {}
        first = 0
        for index in range(1, len(spots) + 1):
            if index < len(spots):
                gap = doc.text[spots[index - 1].end : spots[index].start]
                if self._list_joint.fullmatch(gap):
                    continue
            if index - first > 1:
                kind = self._kind_after_name(doc, end, spots[index - 1]) or self._kind_before_name(
                    doc, start, spots[first]
                )
                members = spots[first:index]
                landward = any(
                    all(m.place.kind != "river" for m in s.resolution.matches) for s in members
                )
                if kind or landward:  # "the Panj and Farkhor sections": "the" names no river
                    kinds.update(dict.fromkeys(range(first, index), kind or ""))
            first = index
        return kinds

    def _kind_after_name(self, doc: Document, end: int, spot: Spot) -> str | None:
        after = self._kind_after.match(doc.text, spot.end, end)
        if after:
            return self._kinds[_key(after.group("unit") or after.group("phrase"))]
        inside = self._kind_inside.search(spot.text)
        return self._kinds[_key(inside.group("unit"))] if inside else None

    def _kind_before_name(self, doc: Document, start: int, spot: Spot) -> str | None:
        window = max(start, spot.start - 60), spot.start
        before = search(self._kind_before, doc, self._kind_before_words, *window)
        return self._kinds_before[_key(before.group("unit"))] if before else None

    def _kind_hint(
        self, doc: Document, start: int, end: int, spot: Spot, listed: str | None = None
    ) -> str | None:
        """The kind the words around a name point to: a unit word after it (or after the list
        it is in), one before it, "the" a river."""
        kind = self._kind_after_name(doc, end, spot) or listed
        kind = kind or self._kind_before_name(doc, start, spot)
        if kind:
            return kind
        if listed is None and self._river_before.search(
            doc.text, max(start, spot.start - 6), spot.start
        ):
            return "river"
        return None

    def _context(self, doc: Document, start: int, end: int, spots: list[Spot]) -> _Context:
        """The sentence's country (demonym before a unit word, else a container's or the only
        country of its matched places) and its province (a container or the only one named)."""
        text = doc.text
        hint = search(self._demonym_unit, doc, self._demonym_words, start, end)
        country = self._demonyms[hint.group("d").lower()] if hint else None
        hinted = hint is not None
        named: list[Place] = []
        contained: list[Place] = []
        for spot in spots:
            best = (self._resolve(spot, country, None) if country else spot.resolution).best
            if best is None or best.place.kind != "province":
                continue
            named.append(best.place)
            before = self._container_before.search(text, max(start, spot.start - 25), spot.start)
            if before or self._container_after.match(text, spot.end, end):
                contained.append(best.place)
        for provinces in (contained, named):
            if provinces and (len(provinces) == 1 or len({p.id for p in provinces}) == 1):
                framed = provinces is contained
                return _Context(country or provinces[0].country, provinces[0].id, framed, hinted)
        if len(spots) > 1:  # one name has no other names to lie under it
            supported = self._supported(spots)
            if len({p.id for p in supported}) == 1:
                return _Context(country or supported[0].country, supported[0].id, False, hinted)
        if country is None and len(spots) == 1:
            best = spots[0].resolution.best
            country = best.place.country if best else None
        elif country is None:
            countries = {r.best.place.country for r in (s.resolution for s in spots) if r.best}
            country = countries.pop() if len(countries) == 1 else None
        return _Context(country, None, False, hinted)

    def _supported(self, spots: list[Spot]) -> list[Place]:
        """An ambiguous province that other names of the sentence lie under ("Eshkashem
        district of Badakhshan"): the candidate whose names fit best, if only one does."""
        support: dict[str, tuple[float, Place]] = {}
        for spot in spots:
            for match in spot.resolution.matches:
                if match.place.kind != "province":
                    continue
                score = sum(
                    max(
                        (
                            m.score
                            for m in other.matches
                            if self.gazetteer.is_under(m.place.id, match.place.id)
                        ),
                        default=0.0,
                    )
                    for other in (s.resolution for s in spots if s is not spot)
                )
                if score:
                    support[match.place.id] = (score, match.place)
        if not support:
            return []
        best = max(score for score, _ in support.values())
        return [place for score, place in support.values() if score == best]

    def _resolve(self, spot: Spot, country: str | None, near: str | None) -> Resolution:
        if country is None and near is None:
            return spot.resolution
        again = self.gazetteer.resolve(spot.text, country=country, near=near)
        return again if again.status == "matched" else spot.resolution

    def _mention(
        self, spot: Spot, resolution: Resolution, preferred: Match | None = None
    ) -> PlaceMention:
        best = preferred or resolution.best
        if best is None:
            matches = resolution.matches
            kinds = {m.place.kind for m in matches}
            countries = {m.place.country for m in matches}
            return PlaceMention(
                spot.start, spot.end, spot.text, None, spot.text,
                kinds.pop() if len(kinds) == 1 else "",
                countries.pop() if len(countries) == 1 else "",
                None, None, None,
                matches[0].score if matches else 0.0,
                tuple(m.place.id for m in matches),
            )  # fmt: skip
        place = best.place
        fields = self._fields.get(place.id)
        if fields is None:  # a place's own fields, looked up once: reports name few places
            admin1 = self.gazetteer.admin1(place.id)
            fields = self._fields[place.id] = (
                place.id, place.name, place.kind, place.country,
                admin1.name if admin1 else None, place.lat, place.lon,
            )  # fmt: skip
        return new_mention(spot.start, spot.end, spot.text, fields, best.score)
