# shellcheck shell=bash
# Finds a JDK >= 21 (the build's enforcer rule and the packaged app need it). Sourced by .ci/run and ./hexcore;
# defines functions only.
#
#   source scripts/jdk.sh; select_jdk || exit 1   # exports JAVA_HOME and JAVA_MAJOR, puts its bin first on PATH

MIN_JAVA=${MIN_JAVA:-21}
PREFERRED_JDK=${PREFERRED_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
JVM_DIR=${JVM_DIR:-/usr/lib/jvm}

# Prints the feature release (17, 21, 25, ...) of the JDK at $1, or nothing.
java_major() {
  local home=$1 line version
  [[ -x "$home/bin/java" ]] || return 0
  line=$("$home/bin/java" -version 2>&1 | grep -m1 -E 'version "[^"]+"' || true)
  version=${line#*version \"}
  version=${version%%\"*}
  [[ -n "$version" && "$version" != "$line" ]] || return 0
  case "$version" in
    1.*) version=${version#1.}; printf '%s\n' "${version%%[!0-9]*}" ;;  # 1.8.0_x -> 8
    *)   printf '%s\n' "${version%%[!0-9]*}" ;;                       # 21.0.4 / 25-ea -> 21 / 25
  esac
}

# Whether the JDK at $1 is >= MIN_JAVA; if so, its feature release is left in OK_MAJOR.
jdk_ok() {
  local major
  major=$(java_major "$1")
  [[ -n "$major" ]] && (( major >= MIN_JAVA )) || return 1
  OK_MAJOR=$major
}

# Exports JAVA_HOME (and PATH) for the first JDK >= 21 among: $JAVA_HOME, $PREFERRED_JDK, then the highest version
# among $JVM_DIR/*/, and JAVA_MAJOR, its feature release. Prints why and returns 1 when there is none.
select_jdk() {
  local candidate best="" best_major=0 major
  if [[ -n "${JAVA_HOME:-}" ]] && jdk_ok "$JAVA_HOME"; then
    best=$JAVA_HOME best_major=$OK_MAJOR
  elif jdk_ok "$PREFERRED_JDK"; then
    best=$PREFERRED_JDK best_major=$OK_MAJOR
  else
    for candidate in "$JVM_DIR"/*/; do
      candidate=${candidate%/}
      major=$(java_major "$candidate")
      if [[ -n "$major" ]] && (( major >= MIN_JAVA && major > best_major )); then
        best=$candidate best_major=$major
      fi
    done
  fi
  if [[ -z "$best" ]]; then
    printf 'no JDK >= %s found (checked JAVA_HOME=%q, %s and %s/*/); install one or set JAVA_HOME\n' \
      "$MIN_JAVA" "${JAVA_HOME:-}" "$PREFERRED_JDK" "$JVM_DIR" >&2
    return 1
  fi
  export JAVA_HOME=$best JAVA_MAJOR=$best_major
  export PATH="$JAVA_HOME/bin:$PATH"
}
