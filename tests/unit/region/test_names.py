"""The matcher on a small gazetteer built here from public facts (no pack, no database)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.region.names import Gazetteer
from borderwatch.region.schemas import Place, PlaceName

# (id, kind, country, parent, name, other names): districts, towns, crossings and the river on
# both banks, spelled as Wikipedia, GeoNames and the two governments write them.
ROWS: list[tuple[str, str, str, str | None, str, list[str]]] = [
    ("af", "country", "AF", None, "Afghanistan", ["افغانستان", "Афғонистон"]),
    ("tj", "country", "TJ", None, "Tajikistan", ["Тоҷикистон", "Таджикистан", "تاجیکستان"]),
    ("af-badakhshan", "province", "AF", "af", "Badakhshan", ["بدخشان"]),
    ("af-takhar", "province", "AF", "af", "Takhar", ["تخار"]),
    ("af-kunduz", "province", "AF", "af", "Kunduz", ["قندوز"]),
    ("tj-gbao", "province", "TJ", "tj", "Gorno-Badakhshan", ["GBAO", "Kuhistoni Badakhshon"]),
    ("tj-khatlon", "province", "TJ", "tj", "Khatlon", ["Хатлон"]),
    ("af-khwahan", "district", "AF", "af-badakhshan", "Khwahan", ["خواهان"]),
    ("af-shekay", "district", "AF", "af-badakhshan", "Shekay", ["Shiki", "شیکی"]),
    ("af-nusay", "district", "AF", "af-badakhshan", "Nusay", ["نسی"]),
    ("af-maimay", "district", "AF", "af-badakhshan", "Maimay", ["Mahimai", "میمی"]),
    ("af-darwaz", "district", "AF", "af-badakhshan", "Darwaz", ["درواز"]),
    ("af-shughnan", "district", "AF", "af-badakhshan", "Shughnan", ["شغنان"]),
    ("af-ishkashim", "district", "AF", "af-badakhshan", "Ishkashim", ["اشکاشم"]),
    ("af-wakhan", "district", "AF", "af-badakhshan", "Wakhan", ["واخان"]),
    ("af-fayzabad", "district", "AF", "af-badakhshan", "Fayzabad", []),
    ("af-faizabad", "settlement", "AF", "af-fayzabad", "Faizabad", ["فیض‌آباد"]),
    ("af-kunduz-city", "settlement", "AF", "af-kunduz", "Kunduz", []),
    ("af-dasht-e-qala", "district", "AF", "af-takhar", "Dasht-e Qala", ["دشت قلعه"]),
    ("af-yangi-qala", "district", "AF", "af-takhar", "Yangi Qala", []),
    ("af-khwaja-bahauddin", "district", "AF", "af-takhar", "Khwaja Bahauddin", []),
    ("af-chah-ab", "district", "AF", "af-takhar", "Chah Ab", []),
    ("af-imam-sahib", "district", "AF", "af-kunduz", "Imam Sahib", ["امام صاحب"]),
    ("af-qala-i-zal", "district", "AF", "af-kunduz", "Qala-i-Zal", []),
    ("af-shir-khan-bandar", "crossing", "AF", "af-imam-sahib", "Shir Khan Bandar", []),
    ("tj-ishkoshim", "district", "TJ", "tj-gbao", "Ishkoshim", ["Ишкошим"]),
    ("tj-ishkoshim-town", "settlement", "TJ", "tj-ishkoshim", "Ishkoshim", []),
    ("tj-shughnon", "district", "TJ", "tj-gbao", "Shughnon", ["Шуғнон"]),
    ("tj-darvoz", "district", "TJ", "tj-gbao", "Darvoz", ["Дарвоз"]),
    ("tj-rushon", "district", "TJ", "tj-gbao", "Rushon", ["Рӯшон"]),
    ("tj-vanj", "district", "TJ", "tj-gbao", "Vanj", ["Ванҷ"]),
    ("tj-roshtqala", "district", "TJ", "tj-gbao", "Roshtqal'a", ["Рошткалъа"]),
    ("tj-khorugh", "settlement", "TJ", "tj-gbao", "Khorugh", ["Хоруғ"]),
    ("tj-kalai-khumb", "settlement", "TJ", "tj-darvoz", "Qal'ai Khumb", ["Қалъаи Хумб"]),
    ("tj-panj", "district", "TJ", "tj-khatlon", "Panj", ["Панҷ"]),
    ("tj-panj-town", "settlement", "TJ", "tj-panj", "Panj", []),
    ("tj-kulob", "settlement", "TJ", "tj-khatlon", "Kulob", ["Кӯлоб"]),
    ("tj-shamsiddin-shohin", "district", "TJ", "tj-khatlon", "Shamsiddin Shohin", []),
    ("tj-hamadoni", "district", "TJ", "tj-khatlon", "Hamadoni", []),
    ("tj-jaloliddini-balkhi", "district", "TJ", "tj-khatlon", "Jaloliddini Balkhi", []),
    ("tj-panji-poyon", "crossing", "TJ", "tj-jaloliddini-balkhi", "Panji Poyon", []),
    ("panj-river", "river", "TJ", None, "Panj", ["Пяндж", "آب پنج"]),
]


def build_places() -> list[Place]:
    """The fixture rows as pack places."""
    return [
        Place(
            id=pid, kind=kind, country=cc, parent=parent, name=name,  # type: ignore[arg-type]
            names=[PlaceName(text=text) for text in names],
        )
        for pid, kind, cc, parent, name, names in ROWS
    ]  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """One gazetteer for every test of this module: it is only read."""
    return Gazetteer(build_places())


def best_id(gazetteer: Gazetteer, name: str, **hints: str) -> str:
    """The chosen place's id, failing the test when the name is not matched."""
    resolution = gazetteer.resolve(name, **hints)  # type: ignore[arg-type]
    assert resolution.status == "matched", resolution.reason
    return resolution.matches[0].place.id


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Hohon", "af-khwahan"),
        ("Khahan", "af-khwahan"),
        ("خواهان", "af-khwahan"),
        ("Shekay", "af-shekay"),
        ("Sheki", "af-shekay"),
        ("Nusai", "af-nusay"),
        ("Maymay", "af-maimay"),
        ("Хорог", "tj-khorugh"),
        ("Khorog", "tj-khorugh"),
        ("Kulyab", "tj-kulob"),
        ("Куляб", "tj-kulob"),
        ("Kalai-Khumb", "tj-kalai-khumb"),
        ("Kalaikhumb", "tj-kalai-khumb"),
        ("Dashti Qala", "af-dasht-e-qala"),
        ("Dasht-i-Qal'ah", "af-dasht-e-qala"),
        ("Sherkhan Bandar", "af-shir-khan-bandar"),
        ("Kondoz", "af-kunduz"),
        ("Qunduz", "af-kunduz"),
    ],
)
def test_variant_spellings_find_their_place(
    gazetteer: Gazetteer, spelling: str, expected: str
) -> None:
    assert best_id(gazetteer, spelling) == expected


def test_a_seed_spelling_says_why_it_matched(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Hohon")
    assert resolution.best is not None
    assert resolution.best.matched == "Khwahan"
    assert 0.9 <= resolution.best.score < 1.0
    assert "Khwahan" in resolution.reason


@pytest.mark.parametrize(("spelling", "af", "tj"), [
    ("Ishkashim", "af-ishkashim", "tj-ishkoshim"),
    ("Eshkashem", "af-ishkashim", "tj-ishkoshim"),
    ("Shughnon", "af-shughnan", "tj-shughnon"),
    ("Darvoz", "af-darwaz", "tj-darvoz"),
])  # fmt: skip
def test_namesakes_are_ambiguous_without_a_hint(
    gazetteer: Gazetteer, spelling: str, af: str, tj: str
) -> None:
    resolution = gazetteer.resolve(spelling)
    assert resolution.status == "ambiguous"
    assert resolution.best is None
    listed = {m.place.id for m in resolution.matches}
    assert {af, tj} <= listed
    assert "AF" in resolution.reason and "TJ" in resolution.reason


@pytest.mark.parametrize(("spelling", "af", "tj"), [
    ("Ishkashim", "af-ishkashim", "tj-ishkoshim"),
    ("Shughnon", "af-shughnan", "tj-shughnon"),
    ("Darwaz", "af-darwaz", "tj-darvoz"),
])  # fmt: skip
def test_a_country_hint_picks_that_bank(
    gazetteer: Gazetteer, spelling: str, af: str, tj: str
) -> None:
    assert best_id(gazetteer, spelling, country="AF") == af
    assert best_id(gazetteer, spelling, country="TJ") == tj


def test_context_prefers_places_under_it(gazetteer: Gazetteer) -> None:
    assert best_id(gazetteer, "Shughnon", near="af-badakhshan") == "af-shughnan"
    assert best_id(gazetteer, "Eshkashem", near="af") == "af-ishkashim"
    assert best_id(gazetteer, "Shughnan", near="tj-gbao") == "tj-shughnon"
    resolution = gazetteer.resolve("Shughnon", near="af-badakhshan")
    assert "af-badakhshan" in resolution.reason


def test_admin_unit_is_preferred_over_a_town_of_the_same_name(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Panj")
    assert resolution.status == "matched"
    assert resolution.matches[0].place.id == "tj-panj"
    assert {m.place.id for m in resolution.matches} == {"tj-panj", "tj-panj-town", "panj-river"}
    assert "admin unit preferred" in resolution.reason


def test_a_generic_word_in_the_name_picks_the_kind(gazetteer: Gazetteer) -> None:
    assert best_id(gazetteer, "Panj river") == "panj-river"
    assert best_id(gazetteer, "Pyanj River") == "panj-river"
    assert best_id(gazetteer, "Panj town") == "tj-panj-town"
    assert best_id(gazetteer, "Kunduz city") == "af-kunduz-city"
    assert best_id(gazetteer, "Kunduz") == "af-kunduz"


def test_a_country_hint_with_no_place_there_is_no_match(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Kulob", country="AF")
    assert resolution.status == "no_match"
    assert resolution.matches == ()


@pytest.mark.parametrize(
    "word",
    ["Tuesday", "Reuters", "President", "Russia", "Taliban", "Kabul", "Moscow", "Tashkent",
     "Kazakhstan", "Uzbekistan", "Kremlin", "Putin", "Rahmon", "Pajhwok", "July", "CSTO",
     "the", "Afghan", "Tajik", "soldiers", "Panjshir", "Kulma", "Khor"],
)  # fmt: skip
def test_unrelated_words_are_no_match(gazetteer: Gazetteer, word: str) -> None:
    resolution = gazetteer.resolve(word)
    assert resolution.status == "no_match", resolution.reason
    assert word in resolution.reason


def test_short_names_need_a_near_exact_spelling(gazetteer: Gazetteer) -> None:
    assert best_id(gazetteer, "Vanj") == "tj-vanj"
    assert gazetteer.resolve("Vank").status == "no_match"
    assert gazetteer.resolve("Panja").status == "no_match"


def test_a_close_misspelling_is_a_fuzzy_match_below_key_matches(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Jaloliddin Balkhii Rumi")
    assert resolution.status == "no_match"
    fuzzy = gazetteer.resolve("Shamsiddin Shohinn")
    assert fuzzy.status == "matched"
    near_miss = gazetteer.resolve("Shamsidin Shohim")
    assert near_miss.status == "matched"
    assert near_miss.matches[0].place.id == "tj-shamsiddin-shohin"
    assert near_miss.matches[0].score < 0.86
    assert "fuzzy" in near_miss.reason


def test_limit_caps_the_matches(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.resolve("Panj", limit=2).matches) == 2


def test_admin1_is_the_province_above(gazetteer: Gazetteer) -> None:
    province = gazetteer.admin1("af-faizabad")
    assert province is not None and province.id == "af-badakhshan"
    assert gazetteer.admin1("panj-river") is None


SEED_SENTENCE = (
    "Taliban militants took full control of the districts of Hohon, Shekay, Nusay, Maimay, "
    "Shughnon and Eshkashem in the Afghan province of Badakhshan, which borders Tajikistan. "
    "On Tuesday, Reuters said Russia would help."
)


def test_spot_finds_the_seed_districts_and_skips_other_words(gazetteer: Gazetteer) -> None:
    spots = gazetteer.spot(SEED_SENTENCE)
    texts = [s.text for s in spots]
    assert texts == [
        "Hohon", "Shekay", "Nusay", "Maimay", "Shughnon", "Eshkashem", "Badakhshan", "Tajikistan",
    ]  # fmt: skip
    for spot in spots:
        assert SEED_SENTENCE[spot.start : spot.end] == spot.text
    assert spots[0].resolution.matches[0].place.id == "af-khwahan"
    assert spots[4].resolution.status == "ambiguous"


def test_spot_passes_context_hints_on(gazetteer: Gazetteer) -> None:
    spots = gazetteer.spot(SEED_SENTENCE, near="af-badakhshan")
    by_text = {s.text: s.resolution for s in spots}
    assert by_text["Shughnon"].matches[0].place.id == "af-shughnan"
    assert by_text["Eshkashem"].matches[0].place.id == "af-ishkashim"
    assert by_text["Shughnon"].status == "matched"
    assert gazetteer.spot(SEED_SENTENCE)[4].resolution.status == "ambiguous"


def test_spot_takes_the_longest_name_and_other_scripts() -> None:
    gazetteer = Gazetteer(build_places())
    text = (
        "Fighting in the district of khwahan and near Qal'ai Khumb; Хорог and خواهان were calm. "
        "Refugees crossed the Panj river at Shir Khan Bandar, Afghanistan's main port."
    )
    spots = {s.text: s.resolution for s in gazetteer.spot(text)}
    assert set(spots) == {
        "khwahan", "Qal'ai Khumb", "Хорог", "خواهان", "Panj river", "Shir Khan Bandar",
        "Afghanistan",
    }  # fmt: skip
    assert spots["Panj river"].matches[0].place.id == "panj-river"
    assert spots["Хорог"].matches[0].place.id == "tj-khorugh"


def test_spot_is_fast_enough_for_the_extraction_pipeline(gazetteer: Gazetteer) -> None:
    report = (SEED_SENTENCE + " ") * 20  # about 600 words
    gazetteer.spot(report)
    started = time.perf_counter()
    for _ in range(20):
        gazetteer.spot(report)
    per_report = (time.perf_counter() - started) / 20
    # 200 reports a second leave 5 ms each; the guard has slack for a shared, busy machine
    assert per_report < 0.02


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_resolves_without_error(gazetteer: Gazetteer, text: str) -> None:
    resolution = gazetteer.resolve(text)
    assert resolution.status in ("matched", "ambiguous", "no_match")
    assert all(0 < m.score <= 1 for m in resolution.matches)
    for spot in gazetteer.spot(text):
        assert text[spot.start : spot.end] == spot.text


def test_a_common_word_is_a_place_only_when_spelled_as_one() -> None:
    # "Sovet" is a real Tajik place name; "Soviet" in running text is the adjective.
    sovet = Place(id="tj-sovet", kind="district", country="TJ", name="Sovet", lat=37.9, lon=69.6)
    gazetteer = Gazetteer([*build_places(), sovet])
    assert gazetteer.resolve("Soviet").best is not None  # a name asked for on its own still matches
    text = "The Soviet-era bridge near Sovet was shut; Soviet engineers built it."
    assert [s.text for s in gazetteer.spot(text)] == ["Sovet"]
