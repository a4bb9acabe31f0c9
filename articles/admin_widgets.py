"""The article admin's tag picker: the admin's own select2, fed by a small JSON view.

taggit's TagField reads one comma-separated string; this widget shows each tag as a token,
suggests existing tags as the editor types, and still lets them type a new one.
"""

from types import SimpleNamespace
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import get_select2_language
from django.urls import reverse_lazy
from taggit.utils import edit_string_for_tags, parse_tags


class TagAutocompleteWidget(forms.SelectMultiple):
    url = reverse_lazy("admin:articles_article_tag_autocomplete")

    # ChoiceWidget returns a list here; django-stubs gives it Widget's string.
    def format_value(self, value: Any) -> list[str]:  # type: ignore[override]
        """Tag names, from model instances (the saved article) or the string a POST carried."""
        if not value:
            return []
        if isinstance(value, str):
            return parse_tags(value)
        return [tag if isinstance(tag, str) else tag.name for tag in value]

    def optgroups(self, name, value, attrs=None):
        # Only the chosen tags are rendered as options; the rest arrive as the editor types.
        self.choices = [(tag, tag) for tag in value]
        return super().optgroups(name, value, attrs)

    def value_from_datadict(self, data, files, name):
        names = (
            [n.strip() for n in data.getlist(name) if n.strip()] if hasattr(data, "getlist") else []
        )
        # Quoted where needed, so a tag such as "Food, Travel" survives TagField's parsing.
        return edit_string_for_tags([SimpleNamespace(name=n) for n in names])

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.update(
            {
                "class": "admin-tag-autocomplete",
                "data-autocomplete-url": str(self.url),
                "data-placeholder": "Type to find a tag, or a new one and press Enter",
                "data-theme": "admin-autocomplete",
                "lang": get_select2_language() or "",
            }
        )
        return attrs

    @property
    def media(self):
        extra = "" if settings.DEBUG else ".min"
        language = get_select2_language()
        i18n = (f"admin/js/vendor/select2/i18n/{language}.js",) if language else ()
        return forms.Media(
            js=(
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                *i18n,
                "admin/js/jquery.init.js",
                "js/admin/tag_autocomplete.js",
            ),
            css={"screen": ("admin/css/vendor/select2/select2.css", "admin/css/autocomplete.css")},
        )
