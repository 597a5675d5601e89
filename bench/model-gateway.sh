#!/usr/bin/env bash
# Model gateway benchmark (issue 3): the packaged app talks to bench/gemini-stub.py (a Gemini stand-in that enforces
# KEYS x RPM quotas and adds fixed latency) through POST /api/v1/roleplay/chat; real PostgreSQL and Redis on 127.0.0.1.
#   first, an app run of its own against a second stub without quota (same latency) and a key without quota:
#   (b) overhead: OVERHEAD_WARMUP unique requests from 8 clients (not measured: they let the JIT compile the miss
#       path), then OVERHEAD_COUNT measured ones, sequentially, back to back
#   (c) cache hits: one miss, CACHE_WARMUP hits, then the same request sequentially (python keep-alive and curl);
#       as a reference, GET /api/v1/auth/me with the same JWT (HTTP + authentication, no gateway)
#   then that app and stub stop, and the app of (a) starts against the quota-enforcing stub:
#   (a) quota run: CLIENTS threads loop unique requests for DURATION (more demand than KEYS x RPM), starting at a
#       clock-minute boundary at least 5 s after the app is ready (its keys are new, so every window starts empty)
# Writes bench/last-model-gateway-run.md; raw files are kept in bench/model-gateway-raw/ (both gitignored).
# Knobs: DURATION (5m) CLIENTS (4) KEYS (3) RPM (20) STUB_LATENCY_MS (200) STUB_MODE (sliding|fixed)
#        CACHE_HITS (200) CACHE_WARMUP (2000) OVERHEAD_WARMUP (2000) OVERHEAD_COUNT (200)
#        APP_PORT (18080) STUB_PORT (18090; the stub without quota uses STUB_PORT + 1) BENCH_JAVA_OPTS
#        ALIGN_START (1: start the quota run on a clock minute) PAUSE_ON_503 (1)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

DURATION=${DURATION:-5m}
CLIENTS=${CLIENTS:-4}
KEYS=${KEYS:-3}
RPM=${RPM:-20}
STUB_LATENCY_MS=${STUB_LATENCY_MS:-200}
STUB_MODE=${STUB_MODE:-sliding}
CACHE_HITS=${CACHE_HITS:-200}
CACHE_WARMUP=${CACHE_WARMUP:-2000}
OVERHEAD_WARMUP=${OVERHEAD_WARMUP:-2000}
OVERHEAD_COUNT=${OVERHEAD_COUNT:-200}
APP_PORT=${APP_PORT:-18080}
STUB_PORT=${STUB_PORT:-18090}
FREE_STUB_PORT=$(( STUB_PORT + 1 ))
ALIGN_START=${ALIGN_START:-1}
PAUSE_ON_503=${PAUSE_ON_503:-1}   # seconds a quota-run client waits after a non-200 before its next request
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-180}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
JAR=${BENCH_JAR:-$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar}
PREFERRED_JDK=/usr/lib/jvm/temurin-25-jdk-amd64

PG="psql -h 127.0.0.1 -p 5432 -U postgres"
DB=hexcore_bench_ai
BASE=http://127.0.0.1:$APP_PORT
STUB=http://127.0.0.1:$STUB_PORT
FREE_STUB=http://127.0.0.1:$FREE_STUB_PORT
ADMIN_USER=benchadmin ADMIN_PASSWORD=bench-admin-password-1
USER_NAME=benchuser USER_PASSWORD=bench-user-password-1
RAW=$BENCH_DIR/model-gateway-raw
RESULTS=$BENCH_DIR/last-model-gateway-run.md
LOAD="python3 $BENCH_DIR/model-gateway-load.py"
RUN_ID=r$(date -u +%H%M%S)   # in every message and project name, so no state of an earlier run is reused

APP_PID="" STUB_PID="" SAMPLER_PID=""
log() { printf '[model-gateway] %s\n' "$*" >&2; }
die() { printf '[model-gateway] ERROR: %s\n' "$*" >&2; exit 1; }
stop() {  # stop <pid>
  [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 0
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 30); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$1" 2>/dev/null && kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null || true
}
cleanup() { local rc=$?; stop "$SAMPLER_PID"; stop "$APP_PID"; stop "$STUB_PID"; exit "$rc"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

to_seconds() {
  case "$1" in
    *[0-9]s) echo "${1%s}" ;; *[0-9]m) echo $(( ${1%m} * 60 )) ;; *[0-9]) echo "$1" ;; *) return 1 ;;
  esac
}
json() { python3 -c 'import json,sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' "$@"; }
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

DURATION_S=$(to_seconds "$DURATION") || die "DURATION=$DURATION: use 90, 90s or 5m"
for tool in curl psql python3 redis-cli; do command -v "$tool" >/dev/null || die "$tool is required"; done
port_free "$APP_PORT" || die "127.0.0.1:$APP_PORT is in use (set APP_PORT)"
port_free "$STUB_PORT" || die "127.0.0.1:$STUB_PORT is in use (set STUB_PORT)"
port_free "$FREE_STUB_PORT" || die "127.0.0.1:$FREE_STUB_PORT is in use (set STUB_PORT)"
if [[ -z "${JAVA_HOME:-}" && -x $PREFERRED_JDK/bin/java ]]; then export JAVA_HOME=$PREFERRED_JDK; fi
[[ -n "${JAVA_HOME:-}" ]] && export PATH=$JAVA_HOME/bin:$PATH
if [[ ! -f "$JAR" ]]; then
  log "building: ./mvnw -B -q package -DskipTests"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "build failed"
fi
rm -rf "$RAW" && mkdir -p "$RAW"

log "recreating database $DB"
$PG -d postgres -qc "drop database if exists $DB with (force)" >/dev/null
$PG -d postgres -qc "create database $DB" >/dev/null

start_app() {  # start_app <log> <gemini keys> <requests per minute, empty for none> <stub url>: sets APP_PID
  log "starting the app on $BASE (log: $1)"
  # The roleplay operation is "roleplay_chat", so its chain is hexcore.ai.chains.roleplay_chat.
  # shellcheck disable=SC2086
  (
    cd "$ROOT"
    exec env \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
      QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379 \
      QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$APP_PORT" \
      HEXCORE_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" HEXCORE_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
      HEXCORE_RATE_LIMIT_DEFAULT_PER_MIN=100000000 HEXCORE_RATE_LIMIT_AUTH_PER_MIN=1000 \
      HEXCORE_AI_GEMINI_KEYS="$2" \
      ${3:+HEXCORE_AI_GEMINI_REQUESTS_PER_MINUTE="$3"} \
      HEXCORE_AI_GEMINI_BASE_URL="$4" \
      HEXCORE_AI_CHAINS_ROLEPLAY=gemini/gemini-2.5-flash \
      java $BENCH_JAVA_OPTS -Dquarkus.profile=embedded -jar "$JAR"
  ) >"$1" 2>&1 &
  APP_PID=$!
  local started=$SECONDS
  until curl -fsS --noproxy '*' --max-time 2 -o /dev/null "$BASE/q/health/ready" 2>/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$1" >&2; die "the app exited during startup"; }
    (( SECONDS - started < STARTUP_TIMEOUT )) || { tail -40 "$1" >&2; die "app not ready after ${STARTUP_TIMEOUT}s"; }
    sleep 1
  done
  log "app ready after $(( SECONDS - started ))s"
  tables=$($PG -d "$DB" -Atc "select count(*) from information_schema.tables where table_name='ai_generation_events'")
  [[ "$tables" == 1 ]] || die "database $DB has no ai_generation_events table: is the app using it?"
}

post() { curl -sS --noproxy '*' --max-time 40 -H 'Content-Type: application/json' "$@"; }
login() {  # login <user> <password> -> access token
  post -f "$BASE/api/v1/auth/login" -d "$(json username "$1" password "$2")" | field access_token
}
now() { python3 -c 'import time; print("%.6f" % time.time())'; }
cpu() { $LOAD cpusnap --label "$1" --app "$APP_PID" --stub "$STUB_PID" --out "$RAW/cpu.jsonl"; }
$LOAD cpusample --mine $$ --out "$RAW/foreign-cpu.txt" &
SAMPLER_PID=$!
declare -A PH

# ---- (b) overhead and (c) cache hits: an app run of their own against a stub without quota -------------------------
python3 "$BENCH_DIR/gemini-stub.py" --port "$FREE_STUB_PORT" --rpm 0 --latency-ms "$STUB_LATENCY_MS" \
  --log "$RAW/stub-overhead-requests.jsonl" >"$RAW/stub-overhead.log" 2>&1 &
STUB_PID=$!
start_app "$RAW/app-overhead.log" "o1:$RUN_ID-overhead-project:stub-secret-$RUN_ID-overhead" "" "$FREE_STUB"
curl -fsS "$FREE_STUB/health" >/dev/null || die "stub without quota not answering on $FREE_STUB"
post -f -o /dev/null "$BASE/api/v1/auth/register" \
  -d "$(json username "$USER_NAME" email "$USER_NAME@example.com" password "$USER_PASSWORD")" || die "register failed"
USER_TOKEN=$(login "$USER_NAME" "$USER_PASSWORD") || die "user login failed"
ADMIN_TOKEN=$(login "$ADMIN_USER" "$ADMIN_PASSWORD") || die "admin login failed"
log "(b) overhead: $OVERHEAD_WARMUP warm-up requests from 8 clients, then $OVERHEAD_COUNT measured ones, back to back"
$LOAD warmup --base "$BASE" --token "$USER_TOKEN" --run-id "$RUN_ID" --count "$OVERHEAD_WARMUP" --clients 8 \
  --out /dev/null
echo "$OVERHEAD_WARMUP" >"$RAW/overhead-warmup-count.txt"
sleep 1
PH[paced_start]=$(now); cpu paced_start
$LOAD paced --base "$BASE" --token "$USER_TOKEN" --run-id "$RUN_ID" --count "$OVERHEAD_COUNT" --interval 0 \
  --out "$RAW/paced.jsonl"
PH[paced_done]=$(now); cpu paced_done

# ---- (c) cache hits ------------------------------------------------------------------------------------------
PH[cache_start]=$(now); cpu cache_start
log "(c) cache: 1 miss + $CACHE_WARMUP warm-up hits + $CACHE_HITS measured keep-alive hits, then $CACHE_HITS curl hits"
$LOAD repeat --base "$BASE" --token "$USER_TOKEN" --run-id "$RUN_ID" --count "$CACHE_HITS" --warmup $(( CACHE_WARMUP + 1 )) \
  --out "$RAW/repeat.jsonl"
body=$(python3 -c 'import json,sys; print(json.dumps({"scenario":"Ordering coffee in a cafe","role":"Barista","message":sys.argv[1],"history":[],"target_language":"Spanish","level":"A2"}))' \
  "$RUN_ID the cached question")
: >"$RAW/curl-cache-hits.txt"
for _ in $(seq "$CACHE_HITS"); do
  post -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $USER_TOKEN" -d "$body" \
    "$BASE/api/v1/roleplay/chat" >>"$RAW/curl-status-times.txt"
done
awk '$1 == 200 { print $2 }' "$RAW/curl-status-times.txt" >"$RAW/curl-cache-hits.txt"
[[ $(wc -l <"$RAW/curl-cache-hits.txt") == "$CACHE_HITS" ]] || log "WARNING: not every curl cache request answered 200"
log "(c) reference: GET /api/v1/auth/me with the same JWT, 50 warm-up + $CACHE_HITS measured (no gateway)"
$LOAD baseline --base "$BASE" --token "$USER_TOKEN" --run-id "$RUN_ID" --count "$CACHE_HITS" --warmup 50 \
  --out "$RAW/baseline.jsonl"
PH[cache_done]=$(now); cpu cache_done

stop "$APP_PID"; stop "$STUB_PID"

# ---- the app of (a), against the quota-enforcing stub -------------------------------------------------------------
stub_args=(--port "$STUB_PORT" --rpm "$RPM" --latency-ms "$STUB_LATENCY_MS" --mode "$STUB_MODE"
           --log "$RAW/stub-requests.jsonl")
python3 "$BENCH_DIR/gemini-stub.py" "${stub_args[@]}" >"$RAW/stub.log" 2>&1 &
STUB_PID=$!
gemini_keys="" key_names=""
for i in $(seq "$KEYS"); do
  gemini_keys+="${gemini_keys:+,}k$i:$RUN_ID-project-$i:stub-secret-$RUN_ID-$i"
  key_names+="${key_names:+,}stub-secret-$RUN_ID-$i=k$i"
done
log "$KEYS gemini keys, one project each, $RPM RPM"
start_app "$RAW/app.log" "$gemini_keys" "$RPM" "$STUB"
curl -fsS "$STUB/health" >/dev/null || die "stub not answering on $STUB"
ADMIN_TOKEN=$(login "$ADMIN_USER" "$ADMIN_PASSWORD") || die "admin login failed"
PH[quota_app_ready]=$(now)
# ---- (a) quota run ---------------------------------------------------------------------------------------------
start_at=$(python3 - "${PH[quota_app_ready]}" "$ALIGN_START" <<'PY'
import math, sys
earliest = float(sys.argv[1]) + 5           # the keys are this run's own and unused: every window is empty
print(math.ceil(earliest / 60) * 60 if sys.argv[2] == "1" else round(earliest, 3))
PY
)
USER_TOKEN=$(login "$USER_NAME" "$USER_PASSWORD")   # fresh token (15 min lifetime) for the long run
log "(a) quota run: $CLIENTS clients, ${DURATION_S}s from $(date -u -d "@${start_at%.*}" +%H:%M:%S) UTC (windows empty by then)"
PH[quota_start]=$start_at
PH[quota_duration]=$DURATION_S
curl -fsS "$STUB/stats" >"$RAW/stub-stats-before-quota.json"
python3 -c 'import sys, time; time.sleep(max(0, float(sys.argv[1]) - time.time()))' "$start_at"
cpu quota_start
$LOAD quota --base "$BASE" --token "$USER_TOKEN" --run-id "$RUN_ID" --clients "$CLIENTS" --start-at "$start_at" \
  --duration "$DURATION_S" --pause-on-503 "$PAUSE_ON_503" --out "$RAW/quota.jsonl"
PH[quota_done]=$(now); cpu quota_done
stop "$SAMPLER_PID"; SAMPLER_PID=""
kill -0 "$APP_PID" 2>/dev/null || die "the app died during the run"

# ---- collect ---------------------------------------------------------------------------------------------------
sleep 1
curl -fsS "$STUB/stats" >"$RAW/stub-stats.json"
$PG -d "$DB" -Atc "select coalesce(json_agg(json_build_object('id', id, 'provider', provider, 'key_id', key_id,
    'latency_ms', latency_ms, 'upstream_ms', upstream_us / 1000.0, 'gateway_ms', (latency_us - upstream_us) / 1000.0,
    'attempts', attempts, 'quality', quality, 'errors', error_codes, 'cache_hit', cache_hit,
    'end', extract(epoch from occurred_at)) order by id), '[]') from ai_generation_events" >"$RAW/events.json"
curl -fsS -o "$RAW/admin-generation-events.json" -H "Authorization: Bearer $ADMIN_TOKEN" \
  "$BASE/api/v1/admin/generation-events" || log "WARNING: GET /api/v1/admin/generation-events failed"
python3 -c 'import json,sys; print(json.dumps({k: float(v) for k, v in zip(sys.argv[1::2], sys.argv[2::2])}))' \
  $(for k in "${!PH[@]}"; do printf '%s %s ' "$k" "${PH[$k]}"; done) >"$RAW/phases.json"

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  printf '## Model gateway bench %s (run id %s)\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$RUN_ID"
  printf 'commit %s, JDK %s, %s CPUs, load average at the end: %s. Stub: %s window, %s keys x %s RPM (one project per key), %s ms fixed latency. App: packaged jar, embedded profile, PostgreSQL %s, Redis 127.0.0.1:6379; stub, app, databases and load on one host.\n\n' \
    "$commit" "$(java -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')" "$(nproc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$STUB_MODE" "$KEYS" "$RPM" "$STUB_LATENCY_MS" "$DB"
  $LOAD report --tmp "$RAW" --keys "$KEYS" --rpm "$RPM" --clients "$CLIENTS" --stub-latency-ms "$STUB_LATENCY_MS" \
    --key-names "$key_names" --curl-file --cache-warmup "$CACHE_WARMUP"
  printf 'Quota-run clients pause %s s after a non-200 answer. ' "$PAUSE_ON_503"
  printf 'Raw data: bench/model-gateway-raw/ (client logs *.jsonl, stub-requests.jsonl, stub-stats.json, events.json, app.log).\n'
} | tee "$RESULTS"
log "results written to $RESULTS"
