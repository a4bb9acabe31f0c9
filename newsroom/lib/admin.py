"""Admin plumbing shared by the apps."""

from typing import Any

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
