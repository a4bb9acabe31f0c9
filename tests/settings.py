"""Test-only overrides on top of the real settings."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")

from newsroom.settings import *  # noqa: E402,F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")
ORIGINALS_ROOT = tempfile.mkdtemp(prefix="newsroom-test-originals-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {
        "BACKEND": "images.storage.OriginalsFileSystemStorage",
        "OPTIONS": {"location": ORIGINALS_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SECURE_SSL_REDIRECT = False
TRUSTED_PROXY_COUNT = 0  # tests that need a proxy in front say so
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The suite's default provider records payments by staff; the stripe and test providers'
# tests choose theirs with override_settings (the stripe one against a local HTTP double).
PAYWALL_PAYMENT_PROVIDER = "manual"
STRIPE_SECRET_KEY = "sk_test_newsroom"
STRIPE_WEBHOOK_SECRET = "whsec_newsroom_tests"
STRIPE_MAX_NETWORK_RETRIES = 0
STRIPE_PRICE_IDS = {"monthly": "price_monthly", "annual": "price_annual"}
