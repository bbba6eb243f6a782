#!/usr/bin/env bash
# Installs what the creator page's browser test drives: Debian's chromium and its chromedriver,
# and a font with Chinese glyphs for the page's screenshots. Idempotent: does nothing when they
# are installed. Needs root (or sudo) when it has something to install.
set -euo pipefail
log() { echo "[setup-browser] $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
APT=(apt-get -o DPkg::Lock::Timeout=600 -q)

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -eq 0 ]; then
  log "ready: $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
  exit 0
fi
log "installing ${missing[*]}"
as_root "${APT[@]}" update
as_root env DEBIAN_FRONTEND=noninteractive "${APT[@]}" install -y --no-install-recommends "${missing[@]}"
log "ready: $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
