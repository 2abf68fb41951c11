"""Runs of name-like words in running text: where the gazetteer looks for place names."""

from __future__ import annotations

import re

from borderwatch.region.transliterate import rules

# Words keep inner hyphens and apostrophes (Qal'ai), but not an English possessive 's.
TOKEN = re.compile(r"[^\W\d_]+(?:['’\-](?![sS]\b)[^\W\d_]+)*")
_GAP = re.compile(r"[ \t\-]*")
# Words in lower case (not "of") between plain ASCII separators: none of them opens a run, so
# one match steps over all of them; group 1 is the last (a run looks back one word at "of").
# Anything else (capitals, letters beyond ASCII, joined words) stops it for a closer look.
_SEPARATORS = r"[ \t\n,.;:()\"!?0-9]"
_LOWER_WORDS = re.compile(
    rf"(?:{_SEPARATORS}*(?!o[fF](?:{_SEPARATORS}|\Z))([a-z][a-zA-Z]*)(?={_SEPARATORS}|\Z))*"
)
_UNIT_WORDS = frozenset(
    ("district", "districts", "province", "provinces", "town", "village", "city", "river")
)


def name_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of adjacent name-like tokens: capitalised, non-Latin, joiners between them, a
    lower-case word after "district of", and a generic word (district, river) closing a run.

    Most words of a report are in lower case and outside every run: while no run is open they
    are stepped over by one regex match, and only the others are looked at one by one."""
    generic = rules().generic_words
    joiners = frozenset(rules().joiners)
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    before, last, last_end, at = "", "", -1, 0
    gap, next_token, lower_words = _GAP.fullmatch, TOKEN.search, _LOWER_WORDS.match
    while True:
        if not run and last != "of":
            skipped = lower_words(text, at)
            if skipped.lastindex:  # type: ignore[union-attr]
                last, at = skipped.group(1).lower(), skipped.end()  # type: ignore[union-attr]
        token = next_token(text, at)
        if token is None:
            break
        word = token.group()
        if run and gap(text, last_end, token.start()) is None:
            runs.append(run)
            run = []
        lower, first = word.lower(), word[0]
        if first.isupper() or not first.isascii() or (last == "of" and before in _UNIT_WORDS):
            run.append(token)
        elif run:
            closing = generic.get(lower)
            if closing or lower in joiners:
                run.append(token)
            if closing or lower not in joiners:
                runs.append(run)
                run = []
        before, last, last_end, at = last, lower, token.end(), token.end()
    runs.append(run)
    trimmed = (_trim(r, joiners) for r in runs)
    return [r for r in trimmed if r]


def _trim(run: list[re.Match[str]], joiners: frozenset[str]) -> list[re.Match[str]]:
    while run and run[-1].group() in joiners:
        run = run[:-1]
    return run
