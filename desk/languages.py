"""The desk's language codes: ISO 639-1, as the articles' sources store them
(articles.languages), with a form error that suggests what an unknown one meant."""

from django.core.exceptions import ValidationError

from articles.languages import language_code_for, language_name, language_suggestions

__all__ = ["language_name", "to_language_code", "validate_language_code"]


def to_language_code(text: str) -> str:
    """A code from a code or a name ("FR", "French" → "fr"); anything else stays as typed,
    for the form error to quote."""
    return language_code_for(text or "") or (text or "").strip()


def validate_language_code(value: str) -> None:
    """A form error that says what the code might have been."""
    if language_name(value):
        return
    hint = [f"{code} ({language_name(code)})" for code in language_suggestions(value)]
    message = f"“{value}” is not a two-letter ISO 639-1 language code"
    message += f": did you mean {' or '.join(hint)}?" if hint else ' (e.g. "fr" for French).'
    raise ValidationError(message, code="unknown_language")
