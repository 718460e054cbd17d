"""Reading SQLite's plan of the duplicate search (``selectors_curation._search``)."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q

from timeline.models import Event


def search_plan(where: Q) -> tuple[list[str], list[str]]:
    """SQLite's plan of ``Event.objects.filter(where)``: every line, and the lines that
    search the event table for one term of the search (each a SELECT of the UNION ALL, so the
    plan lines directly under its "LEFT-MOST SUBQUERY" and "UNION ALL" nodes)."""
    sql, params = Event.objects.filter(where).order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        rows = cursor.fetchall()
    branches = {row[0] for row in rows if row[-1] in ("LEFT-MOST SUBQUERY", "UNION ALL")}
    terms = [
        str(row[-1])
        for row in rows
        if row[1] in branches and str(row[-1]).startswith(("SEARCH", "SCAN"))
    ]
    return [str(row[-1]) for row in rows], terms
