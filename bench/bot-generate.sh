#!/usr/bin/env bash
# Bot generation benchmark (issue 18): USERS concurrent POST /api/v1/bot/generate calls, each its own bot user,
# against bench/gemini-stub.py answering every image request after STUB_LATENCY_MS with IMAGES_PER_CALL images,
# while the app has a pool of DB_POOL database connections. Shows that the model call holds no connection: all
# succeed, throughput ≈ USERS / (wall time ≈ one model latency), and pg_stat_activity sees ≈ 0 busy connections of
# the app while the model answers. Packaged app, real PostgreSQL and Redis on 127.0.0.1.
# Knobs: USERS (200) STUB_LATENCY_MS (2000) DB_POOL (10) IMAGES_PER_CALL (6: the four images and two bonus images of
#        a first generation in one call) BENCH_PORT (18081) STUB_PORT (18092) BENCH_JAVA_OPTS
# Prints the BENCH_RESULT line; the app's log is bench/app-bot-generate.log (gitignored by *.log).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

USERS=${USERS:-200}
STUB_LATENCY_MS=${STUB_LATENCY_MS:-2000}
DB_POOL=${DB_POOL:-10}
IMAGES_PER_CALL=${IMAGES_PER_CALL:-6}
BENCH_PORT=${BENCH_PORT:-18081}
STUB_PORT=${STUB_PORT:-18092}
DURATION=1s WARMUP=1s THREADS=1 CONNECTIONS=1   # lib.sh's wrk knobs (unused here)

BENCH_DB=hexcore_bench_bot
APP_LOG=$BENCH_DIR/app-bot-generate.log
STUB_PID=""

source "$BENCH_DIR/lib.sh"

bench_on_exit() { [[ -n "$STUB_PID" ]] && kill -TERM "$STUB_PID" 2>/dev/null || true; }

need curl psql createdb dropdb pg_isready redis-cli python3
for knob in USERS STUB_LATENCY_MS DB_POOL IMAGES_PER_CALL; do
  [[ "${!knob}" =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer"
done
use_jdk
ensure_jar
ensure_postgres
ensure_redis
recreate_database
prepare_run
port_in_use "$STUB_PORT" && die "something already listens on 127.0.0.1:$STUB_PORT; set STUB_PORT"

python3 "$BENCH_DIR/gemini-stub.py" --port "$STUB_PORT" --rpm 0 --latency-ms "$STUB_LATENCY_MS" \
  --images "$IMAGES_PER_CALL" 2>"$TMP_DIR/stub.log" &
STUB_PID=$!

start_app QUARKUS_DATASOURCE_JDBC_MAX_SIZE="$DB_POOL" \
  HEXCORE_AI_GEMINI_BASE_URL="http://127.0.0.1:$STUB_PORT" \
  HEXCORE_AI_GEMINI_KEYS="bench-a:bench-project:bench-secret-a" \
  HEXCORE_AI_CHAINS_BOT="gemini/gemini-bench-image" \
  HEXCORE_BOT_MODEL_BUDGET=PT120S \
  HEXCORE_AI_CALL_TIMEOUT=PT60S

ADMIN_TOKEN=$(login)
new_api_key bot-bench 100000000 bot
log "$USERS users, one generation each, model latency ${STUB_LATENCY_MS} ms, $DB_POOL database connections"
python3 "$BENCH_DIR/bot-generate-load.py" --base "$BASE" --key "$KEY_SECRET" --users "$USERS" --db "$BENCH_DB"
