"""Two curators, each in their own browser, on the same event: in the full change form and
with the event list's bulk actions, the second one's submission from a page opened before the
first one's change is refused, names the change, keeps what the second one entered, and goes
through when submitted again."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import CURATOR_PASSWORD, CURATOR_USERNAME
from timeline.models import Event, EventStatus

pytestmark = pytest.mark.browser

BEA_PASSWORD = "pw-Bea-456"


def log_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    expect(page).to_have_url(base + "/admin/")


@pytest.fixture
def bea_page(browser, curation_site):
    """A second curator, "bea", logged in from her own browser context."""
    base, _ds, _user = curation_site
    get_user_model().objects.create_user("bea", password=BEA_PASSWORD)
    call_command("create_curator_group", "--user", "bea", stdout=StringIO())
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    log_in(page, base, "bea", BEA_PASSWORD)
    yield page
    context.close()


def test_two_curators_in_the_full_form(watched_page, curation_site, bea_page):
    base, ds, user = curation_site
    page = watched_page
    pk = ds.shelling.pk
    url = f"{base}/admin/timeline/event/{pk}/change/"
    log_in(page, base, CURATOR_USERNAME, CURATOR_PASSWORD)
    page.goto(url)  # "cura" opens the event...
    bea_page.goto(url)  # ...and so does "bea", who corrects the death toll and saves.
    bea_page.fill("#id_fatalities", "5")
    bea_page.get_by_role("button", name="Save", exact=True).click()
    expect(bea_page.locator("ul.messagelist li.success")).to_contain_text(
        "was changed successfully"
    )

    # "cura", on her copy (3 dead), rewrites the headline and saves.
    page.fill("#id_headline", "IS shells Tikrit from the north")
    page.get_by_role("button", name="Save", exact=True).click()
    errors = page.locator(".errorlist.nonfield")
    expect(errors).to_contain_text(f"Not saved: Event #{pk} was changed since you opened it")
    expect(errors).to_contain_text("by bea at ")
    expect(errors).to_contain_text("(fatalities: 3 → 5)")
    # Her headline is still in the form, and the field bea changed is marked.
    expect(page.locator("#id_headline")).to_have_value("IS shells Tikrit from the north")
    expect(page.locator(".field-fatalities .errorlist")).to_contain_text(
        "Changed meanwhile: “3” → “5”"
    )
    event = Event.objects.get(pk=pk)
    assert (event.headline, event.fatalities) == ("Islamic State shells Tikrit", 5)

    # She takes bea's figure and saves again: both edits are kept.
    page.fill("#id_fatalities", "5")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")
    event = Event.objects.get(pk=pk)
    assert (event.headline, event.fatalities) == ("IS shells Tikrit from the north", 5)
    assert event.history.first().history_user == user


def test_two_curators_with_bulk_actions(watched_page, curation_site, bea_page):
    base, ds, user = curation_site
    page = watched_page
    url = f"{base}/admin/timeline/event/?status__exact=candidate"
    log_in(page, base, CURATOR_USERNAME, CURATOR_PASSWORD)
    page.goto(url)  # "cura" lists the candidates...
    bea_page.goto(url)  # ...so does "bea", who verifies the shelling.
    bea_page.locator(f"#result_list input.action-select[value='{ds.shelling.pk}']").check()
    bea_page.select_option("select[name=action]", "verify_action")
    bea_page.click("button[name=index]")
    expect(bea_page.locator("ul.messagelist li.success")).to_have_text("1 event(s) verified.")

    # "cura", on her list (both still candidates), rejects both.
    for event in (ds.battle_dup, ds.shelling):
        page.locator(f"#result_list input.action-select[value='{event.pk}']").check()
    page.select_option("select[name=action]", "reject_action")
    page.click("button[name=index]")
    error = page.locator("ul.messagelist li.error")
    expect(error).to_contain_text(
        f"Nothing rejected: Event #{ds.shelling.pk} was changed since you opened it, by bea at "
    )
    expect(error).to_contain_text("(status: Candidate → Verified)")
    statuses = dict(
        Event.objects.filter(pk__in=[ds.battle_dup.pk, ds.shelling.pk]).values_list("pk", "status")
    )
    assert statuses == {ds.battle_dup.pk: "candidate", ds.shelling.pk: "verified"}
    # The list as it is now (the verified one has left the filter), her selection ticked.
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator(f"input.action-select[value='{ds.battle_dup.pk}']")).to_be_checked()
    expect(page.locator(".action-counter")).to_contain_text("1 of 1 selected")
    page.select_option("select[name=action]", "reject_action")
    page.click("button[name=index]")
    expect(page.locator("ul.messagelist li.success")).to_have_text("1 event(s) rejected.")
    assert Event.objects.get(pk=ds.battle_dup.pk).status == EventStatus.REJECTED
    assert Event.objects.get(pk=ds.shelling.pk).status == EventStatus.VERIFIED
    assert re.search(r"/admin/timeline/event/\?status__exact=candidate$", page.url)


def test_select_all_on_a_list_shown_before_a_change_elsewhere(
    watched_page, curation_site, bea_page, monkeypatch
):
    """ "Select all N" takes in events the list did not show: the list posts what it showed
    (its newest version and N) with the action, and a change since, even to an event on
    another page, refuses the action and writes nothing."""
    from django.contrib import admin

    base, ds, _user = curation_site
    monkeypatch.setattr(admin.site._registry[Event], "list_per_page", 2)
    extra = [
        Event.objects.create(headline=f"Candidate {i}", event_type="battles", status="candidate")
        for i in (1, 2)
    ]
    page = watched_page
    url = f"{base}/admin/timeline/event/?status__exact=candidate"
    log_in(page, base, CURATOR_USERNAME, CURATOR_PASSWORD)
    page.goto(url)  # "cura" lists the candidates: two of the four on this page
    shown = {
        int(v)
        for v in page.locator("#result_list input.action-select").evaluate_all(
            "boxes => boxes.map(b => b.value)"
        )
    }
    [unseen, *_] = [e for e in [ds.battle_dup, ds.shelling, *extra] if e.pk not in shown]
    # "bea" corrects the death toll of an event that is not on cura's page.
    bea_page.goto(f"{base}/admin/timeline/event/{unseen.pk}/change/")
    bea_page.fill("#id_fatalities", "6")
    bea_page.get_by_role("button", name="Save", exact=True).click()
    expect(bea_page.locator("ul.messagelist li.success")).to_contain_text(
        "was changed successfully"
    )

    # "cura" ticks the page, takes "Select all 4" and verifies.
    page.wait_for_load_state("load")
    page.locator("#action-toggle").check()
    page.locator(".actions .question a").click()
    page.select_option("select[name=action]", "verify_action")
    page.click("button[name=index]")
    error = page.locator("ul.messagelist li.error")
    expect(error).to_contain_text(
        "Nothing verified: 1 of the 4 selected events was changed or added since the list "
        f"was shown, by bea (1): #{unseen.pk}."
    )
    assert Event.objects.filter(status="candidate").count() == 4

    # From the list as it is now, the same gesture goes through. (The refusal re-renders the
    # list: the admin's actions script must have run on it before the box can be ticked.)
    page.wait_for_load_state("load")
    page.locator("#action-toggle").check()
    page.locator(".actions .question a").click()
    page.select_option("select[name=action]", "verify_action")
    page.click("button[name=index]")
    expect(page.locator("ul.messagelist li.success")).to_have_text("4 event(s) verified.")
    assert Event.objects.get(pk=unseen.pk).fatalities == 6
