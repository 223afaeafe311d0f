"""Project settings, configured by the environment only.

No environment at all gives the embedded default: a SQLite file under ``var/``, Celery in eager
mode and DEBUG on for local use. ``DATABASE_URL`` selects PostgreSQL (psycopg 3),
``CELERY_BROKER_URL`` a real broker. Every value is parsed strictly: a malformed one stops
start-up with ``ImproperlyConfigured`` naming the variable, instead of silently becoming a default.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    """The variable's value, stripped; the default when unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool) -> bool:
    """A boolean from one of 1/0, true/false, yes/no, on/off; anything else is an error."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """A whole number not below ``minimum``; anything else is an error."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list; empty items are an error (a stray comma hides a typo)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name} has an empty item: {raw!r}")
    return items


def env_rate(name: str, default: str) -> str:
    """A rate in DRF's notation, like 30/min (per s, min, hour or day)."""
    raw = env_str(name, default)
    count, _, period = raw.partition("/")
    if not count.isdigit() or int(count) < 1 or period not in {"s", "sec", "m", "min", "h", "hour", "d", "day"}:
        raise ImproperlyConfigured(f"{name} must be a rate like 30/min (per s, min, hour or day); got {raw!r}")
    return raw


def env_url(name: str, default: str, schemes: tuple[str, ...]) -> str:
    """A URL whose scheme is one of ``schemes``."""
    raw = env_str(name, default)
    if not raw:
        return raw
    scheme = urlsplit(raw).scheme
    if scheme not in schemes:
        raise ImproperlyConfigured(f"{name} must be a URL with scheme {'/'.join(schemes)}; got {scheme or 'none'!r}")
    return raw


# --- Django core -------------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", default=not os.environ.get("DATABASE_URL"))

_DEV_SECRET = "django-insecure-factdesk-development-key-do-not-use-in-production"  # noqa: S105 (visibly insecure on purpose)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is the development key; set a real secret")
# The secret partner API keys are hashed under. Unset, it is SECRET_KEY (how keys made before this
# setting were hashed); set it so that rotating SECRET_KEY leaves every key working. Back it up with
# the database: restored under another pepper, every key fails (check claims.W001 says so).
FACTDESK_KEY_PEPPER = env_str("FACTDESK_KEY_PEPPER", SECRET_KEY)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "csp",
    "axes",
    "sources",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Partner API paths: body limits (413/411) before anything reads the body, one error shape.
    "factdesk.middleware.ApiRequestMiddleware",
    "factdesk.middleware.NulRefusalMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Partner API paths: English unless Accept-Language asks otherwise (not the site's zh-Hant).
    "factdesk.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factdesk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "factdesk.wsgi.application"

# --- Database ----------------------------------------------------------------------------------

VAR_DIR = Path(env_str("FACTDESK_VAR_DIR", str(BASE_DIR / "var")))
_database_url = env_url("DATABASE_URL", "", ("postgres", "postgresql", "sqlite"))
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=env_int("FACTDESK_DB_CONN_MAX_AGE", 60))}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"].setdefault("OPTIONS", {})
        # A dead database must fail a request quickly rather than hang a worker.
        DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 5)
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "factdesk.sqlite3",
            # WAL and a busy timeout let the dev server and an eager task share the file.
            "OPTIONS": {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# --- Cache -------------------------------------------------------------------------------------

_cache_url = env_url("FACTDESK_CACHE_URL", "", ("redis", "rediss"))
# After a failed cache call, how long a process serves uncached (and throttles locally) before
# trying Redis again: a hung Redis then costs one socket timeout per process per interval.
FACTDESK_CACHE_RETRY_SECONDS = env_int("FACTDESK_CACHE_RETRY_SECONDS", 5, minimum=1)
if _cache_url:
    CACHES = {
        "default": {
            # RedisCache that misses and skips instead of raising when Redis is down (factdesk.cache).
            "BACKEND": "factdesk.cache.ResilientRedisCache",
            "LOCATION": _cache_url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "factdesk"}}

# --- Auth, i18n, static ------------------------------------------------------------------------

# django-axes first: it refuses a locked-out username and address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login lockout: after this many failed logins for one username from one client address,
# that pair is locked out for the cool-off period (other users and addresses are not).
AXES_FAILURE_LIMIT = env_int("FACTDESK_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("FACTDESK_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no start-up banner on every command; failures and lockouts are still logged
# The client address the same way as every throttle (X-Forwarded-For only from trusted proxies).
AXES_CLIENT_IP_CALLABLE = "factdesk.middleware.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hant"
LANGUAGES = [("zh-hant", _("Traditional Chinese")), ("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("FACTDESK_TIME_ZONE", "Asia/Taipei")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Security (production) ---------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Content Security Policy: no inline scripts anywhere; JSON-LD blocks are data, not scripts.
CONTENT_SECURITY_POLICY = {
    # The admin and the interactive API docs use inline scripts and styles of their own.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/docs/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- REST framework ----------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "DEFAULT_RENDERER_CLASSES": [
        "drf_orjson_renderer.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Every error in one documented shape (factdesk.errors), for every API view.
    "EXCEPTION_HANDLER": "claims.api.errors.api_exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("FACTDESK_THROTTLE_ANON", "120/min"),
        "partner": env_str("FACTDESK_THROTTLE_PARTNER", "600/min"),
        "ingest": env_str("FACTDESK_THROTTLE_INGEST", "60/min"),
    },
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.CursorPagination",
    "PAGE_SIZE": 50,
    # Proxies in front of the app that append to X-Forwarded-For. 0: the client is REMOTE_ADDR and
    # X-Forwarded-For is ignored (a client could otherwise name a new address on every request).
    "NUM_PROXIES": env_int("FACTDESK_NUM_PROXIES", 0),
}
# Failed API-key attempts allowed per client address (past it: 429 with Retry-After, even for a
# right key, until the window ends), and public searches per client address.
FACTDESK_THROTTLE_KEY_FAILURES = env_rate("FACTDESK_THROTTLE_KEY_FAILURES", "10/min")
FACTDESK_THROTTLE_SEARCH = env_rate("FACTDESK_THROTTLE_SEARCH", "30/min")
# Readers' check requests per client address (the /ask/ form and the API; partners per key).
FACTDESK_THROTTLE_CHECK_REQUESTS = env_rate("FACTDESK_THROTTLE_CHECK_REQUESTS", "10/hour")

SPECTACULAR_SETTINGS = {
    "TITLE": "factdesk API",
    "DESCRIPTION": "Claims, statements, speakers, stances and verdicts from Chinese and English news.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Every error status each operation can answer, in the one error shape, with live examples.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "claims.api.schema.error_responses_hook"],
    # Swagger UI and Redoc served from our own static files (no CDN).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "VerificationStatusEnum": "claims.models.VerificationStatus",
        "ExtractionStatusEnum": "sources.models.ExtractionStatus",
    },
}

CORS_URLS_REGEX = r"^/(api/v1|v1alpha1)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# --- Celery ------------------------------------------------------------------------------------
# Configured so that no work is lost: the pending Article row is the durable outbox, tasks are
# only wake-up calls, and a beat sweep re-enqueues whatever is still pending.

CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", "", ("redis", "rediss", "memory"))
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection before and after every task unless this is
# set: a new PostgreSQL connection (a server process fork, ~20 ms on a busy 2-CPU host) per
# extracted article. Kept for this many tasks instead; claims.tasks still drops a connection that
# is broken or older than CONN_MAX_AGE before each task, as Django does between requests.
CELERY_DB_REUSE_MAX = env_int("FACTDESK_WORKER_DB_REUSE_MAX", 1000, minimum=0) or None
# The longest task (extraction of the largest accepted article) has a hard limit of 10 minutes;
# the visibility timeout must exceed it or Redis redelivers a task that is still running.
FACTDESK_TASK_HARD_LIMIT = env_int("FACTDESK_TASK_HARD_LIMIT", 600, minimum=10)
CELERY_TASK_TIME_LIMIT = FACTDESK_TASK_HARD_LIMIT
CELERY_TASK_SOFT_TIME_LIMIT = max(5, FACTDESK_TASK_HARD_LIMIT - 30)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("FACTDESK_VISIBILITY_TIMEOUT", FACTDESK_TASK_HARD_LIMIT * 2, minimum=60),
    # Without these, delay() blocked for over 90 s when Redis accepted connections but did not answer.
    "socket_timeout": 3,
    "socket_connect_timeout": 3,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
_OPEN_DATA_HOUR = env_int("FACTDESK_OPEN_DATA_HOUR", 3, minimum=0)
if _OPEN_DATA_HOUR > 23:
    raise ImproperlyConfigured(f"FACTDESK_OPEN_DATA_HOUR must be an hour of the day (0-23), not {_OPEN_DATA_HOUR}")
CELERY_BEAT_SCHEDULE = {
    "sweep-pending-articles": {
        "task": "claims.tasks.sweep_pending_articles_task",
        "schedule": env_int("FACTDESK_SWEEP_SECONDS", 60, minimum=5),
    },
    # The speaker directory's change log, read by every extraction for its stamp, kept to a few rows.
    "compact-speaker-directory": {
        "task": "claims.tasks.speaker_directory_compact_task",
        "schedule": 600,
    },
    # The open-data dump, nightly (UTC hour FACTDESK_OPEN_DATA_HOUR), into the folder /data/ lists.
    "export-open-data": {
        "task": "claims.tasks.export_open_data_task",
        "schedule": crontab(hour=_OPEN_DATA_HOUR, minute=17),
    },
    # Readers' contact addresses kept no longer than FACTDESK_READER_CONTACT_DAYS.
    "forget-reader-contacts": {
        "task": "claims.tasks.forget_reader_contacts_task",
        "schedule": crontab(hour=_OPEN_DATA_HOUR, minute=47),
    },
}

# --- Product -----------------------------------------------------------------------------------

# Largest article body accepted at the door, in characters (documented in the API).
# How long a reader's contact address (left with a check request) is kept when no verdict told them.
FACTDESK_READER_CONTACT_DAYS = env_int("FACTDESK_READER_CONTACT_DAYS", 180, minimum=1)
FACTDESK_MAX_ARTICLE_CHARS = env_int("FACTDESK_MAX_ARTICLE_CHARS", 2_000_000, minimum=1000)
# An article left pending or running longer than this is picked up again by the sweep.
FACTDESK_STALE_SECONDS = env_int("FACTDESK_STALE_SECONDS", 120, minimum=0)
# A running extraction is presumed dead (worker killed) only after the task's hard limit has passed;
# this is the fallback for articles whose worker is unknown (factdesk/heartbeat.py is the fast path).
FACTDESK_RUNNING_STALE_SECONDS = env_int("FACTDESK_RUNNING_STALE_SECONDS", FACTDESK_TASK_HARD_LIMIT + 60, minimum=0)
# Every worker writes a heartbeat row this often; one silent for FACTDESK_WORKER_STALE_SECONDS is
# presumed dead: the sweep re-queues the articles it was running, and /healthz stops counting it.
FACTDESK_WORKER_HEARTBEAT_SECONDS = env_int("FACTDESK_WORKER_HEARTBEAT_SECONDS", 10, minimum=1)
FACTDESK_WORKER_STALE_SECONDS = env_int("FACTDESK_WORKER_STALE_SECONDS", 30, minimum=2)
if FACTDESK_WORKER_STALE_SECONDS < 2 * FACTDESK_WORKER_HEARTBEAT_SECONDS:
    raise ImproperlyConfigured(
        "FACTDESK_WORKER_STALE_SECONDS must be at least twice FACTDESK_WORKER_HEARTBEAT_SECONDS "
        f"({FACTDESK_WORKER_STALE_SECONDS} < 2 x {FACTDESK_WORKER_HEARTBEAT_SECONDS})"
    )
# What sources.services.article_ingest calls after commit; sources does not import claims.
FACTDESK_ARTICLE_INGESTED_HOOKS = ["claims.services.article_ingested"]
FACTDESK_SITE_URL = env_url("FACTDESK_SITE_URL", "http://localhost:8000", ("http", "https"))
FACTDESK_PUBLISHER_NAME = env_str("FACTDESK_PUBLISHER_NAME", "factdesk")
# Open data: the licence written into every dump (docs/DATA.md), and the folder the nightly dump
# goes to, listed and served at /data/.
FACTDESK_OPEN_DATA_LICENSE = env_str("FACTDESK_OPEN_DATA_LICENSE", "CC BY-SA 4.0")
FACTDESK_OPEN_DATA_LICENSE_URL = env_url("FACTDESK_OPEN_DATA_LICENSE_URL",
                                         "https://creativecommons.org/licenses/by-sa/4.0/", ("http", "https"))
FACTDESK_OPEN_DATA_DIR = Path(env_str("FACTDESK_OPEN_DATA_DIR", str(VAR_DIR / "opendata")))
# Mail to readers who asked for a check (the console in development; SMTP settings from the environment).
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env_str("DJANGO_EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "factdesk <noreply@localhost>")
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("FACTDESK_MAX_REQUEST_BYTES", 12 * 1024 * 1024, minimum=1024)
# Partner webhooks: per-attempt HTTP timeout (s), attempts before a delivery is marked failed,
# and the first retry delay (s), doubled on each further attempt up to an hour.
FACTDESK_WEBHOOK_TIMEOUT = env_int("FACTDESK_WEBHOOK_TIMEOUT", 10, minimum=1)
FACTDESK_WEBHOOK_MAX_ATTEMPTS = env_int("FACTDESK_WEBHOOK_MAX_ATTEMPTS", 8, minimum=1)
FACTDESK_WEBHOOK_BACKOFF_SECONDS = env_int("FACTDESK_WEBHOOK_BACKOFF_SECONDS", 30, minimum=0)

# --- Feeds and fetching (sources.fetching is the only module that touches the network) ---------

# Private, loopback, link-local and reserved addresses are refused (SSRF) unless this is on
# (tests with a local server) or the address is in one of the listed networks (an intranet).
FACTDESK_FETCH_ALLOW_PRIVATE = env_bool("FACTDESK_FETCH_ALLOW_PRIVATE", False)
FACTDESK_FETCH_ALLOW_NETWORKS = env_list("FACTDESK_FETCH_ALLOW_NETWORKS", [])
for _network in FACTDESK_FETCH_ALLOW_NETWORKS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"FACTDESK_FETCH_ALLOW_NETWORKS: {_network!r} is not an IP network") from None
# Largest response body (after decompression), whole-fetch time limit, redirect hops, and the
# pause between two requests to one host.
FACTDESK_FETCH_MAX_BYTES = env_int("FACTDESK_FETCH_MAX_BYTES", 5_000_000, minimum=10_000)
FACTDESK_FETCH_TIMEOUT = env_int("FACTDESK_FETCH_TIMEOUT", 20, minimum=1)
FACTDESK_FETCH_MAX_REDIRECTS = env_int("FACTDESK_FETCH_MAX_REDIRECTS", 5, minimum=0)
FACTDESK_FETCH_HOST_DELAY_SECONDS = env_int("FACTDESK_FETCH_HOST_DELAY_SECONDS", 1, minimum=0)
FACTDESK_FETCH_USER_AGENT = env_str(
    "FACTDESK_FETCH_USER_AGENT", f"factdesk/0.1 (news fact-checking; +{FACTDESK_SITE_URL})"
)
# A feed that fails this many polls in a row is flagged and not polled until reset in the admin.
FACTDESK_FEED_MAX_FAILURES = env_int("FACTDESK_FEED_MAX_FAILURES", 5, minimum=1)
CELERY_BEAT_SCHEDULE["poll-due-feeds"] = {
    "task": "sources.tasks.poll_due_feeds_task",
    "schedule": env_int("FACTDESK_FEED_POLL_SECONDS", 60, minimum=10),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("FACTDESK_LOG_LEVEL", "INFO")},
    "loggers": {"jieba": {"level": "WARNING"}},
}
