#!/usr/bin/env bash
# Hexcore courses benchmark (issue 13): GET /api/v1/path/ for a course of 5 sections x 4 units x 3 levels with
# progress, next to GET /api/v1/auth/me in the same run (same user, same bearer token).
#   (1) SQL statements per request, counted: PostgreSQL's committed transactions on the bench database over N
#       sequential requests, minus the same idle period's (the read path runs in autocommit, one statement per
#       transaction; ADR 0015/0018);
#   (2) req/s and latency percentiles with wrk (warm-up, then the measured run) for both routes.
# Goal of the issue: GET /path/ at least half of /auth/me's req/s. Do not run it on a busy host.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
COUNT_REQUESTS=${COUNT_REQUESTS:-200}   # sequential requests whose statements are counted
COUNT_ONLY=${COUNT_ONLY:-0}             # 1: count the statements, skip wrk (light enough for a busy host)

BENCH_DB=hexcore_bench_courses
APP_LOG=$BENCH_DIR/app-courses.log
WRK_RAW_LOG=$BENCH_DIR/wrk-courses-raw.log
RESULTS=$BENCH_DIR/last-courses-run.md

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

need curl psql createdb dropdb pg_isready redis-cli python3 timeout awk sed grep
check_load_knobs
[[ "$COUNT_REQUESTS" =~ ^[1-9][0-9]*$ ]] || die "COUNT_REQUESTS must be a positive integer"

prepare_tools_and_services
recreate_database
prepare_run
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$WRK_RAW_LOG"
start_app

sql() { bench_sql "$1"; }

# ---- a learner with a 5 x 4 x 3 course, the first 20 levels done ---------------------------------
USERNAME=bench_learner_$RANDOM
register_and_login "$USERNAME" bench-learner-password-1

psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -q -v slug=bench-5x4x3 -v users="'$USER_ID'" \
  -f "$BENCH_DIR/course-seed.sql"
expect_2xx "the seeded course" /api/v1/path/ "${AUTH[@]}"
LEVELS=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(sum(len(u["levels"]) for s in d["sections"] for u in s["units"]))' "$HTTP_BODY")
[[ "$LEVELS" == 60 ]] || die "the course view has $LEVELS levels, expected 60"
log "seeded a 5 x 4 x 3 course for $USERNAME; GET /path/ answers $LEVELS levels (${#HTTP_BODY} bytes)"

# ---- (1) statements per request --------------------------------------------------------------------
# PostgreSQL 15 flushes a backend's counters at most every second and an idle backend's after 10 s, so each reading
# waits 11 s. Every reading's own statements are counted by the next one, the same in both periods, so they cancel.
xacts() { sleep 11; sql "select xact_commit + xact_rollback from pg_stat_database where datname = '$BENCH_DB'"; }
count_statements() {  # count_statements <path> -> statements per request, the idle period's subtracted
  local path=$1 before after idle_before idle_after started elapsed
  before=$(xacts); started=$SECONDS
  for _ in $(seq "$COUNT_REQUESTS"); do curl -fsS --noproxy '*' -o /dev/null "${AUTH[@]}" "$BASE$path"; done
  elapsed=$(( SECONDS - started + 1 ))
  after=$(xacts)
  idle_before=$(xacts); sleep "$elapsed"; idle_after=$(xacts)
  awk -v a="$after" -v b="$before" -v ia="$idle_after" -v ib="$idle_before" -v n="$COUNT_REQUESTS" \
    'BEGIN { printf "%.2f", ((a - b) - (ia - ib)) / n }'
}
for _ in $(seq 50); do curl -fsS --noproxy '*' -o /dev/null "${AUTH[@]}" "$BASE/api/v1/path/"; done
STMT_PATH=$(count_statements /api/v1/path/)
STMT_ME=$(count_statements /api/v1/auth/me)
log "statements per request: GET /path/ $STMT_PATH, GET /auth/me $STMT_ME"

# ---- (2) throughput and latency ------------------------------------------------------------------
RES_ME="" RES_PATH=""
if [[ "$COUNT_ONLY" != 1 ]]; then
  run_case me /api/v1/auth/me "${AUTH[@]}";   RES_ME=$CASE_RESULT;   warn_non2xx me "$RES_ME"
  run_case path /api/v1/path/ "${AUTH[@]}";   RES_PATH=$CASE_RESULT; warn_non2xx path "$RES_PATH"
fi

{
  echo "# Courses benchmark ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  if [[ "$COUNT_ONLY" == 1 ]]; then echo "Host load before: $LOAD_BEFORE; statements counted only (COUNT_ONLY=1), no wrk run."
  else echo "Host load before: $LOAD_BEFORE; wrk -t$THREADS -c$CONNECTIONS, warm-up $WARMUP, measured $DURATION."; fi
  echo "Course: 5 sections x 4 units x 3 levels (60 levels, 20 completed), one learner."
  echo
  echo "| route | SQL statements / request | req/s | p50 ms | p99 ms | app CPU µs / request |"
  echo "|---|---|---|---|---|---|"
  for row in "GET /api/v1/auth/me|$STMT_ME|$RES_ME" "GET /api/v1/path/|$STMT_PATH|$RES_PATH"; do
    IFS='|' read -r name stmts res <<<"$row"
    echo "| $name | $stmts | $(field "$res" rps) | $(field "$res" p50_ms) | $(field "$res" p99_ms) | $(field "$res" app_cpu_us) |"
  done
  echo
  echo "GET /path/ at $(ratio "$(field "$RES_PATH" rps)" "$(field "$RES_ME" rps)") x the req/s of /auth/me (goal: at least 0.5)."
} | tee "$RESULTS"
log "results written to $RESULTS"
