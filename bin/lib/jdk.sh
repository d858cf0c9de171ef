# Sourced by the bin/ scripts: finds a JDK 25 or newer and sets JAVA_HOME and JAVA.
# Order: $JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/*.

tdsl_java_feature() {  # prints the feature release of the java binary $1 (17, 25, ...)
  # The JDK's release file answers without starting a JVM (which costs a good part of a
  # second on a busy machine); ask the JVM itself only when there is no such file.
  local release line
  release="${1%/bin/*}/release"
  if [ -r "$release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=*) line=${line#JAVA_VERSION=}; line=${line//\"/}; line=${line#1.}
          echo "${line%%[.+-]*}"; return ;;
      esac
    done <"$release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

tdsl_find_jdk() {
  local candidates=() c home v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  c=$(command -v java 2>/dev/null) && c=$(readlink -f "$c") && candidates+=("${c%/bin/java}")
  for home in /usr/lib/jvm/*; do candidates+=("$home"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    v=$(tdsl_java_feature "$home/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      JAVA_HOME="$home"; JAVA="$home/bin/java"; export JAVA_HOME
      return 0
    fi
  done
  cat >&2 <<'MSG'
tdsl: no JDK 25 found (looked at $JAVA_HOME, `java` on PATH and /usr/lib/jvm/*).
Install one, for example Eclipse Temurin 25 (https://adoptium.net) or your system's
openjdk-25-jdk package, then set JAVA_HOME to it or put its bin/ on PATH.
MSG
  return 1
}
