"""HTML pages to text: scripts, styles, navigation and page furniture never reach the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from borderwatch.intake.assemble import parse_date
from borderwatch.intake.clean import rules

# Containers that hold the story itself: never dropped for a marker word in their class.
_CONTAINERS = frozenset({"html", "body", "main", "article"})
_DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
)
_SPACE = re.compile(r"\s+")
# A line break between words separates them: without this "Regards,<br>Field desk" joins up.
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MOST_OF_THE_PAGE = 0.6


@dataclass(frozen=True, slots=True)
class Page:
    """What a page says about itself and its story text, paragraph by paragraph."""

    title: str
    body: str
    published: date | None
    url: str | None
    site: str | None


def read_page(html: str) -> Page:
    """The headline, paragraphs and page metadata of an HTML document."""
    tree = LexborHTMLParser(_LINE_BREAK.sub("\n", html))
    published = _published(tree)
    url = _attribute(tree, 'link[rel="canonical"]', "href") or _meta(
        tree, 'meta[property="og:url"]'
    )
    site = _meta(tree, 'meta[property="og:site_name"]')
    _drop_clutter(tree)
    headline = _text(tree.css_first("h1"))
    title = headline or _meta(tree, 'meta[property="og:title"]') or _text(tree.css_first("title"))
    return Page(title or "", _body(tree), published, url, site)


def _drop_clutter(tree: LexborHTMLParser) -> None:
    config = rules()
    for tag in config.html_drop_tags:
        for node in tree.css(tag):
            node.decompose()
    markers = tuple(config.html_drop_markers)
    total = len(tree.body.text(deep=True)) if tree.body is not None else 0
    for node in tree.css("[class], [id], [role]"):
        if node.tag in _CONTAINERS:
            continue
        attributes = node.attributes
        names = " ".join((attributes.get(key) or "") for key in ("class", "id", "role")).lower()
        if not (any(marker in names for marker in markers) or names.strip() == "navigation"):
            continue
        # A wrapper that holds most of the page ("story comments-enabled") is the story itself.
        if len(node.text(deep=True)) <= _MOST_OF_THE_PAGE * total:
            node.decompose()


def _body(tree: LexborHTMLParser) -> str:
    text_tags = frozenset(rules().html_text_tags)
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    if root is None:
        return ""
    blocks = [
        _text(node)
        for node in root.css(", ".join(sorted(text_tags)))
        if not _inside(node, text_tags, root)
    ]
    blocks = [b for b in blocks if b]
    if not blocks:
        return root.text(separator="\n")
    return "\n\n".join(blocks)


def _inside(node: LexborNode, tags: frozenset[str], root: LexborNode) -> bool:
    """Whether a text block sits in another one (a paragraph in a list item is read once)."""
    parent = node.parent
    while parent is not None and parent.tag != root.tag:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _published(tree: LexborHTMLParser) -> date | None:
    for selector in _DATE_META:
        found = parse_date(_meta(tree, selector))
        if found is not None:
            return found
    return parse_date(_attribute(tree, "time[datetime]", "datetime"))


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    return _attribute(tree, selector, "content")


def _attribute(tree: LexborHTMLParser, selector: str, name: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get(name)
    return value.strip() if value and value.strip() else None


def _text(node: LexborNode | None) -> str:
    if node is None:
        return ""
    return _SPACE.sub(" ", node.text(deep=True, separator="")).strip()
