"""Movement inside one country is displacement, not a border crossing.

"Some 300 families fled the city toward Khanabad overnight" and "1,500 families arrived in
Faizabad from Jurm" tell people moving, but no border crossed: analysts note them as `other`
(a state of affairs: people displaced), as the gold sets do 31 times to 2. A movement claim is
retyped to `other` when
- all its places lie in one country and none is a country, a crossing or a river;
- one of them is where the people went (a destination word before it: "to", "towards", "in");
- its sentence says nothing of a border crossed (no crossing word: "crossed", "border");
- and no one in it is of another country ("Afghan families arrived in Farkhor" crossed).
"""

from __future__ import annotations

import re

from borderwatch.extraction.actors_schema import ActorLexicon
from borderwatch.extraction.document import Claim, Document
from borderwatch.extraction.events_schema import EventLexicon
from borderwatch.extraction.lexicon import load_lexicon
from borderwatch.extraction.patterns import word_regex
from borderwatch.types import EventType

# Place kinds that say a border was reached or crossed, not a place inside a country.
_BORDER_KINDS = frozenset({"country", "crossing", "river"})
# How far before a place its destination word may stand ("towards the city of").
_REACH = 30
_WORD_END = r"(?![\w-])"


class Displacement:
    """Pipeline component: movement claims inside one country become `other`."""

    name: str = "displacement"
    adds: tuple[str, ...] = ("claims",)

    def __init__(self, lexicon: EventLexicon) -> None:
        actors = load_lexicon("actors", lexicon.language, ActorLexicon)
        self._countries = actors.countries()
        self._demonym_country = actors.demonym_countries()
        demonyms = [re.escape(d) for d in sorted(self._demonym_country, key=len, reverse=True)]
        self._demonym = word_regex(demonyms, _WORD_END)
        self._destination = word_regex(lexicon.destination_before, r"\s+$")
        self._crossing = word_regex(lexicon.crossing_words, _WORD_END)

    def __call__(self, doc: Document) -> Document:
        for claim in doc.claims:
            if claim.type is EventType.CROSS_BORDER_MOVEMENT and self._internal(doc.text, claim):
                claim.type = EventType.OTHER
        return doc

    def _internal(self, text: str, claim: Claim) -> bool:
        places = claim.places
        if not places or any(p.kind in _BORDER_KINDS or not p.place_id for p in places):
            return False
        countries = {p.country for p in places}
        if len(countries) != 1:
            return False
        (country,) = countries
        foreign = {self._countries.get(a.actor_id, country) for a in claim.actors} | {
            self._demonym_country[m.group().lower()]
            for m in self._demonym.finditer(claim.evidence_text)
        }
        if foreign - {country}:
            return False
        if not any(
            self._destination.search(text, max(0, p.start - _REACH), p.start) for p in places
        ):
            return False
        return self._crossing.search(claim.evidence_text) is None
