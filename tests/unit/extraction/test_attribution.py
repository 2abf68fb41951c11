"""The attribution component: chains from the outermost publisher to the original speaker."""

from __future__ import annotations

import pytest

from borderwatch.extraction.actors import ActorComponent
from borderwatch.extraction.attribution import AttributionComponent, report_chain
from borderwatch.extraction.document import Document
from borderwatch.extraction.tokenizer import Tokenizer

DATELINE = "Kabul (Afghanistan) July 6 (ANI): "


@pytest.fixture(scope="module")
def attribution() -> AttributionComponent:
    return AttributionComponent("en")


@pytest.fixture(scope="module")
def actors() -> ActorComponent:
    return ActorComponent("en")


def chains(
    attribution: AttributionComponent,
    actors: ActorComponent,
    text: str,
    publisher: str | None = None,
) -> list[tuple[str, ...]]:
    doc = Document(text, publisher=publisher)
    doc = attribution(actors(Tokenizer()(doc)))
    return [m.chain for m in doc.attributions]


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        (
            "Troops were sent, Pajhwok News reported citing Kyrgyz Republic's AKI press.",
            ("ANI", "Pajhwok", "AKI press"),
        ),
        (
            "According to RadioFree Liberty, Tajik authorities say the border is tense.",
            ("ANI", "RFE/RL", "Tajik authorities"),
        ),
        (
            "Putin agreed, according to a Kremlin statement.",
            ("ANI", "Kremlin"),
        ),
        (
            "A spokesman for the Tajik border service told Reuters that 300 crossed.",
            ("ANI", "Reuters", "Tajik border service"),
        ),
        (
            "The Tajik Foreign Ministry, quoted by TASS, said talks went well.",
            ("ANI", "TASS", "Tajik Foreign Ministry"),
        ),
        (
            "Interfax reported, citing the State Committee for National Security, that posts fell.",
            ("ANI", "Interfax", "GKNB"),
        ),
        ("Fighting went on overnight, local officials said.", ("ANI", "local officials")),
        ("Rahmon said the border was secure.", ("ANI", "Emomali Rahmon")),
        ("Radio Ozodi reported the closure.", ("ANI", "RFE/RL")),
    ],
)
def test_a_sentence_names_its_chain(
    attribution: AttributionComponent,
    actors: ActorComponent,
    sentence: str,
    chain: tuple[str, ...],
) -> None:
    assert chains(attribution, actors, DATELINE + "Nothing else. " + sentence)[1:] == [chain]


def test_the_report_chain_is_the_dateline_agency(
    attribution: AttributionComponent, actors: ActorComponent
) -> None:
    doc = attribution(actors(Tokenizer()(Document(DATELINE + "Troops moved."))))
    assert report_chain(doc) == ("ANI",)
    assert doc.attributions[0].end == len(DATELINE) - 1


def test_the_publisher_goes_before_the_dateline_agency(
    attribution: AttributionComponent, actors: ActorComponent
) -> None:
    text = "DUSHANBE, July 5 (Reuters) - Troops moved."
    assert chains(attribution, actors, text, publisher="Yahoo News") == [("Yahoo News", "Reuters")]
    assert chains(attribution, actors, text, publisher="Reuters news agency") == [("Reuters",)]


def test_a_sentence_without_a_cue_names_no_source(
    attribution: AttributionComponent, actors: ActorComponent
) -> None:
    text = DATELINE + "Tajik authorities are preparing camps. Reuters photographers were there."
    assert chains(attribution, actors, text) == [("ANI",)]


def test_no_dateline_and_no_publisher_is_an_empty_chain(
    attribution: AttributionComponent, actors: ActorComponent
) -> None:
    assert chains(attribution, actors, "Troops moved, officials said.") == [(), ("officials",)]


def test_canonical_names_fold_spellings(attribution: AttributionComponent) -> None:
    assert attribution.canonical("Radio Free Europe/Radio Liberty") == "RFE/RL"
    assert attribution.canonical("AKIpress") == "AKI press"
    assert attribution.canonical("Pamir Field Monitor") == "Pamir Field Monitor"


def test_the_statement_said_refers_back_to_the_last_chain(
    attribution: AttributionComponent, actors: ActorComponent
) -> None:
    text = (
        "DUSHANBE, July 5 (Reuters) - Soldiers crossed overnight, the GKNB said. "
        "In a statement, the committee said they were disarmed. He said all were safe."
    )
    assert chains(attribution, actors, text)[1:] == [("Reuters", "GKNB")] * 3


def test_a_speaker_outside_the_list_is_named_by_its_phrase(
    attribution: AttributionComponent, actors: ActorComponent
) -> None:
    text = DATELINE + (
        "Posts fell, a source in the provincial police said. "
        "Local elders in Nusay said the bridge was shut."
    )
    assert chains(attribution, actors, text)[1:] == [
        ("ANI", "provincial police"),
        ("ANI", "local elders"),
    ]


@pytest.mark.parametrize(
    ("header", "chain"),
    [
        (
            "PAMIR FIELD MONITOR - SITREP 4 - 05 JUL 2021\n\n- TB took Hohon.",
            ("Pamir Field Monitor",),
        ),
        (
            "Field note, 5 July\nSource: Pamir Field Monitor team 2\n\nQuiet.",
            ("Pamir Field Monitor",),
        ),
        (
            "PRESS RELEASE\nBorder Troops of the State Committee for National Security\n\nQuiet.",
            ("Tajik border service",),
        ),
        ("SMS 0700 06/07 frm tm2 (Vakhsh River Watch)\nTB in Hohon.", ("Vakhsh River Watch",)),
        ("FIELD TXT / Khatlon Voice stringer / 5 Jul 2021\nQuiet.", ("Khatlon Voice",)),
        (
            "INFORMATION\nof the Ministry of Defence of the Republic of Tajikistan\n\nQuiet.",
            ("Tajik Defence Ministry",),
        ),
    ],
)
def test_a_report_without_dateline_names_its_source_in_its_header(
    attribution: AttributionComponent,
    actors: ActorComponent,
    header: str,
    chain: tuple[str, ...],
) -> None:
    assert chains(attribution, actors, header)[0] == chain


def test_a_log_line_labelled_with_a_source_is_its_speaker(
    attribution: AttributionComponent, actors: ActorComponent
) -> None:
    text = "RELIEF LOG - Panj\n\n22/06 16:10 TJ BG: 134 ANA crossed into Panj district."
    assert chains(attribution, actors, text)[-1] == ("Relief Log", "Tajik border service")


def test_according_to_the_report_continues_the_chain_named_before(
    attribution: AttributionComponent, actors: ActorComponent
) -> None:
    text = (
        "Rahmon held talks, Pajhwok News reported citing AKIpress.\n\n"
        "The leaders agreed to coordinate, according to the report."
    )
    found = chains(attribution, actors, text, publisher="ANI")
    assert found[-1] == found[-2] == ("ANI", "Pajhwok", "AKI press")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Nusay dist centre handed to TB w/o fight, per elders.", "elders"),
        ("According to the site manager, 38 civilians crossed on a raft.", "site manager"),
        ("Fighting went on near Rostaq, according to local sources.", "local sources"),
    ],
)
def test_a_cue_names_a_speaker_outside_the_list(
    attribution: AttributionComponent, actors: ActorComponent, sentence: str, speaker: str
) -> None:
    assert chains(attribution, actors, sentence, publisher="Relief Desk")[-1] == (
        "Relief Desk",
        speaker,
    )
