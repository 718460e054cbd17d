#!/usr/bin/env bash
# One command from a fresh clone to a running app on http://127.0.0.1:8000 with the curated
# seed dataset loaded (SQLite by default; set DATABASE_URL for PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
.venv/bin/python manage.py bootstrap
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
