"""Where a report does not assert: headings, reader comments and speculative clauses.

- A line in capitals ("KEY POINTS") is a section heading. In a report written in prose (most
  long lines end with a stop), a short line without one is a heading or headline too; terse
  field notes and SMS logs, whose lines rarely end with a stop, keep every line.
- A comments heading ("COMMENTS (2)", "Reader comments") starts what readers wrote: nothing
  after it is the report's; without one, a line opening with a user handle
  ("guest_4481: heard ...") is a reader's comment.
- A question ("Have any Afghans crossed?") and an interviewer's line ("Q: ...") ask; they do
  not tell.
- A trigger after a speculation marker in its clause ("whether the Taliban will cross",
  "fears that fighting could spread", "no refugees have entered") is a question, a hypothesis
  or a denial, not an assertion; so is a trigger inside a refuting frame ("reports that
  fighters crossed into Vanj are false"), and a drill's scenario is no event but the drill
  ("units practised destroying a group that had crossed").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from borderwatch.extraction.events import leading_letters
from borderwatch.extraction.patterns import Lowered, any_of, folded, is_table_row, word_regex
from borderwatch.types import EventType

Span = tuple[int, int]
_WORD_END = r"(?![\w-])"

_LINE = re.compile(r"[^\n]+")
# What ends a sentence or a quote: a stripped line ending with one is no heading.
_STOPS = frozenset('.!?:;"”’)]')
_LETTERS = re.compile(r"[^\W\d_]")
# A line of at least this many words tells whether the report is prose.
_LONG_LINE_WORDS = 8
# A heading is at most this many words.
_HEADING_WORDS = 14
_PROSE_SHARE = 0.5
# A title opening a report, even a hard-wrapped or terse one, stands alone near the top
# ("The quiet bank: what the loss of Kunduz means for Dushanbe").
_TOP = 600
_TITLE_WORDS = 20
# An interviewer's line opens with "Q:"; a question ends with its mark. Two regexes: the
# second is only searched in the few sentences with a question mark.
_INTERVIEWER = re.compile(r"\W*(?:Q|Question)\s*[:.)-]")
_ASKS = re.compile(r"\?[\s\"”’)]*$")
_SENTENCE_END = re.compile(r"[.!?]\s")
_LIST_ITEM = re.compile(r"(?:[-*•·▪‣–]|\d{1,4}[.):/]|\d{4}\b)")
# A line in capitals longer than this is shouted text (a telegram), not a heading.
_CAPITALS_WORDS = 6
# A line's words are counted up to one more than this: no test asks beyond.
_MOST_WORDS = max(_LONG_LINE_WORDS, _HEADING_WORDS, _TITLE_WORDS, _CAPITALS_WORDS) + 1


class AssertionFilter:
    """Tells which parts of a report's text assert nothing (built once per lexicon)."""

    def __init__(
        self,
        speculation: Sequence[str],
        comment_headings: Sequence[str],
        comment_lines: Sequence[str] = (),
        refuted: Sequence[str] = (),
        scenario: Sequence[str] = (),
        recap: Sequence[str] = (),
    ) -> None:
        # (marker, whether it may stand inside the trigger): a scenario word inside the trigger
        # names the drill itself ("a simulation exercise on receiving refugees"); then the
        # regexes of a refuting frame and of a recap.
        plain = (
            ((word_regex(speculation, _WORD_END), True), (word_regex(scenario, ""), False)),
            word_regex(refuted, _WORD_END),
            word_regex(recap, _WORD_END),
        )
        # Searched in many clauses of one report: folded to run on its lowered text when it
        # is ASCII (`patterns.folded`, the same spans).
        lowered = (
            tuple((folded(marker), inside) for marker, inside in plain[0]),
            folded(plain[1]),
            folded(plain[2]),
        )
        self._regexes = {False: plain, True: lowered}
        # The letters every refuting frame opens with ("report", "claim"): where none is in
        # a sentence's lowered text, no frame is either.
        openers = set().union(*(leading_letters(p) for p in refuted))
        self._frame_openers = tuple(sorted(openers)) if openers and "" not in openers else None
        # The last text asked about, lowered (None when it is not ASCII).
        self._lowered = Lowered()
        heading = rf"\W*(?:{any_of(comment_headings)})\W*(?:\(?\d+\)?)?\W*$"
        # A comments heading is a line of its own: tried at the text's start, then after each
        # line break, which a regex opening with the break skips to at once (what `^` with
        # MULTILINE finds, without trying every character).
        flags = re.IGNORECASE | re.MULTILINE
        self._comments = (re.compile(heading, flags), re.compile(rf"\n(?:{heading})", flags))
        lines = rf"[ \t]*(?:{any_of(comment_lines)})"
        self._comment_line = re.compile(rf"^{lines}[^\n]*", re.MULTILINE)
        # Where a comment line may start after a line break, found the same way.
        self._comment_line_after_break = re.compile(rf"\n(?={lines})", re.MULTILINE)

    def silent_spans(self, text: str) -> list[Span]:
        """The spans of `text` that assert nothing: headings and the comments section, sorted."""
        # Each line's words are counted once: every test below asks for them.
        lines = [_Line(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text)]
        prose = _is_prose(lines)
        spans = [
            (line.start, line.end)
            for line in lines
            if line.text
            and (
                _in_capitals(line)
                or (prose and _headline(line))
                or (line.start < _TOP and _standalone(text, line) and _title(line))
            )
        ]
        comments = self._comments_start(text)
        if comments is not None:
            spans.append((comments, len(text)))
        else:
            spans += self._comment_lines(text)
        return sorted(spans)

    def _comment_lines(self, text: str) -> list[Span]:
        """The spans of the lines that open with a user handle: `self._comment_line.finditer`,
        tried only at the text's start and after the line breaks a comment line may follow."""
        starts = [m.end() for m in self._comment_line_after_break.finditer(text)]
        found: list[Span] = []
        for start in [0, *starts]:
            line = self._comment_line.match(text, start)
            if line is None or (found and start < found[-1][1]):
                continue
            if line.end() == start:  # an empty match: finditer's own rules, not worth copying
                return [m.span() for m in self._comment_line.finditer(text)]
            found.append(line.span())
        return found

    def _comments_start(self, text: str) -> int | None:
        """Where the line opening the comments section starts, None without one."""
        first, after_break = self._comments
        if first.match(text):
            return 0
        found = after_break.search(text)
        return None if found is None else found.start() + 1

    def speculative(
        self,
        text: str,
        clauses: Sequence[Span],
        triggers: Sequence[Span],
        event_type: EventType | None = None,
    ) -> bool:
        """Whether a speculation marker stands before or inside every trigger (at `triggers`)
        in its clause ("the bridge could reopen" matched whole): the event is asked about or
        supposed, not asserted; or a refuting frame holds them all ("reports that fighters
        crossed into Vanj are false"); or, unless the claim (of `event_type`) is the drill
        itself, they are a drill's scenario ("units practised destroying a group that had
        crossed"); or the sentence only recalls what was told before ("It will be recalled
        that on 22 June 134 servicemen crossed")."""
        low = self._lowered(text)
        markers, refuted, recap = self._regexes[low is not None]
        scan = text if low is None else low
        if event_type is EventType.MILITARY_EXERCISE:
            markers = markers[:1]  # a drill's own claim has no scenario
        # Each trigger with where its clause opens: every marker searches from there.
        opened = [(_clause_start(clauses, s), s, e) for s, e in triggers]
        for marker, inside in markers:
            if _marks_all(marker, scan, opened, inside):
                return True
        if not clauses:
            return False
        if recap.search(scan, clauses[0][0], min(s for s, _ in triggers)):
            return True
        start, end = clauses[0][0], clauses[-1][1]
        if low is not None and not self._may_refute(low, start, end):
            return False
        frames = [m.span() for m in refuted.finditer(scan, start, end)]
        return all(any(a <= s and e <= b for a, b in frames) for s, e in triggers)

    def _may_refute(self, low: str, start: int, end: int) -> bool:
        """Whether a refuting frame may stand in the lowered text's span: one of the letters
        every frame opens with is there."""
        if self._frame_openers is None:
            return True
        for opener in self._frame_openers:  # noqa: SIM110 - a loop, not any(): asked per claim
            if low.find(opener, start, end) >= 0:
                return True
        return False


def _clause_start(clauses: Sequence[Span], offset: int) -> int:
    """Where the clause holding `offset` opens: the latest clause start at or before it (the
    offset itself before every clause)."""
    opens = -1
    for start, _ in clauses:
        if opens < start <= offset:
            opens = start
    return offset if opens < 0 else opens


def _marks_all(
    marker: re.Pattern[str], scan: str, opened: list[tuple[int, int, int]], inside: bool
) -> bool:
    """Whether `marker` stands in each trigger's clause before the trigger (or inside it):
    `opened` holds each trigger's clause start, start and end. A loop, not all(): asked for
    every claim."""
    for a, s, e in opened:  # noqa: SIM110
        if marker.search(scan, a, e if inside else s) is None:
            return False
    return True


def is_question_at(text: str, start: int, end: int) -> bool:
    """Whether the sentence `text[start:end]` asks rather than tells: it ends with a question
    mark, or it is an interviewer's line ("Q: There were reports of families on the
    islands.")."""
    return _INTERVIEWER.match(text, start, end) is not None or (
        text.find("?", start, end) >= 0 and _ASKS.search(text, start, end) is not None
    )


def inside(spans: Sequence[Span], offset: int) -> bool:
    """Whether `offset` falls in one of the sorted, non-overlapping `spans`."""
    i = bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


class _Line:
    """A line of the text, stripped, with its number of words."""

    __slots__ = ("end", "start", "text", "words")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        # Counted up to one more than `_MOST_WORDS`: no test asks about more.
        self.words = len(text.split(None, _MOST_WORDS))


def _is_prose(lines: list[_Line]) -> bool:
    long_lines = [line for line in lines if line.words >= _LONG_LINE_WORDS]
    stopped = sum(1 for line in long_lines if line.text[-1:] in _STOPS)
    return bool(long_lines) and stopped >= _PROSE_SHARE * len(long_lines)


def _in_capitals(line: _Line) -> bool:
    # The cheap test first: most lines are long, and those need no look at their letters.
    if line.words > _CAPITALS_WORDS:
        return False
    letters = _LETTERS.findall(line.text)
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _standalone(text: str, line: _Line) -> bool:
    """Whether a line is a paragraph of its own: a blank line (or the text's edge) on each
    side."""
    before = text[max(0, line.start - 2) : line.start].replace(" ", "").replace("\t", "")
    after = text[line.end : line.end + 2].replace(" ", "").replace("\t", "")
    return (line.start == 0 or before == "\n\n") and (line.end == len(text) or after == "\n\n")


def _title(line: _Line) -> bool:
    """A report's title: a few words with no full stop anywhere, not a list item or log line."""
    return (
        line.words <= _TITLE_WORDS
        and line.text[-1:] not in _STOPS
        and not _SENTENCE_END.search(line.text)
        and not _LIST_ITEM.match(line.text)
    )


def _headline(line: _Line) -> bool:
    """A short line with no stop: a heading, unless it is a table row ("Panj | 800 | ready")."""
    return (
        line.words <= _HEADING_WORDS
        and line.text[-1:] not in _STOPS
        and not is_table_row(line.text)
    )
