#!/usr/bin/env bash
# Uploads every image in a folder (recursively) to a running Glimpse through its API, with a progress bar.
# Usage: src/main/scripts/bulk-import.sh FOLDER [BASE_URL]   (BASE_URL defaults to http://localhost:8080)
# Extra curl options (for example an API token header) can be given in GLIMPSE_CURL_OPTS.
set -euo pipefail
folder=${1:?usage: bulk-import.sh FOLDER [BASE_URL]}
base=${2:-http://localhost:8080}
read -r -a extra <<<"${GLIMPSE_CURL_OPTS:-}"

files=()
while IFS= read -r -d '' file; do files+=("$file"); done < <(
    find "$folder" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' -o -iname '*.webp' -o -iname '*.gif' \) \
        -print0 | sort -z)
total=${#files[@]}
if [ "$total" -eq 0 ]; then
    echo "No JPEG, PNG, WebP, GIF, HEIC or AVIF files in $folder"
    exit 0
fi

stored=0 duplicates=0 refused=0 done=0
for file in "${files[@]}"; do
    answer=$(curl -sS "${extra[@]}" -F "files=@${file}" "$base/api/images" 2>&1 || true)
    case "$answer" in
        *'"status":"stored"'*) stored=$((stored + 1)) ;;
        *'"status":"duplicate"'*) duplicates=$((duplicates + 1)) ;;
        *) refused=$((refused + 1)); printf '\n%s: %s\n' "$file" "$answer" >&2 ;;
    esac
    done=$((done + 1))
    percent=$((done * 100 / total))
    bar=$(printf '%*s' $((percent / 2)) '' | tr ' ' '#')
    printf '\r[%-50s] %3d%%  %d/%d' "$bar" "$percent" "$done" "$total"
done
printf '\nStored %d, already there %d, refused %d.\n' "$stored" "$duplicates" "$refused"
