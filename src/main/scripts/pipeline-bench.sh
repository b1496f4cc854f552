#!/usr/bin/env bash
# Measures a running Glimpse end to end through its API: time from the upload request to READY for one image, and
# images per minute for a batch uploaded together. Images must be new to the library (duplicates are not captioned).
# Usage: src/main/scripts/pipeline-bench.sh SINGLE_IMAGE BATCH_FOLDER [BASE_URL]
set -euo pipefail
single=${1:?usage: pipeline-bench.sh SINGLE_IMAGE BATCH_FOLDER [BASE_URL]}
batch=${2:?usage: pipeline-bench.sh SINGLE_IMAGE BATCH_FOLDER [BASE_URL]}
base=${3:-http://localhost:8080}

now_ms() { date +%s%3N; }
id_of() { sed -n 's/.*"status":"stored","id":"\([0-9a-f-]*\)".*/\1/p'; }
wait_ready() {
    local id=$1
    while true; do
        case "$(curl -sS "$base/api/images/$id")" in
            *'"status":"READY"'*) return 0 ;;
            *'"status":"FAILED"'*) echo "image $id failed" >&2; return 1 ;;
        esac
        sleep 0.05
    done
}

start=$(now_ms)
id=$(curl -sS -F "files=@$single" "$base/api/images" | id_of)
[ -n "$id" ] || { echo "$single was not stored (already in the library?)" >&2; exit 1; }
wait_ready "$id"
echo "one image: upload request to READY in $(( $(now_ms) - start )) ms"

args=()
for file in "$batch"/*; do args+=(-F "files=@$file"); done
start=$(now_ms)
ids=$(curl -sS "${args[@]}" "$base/api/images" | grep -o '"status":"stored","id":"[0-9a-f-]*"' | sed 's/.*"id":"//; s/"//')
count=$(echo "$ids" | grep -c . || true)
for id in $ids; do wait_ready "$id"; done
elapsed=$(( $(now_ms) - start ))
echo "batch: $count images READY in $elapsed ms = $(( count * 60000 / (elapsed > 0 ? elapsed : 1) )) images per minute"
