"""Shared pytest fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the test database is a file, not Django's default of memory.

    An in-memory test database is one connection, which pytest-django's live server shares
    between the test and every request thread it starts. When a browser fetches a page and its
    scripts at once (an admin page and /admin/jsi18n/), two threads can use that connection
    together; SQLite answered "bad parameter or other API misuse", the session read came back
    empty and the curator was sent to the login page (a CI run, 2026-12-04). A file gives each
    thread its own connection, as a deployment on SQLite has. PostgreSQL runs are untouched.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("database") / "test.sqlite3"
        )
