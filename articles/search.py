"""Reader search: what a query means, and how a matching passage is shown.

One parser serves both databases. PostgreSQL turns the parsed query into a `to_tsquery`
expression over the stored search vector; SQLite (the embedded default) matches words
with LIKE and builds the snippet in Python. Either way a snippet holds only what the paywall
shows a reader nobody can identify (`articles.views.result_snippet` cuts it from the teaser);
ranking reads the whole body. Nothing here knows the paywall or the Article model, so the
model can import it.
"""

import difflib
import html
import re
from collections.abc import Callable, Iterable
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
# The end of a block (paragraph, heading, list item, quote, caption) or a line break: a
# snippet never runs one block into the next (a heading into the paragraph under it).
BLOCK_END_PATTERN = (
    r"</(?:p|h[1-6]|li|blockquote|figcaption|figure|div|pre|td|th|dt|dd)\s*>|<br\s*/?>"
)
# What PostgreSQL's headline is given at each block's end; never found in article text.
BLOCK_BREAK = "\x1e"
_BLOCK_END = re.compile(BLOCK_END_PATTERN, re.IGNORECASE)

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


# "Did you mean": words shorter than this are never corrected, and a correction must be
# at least this alike (difflib's ratio) on SQLite, or pg_trgm's similarity on PostgreSQL.
MIN_SUGGESTED_LENGTH = 4
SUGGESTION_CUTOFF = 0.75
TRIGRAM_CUTOFF = 0.3  # pg_trgm's own default threshold


def vocabulary_words(texts: Iterable[str]) -> list[str]:
    """The distinct lower-cased words (letters only, long enough to correct) of texts."""
    words = {
        word.lower()
        for text in texts
        for word in _WORD.findall(text or "")
        if len(word) >= MIN_SUGGESTED_LENGTH and word.isalpha()
    }
    return sorted(words)


def closest_word(word: str, vocabulary: list[str]) -> str | None:
    """The vocabulary's word most like word (difflib), if alike enough."""
    found = difflib.get_close_matches(word, vocabulary, n=1, cutoff=SUGGESTION_CUTOFF)
    return found[0] if found else None


def suggest_query(text: str, correct: Callable[[str], str | None]) -> str:
    """The query with each misspelt word replaced by correct(word) ("" if none changes):
    quotes, prefixes (`migra*`) and the other words stay as typed."""
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group()
        if len(word) < MIN_SUGGESTED_LENGTH or not word.isalpha():
            return word
        if match.end() < len(text) and text[match.end()] == "*":
            return word
        better = correct(word.lower())
        if not better or better == word.lower():
            return word
        changed = True
        return better

    suggestion = _WORD.sub(replace, text)
    return suggestion if changed else ""


def display_query(text: str) -> str:
    """The query as a reader sees it in "N results for …": typed quotes become curly ones,
    and the whole is put in quotes only when it holds none, so `"north korea"` shows once
    quoted (“north korea”), never “"north korea"”."""
    if '"' not in text:
        return f"\u201c{text}\u201d"
    parts = text.split('"')
    out = [parts[0]]
    for i, part in enumerate(parts[1:], start=1):
        # An odd quote opens, an even one closes; a lone last quote stays open.
        out.append(("\u201c" if i % 2 else "\u201d") + part)
    return "".join(out)


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


def within_blocks(headline: str) -> str:
    """A PostgreSQL headline whose fragments stay each inside one block: a fragment that
    crosses a block's end keeps only the parts holding a match (the first part if none)."""
    kept = []
    for fragment in headline.split(FRAGMENT_DELIMITER):
        parts = [" ".join(p.split()) for p in fragment.split(BLOCK_BREAK)]
        parts = [p for p in parts if p]
        marked = [p for p in parts if MARK_START in p]
        kept.extend(marked or parts[:1])
    return FRAGMENT_DELIMITER.join(kept)


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
    # The passage stays inside the first block holding a match (the first block if none):
    # a heading never runs into the paragraph after it. Tags inside a block part words.
    blocks = [
        text
        for chunk in _BLOCK_END.split(body_html)
        if (text := " ".join(html.unescape(strip_tags(re.sub(TAG_PATTERN, " ", chunk))).split()))
    ]
    if not blocks:
        return mark_safe("")
    index, start = 0, 0
    for i, block in enumerate(blocks):
        lowered = block.lower()
        positions = [p for p in (lowered.find(n) for n in query.needles) if p >= 0]
        if positions:
            index, start = i, min(positions)
            break
    text = blocks[index]
    before = text[:start].split()[-8:]
    passage = " ".join([*before, *text[start:].split()[: words - len(before)]])
    if not passage:
        return mark_safe("")
    prefix = "… " if index or not text.startswith(passage) else ""
    suffix = " …" if index < len(blocks) - 1 or not text.endswith(passage) else ""
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
    """The stored vector: the headlines weigh most (A), then the dek (B), then the body (C)."""
    return (
        SearchVector("headline", weight="A", config=SEARCH_CONFIG)
        # The headline in the source newspaper's language (often French) weighs as much.
        + SearchVector("original_headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector("dek", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


class SearchVectorIndex(GinIndex):
    """A GIN index on PostgreSQL; elsewhere (SQLite), where the vector stays empty, a plain one."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
