"""``manage.py create_curator_group [--user NAME ...]``: create or repair the "curator" group
(exactly the permissions curation needs; also made by migration 0002) and add users to it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from timeline.services.curation import (
    CurationError,
    curator_add_user,
    curator_group_ensure,
)


class Command(BaseCommand):
    help = 'Create or repair the "curator" group and optionally add users (made staff) to it.'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--user", action="append", default=[], help="Username to add (repeatable)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            group = curator_group_ensure()
            self.stdout.write(f'Group "{group.name}": {group.permissions.count()} permissions.')
            for username in options["user"]:
                curator_add_user(username=username)
                self.stdout.write(f'Added {username} to "{group.name}" (staff).')
        except CurationError as exc:
            raise CommandError(str(exc)) from None
