#!/usr/bin/env bash
# Creates .venv with a Python >= 3.12 and installs the pinned requirements.
# Usage: source-free; called by scripts/run.sh and scripts/test.sh. Arg 1: requirements file.
set -euo pipefail
cd "$(dirname "$0")/.."
req="${1:-requirements.txt}"

find_python() {
  local candidates=()
  # pyenv honours .python-version; ask it first where it is installed.
  if command -v pyenv >/dev/null 2>&1; then
    local p
    p="$(pyenv which python 2>/dev/null || true)"
    [ -n "$p" ] && candidates+=("$p")
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])' | sort -Vr); do
      candidates+=("$(pyenv root)/versions/$v/bin/python")
    done
  fi
  candidates+=(python3.14 python3.13 python3.12 python3 python)
  for c in "${candidates[@]}"; do
    if command -v "$c" >/dev/null 2>&1 &&
       "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then
  py="$(find_python)" || { echo "Conflict Timeline needs Python 3.12 or newer; none was found on PATH or in pyenv." >&2; exit 1; }
  echo "Creating .venv with $py ($("$py" --version))"
  rm -rf .venv
  "$py" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
.venv/bin/python -m pip install --quiet -r "$req"
