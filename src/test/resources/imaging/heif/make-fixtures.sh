#!/usr/bin/env bash
# Records the HEIC/AVIF fixtures of dev.glimpse.imaging.heif and their reference decodes (PNG, by libheif's heif-convert,
# called heif-dec in libheif 1.17 and later).
# Needs Debian's libheif-examples (libheif 1.15: heif-enc with x265 and aom, heif-convert with libde265 and dav1d).
# Run from this folder: bash make-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
python3 heif_fixtures.py .
for file in *.heic *.avif; do
    heif-convert "$file" "${file%.*}.${file##*.}.png" >/dev/null
done
rm -rf work
heif-info --version 2>/dev/null | head -1 || true
ls -l *.heic *.avif *.png
