"""Clutter removal: captions, bylines, related lists, share bars and footers leave the text."""

from __future__ import annotations

from datetime import UTC, datetime

from borderwatch.intake.clean import clean_text, rules, take_title
from borderwatch.intake.readers import read

STORY = "DUSHANBE, July 5 (Reuters) - Tajikistan sent troops to the border on Monday."


def test_the_seed_keeps_only_the_story(seed_bytes: bytes) -> None:
    [item] = read(seed_bytes, "seed.txt", received_at=datetime(2021, 7, 7, tzinfo=UTC))
    assert item.title == (
        "Tajikistan strengthens security on Afghanistan border, as Taliban launch offensive"
    )
    assert item.text.startswith("Kabul (Afghanistan) July 6 (ANI): Tajikistan President")
    assert item.text.endswith("(ANI)")
    for clutter in ("min read", "Photo credit", "Our goal", "commenting", "Tajikistan Flag"):
        assert clutter not in item.text


def test_the_seed_keeps_every_story_paragraph(seed_bytes: bytes) -> None:
    [item] = read(seed_bytes, "seed.txt")
    assert item.text.count("\n\n") == 5
    assert "1,037 Afghan troops retreated to Tajikistan" in item.text
    assert "Pajhwok News reported citing Kyrgyz Republic's AKI press" in item.text


def test_reading_time_and_photo_lines_are_removed() -> None:
    text = f"2 min read\n\nPhoto: AFP\n\n{STORY}\n\n(Photo: Asia-Plus)\n\nFile photo by AP"
    assert clean_text(text) == STORY


def test_an_inline_photo_credit_is_cut_from_its_sentence() -> None:
    text = "Troops arrived at the post (Photo: AFP) on Monday morning."
    assert clean_text(text) == "Troops arrived at the post on Monday morning."


def test_a_caption_repeated_twice_is_removed_but_a_single_line_stays() -> None:
    text = f"Guards at the Panj bridge\nGuards at the Panj bridge\n\n{STORY}\n\nA short line"
    assert clean_text(text) == f"{STORY}\n\nA short line"


def test_bylines_are_removed_but_a_sentence_starting_with_by_stays() -> None:
    sentence = "By Tuesday evening, more than 300 soldiers had crossed the river at Kokul."
    text = f"By Jane Doe\n\nWritten by Karim Nazarov, Dushanbe\n\n{STORY}\n\n{sentence}"
    assert clean_text(text) == f"{STORY}\n\n{sentence}"


def test_related_headline_lists_are_removed_up_to_the_next_paragraph() -> None:
    after = "The ministry gave no figures for the second camp."
    text = (
        f"{STORY}\n\nRelated:\nFloods close the Pamir highway\nNew bridge opens at Ruzvai\n\n"
        f"Read more: Markets reopen in Khorog\n\n{after}"
    )
    assert clean_text(text) == f"{STORY}\n\n{after}"


def test_share_cookie_copyright_and_comment_lines_are_removed() -> None:
    text = (
        f"Share | Tweet | Email\n\n{STORY}\n\n"
        "We use cookies to give you the best experience on our site.\n\n"
        "Subscribe to our newsletter\n\n"
        "Comments are closed for this article.\n\n"
        "© 2021 Example News Agency. All rights reserved."
    )
    assert clean_text(text) == STORY


def test_windows_line_ends_and_spaces_do_not_change_the_text() -> None:
    assert clean_text(f"  {STORY}  \r\n\r\n\r\nSecond paragraph.\r\n") == (
        f"{STORY}\n\nSecond paragraph."
    )


def test_a_one_line_first_paragraph_without_full_stop_is_the_title() -> None:
    assert take_title(f"Troops sent to the border\n\n{STORY}") == (
        "Troops sent to the border",
        STORY,
    )


def test_a_first_paragraph_that_is_a_sentence_is_not_a_title() -> None:
    assert take_title(f"{STORY}\n\nMore text.") == ("", f"{STORY}\n\nMore text.")


def test_a_heading_block_gives_its_first_line_and_stays_in_the_text() -> None:
    text = f"PRESS RELEASE\nBorder Troops of Tajikistan\n5 July 2021\n\n{STORY}"
    assert take_title(text) == ("PRESS RELEASE", text)


def test_a_text_of_one_paragraph_has_no_title() -> None:
    assert take_title("Troops sent to the border") == ("", "Troops sent to the border")


def test_a_section_breadcrumb_and_comment_policy_are_clutter() -> None:
    text = f"WORLD | ASIA\n\n{STORY}\n\nComment policy: we moderate all comments first."
    assert clean_text(text) == STORY


def test_the_clutter_rules_name_their_source() -> None:
    assert "borderwatch" in rules().source
    assert rules().line_patterns
