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


def _settings_print(code: str, **env: str | None) -> str:
    """What ``code`` prints with the settings loaded in a fresh interpreter, under this
    environment with ``env`` set (a None value: that variable unset)."""
    environ = {k: v for k, v in os.environ.items() if k not in env}
    environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    environ.update({k: v for k, v in env.items() if v is not None})
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


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
    assert _settings_print(_ENGINE, DATABASE_URL=url) == engine


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
    assert _settings_print(_OPTIONS, DATABASE_URL=url, DJANGO_PG_JIT=jit) == options
