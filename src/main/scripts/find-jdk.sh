#!/usr/bin/env bash
# Prints the home of a JDK 25 or newer: $JAVA_HOME if it is one, else the `java` on the PATH, else the usual
# install locations (Debian/Ubuntu packages, Temurin, SDKMAN, macOS). Exits 1 with a hint when there is none.
#   export JAVA_HOME="$(src/main/scripts/find-jdk.sh)"
set -uo pipefail

required=25

feature_version() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F' = ' '/java.specification.version/ { split($2, v, "."); print v[1] }'
}

is_jdk() {
    [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    local version
    version="$(feature_version "$1")"
    [ -n "$version" ] && [ "$version" -ge "$required" ]
}

candidates=("${JAVA_HOME:-}")
if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi
for pattern in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/Library/Java/JavaVirtualMachines/*/Contents/Home; do
    candidates+=("$pattern")
done

for candidate in "${candidates[@]}"; do
    if is_jdk "$candidate"; then
        echo "$candidate"
        exit 0
    fi
done

echo "No JDK $required or newer found (looked at JAVA_HOME, the PATH, /usr/lib/jvm, /opt, SDKMAN and macOS" \
    "locations). Install one, e.g. Eclipse Temurin $required (https://adoptium.net) or 'sdk install java" \
    "$required-tem', and set JAVA_HOME." >&2
exit 1
