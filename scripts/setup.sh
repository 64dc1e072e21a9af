#!/usr/bin/env bash
# Prepares a fresh Debian machine with Node 20 for building and testing kube-netsec:
# the system packages the editor tests need (Chromium to drive VS Code, libkrb5-dev to build
# code-server's native addon), then the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "setup: installing npm dependencies (npm ci)"
npm ci --no-audit --no-fund
