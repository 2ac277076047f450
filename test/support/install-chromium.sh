#!/bin/sh
# Installs Debian's chromium, which the HTML report's browser test (test/browser) drives through
# playwright-core: apt-get as root, or through sudo. `npm run browser:install` runs it; so does .ci/run.
set -eu
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "no apt-get here: install Chromium with the system's package manager, then run the tests with DQC_CHROMIUM=/path/to/chromium" >&2
  exit 1
fi
as_root=""
if [ "$(id -u)" -ne 0 ]; then as_root=sudo; fi
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
/usr/bin/chromium --version
