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
