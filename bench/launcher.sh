#!/usr/bin/env bash
# Measures README command 1 when nothing changed: the time from `./hexcore run` to a ready service
# (GET /q/health/ready answers 200), the memory of everything the command keeps running (the app's JVM and the
# embedded PostgreSQL's processes), and a clean stop on Ctrl-C (SIGINT to the command's process group, as a terminal
# sends it). Results go to bench/last-launcher-run.md; docs/benchmarks.md quotes them.
#
#   bench/launcher.sh                 # ROUNDS=5 starts after one untimed start that builds and creates the database
#   ROUNDS=3 LAUNCHER_PORT=18090 bench/launcher.sh
#   JAVA_OPTS='-XX:TieredStopAtLevel=1' bench/launcher.sh   # flags are passed on by ./hexcore
#
# The data folder is a fresh temporary one (HEXCORE_DATA_DIR), so the first, untimed start pays for initdb and the
# migrations, and the timed ones measure what a user sees on every later start.
set -euo pipefail
set -m   # each start in its own process group, with SIGINT not ignored, like a command typed in a terminal

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
ROUNDS=${ROUNDS:-5}
PORT=${LAUNCHER_PORT:-18090}
RESULTS=$BENCH_DIR/last-launcher-run.md
LOG=$BENCH_DIR/app-launcher.log
DATA=$(mktemp -d)/data
PID=""

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

cleanup() {
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then kill -TERM -- "-$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$(dirname "$DATA")"
}
trap cleanup EXIT

[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS='$ROUNDS' is not a positive integer"
for tool in curl python3 awk; do command -v "$tool" >/dev/null || die "$tool is required"; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/" && die "port $PORT is in use; set LAUNCHER_PORT"
# shellcheck source=../scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
select_jdk || die "no JDK >= $MIN_JAVA"
JDK=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)

now_ms() { date +%s%3N; }

# The embedded PostgreSQL's postmaster (from its postmaster.pid) and its children.
postgres_pids() {
  local postmaster
  [[ -f "$DATA/postgres/postmaster.pid" ]] || return 0
  postmaster=$(head -n1 "$DATA/postgres/postmaster.pid")
  kill -0 "$postmaster" 2>/dev/null || return 0
  printf '%s\n' "$postmaster"
  ps -o pid= --ppid "$postmaster" | tr -d ' '
}

# "<rss_mb> <pss_mb>" summed over the given pids (PSS shares PostgreSQL's shared buffers fairly among its processes).
memory_mb() {
  local pid rss=0 pss=0 r p
  for pid in "$@"; do
    r=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    p=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    rss=$((rss + ${r:-0})) pss=$((pss + ${p:-0}))
  done
  printf '%d %d\n' $((rss / 1024)) $((pss / 1024))
}

# CPU seconds (user + system) the process has used so far: on a busy machine a steadier figure than wall time.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz}' "/proc/$1/stat"
}

# Starts ./hexcore run; sets PID (the command's process, which execs into the JVM) and READY_MS.
start() {
  local t0
  t0=$(now_ms)
  HEXCORE_DATA_DIR=$DATA QUARKUS_HTTP_PORT=$PORT "$ROOT/hexcore" run >>"$LOG" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { tail -n 30 "$LOG" >&2; die "./hexcore run exited before it was ready"; }
    (( $(now_ms) - t0 < 300000 )) || die "not ready after 300 s"
    sleep 0.05
  done
  READY_MS=$(( $(now_ms) - t0 ))
}

# Ctrl-C to the command's process group; sets STOP_MS, EXIT_CODE and PG_LEFT (PostgreSQL processes still running).
interrupt() {
  local t0
  t0=$(now_ms)
  EXIT_CODE=0
  kill -INT -- "-$PID"
  wait "$PID" || EXIT_CODE=$?
  STOP_MS=$(( $(now_ms) - t0 ))
  PG_LEFT=$(postgres_pids | wc -l)
  PID=""
}

: >"$LOG"
log "building if needed: ./hexcore build"
"$ROOT/hexcore" build
log "untimed first start (initdb and migrations) in $DATA"
start
first=$READY_MS
interrupt
log "first start: $first ms to ready (exit code on Ctrl-C: $EXIT_CODE)"

rows=()
for (( round = 1; round <= ROUNDS; round++ )); do
  start
  app_cpu=$(cpu_seconds "$PID")
  mapfile -t pg < <(postgres_pids)
  read -r app_rss app_pss < <(memory_mb "$PID")
  read -r pg_rss pg_pss < <(memory_mb "${pg[@]}")
  java_count=$({ pgrep -f "$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar" || true; } | wc -l)
  maven_count=$({ pgrep -f "maven.multiModuleProjectDirectory=$ROOT" || true; } | wc -l)
  interrupt
  log "round $round: ready in $READY_MS ms (app CPU $app_cpu s); app RSS $app_rss MB, PostgreSQL (${#pg[@]} processes) RSS $pg_rss MB / PSS $pg_pss MB; Ctrl-C: exit $EXIT_CODE in $STOP_MS ms, $PG_LEFT PostgreSQL processes left"
  rows+=("| $round | $READY_MS | $app_cpu | $app_rss | $pg_rss | $pg_pss | $((app_pss + pg_pss)) | ${#pg[@]} | $java_count | $maven_count | $EXIT_CODE | $STOP_MS | $PG_LEFT |")
done

noise=$(grep -c -E 'BUILD FAILURE|ERROR' "$LOG" || true)
median=$(printf '%s\n' "${rows[@]}" | awk -F'|' '{print $3+0}' | sort -n \
  | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
{
  echo "# ./hexcore run, nothing changed ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD))"
  echo
  echo "Command: \`bench/launcher.sh\` (ROUNDS=$ROUNDS). JDK: $JDK."
  echo "CPUs: $(nproc); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). JAVA_OPTS: '${JAVA_OPTS:-}'."
  echo "First start (initdb, migrations; not counted): $first ms."
  echo
  echo "| round | ms to ready | app CPU s to ready | app RSS MB | PostgreSQL RSS MB | PostgreSQL PSS MB | total PSS MB | PostgreSQL processes | app JVMs | Maven JVMs | exit code on Ctrl-C | ms to stop | PostgreSQL left |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Median time to ready: $median ms. Lines with ERROR or BUILD FAILURE in the output of all starts and stops: $noise."
} >"$RESULTS"
cat "$RESULTS"
