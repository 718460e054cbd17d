#!/usr/bin/env bash
# One command from a fresh clone to the whole test suite. Extra arguments go to pytest.
# Browser tests need Chromium on PATH (Debian: apt-get install chromium); as root with apt
# available this script installs it, otherwise those tests are skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
    echo "Could not install chromium; browser tests will be skipped." >&2
fi
export DJANGO_ALLOW_ASYNC_UNSAFE=true
exec .venv/bin/python -m pytest "$@"
