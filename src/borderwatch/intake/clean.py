"""Clutter removal: the lines a news page wraps around a story never reach extraction."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from borderwatch.errors import IntakeError

_SENTENCE_END = re.compile(r"[.!?:;,\"”’]\s*$")
_MAX_TITLE = 200


class Pattern(BaseModel):
    """A named regular expression; `max_length` limits it to lines no longer than that."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    pattern: str
    max_length: int | None = None


class ClutterRules(BaseModel):
    """The clutter data file (`intake/data/clutter.json`) with its stated source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1)
    line_patterns: list[Pattern]
    inline_patterns: list[Pattern]
    list_heading_names: list[str]
    list_item_max_length: int
    caption_max_length: int
    html_drop_tags: list[str]
    html_drop_markers: list[str]
    html_text_tags: list[str]


class _Compiled:
    """The rules with their regular expressions compiled once."""

    def __init__(self, rules: ClutterRules) -> None:
        self.rules = rules
        self.lines = [
            (p.name, re.compile(p.pattern, re.IGNORECASE), p.max_length)
            for p in rules.line_patterns
        ]
        self.inline = [re.compile(p.pattern, re.IGNORECASE) for p in rules.inline_patterns]

    def clutter(self, line: str) -> str | None:
        """The name of the first pattern that marks `line` as clutter, or None."""
        for name, regex, max_length in self.lines:
            if max_length is not None and len(line) > max_length:
                continue
            if regex.search(line):
                return name
        return None


@cache
def rules() -> ClutterRules:
    """The clutter rules shipped with borderwatch, checked against their schema."""
    text = resources.files("borderwatch.intake").joinpath("data/clutter.json").read_text("utf-8")
    try:
        return ClutterRules.model_validate_json(text)
    except ValueError as exc:
        raise IntakeError(f"intake/data/clutter.json does not match its schema: {exc}") from exc


@cache
def _compiled() -> _Compiled:
    return _Compiled(rules())


def clean_text(text: str) -> str:
    """The story without its clutter: paragraphs joined by one blank line, offsets stable."""
    compiled = _compiled()
    lines = [_strip_inline(line.strip(), compiled) for line in _normalise(text).split("\n")]
    keep = _keep_mask(lines, compiled)
    paragraphs: list[list[str]] = [[]]
    for line, kept in zip(lines, keep, strict=True):
        if not line or not kept:
            if paragraphs[-1] and not line:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line)
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


def take_title(clean: str) -> tuple[str, str]:
    """The headline of a clean text and the text without it.

    A first paragraph of one headline-like line is the title and leaves the text (the seed's
    first line). A header block of several such lines (a press release or sitrep heading) gives
    its first line as the title but stays in the text: it may name who is speaking.
    """
    first, separator, rest = clean.partition("\n\n")
    lines = first.split("\n")
    if not separator or not all(_headline_like(line, _MAX_TITLE) for line in lines):
        return "", clean
    if len(lines) == 1:
        return first, rest
    return lines[0], clean


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return text.replace("\u00a0", " ").replace("\ufeff", "")


def _strip_inline(line: str, compiled: _Compiled) -> str:
    for regex in compiled.inline:
        line = regex.sub("", line)
    return line.strip()


def _keep_mask(lines: list[str], compiled: _Compiled) -> list[bool]:
    """False for every clutter line, repeated caption and line of a related-headline list."""
    keep = [True] * len(lines)
    list_names = set(compiled.rules.list_heading_names)
    in_list = False
    previous = -1
    for index, line in enumerate(lines):
        if not line:
            continue
        name = compiled.clutter(line)
        if name is not None:
            keep[index] = False
            in_list = name in list_names and len(line) < compiled.rules.list_item_max_length
        elif in_list and _headline_like(line, compiled.rules.list_item_max_length):
            keep[index] = False
        else:
            in_list = False
        if previous >= 0 and line == lines[previous] and _is_caption(line, compiled):
            keep[index] = keep[previous] = False
        previous = index
    return keep


def _headline_like(line: str, max_length: int) -> bool:
    return len(line) <= max_length and not _SENTENCE_END.search(line)


def _is_caption(line: str, compiled: _Compiled) -> bool:
    """A caption repeated twice (image alt text, then the caption below it)."""
    return len(line) <= compiled.rules.caption_max_length
