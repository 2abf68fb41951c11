"""Readers: bytes in, ReadItems out, for plain text, HTML, e-mail, RSS/Atom and JSON lines."""

from __future__ import annotations

import codecs
import json
import re
from datetime import date, datetime
from pathlib import PurePath

from borderwatch.errors import IntakeError
from borderwatch.intake.assemble import Parts, ReadContext, assemble, parse_date
from borderwatch.intake.decode import check_size, decode
from borderwatch.intake.feeds import read_feed
from borderwatch.intake.html import read_page
from borderwatch.intake.items import ReadItem
from borderwatch.intake.mail import read_mail
from borderwatch.settings import MAX_REPORT_BYTES

TEXT, HTML, EMAIL, FEED, JSONL = "text/plain", "text/html", "message/rfc822", "feed", "jsonl"
_BY_SUFFIX = {
    ".txt": TEXT, ".text": TEXT, ".md": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".eml": EMAIL,
    ".rss": FEED, ".atom": FEED, ".xml": FEED,
    ".jsonl": JSONL, ".ndjson": JSONL,
}  # fmt: skip
_BY_MEDIA_TYPE = {
    "text/plain": TEXT, "text/html": HTML, "application/xhtml+xml": HTML,
    "message/rfc822": EMAIL, "application/rss+xml": FEED, "application/atom+xml": FEED,
    "application/xml": FEED, "text/xml": FEED,
    "application/jsonl": JSONL, "application/x-ndjson": JSONL, "application/json": JSONL,
}  # fmt: skip
_HEADER = re.compile(
    r"^(from|to|subject|date|received|return-path|message-id|mime-version|content-type):",
    re.IGNORECASE,
)
_HTML_START = re.compile(r"<(!doctype html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)
_FEED_START = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def read(
    raw: bytes,
    filename: str = "",
    media_type: str | None = None,
    *,
    published: date | None = None,
    received_at: datetime | None = None,
    max_bytes: int = MAX_REPORT_BYTES,
) -> list[ReadItem]:
    """Every report in `raw`, whatever its format; IntakeError when nothing can be read."""
    check_size(len(raw), max_bytes)
    decoded = decode(raw)
    kind = _kind(decoded.text, filename, media_type)
    context = ReadContext(published, received_at)
    if kind == FEED and _FEED_START.search(decoded.text[:4000]):
        return _with_text([assemble(p, context) for p in read_feed(raw)])
    if kind == EMAIL:
        parts = [read_mail(raw)]
    elif kind == JSONL:
        parts = read_json_lines(raw, decoded.text, decoded.encoding)
    elif kind == HTML:
        parts = [_html_parts(raw, decoded.text, decoded.encoding)]
    else:
        parts = [_text_parts(raw, decoded.text, decoded.encoding)]
    for part in parts:
        part.problems[:0] = decoded.problems
    return _with_text([assemble(p, context) for p in parts])


def _with_text(items: list[ReadItem]) -> list[ReadItem]:
    """The items that still have text once clutter is gone; IntakeError when none has."""
    kept = [item for item in items if item.text]
    if not kept:
        raise IntakeError("empty: no report text is left once markup and page clutter are removed")
    dropped = len(items) - len(kept)
    if dropped:
        kept[0].problems.append(f"{dropped} item(s) skipped: only page clutter, no report text")
    return kept


def _kind(text: str, filename: str, media_type: str | None) -> str:
    """The reader for this input: the content decides first, then media type, then the name."""
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    if (head.startswith("<?xml") and _FEED_START.search(head)) or _FEED_START.match(head):
        return FEED
    if head.startswith("<") and _HTML_START.search(head):
        return HTML
    if _looks_like_mail(head):
        return EMAIL
    if media_type and media_type.split(";")[0].strip().lower() in _BY_MEDIA_TYPE:
        return _BY_MEDIA_TYPE[media_type.split(";")[0].strip().lower()]
    suffix = PurePath(filename).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if head.startswith("{") and _is_json_object(head.split("\n", 1)[0]):
        return JSONL
    return TEXT


def _looks_like_mail(head: str) -> bool:
    """Two or more header lines before the first blank line, one of them From or Subject."""
    block = head.split("\n\n", 1)[0].replace("\r", "").split("\n")
    headers = [line for line in block if _HEADER.match(line)]
    names = {line.split(":", 1)[0].lower() for line in headers}
    return len(headers) >= 2 and bool(names & {"from", "subject"}) and bool(_HEADER.match(block[0]))


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _text_parts(raw: bytes, text: str, encoding: str) -> Parts:
    return Parts(raw=raw, media_type=TEXT, encoding=encoding, body=text, title_from_text=True)


def _html_parts(raw: bytes, text: str, encoding: str) -> Parts:
    page = read_page(text)
    return Parts(
        raw=raw,
        media_type=HTML,
        encoding=encoding,
        title=page.title,
        body=page.body,
        url=page.url,
        document_date=page.published,
        source=page.site,
    )


def read_json_lines(raw: bytes, text: str, encoding: str) -> list[Parts]:
    """One Parts per JSON line with a `text`; a bad line is a problem and the rest go on."""
    items: list[Parts] = []
    problems: list[str] = []
    # Split on newlines only: str.splitlines also breaks at U+2028, which JSON strings may hold.
    utf8 = encoding in ("utf-8", "utf-8-sig", "ascii")
    raw_lines = raw.removeprefix(codecs.BOM_UTF8).split(b"\n") if utf8 else None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        own = raw_lines[number - 1].strip() if raw_lines else line.strip().encode("utf-8")
        result = _json_line(line, own, number)
        if isinstance(result, str):
            problems.append(result)
        else:
            items.append(result)
    if not items:
        raise IntakeError(f"no readable line in the JSON lines file: {'; '.join(problems)}")
    items[0].problems.extend(problems)
    return items


def _json_line(line: str, raw: bytes, number: int) -> Parts | str:
    try:
        record = json.loads(line)
    except ValueError as exc:
        return f"line {number} skipped: not valid JSON ({exc.args[0].split(':')[0]})"
    if not isinstance(record, dict):
        return f"line {number} skipped: not a JSON object"
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return f"line {number} skipped: no text field"
    published = record.get("published")
    parts = Parts(
        raw=raw,
        media_type="application/jsonl",
        encoding="utf-8",
        title=_string(record.get("title")),
        body=text,
        url=_string(record.get("url")) or None,
        document_date=parse_date(published),
        source=_string(record.get("source")) or None,
    )
    if published and parts.document_date is None:
        parts.problems.append(f"line {number}: published {published!r} is not a date")
    return parts


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""
