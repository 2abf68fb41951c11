"""E-mail (.eml) to parts: Subject is the title, Date the publication date, From the source."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage, Message
from email.utils import parseaddr

from borderwatch.intake.assemble import Parts, parse_date
from borderwatch.intake.html import read_page


def read_mail(raw: bytes) -> Parts:
    """The text of an e-mail: its plain-text part, else its HTML part made text."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = Parts(raw=raw, media_type="message/rfc822", encoding=None)
    parts.title = str(message.get("Subject", "") or "")
    parts.document_date = parse_date(str(message.get("Date", "") or ""))
    name, address = parseaddr(str(message.get("From", "") or ""))
    parts.source = name or address or None
    plain, html, charset = _bodies(message, parts.problems)
    parts.encoding = charset
    if plain.strip():
        parts.body = plain
    elif html.strip():
        page = read_page(html)
        parts.body = page.body
        parts.url = page.url
    else:
        parts.problems.append("the e-mail has no text or HTML part")
    return parts


def _bodies(message: Message, problems: list[str]) -> tuple[str, str, str | None]:
    """The first text/plain and text/html parts (not attachments) and the charset used."""
    plain = html = ""
    charset: str | None = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind not in ("text/plain", "text/html"):
            continue
        text = _content(part, problems)
        if kind == "text/plain" and not plain:
            plain, charset = text, part.get_content_charset() or charset
        elif kind == "text/html" and not html:
            html, charset = text, charset or part.get_content_charset()
    return plain, html, charset


def _content(part: Message, problems: list[str]) -> str:
    if isinstance(part, EmailMessage):
        try:
            return str(part.get_content())
        except (LookupError, UnicodeError, ValueError) as exc:
            problems.append(f"an e-mail part could not be decoded cleanly: {exc}")
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    return ""
