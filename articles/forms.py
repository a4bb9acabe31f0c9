"""Form fields for the ISO codes of countries and languages, typed as a name or a code.

An editor types "France", "FR" or "france"; the field stores "FR". A name that matches
nothing is a form error that keeps what was typed and suggests the closest names
("Unknown country 'Frnace'. Did you mean France (FR)?").
"""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django_countries import countries

from .languages import (
    country_code_for,
    country_name,
    country_suggestions,
    language_code_for,
    language_name,
    language_names,
    language_suggestions,
)


class DatalistInput(forms.TextInput):
    """A text input that offers its options as the browser's autocomplete list."""

    def __init__(self, options: Callable[[], list[str]], attrs=None):
        super().__init__(attrs)
        self.options = options

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id') or f'id_{name}'}_options"
        attrs = {**(attrs or {}), "list": list_id, "autocomplete": "off"}
        field = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}">', ((o,) for o in self.options()))
        return format_html('{}<datalist id="{}">{}</datalist>', field, list_id, options)


def _labelled(name: str, code: str) -> str:
    return f"{name} ({code})"


class CodeField(forms.CharField):
    """A country or language code, typed as its name or its code."""

    kind = ""  # "country" / "language", for the error message
    name_of: Callable[[str], str]
    code_for: Callable[[str], str | None]
    suggestions: Callable[[str], list[str]]
    options: Callable[[], list[str]]

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)  # the model's max_length is the code's, not the name's
        kwargs.pop("choices", None)
        kwargs.setdefault("widget", DatalistInput(type(self).options))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        """A stored code shows as "France (FR)"; anything else as typed."""
        code = str(value or "")
        name = type(self).name_of(code)
        return _labelled(name, code) if name else code

    def to_python(self, value) -> str:
        text = (super().to_python(value) or "").strip()
        if not text:
            return ""
        # "France (FR)", as the field shows a stored code and offers its options.
        if text.endswith(")") and "(" in text:
            text = text[text.rindex("(") + 1 : -1]
        code = type(self).code_for(text)
        if code:
            return code
        close = [_labelled(type(self).name_of(c), c) for c in type(self).suggestions(text)]
        message = f"Unknown {self.kind} “{value.strip()}”."
        if close:
            message += f" Did you mean {' or '.join(close)}?"
        else:
            message += f" Type its English name or its ISO code{self.code_hint}."
        raise ValidationError(message, code="unknown")

    @property
    def code_hint(self) -> str:
        return ""


class CountryCodeField(CodeField):
    kind = "country"
    name_of = staticmethod(country_name)
    code_for = staticmethod(country_code_for)
    suggestions = staticmethod(country_suggestions)
    options = staticmethod(lambda: [_labelled(name, code) for code, name in countries])

    @property
    def code_hint(self) -> str:
        return " (FR for France)"

    def to_python(self, value) -> str:
        return (super().to_python(value) or "").upper()


class LanguageCodeField(CodeField):
    kind = "language"
    name_of = staticmethod(language_name)
    code_for = staticmethod(language_code_for)
    suggestions = staticmethod(language_suggestions)
    options = staticmethod(lambda: [_labelled(n, c) for c, n in language_names().items()])

    @property
    def code_hint(self) -> str:
        return " (fr for French)"
