#!/usr/bin/env bash
# Installs R with data.table and MatchIt from Debian's packages unless they already load.
# Idempotent; needs root (apt-get). Used by estimate-vs-r.sh.
set -euo pipefail
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(data.table); library(MatchIt)' >/dev/null 2>&1; then
  exit 0
fi
echo "estimate-vs-r: installing R, data.table and MatchIt (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends r-base-core r-cran-data.table r-cran-matchit >&2
Rscript -e 'library(data.table); library(MatchIt)' >/dev/null
