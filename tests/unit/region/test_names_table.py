"""The spelling table: how reports write the places of the bundled tj-af pack, and what they are.

Rows come from public facts (Wikipedia, GeoNames, BGN/PCGN romanisation, the seed report);
many spellings are deliberately not among the pack's aliases, so they pass only by the rules.
Columns: spelling, country hint, context place (`near`), expected place id or status.
"""

from __future__ import annotations

import pytest

from borderwatch.region.names import Gazetteer
from borderwatch.region.pack import load_pack

AMBIGUOUS = "ambiguous"
NO_MATCH = "no_match"
BADAKHSHAN = "af-badakhshan"

TABLE: list[tuple[str, str | None, str | None, str]] = [
    # the seed report's six spellings, in its context "the Afghan province of Badakhshan"
    ("Hohon", None, BADAKHSHAN, "af-badakhshan-khwahan"),
    ("Shekay", None, BADAKHSHAN, "af-badakhshan-shekay"),
    ("Nusay", None, BADAKHSHAN, "af-badakhshan-nusay"),
    ("Maimay", None, BADAKHSHAN, "af-badakhshan-maimay"),
    ("Shughnon", None, BADAKHSHAN, "af-badakhshan-shughnan"),
    ("Eshkashem", None, BADAKHSHAN, "af-badakhshan-ishkashim"),
    ("Shughnon", "AF", None, "af-badakhshan-shughnan"),
    ("Eshkashem", "AF", None, "af-badakhshan-ishkashim"),
    # kh / h / x and w after kh
    ("Khahan", None, None, "af-badakhshan-khwahan"),
    ("Xwahan", None, None, "af-badakhshan-khwahan"),
    ("Hwahan", None, None, "af-badakhshan-khwahan"),
    ("Khohon", None, None, "af-badakhshan-khwahan"),
    ("KHWAHAN", None, None, "af-badakhshan-khwahan"),
    ("Xorog", None, None, "tj-gbao-khorugh"),
    ("Horugh", None, None, "tj-gbao-khorugh"),
    ("Khatlan", None, None, "tj-khatlon"),
    ("Xatlon", None, None, "tj-khatlon"),
    # gh / g and q / k
    ("Shugnon", "TJ", None, "tj-gbao-shughnon"),
    ("Murgob", None, None, "tj-gbao-murghob"),
    ("Qulob", None, None, "tj-khatlon-kulob"),
    ("Qunduz", None, None, "af-kunduz"),
    ("Kunduz", None, None, "af-kunduz"),
    ("Kondoz", None, None, "af-kunduz"),
    ("Kundus", None, None, "af-kunduz"),
    ("Talukan", None, None, "af-takhar-taloqan"),
    ("Rostak", None, None, "af-takhar-rustaq"),
    ("Danggara", None, None, "tj-khatlon-danghara"),
    # w / v / u
    ("Darwaz", "TJ", None, "tj-gbao-darvoz"),
    ("Darvoz", "AF", None, "af-badakhshan-nusay"),
    ("Wanj", None, None, "tj-gbao-vanj"),
    ("Wanch", None, None, "tj-gbao-vanj"),
    ("Vardoj", None, None, "af-badakhshan-warduj"),
    ("Варсадж", None, None, "af-takhar-warsaj"),
    ("Kuran-o-Munjan", None, None, "af-badakhshan-kuran-wa-munjan"),
    ("Vakhon", None, None, "af-badakhshan-wakhan"),
    # ay / ai / ey / ei and vowel shifts (o/u, e/i, a/o)
    ("Shekai", None, None, "af-badakhshan-shekay"),
    ("Sheki", None, None, "af-badakhshan-shekay"),
    ("Nosai", None, None, "af-badakhshan-nusay"),
    ("Maymey", None, None, "af-badakhshan-maimay"),
    ("Faizabad", None, None, "af-badakhshan-fayzabad"),
    ("Feyzabad", None, None, "af-badakhshan-fayzabad"),
    ("Fayzabad", None, None, "af-badakhshan-fayzabad"),
    ("Faizobod", None, None, "af-badakhshan-fayzabad"),
    ("Feizabad city", None, None, "af-town-faizabad"),
    ("Kulob", None, None, "tj-khatlon-kulob"),
    ("Kulyab", None, None, "tj-khatlon-kulob"),
    ("Kulyob", None, None, "tj-khatlon-kulob"),
    ("Kolab", None, None, "tj-khatlon-kulob"),
    ("Kulob town", None, None, "tj-town-kulob"),
    ("Ishkoshim", "TJ", None, "tj-gbao-ishkoshim"),
    ("Ishkashim", "AF", None, "af-badakhshan-ishkashim"),
    ("Eshkashim", "TJ", None, "tj-gbao-ishkoshim"),
    ("Rushan", None, None, "tj-gbao-rushon"),
    ("Zebok", None, None, "af-badakhshan-zebak"),
    ("Yomgon", None, None, "af-badakhshan-yamgan"),
    ("Imom Sohib", None, None, "af-kunduz-imam-sahib"),
    ("Emam Saheb", None, None, "af-kunduz-imam-sahib"),
    ("Khanobod", None, None, "af-kunduz-khanabad"),
    ("Aliobod", None, None, "af-kunduz-aliabad"),
    ("Shuroabad", None, None, "tj-khatlon-shamsiddin-shohin"),
    # doubled letters, hyphens, spaces and -e- / -i- joiners
    ("Shughnnan", None, BADAKHSHAN, "af-badakhshan-shughnan"),
    ("Dasht-e Qala", None, None, "af-takhar-dasht-e-qala"),
    ("Dashti Qala", None, None, "af-takhar-dasht-e-qala"),
    ("Dasht-i-Qal'a", None, None, "af-takhar-dasht-e-qala"),
    ("Dashte Kala", None, None, "af-takhar-dasht-e-qala"),
    ("Dasht-e-Archi", None, None, "af-kunduz-dasht-e-archi"),
    ("Shahr-i Buzurg", None, None, "af-badakhshan-shahri-buzurg"),
    ("Yangi-Qala", None, None, "af-takhar-yangi-qala"),
    ("Qala-e-Zal", None, None, "af-kunduz-qala-i-zal"),
    ("Khwaja Bahawoddin", None, None, "af-takhar-khwaja-bahauddin"),
    ("Khoja Bahovuddin", None, None, "af-takhar-khwaja-bahauddin"),
    ("Sher Khan Bandar", None, None, "af-town-shir-khan-bandar"),
    ("Shirkhan-Bandar", None, None, "af-town-shir-khan-bandar"),
    ("Jaloliddin Balkhi", None, None, "tj-khatlon-jaloliddini-balkhi"),
    ("Panj-i Poyon", None, None, "tj-town-panji-poyon"),
    # prefixes (Sultan, Kalai- / Qal'ai-) and generic words
    ("Sultan Ishkashim", None, None, "af-badakhshan-ishkashim"),
    ("Kalai-Khumb", None, None, "tj-town-kalai-khumb"),
    ("Qal'ai Khumb", None, None, "tj-town-kalai-khumb"),
    ("Kalaikhum", None, None, "tj-town-kalai-khumb"),
    ("Qal'ai-Khum", None, None, "tj-town-kalai-khumb"),
    ("Kalai Khumb town", None, None, "tj-town-kalai-khumb"),
    ("Khwahan district", None, None, "af-badakhshan-khwahan"),
    ("Kunduz province", None, None, "af-kunduz"),
    ("Takhar Province", None, None, "af-takhar"),
    ("Rushon District", None, None, "tj-gbao-rushon"),
    ("Panj river", None, None, "river-panj"),
    ("Pyandzh River", None, None, "river-panj"),
    ("Panj district", None, None, "tj-khatlon-panj"),
    ("Panj town", None, None, "tj-town-panj"),
    ("Panj", None, None, "tj-khatlon-panj"),
    # Cyrillic (Tajik and Russian) and Arabic script
    ("Хорог", None, None, "tj-gbao-khorugh"),
    ("Хоруғ", None, None, "tj-gbao-khorugh"),
    ("Ҳамадонӣ", None, None, "tj-khatlon-hamadoni"),
    ("Кӯлоб", None, None, "tj-khatlon-kulob"),
    ("Шуғнон", "TJ", None, "tj-gbao-shughnon"),
    ("Ишкошим", "TJ", None, "tj-gbao-ishkoshim"),
    ("Ванҷ", None, None, "tj-gbao-vanj"),
    ("Дашти Қалъа", None, None, "af-takhar-dasht-e-qala"),
    ("Файзабад", None, None, "af-badakhshan-fayzabad"),
    ("Кундуз", None, None, "af-kunduz"),
    ("Кулябский район", None, None, "tj-khatlon-kulob"),
    ("Шугнанский район", "TJ", None, "tj-gbao-shughnon"),
    ("Горно-Бадахшанская автономная область", None, None, "tj-gbao"),
    ("ولسوالی شغنان", None, None, "af-badakhshan-shughnan"),
    ("خاروغ", None, None, "tj-gbao-khorugh"),
    ("خواهان", None, None, "af-badakhshan-khwahan"),
    ("خواهان", "AF", None, "af-badakhshan-khwahan"),
    ("شغنان", "AF", None, "af-badakhshan-shughnan"),
    ("تخار", None, None, "af-takhar"),
    ("رستاق", None, None, "af-takhar-rustaq"),
    ("کلفگان", None, None, "af-takhar-kalafgan"),
    ("وردوج", None, None, "af-badakhshan-warduj"),
    # case and diacritics
    ("khorugh", None, None, "tj-gbao-khorugh"),
    ("KULOB", None, None, "tj-khatlon-kulob"),
    ("Khorūgh", None, None, "tj-gbao-khorugh"),
    ("Dŭstí", None, None, "tj-khatlon-dusti"),
    ("Šuġnon", "TJ", None, "tj-gbao-shughnon"),
    ("Fayżābād", None, None, "af-badakhshan-fayzabad"),
    # namesakes on the two banks: without a hint, ambiguous, never a guess
    ("Ishkashim", None, None, AMBIGUOUS),
    ("Ishkoshim", None, None, AMBIGUOUS),
    ("Shughnan", None, None, AMBIGUOUS),
    ("Shughnon", None, None, AMBIGUOUS),
    ("Darwaz", None, None, AMBIGUOUS),
    ("Darvoz", None, None, AMBIGUOUS),
    ("Farkhar", None, None, AMBIGUOUS),
    ("Baharak", None, None, AMBIGUOUS),
    ("Baharak", None, "af-takhar", "af-takhar-baharak"),
    ("Farkhor", "TJ", None, "tj-khatlon-farkhor"),
    ("Farkhar", "AF", None, "af-takhar-farkhar"),
    # negatives: words from reports that are not places of this pack
    ("Tuesday", None, None, NO_MATCH),
    ("Reuters", None, None, NO_MATCH),
    ("President", None, None, NO_MATCH),
    ("Russia", None, None, NO_MATCH),
    ("Taliban", None, None, NO_MATCH),
    ("Kabul", None, None, NO_MATCH),
    ("Moscow", None, None, NO_MATCH),
    ("Tashkent", None, None, NO_MATCH),
    ("Kazakhstan", None, None, NO_MATCH),
    ("Uzbekistan", None, None, NO_MATCH),
    ("Kremlin", None, None, NO_MATCH),
    ("Pajhwok", None, None, NO_MATCH),
    ("Rahmon", None, None, NO_MATCH),
    ("Emomali", None, None, NO_MATCH),
    ("Dushanbe", None, None, NO_MATCH),
    ("Mazar-i-Sharif", None, None, NO_MATCH),
    ("Kabul province", None, None, NO_MATCH),
    ("July", None, None, NO_MATCH),
    ("Kulob", "AF", None, NO_MATCH),
    ("Khwahan", "TJ", None, NO_MATCH),
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The bundled pack's gazetteer."""
    return Gazetteer(load_pack("tj-af").places.values())


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 80


@pytest.mark.parametrize(("spelling", "country", "near", "expected"), TABLE)
def test_spelling(
    gazetteer: Gazetteer, spelling: str, country: str | None, near: str | None, expected: str
) -> None:
    resolution = gazetteer.resolve(spelling, country=country, near=near)
    if expected in (AMBIGUOUS, NO_MATCH):
        assert resolution.status == expected, resolution.reason
    else:
        assert resolution.status == "matched", resolution.reason
        assert resolution.matches[0].place.id == expected, resolution.reason
