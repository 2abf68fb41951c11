"""A rule-based tokenizer and sentence splitter that needs no downloaded model."""

from __future__ import annotations

import re

from borderwatch.extraction.document import Document, Token

# Numbers keep their separators (1,037 / 20.000 / 1.5); words keep inner hyphens and apostrophes.
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"
    r"|\S",
    re.UNICODE,
)
_ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr gen col lt maj capt sgt st jan feb mar apr jun jul aug sep sept oct nov dec "
        "u.s u.n no vs etc km approx"
    ).split()
)
_SENTENCE_END = frozenset(".!?")


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens with character offsets."""
    return [
        Token(m.group(), m.start(), m.end(), m.group().lower(), m.group()[0].isalpha())
        for m in _TOKEN.finditer(text)
    ]


def split_sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Sentence spans (start, end): a break after . ! ? before a capital, or at a line break."""
    sentences: list[tuple[int, int]] = []
    start: int | None = None
    for i, token in enumerate(tokens):
        if start is None:
            start = token.start
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or _ends_sentence(text, tokens, i, nxt):
            sentences.append((start, token.end))
            start = None
    return sentences


def _ends_sentence(text: str, tokens: list[Token], i: int, nxt: Token) -> bool:
    token = tokens[i]
    if "\n\n" in text[token.end : nxt.start] or "\n" in text[token.end : nxt.start].strip(" \t"):
        return True
    if token.text not in _SENTENCE_END:
        return False
    previous = tokens[i - 1].lower if i > 0 else ""
    if token.text == "." and (previous in _ABBREVIATIONS or len(previous) == 1):
        return False
    return nxt.text[0].isupper() or nxt.text[0] in "\"'“(" or nxt.text[0].isdigit()


class Tokenizer:
    """The first pipeline component: fills `tokens` and `sentences`."""

    name = "tokenizer"
    adds = ("tokens", "sentences")

    def __call__(self, doc: Document) -> Document:
        doc.tokens = tokenize(doc.text)
        doc.sentences = split_sentences(doc.text, doc.tokens)
        return doc
