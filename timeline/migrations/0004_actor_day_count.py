"""Actor links counted per (actor, status, start day), kept in step by database triggers.

The explorer's actor lanes over all events joined every event to its actor links (1.8M rows
for a million events) and sorted them per (bucket, actor): 2.6-4.8 s. ``ActorDayCount`` holds
the same counts per day, a few hundred thousand rows at most, summed into buckets in ~0.15 s.

Triggers rather than Python: events and links are written by the admin, curation services,
ingest, fixture imports (bulk inserts), deletes that cascade in Python, and raw SQL; a trigger
sees every one of them. Both sides are handled in either order (a link inserted before its
event, as a fixture load may do under deferred foreign keys; an event deleted before its
links): a link counts while both it and its event exist and the event has a start date.

A count is added or removed by an upsert on the (actor, status, day) key; a row whose count
falls to zero is deleted. On PostgreSQL a link trigger reads its event ``FOR SHARE`` so that
it waits for a concurrent change of that event's status or date and sees the new values.
"""

from django.db import migrations, models

COUNT = "timeline_actordaycount"

# --------------------------------------------------------------------------------- SQLite
# SQLite triggers run one statement list per row; "add" is an upsert, "remove" a decrement
# followed by deleting the rows that reached zero. Scalar subqueries read the event's values.


def _sqlite_add(actor: str, status: str, day: str, source: str, where: str) -> str:
    return (
        f"INSERT INTO {COUNT} (actor_id, status, day, n) "
        f"SELECT {actor}, {status}, {day}, 1 FROM {source} WHERE {where} AND {day} IS NOT NULL "
        f"ON CONFLICT (actor_id, status, day) DO UPDATE SET n = n + 1;"
    )


def _sqlite_remove(actor_cond: str, status: str, day: str) -> str:
    key = f"{actor_cond} AND status = {status} AND day = {day}"
    return f"UPDATE {COUNT} SET n = n - 1 WHERE {key}; DELETE FROM {COUNT} WHERE {key} AND n <= 0;"


LINK_EVENT_STATUS = "(SELECT status FROM timeline_event WHERE id = {r}.event_id)"
LINK_EVENT_DAY = "(SELECT date_start FROM timeline_event WHERE id = {r}.event_id)"
EVENT_ACTORS = "actor_id IN (SELECT actor_id FROM timeline_eventactor WHERE event_id = {r}.id)"


def _link_add(r: str) -> str:
    return _sqlite_add(
        f"{r}.actor_id", "e.status", "e.date_start", "timeline_event e", f"e.id = {r}.event_id"
    )


def _link_remove(r: str) -> str:
    return _sqlite_remove(
        f"actor_id = {r}.actor_id", LINK_EVENT_STATUS.format(r=r), LINK_EVENT_DAY.format(r=r)
    )


def _event_add(r: str) -> str:
    return _sqlite_add(
        "ea.actor_id",
        f"{r}.status",
        f"{r}.date_start",
        "timeline_eventactor ea",
        f"ea.event_id = {r}.id",
    )


def _event_remove(r: str) -> str:
    return _sqlite_remove(EVENT_ACTORS.format(r=r), f"{r}.status", f"{r}.date_start")


SQLITE_TRIGGERS = {
    "timeline_eventactor_count_ins": ("AFTER INSERT ON timeline_eventactor", _link_add("NEW")),
    "timeline_eventactor_count_del": ("AFTER DELETE ON timeline_eventactor", _link_remove("OLD")),
    # The link's old values still find their event after the update (events are not touched).
    "timeline_eventactor_count_upd": (
        "AFTER UPDATE OF event_id, actor_id ON timeline_eventactor "
        "WHEN OLD.event_id IS NOT NEW.event_id OR OLD.actor_id IS NOT NEW.actor_id",
        _link_remove("OLD") + " " + _link_add("NEW"),
    ),
    "timeline_event_count_ins": ("AFTER INSERT ON timeline_event", _event_add("NEW")),
    "timeline_event_count_del": ("AFTER DELETE ON timeline_event", _event_remove("OLD")),
    "timeline_event_count_upd": (
        "AFTER UPDATE OF status, date_start, id ON timeline_event "
        "WHEN OLD.status IS NOT NEW.status OR OLD.date_start IS NOT NEW.date_start "
        "OR OLD.id IS NOT NEW.id",
        _event_remove("OLD") + " " + _event_add("NEW"),
    ),
}

# ----------------------------------------------------------------------------- PostgreSQL

PG_FUNCTIONS = f"""
CREATE FUNCTION timeline_actordaycount_change(a bigint, s varchar, d date, delta integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF a IS NULL OR s IS NULL OR d IS NULL THEN
        RETURN;
    END IF;
    IF delta > 0 THEN
        INSERT INTO {COUNT} (actor_id, status, day, n) VALUES (a, s, d, delta)
        ON CONFLICT (actor_id, status, day) DO UPDATE SET n = {COUNT}.n + EXCLUDED.n;
    ELSE
        UPDATE {COUNT} SET n = n + delta WHERE actor_id = a AND status = s AND day = d;
        DELETE FROM {COUNT} WHERE actor_id = a AND status = s AND day = d AND n <= 0;
    END IF;
END $$;

CREATE FUNCTION timeline_eventactor_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s varchar;
    d date;
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        SELECT status, date_start INTO s, d FROM timeline_event WHERE id = OLD.event_id FOR SHARE;
        PERFORM timeline_actordaycount_change(OLD.actor_id, s, d, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT status, date_start INTO s, d FROM timeline_event WHERE id = NEW.event_id FOR SHARE;
        PERFORM timeline_actordaycount_change(NEW.actor_id, s, d, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION timeline_event_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM timeline_actordaycount_change(actor_id, OLD.status, OLD.date_start, -1)
        FROM timeline_eventactor WHERE event_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM timeline_actordaycount_change(actor_id, NEW.status, NEW.date_start, 1)
        FROM timeline_eventactor WHERE event_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER timeline_eventactor_count
AFTER INSERT OR DELETE OR UPDATE OF event_id, actor_id ON timeline_eventactor
FOR EACH ROW EXECUTE FUNCTION timeline_eventactor_count();

CREATE TRIGGER timeline_event_count_ins_del
AFTER INSERT OR DELETE ON timeline_event
FOR EACH ROW EXECUTE FUNCTION timeline_event_count();

CREATE TRIGGER timeline_event_count_upd
AFTER UPDATE OF status, date_start, id ON timeline_event
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
    OR OLD.date_start IS DISTINCT FROM NEW.date_start OR OLD.id IS DISTINCT FROM NEW.id)
EXECUTE FUNCTION timeline_event_count();
"""

PG_DROP = """
DROP TRIGGER IF EXISTS timeline_eventactor_count ON timeline_eventactor;
DROP TRIGGER IF EXISTS timeline_event_count_ins_del ON timeline_event;
DROP TRIGGER IF EXISTS timeline_event_count_upd ON timeline_event;
DROP FUNCTION IF EXISTS timeline_eventactor_count();
DROP FUNCTION IF EXISTS timeline_event_count();
DROP FUNCTION IF EXISTS timeline_actordaycount_change(bigint, varchar, date, integer);
"""

BACKFILL = f"""
INSERT INTO {COUNT} (actor_id, status, day, n)
SELECT ea.actor_id, e.status, e.date_start, COUNT(*)
FROM timeline_eventactor ea JOIN timeline_event e ON e.id = ea.event_id
WHERE e.date_start IS NOT NULL
GROUP BY ea.actor_id, e.status, e.date_start
"""


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name, (when, body) in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    elif vendor == "postgresql":
        schema_editor.execute(PG_FUNCTIONS)
    else:
        raise NotImplementedError(
            f"ActorDayCount triggers exist for SQLite and PostgreSQL, not {vendor}"
        )
    schema_editor.execute(f"DELETE FROM {COUNT}")
    schema_editor.execute(BACKFILL)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        schema_editor.execute(PG_DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0003_event_place_status_dates_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActorDayCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("candidate", "Candidate"),
                            ("verified", "Verified"),
                            ("rejected", "Rejected"),
                        ],
                        max_length=10,
                    ),
                ),
                ("day", models.DateField()),
                ("n", models.IntegerField()),
                (
                    "actor",
                    models.ForeignKey(
                        on_delete=models.deletion.CASCADE,
                        related_name="+",
                        to="timeline.actor",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["status", "day", "actor"], name="actordaycount_status_day")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("actor", "status", "day"), name="actordaycount_key"
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
