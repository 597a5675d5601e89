#!/usr/bin/env bash
# Hexcore HTTP micro-benchmark: packaged JVM app + real PostgreSQL/Redis on 127.0.0.1, load from wrk.
# See bench/README.md. Every request goes to 127.0.0.1; the app is stopped on exit.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

# ---- knobs (environment) ------------------------------------------------------------------
DURATION=${DURATION:-20s}            # measured wrk run per case
WARMUP=${WARMUP:-5s}                 # un-measured wrk run before each case
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
BENCH_PORT=${BENCH_PORT:-8080}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-180}   # seconds to wait for /q/health/ready
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}      # extra JVM flags for the app, e.g. "-Xmx1g"
BENCH_GENERATE_JWT_KEYS=${BENCH_GENERATE_JWT_KEYS:-0}  # 1: give the app a throw-away RSA key pair
# Per-minute limit of the "bench" API key (the domain caps keys at 100000000/min, ApiKey.MAX_RATE_LIMIT_PER_MIN).
BENCH_KEY_RATE_LIMIT=${BENCH_KEY_RATE_LIMIT:-100000000}
JAR=${BENCH_JAR:-$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar}

PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=postgres BENCH_DB=hexcore_bench
REDIS_HOST=127.0.0.1 REDIS_PORT=6379
ADMIN_USER=benchadmin ADMIN_PASSWORD=bench-admin-password-1
BASE=http://127.0.0.1:$BENCH_PORT
APP_LOG=$BENCH_DIR/app.log
RESULTS=$BENCH_DIR/last-run.md
MIN_JAVA=21
PREFERRED_JDK=/usr/lib/jvm/temurin-25-jdk-amd64

APP_PID=""
WRK_PID=""
TMP_DIR=""

log()  { printf '[bench] %s\n' "$*" >&2; }
warn() { printf '[bench] WARNING: %s\n' "$*" >&2; }
die()  { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

app_log_tail() {
  if [[ -s "$APP_LOG" ]]; then
    printf '[bench] ---- last 40 lines of %s ----\n' "$APP_LOG" >&2
    tail -n 40 "$APP_LOG" >&2 || true
    printf '[bench] ----\n' >&2
  fi
}

cleanup() {
  local rc=$? i
  if [[ -n "$WRK_PID" ]]; then
    kill -TERM "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" 2>/dev/null || true
  fi
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    for (( i = 0; i < 30; i++ )); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      warn "app did not stop within 15s; killing pid $APP_PID"
      kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  [[ -n "$TMP_DIR" ]] && rm -rf "$TMP_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- helpers -------------------------------------------------------------------------------
need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required but not installed"
  done
}

# "20s" / "1m" / "90" -> seconds (wrk's duration syntax).
to_seconds() {
  local v=$1
  case "$v" in
    *[0-9]s) printf '%s\n' "${v%s}" ;;
    *[0-9]m) printf '%s\n' $(( ${v%m} * 60 )) ;;
    *[0-9]h) printf '%s\n' $(( ${v%h} * 3600 )) ;;
    *[0-9])  printf '%s\n' "$v" ;;
    *) return 1 ;;
  esac
}

java_major() {
  local home=$1 line version
  [[ -x "$home/bin/java" ]] || return 0
  line=$("$home/bin/java" -version 2>&1 | grep -m1 -E 'version "[^"]+"' || true)
  version=${line#*version \"}
  version=${version%%\"*}
  [[ -n "$version" && "$version" != "$line" ]] || return 0
  case "$version" in
    1.*) version=${version#1.}; printf '%s\n' "${version%%[!0-9]*}" ;;
    *)   printf '%s\n' "${version%%[!0-9]*}" ;;
  esac
}

jdk_ok() {
  local major
  major=$(java_major "$1")
  [[ -n "$major" ]] && (( major >= MIN_JAVA ))
}

# Same rule as .ci/run: $JAVA_HOME if >= 21, else temurin-25, else the newest /usr/lib/jvm/*/ >= 21.
select_jdk() {
  local candidate best="" best_major=0 major
  if [[ -n "${JAVA_HOME:-}" ]] && jdk_ok "$JAVA_HOME"; then
    best=$JAVA_HOME
  elif jdk_ok "$PREFERRED_JDK"; then
    best=$PREFERRED_JDK
  else
    for candidate in /usr/lib/jvm/*/; do
      candidate=${candidate%/}
      major=$(java_major "$candidate")
      if [[ -n "$major" ]] && (( major >= MIN_JAVA && major > best_major )); then
        best=$candidate best_major=$major
      fi
    done
  fi
  [[ -n "$best" ]] || die "no JDK >= $MIN_JAVA found (JAVA_HOME='${JAVA_HOME:-}', $PREFERRED_JDK, /usr/lib/jvm/*/)"
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  log "using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"
}

pg_up()    { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" >/dev/null 2>&1; }
redis_up() { [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

wait_for() {
  local seconds=$1 check=$2 i
  for (( i = 0; i < seconds; i++ )); do
    "$check" && return 0
    sleep 1
  done
  "$check"
}

ensure_postgres() {
  local version
  pg_up && return 0
  log "PostgreSQL is not answering on $PG_HOST:$PG_PORT; trying to start it"
  if command -v pg_ctlcluster >/dev/null 2>&1 && [[ -d /etc/postgresql ]]; then
    for version in /etc/postgresql/*/; do
      version=${version%/} version=${version##*/}
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
  fi
  wait_for 30 pg_up || die "PostgreSQL is not answering on $PG_HOST:$PG_PORT (start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)"
}

ensure_redis() {
  redis_up && return 0
  log "Redis is not answering on $REDIS_HOST:$REDIS_PORT; trying to start it"
  if command -v redis-server >/dev/null 2>&1; then
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  fi
  wait_for 30 redis_up || die "Redis is not answering on $REDIS_HOST:$REDIS_PORT"
}

ensure_database() {
  local exists
  exists=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc \
    "select 1 from pg_database where datname='$BENCH_DB'") || die "cannot query PostgreSQL as user $PG_USER"
  if [[ "$exists" != 1 ]]; then
    log "creating database $BENCH_DB"
    createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$BENCH_DB" || die "createdb $BENCH_DB failed"
  fi
}

ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  log "wrk is missing; installing it with apt-get"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "wrk is missing and this is not root: install it with 'apt-get install -y wrk'"
    sudo=(sudo -n)
  fi
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >&2; then
    "${sudo[@]}" apt-get update >&2 || true
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >&2 || die "could not install wrk (apt-get install -y wrk)"
  fi
  command -v wrk >/dev/null 2>&1 || die "wrk still not found after installation"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# api <METHOD> <PATH> [<json-body>|""] [curl header args...] -> sets HTTP_STATUS and HTTP_BODY
HTTP_STATUS="" HTTP_BODY=""
api() {
  local method=$1 path=$2 body=${3:-} out
  shift 3 || shift $#
  local args=(-sS --noproxy '*' --max-time 15 -X "$method" -w '\n%{http_code}' "$@")
  if [[ -n "$body" ]]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$body")
  fi
  if ! out=$(curl "${args[@]}" "$BASE$path" 2>&1); then
    HTTP_STATUS=000 HTTP_BODY=$out
    return 0
  fi
  HTTP_STATUS=${out##*$'\n'}
  HTTP_BODY=${out%$'\n'*}
}

# json_field <json> <field>: prints the non-empty string value of a top-level field, or fails.
json_field() {
  python3 - "$1" "$2" <<'PY'
import json, sys
try:
    doc = json.loads(sys.argv[1])
except ValueError:
    sys.exit(2)
value = doc.get(sys.argv[2]) if isinstance(doc, dict) else None
if not isinstance(value, str) or not value:
    sys.exit(1)
print(value)
PY
}

json_obj() {  # json_obj key value [key value ...]; values "@int:N" become numbers, "@list:a,b" lists
  python3 - "$@" <<'PY'
import json, sys
args, doc = sys.argv[1:], {}
for key, value in zip(args[0::2], args[1::2]):
    if value.startswith("@int:"):
        value = int(value[5:])
    elif value.startswith("@list:"):
        value = [v for v in value[6:].split(",") if v]
    doc[key] = value
print(json.dumps(doc))
PY
}

create_api_key() {  # create_api_key <label> <rate_limit_per_min> -> prints the key
  local body key
  body=$(json_obj label "$1" scopes "@list:admin" rate_limit_per_min "@int:$2")
  api POST /api/v1/admin/api-keys "$body" -H "Authorization: Bearer $ADMIN_TOKEN"
  [[ "$HTTP_STATUS" == 2?? ]] || die "POST /api/v1/admin/api-keys ($1) answered $HTTP_STATUS: $HTTP_BODY"
  key=$(json_field "$HTTP_BODY" key) || die "POST /api/v1/admin/api-keys ($1): no string field 'key' in: $HTTP_BODY"
  printf '%s\n' "$key"
}

expect_2xx() {  # expect_2xx <what> <path> [curl header args...]
  local what=$1 path=$2
  shift 2
  api GET "$path" "" "$@"
  [[ "$HTTP_STATUS" == 2?? ]] || die "$what: GET $path answered $HTTP_STATUS (expected 2xx): $HTTP_BODY"
}

# run_wrk <seconds-limit> <output-file> <wrk args...>
# wrk runs in the background and the script waits with the `wait` builtin: wrk catches Ctrl-C
# and exits normally, which would make bash ignore the signal for a foreground child; `wait`
# returns at once on a trapped signal, so the INT/TERM traps (and cleanup) always run.
run_wrk() {
  local limit=$1 out=$2 rc=0
  shift 2
  timeout "$limit" wrk "$@" >"$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || rc=$?
  WRK_PID=""
  return "$rc"
}

# run_case <id> <path> [wrk header args...] -> sets CASE_RESULT to the BENCH_RESULT line
CASE_RESULT=""
run_case() {
  local id=$1 path=$2 out="$TMP_DIR/wrk-$1.out"
  shift 2
  local wrk_args=(-t "$THREADS" -c "$CONNECTIONS" --timeout 5s "$@")
  log "case ($id) GET $path: warm-up $WARMUP"
  run_wrk $(( WARMUP_S + 30 )) "$out" "${wrk_args[@]}" -d "$WARMUP" "$BASE$path" \
    || die "wrk warm-up for case ($id) failed: $(cat "$out")"
  log "case ($id) GET $path: measuring $DURATION"
  BENCH_LABEL=$id run_wrk $(( DURATION_S + 30 )) "$out" "${wrk_args[@]}" -d "$DURATION" \
    -s "$BENCH_DIR/report.lua" "$BASE$path" || die "wrk for case ($id) failed: $(cat "$out")"
  cat "$out" >>"$BENCH_DIR/wrk-raw.log"
  CASE_RESULT=$(grep -m1 '^BENCH_RESULT ' "$out") || die "no BENCH_RESULT line from wrk for case ($id): $(cat "$out")"
  kill -0 "$APP_PID" 2>/dev/null || { app_log_tail; die "the app died during case ($id)"; }
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }  # field <BENCH_RESULT line> <name>

# ---- preflight -----------------------------------------------------------------------------
need curl psql createdb pg_isready redis-cli python3 timeout awk sed grep
DURATION_S=$(to_seconds "$DURATION") || die "DURATION='$DURATION' is not a wrk duration (e.g. 20s, 1m)"
WARMUP_S=$(to_seconds "$WARMUP") || die "WARMUP='$WARMUP' is not a wrk duration (e.g. 5s)"
[[ "$THREADS" =~ ^[1-9][0-9]*$ && "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || die "THREADS and CONNECTIONS must be positive integers"
(( CONNECTIONS >= THREADS )) || die "CONNECTIONS ($CONNECTIONS) must be >= THREADS ($THREADS)"
[[ "$BENCH_PORT" =~ ^[0-9]+$ ]] || die "BENCH_PORT must be a number"

select_jdk
ensure_wrk
[[ -f "$BENCH_DIR/report.lua" ]] || die "missing $BENCH_DIR/report.lua"

if [[ ! -f "$JAR" ]]; then
  [[ -z "${BENCH_JAR:-}" ]] || die "BENCH_JAR=$JAR does not exist"
  log "$JAR not found; building: ./mvnw -B -q package -DskipTests"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "build failed"
  [[ -f "$JAR" ]] || die "build finished but $JAR is missing"
else
  log "using existing $JAR (delete bootstrap/target or run ./mvnw package to rebuild)"
  if [[ -z "${BENCH_JAR:-}" ]] && newer=$(find "$ROOT" -path "$ROOT/.git" -prune -o -path '*/src/main/*' -type f \
        -newer "$JAR" -print -quit 2>/dev/null) && [[ -n "$newer" ]]; then
    warn "sources changed after the jar was built (e.g. ${newer#"$ROOT"/}); the numbers are for the old build"
  fi
fi

ensure_postgres
ensure_redis
ensure_database
port_in_use "$BENCH_PORT" && die "something already listens on 127.0.0.1:$BENCH_PORT; stop it or set BENCH_PORT"

TMP_DIR=$(mktemp -d)
JWT_ENV=()
if [[ "$BENCH_GENERATE_JWT_KEYS" == 1 ]]; then
  need openssl
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$TMP_DIR/privateKey.pem" 2>/dev/null
  openssl pkey -in "$TMP_DIR/privateKey.pem" -pubout -out "$TMP_DIR/publicKey.pem"
  JWT_ENV=(MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$TMP_DIR/publicKey.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$TMP_DIR/privateKey.pem")
  log "using a throw-away JWT key pair in $TMP_DIR"
fi

# ---- start the app -------------------------------------------------------------------------
: >"$APP_LOG"
: >"$BENCH_DIR/wrk-raw.log"
log "starting the app on 127.0.0.1:$BENCH_PORT (log: $APP_LOG)"
# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of flags
(
  cd "$ROOT"
  exec env \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$BENCH_DB" \
    QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
    QUARKUS_REDIS_HOSTS="redis://$REDIS_HOST:$REDIS_PORT" \
    QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT="$BENCH_PORT" \
    HEXCORE_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" \
    HEXCORE_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    HEXCORE_RATE_LIMIT_DEFAULT_PER_MIN=100000000 \
    HEXCORE_RATE_LIMIT_AUTH_PER_MIN=1000 \
    "${JWT_ENV[@]}" \
    java $BENCH_JAVA_OPTS -Dquarkus.profile=embedded -jar "$JAR"
) >"$APP_LOG" 2>&1 &
APP_PID=$!

started=$SECONDS
until curl -fsS --noproxy '*' --max-time 2 -o /dev/null "$BASE/q/health/ready" 2>/dev/null; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    app_log_tail
    die "the app exited during startup (see $APP_LOG)"
  fi
  if (( SECONDS - started >= STARTUP_TIMEOUT )); then
    app_log_tail
    die "the app was not ready at $BASE/q/health/ready after ${STARTUP_TIMEOUT}s"
  fi
  sleep 1
done
log "app ready after $(( SECONDS - started ))s"

tables=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -Atc \
  "select count(*) from information_schema.tables where table_schema not in ('pg_catalog','information_schema')" 2>/dev/null || echo "?")
if [[ "$tables" == 0 ]]; then
  warn "database $BENCH_DB has no tables: the app may not be using it (embedded PostgreSQL instead of QUARKUS_DATASOURCE_JDBC_URL?)"
fi

# ---- credentials ---------------------------------------------------------------------------
login() {  # prints a fresh access token for the bootstrap admin
  api POST /api/v1/auth/login "$(json_obj username "$ADMIN_USER" password "$ADMIN_PASSWORD")"
  [[ "$HTTP_STATUS" == 2?? ]] || die "POST /api/v1/auth/login as $ADMIN_USER answered $HTTP_STATUS: $HTTP_BODY (bootstrap admin not created? JWT keys missing? try BENCH_GENERATE_JWT_KEYS=1)"
  json_field "$HTTP_BODY" access_token || die "login response has no string field 'access_token': $HTTP_BODY"
}
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
log "wrk: $THREADS threads, $CONNECTIONS connections, $WARMUP warm-up + $DURATION per case, $(nproc) CPUs shared with the app"
run_case a /api/v1/ping
RES_A=$CASE_RESULT
ADMIN_TOKEN=$(login)   # fresh token, so a short token lifetime cannot expire during case (b)
run_case b /api/v1/auth/me -H "Authorization: Bearer $ADMIN_TOKEN"
RES_B=$CASE_RESULT
run_case c /api/v1/auth/me -H "X-API-Key: $API_KEY"
RES_C=$CASE_RESULT
run_case d /api/v1/auth/me -H "X-API-Key: $LIMITED_KEY"
RES_D=$CASE_RESULT

row() {  # row <id> <description> <BENCH_RESULT line>
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" \
    "$(field "$3" rps)" "$(field "$3" p50_ms)" "$(field "$3" p99_ms)" \
    "$(field "$3" requests)" "$(field "$3" non2xx)" "$(field "$3" socket_errors)"
}
ratio() { awk -v n="$1" -v d="$2" 'BEGIN { if (d > 0) printf "%.3f", n / d; else printf "n/a" }'; }

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  printf '## Hexcore bench %s\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'commit %s, JDK %s, %s CPUs, wrk -t%s -c%s, %s warm-up + %s per case, app and wrk on the same host.\n\n' \
    "$commit" "$(java_major "$JAVA_HOME")" "$(nproc)" "$THREADS" "$CONNECTIONS" "$WARMUP" "$DURATION"
  printf '| case | request | req/s | p50 ms | p99 ms | requests | non-2xx | socket errors |\n'
  printf '|---|---|---:|---:|---:|---:|---:|---:|\n'
  row a 'GET /api/v1/ping (no auth)' "$RES_A"
  row b 'GET /api/v1/auth/me, Bearer JWT' "$RES_B"
  row c 'GET /api/v1/auth/me, X-API-Key' "$RES_C"
  row d 'GET /api/v1/auth/me, X-API-Key limited to 1/min (expect 429)' "$RES_D"
  printf '\n'
  printf '| ratio | req/s |\n|---|---:|\n'
  printf '| (b)/(a) JWT vs bare | %s |\n' "$(ratio "$(field "$RES_B" rps)" "$(field "$RES_A" rps)")"
  printf '| (c)/(a) API key vs bare | %s |\n' "$(ratio "$(field "$RES_C" rps)" "$(field "$RES_A" rps)")"
  printf '\nnon-2xx = responses with status >= 400 (wrk errors.status). Raw wrk output: bench/wrk-raw.log\n'
} | tee "$RESULTS"

for id in a b c; do
  var=RES_${id^^}
  n=$(field "${!var}" non2xx)
  [[ "$n" == 0 ]] || warn "case ($id) had $n non-2xx responses"
done
[[ "$(field "$RES_C" non2xx)" == 0 ]] || warn "case (c) may have hit the bench key's own limit ($BENCH_KEY_RATE_LIMIT/min)"
[[ "$(field "$RES_D" non2xx)" != 0 ]] || warn "case (d) had no non-2xx responses: the 1/min key was not rate limited"
log "results written to $RESULTS"
