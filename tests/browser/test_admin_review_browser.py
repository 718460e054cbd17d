"""The curator's review workflow in a real browser: log in to the admin as a member of the
"curator" group (not a superuser), work through the review queue of candidate events — read
their excerpts, fix date, place and type, verify, reject — use the event list's bulk actions
and the full editor, and check what the public explorer shows a reader afterwards.

Each test asserts on the database after the curator's clicks (status, fields, history user)
and on what the pages show, the curator's and the anonymous reader's.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.conftest import CURATOR_PASSWORD, CURATOR_USERNAME
from timeline.models import Event, EventStatus
from timeline.services import curation

pytestmark = pytest.mark.browser


# --- helpers ---------------------------------------------------------------------------------


def log_in(page, base: str) -> None:
    """The curator's real way in: the admin sends an anonymous visitor to its login form."""
    page.goto(base + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    page.fill("#id_username", CURATOR_USERNAME)
    page.fill("#id_password", CURATOR_PASSWORD)
    page.click("input[type=submit]")
    expect(page).to_have_url(base + "/admin/")


def open_queue(page, base: str) -> None:
    page.goto(base + "/admin/timeline/event/review/")
    page.wait_for_selector(".ct-queue")


def card(page, event: Event):
    return page.locator(f"#event-{event.pk}")


def pick_place(page, event: Event, typed: str, label: str) -> None:
    """Choose a place in a card's autocomplete (select2, fed by the admin's autocomplete view)."""
    card(page, event).locator(".select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    option = page.locator(".select2-results__option", has_text=label)
    expect(option).to_have_count(1)
    option.click()
    expect(card(page, event).locator(".select2-selection__rendered")).to_have_text(
        re.compile(re.escape(label))
    )


def success_messages(page) -> list[str]:
    # A snapshot, not an auto-waiting assertion: let the page finish parsing first, or a
    # redirect that has only delivered its <head> would read as "no messages".
    page.wait_for_load_state("load")
    return page.locator("ul.messagelist li.success").all_inner_texts()


@pytest.fixture
def reader(browser, live_server):
    """A second, anonymous browser: what the public sees."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def reader_rows(reader, base: str, query: str = "") -> dict[int, str]:
    """The explorer's event list for an anonymous reader: {event id: row text}."""
    reader.goto(base + "/" + query)
    reader.wait_for_selector("#summary")
    rows = reader.locator("#event-table tbody tr")
    return {
        int(rows.nth(i).get_attribute("data-event-id")): rows.nth(i).inner_text()
        for i in range(rows.count())
    }


# --- tests -----------------------------------------------------------------------------------


def test_curator_logs_in_and_reads_the_queue_with_its_sources(watched_page, curation_site):
    base, ds, user = curation_site
    page = watched_page
    # The curator is a member of the group, staff by the command, and nothing more.
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["curator"]

    log_in(page, base)
    # The index offers the curation shortcuts; a curator has no user or group admin.
    shortcuts = page.locator("#curation-shortcuts")
    expect(shortcuts).to_contain_text("Review queue")
    expect(page.locator("a[href='/admin/auth/user/']")).to_have_count(0)
    shortcuts.get_by_role("link", name="Review queue").click()

    expect(page).to_have_title(re.compile(r"^Review queue — 2 candidate event\(s\)"))
    # The candidates only, oldest date first; verified and rejected events are not there.
    # The title arrives with <head>; wait for the cards themselves before reading their order.
    cards = page.locator("section.ct-card")
    expect(cards).to_have_count(2)
    ids = cards.evaluate_all("els => els.map(e => e.id)")
    assert ids == [f"event-{ds.battle_dup.pk}", f"event-{ds.shelling.pk}"]

    shelling = card(page, ds.shelling)
    # Its source: the quote marked inside its paragraph, with the article and publisher.
    expect(shelling.locator(".ct-excerpt mark")).to_have_text(
        "The next day, Islamic State shelled Tikrit."
    )
    expect(shelling.locator(".ct-context")).to_contain_text("Officials said three civilians died.")
    expect(shelling.locator(".ct-source")).to_contain_text(
        "Militias push on Baiji · Long War Journal"
    )
    expect(shelling.locator(".ct-actors")).to_have_text("Actors: Islamic State (Actor 1)")
    # The quick-edit form holds the event's current values.
    expect(shelling.locator(f"#id_e{ds.shelling.pk}-date_start")).to_have_value("2015-09-02")
    expect(shelling.locator(f"#id_e{ds.shelling.pk}-event_type")).to_have_value(
        "explosions_remote_violence"
    )
    expect(shelling.locator(".select2-selection__rendered")).to_contain_text("Tikrit, Iraq")

    # The source link opens the article in the admin.
    with page.expect_navigation():
        shelling.locator(".ct-source a").click()
    expect(page).to_have_url(re.compile(rf"/admin/timeline/article/{ds.a1.pk}/change/$"))
    expect(page.locator(".ct-body")).to_contain_text("The next day, Islamic State shelled Tikrit.")


def test_fix_date_place_and_type_then_verify_and_the_reader_sees_it(
    watched_page, curation_site, reader
):
    base, ds, user = curation_site
    page = watched_page
    pk = ds.shelling.pk
    # Before: the reader does not see the candidate.
    assert pk not in reader_rows(reader, base)
    assert reader.goto(f"{base}/events/{pk}/").status == 404

    log_in(page, base)
    open_queue(page, base)
    shelling = card(page, ds.shelling)
    shelling.locator(f"#id_e{pk}-date_start").fill("2015-09-03")
    shelling.locator(f"#id_e{pk}-date_end").fill("2015-09-03")
    shelling.locator(f"#id_e{pk}-date_text").fill("Thursday")
    pick_place(page, ds.shelling, "Bai", "Baiji, Iraq")
    shelling.locator(f"#id_e{pk}-event_type").select_option(label="Battles")
    shelling.get_by_role("button", name="Verify").click()

    # Back on the queue: the card is gone and the message lists what changed.
    expect(page).to_have_url(re.compile(r"/admin/timeline/event/review/$"))
    expect(page).to_have_title(re.compile(r"^Review queue — 1 candidate event\(s\)"))
    expect(card(page, ds.shelling)).to_have_count(0)
    [message] = success_messages(page)
    assert message.startswith(f"#{pk} “Islamic State shells Tikrit” verified (changed: ")
    for name in ("date_start", "date_end", "date_text", "event_type", "place", "status"):
        assert name in message

    event = Event.objects.get(pk=pk)
    assert event.status == EventStatus.VERIFIED
    assert (event.date_start, event.date_end) == (date(2015, 9, 3), date(2015, 9, 3))
    assert (event.date_text, event.event_type, event.place) == ("Thursday", "battles", ds.baiji)
    assert event.fatalities == 3  # untouched fields keep their values
    last = event.history.first()
    assert last.history_user == user
    assert last.history_change_reason.startswith("Reviewed: ")

    # The reader now finds it, with the curator's date, place and type.
    rows = reader_rows(reader, base, "?type=battles")
    assert pk in rows
    assert "3 Sep 2015" in rows[pk] and "Baiji, Iraq" in rows[pk] and "Battles" in rows[pk]
    assert reader.goto(f"{base}/events/{pk}/").status == 200
    expect(reader.locator(".event-panel mark")).to_have_text(
        "The next day, Islamic State shelled Tikrit."
    )
    expect(reader.locator(".event-panel .facts")).to_contain_text("Baiji, Salah ad-Din, Iraq")
    expect(reader.locator(".event-panel .date-words")).to_have_text("Thursday")


def test_reject_and_save_keep_the_events_from_the_reader(watched_page, curation_site, reader):
    base, ds, user = curation_site
    page = watched_page
    log_in(page, base)
    open_queue(page, base)

    # "Save, keep as candidate" writes the fix but leaves the event in the queue.
    pk = ds.shelling.pk
    card(page, ds.shelling).locator(f"#id_e{pk}-fatalities").fill("4")
    card(page, ds.shelling).get_by_role("button", name="Save, keep as candidate").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text(
        f"#{pk} “Islamic State shells Tikrit” saved (changed: fatalities)."
    )
    expect(card(page, ds.shelling)).to_have_count(1)
    expect(card(page, ds.shelling).locator(f"#id_e{pk}-fatalities")).to_have_value("4")
    ds.shelling.refresh_from_db()
    assert (ds.shelling.status, ds.shelling.fatalities) == (EventStatus.CANDIDATE, 4)

    # Reject the duplicate of the verified battle.
    card(page, ds.battle_dup).get_by_role("button", name="Reject").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text(
        f"#{ds.battle_dup.pk} “Militias attack IS near Baiji” rejected."
    )
    expect(card(page, ds.battle_dup)).to_have_count(0)
    expect(page).to_have_title(re.compile(r"^Review queue — 1 candidate event\(s\)"))
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.REJECTED
    assert ds.battle_dup.history.first().history_user == user

    # Neither is public: the explorer lists the verified events only.
    rows = reader_rows(reader, base)
    assert set(rows) == {ds.battle.pk, ds.protest.pk, ds.week.pk}
    assert reader.goto(f"{base}/events/{ds.battle_dup.pk}/").status == 404
    assert reader.goto(f"{base}/events/{pk}/").status == 404


def test_an_invalid_fix_is_refused_changes_nothing_and_keeps_what_was_typed(
    watched_page, curation_site
):
    base, ds, user = curation_site
    page = watched_page
    pk = ds.shelling.pk
    before = ds.shelling.history.count()
    log_in(page, base)
    open_queue(page, base)
    shelling = card(page, ds.shelling)
    # A new headline, and an end before the start (the browser's date input accepts it; the
    # model does not).
    shelling.locator(f"#id_e{pk}-headline").fill("IS shells Tikrit from the north")
    shelling.locator(f"#id_e{pk}-date_end").fill("2015-08-01")
    shelling.get_by_role("button", name="Verify").click()

    error = page.locator("ul.messagelist li.error")
    expect(error).to_contain_text(f"#{pk} not saved:")
    expect(error).to_contain_text("What you typed is kept in the card.")
    assert success_messages(page) == []
    event = Event.objects.get(pk=pk)
    assert (event.status, event.date_end) == (EventStatus.CANDIDATE, date(2015, 9, 2))
    assert event.headline == "Islamic State shells Tikrit"
    assert event.history.count() == before

    # The card shows what the curator typed, the error beside the date, and says so.
    shelling = card(page, ds.shelling)
    expect(shelling).to_have_count(1)
    expect(shelling.locator(f"#id_e{pk}-headline")).to_have_value("IS shells Tikrit from the north")
    expect(shelling.locator(f"#id_e{pk}-date_end")).to_have_value("2015-08-01")
    expect(shelling.locator(f"#id_e{pk}-date_end_error")).to_have_text(
        "The end date is before the start date."
    )
    expect(shelling.locator(".ct-draft-note")).to_contain_text("Unsaved edits")
    expect(shelling.locator(f"#id_e{pk}-fatalities")).to_have_value("3")  # untouched

    # Correcting the date and verifying saves the typed headline too; the note is gone.
    shelling.locator(f"#id_e{pk}-date_end").fill("2015-09-03")
    shelling.get_by_role("button", name="Verify").click()
    [message] = success_messages(page)
    assert message == (
        f"#{pk} “IS shells Tikrit from the north” verified (changed: headline, date_end, status)."
    )
    event = Event.objects.get(pk=pk)
    assert (event.status, event.headline, event.date_end) == (
        EventStatus.VERIFIED,
        "IS shells Tikrit from the north",
        date(2015, 9, 3),
    )
    expect(card(page, ds.shelling)).to_have_count(0)


def test_a_card_out_of_date_is_refused_and_keeps_the_other_curators_change(
    watched_page, curation_site
):
    """Two curators on one event: the second save from a card opened before the first
    one's change is refused, names the change, and the resubmission keeps both edits."""
    base, ds, user = curation_site
    page = watched_page
    pk = ds.shelling.pk
    log_in(page, base)
    open_queue(page, base)
    # Another curator moves the event to Baiji while this card is open.
    other = get_user_model().objects.create_user("bea", password="x")
    curation.event_review(event=Event.objects.get(pk=pk), changes={"place": ds.baiji}, user=other)

    shelling = card(page, ds.shelling)
    shelling.locator(f"#id_e{pk}-fatalities").fill("4")
    shelling.get_by_role("button", name="Save, keep as candidate").click()
    error = page.locator("ul.messagelist li.error")
    expect(error).to_contain_text(f"#{pk} not saved: Event #{pk} was changed since you opened it")
    expect(error).to_contain_text("by bea at ")
    expect(error).to_contain_text("(place: Tikrit, Iraq → Baiji, Iraq)")
    event = Event.objects.get(pk=pk)
    assert (event.place, event.fatalities) == (ds.baiji, 3)

    # The card: the typed fatalities over the new place, and what bea changed.
    shelling = card(page, ds.shelling)
    expect(shelling.locator(f"#id_e{pk}-fatalities")).to_have_value("4")
    expect(shelling.locator(".select2-selection__rendered")).to_contain_text("Baiji, Iraq")
    expect(shelling.locator(".ct-draft-note")).to_contain_text("Tikrit, Iraq → Baiji, Iraq")
    shelling.get_by_role("button", name="Save, keep as candidate").click()
    expect(page.locator("ul.messagelist li.success")).to_have_text(
        f"#{pk} “Islamic State shells Tikrit” saved (changed: fatalities)."
    )
    expect(card(page, ds.shelling).locator(".ct-draft-note")).to_have_count(0)
    event = Event.objects.get(pk=pk)
    assert (event.place, event.fatalities) == (ds.baiji, 4)


def test_queue_filter_survives_a_decision(watched_page, curation_site):
    base, ds, user = curation_site
    page = watched_page
    log_in(page, base)
    open_queue(page, base)
    page.select_option("select[name=type]", label="Battles")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"type=battles"))
    expect(page.locator("section.ct-card")).to_have_count(1)
    expect(card(page, ds.battle_dup)).to_have_count(1)

    card(page, ds.battle_dup).get_by_role("button", name="Verify").click()
    # Back on the same filtered queue, now empty for this filter; the other type still waits.
    expect(page).to_have_url(re.compile(r"/admin/timeline/event/review/\?.*type=battles"))
    expect(page.locator(".ct-queue")).to_contain_text(
        "No candidate events left to review for this filter."
    )
    expect(page.locator("select[name=type]")).to_have_value("battles")
    ds.battle_dup.refresh_from_db()
    assert ds.battle_dup.status == EventStatus.VERIFIED
    ds.shelling.refresh_from_db()
    assert ds.shelling.status == EventStatus.CANDIDATE


def test_full_editor_shows_the_sources_and_saves_and_verifies(watched_page, curation_site, reader):
    base, ds, user = curation_site
    page = watched_page
    pk = ds.battle_dup.pk
    log_in(page, base)
    open_queue(page, base)
    with page.expect_navigation():
        card(page, ds.battle_dup).get_by_role("link", name="Full editor (actors, excerpts)").click()
    expect(page).to_have_url(re.compile(rf"/admin/timeline/event/{pk}/change/$"))
    # The excerpt in its paragraph, and its actors in the inline.
    expect(page.locator(".field-excerpts_ mark")).to_have_text(
        "Iraqi militias led by Kataib Hezbollah attacked Islamic State fighters near Baiji on "
        "Sept. 1, killing 12."
    )
    expect(page.locator(".field-excerpts_ .ct-source")).to_contain_text("Wire Service")

    page.fill("#id_headline", "Militias and Kataib Hezbollah attack IS near Baiji")
    page.fill("#id_fatalities", "12")
    page.fill("#id_summary", "Second report of the Baiji battle.")
    page.get_by_role("button", name="Save and verify").click()

    # The curator is sent back to the queue, with a message.
    expect(page).to_have_url(re.compile(r"/admin/timeline/event/review/$"))
    expect(page.locator("ul.messagelist")).to_contain_text(
        f"#{pk} “Militias and Kataib Hezbollah attack IS near Baiji” is now Verified."
    )
    expect(card(page, ds.battle_dup)).to_have_count(0)
    event = Event.objects.get(pk=pk)
    assert event.status == EventStatus.VERIFIED
    assert (event.fatalities, event.summary) == (12, "Second report of the Baiji battle.")
    assert event.excerpts.count() == 1  # the inline posted back intact
    assert event.event_actors.count() == 2
    assert event.history.first().history_user == user

    reader.goto(f"{base}/events/{pk}/")
    expect(reader.locator(".event-panel h2")).to_have_text(
        "Militias and Kataib Hezbollah attack IS near Baiji"
    )
    expect(reader.locator(".event-panel .event-summary")).to_have_text(
        "Second report of the Baiji battle."
    )


def test_bulk_verify_and_reject_from_the_event_list(watched_page, curation_site, reader):
    base, ds, user = curation_site
    page = watched_page
    extra = Event.objects.create(
        headline="Clash at Baiji refinery", event_type="battles", status="candidate"
    )
    log_in(page, base)
    open_queue(page, base)
    page.get_by_role("link", name="Bulk verify / reject / merge in the event list").click()
    expect(page).to_have_url(re.compile(r"/admin/timeline/event/\?status__exact=candidate$"))
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(3)

    def tick(event: Event) -> None:
        page.locator(f"#result_list input.action-select[value='{event.pk}']").check()

    tick(ds.battle_dup)
    tick(ds.shelling)
    expect(page.locator(".action-counter")).to_contain_text("2 of 3 selected")
    page.select_option("select[name=action]", "verify_action")
    page.click("button[name=index]")
    expect(page.locator("ul.messagelist li.success")).to_have_text("2 event(s) verified.")
    # The list keeps its filter: only the untouched candidate is left.
    expect(rows).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("Clash at Baiji refinery")

    tick(extra)
    page.select_option("select[name=action]", "reject_action")
    page.click("button[name=index]")
    expect(page.locator("ul.messagelist li.success")).to_have_text("1 event(s) rejected.")
    expect(page.locator("#changelist")).to_contain_text("0 events")

    statuses = dict(
        Event.objects.filter(pk__in=[ds.battle_dup.pk, ds.shelling.pk, extra.pk]).values_list(
            "pk", "status"
        )
    )
    assert statuses == {
        ds.battle_dup.pk: "verified",
        ds.shelling.pk: "verified",
        extra.pk: "rejected",
    }
    for pk in statuses:
        assert Event.objects.get(pk=pk).history.first().history_user == user

    # The queue is empty; the reader sees the two verified events and not the rejected one.
    open_queue(page, base)
    expect(page).to_have_title(re.compile(r"^Review queue — 0 candidate event\(s\)"))
    rows = reader_rows(reader, base)
    assert {ds.battle_dup.pk, ds.shelling.pk} <= set(rows)
    assert extra.pk not in rows


def test_merge_a_duplicate_into_the_verified_event(watched_page, curation_site, reader):
    base, ds, user = curation_site
    page = watched_page
    log_in(page, base)
    page.goto(base + "/admin/timeline/event/?q=Baiji")
    for event in (ds.battle, ds.battle_dup):
        page.locator(f"#result_list input.action-select[value='{event.pk}']").check()
    page.select_option("select[name=action]", "merge_action")
    page.click("button[name=index]")

    # The confirmation page proposes the verified event as the one to keep.
    expect(page.locator("h1")).to_have_text("Merge events")
    expect(page.locator(f"#target-{ds.battle.pk}")).to_be_checked()
    expect(page.locator(f"#target-{ds.battle_dup.pk}")).not_to_be_checked()
    page.click("input[type=submit][value=Merge]")

    expect(page.locator("ul.messagelist li.success")).to_have_text(
        f"Merged events #{ds.battle_dup.pk} into #{ds.battle.pk}: "
        "1 excerpt(s) and 1 actor(s) added."
    )
    battle, dup = Event.objects.get(pk=ds.battle.pk), Event.objects.get(pk=ds.battle_dup.pk)
    assert battle.status == EventStatus.VERIFIED
    assert set(battle.excerpts.values_list("article_id", flat=True)) == {ds.a1.pk, ds.a2.pk}
    assert dup.status == EventStatus.REJECTED
    assert f"Merged into event #{battle.pk}." in dup.notes
    assert battle.history.first().history_user == user

    # The reader sees one event with both sources; the duplicate is gone.
    rows = reader_rows(reader, base)
    assert ds.battle.pk in rows and ds.battle_dup.pk not in rows
    reader.goto(f"{base}/events/{ds.battle.pk}/")
    expect(reader.locator(".event-panel h3")).to_have_text("Sources (2)")
    expect(reader.locator(".event-panel .publisher")).to_have_text(
        ["Long War Journal", "Wire Service"]
    )


def test_enter_in_a_card_saves_the_fix_and_does_not_verify(watched_page, curation_site, reader):
    """Pressing Enter in a field is how many people "save" a form. In a card it must not
    publish the event: a browser submits with the form's first submit button."""
    base, ds, user = curation_site
    page = watched_page
    pk = ds.shelling.pk
    log_in(page, base)
    open_queue(page, base)
    field = card(page, ds.shelling).locator(f"#id_e{pk}-headline")
    field.fill("Islamic State shells Tikrit from the north")
    with page.expect_navigation():
        field.press("Enter")
    expect(page.locator("ul.messagelist li.success")).to_have_text(
        f"#{pk} “Islamic State shells Tikrit from the north” saved (changed: headline)."
    )
    event = Event.objects.get(pk=pk)
    assert event.headline == "Islamic State shells Tikrit from the north"
    assert event.status == EventStatus.CANDIDATE
    expect(card(page, ds.shelling)).to_have_count(1)
    assert pk not in reader_rows(reader, base)


def test_delete_an_event_then_restore_it_from_deleted_events(watched_page, curation_site, reader):
    base, ds, user = curation_site
    page = watched_page
    pk = ds.battle.pk
    assert pk in reader_rows(reader, base)
    log_in(page, base)
    page.goto(f"{base}/admin/timeline/event/{pk}/change/")
    page.locator(".submit-row a.deletelink").click()
    # Django's confirmation lists what goes with it: the excerpt and the actors.
    expect(page.locator("#content")).to_contain_text("Kataib Hezbollah attacks Islamic State")
    expect(page.locator("#content ul")).to_contain_text(["Excerpt"])
    page.get_by_role("button", name=re.compile("Yes, I.m sure")).click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was deleted successfully")
    assert not Event.objects.filter(pk=pk).exists()
    assert pk not in reader_rows(reader, base)

    page.get_by_role("link", name="Deleted events").click()
    row = page.locator("table.ct-deleted tbody tr", has_text=f"#{pk} Kataib Hezbollah")
    expect(row).to_contain_text(CURATOR_USERNAME)
    row.get_by_role("button", name="Restore").click()

    expect(page).to_have_url(re.compile(rf"/admin/timeline/event/{pk}/change/$"))
    expect(page.locator("ul.messagelist li.success")).to_have_text(
        f"Restored event #{pk} “Kataib Hezbollah attacks Islamic State near Baiji” with "
        "1 excerpt(s) and 2 actor(s)."
    )
    event = Event.objects.get(pk=pk)
    assert (event.status, event.fatalities, event.place) == ("verified", 12, ds.baiji)
    assert event.excerpts.count() == 1 and event.event_actors.count() == 2
    assert event.history.first().history_user == user
    # Public again, with its source.
    assert pk in reader_rows(reader, base)
    reader.goto(f"{base}/events/{pk}/")
    expect(reader.locator(".event-panel mark")).to_contain_text(
        "On Tuesday, Kataib Hezbollah fighters attacked"
    )
