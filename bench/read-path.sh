#!/usr/bin/env bash
# Issue 11: the read path against the floor this machine sets for the same work. One run: the packaged app (prod
# profile) on the local PostgreSQL and Redis, seeded with its own generated profiles; then, interleaved for ROUNDS
# rounds, pgbench running the app's own primary-key select on the same table and wrk on GET /api/v1/profiles/{id},
# GET /api/v1/profiles?limit=20 and GET /api/v1/auth/me (RS256 JWT). Before the rounds it restarts the app and records
# how long it takes from start to its steady figure. See bench/README.md; results in bench/last-read-path-run.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

# ---- knobs (environment) ------------------------------------------------------------------
# bench/lib.sh adds the shared ones: BENCH_PORT, STARTUP_TIMEOUT, BENCH_JAVA_OPTS, BENCH_JAR, BENCH_PROFILE.
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10s}                 # un-measured wrk run before each case
DURATION=${DURATION:-15s}             # measured wrk run per case, and the pgbench run
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-32}
PGBENCH_JOBS=${PGBENCH_JOBS:-2}
SEED_PROFILES=${SEED_PROFILES:-1000}  # stored profiles (a multiple of 100); the page's total counts all of them
CURVE_WINDOW=${CURVE_WINDOW:-2}       # seconds per sample of the warm-up curve
CURVE_SECONDS=${CURVE_SECONDS:-90}    # length of the warm-up curve
export BENCH_PROFILE=${BENCH_PROFILE:-prod}
export BENCH_GENERATE_JWT_KEYS=${BENCH_GENERATE_JWT_KEYS:-1}   # prod needs real keys: a throw-away pair

BENCH_DB=hexcore_bench_read
APP_LOG=$BENCH_DIR/app-read-path.log
WRK_RAW_LOG=$BENCH_DIR/wrk-read-path-raw.log
RESULTS=$BENCH_DIR/last-read-path-run.md

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# ---- preflight -----------------------------------------------------------------------------
need curl psql createdb dropdb pg_isready redis-cli python3 timeout awk sed grep pgbench
check_load_knobs
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS='$ROUNDS' is not a positive integer"
[[ "$SEED_PROFILES" =~ ^[1-9][0-9]*00$ ]] || die "SEED_PROFILES='$SEED_PROFILES' is not a positive multiple of 100"
[[ "$CURVE_WINDOW" =~ ^[1-9][0-9]*$ && "$CURVE_SECONDS" =~ ^[1-9][0-9]*$ ]] || die "CURVE_WINDOW and CURVE_SECONDS must be positive integers"
prepare_tools_and_services
recreate_database
prepare_run
: >"$WRK_RAW_LOG"
LOAD_BEFORE=$(uptime)

# ---- seed through the API, then start afresh -----------------------------------------------
start_app
ADMIN_TOKEN=$(login)
log "seeding $SEED_PROFILES profiles (generate count=100 persist=true, as the admin)"
for (( i = 0; i < SEED_PROFILES / 100; i++ )); do
  api POST /api/v1/profiles/generate '{"count":100,"persist":true}' -H "Authorization: Bearer $ADMIN_TOKEN"
  [[ "$HTTP_STATUS" == 201 ]] || die "seeding: POST /api/v1/profiles/generate answered $HTTP_STATUS: ${HTTP_BODY:0:300}"
done
PROFILE_ID=$(python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["items"][0]["id"])' <<<"$HTTP_BODY")
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -qc "vacuum analyze profiles" >/dev/null

log "restarting the app: start-up and warm-up are measured on a fresh JVM"
kill -TERM "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
APP_PID=""
start_ms=$(date +%s%3N)
start_app
READY_S=$(awk -v a="$start_ms" -v b="$(date +%s%3N)" 'BEGIN { printf "%.1f", (b - a) / 1000 }')

ADMIN_TOKEN=$(login)
BY_ID=/api/v1/profiles/$PROFILE_ID
PAGE='/api/v1/profiles?limit=20'
ME=/api/v1/auth/me
AUTH=(-H "Authorization: Bearer $ADMIN_TOKEN")
expect_2xx "by id" "$BY_ID" "${AUTH[@]}"
expect_2xx "page" "$PAGE" "${AUTH[@]}"
TOTAL=$(python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["total"])' <<<"$HTTP_BODY")
[[ "$TOTAL" == "$SEED_PROFILES" ]] || die "the page's total is $TOTAL, expected $SEED_PROFILES"
expect_2xx "me" "$ME" "${AUTH[@]}"

# ---- warm-up curve: GET by id in consecutive windows on the fresh JVM ------------------------
log "warm-up curve: GET by id, ${CURVE_WINDOW}s windows for ${CURVE_SECONDS}s (wrk -t$THREADS -c$CONNECTIONS)"
CURVE=()
for (( t = 0; t < CURVE_SECONDS; t += CURVE_WINDOW )); do
  out="$TMP_DIR/curve.out"
  BENCH_LABEL=curve run_wrk $(( CURVE_WINDOW + 30 )) "$out" -t "$THREADS" -c "$CONNECTIONS" --timeout 5s \
    -d "${CURVE_WINDOW}s" -s "$BENCH_DIR/report.lua" "${AUTH[@]}" "$BASE$BY_ID" || die "wrk (warm-up curve) failed: $(cat "$out")"
  CURVE+=("$(field "$(grep -m1 '^BENCH_RESULT ' "$out")" rps)")
done
# Steady figure: the median of the second half of the curve. Time to it: the end of the first three windows whose
# median reaches 90 % of it (a median, so one window slowed by the rest of the host neither ends nor hides warm-up).
read -r STEADY_RPS STEADY_AT < <(python3 - "$CURVE_WINDOW" "${CURVE[@]}" <<'PY'
import statistics, sys
window, rates = int(sys.argv[1]), [float(r) for r in sys.argv[2:]]
steady = statistics.median(rates[len(rates) // 2:])
at = next((i + 3 for i in range(len(rates) - 2) if statistics.median(rates[i:i + 3]) >= 0.9 * steady), len(rates))
print(f"{steady:.0f} {at * window}")
PY
)
log "steady ~$STEADY_RPS req/s, reached after ${STEADY_AT}s of load (ready after ${READY_S}s)"

# ---- rounds --------------------------------------------------------------------------------
printf "select id, payload::text as payload, source_key, created_at, expires_at from profiles where id = :id and deleted_at is null and (expires_at is null or expires_at > now())\n" \
  >"$TMP_DIR/by-id.sql"
declare -A RES=()
for (( round = 1; round <= ROUNDS; round++ )); do
  log "round $round of $ROUNDS: pgbench -n -M prepared -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS -T $DURATION_S"
  run_waited $(( DURATION_S + 60 )) "$TMP_DIR/pgbench.out" pgbench -n -M prepared -c "$PGBENCH_CLIENTS" -j "$PGBENCH_JOBS" \
    -T "$DURATION_S" -D id="$PROFILE_ID" -f "$TMP_DIR/by-id.sql" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$BENCH_DB" \
    || die "pgbench failed: $(cat "$TMP_DIR/pgbench.out")"
  cat "$TMP_DIR/pgbench.out" >>"$WRK_RAW_LOG"
  RES[pg$round]=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$TMP_DIR/pgbench.out" | head -n1)
  RES[pglat$round]=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$TMP_DIR/pgbench.out" | head -n1)
  [[ -n "${RES[pg$round]}" ]] || die "no tps in the pgbench output: $(cat "$TMP_DIR/pgbench.out")"
  ADMIN_TOKEN=$(login)   # fresh token: a 15-minute token could expire mid-run
  AUTH=(-H "Authorization: Bearer $ADMIN_TOKEN")
  run_case id "$BY_ID" "${AUTH[@]}";  RES[id$round]=$CASE_RESULT
  run_case page "$PAGE" "${AUTH[@]}"; RES[page$round]=$CASE_RESULT
  run_case me "$ME" "${AUTH[@]}";     RES[me$round]=$CASE_RESULT
done
LOAD_AFTER=$(uptime)

# ---- report --------------------------------------------------------------------------------
cell() {  # cell <BENCH_RESULT line> <pgbench tps>: "req/s | p99 | ratio | µs"
  printf '%s | %s | %s | %s' "$(field "$1" rps)" "$(field "$1" p99_ms)" "$(ratio "$(field "$1" rps)" "$2")" "$(field "$1" app_cpu_us)"
}
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
last=$ROUNDS
{
  printf '## Hexcore read path %s\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'commit %s, JDK %s, profile %s, %s CPUs shared by the app, PostgreSQL, Redis, pgbench and wrk; %s profiles seeded.\n' \
    "$commit" "$(java_major "$JAVA_HOME")" "$BENCH_PROFILE" "$(nproc)" "$SEED_PROFILES"
  printf 'wrk -t%s -c%s, %s warm-up + %s per case; pgbench -n -M prepared -c %s -j %s -T %s (the same select).\n\n' \
    "$THREADS" "$CONNECTIONS" "$WARMUP" "$DURATION" "$PGBENCH_CLIENTS" "$PGBENCH_JOBS" "$DURATION_S"
  printf 'uptime before: %s\nuptime after:  %s\n\n' "$LOAD_BEFORE" "$LOAD_AFTER"
  printf '| round | pgbench tps | by id req/s | p99 ms | × pgbench | app µs/req | page of 20 req/s | p99 ms | × pgbench | app µs/req | /auth/me req/s | p99 ms | × pgbench | app µs/req |\n'
  printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  for (( round = 1; round <= ROUNDS; round++ )); do
    pg=${RES[pg$round]}
    printf '| %s | %s | %s | %s | %s |\n' "$round" "$pg" "$(cell "${RES[id$round]}" "$pg")" \
      "$(cell "${RES[page$round]}" "$pg")" "$(cell "${RES[me$round]}" "$pg")"
  done
  printf '\nWarm-up: ready %s s after start; GET by id then reached its steady figure (%s req/s, the median of the second\n' "$READY_S" "$STEADY_RPS"
  printf 'half of the curve) after %s s of load (the first three %s s windows with a median of 90 %% of it).\n' "$STEADY_AT" "$CURVE_WINDOW"
  printf 'Curve (req/s per %s s window): %s\n\n' "$CURVE_WINDOW" "${CURVE[*]}"
  id_rps=$(field "${RES[id$last]}" rps) id_p99=$(field "${RES[id$last]}" p99_ms)
  printf '| goal (round %s) | measured | verdict |\n|---|---|---|\n' "$last"
  printf '| GET by id ≥ 0.25 × pgbench | %s × | %s |\n' "$(ratio "$id_rps" "${RES[pg$last]}")" \
    "$(awk -v r="$(ratio "$id_rps" "${RES[pg$last]}")" 'BEGIN { print (r >= 0.25 ? "met" : "missed") }')"
  printf '| GET by id p99 ≤ 25 ms | %s ms | %s |\n' "$id_p99" "$(awk -v p="$id_p99" 'BEGIN { print (p <= 25 ? "met" : "missed") }')"
  printf '\npgbench latency average (ms) per round: %s. Raw output: %s\n' \
    "$(for (( r = 1; r <= ROUNDS; r++ )); do printf '%s ' "${RES[pglat$r]}"; done)" "${WRK_RAW_LOG#"$ROOT"/}"
} | tee "$RESULTS"

for (( round = 1; round <= ROUNDS; round++ )); do
  for c in id page me; do warn_non2xx "$c (round $round)" "${RES[$c$round]}"; done
done
log "results written to $RESULTS"
