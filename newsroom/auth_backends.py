"""Authentication backends: the lockout check, then users read through this process's memory."""

import copy
import secrets
from typing import Any

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend

from newsroom.caching import MISSING, ProcessMemory, ReaderValue, prefetch_reader_values


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins that come with a request.

    Without a request (the shell, `Client.login` in tests) there is no address to count
    failures against, so the check steps aside and the next backend decides.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def _user_version(user_id: int) -> str:
    """A new random version: any change to the user's row replaces it (see NewsroomConfig)."""
    return secrets.token_hex(8)


# The version of each signed-in user's row, in the shared cache; forgotten when it changes.
USER_VERSION: ReaderValue[str] = ReaderValue("auth-user-version", _user_version, 24 * 3600)
# Users as last read by this process, under (id, version): the row (and its password hash)
# never leaves this process's memory.
_users = ProcessMemory(size=2000)


class CachedUserBackend(ModelBackend):
    """Django's model backend, with the user of each signed-in request read from this
    process's memory while their row is unchanged, not from the database.

    Every change to a user's row (a password, an email, is_active) replaces their version
    in the shared cache, so every process reads the row again on their next request; the
    session's password check (django.contrib.auth.get_user) runs on every request as before.
    Each request gets its own copy, so one request's changes never show in another's.
    """

    def get_user(self, user_id: Any) -> Any:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return super().get_user(user_id)
        # The user's version and the rest of their cached values (the paywall's) at once.
        prefetch_reader_values(pk)
        key = (pk, USER_VERSION.get(pk))
        user = _users.get(key)
        if user is MISSING:
            user = super().get_user(pk)
            if user is None:
                return None
            _users.put(key, user)
        return _copy(user)


def _copy(user: Any) -> Any:
    """A copy of a model instance that shares no mutable state with the original."""
    clone = copy.copy(user)
    clone._state = copy.copy(user._state)
    clone._state.fields_cache = {}
    return clone
