"""The original's text as paragraphs, and paragraphs back into body HTML."""

import re
from html import unescape

from django.utils.html import escape, strip_tags

from articles.sanitize import clean_body

# The blocks a paragraph row of the side-by-side form holds.
BLOCK = re.compile(r"<(p|h2|h3|li|blockquote|figcaption)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.S)


def html_from_plain_text(text: str) -> str:
    """Pasted text, paragraphs separated by blank lines, as sanitised body HTML.

    Blocks that are already HTML paragraphs stay as they are; everything goes through
    clean_body, which drops scripts and any tag outside the house set."""
    text = (text or "").replace("\r\n", "\n").strip()
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    return clean_body(
        "".join(block if BLOCK.search(block) else f"<p>{block}</p>" for block in blocks if block)
    )


def _text(html: str) -> str:
    return " ".join(unescape(strip_tags(html)).split())


def paragraphs(html: str) -> list[str]:
    """The text of each block of body HTML, in order (nested blocks count once)."""
    found: list[str] = []
    for match in BLOCK.finditer(html or ""):
        inner = match.group(2)
        if match.group(1).lower() == "blockquote" and BLOCK.search(inner):
            found.extend(_text(m.group(2)) for m in BLOCK.finditer(inner))
            continue
        found.append(_text(inner))
    found = [text for text in found if text]
    if not found and strip_tags(html or "").strip():
        found = [_text(html)]
    return found


def plain_text(html: str) -> str:
    """Paragraphs separated by blank lines: what the word diff compares."""
    return "\n\n".join(paragraphs(html))


def body_from_paragraphs(rows: list[str]) -> str:
    """The translator's paragraphs (plain text) as the article body, sanitised."""
    return clean_body(
        "".join(f"<p>{escape(' '.join(row.split()))}</p>" for row in rows if row.strip())
    )
