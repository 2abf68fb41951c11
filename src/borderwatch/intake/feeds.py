"""RSS and Atom feeds: each item is one report; a broken item is skipped, the rest go on."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import feedparser

from borderwatch.errors import IntakeError
from borderwatch.intake.assemble import Parts
from borderwatch.intake.html import read_page

_ITEM = re.compile(rb"<(item|entry)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")


def read_feed(raw: bytes) -> list[Parts]:
    """One Parts per readable item; unreadable items become problems on the first item."""
    spans = [m.span() for m in _ITEM.finditer(raw)]
    # The channel is read without its items so that a broken item cannot garble its title.
    whole = feedparser.parse(raw[: spans[0][0]] + raw[spans[-1][1] :] if spans else raw)
    publisher = _clean(whole.feed.get("title"))
    if spans:
        results = [_item_from_slice(raw, spans, index, publisher) for index in range(len(spans))]
    else:
        results = [_item_from_entry(e, i, publisher) for i, e in enumerate(whole.entries)]
    items = [r for r in results if isinstance(r, Parts)]
    problems = [r for r in results if isinstance(r, str)]
    if not items:
        detail = "; ".join(problems) if problems else "it has no items"
        raise IntakeError(f"no readable item in the feed: {detail}")
    media_type = "application/atom+xml" if "atom" in whole.get("version", "") else None
    for item in items:
        item.media_type = media_type or item.media_type
    items[0].problems.extend(problems)
    return items


def _item_from_slice(
    raw: bytes, spans: list[tuple[int, int]], index: int, publisher: str | None
) -> Parts | str:
    """Parse one item alone, inside the feed's own header, so one bad item harms no other."""
    start, end = spans[index]
    envelope = raw[: spans[0][0]] + raw[start:end] + raw[spans[-1][1] :]
    parsed = feedparser.parse(envelope)
    if not parsed.entries:
        return f"feed item {index + 1} skipped: it could not be parsed"
    parts = _parts(parsed.entries[0], raw[start:end], publisher)
    if parts is None:
        if parsed.get("bozo"):
            return f"feed item {index + 1} skipped: not well-formed XML{_reason(parsed)}"
        return f"feed item {index + 1} skipped: it has no text"
    if parsed.get("bozo"):
        parts.problems.append(f"feed item {index + 1} is not well-formed XML{_reason(parsed)}")
    return parts


def _item_from_entry(entry: Any, index: int, publisher: str | None) -> Parts | str:
    """Feeds whose items cannot be cut out as bytes (e.g. UTF-16): each entry as JSON."""
    serialised = json.dumps(_plain(entry), ensure_ascii=False, sort_keys=True).encode("utf-8")
    parts = _parts(entry, serialised, publisher)
    return parts if parts is not None else f"feed item {index + 1} skipped: it has no text"


def _parts(entry: Any, raw: bytes, publisher: str | None) -> Parts | None:
    title = _clean(entry.get("title")) or ""
    body = _entry_text(entry)
    if not body.strip():
        return None
    source = entry.get("source", {}).get("title") if entry.get("source") else None
    return Parts(
        raw=raw,
        media_type="application/rss+xml",
        encoding="utf-8",
        title=title,
        body=body,
        url=entry.get("link") or None,
        document_date=_date(entry),
        source=_clean(source) or publisher,
    )


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    value = contents[0].get("value", "") if contents else entry.get("summary", "")
    value = value or ""
    if _MARKUP.search(value):
        return read_page(f"<html><body>{value}</body></html>").body
    return str(value)


def _date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _reason(parsed: Any) -> str:
    exception = parsed.get("bozo_exception")
    return f" ({exception})" if exception else ""


def _clean(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _plain(entry: Any) -> dict[str, Any]:
    keys = ("title", "link", "summary", "published", "updated", "id")
    return {key: entry.get(key) for key in keys if isinstance(entry.get(key), str)}
