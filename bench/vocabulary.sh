#!/usr/bin/env bash
# Hexcore vocabulary benchmark (issue 14): GET /api/v1/vocabulary/daily-review and POST /api/v1/vocabulary/review for
# a learner with 5,000 user lexemes, next to GET /api/v1/auth/me in the same run (same user, same bearer token),
# and the daily review's query plan (ADR 0026). The review case rates one item again and again: one user's reviews
# are serialised by the user's row lock, so it measures the write path under contention for one row.
# Short runs: DURATION=5s WARMUP=5s bench/vocabulary.sh. Do not run it on a busy host.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
LEXEMES=${LEXEMES:-5000}

BENCH_DB=hexcore_bench_vocabulary
APP_LOG=$BENCH_DIR/app-vocabulary.log
WRK_RAW_LOG=$BENCH_DIR/wrk-vocabulary-raw.log
RESULTS=$BENCH_DIR/last-vocabulary-run.md

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

need curl psql createdb dropdb pg_isready redis-cli python3 timeout awk sed grep
check_load_knobs
[[ "$LEXEMES" =~ ^[1-9][0-9]*$ ]] || die "LEXEMES must be a positive integer"

prepare_tools_and_services
recreate_database
prepare_run
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$WRK_RAW_LOG"
start_app

sql() { bench_sql "$1"; }

# ---- a learner with $LEXEMES user lexemes: nine in ten reviewed (due from 30 days ago to 30 days ahead), one new ----
USERNAME=bench_reviewer_$RANDOM
register_and_login "$USERNAME" bench-reviewer-password-1

psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -q -v lexemes="$LEXEMES" -v users="'$USER_ID'" \
  -f "$BENCH_DIR/words-seed.sql"
ITEM=$(sql "select id from user_lexemes where user_id = '$USER_ID' and review_state = 'review' limit 1")
expect_2xx "the daily review" "/api/v1/vocabulary/daily-review?limit=20" "${AUTH[@]}"
log "seeded $LEXEMES user lexemes for $USERNAME; the daily review answers ${#HTTP_BODY} bytes"

PLAN=$(sql "explain (analyze, costs off)
  with due as (select id, lexeme_id, next_review_at from user_lexemes
               where user_id = '$USER_ID' and next_review_at is not null and next_review_at <= now()
               order by next_review_at limit 20)
  select d.id, (select l.text from lexemes l where l.id = d.lexeme_id) from due d order by d.next_review_at")

RES_ME="" RES_DAILY="" RES_REVIEW=""
run_case me /api/v1/auth/me "${AUTH[@]}"; RES_ME=$CASE_RESULT; warn_non2xx me "$RES_ME"
run_case daily "/api/v1/vocabulary/daily-review?limit=20" "${AUTH[@]}"; RES_DAILY=$CASE_RESULT; warn_non2xx daily "$RES_DAILY"
CASE_BODY="{\"vocabulary_id\":\"$ITEM\",\"rating\":4}" run_case review /api/v1/vocabulary/review \
  "${AUTH[@]}" -H "Content-Type: application/json"
RES_REVIEW=$CASE_RESULT; warn_non2xx review "$RES_REVIEW"

{
  echo "# Vocabulary benchmark ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Host load before: $LOAD_BEFORE; wrk -t$THREADS -c$CONNECTIONS, warm-up $WARMUP, measured $DURATION."
  echo "One learner with $LEXEMES user lexemes (nine in ten reviewed, due from 30 days ago to 30 days ahead)."
  echo
  echo "| route | req/s | p50 ms | p99 ms | app CPU µs / request |"
  echo "|---|---|---|---|---|"
  for row in "GET /api/v1/auth/me|$RES_ME" "GET /api/v1/vocabulary/daily-review?limit=20|$RES_DAILY" \
             "POST /api/v1/vocabulary/review (one item)|$RES_REVIEW"; do
    IFS='|' read -r name res <<<"$row"
    echo "| $name | $(field "$res" rps) | $(field "$res" p50_ms) | $(field "$res" p99_ms) | $(field "$res" app_cpu_us) |"
  done
  echo
  echo "Plan of the due items (the route's statement adds the new items, which this learner's due ones crowd out):"
  echo
  echo '```'
  echo "$PLAN"
  echo '```'
} | tee "$RESULTS"
log "results written to $RESULTS"
