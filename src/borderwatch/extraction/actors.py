"""Actors in text: the actor lexicon's aliases, titles, context aliases and "the President"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from borderwatch.extraction.actors_schema import Actor, ActorLexicon
from borderwatch.extraction.document import ActorMention, Document, Token
from borderwatch.extraction.lexicon import load_lexicon
from borderwatch.extraction.patterns import trie_pattern
from borderwatch.extraction.tokenizer import tokenize
from borderwatch.extraction.words import finditer, opening_words, search

_POSSESSIVE = ("'s", "’s")
_LOWER = attrgetter("lower")
# "Uzbekistan and Kazakhstan", "Russia, China or Iran": look past the list to what precedes it.
_COORDINATED = re.compile(
    r"(?:(?:\s*,\s*|\s+(?:and|or)\s+)[A-Z][\w'’-]*)*(?:\s*,\s*|\s+(?:and|or)\s+)$"
)
_LAST_WORD = re.compile(r"[^\W\d_][\w'’-]*(?=\s*$)")


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("/", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 6


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(_POSSESSIVE) else word


@dataclass(frozen=True, slots=True)
class _Alias:
    words: tuple[str, ...]
    cased: tuple[str, ...] | None  # acronyms keep their case: "US" is not "us"
    key: str


class AliasIndex:
    """Whole-word alias matching on the document's tokens: a dict lookup per token, longest
    alias first, a possessive "'s" allowed on the last word ("Russia's")."""

    def __init__(self, aliases: Iterable[str]) -> None:
        self._by_first: dict[str, list[_Alias]] = {}
        for alias in dict.fromkeys(aliases):
            tokens = tokenize(alias)
            if not tokens:
                continue
            cased = tuple(t.text for t in tokens) if _is_acronym(alias) else None
            entry = _Alias(tuple(t.lower for t in tokens), cased, _fold(alias))
            self._by_first.setdefault(entry.words[0], []).append(entry)
        for entries in self._by_first.values():
            entries.sort(key=lambda a: len(a.words), reverse=True)
        # Most tokens start no alias: one set lookup each skips them (possessives included).
        self._starts = frozenset(
            word + suffix for word in self._by_first for suffix in ("", *_POSSESSIVE)
        )
        # "the" starts dozens of aliases: the word after it leaves the few worth trying.
        self._single = {w: [a for a in e if len(a.words) == 1] for w, e in self._by_first.items()}
        self._by_pair = {
            (word, second): [a for a in entries if len(a.words) == 1 or a.words[1] == second]
            for word, entries in self._by_first.items()
            for second in {a.words[1] for a in entries if len(a.words) > 1}
        }
        # "Russia's" may start an alias "russia's" or "russia", longest first.
        self._owners = {
            word: [*self._by_first.get(word, []), *self._by_first.get(word[:-2], [])]
            for word in self._starts
            if word.endswith(_POSSESSIVE)
        }

    def find(
        self, tokens: list[Token], lowers: list[str] | None = None
    ) -> list[tuple[int, int, str]]:
        """Non-overlapping matches as (start, end, folded alias), in text order (`lowers`: the
        tokens' lower case, when the caller has it)."""
        lowers = list(map(_LOWER, tokens)) if lowers is None else lowers
        found: list[tuple[int, int, str]] = []
        free = 0  # the first token after the last match
        # The tokens that may start an alias, picked without a Python step per token.
        for i in compress(range(len(lowers)), map(self._starts.__contains__, lowers)):
            if i < free:
                continue
            for alias in self._entries(lowers, i):
                hit = self._match(tokens, lowers, i, alias)
                if hit:
                    found.append(hit[0])
                    free = i + hit[1]
                    break
        return found

    def _entries(self, lowers: list[str], i: int) -> list[_Alias]:
        """The aliases that may start at token `i`, longest first ("Russia's" may also start
        "Russia"); without a possessive, only those whose second word comes next."""
        word = lowers[i]
        owners = self._owners.get(word)
        if owners is not None:
            return owners
        after = lowers[i + 1] if i + 1 < len(lowers) else ""
        if after.endswith(_POSSESSIVE):
            return self._by_first[word]
        return self._by_pair.get((word, after)) or self._single[word]

    @staticmethod
    def _match(
        tokens: list[Token], lowers: list[str], i: int, alias: _Alias
    ) -> tuple[tuple[int, int, str], int] | None:
        size = len(alias.words)
        if i + size > len(tokens):
            return None
        end = tokens[i + size - 1].end
        for k, expected in enumerate(alias.words):
            lower = lowers[i + k]
            if lower != expected:
                if k < size - 1 or _bare(lower) != expected:
                    return None
                end = tokens[i + k].end - 2
            if alias.cased and tokens[i + k].text[: len(alias.cased[k])] != alias.cased[k]:
                return None
        return (tokens[i].start, end, alias.key), size


@dataclass(frozen=True, slots=True)
class _Entry:
    actor: Actor
    context_only: bool
    place_like: bool


class ActorComponent:
    """Finds actors: fills `doc.actors` in text order."""

    name: str = "actors"
    adds: tuple[str, ...] = ("actors",)

    def __init__(self, language: str = "en") -> None:
        lexicon = load_lexicon("actors", language, ActorLexicon)
        self._entries: dict[str, _Entry] = {}
        self._aliases: list[str] = []
        for actor in lexicon.actors:
            self._add(actor)
        self._index = AliasIndex(self._aliases)
        self._actors = {e.actor.id: e.actor for e in self._entries.values()}
        self._references = {r.text.lower(): r for r in lexicon.references}
        self._reference_index = AliasIndex(self._references)
        cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in lexicon.place_cues)
        self._place_cue = re.compile(r"(?<![\w-])(?:" + cues + r")\s+(?:the\s+)?$", re.IGNORECASE)
        self._place_cue_words = opening_words(lexicon.place_cues)
        actor_cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in lexicon.actor_cues)
        self._actor_cue = re.compile(rf"(?<![\w-])(?:{actor_cues})\s+$", re.IGNORECASE)
        # An actor cue ends the text before a name: its last word tells which may (all without).
        self._actor_cue_ends = tuple({c.lower().split()[-1] for c in lexicon.actor_cues}) or ("",)
        self._states = {
            d.lower(): e.actor for e in self._entries.values() for d in e.actor.demonyms
        }
        demonym = trie_pattern(self._states)
        nouns = "|".join(re.escape(n) for n in lexicon.forces_nouns)
        self._coordinated = re.compile(
            rf"(?<![\w-])(?:{demonym})(?:\s*,\s*(?:{demonym}))*\s*,?\s+and\s+(?:{demonym})"
            rf"\s+(?P<noun>{nouns})(?![\w-])",
            re.IGNORECASE,
        )
        self._demonym = re.compile(rf"(?<![\w-])(?:{demonym})(?![\w-])", re.IGNORECASE)
        self._demonym_words = opening_words(self._states)  # where both regexes can match

    def _add(self, actor: Actor) -> None:
        place_like = {p.lower() for p in actor.place_like}
        for alias in actor.aliases:
            entry = _Entry(actor, False, alias.lower() in place_like)
            for text in (alias, *(f"{prefix} {alias}" for prefix in actor.prefixes)):
                self._entries[text.lower()] = entry
                self._aliases.append(text)
        for alias in actor.context_aliases:
            self._entries.setdefault(alias.lower(), _Entry(actor, True, False))
            self._aliases.append(alias)

    def __call__(self, doc: Document) -> Document:
        lowers = list(map(_LOWER, doc.tokens))  # for both indexes
        hits = list(self._hits(doc, lowers))
        named = {entry.actor.id for _, _, entry in hits if not entry.context_only}
        countries: set[str] | None = None
        kept: list[ActorMention] = []
        for start, end, entry in hits:
            actor = entry.actor
            if entry.context_only and actor.id not in named:
                # A report that names a country ("Tajik", "TJ side") makes its forces' bare
                # names ("border guards", "BG") theirs, as an analyst reads a field note.
                countries = self._countries(doc) if countries is None else countries
                if actor.country not in countries:
                    continue
            kept.append(ActorMention(start, end, doc.text[start:end], actor.id, actor.name))
        kept += self._coordinated_forces(doc, kept)
        kept.sort(key=lambda m: m.start)
        doc.actors = self._resolve_references(doc, kept, lowers)
        return doc

    def _countries(self, doc: Document) -> set[str]:
        """The countries whose demonyms the report uses."""
        found = (
            self._states[d.group().lower()].country
            for d in finditer(self._demonym, doc, self._demonym_words)
        )
        return {c for c in found if c}

    def _hits(self, doc: Document, lowers: list[str]) -> Iterable[tuple[int, int, _Entry]]:
        """The lexicon's aliases found in the text, with their entries, less the place-like
        names that stand for a place there."""
        text = doc.text
        for start, end, key in self._index.find(doc.tokens, lowers):
            entry = self._entries.get(key)
            # "Tajikistan's efforts": an owner is an actor wherever it stands
            if entry is None or (
                entry.place_like
                and not text.startswith(_POSSESSIVE, end)
                and self._after_place_cue(doc, start)
            ):
                continue
            yield start, end, entry

    def _coordinated_forces(self, doc: Document, found: list[ActorMention]) -> list[ActorMention]:
        """ "Russian, Uzbek and Tajik troops": each demonym names its country's forces."""
        added, text = [], doc.text
        for group in finditer(self._coordinated, doc, self._demonym_words):
            noun = group.group("noun").lower()
            for match in self._demonym.finditer(text, group.start(), group.start("noun")):
                if any(m.start < match.end() and match.start() < m.end for m in found):
                    continue
                entry = self._entries.get(f"{match.group().lower()} {noun}")
                actor = entry.actor if entry else self._states[match.group().lower()]
                added.append(
                    ActorMention(match.start(), match.end(), match.group(), actor.id, actor.name)
                )
        return added

    def _after_place_cue(self, doc: Document, start: int) -> bool:
        """A place-like name is a place after a place cue or any lower-case word ("help
        Tajikistan"), looking past coordination, unless an actor cue precedes it."""
        if search(self._place_cue, doc, self._place_cue_words, max(0, start - 30), start):
            return True
        before = doc.text[max(0, start - 80) : start]
        # Each regex below can only match at the end of `before`: look at its end first.
        if before.rstrip().endswith((",", "and", "or")):
            before = _COORDINATED.sub("", before)
        tail = before.rstrip()
        last = tail.rsplit(None, 1)[-1] if tail else ""
        ends_with_cue = not last.isascii() or last.lower().endswith(self._actor_cue_ends)
        if ends_with_cue and self._actor_cue.search(before):
            return False
        word = _LAST_WORD.search(before, len(tail) - len(last))
        return word is not None and word.group()[0].islower()

    def _resolve_references(
        self, doc: Document, mentions: list[ActorMention], lowers: list[str]
    ) -> list[ActorMention]:
        """Adds "the President" as the last actor of that kind named before it."""
        kinds = self._actors
        taken = [(m.start, m.end) for m in mentions]
        result = list(mentions)
        for start, end, key in self._reference_index.find(doc.tokens, lowers):
            if any(s < end and start < e for s, e in taken):
                continue
            reference = self._references[key]
            earlier = [
                m
                for m in mentions
                if m.end <= start
                and kinds[m.actor_id].kind == reference.kind
                and reference.country in (None, kinds[m.actor_id].country)
            ]
            if earlier:
                last = earlier[-1]
                text = doc.text[start:end]
                result.append(ActorMention(start, end, text, last.actor_id, last.name))
        result.sort(key=lambda m: m.start)
        return result

    def demonyms(self) -> dict[str, str]:
        """Adjectives of nationality ("Afghan") and the country code they point to."""
        return {
            d.lower(): e.actor.country
            for e in self._entries.values()
            if e.actor.country
            for d in e.actor.demonyms
        }


def _fold(matched: str) -> str:
    return " ".join(matched.split()).lower()
