#!/usr/bin/env bash
# The README's main job: build and package the extension, lint samples/ with the CLI, then serve a
# real VS Code (code-server, on 127.0.0.1 only) with the packaged .vsix installed and samples/ open.
# Runs in the foreground until Ctrl+C.
#
#   bash scripts/demo.sh            (or npm run demo; PORT=9000 picks another port than 8088)
set -euo pipefail
cd "$(dirname "$0")/.."

# The tests' preparation (Debian packages, npm dependencies; skips what is there), without the
# browser: the demo serves VS Code to yours.
bash scripts/setup.sh --no-browser

npm run package

echo
echo "demo: node dist/cli.js lint samples"
status=0
node dist/cli.js lint samples || status=$?
# 1 means findings, which is what the samples are for; 2 is a real error.
if [ "$status" -gt 1 ]; then
  echo "demo: the CLI failed (exit $status)" >&2
  exit "$status"
fi
echo

exec node scripts/demo.mjs
