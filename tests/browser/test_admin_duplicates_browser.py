"""A candidate from a later ingest run that reports an event already verified: the review
queue says so on the candidate's card, and the curator merges it from there, through the
merge page, back to the queue.

Same fixtures and waiting discipline as test_admin_review_browser.py: every snapshot read
(``all_inner_texts``, the database) comes after an auto-waiting ``expect`` on what the
page must show first.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_admin_review_browser import card, log_in, open_queue, success_messages
from timeline.models import Event, EventStatus

pytestmark = pytest.mark.browser


def test_merge_a_new_candidate_into_the_verified_event_from_the_queue(watched_page, curation_site):
    base, ds, user = curation_site
    page = watched_page
    battle, dup = ds.battle, ds.battle_dup
    log_in(page, base)
    open_queue(page, base)

    # The wire report's candidate names the verified battle; the shelling card names nothing.
    hint = card(page, dup).locator(".ct-duplicates")
    expect(hint).to_contain_text("Possibly the same as:")
    link = hint.get_by_role("link", name=f"#{battle.pk} ‘{battle.headline}’")
    expect(link).to_have_attribute("href", f"/admin/timeline/event/{battle.pk}/change/")
    expect(hint.locator(f".ct-duplicate[data-event-id='{battle.pk}']")).to_contain_text(
        "(verified, 1 Sep 2015, Baiji)"
    )
    expect(card(page, ds.shelling).locator(".ct-duplicates")).to_have_count(0)

    # One click to the merge page: both events, the verified one proposed for keeping.
    hint.get_by_role("button", name=f"Merge into #{battle.pk}").click()
    expect(page.locator("h1")).to_have_text("Merge events")
    expect(page.locator("table.ct-merge tbody tr")).to_have_count(2)
    expect(page.locator(f"#target-{battle.pk}")).to_be_checked()
    expect(page.locator(f"#target-{dup.pk}")).not_to_be_checked()
    expect(page.get_by_role("link", name="Cancel")).to_have_attribute(
        "href", "/admin/timeline/event/review/"
    )
    page.click("input[type=submit][value=Merge]")

    # Back on the queue, one candidate fewer, with the merge's report.
    expect(page).to_have_url(re.compile(r"/admin/timeline/event/review/$"))
    expect(page).to_have_title(re.compile(r"^Review queue — 1 candidate event\(s\)"))
    expect(card(page, dup)).to_have_count(0)
    expect(page.locator(".ct-duplicates")).to_have_count(0)
    assert success_messages(page) == [
        f"Merged events #{dup.pk} into #{battle.pk}: 1 excerpt(s) and 1 actor(s) added."
    ]

    kept, merged = Event.objects.get(pk=battle.pk), Event.objects.get(pk=dup.pk)
    assert kept.status == EventStatus.VERIFIED
    assert set(kept.excerpts.values_list("article_id", flat=True)) == {ds.a1.pk, ds.a2.pk}
    assert merged.status == EventStatus.REJECTED
    assert f"Merged into event #{battle.pk}." in merged.notes
    assert kept.history.first().history_user == user
    assert merged.history.first().history_user == user


def test_merge_from_the_event_list_and_from_the_change_page(watched_page, curation_site):
    """The list names each row's likely duplicates with a button whose form lies outside the
    list's own form; the change page names them too. Both open the merge page; the list's
    merge comes back to the list with its filters, the change page's to the kept event."""
    base, ds, user = curation_site
    page = watched_page
    battle, dup = ds.battle, ds.battle_dup
    log_in(page, base)

    page.goto(f"{base}/admin/timeline/event/?status__exact=candidate")
    row = page.locator("#result_list tr", has=page.locator(f"input[value='{dup.pk}']"))
    cell = row.locator("td.field-duplicates_")
    expect(cell.get_by_role("link", name=f"#{battle.pk}")).to_have_attribute(
        "title", "‘Kataib Hezbollah attacks Islamic State near Baiji’ (verified, 1 Sep 2015, Baiji)"
    )
    # A ticked box elsewhere in the list does not ride along: the button submits its own form.
    page.locator(f"#result_list input.action-select[value='{ds.shelling.pk}']").check()
    cell.get_by_role("button", name=f"Merge into #{battle.pk}").click()
    expect(page.locator("h1")).to_have_text("Merge events")
    expect(page.locator("table.ct-merge tbody tr")).to_have_count(2)
    expect(page.locator(f"#target-{battle.pk}")).to_be_checked()
    expect(page.get_by_role("link", name="Cancel")).to_have_attribute(
        "href", "/admin/timeline/event/?status__exact=candidate"
    )
    page.get_by_role("link", name="Cancel").click()

    # The change page of the verified battle: the later candidate, proposed to merge into it.
    page.goto(f"{base}/admin/timeline/event/{battle.pk}/change/")
    box = page.locator("#ct-duplicates")
    expect(box).to_contain_text("Possibly the same as:")
    expect(box).to_contain_text(f"#{dup.pk} ‘{dup.headline}’ (candidate, 1 Sep 2015, Baiji)")
    box.get_by_role("button", name=f"Merge #{dup.pk} into #{battle.pk}").click()
    expect(page.locator(f"#target-{battle.pk}")).to_be_checked()
    page.click("input[type=submit][value=Merge]")
    expect(page).to_have_url(re.compile(rf"/admin/timeline/event/{battle.pk}/change/$"))
    assert success_messages(page) == [
        f"Merged events #{dup.pk} into #{battle.pk}: 1 excerpt(s) and 1 actor(s) added."
    ]
    expect(page.locator("#ct-duplicates")).to_have_count(0)
    assert Event.objects.get(pk=dup.pk).status == EventStatus.REJECTED
    assert Event.objects.get(pk=battle.pk).history.first().history_user == user
