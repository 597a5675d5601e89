#!/usr/bin/env bash
# Hexcore HTTP micro-benchmark: packaged JVM app + real PostgreSQL/Redis on 127.0.0.1, load from wrk.
# See bench/README.md. Every request goes to 127.0.0.1; the app is stopped on exit.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

# ---- knobs (environment) ------------------------------------------------------------------
# bench/lib.sh adds the shared ones: BENCH_PORT, STARTUP_TIMEOUT, BENCH_JAVA_OPTS, BENCH_GENERATE_JWT_KEYS, BENCH_JAR.
DURATION=${DURATION:-20s}            # measured wrk run per case
WARMUP=${WARMUP:-5s}                 # un-measured wrk run before each case
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
# Rounds of all four cases in one app run. Round 1 measures (a) in a JVM that has run nothing else, whose JIT has
# compiled the shared request pipeline for the ping alone; from round 2 on every case meets code compiled for all four.
ROUNDS=${ROUNDS:-1}
# Per-minute limit of the "bench" API key (the domain caps keys at 100000000/min, ApiKey.MAX_RATE_LIMIT_PER_MIN).
BENCH_KEY_RATE_LIMIT=${BENCH_KEY_RATE_LIMIT:-100000000}

BENCH_DB=hexcore_bench
APP_LOG=$BENCH_DIR/app.log
WRK_RAW_LOG=$BENCH_DIR/wrk-raw.log
RESULTS=$BENCH_DIR/last-run.md

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# ---- preflight -----------------------------------------------------------------------------
need curl psql createdb pg_isready redis-cli python3 timeout awk sed grep
check_load_knobs

prepare_tools_and_services
ensure_database
prepare_run

# ---- start the app -------------------------------------------------------------------------
: >"$WRK_RAW_LOG"
# shellcheck disable=SC2119  # start_app's arguments are extra environment; run.sh adds none
start_app

# ---- credentials ---------------------------------------------------------------------------
ADMIN_TOKEN=$(login)
log "logged in as $ADMIN_USER"

API_KEY=$(create_api_key bench "$BENCH_KEY_RATE_LIMIT")
LIMITED_KEY=$(create_api_key bench-limited 1)
log "created API keys 'bench' ($BENCH_KEY_RATE_LIMIT/min) and 'bench-limited' (1/min)"

expect_2xx "(a) ping" /api/v1/ping
expect_2xx "(b) JWT" /api/v1/auth/me -H "Authorization: Bearer $ADMIN_TOKEN"
expect_2xx "(c) API key" /api/v1/auth/me -H "X-API-Key: $API_KEY"
limited_statuses=()
for _ in 1 2 3; do
  api GET /api/v1/auth/me "" -H "X-API-Key: $LIMITED_KEY"
  limited_statuses+=("$HTTP_STATUS")
done
if [[ " ${limited_statuses[*]} " == *" 429 "* ]]; then
  log "limited key answers ${limited_statuses[*]} (429 seen)"
else
  warn "limited key answered ${limited_statuses[*]} to 3 quick requests; expected a 429"
fi

# ---- load ----------------------------------------------------------------------------------
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS='$ROUNDS' is not a positive integer"
log "wrk: $THREADS threads, $CONNECTIONS connections, $WARMUP warm-up + $DURATION per case, $ROUNDS round(s), $(nproc) CPUs shared with the app"
declare -A RES=()
for (( round = 1; round <= ROUNDS; round++ )); do
  (( ROUNDS == 1 )) || log "round $round of $ROUNDS"
  run_case a /api/v1/ping
  RES[a$round]=$CASE_RESULT
  ADMIN_TOKEN=$(login)   # fresh token, so a short token lifetime cannot expire during case (b)
  run_case b /api/v1/auth/me -H "Authorization: Bearer $ADMIN_TOKEN"
  RES[b$round]=$CASE_RESULT
  run_case c /api/v1/auth/me -H "X-API-Key: $API_KEY"
  RES[c$round]=$CASE_RESULT
  run_case d /api/v1/auth/me -H "X-API-Key: $LIMITED_KEY"
  RES[d$round]=$CASE_RESULT
done
# The last round is the one the checks below look at.
RES_A=${RES[a$ROUNDS]} RES_B=${RES[b$ROUNDS]} RES_C=${RES[c$ROUNDS]} RES_D=${RES[d$ROUNDS]}

row() {  # row <id> <description> <BENCH_RESULT line> [<round>]
  printf '| %s%s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "${4:+ (round $4)}" "$2" \
    "$(field "$3" rps)" "$(field "$3" app_cpu_us)" "$(field "$3" p50_ms)" "$(field "$3" p99_ms)" \
    "$(field "$3" requests)" "$(field "$3" non2xx)" "$(field "$3" socket_errors)"
}

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  printf '## Hexcore bench %s\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'commit %s, JDK %s, %s CPUs, wrk -t%s -c%s, %s warm-up + %s per case, %s round(s), app and wrk on the same host.\n\n' \
    "$commit" "$(java_major "$JAVA_HOME")" "$(nproc)" "$THREADS" "$CONNECTIONS" "$WARMUP" "$DURATION" "$ROUNDS"
  printf '| case | request | req/s | app CPU µs/request | p50 ms | p99 ms | requests | non-2xx | socket errors |\n'
  printf '|---|---|---:|---:|---:|---:|---:|---:|---:|\n'
  for (( round = 1; round <= ROUNDS; round++ )); do
    r=$round; (( ROUNDS == 1 )) && r=""
    row a 'GET /api/v1/ping (no auth)' "${RES[a$round]}" "$r"
    row b 'GET /api/v1/auth/me, Bearer JWT' "${RES[b$round]}" "$r"
    row c 'GET /api/v1/auth/me, X-API-Key' "${RES[c$round]}" "$r"
    row d 'GET /api/v1/auth/me, X-API-Key limited to 1/min (expect 429)' "${RES[d$round]}" "$r"
  done
  printf '\n'
  printf '| round | (b)/(a) JWT vs bare, req/s | (c)/(a) API key vs bare, req/s | (a)/(b) app CPU per request | (a)/(c) app CPU per request |\n'
  printf '|---|---:|---:|---:|---:|\n'
  for (( round = 1; round <= ROUNDS; round++ )); do
    printf '| %s | %s | %s | %s | %s |\n' "$round" \
      "$(ratio "$(field "${RES[b$round]}" rps)" "$(field "${RES[a$round]}" rps)")" \
      "$(ratio "$(field "${RES[c$round]}" rps)" "$(field "${RES[a$round]}" rps)")" \
      "$(ratio "$(field "${RES[a$round]}" app_cpu_us)" "$(field "${RES[b$round]}" app_cpu_us)")" \
      "$(ratio "$(field "${RES[a$round]}" app_cpu_us)" "$(field "${RES[c$round]}" app_cpu_us)")"
  done
  printf '\nThe CPU ratios are what the req/s ratios would be if the app had the cores to itself (wrk shares them here).\n'
  printf '\nnon-2xx = responses with status >= 400 (wrk errors.status). Raw wrk output: bench/wrk-raw.log\n'
} | tee "$RESULTS"

for id in a b c; do
  var=RES_${id^^}
  warn_non2xx "$id" "${!var}"
done
[[ "$(field "$RES_C" non2xx)" == 0 ]] || warn "case (c) may have hit the bench key's own limit ($BENCH_KEY_RATE_LIMIT/min)"
[[ "$(field "$RES_D" non2xx)" != 0 ]] || warn "case (d) had no non-2xx responses: the 1/min key was not rate limited"
log "results written to $RESULTS"
