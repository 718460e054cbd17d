"""Settings read from the environment (each case in a fresh interpreter: settings load once)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_ENGINE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default']['ENGINE'])"
)


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        (None, "django.db.backends.sqlite3"),
        # a blank line in an env file leaves the variable empty: the default, not a failure
        ("", "django.db.backends.sqlite3"),
        ("postgres://user@db.example:5432/timeline", "django.db.backends.postgresql"),
    ],
)
def test_database_url(url, engine):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    if url is not None:
        env["DATABASE_URL"] = url
    out = subprocess.run(
        [sys.executable, "-c", _ENGINE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == engine


_OPTIONS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default'].get('OPTIONS', {}).get('options', ''))"
)


@pytest.mark.parametrize(
    ("url", "jit", "options"),
    [
        # PostgreSQL: the app's connections run without JIT unless asked to keep it
        ("postgres://user@db.example:5432/timeline", None, "-c jit=off"),
        ("postgres://user@db.example:5432/timeline", "on", ""),
        # options given in the URL are kept
        (
            "postgres://user@db.example:5432/timeline?options=-c%20statement_timeout%3D5000",
            None,
            "-c statement_timeout=5000 -c jit=off",
        ),
        ("sqlite:////tmp/x.sqlite3", None, ""),
    ],
)
def test_postgres_connections_run_without_jit(url, jit, options):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_PG_JIT")}
    env["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    env["DATABASE_URL"] = url
    if jit is not None:
        env["DJANGO_PG_JIT"] = jit
    out = subprocess.run(
        [sys.executable, "-c", _OPTIONS], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == options
