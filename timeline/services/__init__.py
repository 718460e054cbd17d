"""Every write goes through a service here: keyword-only, typed, in ``transaction.atomic()``.

- ``ingest``: articles and candidate events from text files (idempotent, counted).
- ``curation``: verify, reject, merge, edit, re-resolve dates.
- ``imports``: load a dataset exported elsewhere, validated in full first, all or nothing.
- ``links``: any write of an event's actors or excerpts changes the event's version.
"""
