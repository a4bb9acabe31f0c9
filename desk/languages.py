"""Source languages as ISO 639-1 codes ("fr", "ko"), with their English names (pycountry)."""

import difflib

import pycountry
from django.core.exceptions import ValidationError


def language_name(code: str) -> str:
    """ "fr" → "French"; an unknown code is shown as it is."""
    language = pycountry.languages.get(alpha_2=(code or "").lower())
    return language.name if language else code


def language_choices() -> list[tuple[str, str]]:
    """Every two-letter language, by English name, for forms and filters."""
    languages = [
        (language.alpha_2, language.name)
        for language in pycountry.languages
        if hasattr(language, "alpha_2")
    ]
    return sorted(languages, key=lambda choice: choice[1])


def suggestions(value: str) -> list[str]:
    """Codes whose code or name is close to what was typed, as "fr (French)"."""
    typed = (value or "").strip().lower()
    names = {name.lower(): code for code, name in language_choices()}
    close = difflib.get_close_matches(typed, list(names), n=3, cutoff=0.6)
    found = [names[name] for name in close]
    return [f"{code} ({language_name(code)})" for code in dict.fromkeys(found)]


def validate_language_code(value: str) -> None:
    """A form error that says what the code might have been."""
    if pycountry.languages.get(alpha_2=(value or "").lower()):
        return
    hint = suggestions(value)
    message = f"“{value}” is not a two-letter ISO 639-1 language code"
    message += f": did you mean {' or '.join(hint)}?" if hint else ' (e.g. "fr" for French).'
    raise ValidationError(message, code="unknown_language")
