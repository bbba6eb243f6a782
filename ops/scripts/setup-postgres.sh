#!/usr/bin/env bash
# Prepares PostgreSQL + pgvector for TagCF on Debian 12, idempotently:
#   1. installs PostgreSQL if it is absent and starts the local cluster if it is stopped;
#   2. makes the `vector` extension available, building Debian's own pgvector source package
#      against postgresql-server-dev-<major> when it is missing (Debian 12 does not package it
#      for PostgreSQL 15; the next release ships the source);
#   3. creates the databases named in TAGCF_DATABASES (default: tagcf tagcf_test) with the
#      extension installed.
# Re-running it changes nothing. It must run as root when something has to be installed.
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DATABASES=${TAGCF_DATABASES:-"tagcf tagcf_test"}
PGVECTOR_SOURCE_SUITE=${PGVECTOR_SOURCE_SUITE:-trixie}
export PGHOST PGPORT PGUSER

log() { printf '[setup-postgres] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# Waits for a concurrent apt/dpkg run instead of failing on its lock.
APT=(apt-get -o DPkg::Lock::Timeout=600 -q)
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null \
    || { as_root "${APT[@]}" update >/dev/null \
         && DEBIAN_FRONTEND=noninteractive as_root "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null; }
}

# --- 1. PostgreSQL present and running ------------------------------------------------------
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt_install postgresql
fi
PG_MAJOR=${PG_MAJOR:-$(pg_lsclusters -h | awk 'NR==1 {print $1}')}
if [ -z "$PG_MAJOR" ]; then
  log "no PostgreSQL cluster found"; exit 1
fi
PG_CLUSTER=$(pg_lsclusters -h | awk -v v="$PG_MAJOR" '$1==v {print $2; exit}')
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  log "starting cluster $PG_MAJOR/$PG_CLUSTER"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$PG_CLUSTER" start || true
  for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
fi
pg_isready -q -h "$PGHOST" -p "$PGPORT" || { log "PostgreSQL is not accepting connections on $PGHOST:$PGPORT"; exit 1; }

# --- 2. pgvector available ------------------------------------------------------------------
src_list=/etc/apt/sources.list.d/tagcf-pgvector-src.sources
remove_source_list() {
  if [ -f "$src_list" ]; then
    as_root rm -f "$src_list"
    as_root "${APT[@]}" update >/dev/null 2>&1 || true
  fi
}
SHAREDIR=$(/usr/lib/postgresql/"$PG_MAJOR"/bin/pg_config --sharedir 2>/dev/null || echo /usr/share/postgresql/"$PG_MAJOR")
if [ ! -f "$SHAREDIR/extension/vector.control" ]; then
  log "pgvector missing for PostgreSQL $PG_MAJOR: building Debian's source package"
  if ! apt-cache show "postgresql-$PG_MAJOR-pgvector" >/dev/null 2>&1 \
     || ! apt_install "postgresql-$PG_MAJOR-pgvector"; then
    apt_install "postgresql-server-dev-$PG_MAJOR" dpkg-dev make gcc
    # A source list only for this download: removed again (with its package lists) however the
    # build ends, so that the machine's apt sources stay as they were.
    build=$(mktemp -d)
    trap 'rm -rf "$build"; remove_source_list' EXIT
    as_root tee "$src_list" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $PGVECTOR_SOURCE_SUITE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    as_root "${APT[@]}" update >/dev/null
    (cd "$build" && apt-get source --download-only -q pgvector >/dev/null 2>&1)
    remove_source_list
    tarball=$(ls "$build"/pgvector_*.orig.tar.* | head -n 1)
    tar -xf "$tarball" -C "$build"
    srcdir=$(find "$build" -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
    # OPTFLAGS="" keeps -march=native out, so the build runs on any x86-64 machine.
    make -s -C "$srcdir" PG_CONFIG=/usr/lib/postgresql/"$PG_MAJOR"/bin/pg_config OPTFLAGS="" >/dev/null
    as_root make -s -C "$srcdir" PG_CONFIG=/usr/lib/postgresql/"$PG_MAJOR"/bin/pg_config install >/dev/null
    log "pgvector $(basename "$srcdir" | sed 's/pgvector-//') installed"
  fi
fi

# Earlier versions of this script left their source list behind.
if [ -f "$src_list" ]; then
  log "removing the deb-src list an earlier set-up left in /etc/apt"
  remove_source_list
fi

# --- 3. databases with the extension --------------------------------------------------------
# Names go to psql as variables (:'db' quotes a literal, :"db" an identifier), never spliced
# into SQL, and must be plain identifiers in the first place.
for db in $DATABASES; do
  if [[ ! "$db" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]]; then
    log "not a database name: '$db' (letters, digits and _, not starting with a digit; at most 63)"; exit 2
  fi
done
for db in $DATABASES; do
  if [ "$(psql -d postgres -tA -v db="$db" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")" != "1" ]; then
    log "creating database $db"
    psql -d postgres -q -v ON_ERROR_STOP=1 -v db="$db" <<<'CREATE DATABASE :"db";'
  fi
  psql -d "$db" -q -c "CREATE EXTENSION IF NOT EXISTS vector" 2>&1 | grep -v 'already exists' >&2 || true
done
log "ready: PostgreSQL $PG_MAJOR on $PGHOST:$PGPORT, databases: $DATABASES"
