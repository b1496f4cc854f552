#!/usr/bin/env bash
# Memory of a running Glimpse under a fixed workload, measured from outside the process:
#   1. start the jar (Native Memory Tracking on) with the given caption, speech and embedding models;
#   2. upload IMAGES generated 320x240 PNGs in one request and wait until all are READY;
#   3. send VOICE voice searches with the given recording;
#   4. stay idle for IDLE seconds;
# and print the process RSS at each moment, the peak (VmHWM), and where the memory is: what the JVM accounts for
# (Native Memory Tracking: heap, direct buffers = model weights, threads, code, metaspace, GC) and what it cannot
# see (libtorch's activations and the C allocator's arenas: anonymous memory minus what NMT reports).
#
# usage: src/main/scripts/memory-bench.sh CAPTION_MODEL SPEECH_MODEL EMBEDDING_MODEL RECORDING [--name=value ...]
#   env: JAR (default target/glimpse-0.1.0-SNAPSHOT.jar), IMAGES (16), VOICE (4), IDLE (60), PORT (18090),
#        JAVA_OPTS (extra JVM options), KEEP_DATA=1 to keep the temporary data folder
# example (random full-size weights, see README "Tools"):
#   src/main/scripts/memory-bench.sh models/random-blip-base models/random-whisper-base \
#       src/test/fixtures/models/all-MiniLM-L6-v2 src/test/fixtures/media/speech-red-car-22khz.wav
set -euo pipefail
caption=${1:?usage: memory-bench.sh CAPTION_MODEL SPEECH_MODEL EMBEDDING_MODEL RECORDING [--name=value ...]}
speech=${2:?missing SPEECH_MODEL}
embedding=${3:?missing EMBEDDING_MODEL}
recording=${4:?missing RECORDING}
shift 4
jar=${JAR:-target/glimpse-0.1.0-SNAPSHOT.jar}
images=${IMAGES:-16}
voice=${VOICE:-4}
idle=${IDLE:-60}
port=${PORT:-18090}
base="http://localhost:$port"
work=$(mktemp -d)

# shellcheck disable=SC2317
cleanup() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    [ "${KEEP_DATA:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

mb() { echo $(( $1 / 1024 )); }
status_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$pid/status"; }
rollup_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$pid/smaps_rollup"; }
moment() { printf '| %s | %s | %s |\n' "$1" "$(mb "$(status_kb VmRSS)")" "$(mb "$(status_kb VmHWM)")"; }

# 320x240 PNGs, each different, written by a single-file Java program (no other tool needed)
cat > "$work/Images.java" <<'EOF'
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class Images {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        for (int n = 0; n < count; n++) {
            BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(Color.getHSBColor(n / (float) count, 0.6f, 0.9f));
            g.fillRect(0, 0, 320, 240);
            g.setColor(Color.getHSBColor(1 - n / (float) count, 0.8f, 0.4f));
            g.fillOval(40 + 7 * n, 30 + 3 * n, 120, 90);
            g.dispose();
            ImageIO.write(image, "png", new File(args[0], "image-" + n + ".png"));
        }
    }
}
EOF
mkdir -p "$work/images"
java "$work/Images.java" "$work/images" "$images"

java -XX:NativeMemoryTracking=summary --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
    -Dai.djl.offline=true ${JAVA_OPTS:-} -jar "$jar" \
    --server.port="$port" --glimpse.models.offline=true --glimpse.examples.enabled=false \
    --glimpse.rate-limit.enabled=false \
    --glimpse.caption.model="$caption" --glimpse.speech.model="$speech" --glimpse.embedding.model="$embedding" \
    --glimpse.database.embedded.data-directory="$work/postgres" --glimpse.storage.local.root="$work/blobs" \
    --glimpse.index.directory="$work/index" "$@" > "$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
    curl -fs "$base/actuator/health" > /dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "the app stopped; its log:" >&2; tail -40 "$work/app.log" >&2; exit 1; }
    sleep 1
done

echo "| moment | process RSS (MB) | peak so far (MB) |"
echo "|---|---:|---:|"
moment "started, no model loaded"

if [ "$images" -gt 0 ]; then
    args=()
    for file in "$work"/images/*.png; do args+=(-F "files=@$file"); done
    ids=$(curl -sS "${args[@]}" "$base/api/images" | grep -o '"status":"stored","id":"[0-9a-f-]*"' \
        | sed 's/.*"id":"//; s/"//')
    for id in $ids; do
        until curl -sS "$base/api/images/$id" | grep -q '"status":"\(READY\|FAILED\)"'; do sleep 0.2; done
    done
    moment "$(echo "$ids" | grep -c .) images uploaded together, all READY"
fi

for n in $(seq 1 "$voice"); do
    curl -sS -o /dev/null -F "audio=@$recording" "$base/api/search/voice"
    [ "$n" = 1 ] && moment "then 1 voice search"
done
moment "then $voice voice searches"
peak=$(status_kb VmHWM)

for ((waited = 0; waited < idle; waited += 10)); do sleep 10; done
moment "then ${idle} s idle"
echo
echo "Peak RSS (VmHWM): $(mb "$peak") MB"
echo

nmt=$(jcmd "$pid" VM.native_memory summary scale=KB 2>/dev/null || true)
category() { echo "$nmt" | awk -v name="$1" '$0 ~ "^-[ ]*" name " \\(" { sub(/.*committed=/, ""); sub(/KB.*/, ""); print; exit }'; }
total=$(echo "$nmt" | awk '/^Total:/ { sub(/.*committed=/, ""); sub(/KB.*/, ""); print; exit }')
anon=$(rollup_kb Anonymous)
echo "Where the memory is after the idle period (committed as Native Memory Tracking reports it; RSS from smaps):"
echo
echo "| part | MB |"
echo "|---|---:|"
for name in "Java Heap" "Other" "Thread" "Code" "Class" "Metaspace" "GC" "Internal" "Symbol" "Arena Chunk"; do
    value=$(category "$name")
    [ -n "$value" ] && printf '| JVM: %s%s | %s |\n' "$name" "$([ "$name" = Other ] && echo ' (direct buffers: model weights)')" "$(mb "$value")"
done
printf '| JVM total (NMT committed) | %s |\n' "$(mb "${total:-0}")"
printf '| anonymous memory (smaps) | %s |\n' "$(mb "$anon")"
printf '| outside the JVM: libtorch activations, C allocator arenas and caches (anonymous − NMT) | %s |\n' \
    "$(mb $(( anon - ${total:-0} )))"
printf '| file-backed resident (libraries, jar) | %s |\n' "$(mb $(( $(rollup_kb Rss) - anon )))"
