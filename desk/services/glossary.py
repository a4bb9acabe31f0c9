"""The glossary check of the side-by-side form: a source paragraph that contains a glossary
term (of its language) whose agreed rendering is missing from that paragraph's English.

The same rule runs in the browser (static/desk/translate.js) to recheck as the translator
types; this is the one the page shows on every save and preview.
"""

import re
from dataclasses import dataclass

from ..models import GlossaryTerm

# Languages written without spaces between words, or whose words take suffixes (Korean
# particles): a term there is found anywhere in the text, not only as a whole word.
NO_WORD_BOUNDARIES = {"ja", "zh", "ko", "th", "lo", "km", "my"}


@dataclass(frozen=True)
class Flag:
    term: str
    rendering: str
    notes: str
    missing: bool  # the English is written and lacks the rendering


@dataclass(frozen=True)
class Row:
    """One paragraph of the side-by-side form."""

    number: int
    original: str
    english: str
    flags: list[Flag]

    @property
    def missing(self) -> list[Flag]:
        return [flag for flag in self.flags if flag.missing]


def terms_for(language: str) -> list[GlossaryTerm]:
    return list(GlossaryTerm.objects.filter(language=language).order_by("term"))


def contains(text: str, phrase: str, *, whole_words: bool) -> bool:
    """Whether text holds phrase, ignoring case (and, for whole_words, inside a word)."""
    if not phrase.strip():
        return False
    if not whole_words:
        return phrase.casefold() in text.casefold()
    pattern = r"(?<!\w)" + re.escape(phrase.strip()) + r"(?!\w)"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def rows(
    *, originals: list[str], english: list[str], terms: list[GlossaryTerm], language: str
) -> list[Row]:
    """The paragraphs side by side, each with the glossary terms its original contains."""
    whole_words = language not in NO_WORD_BOUNDARIES
    found = []
    for index, original in enumerate(originals):
        written = english[index] if index < len(english) else ""
        flags = [
            Flag(
                term=term.term,
                rendering=term.rendering,
                notes=term.notes,
                missing=bool(written.strip())
                and not contains(written, term.rendering, whole_words=True),
            )
            for term in terms
            if contains(original, term.term, whole_words=whole_words)
        ]
        found.append(Row(number=index + 1, original=original, english=written, flags=flags))
    return found
