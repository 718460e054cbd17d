"""The live server that the browser tests drive gives each request its own connection.

A browser fetches a page and its scripts at once. On SQLite's in-memory test database the live
server's request threads shared the test's one connection, and now and then a request lost its
session and the curator was sent to the login page (tests/conftest.py says why the test
database is a file instead).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from tests.factories import make_dataset


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.django_db
def test_the_sqlite_test_database_is_a_file_so_no_connection_is_shared():
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite has an in-memory test database")
    # pytest-django hands the live server the test's own connection exactly when this is true.
    assert not connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_a_logged_in_curator_stays_logged_in_through_requests_that_arrive_together(live_server):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # Seen: on the shared connection this test does not fail but hangs, two request threads
        # stuck inside its statements and the teardown's flush behind them. The test above
        # fails instead, so the suite reports the cause rather than running into CI's limit.
        pytest.skip("the test database is in memory; see the test above")
    ds = make_dataset()
    user = get_user_model().objects.create_superuser("cura", password="pw-Curator-123")
    client = Client()
    client.force_login(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    opener = urllib.request.build_opener(_NoRedirects)

    def status_of(path: str) -> int:
        request = urllib.request.Request(live_server.url + path, headers={"Cookie": cookie})
        try:
            with opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:  # a redirect to the login page lands here
            return error.code

    paths = [
        "/admin/jsi18n/",
        "/admin/timeline/event/",
        f"/admin/timeline/event/{ds.battle.pk}/change/",
    ] * 16
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(status_of, paths))
    assert statuses == [200] * len(paths)
