"""Bad input: a clear one-line IntakeError where nothing can be read, never a crash."""

from __future__ import annotations

import contextlib
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.errors import IntakeError
from borderwatch.intake.files import read_bytes
from borderwatch.intake.readers import read


def _png() -> bytes:
    # A genuine minimal PNG (1x1 pixel), built here rather than stored as a binary fixture.
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00")
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + pixels + chunk(b"IEND", b"")


def _error(raw: bytes, **kwargs: object) -> str:
    with pytest.raises(IntakeError) as caught:
        read(raw, **kwargs)  # type: ignore[arg-type]
    message = caught.value.message
    assert "\n" not in message
    return message


def test_an_empty_file_is_refused_as_empty() -> None:
    assert _error(b"").startswith("empty")


def test_a_file_of_white_space_is_refused_as_empty() -> None:
    assert _error(b" \n\r\n\t ").startswith("empty")


def test_a_png_is_refused_as_binary() -> None:
    assert "PNG" in _error(_png(), filename="photo.txt")


def test_nul_bytes_mark_a_binary_file() -> None:
    assert _error(b"\x01\x00\x02\x00\x00\x00\x03garbage\x00\x00\xff" * 20).startswith("binary")


def test_control_characters_mark_a_binary_file() -> None:
    assert _error(bytes(range(1, 9)) * 200).startswith("binary")


def test_a_report_over_the_limit_is_refused_naming_its_size() -> None:
    message = _error(b"a" * 2048, max_bytes=1024)
    assert message.startswith("too large")
    assert "2,048 bytes" in message


def test_a_large_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)  # sparse: size without content
    with pytest.raises(IntakeError, match=r"too large: 11\.0 MB"):
        read_bytes(big, 10 * 1024 * 1024)


def test_an_empty_file_on_disk_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(IntakeError, match=r"^empty"):
        read_bytes(empty, 1024)


def test_mis_encoded_text_is_decoded_not_crashed() -> None:
    # UTF-8 text with a stray cp1251 byte pasted into it.
    raw = b"Guards arrived at Khorog on Monday morning and \xe4 stayed."
    [item] = read(raw, "mixed.txt")
    assert "Guards arrived at Khorog" in item.text
    assert "stayed." in item.text


def test_html_full_of_scripts_and_styles_gives_only_the_story() -> None:
    raw = (
        b"<html><head><script>alert('HEAD')</script><style>p{color:red}</style></head>"
        b'<body onload="alert(\'LOAD\')"><script>alert("BODY")</script>'
        b"<p onclick=\"alert('CLICK')\">Troops moved to the Panj river.</p>"
        b"<style>.x{}</style><noscript>Enable JavaScript</noscript></body></html>"
    )
    [item] = read(raw, "page.html")
    assert item.text == "Troops moved to the Panj river."


def test_a_feed_with_no_readable_item_is_an_error() -> None:
    raw = b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title></channel></rss>'
    assert _error(raw, filename="empty.rss").startswith("no readable item in the feed")


def test_json_lines_with_no_good_line_is_an_error() -> None:
    message = _error(b'{"title": "x"}\n{broken\n', filename="bad.jsonl")
    assert "line 1 skipped: no text field" in message
    assert "line 2 skipped: not valid JSON" in message


@settings(max_examples=150, deadline=None)
@given(
    raw=st.binary(max_size=600),
    filename=st.sampled_from(["", "a.txt", "a.html", "a.eml", "a.rss", "a.jsonl"]),
)
def test_any_bytes_give_reports_or_an_intake_error_never_a_crash(raw: bytes, filename: str) -> None:
    try:
        items = read(raw, filename)
    except IntakeError as error:
        assert "\n" not in error.message
    else:
        assert all(isinstance(item.text, str) for item in items)


_PREFIXES = [
    "",
    '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>',
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">',
    "From: Desk <d@example.org>\nSubject: Update\nContent-Type: text/html\n\n<p>",
    "<html><body><article><p>",
    '{"text": "',
    "KHOROG, July 8 (",
]


@settings(max_examples=150, deadline=None)
@given(prefix=st.sampled_from(_PREFIXES), text=st.text(max_size=300))
def test_any_text_in_any_format_gives_reports_or_an_intake_error(prefix: str, text: str) -> None:
    with contextlib.suppress(IntakeError):
        read((prefix + text).encode("utf-8", errors="surrogatepass"))


def test_a_page_of_nothing_but_scripts_and_clutter_is_refused_as_empty() -> None:
    raw = (
        b"<html><head><script>track()</script></head><body><nav>Home | World</nav>"
        b'<div class="cookie-notice"><p>We use cookies.</p></div><p>2 min read</p></body></html>'
    )
    assert _error(raw, filename="page.html").startswith("empty: no report text")


def test_a_json_line_of_only_clutter_is_skipped_and_named() -> None:
    raw = b'{"text": "Guards arrived at the post."}\n{"text": "Share | Tweet | Email"}\n'
    [item] = read(raw, "two.jsonl")
    assert item.text == "Guards arrived at the post."
    assert "1 item(s) skipped: only page clutter, no report text" in item.problems
