#!/usr/bin/env bash
# Prepares a fresh Debian machine with Node 20 for building and testing kube-netsec:
# the system packages the editor tests need (Chromium to drive VS Code, libkrb5-dev to build
# code-server's native addon), then the npm dependencies. Run again, it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

#   bash scripts/setup.sh [--no-browser]   (--no-browser: skip Chromium, which only the tests use)
missing=()
[ "${1:-}" = "--no-browser" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm writes node_modules/.package-lock.json on every install: older than package-lock.json means
# the dependencies changed since (a pull), absent means they were never installed. An installed,
# current tree is reused rather than reinstalled.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
else
  echo "setup: npm dependencies are installed and match package-lock.json"
fi
