"""Reader search: what a query means, and how a matching passage is shown.

One parser serves both databases. PostgreSQL turns the parsed query into a `to_tsquery`
expression over the stored search vector; SQLite (the embedded default) matches words
with LIKE and builds the snippet in Python. Either way a snippet holds only what the paywall
shows a reader nobody can identify (`articles.views.result_snippet` cuts it from the teaser);
ranking reads the whole body. Nothing here knows the paywall or the Article model, so the
model can import it.
"""

import html
import re
from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db.models import Index
from django.db.models.expressions import CombinedExpression
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

# The text-search configuration of the stored vector and of every query.
SEARCH_CONFIG = "english"
MAX_TERMS = 10
# A search ranks at most this many of the newest matching articles.
MAX_RESULTS = 500
# A query's results are reused this long within one content generation.
SEARCH_CACHE_SECONDS = 300
MAX_WORD_LENGTH = 60
# Markers PostgreSQL puts around matched words in a headline; never found in article text.
MARK_START = "\x02"
MARK_STOP = "\x03"
# What PostgreSQL puts between a headline's fragments.
FRAGMENT_DELIMITER = " … "
# The tags taken out of a body (in SQL and in Python) before a headline is cut from its text.
TAG_PATTERN = "<[^>]+>"

_QUOTED = re.compile(r'"([^"]*)"')
# A word is letters and digits; everything else (punctuation, tsquery operators) separates.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class ParsedQuery:
    """Words every match must contain; a trailing * makes a word a prefix."""

    words: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes or self.phrases)

    def tsquery(self) -> str:
        """The query in `to_tsquery` syntax; words hold only letters and digits."""
        parts = [f"'{word}'" for word in self.words]
        parts += [f"'{prefix}':*" for prefix in self.prefixes]
        parts += ["(" + " <-> ".join(f"'{w}'" for w in phrase) + ")" for phrase in self.phrases]
        return " & ".join(parts)

    @property
    def needles(self) -> list[str]:
        """Substrings the fallback search and snippet look for, lower-cased."""
        return [
            *(w.lower() for w in self.words),
            *(p.lower() for p in self.prefixes),
            *(" ".join(phrase).lower() for phrase in self.phrases),
        ]


def parse_query(text: str) -> ParsedQuery:
    """Quoted text is a phrase, `word*` a prefix, other words must all appear."""
    words, prefixes, phrases = [], [], []
    budget = MAX_TERMS

    def take(found: list[str]) -> list[str]:
        nonlocal budget
        kept = [w[:MAX_WORD_LENGTH] for w in found[:budget]]
        budget -= len(kept)
        return kept

    for quoted in _QUOTED.findall(text):
        phrase = take(_WORD.findall(quoted))
        if len(phrase) == 1:
            words.extend(phrase)
        elif phrase:
            phrases.append(tuple(phrase))
    rest = _QUOTED.sub(" ", text)
    for token in rest.split():
        found = _WORD.findall(token)
        if not found:
            continue
        is_prefix = token.endswith("*")
        kept = take(found)
        if is_prefix and kept and kept[-1] == found[-1][:MAX_WORD_LENGTH]:
            words.extend(kept[:-1])
            prefixes.append(kept[-1])
        else:
            words.extend(kept)
    return ParsedQuery(tuple(words), tuple(prefixes), tuple(phrases))


def marked_snippet(headline: str) -> SafeString:
    """HTML for a PostgreSQL headline: text escaped, matched words in <mark>."""
    out = []
    headline = " ".join(headline.split())
    for i, part in enumerate(re.split(f"[{MARK_START}{MARK_STOP}]", headline)):
        text = escape(html.unescape(part))
        out.append(f"<mark>{text}</mark>" if i % 2 else text)
    return mark_safe("".join(out))


def _plain(text: str) -> str:
    """Text as headline fragments are compared: no markers, whitespace collapsed."""
    return " ".join(text.replace(MARK_START, "").replace(MARK_STOP, "").split())


def headline_within(headline: str, *, body_html: str, public_html: str) -> str:
    """A PostgreSQL headline of body_html, as far as it lies in public_html, the beginning of
    that body (its teaser): a fragment running past the end is cut at its last word inside
    (and left out if no matched word remains), one beyond the end is left out."""
    body = _plain(re.sub(TAG_PATTERN, " ", body_html))
    public = _plain(re.sub(TAG_PATTERN, " ", public_html))
    if not body.startswith(public):
        return ""
    kept = []
    for fragment in headline.split(FRAGMENT_DELIMITER):
        start = body.find(_plain(fragment))
        fragment_words = fragment.split()
        if not fragment_words or not 0 <= start < len(public):
            continue
        count = len(fragment_words)
        while count and start + len(_plain(" ".join(fragment_words[:count]))) > len(public):
            count -= 1
        if count == len(fragment_words):
            kept.append(fragment)
        elif MARK_START in (inside := " ".join(fragment_words[:count])):
            kept.append(f"{inside} …")
    return FRAGMENT_DELIMITER.join(kept)


def fallback_snippet(body_html: str, query: ParsedQuery, *, words: int = 30) -> SafeString:
    """A passage of about `words` words around the first match, matches in <mark>."""
    # Tags part words, as in PostgreSQL's headline: "</p><p>" must not glue two paragraphs.
    text = " ".join(html.unescape(strip_tags(re.sub(TAG_PATTERN, " ", body_html))).split())
    lowered = text.lower()
    positions = [p for p in (lowered.find(n) for n in query.needles) if p >= 0]
    start = min(positions) if positions else 0
    before = text[:start].split()[-8:]
    passage = " ".join([*before, *text[start:].split()[: words - len(before)]])
    if not passage:
        return mark_safe("")
    prefix = "… " if len(before) == 8 else ""
    suffix = " …" if not text.endswith(passage) else ""
    needles = sorted({n for n in query.needles if n}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(passage) if needles else ():
        pieces.append(escape(passage[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    pieces.append(escape(passage[last:]))
    return mark_safe(prefix + "".join(pieces) + suffix)


def search_vector_expression() -> CombinedExpression:
    """The stored vector: the headline weighs most (A), then the dek (B), then the body (C)."""
    return (
        SearchVector("headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector("dek", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


class SearchVectorIndex(GinIndex):
    """A GIN index on PostgreSQL; elsewhere (SQLite), where the vector stays empty, a plain one."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
