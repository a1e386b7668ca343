#!/usr/bin/env bash
# Fails when the committed Fixtures/ differ from what scripts/make_fixtures.py makes.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/make_fixtures.py "$tmp"
if ! diff -r "$tmp/inbox" Fixtures/inbox >/dev/null || ! diff -r "$tmp/expected" Fixtures/expected >/dev/null; then
  echo "Fixtures/ differ from scripts/make_fixtures.py: run 'make fixtures' and commit." >&2
  diff -r "$tmp" Fixtures | head -20 >&2
  exit 1
fi
echo "Fixtures up to date."
