"""Settings for Newsroom, read from the environment (see .env.example and the README).

The environment, not a second settings file, is the difference between a laptop and
production. Development defaults apply only while DEBUG is on.

Read it top to bottom: every setting is declared once, in one of these sections, and no
later line changes it.

1. The site: debug, secret key, hosts, the site's address and name
2. Applications: INSTALLED_APPS, MIDDLEWARE, URLs, TEMPLATES
3. Database
4. Caches and the caching layers (newsroom/caching/, drawn in docs/caching.md)
5. Email and background tasks
6. Accounts and login: passwords, login lockout, the client's address
7. Static files, media and the image library's storage
8. Security headers and the Content Security Policy
9. Language and time
10. Logging
11. The apps' own settings: articles, images, paywall, newsletters, desk
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from newsroom.lib.filecache import database_folder_name

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


# --- 1. The site ---------------------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Absolute address of the site in emails, feeds, sitemaps, metadata and social cards.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env("SITE_NAME", default="Worldcrunch")


# --- 2. Applications -----------------------------------------------------------------------------

INSTALLED_APPS = [
    "newsroom.admin_config.NewsroomAdminConfig",  # django.contrib.admin + dashboard
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The trust pages (About, Contact, Privacy, Terms, Corrections) are flat pages editors
    # edit in the admin; flatpages needs the sites framework (one site, SITE_ID below).
    "django.contrib.sites",
    "django.contrib.flatpages",
    "taggit",
    "simple_history",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "django_countries",  # ISO country codes of sources and stories
    # The project and its domain apps (docs/architecture.md draws them).
    "newsroom",
    "images",
    "articles",
    "paywall",
    "newsletters",
    "desk",  # the translation desk: source feeds, source stories, translators, glossary
    "demo",  # after every app whose demo data it loads
    # Reaching readers and protecting them: sitemaps, the Content Security Policy
    # (django-csp) and the login lockout (django-axes).
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # One memo per request (newsroom/caching/memo.py), open for everything below it.
    "newsroom.caching.RequestMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsroom.middleware.ContentSecurityPolicyMiddleware",
    # Inside the CSP middleware, so its 400 page gets the site's policy too.
    "newsroom.middleware.NullCharactersMiddleware",
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
SITE_ID = 1
WSGI_APPLICATION = "newsroom.wsgi.application"
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
                "csp.context_processors.nonce",
            ],
        },
    },
]


# --- 3. Database ---------------------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead log: the web server and the worker read while the other writes, and a
    # commit (one per newsletter message sent) needs no disk flush; a killed process loses
    # nothing, a power cut at most the last commits.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- 4. Caches and the caching layers ------------------------------------------------------------

# By default the cache is a folder shared by every process of this machine: gunicorn's
# workers, the admin, management commands and the task worker see one generation, policy,
# rate limit and funnel count (newsroom/lib/filecache.py). One folder per database, since
# cached content belongs to the database it was read from. Several machines share Redis.
_DEFAULT_CACHE_DIR = BASE_DIR / "var" / "cache" / database_folder_name(DATABASES["default"])
_shared_cache = env.cache("CACHE_URL", default=f"filecache://{_DEFAULT_CACHE_DIR}")
if _shared_cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache":
    _shared_cache["BACKEND"] = "newsroom.lib.filecache.FileCache"
    _shared_cache.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 10_000)
elif _shared_cache["BACKEND"] == "django_redis.cache.RedisCache":
    # A Redis outage makes pages slower (cache misses), never an error page; rate limits
    # fail open. It is logged once (newsroom.lib.cache_outage), not as a traceback per
    # cache call, and /healthz reports it. Short socket timeouts keep an unreachable
    # host from holding every request.
    _shared_cache.setdefault("OPTIONS", {})["IGNORE_EXCEPTIONS"] = True
    _shared_cache["OPTIONS"].setdefault("SOCKET_CONNECT_TIMEOUT", 0.5)
    _shared_cache["OPTIONS"].setdefault("SOCKET_TIMEOUT", 0.5)
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False

CACHES = {
    "default": _shared_cache,
    # Rendered fragments ({% cache %}) are keyed by the content generation, so each process
    # may keep its own copy: no network round trip, nothing to invalidate.
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "newsroom-fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# Reader-facing content is cached until it changes (each change starts a new generation)
# or for CONTENT_CACHE_SECONDS at most.
CONTENT_CACHE_SECONDS = env.int("CONTENT_CACHE_SECONDS", default=3600)
# Layers switched off for debugging: any of data, fragments, pages, memo.
CACHE_LAYERS_OFF = env.list("CACHE_LAYERS_OFF", default=[])
# How long a process trusts its last read of the generation (0: ask on every request).
CACHE_TRUST_SECONDS = env.float("CACHE_TRUST_SECONDS", default=1.0)
# Lifetime of each {% cache %} fragment (templates read them as cache_seconds.<name>).
CACHE_FRAGMENT_SECONDS = {
    "home": 60,
    "article_list": 3600,
    "article_meta": 3600,
    "article_head": 3600,
    "article_foot": 3600,
    "article_latest": 60,  # "2 hours ago"
    "article_related": 3600,
    "search_results": 300,
    "sections_nav": 3600,
    "footer_nav": 3600,
}
# A shared page lives no longer than its shortest-lived part: the latest rail.
CACHE_PAGE_SECONDS = CACHE_FRAGMENT_SECONDS["article_latest"]


# --- 5. Email and background tasks ---------------------------------------------------------------

# EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, ... from one URL.
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Worldcrunch <newsletters@example.com>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# A mail server that stops answering must not hold a newsletter send (and its lease) forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)

# Background work runs in `manage.py run_worker`; tasks call services.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}


# --- 6. Accounts and login -----------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Readers sign in through the paywall's pages (paywall/).
LOGIN_URL = "paywall:login"
LOGIN_REDIRECT_URL = "paywall:account"

# Login lockout (django-axes, database-backed so every app server sees the same count):
# after AXES_FAILURE_LIMIT wrong passwords for one username from one address, that pair
# waits AXES_COOLOFF_MINUTES. Applies to every login that authenticates with a request.
AUTHENTICATION_BACKENDS = [
    "newsroom.auth_backends.LockoutBackend",
    # Django's ModelBackend, with signed-in users read from process memory while unchanged.
    "newsroom.auth_backends.CachedUserBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.views.login_locked_out"
AXES_VERBOSE = False

# Proxies in front of the app, each appending to X-Forwarded-For: the client address of
# every lockout, rate limit and consent record is newsroom.lib.client.client_address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
AXES_CLIENT_IP_CALLABLE = "newsroom.lib.client.client_address"


# --- 7. Static files, media and the image library's storage --------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Far-future caching of hashed static files is WhiteNoise's default; others get an hour.
WHITENOISE_MAX_AGE = env.int("WHITENOISE_MAX_AGE", default=0 if DEBUG else 3600)

MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# What /media/ serves: image renditions and author photos. Anything else is a 404.
PUBLIC_MEDIA_PREFIXES = ("renditions/", "authors/")
# The image library's originals (stripped of metadata) live outside MEDIA_ROOT, so no web
# server pointed at MEDIA_ROOT can serve them; staff see them through the admin.
ORIGINALS_ROOT = env.path("ORIGINALS_ROOT", default=BASE_DIR / "originals")

# Media storage: the local disk by default; S3 or any S3-compatible store with
# MEDIA_STORAGE=s3 (bucket and credentials from the AWS_* variables, see the README).
MEDIA_STORAGE = env("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "s3":
    _media_storage: dict[str, Any] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "location": env("AWS_LOCATION", default="media"),
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "default_acl": None,
            "file_overwrite": False,
        },
    }
    # Originals: another key prefix (or bucket), which the bucket policy must keep private.
    _media: dict[str, Any] = _media_storage["OPTIONS"]
    _originals_storage: dict[str, Any] = {
        "BACKEND": "images.storage_s3.OriginalsS3Storage",
        "OPTIONS": {
            **_media,
            "bucket_name": env("AWS_ORIGINALS_BUCKET_NAME", default=_media["bucket_name"]),
            "location": env("AWS_ORIGINALS_LOCATION", default="originals"),
            "custom_domain": None,
        },
    }
    _originals: dict[str, Any] = _originals_storage["OPTIONS"]
    if _originals["bucket_name"] == _media["bucket_name"] and (
        not _media["location"]
        or f"{_originals['location'].strip('/')}/".startswith(f"{_media['location'].strip('/')}/")
    ):
        raise ImproperlyConfigured(
            "AWS_ORIGINALS_LOCATION must lie outside AWS_LOCATION (the public media prefix), "
            "or set AWS_ORIGINALS_BUCKET_NAME to a private bucket."
        )
    _media_host = env("AWS_S3_CUSTOM_DOMAIN", default="") or env("AWS_S3_ENDPOINT_URL", default="")
    # Where the Content Security Policy (section 8) lets images come from besides our origin.
    _media_img_src = [
        _media_host if "://" in _media_host else f"https://{_media_host or '*.amazonaws.com'}"
    ]
elif MEDIA_STORAGE == "filesystem":
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _originals_storage = {
        "BACKEND": "images.storage.OriginalsFileSystemStorage",
        "OPTIONS": {"location": ORIGINALS_ROOT},
    }
    _media_img_src = []
else:
    raise ImproperlyConfigured('MEDIA_STORAGE must be "filesystem" or "s3".')

STORAGES: dict[str, dict[str, Any]] = {
    "default": _media_storage,
    "originals": _originals_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Django serves /media/ itself (fine for one machine); never when media live in S3.
SERVE_MEDIA = MEDIA_STORAGE == "filesystem" and env.bool("SERVE_MEDIA", default=True)


# --- 8. Security headers and the Content Security Policy -----------------------------------------

# Behind a TLS-terminating proxy, trust its X-Forwarded-Proto header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain http
# Sessions are read from the shared cache (written through to the database): a signed-in
# reader's page asks the cache, not the database, for the session (issue 15).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
FORMS_URLFIELD_ASSUME_HTTPS = True

# Content Security Policy (django-csp): only our own origin; an inline <script> runs only
# with nonce="{{ request.csp_nonce }}" (JSON-LD data blocks need none: they never execute).
# The admin alone may use inline styles (newsroom/middleware.py).
CONTENT_SECURITY_POLICY: dict[str, Any] = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *env.list("CSP_IMG_SRC", default=[]), *_media_img_src],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}


# --- 9. Language and time ------------------------------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True


# --- 10. Logging ---------------------------------------------------------------------------------

# With DEBUG off, errors and their tracebacks go to the console log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


# --- 11. The apps' own settings ------------------------------------------------------------------

# Articles: the editorial workflow in the admin.
# How long a shared preview link of an unpublished article stays valid.
ARTICLE_PREVIEW_HOURS = env.int("ARTICLE_PREVIEW_HOURS", default=48)
# Old revisions are restored through articles.services.revisions (content only, never status).
SIMPLE_HISTORY_REVERT_DISABLED = True

# Images (images/): the largest image an editor may upload, in megabytes.
MAX_IMAGE_UPLOAD_MB = env.int("MAX_IMAGE_UPLOAD_MB", default=10)
# Widths of the lead-image renditions served in srcset.
IMAGE_RENDITION_WIDTHS = (480, 800, 1200)
# Renditions are cropped to this ratio around each image's focal point.
IMAGE_RENDITION_RATIO = (3, 2)

# Paywall and reader accounts (paywall/). The meter policy itself is edited in the admin.
# Payments (README "Payments (Stripe)"). The provider behind paywall.services.providers:
# "stripe" (Stripe Checkout, the Customer Portal and webhooks), "test" (a local checkout page
# marked TEST MODE that feeds Stripe-shaped events to the same webhook handler; the default
# without a Stripe key, so `make run` needs no account) or "manual" (staff record payments).
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# Where the SDK sends its requests: Stripe itself, or a local double in tests.
STRIPE_API_BASE = env("STRIPE_API_BASE", default="https://api.stripe.com")
# Retries of a failed request (safe: every request that creates something has an idempotency key).
STRIPE_MAX_NETWORK_RETRIES = env.int("STRIPE_MAX_NETWORK_RETRIES", default=2)
# Seconds a webhook's signature timestamp may be old (Stripe's own default is 300).
STRIPE_WEBHOOK_TOLERANCE = env.int("STRIPE_WEBHOOK_TOLERANCE", default=300)
# The Stripe price of each plan, by plan slug: STRIPE_PRICE_IDS=monthly=price_123,annual=price_456
STRIPE_PRICE_IDS: dict[str, str] = env.dict("STRIPE_PRICE_IDS", default={})
PAYWALL_PAYMENT_PROVIDER = env(
    "PAYWALL_PAYMENT_PROVIDER", default="stripe" if STRIPE_SECRET_KEY else "test"
)
# How long the link that confirms a new account's email address works.
ACCOUNT_VERIFICATION_MAX_AGE = env.int("ACCOUNT_VERIFICATION_DAYS", default=3) * 86400

# Newsletters (newsletters/): double opt-in, signup limits, sending in batches.
NEWSLETTER_CONFIRMATION_MAX_AGE = env.int("NEWSLETTER_CONFIRMATION_DAYS", default=3) * 86400
# Preference-centre links expire; every email carries a fresh one (unsubscribe links never do).
NEWSLETTER_PREFERENCE_LINK_MAX_AGE = env.int("NEWSLETTER_PREFERENCE_LINK_DAYS", default=60) * 86400
NEWSLETTER_SIGNUP_LIMIT_PER_IP = env.int("NEWSLETTER_SIGNUP_LIMIT_PER_IP", default=10)
NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS = env.int("NEWSLETTER_SIGNUP_LIMIT_PER_ADDRESS", default=3)
NEWSLETTER_SIGNUP_RATE_WINDOW = 3600  # seconds: the limits above are per hour
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=1000)
NEWSLETTER_MAX_ATTEMPTS = env.int("NEWSLETTER_MAX_ATTEMPTS", default=3)
# A worker sending an issue renews its lease on it as it goes; when a lease runs out (the
# worker died), `manage.py run_worker` resumes the send within about one and a half leases.
NEWSLETTER_SEND_LEASE_SECONDS = env.int("NEWSLETTER_SEND_LEASE_SECONDS", default=60)
# SMTP connections a worker sends one issue over at once (each in a thread with its own
# database connection), so the mail server's replies overlap. A worker killed mid-send
# leaves at most one delivery in doubt (handed over, not known to be accepted) per
# connection. 1 for a mail server that takes one connection at a time from a client.
NEWSLETTER_SMTP_CONNECTIONS = env.int("NEWSLETTER_SMTP_CONNECTIONS", default=4)

# Translation desk (desk/): source feeds are polled by the worker (run_worker) this often;
# a failing feed waits twice as long after each failure in a row, a day at most.
DESK_FEED_POLL_MINUTES = env.int("DESK_FEED_POLL_MINUTES", default=15)
# A feed larger than this is refused whole, and one that does not answer in time is retried.
DESK_FEED_MAX_BYTES = env.int("DESK_FEED_MAX_MB", default=5) * 1_000_000
DESK_FEED_TIMEOUT = env.float("DESK_FEED_TIMEOUT_SECONDS", default=10.0)
