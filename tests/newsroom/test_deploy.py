"""Production settings, checked in a fresh interpreter as the server would read them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_LIKE = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-for-the-deploy-check-only-" + "x7Qp2LmZ9vRt4NwB8sKd" * 2,
    "ALLOWED_HOSTS": "news.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://news.example.com",
    "SITE_URL": "https://news.example.com",
    "SECURE_SSL_REDIRECT": "1",
    "DATABASE_URL": "sqlite:////tmp/newsroom-deploy-check.sqlite3",
}


def run_manage(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(PRODUCTION_LIKE)
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_deploy_checks_report_nothing_in_a_production_like_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_checks_do_flag_an_insecure_environment():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
    )
    assert result.returncode != 0
    assert "security.W008" in result.stderr
    assert "security.W004" in result.stderr


def test_server_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_unknown_media_storage_is_refused():
    result = run_manage("check", MEDIA_STORAGE="ftp")
    assert result.returncode != 0
    assert 'MEDIA_STORAGE must be "filesystem" or "s3"' in result.stderr


def test_s3_media_storage_is_configured_from_the_environment():
    code = (
        "import django; django.setup();"
        "from django.core.files.storage import storages;"
        "s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.location);"
        "from django.conf import settings;"
        "print(settings.SERVE_MEDIA, settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert "S3Storage newsroom-media media" in result.stdout
    assert "False" in result.stdout
    assert "https://media.example.com" in result.stdout


def test_with_redis_down_limits_let_readers_through_and_the_log_says_so_once():
    code = (
        "from newsroom.lib import ratelimit;"
        "from django.core.cache import cache;"
        "verdicts = [ratelimit.authorize_password_reset(client='198.51.100.7') for _ in range(20)];"
        "print('allowed', sum(v.allowed for v in verdicts), cache.get('anything', 'missing'))"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        CACHE_URL="redis://127.0.0.1:8139/3",  # nothing listens here
    )
    assert result.returncode == 0, result.stderr
    assert "allowed 20 missing" in result.stdout
    assert result.stderr.count("The cache is unreachable") == 1
    assert "Traceback" not in result.stderr
