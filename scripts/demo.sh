#!/usr/bin/env bash
# The README's main job: build and package the extension, lint samples/ with the CLI, then serve a
# real VS Code (code-server, on 127.0.0.1 only) with the packaged .vsix installed and samples/ open.
# Runs in the foreground until Ctrl+C.
#
#   bash scripts/demo.sh            (or npm run demo; PORT=9000 picks another port than 8088)
set -euo pipefail
cd "$(dirname "$0")/.."

# Building code-server (first run only) needs the Kerberos headers; Chromium is not needed here.
if [ ! -f /usr/include/gssapi/gssapi.h ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "demo: installing libkrb5-dev (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev >/dev/null
  else
    echo "demo: libkrb5-dev is missing; code-server cannot be built without it (sudo apt-get install -y libkrb5-dev)" >&2
  fi
fi

# npm writes node_modules/.package-lock.json on every install: older than package-lock.json means
# the dependencies changed since (a pull), absent means they were never installed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "demo: npm ci"
  npm ci --no-audit --no-fund
fi

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
