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
