"""Place names to Latin letters and to spelling keys that survive romanisation variants."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii
from pydantic import BaseModel, ConfigDict

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Spelling units, longest first, so that "kh" is one sound and not k + h.
_UNIT = re.compile(r"shch|sch|dzh|tsh|tch|kh|gh|sh|ch|zh|ph|dj|ck|[a-z]")
_CONSONANT_CLASS = {
    "shch": "X", "sch": "X", "sh": "X", "dzh": "J", "dj": "J", "j": "J", "zh": "J",
    "tsh": "C", "tch": "C", "ch": "C", "kh": "H", "x": "H", "h": "H", "gh": "G", "g": "G",
    "q": "K", "k": "K", "c": "K", "ck": "K", "ph": "F", "f": "F", "w": "V", "v": "V",
}  # fmt: skip
_BACK_VOWELS = frozenset("aou")
_FRONT_VOWELS = frozenset("ei")
_VOWELS = _BACK_VOWELS | _FRONT_VOWELS
_ARABIC_VOWEL_MARKS = {"\u064e": "a", "\u0650": "i", "\u064f": "u"}
_ARABIC_ALEFS = frozenset("اآأإٱ")
_RUSSIAN_ADJECTIVE = re.compile(r"sk(?:iy|ii|y|aya|aja|oy|oi|ogo|oye|oe)$")


class NameRules(BaseModel):
    """`region/data/names.json`: letter tables, generic words and optional name parts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    cyrillic: dict[str, str]
    arabic_consonants: dict[str, str]
    latin_letters: dict[str, str]
    generic_words: dict[str, str]
    optional_prefixes: list[str]
    joiners: list[str]


@cache
def rules() -> NameRules:
    """The name rules shipped with borderwatch, read once."""
    text = resources.files("borderwatch.region").joinpath("data/names.json").read_text("utf-8")
    return NameRules.model_validate(json.loads(text))


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name reduced for matching: folded spelling, spelling keys and what its words hint."""

    surface: str  # folded Latin letters, generic words dropped, no separators
    exact_key: str  # sound classes with two vowel classes (a/o/u and e/i)
    loose_key: str  # sound classes with one vowel class
    skeleton: str  # consonant classes only: what Arabic script writes
    alternates: tuple[str, ...]  # loose keys without an optional prefix (Sultan, Kalai-)
    kind_hint: str | None  # "district", "river"... from a generic word in the name
    script: str  # "latin", "cyrillic" or "arabic"


def clear_caches() -> None:
    """Forget every cached normalisation (for benchmarks of the cold path)."""
    name_form.cache_clear()
    to_latin.cache_clear()
    _word_symbols.cache_clear()


def script_of(text: str) -> str:
    """The script of the first letter that is not Latin: cyrillic, arabic, or latin."""
    for char in text:
        if "\u0400" <= char <= "\u04ff":
            return "cyrillic"
        if "\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufeff":
            return "arabic"
    return "latin"


@lru_cache(maxsize=65536)
def to_latin(word: str) -> str:
    """One word in Latin, Cyrillic or Arabic script as lower-case ASCII letters."""
    if script_of(word) == "arabic":
        return _arabic_to_latin(word)
    table = rules()
    out: list[str] = []
    for char in word.lower():
        mapped = table.cyrillic.get(char)
        if mapped is None:
            mapped = table.latin_letters.get(char)
        if mapped is None:
            mapped = _fold(char)
        out.append(mapped)
    return "".join(out)


def _fold(char: str) -> str:
    if char.isascii():
        return char
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base.isascii() else anyascii(base).lower()


def _arabic_to_latin(word: str) -> str:
    """Arabic script writes long vowels only: و, ی and final ه read by their position."""
    table = rules().arabic_consonants
    letters = [c for c in word if c not in "\u200c\u0640"]
    out: list[str] = []
    for i, char in enumerate(letters):
        before = letters[i - 1] if i > 0 else ""
        after = letters[i + 1] if i + 1 < len(letters) else ""
        if char in _ARABIC_VOWEL_MARKS:
            out.append(_ARABIC_VOWEL_MARKS[char])
        elif char == "و":
            consonantal = not before or before == "خ" or after in _ARABIC_ALEFS
            out.append("w" if consonantal or before in _ARABIC_ALEFS else "u")
        elif char in "یيى":
            consonantal = not before or after in _ARABIC_ALEFS or before in _ARABIC_ALEFS
            out.append("y" if consonantal and after else "i")
        elif char in "هە":
            out.append("a" if not after and before else "h")
        elif unicodedata.category(char).startswith("M"):
            continue
        else:
            out.append(table.get(char, _fold(char)))
    return "".join(out)


@lru_cache(maxsize=65536)
def name_form(text: str) -> NameForm:
    """The matching form of a name as written in a report or a pack (cached: pure)."""
    table = rules()
    kind_hint: str | None = None
    words: list[str] = []
    for raw in _WORD.findall(_strip_apostrophes(text)):
        generic = table.generic_words.get(raw.lower())
        if generic is None:
            latin = to_latin(raw)
            generic = table.generic_words.get(latin)
            if generic is None:
                words.extend(_WORD.findall(latin))
                continue
        kind_hint = generic or kind_hint
    if kind_hint:
        # Russian names a unit by an adjective: Кулябский район, Шугнанская долина
        words = [_RUSSIAN_ADJECTIVE.sub("", w) if len(w) > 7 else w for w in words]
    return _form(words, kind_hint, script_of(text))


def _loosen(key: str) -> str:
    """Kunduz / Kundus and Vanj / Vanch (Tajik ҷ, Russian ч) are one name in the loose key."""
    return key.replace("Z", "S").replace("C", "J")


def _strip_apostrophes(text: str) -> str:
    # Qal'ai / Қалъаи / قلعه: the apostrophe marks a glottal stop that most spellings leave out.
    return re.sub(r"['’‘`´ʻʼʿʾъЪ]", "", text)


def _form(words: list[str], kind_hint: str | None, script: str) -> NameForm:
    surface = "".join(words)
    core = _drop_joiners(words)
    exact_key = _key(core, two_vowels=True)
    loose_key = _loosen(_key(core, two_vowels=False))
    alternates: list[str] = []
    prefixes = rules().optional_prefixes
    if len(core) > 1 and core[0] in prefixes:
        alternates.append(_loosen(_key(core[1:], two_vowels=False)))
    elif len(core) == 1:
        for prefix in prefixes:
            if core[0].startswith(prefix) and len(core[0]) - len(prefix) >= 4:
                rest = _key([core[0][len(prefix) :]], two_vowels=False)
                alternates.append(_loosen(rest))
                break
    skeleton = re.sub(r"[a-z]", "", loose_key)
    return NameForm(surface, exact_key, loose_key, skeleton, tuple(alternates), kind_hint, script)


def _drop_joiners(words: list[str]) -> list[str]:
    """Dasht-e Qala, Dashti Qala and Dasht Qala are one name: the ezafe joiner is dropped."""
    joiners = rules().joiners
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and w in joiners)]
    return [
        w[:-1] if i < len(kept) - 1 and len(w) > 3 and w[-1] in "ie" else w
        for i, w in enumerate(kept)
    ]


def _key(words: list[str], *, two_vowels: bool) -> str:
    symbols: list[str] = []
    for word in words:
        symbols.extend(_word_symbols(word))
    return _collapse(symbols, two_vowels=two_vowels)


@lru_cache(maxsize=65536)
def _word_symbols(word: str) -> tuple[str, ...]:
    """Sound classes of one word; vowels stay letters, consonant classes are capitals."""
    units = _UNIT.findall(word)
    symbols: list[str] = []
    for i, unit in enumerate(units):
        before = units[i - 1] if i > 0 else ""
        after = units[i + 1] if i + 1 < len(units) else ""
        if unit == "y":
            symbols.append(_y_symbol(before, after))
        elif unit in "wv" and _CONSONANT_CLASS.get(before) == "H":
            symbols.append("u")  # Khwahan, Khvahan, Khwaja: a vowel after kh
        elif unit == "h" and not after and before in _VOWELS:
            continue  # a final silent h: Qalah / Qala
        elif unit in _VOWELS:
            symbols.append(unit)
        else:
            symbols.append(_CONSONANT_CLASS.get(unit, unit.upper()))
    return tuple(symbols)


def _y_symbol(before: str, after: str) -> str:
    if after in _VOWELS:
        # Kulyab / Kulob: after a consonant y only softens it (Russian я, ё)
        return "Y" if not before or before in _VOWELS else ""
    return "i"


def _collapse(symbols: list[str], *, two_vowels: bool) -> str:
    """Vowel runs become one vowel class, and doubled consonants one consonant."""
    out: list[str] = []
    run: list[str] = []
    for symbol in [*symbols, "."]:
        if symbol in _VOWELS:
            run.append(symbol)
            continue
        if run:
            out.append("i" if two_vowels and any(v in _FRONT_VOWELS for v in run) else "a")
            run = []
        if symbol and symbol != "." and (not out or out[-1] != symbol):
            out.append(symbol)
    return "".join(out)
