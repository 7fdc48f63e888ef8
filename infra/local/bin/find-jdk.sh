#!/usr/bin/env bash
# Prints the path of a JDK >= 21 (the build needs it; many machines default to 17).
# Order: $JAVA_HOME if new enough, `java` on the PATH, then the usual install locations
# (highest version wins). Exits 1 with a clear message when none is found.
set -euo pipefail
MIN=21

major_of() { # $1 = JDK home; prints the feature version or nothing
  local home=$1 v=""
  [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java.specification.version = \([0-9][0-9]*\).*/\1/p')
  fi
  printf '%s' "$v"
}

ok() { local v; v=$(major_of "$1"); [ -n "$v" ] && [ "$v" -ge "$MIN" ]; }

if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi

if command -v javac >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if ok "$home"; then echo "$home"; exit 0; fi
fi

best="" best_v=0
for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
            "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$home" ] || continue
  v=$(major_of "$home")
  if [ -n "$v" ] && [ "$v" -ge "$MIN" ] && [ "$v" -gt "$best_v" ]; then best=$home best_v=$v; fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi

echo "No JDK >= $MIN found (checked \$JAVA_HOME, the PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
echo "Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME to it." >&2
exit 1
