"""Synthetic crisis reports and stored claims about the Tajik–Afghan border, for the benchmarks.

Every sentence template below was written for borderwatch's benchmarks; the places come from the
region pack (in all their English spellings), so the text exercises name matching as real
reports do. Everything is driven by one seeded random generator: the same seed gives the same
corpus on every machine.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from borderwatch.region.pack import RegionPack, load_pack

JULY_2021 = [date(2021, 7, 1) + timedelta(days=d) for d in range(31)]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PUBLISHERS = (
    "ANI", "Pajhwok", "AKIpress", "Asia-Plus", "RFE/RL", "TASS", "Reuters", "Khaama Press",
    "TOLOnews", "Avesta", "Kabar", "Eurasianet",
)  # fmt: skip
CITIES = (("Dushanbe", "Tajikistan"), ("Kabul", "Afghanistan"), ("Khorog", "Tajikistan"),
          ("Moscow", "Russia"), ("Faizabad", "Afghanistan"), ("Bishkek", "Kyrgyzstan"))  # fmt: skip

# Actor phrases as reports spell them, keyed by the role they play in a sentence.
ACTORS = {
    "taliban": ("Taliban militants", "the Taliban", "Taleban fighters", "Taliban insurgents"),
    "afghan": ("Afghan soldiers", "Afghan security forces", "Afghan troops", "Afghan servicemen"),
    "tajik": ("Tajik border guards", "Tajik authorities", "the Tajik army", "Tajik officials"),
    "leader": ("President Emomali Rahmon", "Emomali Rakhmon", "Rahmon", "the Tajik president"),
    "partner": ("Russia", "the CSTO", "Uzbekistan", "Kazakhstan", "China", "the Kremlin"),
    "agency": ("UNHCR", "the World Food Programme", "IOM", "the Red Crescent Society"),
}
SPEAKERS = (
    "a spokesman for the border service", "local officials", "a district police chief",
    "a member of the provincial council", "residents", "a Tajik security source",
)  # fmt: skip
QUALIFIERS = ("", "more than ", "about ", "at least ", "nearly ", "up to ", "over ")
NUMBER_WORDS = ("dozens of", "hundreds of", "two hundred", "three thousand", "twenty thousand")
EVENT_SHARE = 0.6  # the share of sentences that report an event
FRACTIONS = ("two-thirds", "a third", "half", "three quarters")

# One sentence per line; {fields} are filled from `_fill`. Written for this benchmark.
SENTENCES = (
    "{taliban} took full control of {af_district} district in {af_province} {when}.",
    "{af_district} fell to {taliban} {when} after {n} hours of fighting, {speaker} said.",
    "Heavy fighting broke out near {af_district2} {when} between {taliban} and {afghan}.",
    "{qual}{count} {afghan} crossed into Tajikistan near {crossing} {when}, {outlet} reported.",
    "According to {outlet}, {qual}{count} people fled across the Panj river towards {tj_district}.",
    "{leader} ordered {big} reservists to reinforce the border with Afghanistan {when}.",
    "{tajik} deployed {qual}{count} troops to {tj_district} district {when}.",
    "{fraction} of the {length}-kilometre border is now under {taliban2} control, {speaker} said.",
    "{tajik} said they were preparing camps for {words} refugees in {tj_district}.",
    "{agency} delivered food and tents for {qual}{count} families in {settlement} {when}.",
    "{partner} offered military support to Dushanbe and promised to hold joint exercises.",
    "The crossing at {crossing} was closed to traffic {when}, {outlet} said citing {speaker}.",
    "{partner} and Tajikistan agreed to strengthen cooperation on border security {when}.",
    "{tajik} told {outlet} that the situation in {tj_district} remained calm but tense.",
    "Residents of {settlement} said they could hear gunfire from across the river {when}.",
    "The district centre of {af_district2} was recaptured by {afghan} {when}, {speaker} said.",
    "{qual}{count} {afghan} retreated to Tajik territory and were given food and shelter.",
    "{outlet} quoted {speaker} as saying that {taliban2} had seized {n} border posts.",
    "Joint military exercises involving {qual}{big} troops will start near {tj_district} {when}.",
    "The governor of {af_province} said {taliban2} now held {n} of its districts.",
    "Prices of flour in {settlement} rose by {n} percent within a week, traders said.",
    "Aid workers in {tj_district} said {words} people were waiting at {crossing} {when}.",
)
# Background sentences with no event in them: real reports carry about as many as event ones.
BACKGROUND = (
    "The Panj river forms most of the frontier between the two countries.",
    "{tj_district} lies in a narrow valley that is cut off by snow for part of the winter.",
    "The road to {settlement} runs along the river for much of its length.",
    "Trade across the river had already slowed during the pandemic, {speaker} said.",
    "{outlet} could not independently verify the account.",
    "Many families in {tj_district} have relatives living on the other bank.",
    "The region is one of the poorest in Central Asia, with few roads and little industry.",
    "Officials in {af_province} did not respond to requests for comment.",
    "The weather in the mountains has been unusually dry this summer.",
    "Local markets in {settlement} remained open, and bus services ran as normal.",
)
HEADLINES = (
    "Taliban advance in {af_province} pushes soldiers across the Tajik border",
    "Tajikistan reinforces its border as fighting spreads in {af_province}",
    "Hundreds flee {af_district} as Taliban close in",
    "Dushanbe prepares for refugees from northern Afghanistan",
)


@dataclass(frozen=True)
class SyntheticReport:
    """One generated report: its clean text, its dateline day and its publisher."""

    text: str
    published: date
    publisher: str


@dataclass(frozen=True)
class PlaceEntry:
    """A place of the pack as a stored claim names it, with the spellings reports use."""

    place_id: str
    name: str
    kind: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    spellings: tuple[str, ...]

    def as_claim_place(self, text: str) -> dict[str, Any]:
        """The place as the `places` item of DESIGN.md's claim contract."""
        return {
            "text": text, "place_id": self.place_id, "name": self.name, "kind": self.kind,
            "country": self.country, "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
            "score": 0.95,
        }  # fmt: skip


@dataclass
class PlacePools:
    """The pack's places grouped by the role they play in a sentence."""

    by_role: dict[str, list[PlaceEntry]] = field(default_factory=dict)

    @classmethod
    def from_pack(cls, pack: RegionPack) -> PlacePools:
        """Group every named place of `pack` by kind and country."""
        places = pack.places
        entries: dict[str, list[PlaceEntry]] = {}
        for place in places.values():
            role = _role(place.kind, place.country)
            if role is None:
                continue
            spellings = tuple(
                dict.fromkeys([place.name, *(n.text for n in place.names if n.lang == "en")])
            )
            entry = PlaceEntry(
                place.id, place.name, place.kind, place.country,
                _admin1(places, place.id), place.lat, place.lon, spellings,
            )  # fmt: skip
            entries.setdefault(role, []).append(entry)
        return cls(entries)

    def pick(self, rng: random.Random, role: str) -> tuple[PlaceEntry, str]:
        """A place of `role` and one of its spellings."""
        entry = rng.choice(self.by_role[role])
        return entry, rng.choice(entry.spellings)

    @cached_property
    def all(self) -> list[PlaceEntry]:
        """Every place in every role."""
        return [e for entries in self.by_role.values() for e in entries]


def _role(kind: str, country: str) -> str | None:
    roles = {
        ("district", "AF"): "af_district", ("province", "AF"): "af_province",
        ("district", "TJ"): "tj_district", ("crossing", "TJ"): "crossing",
        ("crossing", "AF"): "crossing", ("settlement", "TJ"): "settlement",
        ("settlement", "AF"): "settlement",
    }  # fmt: skip
    return roles.get((kind, country))


def _admin1(places: Any, place_id: str) -> str | None:
    """The name of the province a place lies in (None for countries and provinces' parents)."""
    current = places.get(place_id)
    while current is not None:
        if current.kind == "province":
            return str(current.name)
        current = places.get(current.parent) if current.parent else None
    return None


def _when(rng: random.Random, day: date) -> str:
    """A time expression relative to the dateline day, in the ways reports phrase them."""
    earlier = day - timedelta(days=rng.randrange(1, 6))
    return rng.choice(
        (
            f"on {WEEKDAYS[earlier.weekday()]}",
            "overnight",
            "on Sunday night",
            f"on {earlier:%B} {earlier.day}",
            f"on {earlier.day} {earlier:%B}",
            "last week",
            "earlier this month",
        )
    )


def _count(rng: random.Random) -> str:
    value = rng.choice((rng.randrange(12, 99), rng.randrange(100, 999), rng.randrange(1000, 3000)))
    return f"{value:,}"


def _fill(rng: random.Random, pools: PlacePools, day: date) -> dict[str, str]:
    """Values for every template field (cheap enough to draw them all for each sentence)."""
    return {
        "taliban": rng.choice(ACTORS["taliban"]),
        "taliban2": "Taliban",
        "afghan": rng.choice(ACTORS["afghan"]),
        "tajik": rng.choice(ACTORS["tajik"]),
        "leader": rng.choice(ACTORS["leader"]),
        "partner": rng.choice(ACTORS["partner"]),
        "agency": rng.choice(ACTORS["agency"]),
        "speaker": rng.choice(SPEAKERS),
        "outlet": rng.choice(PUBLISHERS),
        "af_district": pools.pick(rng, "af_district")[1],
        "af_district2": pools.pick(rng, "af_district")[1],
        "af_province": pools.pick(rng, "af_province")[1],
        "tj_district": pools.pick(rng, "tj_district")[1],
        "crossing": pools.pick(rng, "crossing")[1],
        "settlement": pools.pick(rng, "settlement")[1],
        "when": _when(rng, day),
        "qual": rng.choice(QUALIFIERS),
        "count": _count(rng),
        "big": f"{rng.choice((5, 10, 20, 25, 100)) * 1000:,}",
        "words": rng.choice(NUMBER_WORDS),
        "fraction": rng.choice(FRACTIONS).capitalize(),
        "length": rng.choice(("1,357", "1,344", "1,400")),
        "n": str(rng.randrange(2, 30)),
    }


def _sentence(rng: random.Random, pools: PlacePools, day: date) -> str:
    templates = SENTENCES if rng.random() < EVENT_SHARE else BACKGROUND
    text = rng.choice(templates).format_map(_fill(rng, pools, day))
    return text[0].upper() + text[1:]


def write_report(rng: random.Random, pools: PlacePools, words: int) -> SyntheticReport:
    """One wire-style report: headline, dateline, then paragraphs until about `words` words."""
    day = rng.choice(JULY_2021[3:])
    publisher = rng.choice(PUBLISHERS)
    city, country = rng.choice(CITIES)
    headline = rng.choice(HEADLINES).format_map(_fill(rng, pools, day))
    paragraphs: list[str] = []
    sentences = [
        f"{city} ({country}) {day:%B} {day.day} ({publisher}):",
        _sentence(rng, pools, day),
    ]
    count = sum(len(s.split()) for s in sentences) + len(headline.split())
    while count < words:
        if len(sentences) >= rng.randrange(2, 5):
            paragraphs.append(" ".join(sentences))
            sentences = []
        sentence = _sentence(rng, pools, day)
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs.append(" ".join(sentences))
    return SyntheticReport("\n\n".join([headline, *paragraphs]) + "\n", day, publisher)


def report_corpus(
    count: int = 1000, words: int = 400, seed: int = 2021, pack: str = "tj-af"
) -> list[SyntheticReport]:
    """`count` reports of about `words` words each, the same for the same seed."""
    rng = random.Random(seed)
    pools = PlacePools.from_pack(load_pack(pack))
    return [write_report(rng, pools, words) for _ in range(count)]


# Stored claims: a short evidence sentence per event type (written for this benchmark).
ACTOR_NAMES = {
    "taliban": "Taliban", "afghan-government-forces": "Afghan government forces",
    "tajik-army": "Tajik army", "tajik-government": "Tajik government", "unhcr": "UNHCR",
    "tajik-border-guards": "Tajik border guards",
}  # fmt: skip
EVIDENCE = {
    "territorial_control_change": ("Taliban militants took control of {place}.", "taliban"),
    "armed_clash": ("Fighting broke out near {place} between the Taliban and the army.", "taliban"),
    "cross_border_movement": ("{value} Afghan soldiers crossed into Tajikistan near {place}.",
                              "afghan-government-forces"),
    "troop_deployment": ("Tajikistan deployed {value} troops to {place}.", "tajik-army"),
    "refugee_preparation": ("Tajik authorities prepared shelter for {value} refugees in {place}.",
                            "tajik-government"),
    "humanitarian_assistance": ("UNHCR delivered aid for {value} people in {place}.", "unhcr"),
    "border_closure_or_opening": ("The crossing near {place} was closed.", "tajik-border-guards"),
}  # fmt: skip
EVENT_TYPES = tuple(EVIDENCE)


@dataclass(frozen=True)
class ClaimReport:
    """A stored report of the load test: its text, publisher, day, and its claims' payloads."""

    text: str
    published: date
    publisher: str
    claims: list[dict[str, Any]]

    @property
    def content_hash(self) -> str:
        """The report's key in the store, as intake computes it from the raw bytes."""
        return hashlib.sha256(self.text.encode()).hexdigest()


def _claim(
    rng: random.Random, pools: PlacePools, offset: int, chain: list[str], published: date
) -> dict[str, Any]:
    """One claim payload in DESIGN.md's contract, its evidence starting at `offset`."""
    event_type = rng.choice(EVENT_TYPES)
    template, actor_id = EVIDENCE[event_type]
    place = rng.choice(pools.all)
    spelling = rng.choice(place.spellings)
    value = rng.randrange(10, 3000)
    evidence = template.format(place=spelling, value=f"{value:,}")
    day = published - timedelta(days=rng.randrange(0, 3))
    quantities = []
    if "{value}" in template:
        quantities.append(
            {"text": f"{value:,}", "value": value, "low": value, "high": value,
             "qualifier": "exact", "unit": "person", "of": "people"}
        )  # fmt: skip
    return {
        "type": event_type, "date": day.isoformat(), "date_precision": "day",
        "places": [place.as_claim_place(spelling)],
        "actors": [{"text": ACTOR_NAMES[actor_id], "actor_id": actor_id,
                    "name": ACTOR_NAMES[actor_id]}],
        "quantities": quantities, "attribution": chain,
        "evidence": {"start": offset, "end": offset + len(evidence), "text": evidence},
        "confidence": round(rng.uniform(0.5, 0.95), 3),
    }  # fmt: skip


def claim_reports(
    claims: int, per_report: int = 4, seed: int = 2021, pack: str = "tj-af"
) -> Iterator[ClaimReport]:
    """Reports holding `claims` claims in all, `per_report` each, over the pack and July 2021."""
    rng = random.Random(seed)
    pools = PlacePools.from_pack(load_pack(pack))
    made = 0
    serial = 0
    while made < claims:
        serial += 1
        publisher = rng.choice(PUBLISHERS)
        published = rng.choice(JULY_2021[3:])
        chain = [publisher] if rng.random() < 0.7 else [publisher, rng.choice(PUBLISHERS)]
        payloads: list[dict[str, Any]] = []
        text = f"Report {serial} ({publisher}).\n"
        for _ in range(min(per_report, claims - made)):
            payload = _claim(rng, pools, len(text), chain, published)
            text += payload["evidence"]["text"] + " "
            payloads.append(payload)
        made += len(payloads)
        yield ClaimReport(text.rstrip() + "\n", published, publisher, payloads)
