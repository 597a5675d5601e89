#!/usr/bin/env bash
# Two replicas on one PostgreSQL and one Redis (issue 20): starts two packaged instances (prod profile, one shared
# JWT key pair, one shared file-storage folder as a shared volume would be) on two ports against one database and one
# Redis db, plus a quota-enforcing Gemini stand-in, then runs the checks of bench/replicas/Replicas.java (a JDK
# source program: no build). Each check prints PASS/FAIL/SKIP with its figures; the script exits non-zero on a FAIL.
# Knobs: PORT_A (18301) PORT_B (18302) STUB_PORT (18390) REPLICAS_DB (hexcore_replicas) REPLICAS_REDIS_DB (9)
#        ONLY (comma-separated check names, default all) BENCH_JAVA_OPTS
# Raw output: bench/replicas-raw/ (app-a.log, app-b.log, stub.log, stub-requests.jsonl, result.txt; gitignored).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

PORT_A=${PORT_A:-18301}
PORT_B=${PORT_B:-18302}
STUB_PORT=${STUB_PORT:-18390}
REPLICAS_REDIS_DB=${REPLICAS_REDIS_DB:-9}
ONLY=${ONLY:-}
# Model-key quotas of the Gemini stand-in (per key and model) and of the app: the check sends far more than this.
MODEL_RPM=${MODEL_RPM:-12}
MODEL_RPD=${MODEL_RPD:-20}

BENCH_DB=${REPLICAS_DB:-hexcore_replicas}
BENCH_PORT=$PORT_A
BENCH_PROFILE=prod
BENCH_GENERATE_JWT_KEYS=1
DURATION=1s WARMUP=1s THREADS=1 CONNECTIONS=1   # lib.sh's wrk knobs (unused here)
RAW=$BENCH_DIR/replicas-raw
APP_LOG=$RAW/app-a.log

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

PID_A="" PID_B="" STUB_PID=""
bench_on_exit() {
  local pid
  for pid in "$PID_B" "$PID_A"; do
    [[ -n "$pid" ]] && stop_process "$pid" "replica"
  done
  [[ -n "$STUB_PID" ]] && kill -TERM "$STUB_PID" 2>/dev/null
  return 0
}

need curl psql createdb dropdb pg_isready redis-cli python3 openssl
use_jdk
ensure_jar
ensure_postgres
ensure_redis
for port in "$PORT_B" "$STUB_PORT"; do
  port_in_use "$port" && die "something already listens on 127.0.0.1:$port"
done
mkdir -p "$RAW"
rm -f "$RAW"/*.log "$RAW"/*.jsonl "$RAW/result.txt"
recreate_database
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REPLICAS_REDIS_DB" flushdb >/dev/null || die "cannot flush Redis db $REPLICAS_REDIS_DB"
prepare_run   # TMP_DIR and the one JWT key pair both replicas use
SHARED_FILES=$TMP_DIR/shared-files   # the "shared volume" both replicas mount as HEXCORE_STORAGE_DIRECTORY
mkdir -p "$SHARED_FILES"

python3 "$BENCH_DIR/gemini-stub.py" --port "$STUB_PORT" --rpm "$MODEL_RPM" --latency-ms 50 \
  --log "$RAW/stub-requests.jsonl" >"$RAW/stub.log" 2>&1 &
STUB_PID=$!

# Both replicas: the production profile, one database, one Redis db, one storage folder; short export leases so the
# kill -9 check sees a takeover in seconds (production default PT2M); the sandbox payment provider (issue 19).
REPLICA_ENV=(
  QUARKUS_REDIS_HOSTS="redis://$REDIS_HOST:$REDIS_PORT/$REPLICAS_REDIS_DB"
  HEXCORE_STORAGE_DIRECTORY="$SHARED_FILES"
  HEXCORE_EXPORTS_LEASE=PT5S
  HEXCORE_EXPORTS_RETRY_BACKOFF=PT1S
  HEXCORE_PAYMENTS_PROVIDER=sandbox
  HEXCORE_PAYMENTS_YOOKASSA_WEBHOOK_ALLOWED_IPS=127.0.0.1   # the harness plays YooKassa's notification sender
  HEXCORE_AI_GEMINI_KEYS="k1:replicas-project-1:stub-secret-1,k2:replicas-project-2:stub-secret-2"
  HEXCORE_AI_GEMINI_REQUESTS_PER_MINUTE="$MODEL_RPM"
  HEXCORE_AI_GEMINI_REQUESTS_PER_DAY="$MODEL_RPD"
  HEXCORE_AI_GEMINI_BASE_URL="http://127.0.0.1:$STUB_PORT"
  HEXCORE_AI_CHAINS_ROLEPLAY=gemini/gemini-2.5-flash
)
start_replica "$PORT_A" "$RAW/app-a.log" "${REPLICA_ENV[@]}"; PID_A=$REPLICA_PID
start_replica "$PORT_B" "$RAW/app-b.log" "${REPLICA_ENV[@]}"; PID_B=$REPLICA_PID
curl -fsS --noproxy '*' "http://127.0.0.1:$STUB_PORT/health" >/dev/null || die "Gemini stand-in not answering"

log "load before the checks: $(uptime)"
rc=0
env REPLICA_A="http://127.0.0.1:$PORT_A" REPLICA_B="http://127.0.0.1:$PORT_B" PID_A="$PID_A" PID_B="$PID_B" \
    LOG_A="$RAW/app-a.log" LOG_B="$RAW/app-b.log" STORAGE_DIR="$SHARED_FILES" \
    STUB="http://127.0.0.1:$STUB_PORT" STUB_LOG="$RAW/stub-requests.jsonl" MODEL_RPM="$MODEL_RPM" MODEL_RPD="$MODEL_RPD" \
    ADMIN_USER="$ADMIN_USER" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    PGHOST="$PG_HOST" PGPORT="$PG_PORT" PGUSER="$PG_USER" PGDATABASE="$BENCH_DB" ONLY="$ONLY" \
    java "$BENCH_DIR/replicas/Replicas.java" | tee "$RAW/result.txt" || rc=$?
log "load after the checks: $(uptime)"
exit "$rc"
