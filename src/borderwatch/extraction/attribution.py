"""Who says so: the attribution chain of each sentence, from the outermost publisher inwards."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from borderwatch.extraction.actors import AliasIndex
from borderwatch.extraction.attribution_schema import AttributionLexicon, Source
from borderwatch.extraction.document import ActorMention, AttributionMention, Document
from borderwatch.extraction.lexicon import load_lexicon
from borderwatch.extraction.patterns import Folded
from borderwatch.extraction.words import holds, occurs, opening_words, search, word_starts


@dataclass(frozen=True, slots=True)
class _Link:
    """One link of a chain found in a sentence, with where it sorts."""

    start: int
    end: int
    name: str
    group: int  # _OUTER, _MEDIA, _SPEAKER, or _BACK for "the statement said"


_OUTER, _MEDIA, _SPEAKER, _BACK = 0, 1, 2, 3
_TRAILING_PLACE = re.compile(
    r"\s+(?:in|of|from|at|near)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$"
)


_REMARK = re.compile(r"\s*\([^()]*\)\s*")
_POSTED_BY = re.compile(r"^(?:(?:a\s+)?(?:thread|post|posts|tweet|tweets|blog)\s+)?by\s+", re.I)
_SECTION = re.compile(r"\s+[-–—|]\s+.*$")
_COUNTED = re.compile(
    r"^(?:two|three|four|five|several|some|many|multiple|a\s+few|a\s+number\s+of|\d+)\s+(?=\w)",
    re.I,
)


def _phrases(words: Iterable[str]) -> str:
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


def report_chain(doc: Document) -> tuple[str, ...]:
    """The chain every sentence starts from: the publisher and the dateline agency."""
    for mention in doc.attributions:
        if mention.start == 0 and not mention.text:
            return mention.chain
    return ()


class AttributionComponent:
    """Fills `doc.attributions`: first the report's own chain (a mention with empty text
    spanning the dateline, or zero-width at 0), then one mention per sentence naming sources."""

    name: str = "attribution"
    adds: tuple[str, ...] = ("attributions",)

    def __init__(self, language: str = "en") -> None:
        lexicon = load_lexicon("attribution", language, AttributionLexicon)
        self._sources = {a.lower(): s for s in lexicon.sources for a in s.aliases}
        self._index = AliasIndex(a for s in lexicon.sources for a in s.aliases)
        self._before = re.compile(
            rf"(?<![\w-])(?P<cue>{_phrases(lexicon.cues_before)})\s+(?:[\w'’.-]+\s+){{0,3}}$",
            re.IGNORECASE,
        )
        after = _phrases(lexicon.cues_after)
        # Matched from a source's end up to the sentence's end (`match(text, pos, endpos)`).
        self._after = Folded(
            re.compile(rf"\s*(?:,\s*{after}|(?:[\w'’.-]+\s+){{0,2}}?{after})(?!\w)", re.IGNORECASE)
        )
        speech = _phrases(lexicon.speech_verbs)
        self._speech = re.compile(rf"\s*,?\s*{speech}(?!\w)", re.I)  # matched at an actor's end
        # "..., a police official said." / "Local officials said ...": a speaker outside the list
        self._phrase = re.compile(
            rf"(?:^|,\s+)(?:(?P<article>{_phrases(lexicon.articles)})\s+)?"
            rf"(?P<phrase>[^\W\d][\w'’-]*(?:\s+[\w'’-]+){{0,5}}?)\s+{speech}(?!\w)",
            re.IGNORECASE,
        )
        self._backref = {w.lower() for w in lexicon.backref_nouns}
        # "according to the report": no name of its own, the chain named before goes on
        # the cue opens the sentence up to a comma, or closes it
        self._cue_phrase = re.compile(
            rf"(?:^|(?<=[,;(])\s*|\s)(?:{_phrases(lexicon.phrase_cues)})\s+"
            rf"(?:{_phrases(lexicon.articles)}\s+)?"
            rf"(?P<phrase>[^\W\d][\w'’-]*(?:\s+[\w'’-]+){{0,3}}?)"
            rf"(?:\s*,|\s*[.;)]?\s*$)",
            re.IGNORECASE,
        )
        self._cue_backref = re.compile(
            rf"(?<![\w-]){_phrases(lexicon.cues_before)}\s+(?:the|this|that|its|their)\s+"
            rf"{_phrases(lexicon.backref_nouns)}(?![\w-])",
            re.IGNORECASE,
        )
        # Each rule below needs one of these words where it matches: without it, no scan.
        self._cue_words = opening_words(lexicon.cues_before)
        self._speech_words = opening_words(lexicon.speech_verbs)
        self._phrase_cue_words = opening_words(lexicon.phrase_cues)
        self._pronouns = {w.lower() for w in lexicon.backref_pronouns}
        prefixes = _phrases(lexicon.speaker_prefixes)
        self._speaker_prefix = re.compile(rf"^{prefixes}\s+", re.IGNORECASE)
        self._outer = {c.lower() for c in lexicon.outer_cues}
        self._dateline = re.compile(lexicon.dateline_pattern)
        self._letterheads = [re.compile(p) for p in lexicon.letterhead_patterns]
        self._canonical: dict[str, str] = {}

    def canonical(self, name: str) -> str:
        """The canonical name of a source as written in any of its spellings, else the name
        as written without what only describes it: a remark in brackets ("(fictional
        account)"), "Thread by", a feed's section ("TOLOnews - Afghanistan"), or a count ("two
        security sources"). Remembered per name: the same speakers come back report after
        report."""
        known = self._canonical.get(name)
        if known is None:
            if len(self._canonical) > 100_000:
                self._canonical.clear()
            known = self._canonical[name] = self._canonical_of(name)
        return known

    def _canonical_of(self, name: str) -> str:
        folded = " ".join(name.split())
        source = self._sources.get(folded.lower())
        if source:
            return source.name
        bare = _REMARK.sub(" ", folded)
        bare = _SECTION.sub("", _POSTED_BY.sub("", " ".join(bare.split())))
        bare = _COUNTED.sub("", bare)
        source = self._sources.get(bare.lower())
        if source:
            return source.name
        return bare or folded

    def __call__(self, doc: Document) -> Document:
        found = self._index.find(doc.tokens)
        base, dateline_end = self._report_chain(doc, found)
        mentions = [AttributionMention(0, dateline_end, "", base)]
        # Sorted once, so each sentence takes its sources and actors by bisection.
        found.sort(key=lambda f: f[0])
        actors = sorted(doc.actors, key=lambda a: a.start)
        found_at, actors_at = [f[0] for f in found], [a.start for a in actors]
        cues = self._cues(doc)
        for start, end in doc.sentences:
            first_found = bisect_left(found_at, start)
            own = found[first_found : bisect_left(found_at, end)]
            if not own and cues is not None and not holds(doc.text, cues, start, end):
                continue  # no source, no cue, no speech verb: no link
            near = actors[bisect_left(actors_at, start) : bisect_left(actors_at, end)]
            links = self._links(doc, (start, end), own, near)
            if not links:
                continue
            first, last = min(x.start for x in links), max(x.end for x in links)
            if any(x.group == _BACK for x in links):
                chain = mentions[-1].chain
            else:
                chain = _unique((*base, *(x.name for x in sorted(links, key=_order))))
            mentions.append(AttributionMention(first, last, doc.text[first:last], chain))
        doc.attributions = mentions
        return doc

    def _cues(self, doc: Document) -> list[int] | None:
        """Where the words that every rule of `_links` but a source needs start (speech verbs,
        cues before a source, phrase cues), in order; None when the text has no word index."""
        starts = word_starts(doc)
        if starts.offsets is None:
            return None
        of = starts.of
        return sorted([*of(self._speech_words), *of(self._cue_words), *of(self._phrase_cue_words)])

    def _report_chain(
        self, doc: Document, found: list[tuple[int, int, str]]
    ) -> tuple[tuple[str, ...], int]:
        """The publisher and the dateline agency, and where the dateline ends (0 if none);
        without either, the source a header block names ("Source: ...", a letterhead)."""
        chain: list[str] = []
        if doc.publisher:
            chain.append(self.canonical(doc.publisher))
        head = self._dateline.search(doc.text[:200])
        if head:
            chain.append(self.canonical(head.group("agency")))
        elif not chain:
            chain += self._letterhead(doc.text, found)
        return _unique(chain), head.end() if head else 0

    def _letterhead(self, text: str, found: list[tuple[int, int, str]]) -> list[str]:
        header = text[: min(len(text), 200)].split("\n\n")[0]
        for pattern in self._letterheads:
            match = pattern.search(header)
            if match:
                name = " ".join(match.group("name").split())
                return [self.canonical(name.title() if name.isupper() else name)]
        # An official body named in a heading block ("MINISTRY OF FOREIGN AFFAIRS ...",
        # "Press service of the Ministry of Defence | 07.07.2021") is the publisher; one named
        # in a first paragraph of prose, which ends with a full stop, is a speaker.
        if header.rstrip().endswith("."):
            return []
        for s, _, key in found:
            if s < len(header) and self._sources[key].kind == "official":
                return [self._sources[key].name]
        return []

    def _links(
        self,
        doc: Document,
        sentence: tuple[int, int],
        found: list[tuple[int, int, str]],
        actors: list[ActorMention],
    ) -> list[_Link]:
        """The sources of one sentence, from the alias hits and actors that start in it."""
        start, end = sentence
        links: list[_Link] = []
        for s, e, key in found:
            if start <= s and e <= end:
                group = self._group(doc, (start, end), (s, e), self._sources[key])
                if group is not None:
                    links.append(_Link(s, e, self._sources[key].name, group))
        speech = occurs(doc, self._speech_words, start, end)  # both speakers need a verb
        if speech and not any(x.group == _SPEAKER for x in links):
            links += self._actor_speakers(doc, sentence, actors, links)
        if speech and not any(x.group == _SPEAKER for x in links):
            links += self._phrase_speaker(doc.text, start, end, links)
        if not links:
            back = search(self._cue_backref, doc, self._cue_words, start, end)
            links = [_Link(back.start(), back.end(), "", _BACK)] if back else []
        if not links and occurs(doc, self._phrase_cue_words, start, end):
            links = self._cued_phrase(doc.text, start, end)
        return links

    def _cued_phrase(self, text: str, start: int, end: int) -> list[_Link]:
        """A speaker outside the list closing a sentence after a cue: "..., according to the
        site manager.", "... w/o fight, per elders."."""
        match = self._cue_phrase.search(text[start:end])
        if match is None or (match.group().rstrip().endswith(",") and match.start() > 0):
            return []
        phrase = _TRAILING_PLACE.sub("", " ".join(match.group("phrase").split()))
        s, e = start + match.start("phrase"), start + match.end("phrase")
        return [_Link(s, e, self.canonical(phrase), _SPEAKER)]

    def _group(
        self,
        doc: Document,
        sentence: tuple[int, int],
        mention: tuple[int, int],
        source: Source,
    ) -> int | None:
        """Where a source mention sorts in the chain, or None when no cue makes it one."""
        (start, end), (s, e) = sentence, mention
        before = search(self._before, doc, self._cue_words, max(start, s - 60), s)
        if before is None and self._after.match(doc.text, e, end) is None:
            return None
        if source.kind == "official":
            return _SPEAKER
        outer = before is not None and " ".join(before.group("cue").lower().split()) in self._outer
        return _OUTER if outer else _MEDIA

    def _phrase_speaker(self, text: str, start: int, end: int, links: list[_Link]) -> list[_Link]:
        """A speaker named by a phrase ("local officials said"); a back-reference ("the
        statement said", "he said") when the phrase points to the report's last source."""
        for match in self._phrase_matches(text[start:end]):
            s, e = start + match.start("phrase"), start + match.end("phrase")
            if any(x.start < e and s < x.end for x in links):
                continue
            phrase = " ".join(match.group("phrase").split())
            words = phrase.lower().split()
            article = (match.group("article") or "").lower()
            pronoun = len(words) == 1 and not article and words[0] in self._pronouns
            if pronoun or (
                article not in ("", "a", "an") and words in ([w] for w in self._backref)
            ):
                return [_Link(s, e, "", _BACK)]
            phrase = _TRAILING_PLACE.sub("", self._speaker_prefix.sub("", phrase))
            if s == start and phrase[1:2].islower():
                phrase = phrase[0].lower() + phrase[1:]
            return [_Link(s, e, self.canonical(phrase), _SPEAKER)]
        return []

    def _phrase_matches(self, sentence: str) -> Iterator[re.Match[str]]:
        r"""`self._phrase.finditer(sentence)`, tried only where a match can start: at 0 or at
        a comma (the regex opens with `(?:^|,\s+)`), instead of at every character."""
        at = 0
        while at != -1:
            match = self._phrase.match(sentence, at)
            if match is None:
                at = sentence.find(",", at + 1)
            else:
                yield match
                at = sentence.find(",", match.end())

    def _actor_speakers(
        self,
        doc: Document,
        sentence: tuple[int, int],
        actors: list[ActorMention],
        links: list[_Link],
    ) -> list[_Link]:
        """Actors outside the source list who speak ("Rahmon said") are the innermost link."""
        start, end = sentence
        speakers = []
        for actor in actors:
            if not start <= actor.start or not actor.end <= end:
                continue  # only this sentence's actors speak in it
            overlaps = any(x.start < actor.end and actor.start < x.end for x in links)
            verb = self._speech.match(doc.text, actor.end, end)
            # "Tokayev told Rahmon ...": a conversation between actors, not a source
            listener = verb and any(0 <= a.start - verb.end() <= 2 for a in doc.actors)
            if verb and not overlaps and not listener:
                speakers.append(_Link(actor.start, actor.end, actor.name, _SPEAKER))
        return speakers


def _order(link: _Link) -> tuple[int, int]:
    return (link.group, link.start)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return tuple(seen)


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()
