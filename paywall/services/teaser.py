"""Cut a sanitised article body after its first paragraphs, on top-level element boundaries."""

import re
from datetime import datetime
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from .access import Reader, decide_access
from .policy import Policy

VOID_ELEMENTS = {"br", "hr", "img", "wbr", "source", "input", "meta", "link", "col", "area"}


class _TopLevelParagraphs(HTMLParser):
    """Records the offset just after each top-level </p> of a fragment."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        # HTMLParser counts lines on "\n" only; map (line, column) back to an offset.
        self.line_offsets = [0] + [match.end() for match in re.finditer("\n", source)]
        self.depth = 0
        self.top_tag: str | None = None
        self.paragraph_ends: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            return
        if self.depth == 0:
            self.top_tag = tag
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS or self.depth == 0:
            return
        self.depth -= 1
        if self.depth == 0 and self.top_tag == "p":
            line, column = self.getpos()
            start = self.line_offsets[line - 1] + column
            self.paragraph_ends.append(self.source.index(">", start) + 1)


def split_body(body: str, *, paragraphs: int) -> tuple[str, str]:
    """(teaser, rest): the teaser ends after the Nth top-level paragraph of the body.

    The rest is never empty when the body has a paragraph to withhold: a short story keeps
    at least its last paragraph out of the teaser, so a gated page never holds all of it.
    """
    return _split(body, paragraphs)


def public_body(*, article: Any, now: datetime, policy: Policy) -> str:
    """The part of the body shown to a reader nobody can identify (a search snippet's source):
    all of it when `Reader.nobody()` may read the article in full, else its teaser."""
    if decide_access(reader=Reader.nobody(), article=article, now=now, policy=policy).full:
        return str(article.body)
    return split_body(article.body, paragraphs=policy.teaser_paragraphs)[0]


# Per process: the same popular bodies are cut again and again.
@lru_cache(maxsize=512)
def _split(body: str, paragraphs: int) -> tuple[str, str]:
    parser = _TopLevelParagraphs(body)
    parser.feed(body)
    parser.close()
    ends = parser.paragraph_ends
    if not ends:
        return "", body
    keep = min(paragraphs, len(ends) - 1)
    if keep <= 0:
        return "", body
    cut = ends[keep - 1]
    return body[:cut], body[cut:]
