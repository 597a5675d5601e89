#!/usr/bin/env bash
# What Quarkus security costs by itself, next to issue 2's benchmark (bench/run.sh). Builds the app with
# bench/experiments/security-floor.patch applied (in a temporary git worktree; main never carries it), starts it with
# rate limiting off against the local PostgreSQL and Redis, and runs in ROUNDS rounds:
#   (a) GET /api/v1/ping                    no credentials
#   (f) GET /api/v1/floor, X-Floor: 1       @Authenticated; the patch's mechanism returns a constant identity
#   (k) GET /api/v1/auth/me, X-API-Key      @Authenticated through the real API-key mechanism, provider and cache
# and prints req/s and the app's CPU time per request. See bench/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

DURATION=${DURATION:-12s}
WARMUP=${WARMUP:-6s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}

BENCH_DB=hexcore_bench
APP_LOG=$BENCH_DIR/app-floor.log
WRK_RAW_LOG=$BENCH_DIR/wrk-floor-raw.log
RESULTS=$BENCH_DIR/last-floor-run.md
WORKTREE=$(mktemp -d)/hexcore-floor
BENCH_JAR=$WORKTREE/bootstrap/target/quarkus-app/quarkus-run.jar

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
bench_on_exit() { git -C "$ROOT" worktree remove --force "$WORKTREE" 2>/dev/null || true; }

need curl psql createdb pg_isready redis-cli python3 timeout awk sed grep git
check_load_knobs
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS='$ROUNDS' is not a positive integer"

use_jdk
log "building the patched app in $WORKTREE (HEAD plus bench/experiments/security-floor.patch)"
git -C "$ROOT" worktree add --detach "$WORKTREE" HEAD >&2
git -C "$WORKTREE" apply "$BENCH_DIR/experiments/security-floor.patch"
(cd "$WORKTREE" && ./mvnw -B -q package -DskipTests) || die "build of the patched app failed"
prepare_tools_and_services
ensure_database
prepare_run

: >"$WRK_RAW_LOG"
start_app HEXCORE_RATE_LIMIT_ENABLED=false
ADMIN_TOKEN=$(login)
API_KEY=$(create_api_key floor 100000000)
expect_2xx "(f) floor" /api/v1/floor -H "X-Floor: 1"
expect_2xx "(k) API key" /api/v1/auth/me -H "X-API-Key: $API_KEY"

declare -A RES=()
for (( round = 1; round <= ROUNDS; round++ )); do
  run_case a /api/v1/ping;                                   RES[a$round]=$CASE_RESULT
  run_case f /api/v1/floor -H "X-Floor: 1";                  RES[f$round]=$CASE_RESULT
  run_case k /api/v1/auth/me -H "X-API-Key: $API_KEY";       RES[k$round]=$CASE_RESULT
done

{
  printf '## Hexcore security floor %s\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'commit %s + security-floor.patch, rate limiting off, wrk -t%s -c%s, %s warm-up + %s per case.\n\n' \
    "$(git -C "$ROOT" rev-parse --short HEAD)" "$THREADS" "$CONNECTIONS" "$WARMUP" "$DURATION"
  printf '| round | a req/s | f req/s | k req/s | a CPU µs | f CPU µs | k CPU µs | f/a req/s | k/a req/s | a/f CPU | a/k CPU |\n'
  printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  for (( round = 1; round <= ROUNDS; round++ )); do
    a=${RES[a$round]} f=${RES[f$round]} k=${RES[k$round]}
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$round" \
      "$(field "$a" rps)" "$(field "$f" rps)" "$(field "$k" rps)" \
      "$(field "$a" app_cpu_us)" "$(field "$f" app_cpu_us)" "$(field "$k" app_cpu_us)" \
      "$(ratio "$(field "$f" rps)" "$(field "$a" rps)")" "$(ratio "$(field "$k" rps)" "$(field "$a" rps)")" \
      "$(ratio "$(field "$a" app_cpu_us)" "$(field "$f" app_cpu_us)")" "$(ratio "$(field "$a" app_cpu_us)" "$(field "$k" app_cpu_us)")"
  done
} | tee "$RESULTS"
log "results written to $RESULTS"
