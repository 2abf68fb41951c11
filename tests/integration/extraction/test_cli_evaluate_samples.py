"""The bundled sample reports for `borderwatch demo`: each reads, none leaks clutter or script."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from borderwatch.intake.readers import read

SAMPLES = Path(str(files("borderwatch") / "samples" / "tj-af"))


def reports() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix != ".md")


def test_there_are_about_twelve_reports_in_mixed_formats_and_a_readme() -> None:
    found = reports()
    assert len(found) >= 12
    assert {".txt", ".html", ".eml", ".xml", ".jsonl"} <= {p.suffix for p in found}
    assert "written by the borderwatch project" in (SAMPLES / "README.md").read_text()


def test_every_sample_reads_with_a_date_and_without_problems() -> None:
    items = {p.name: read(p.read_bytes(), p.name) for p in reports()}
    assert len(items["09_2021-07-08_regional-feed.xml"]) == 3
    assert len(items["10_2021-07-09_field-notes.jsonl"]) == 3
    for name, read_items in items.items():
        for item in read_items:
            assert item.text.strip(), name
            assert item.published is not None, name
            assert not item.problems, (name, item.problems)


def test_injected_script_and_page_clutter_never_reach_the_text() -> None:
    [camps] = read((SAMPLES / "11_2021-07-10_camps-readied.html").read_bytes(), "camps.html")
    assert "captured Khorog" not in camps.text
    assert "50,000" not in camps.text
    assert "three tent camps" in camps.text
    [repost] = read((SAMPLES / "05_2021-07-06_repost-1037.html").read_bytes(), "repost.html")
    assert "cookies" not in repost.text
    assert "1,037 Afghan soldiers" in repost.text
