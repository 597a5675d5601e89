#!/usr/bin/env bash
# Fault injection (issue 20, "Faults"): the packaged app in the prod profile against a PostgreSQL cluster and a
# redis-server of its own (never the machine's shared 5432/6379, which this script stops and restarts) and
# bench/gemini-stub.py as the model provider. bench/faults.py runs the scenarios and prints PASS/FAIL per check:
#   redis     load on rate-limited routes (API-key profile reads, JWT routes, the model gateway, recommendations);
#             Redis stopped at 1/3 of REDIS_DURATION, started at 2/3
#   postgres  light load; PostgreSQL stopped (fast) for PG_DOWN seconds and started again, the app left running
#   model     bot generations and roleplay chats while the provider answers FAULT_RATE of requests with 500, 503,
#             429 or a timeout; then the credit ledger is checked in SQL
# Exits non-zero when any check failed. About 3 minutes.
# Knobs: SCENARIOS (redis,postgres,model) REDIS_DURATION (30) PG_DOWN (8) FAULT_RATE (0.3) BOT_USERS (60)
#        REDIS_FAULT (stop: shut Redis down; pause: SIGSTOP it, a Redis that hangs like a network partition)
#        BENCH_PORT (18480) FAULTS_PG_PORT (18432) FAULTS_REDIS_PORT (18479) STUB_PORT (18492) BENCH_JAVA_OPTS
# The app's log is bench/app-faults.log (gitignored by *.log).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

SCENARIOS=${SCENARIOS:-redis,postgres,model}
REDIS_FAULT=${REDIS_FAULT:-stop}
REDIS_DURATION=${REDIS_DURATION:-30}
PG_DOWN=${PG_DOWN:-8}
FAULT_RATE=${FAULT_RATE:-0.3}
BOT_USERS=${BOT_USERS:-60}
BENCH_PORT=${BENCH_PORT:-18480}
FAULTS_PG_PORT=${FAULTS_PG_PORT:-18432}
FAULTS_REDIS_PORT=${FAULTS_REDIS_PORT:-18479}
STUB_PORT=${STUB_PORT:-18492}
BENCH_PROFILE=prod                # as in production: JSON logs, configured database, JWT keys from files
BENCH_GENERATE_JWT_KEYS=1
DURATION=1s WARMUP=1s THREADS=1 CONNECTIONS=1   # lib.sh's wrk knobs (unused here)

BENCH_DB=hexcore_faults
APP_LOG=$BENCH_DIR/app-faults.log
STUB_PID=""
FAULTS_DIR=""

source "$BENCH_DIR/lib.sh"
PG_PORT=$FAULTS_PG_PORT REDIS_PORT=$FAULTS_REDIS_PORT   # everything below talks to the private servers

bench_on_exit() {
  [[ -n "$STUB_PID" ]] && kill -TERM "$STUB_PID" 2>/dev/null || true
  # the app first: stopping its database under it would only add errors to its log
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n "$FAULTS_DIR" ]]; then
    [[ -s "$FAULTS_DIR/redis/redis.pid" ]] && kill -CONT "$(cat "$FAULTS_DIR/redis/redis.pid")" 2>/dev/null   # paused
    own_redis_stop "$FAULTS_REDIS_PORT"
    own_postgres_stop "$FAULTS_DIR/pg" "$FAULTS_PG_PORT"
    rm -rf "$FAULTS_DIR"
  fi
}

need curl psql createdb pg_isready redis-cli redis-server python3
[[ "$REDIS_FAULT" == stop || "$REDIS_FAULT" == pause ]] || die "REDIS_FAULT must be stop or pause"
[[ "$REDIS_DURATION" =~ ^[1-9][0-9]*$ && "$PG_DOWN" =~ ^[1-9][0-9]*$ && "$BOT_USERS" =~ ^[1-9][0-9]*$ ]] \
  || die "REDIS_DURATION, PG_DOWN and BOT_USERS must be positive integers"
(( FAULTS_PG_PORT != 5432 && FAULTS_REDIS_PORT != 6379 )) || die "this script stops its servers: never use the shared ports"
use_jdk
ensure_jar
prepare_run
port_in_use "$STUB_PORT" && die "something already listens on 127.0.0.1:$STUB_PORT; set STUB_PORT"

FAULTS_DIR=$(mktemp -d /tmp/hexcore-faults.XXXXXX)
chmod 755 "$FAULTS_DIR"
mkdir -p "$FAULTS_DIR/pg" "$FAULTS_DIR/redis"
log "private PostgreSQL on 127.0.0.1:$FAULTS_PG_PORT and Redis on 127.0.0.1:$FAULTS_REDIS_PORT under $FAULTS_DIR"
own_postgres_start "$FAULTS_DIR/pg" "$FAULTS_PG_PORT"
own_redis_start "$FAULTS_DIR/redis" "$FAULTS_REDIS_PORT"
wait_for 30 pg_up || die "the private PostgreSQL does not answer on $FAULTS_PG_PORT"
wait_for 30 redis_up || die "the private Redis does not answer on $FAULTS_REDIS_PORT"
ensure_database

python3 "$BENCH_DIR/gemini-stub.py" --port "$STUB_PORT" --rpm 0 --latency-ms 200 --images 6 \
  --fault-hang-ms 4000 --fault-retry-delay-s 1 2>"$FAULTS_DIR/stub.log" &
STUB_PID=$!

# Model calls: one attempt of 2 s at most per upstream call (a hung call is a timeout), 10 s per client request.
start_app HEXCORE_AI_GEMINI_BASE_URL="http://127.0.0.1:$STUB_PORT" \
  HEXCORE_AI_GEMINI_KEYS="faults-a:faults-project-a:faults-secret-a,faults-b:faults-project-b:faults-secret-b" \
  HEXCORE_AI_CHAINS_DEFAULT="gemini/gemini-faults" \
  HEXCORE_AI_CHAINS_ROLEPLAY="gemini/gemini-faults" \
  HEXCORE_AI_CHAINS_BOT="gemini/gemini-faults-image" \
  HEXCORE_AI_CALL_TIMEOUT=PT2S \
  HEXCORE_AI_ROLEPLAY_BUDGET=PT10S \
  HEXCORE_BOT_MODEL_BUDGET=PT10S \
  HEXCORE_STORAGE_DIRECTORY="$FAULTS_DIR/files" \
  HEXCORE_DATA_DIR="$FAULTS_DIR/data"

if [[ "$REDIS_FAULT" == pause ]]; then
  redis_stop="kill -STOP \$(cat $FAULTS_DIR/redis/redis.pid)" redis_start="kill -CONT \$(cat $FAULTS_DIR/redis/redis.pid)"
else
  redis_stop=$(own_redis_stop_cmd "$FAULTS_REDIS_PORT") redis_start=$(own_redis_start_cmd "$FAULTS_DIR/redis" "$FAULTS_REDIS_PORT")
fi
log "load before: $(uptime)"
FAULTS_REDIS_STOP=$redis_stop FAULTS_REDIS_START=$redis_start \
FAULTS_PG_STOP=$(own_pg_ctl_cmd "$FAULTS_DIR/pg" "$FAULTS_PG_PORT" -m fast stop) \
FAULTS_PG_START=$(own_pg_ctl_cmd "$FAULTS_DIR/pg" "$FAULTS_PG_PORT" start) \
FAULTS_PSQL="psql -h $PG_HOST -p $PG_PORT -U $PG_USER -d $BENCH_DB -v ON_ERROR_STOP=1" \
FAULTS_REDIS_CLI="redis-cli -h $REDIS_HOST -p $REDIS_PORT" \
python3 "$BENCH_DIR/faults.py" --base "$BASE" --admin-user "$ADMIN_USER" --admin-password "$ADMIN_PASSWORD" \
  --app-pid "$APP_PID" --stub "http://127.0.0.1:$STUB_PORT" --scenarios "$SCENARIOS" \
  --redis-duration "$REDIS_DURATION" --pg-down "$PG_DOWN" --fault-rate "$FAULT_RATE" --bot-users "$BOT_USERS" \
  && rc=0 || rc=$?
log "load after: $(uptime)"
errors=$(grep -c '"level":"ERROR"' "$APP_LOG" || true)
log "the app logged $errors ERROR lines (see $APP_LOG)"
exit "$rc"
