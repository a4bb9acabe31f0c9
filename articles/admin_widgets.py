"""The article admin's widgets: the tag picker and drag-to-order inlines.

taggit's TagField reads one comma-separated string; the tag widget shows each tag as a
token, suggests existing tags as the editor types (the admin's own select2, fed by a small
JSON view), and still lets them type a new one. PositionedInlineMixin orders bylines and
newsletter stories by drag, keeping the position column as the source of truth.
"""

from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import get_select2_language
from django.forms.models import BaseInlineFormSet
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from taggit.utils import edit_string_for_tags, parse_tags

# The name of the field a browser without scripts types tags into: the picker's name + this.
TYPED_SUFFIX = "__typed"


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

    def render(self, name, value, attrs=None, renderer=None):
        """The picker, and for a browser without scripts a text field of comma-separated
        tags in its place (the picker's <select> is hidden until its script runs)."""
        picker = super().render(name, value, attrs, renderer)
        typed = format_html(
            '<noscript><input type="text" name="{}" value="{}" class="vTextField"'
            ' aria-label="Tags, separated by commas" aria-describedby="{}">'
            '<p class="help" id="{}">Separate tags with commas; put a tag that holds a comma'
            " in quotes.</p></noscript>",
            f"{name}{TYPED_SUFFIX}",
            edit_string_for_tags([SimpleNamespace(name=n) for n in self.format_value(value)]),
            help_id := f"{(attrs or {}).get('id', f'id_{name}')}_typed_help",
            help_id,
        )
        return mark_safe(picker + typed)

    def value_from_datadict(self, data, files, name):
        if f"{name}{TYPED_SUFFIX}" in data:  # typed without scripts
            return edit_string_for_tags(
                [SimpleNamespace(name=n) for n in parse_tags(data[f"{name}{TYPED_SUFFIX}"])]
            )
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


class PositionedInlineFormSet(BaseInlineFormSet):
    """An inline whose rows are saved at positions 0..n-1, in the order the editor gave them.

    The order is each row's posted position, then its place on the page: the drag handles
    (js/admin/sortable_inline.js) renumber the rows as they move, and without JavaScript
    the editor types the numbers. Every kept row is then renumbered from 0, so gaps, ties
    and the default 0 of new rows never reach the database.
    """

    position_field = "position"

    def add_fields(self, form: Any, index: int | None) -> None:
        super().add_fields(form, index)
        # A table row's inputs have only the column heading: name each one for screen readers.
        row = "new row" if index is None else f"row {index + 1}"
        for field in form.fields.values():
            if not field.widget.is_hidden:
                field.widget.attrs["aria-label"] = f"{field.label}, {row}"

    def save(self, commit: bool = True) -> list[Any]:
        saved = super().save(commit=commit)
        if commit:
            self.renumber()
        return saved

    def forms_in_order(self) -> list[forms.ModelForm]:
        deleted = set(map(id, self.deleted_forms)) if self.can_delete else set()
        kept = [
            form for form in self.forms if id(form) not in deleted and form.instance.pk is not None
        ]
        return sorted(
            kept,
            key=lambda form: (
                form.cleaned_data.get(self.position_field) or 0,
                self.forms.index(form),
            ),
        )

    def renumber(self) -> None:
        for position, form in enumerate(self.forms_in_order()):
            row = form.instance
            if getattr(row, self.position_field) != position:
                setattr(row, self.position_field, position)
                row.save(update_fields=[self.position_field])


class PositionedInlineMixin:
    """Drag-to-order for a TabularInline whose model has a `position` column."""

    formset: Any = PositionedInlineFormSet
    classes: Sequence[str] | None = ["positioned-inline"]

    @property
    def media(self) -> forms.Media:
        return super().media + forms.Media(  # type: ignore[misc]
            js=("js/admin/sortable_inline.js",),
            css={"screen": ("css/admin-sortable-inline.css",)},
        )
