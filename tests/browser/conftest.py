"""Browser tests: pytest-playwright driving Debian's Chromium against ``live_server``.

Playwright's own browser download is not used (it cannot download here); the system
``chromium`` is launched instead. Without it every browser test is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil

import pytest

# live_server runs the app in a thread while Playwright's sync API holds an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Hashed-manifest storage needs collectstatic; the live server serves from the finders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def site(live_server, transactional_db):
    """The test world in the live server's database; returns (base url, world)."""
    from django.core.management import call_command

    from tests.explorer.conftest import build_world

    # transactional_db empties the tables after each test, but a request the previous test's
    # page left in flight on the live server can still be writing then (seen as a duplicate
    # slug here, now and then); starting from an empty database makes each test stand alone.
    call_command("flush", interactive=False, verbosity=0)
    return live_server.url, build_world()


@pytest.fixture
def watched_page(page, live_server):
    """A page that records console errors and every request that leaves the live server."""
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def on_request(request):
        url = request.url
        if not (url.startswith(live_server.url) or url.startswith(("data:", "blob:"))):
            outside.append(url)

    page.on("request", on_request)
    page.set_default_timeout(20_000)
    yield page
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"console errors: {errors}"


# --- the curation workspace (tests/browser/test_admin_review_browser.py) ---------------------

CURATOR_USERNAME = "cura"
CURATOR_PASSWORD = "pw-Curator-123"


@pytest.fixture
def curation_site(live_server, transactional_db):
    """The curation dataset (tests/factories.py) in the live server's database and a curator
    made the way a deployment makes one: a plain user put in the "curator" group by
    ``manage.py create_curator_group --user`` (which also makes them staff). Not a superuser,
    so the tests see exactly what the group's permissions allow. Returns (base url, dataset,
    user)."""
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from tests.factories import make_dataset

    # As in ``site``: start from an empty database. The flush also drops the "curator" group
    # that migration 0002 made, so the command below really (re)creates it.
    call_command("flush", interactive=False, verbosity=0)
    ds = make_dataset()
    user = get_user_model().objects.create_user(CURATOR_USERNAME, password=CURATOR_PASSWORD)
    call_command("create_curator_group", "--user", CURATOR_USERNAME, stdout=StringIO())
    user.refresh_from_db()
    return live_server.url, ds, user
