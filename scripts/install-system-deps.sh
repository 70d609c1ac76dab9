#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real (headless chromium for the web UI
# tests, a PostgreSQL server for the PostgreSQL store tests). Needs root, as on CI.
set -euo pipefail
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || packages+=(postgresql)
[ ${#packages[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${packages[*]}; install them with: sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
