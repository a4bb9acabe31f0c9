"""Reader search: what a query means, and how a matching passage is shown.

One parser serves both databases. PostgreSQL turns the parsed query into a `to_tsquery`
expression over the stored search vector; SQLite (the embedded default) matches words
with LIKE. On either, the snippet is cut in Python from what the paywall shows a reader
nobody can identify (the search page passes the teaser, see articles.cached.search_cards),
its words marked by stem as PostgreSQL matches them; ranking reads the whole body. Nothing
here knows the paywall or the Article model, so the model can import it.
"""

import difflib
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

import snowballstemmer
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db.models import Index
from django.db.models.expressions import CombinedExpression
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

# The text-search configuration of the stored vector and of every query.
SEARCH_CONFIG = "english"
MAX_TERMS = 10
# A search ranks at most this many of the newest matching articles.
MAX_RESULTS = 500
# A query's results are reused this long within one content generation.
SEARCH_CACHE_SECONDS = 300
MAX_WORD_LENGTH = 60
# The tags taken out of a body before a snippet is cut from its text.
TAG_PATTERN = "<[^>]+>"
# The end of a block (paragraph, heading, list item, quote, caption) or a line break: a
# snippet never runs one block into the next (a heading into the paragraph under it).
BLOCK_END_PATTERN = (
    r"</(?:p|h[1-6]|li|blockquote|figcaption|figure|div|pre|td|th|dt|dd)\s*>|<br\s*/?>"
)
_BLOCK_END = re.compile(BLOCK_END_PATTERN, re.IGNORECASE)
_TAG = re.compile(TAG_PATTERN)
# A snippet: about this many words, starting this many before the first match.
SNIPPET_WORDS = 30
SNIPPET_WORDS_BEFORE = 8

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


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A lower-cased word as PostgreSQL's "english" configuration indexes it: the Snowball
    English (Porter2) stemmer is the one PostgreSQL runs, so "guiding" and "guide" are both
    "guid" here and in the stored search vector."""
    return _ENGLISH.stemWord(word.lower())


_ENGLISH = snowballstemmer.stemmer("english")


class TextBlock(NamedTuple):
    """One block of a body as plain text, with its words' stems (space-separated: compact in
    the cache), ready for any query's snippet."""

    text: str
    stems: str


def text_blocks(body_html: str) -> tuple[TextBlock, ...]:
    """The body's blocks (tags gone, whitespace collapsed, empty ones left out; tags inside
    a block part words)."""
    blocks = []
    for chunk in _BLOCK_END.split(body_html):
        text = " ".join(html.unescape(strip_tags(_TAG.sub(" ", chunk))).split())
        if text:
            blocks.append(TextBlock(text, " ".join(stem(word) for word in _WORD.findall(text))))
    return tuple(blocks)


class WordMatcher:
    """Which words of a text a query matched, as full-text search matches them: by stem,
    a prefix (`migra*`) by the stem's beginning, a phrase by its words in a row."""

    def __init__(self, query: ParsedQuery):
        self.stems = {stem(word) for word in query.words}
        self.prefixes = tuple(stem(prefix) for prefix in query.prefixes)
        self.phrases = [tuple(stem(word) for word in phrase) for phrase in query.phrases]

    def terms_in(self, stems: str) -> int:
        """How many of the query's terms a block holds (its stems, space-separated)."""
        padded = f" {stems} "
        return (
            sum(f" {term} " in padded for term in self.stems)
            + sum(f" {prefix}" in padded for prefix in self.prefixes)
            + sum(f" {' '.join(phrase)} " in padded for phrase in self.phrases)
        )

    def matched(self, stems: Sequence[str]) -> list[bool]:
        """For each word (by its stem), whether it is (part of) a match."""
        found = [s in self.stems for s in stems]
        if self.prefixes:
            found = [f or s.startswith(self.prefixes) for f, s in zip(found, stems, strict=True)]
        for phrase in self.phrases:
            size = len(phrase)
            for start in range(len(stems) - size + 1):
                if tuple(stems[start : start + size]) == phrase:
                    found[start : start + size] = [True] * size
        return found


def snippet(body_html: str, query: ParsedQuery) -> SafeString:
    """A passage of the body around the query's words: see snippet_of_blocks."""
    return snippet_of_blocks(text_blocks(body_html), query)


def snippet_of_blocks(blocks: Sequence[TextBlock], query: ParsedQuery) -> SafeString:
    """A passage of about SNIPPET_WORDS words from the block holding most of the query's
    terms (the first such; the first block if none does), matched words in <mark>.

    The passage never runs one block into the next (a heading into the paragraph under it).
    """
    if not blocks:
        return mark_safe("")
    matcher = WordMatcher(query)
    scores = [matcher.terms_in(block.stems) for block in blocks]
    best = scores.index(max(scores))
    text = blocks[best].text
    best_marks = matcher.matched(blocks[best].stems.split())
    if not best_marks:  # a block of punctuation alone
        return mark_safe(html.escape(text, quote=False))
    first = best_marks.index(True) if True in best_marks else 0
    begin = max(0, first - SNIPPET_WORDS_BEFORE)
    end = min(len(best_marks), begin + SNIPPET_WORDS)
    spans = [word.span() for word in islice(_WORD.finditer(text), end)]
    # From the beginning of the first word's space-separated token to the end of the last's,
    # so punctuation stays with its word.
    start = text.rfind(" ", 0, spans[begin][0]) + 1
    stop = text.find(" ", spans[end - 1][1])
    stop = len(text) if stop < 0 else stop
    # Marked words with only spaces between them share one <mark> ("North Korea").
    marks: list[tuple[int, int]] = []
    for span, marked in zip(spans[begin:end], best_marks[begin:end], strict=True):
        if marked:
            if marks and text[marks[-1][1] : span[0]].isspace():
                marks[-1] = (marks[-1][0], span[1])
            else:
                marks.append(span)
    pieces: list[str] = []
    position = start
    for mark_start, mark_end in marks:
        pieces.append(html.escape(text[position:mark_start], quote=False))
        pieces.append(f"<mark>{html.escape(text[mark_start:mark_end], quote=False)}</mark>")
        position = mark_end
    pieces.append(html.escape(text[position:stop], quote=False))
    prefix = "… " if best or start else ""
    suffix = " …" if best < len(blocks) - 1 or stop < len(text) else ""
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
