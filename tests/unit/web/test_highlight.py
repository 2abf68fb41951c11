"""A report's text cut into pieces, each claim's evidence span marked."""

from __future__ import annotations

from typing import Any

from borderwatch.api.queries import highlighted


class Row:
    """The two fields of a stored claim the highlighting reads."""

    def __init__(self, seq: int, start: Any, end: Any) -> None:
        self.seq = seq
        self.payload = {"evidence": {"start": start, "end": end}}


TEXT = "Taliban took Khwahan. 1,037 soldiers crossed. Bread was given."


def test_spans_become_marked_pieces_and_the_text_is_kept_whole() -> None:
    pieces = highlighted(TEXT, [Row(2, 22, 45), Row(1, 0, 21)])  # type: ignore[list-item]
    assert "".join(p["text"] for p in pieces) == TEXT
    assert [(p["text"], p["claim"]) for p in pieces][:3] == [
        ("Taliban took Khwahan.", 1),
        (" ", None),
        ("1,037 soldiers crossed.", 2),
    ]


def test_overlapping_and_broken_spans_never_duplicate_text() -> None:
    rows = [Row(1, 0, 30), Row(2, 22, 45), Row(3, 50, 999), Row(4, None, 3)]
    pieces = highlighted(TEXT, rows)  # type: ignore[arg-type]
    assert "".join(p["text"] for p in pieces) == TEXT
    assert {p["claim"] for p in pieces} == {1, 2, None}
