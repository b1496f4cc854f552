#!/usr/bin/env bash
# Runs a command while every core is kept busy, as on a shared CI machine: one spinning process per core (or
# --spinners=N), each ended by `timeout` after --limit seconds (default 3600) at the latest and killed as soon as the
# command ends. Exits with the command's exit code. CI runs the integration tier through it a second time, so a test
# that passes only on a quiet machine fails there.
#   src/main/scripts/under-load.sh [--spinners=N] [--limit=SECONDS] COMMAND [ARG...]
set -uo pipefail

spinners="$(nproc)"
limit=3600
while [ $# -gt 0 ]; do
    case "$1" in
        --spinners=*) spinners="${1#--spinners=}"; shift ;;
        --limit=*) limit="${1#--limit=}"; shift ;;
        *) break ;;
    esac
done
if [ $# -eq 0 ]; then
    echo "usage: $0 [--spinners=N] [--limit=SECONDS] COMMAND [ARG...]" >&2
    exit 2
fi

pids=()
stop_spinners() {
    [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null
    wait "${pids[@]}" 2>/dev/null
    pids=()
}
trap stop_spinners EXIT
for _ in $(seq "$spinners"); do
    timeout "$limit" sh -c 'while :; do :; done' &
    pids+=($!)
done
echo "under-load: $spinners spinning processes (at most ${limit} s) while running: $*" >&2

started=$(date +%s)
"$@"
status=$?
stop_spinners
echo "under-load: the command ended with exit code $status after $(( $(date +%s) - started )) s" >&2
exit "$status"
