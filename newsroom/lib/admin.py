"""Admin plumbing shared by the apps."""

from typing import Any

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.http import HttpRequest


class ReadOnlyAdminMixin:
    """A record nobody adds, edits or deletes in the admin: a log, a report, a queue view.

    Listed before admin.ModelAdmin in the bases; viewing is still the model's view permission.
    """

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# Up to this many choices, an autocomplete renders them all as options (see below).
NO_SCRIPT_CHOICES = 500


class ChoicesWithoutScriptSelect(AutocompleteSelect):
    """The admin's autocomplete that still works without JavaScript: while a field has at
    most NO_SCRIPT_CHOICES choices, every one is an option of the underlying <select>, so a
    browser without scripts shows a plain list. With scripts, select2 searches as before
    (and picks the option already there)."""

    def optgroups(self, name: str, value: Any, attrs: Any = None) -> Any:
        if self.choices.queryset.count() > NO_SCRIPT_CHOICES:
            return super().optgroups(name, value, attrs)
        return forms.Select.optgroups(self, name, value, attrs)


class ChoicesWithoutScriptMixin:
    """For a ModelAdmin or an inline: its autocomplete_fields (foreign keys) use
    ChoicesWithoutScriptSelect."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        admin: Any = self  # a ModelAdmin or an inline, which this mixin is listed before
        if db_field.name in admin.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = ChoicesWithoutScriptSelect(
                db_field, admin.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
