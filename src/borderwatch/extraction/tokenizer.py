"""A rule-based tokenizer and sentence splitter that needs no downloaded model."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from borderwatch.extraction.document import Document, Token
from borderwatch.extraction.patterns import is_table_row

# Numbers keep their separators (1,037 / 20.000 / 1.5); words keep inner hyphens and apostrophes.
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"
    r"|\S",
    re.UNICODE,
)
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_ABBREVIATIONS = _MONTHS | frozenset(
    "mr mrs ms dr gen col lt maj capt sgt st u.s u.n no vs etc km approx est incl ca br".split()
)
_SENTENCE_END = ".!?"
# A line of prose wrapped by its writer is at least this long; shorter lines are kept as lines.
_WRAPPED_LINE = 50
_NEXT_LINE = re.compile(r"[ \t]*(\S[^\n]*)")
_LIST_OR_LOG = re.compile(r"(?:[-*•·▪‣–—>#|]|\d{1,4}[.):/]|\d{4}\b|\[)")


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens with character offsets."""
    return [
        Token(m.group(), m.start(), m.end(), m.group().lower(), m.group()[0].isalpha())
        for m in _TOKEN.finditer(text)
    ]


def split_sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Sentence spans (start, end): a break after . ! ? before a capital, or at a line break."""
    if not tokens:
        return []
    last = len(tokens) - 1
    # Only the few tokens before a line break or at a . ! ? can end a sentence: test just those,
    # found in the text (a "." inside a number is no token of its own).
    starts = [token.start for token in tokens]
    ends = _before_line_breaks(text, tokens, starts)
    for mark in _SENTENCE_END:
        at = text.find(mark)
        while at >= 0:
            i = bisect_left(starts, at)
            if i < last and tokens[i].start == at and _ends_sentence(tokens, i):
                ends.add(i)
            at = text.find(mark, at + 1)
    ends.add(last)
    sentences: list[tuple[int, int]] = []
    start = tokens[0].start
    for i in sorted(ends):
        sentences.append((start, tokens[i].end))
        if i < last:
            start = tokens[i + 1].start
    return sentences


def _before_line_breaks(text: str, tokens: list[Token], starts: list[int]) -> set[int]:
    """Indexes of the tokens followed by a line break that ends a sentence before the next
    token: every break but the one inside hard-wrapped prose."""
    found: set[int] = set()
    newline = text.find("\n")
    while newline >= 0:
        i = bisect_right(starts, newline) - 1
        if (
            0 <= i < len(tokens) - 1
            and i not in found  # the second break of a blank line
            and tokens[i].end <= newline
            and not _wrapped(text, newline)
        ):
            found.add(i)
        newline = text.find("\n", newline + 1)
    return found


def _wrapped(text: str, newline: int) -> bool:
    """Whether the line break at `newline` only wraps a long line of prose: the line is long,
    ends in a word or a comma, and the next line goes on in the same paragraph, not as a list item,
    log line or heading ("... 152 more Afghan servicemen had crossed the\nfrontier ...")."""
    line_start = text.rfind("\n", 0, newline) + 1
    end = newline  # the line without its trailing blanks, looked at before it is cut out
    while end > line_start and text[end - 1].isspace():
        end -= 1
    if end - line_start < _WRAPPED_LINE or not (text[end - 1].isalpha() or text[end - 1] in ",-–"):
        return False  # a short line, or one closed by a stop, a bracket or a time
    line = text[line_start:end]
    if is_table_row(line):
        return False
    following = _NEXT_LINE.match(text, newline + 1)
    return following is not None and not _LIST_OR_LOG.match(following.group(1))


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    """Whether the . ! ? at `i` ends a sentence, judged by its neighbours."""
    token, nxt = tokens[i], tokens[i + 1]
    previous = tokens[i - 1].lower if i > 0 else ""
    if token.text == "." and previous in _MONTHS and i > 1 and tokens[i - 2].text.isdigit():
        return nxt.text[0].isupper()  # "closed since 5 Jul. Passenger traffic ..."
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
        doc.words = None  # found again from these tokens when first asked for
        return doc
