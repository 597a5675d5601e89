# Shared parts of the Hexcore benchmarks (bench/run.sh, bench/profiles.sh). Source it; do not run it.
#
# Before sourcing, the script sets BENCH_DIR, ROOT, BENCH_DB (database to use), APP_LOG (the app's output) and,
# if it uses run_case, DURATION, WARMUP, THREADS, CONNECTIONS and WRK_RAW_LOG (where wrk's output is appended).
# Sourcing defines the shared knobs below, the helpers, and an EXIT trap that stops wrk and the app and removes
# TMP_DIR. A script that needs more clean-up defines bench_on_exit, which the trap calls first.
# shellcheck shell=bash
# The sourcing script sets DURATION, WARMUP, BENCH_DIR... (SC2153) and reads what the helpers set (SC2034).
# shellcheck disable=SC2034,SC2153

# ---- shared knobs (environment) ------------------------------------------------------------
BENCH_PORT=${BENCH_PORT:-8080}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-180}   # seconds to wait for /q/health/ready
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}      # extra JVM flags for the app, e.g. "-Xmx1g"
BENCH_GENERATE_JWT_KEYS=${BENCH_GENERATE_JWT_KEYS:-0}  # 1: give the app a throw-away RSA key pair
BENCH_PROFILE=${BENCH_PROFILE:-embedded}  # the app's Quarkus profile; prod needs BENCH_GENERATE_JWT_KEYS=1
JAR=${BENCH_JAR:-$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar}

PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=postgres
REDIS_HOST=127.0.0.1 REDIS_PORT=6379
ADMIN_USER=benchadmin ADMIN_PASSWORD=bench-admin-password-1
BASE=http://127.0.0.1:$BENCH_PORT

APP_PID=""
WRK_PID=""
TMP_DIR=""
JWT_ENV=()
APP_JAVA_FLAGS=()   # JVM flags a script adds before BENCH_JAVA_OPTS

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

# stop_process <pid> <what>: SIGTERM, then SIGKILL after 15 s; quiet when the process is already gone.
stop_process() {
  local pid=$1 what=$2 i
  kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $what (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < 30; i++ )); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$what did not stop within 15s; killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  if declare -F bench_on_exit >/dev/null; then
    bench_on_exit || true
  fi
  if [[ -n "$WRK_PID" ]]; then
    kill -TERM "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" 2>/dev/null || true
  fi
  [[ -n "$APP_PID" ]] && stop_process "$APP_PID" "the app"
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

# Checks DURATION, WARMUP, THREADS, CONNECTIONS and BENCH_PORT; sets DURATION_S and WARMUP_S.
check_load_knobs() {
  DURATION_S=$(to_seconds "$DURATION") || die "DURATION='$DURATION' is not a wrk duration (e.g. 20s, 1m)"
  WARMUP_S=$(to_seconds "$WARMUP") || die "WARMUP='$WARMUP' is not a wrk duration (e.g. 5s)"
  [[ "$THREADS" =~ ^[1-9][0-9]*$ && "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || die "THREADS and CONNECTIONS must be positive integers"
  (( CONNECTIONS >= THREADS )) || die "CONNECTIONS ($CONNECTIONS) must be >= THREADS ($THREADS)"
  [[ "$BENCH_PORT" =~ ^[0-9]+$ ]] || die "BENCH_PORT must be a number"
}

# java_major, jdk_ok and the rule of .ci/run and ./hexcore: $JAVA_HOME if >= 21, else temurin-25, else the newest
# /usr/lib/jvm/*/ >= 21.
# shellcheck source=../scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"

use_jdk() {
  select_jdk || die "cannot run the benchmark without a JDK >= $MIN_JAVA"
  log "using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"
}

# Uses $JAR; builds it when it is missing and BENCH_JAR is unset; warns when sources are newer than the jar.
ensure_jar() {
  local newer
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
}

# The tools and services every benchmark needs: a JDK, wrk, report.lua, the jar, PostgreSQL and Redis.
prepare_tools_and_services() {
  use_jdk
  ensure_wrk
  [[ -f "$BENCH_DIR/report.lua" ]] || die "missing $BENCH_DIR/report.lua"
  ensure_jar

  ensure_postgres
  ensure_redis
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

# Drops $BENCH_DB (closing its connections) and creates it empty, so every run starts from the same state.
recreate_database() {
  log "dropping and creating database $BENCH_DB"
  dropdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" --if-exists --force "$BENCH_DB" || die "dropdb $BENCH_DB failed"
  ensure_database
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

# Fails when BENCH_PORT is taken; creates TMP_DIR and, with BENCH_GENERATE_JWT_KEYS=1, a throw-away JWT key pair.
prepare_run() {
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
}

# start_app [NAME=value ...]: starts the packaged app from the repository root against $BENCH_DB and Redis, with the
# extra environment given, JVM flags APP_JAVA_FLAGS then BENCH_JAVA_OPTS; sets APP_PID (the java process) and waits
# until /q/health/ready answers.
start_app() {
  local started tables
  : >"$APP_LOG"
  log "starting the app on 127.0.0.1:$BENCH_PORT (log: $APP_LOG)"
  # shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of flags
  (
    cd "$ROOT" || exit
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
      "$@" \
      java "${APP_JAVA_FLAGS[@]}" $BENCH_JAVA_OPTS -Dquarkus.profile="$BENCH_PROFILE" -jar "$JAR"
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
}

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

login() {  # prints a fresh access token for the bootstrap admin
  api POST /api/v1/auth/login "$(json_obj username "$ADMIN_USER" password "$ADMIN_PASSWORD")"
  [[ "$HTTP_STATUS" == 2?? ]] || die "POST /api/v1/auth/login as $ADMIN_USER answered $HTTP_STATUS: $HTTP_BODY (bootstrap admin not created? JWT keys missing? try BENCH_GENERATE_JWT_KEYS=1)"
  json_field "$HTTP_BODY" access_token || die "login response has no string field 'access_token': $HTTP_BODY"
}

# new_api_key <label> <rate_limit_per_min> [<scopes, comma-separated; default admin>]: creates a key as the admin
# ($ADMIN_TOKEN); sets KEY_SECRET (the key) and KEY_ID (its id, which is the owner recorded as source_key).
KEY_SECRET="" KEY_ID=""
new_api_key() {
  local body
  body=$(json_obj label "$1" scopes "@list:${3:-admin}" rate_limit_per_min "@int:$2")
  api POST /api/v1/admin/api-keys "$body" -H "Authorization: Bearer $ADMIN_TOKEN"
  [[ "$HTTP_STATUS" == 2?? ]] || die "POST /api/v1/admin/api-keys ($1) answered $HTTP_STATUS: $HTTP_BODY"
  KEY_SECRET=$(json_field "$HTTP_BODY" key) || die "POST /api/v1/admin/api-keys ($1): no string field 'key' in: $HTTP_BODY"
  KEY_ID=$(json_field "$HTTP_BODY" id) || die "POST /api/v1/admin/api-keys ($1): no string field 'id' in: $HTTP_BODY"
}

create_api_key() {  # create_api_key <label> <rate_limit_per_min> [<scopes>] -> prints the key
  new_api_key "$@"
  printf '%s\n' "$KEY_SECRET"
}

# register_and_login <username> <password>: a new user, signed in; sets USER_ID, TOKEN and AUTH (curl/wrk header args)
register_and_login() {
  api POST /api/v1/auth/register "$(json_obj username "$1" email "$1@example.test" password "$2")"
  [[ "$HTTP_STATUS" == 201 ]] || die "register answered $HTTP_STATUS: $HTTP_BODY"
  USER_ID=$(json_field "$HTTP_BODY" id)
  api POST /api/v1/auth/login "$(json_obj username "$1" password "$2")"
  TOKEN=$(json_field "$HTTP_BODY" access_token) || die "login answered $HTTP_STATUS: $HTTP_BODY"
  AUTH=(-H "Authorization: Bearer $TOKEN")
}

# bench_sql <statement>: runs SQL on the bench database, unaligned output
bench_sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -v ON_ERROR_STOP=1 -Atqc "$1"; }

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
  local limit=$1 out=$2
  shift 2
  run_waited "$limit" "$out" wrk "$@"
}

# run_waited <seconds-limit> <output-file> <command...>: as run_wrk, for any command (stopped by cleanup too).
run_waited() {
  local limit=$1 out=$2 rc=0
  shift 2
  timeout "$limit" "$@" >"$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || rc=$?
  WRK_PID=""
  return "$rc"
}

# run_case <id> <path> [wrk header args...] -> sets CASE_RESULT to the BENCH_RESULT line, and CASE_LOG_FROM to the
# number of lines APP_LOG had when the measured run started.
# With CASE_BODY set (e.g. CASE_BODY='{"count":1}' run_case ...) the requests are POSTs of that JSON body, sent by
# report.lua in the warm-up too; CASE_METHOD overrides the method.
CASE_RESULT="" CASE_LOG_FROM=0
run_case() {
  local id=$1 path=$2 out="$TMP_DIR/wrk-$1.out"
  local body=${CASE_BODY:-} method=${CASE_METHOD:-GET}
  shift 2
  local wrk_args=(-t "$THREADS" -c "$CONNECTIONS" --timeout 5s "$@") warm_args=()
  if [[ -n "$body" ]]; then
    method=${CASE_METHOD:-POST}
    warm_args=(-s "$BENCH_DIR/report.lua")
  fi
  log "case ($id) $method $path: warm-up $WARMUP"
  BENCH_LABEL=warmup BENCH_METHOD=$method BENCH_BODY=$body run_wrk $(( WARMUP_S + 30 )) "$out" \
    "${wrk_args[@]}" "${warm_args[@]}" -d "$WARMUP" "$BASE$path" \
    || die "wrk warm-up for case ($id) failed: $(cat "$out")"
  CASE_LOG_FROM=$(wc -l <"$APP_LOG")
  log "case ($id) $method $path: measuring $DURATION"
  local cpu_before cpu_after requests
  cpu_before=$(app_cpu_ticks)
  BENCH_LABEL=$id BENCH_METHOD=$method BENCH_BODY=$body run_wrk $(( DURATION_S + 30 )) "$out" "${wrk_args[@]}" \
    -d "$DURATION" -s "$BENCH_DIR/report.lua" "$BASE$path" || die "wrk for case ($id) failed: $(cat "$out")"
  cpu_after=$(app_cpu_ticks)
  cat "$out" >>"$WRK_RAW_LOG"
  CASE_RESULT=$(grep -m1 '^BENCH_RESULT ' "$out") || die "no BENCH_RESULT line from wrk for case ($id): $(cat "$out")"
  # The app's own CPU time (user + system, every thread: request handling, GC, JIT, logging) per answered request:
  # unlike req/s it does not depend on how the two cores were shared with wrk and the rest of the host.
  requests=$(field "$CASE_RESULT" requests)
  CASE_RESULT+=" app_cpu_us=$(awk -v a="$cpu_before" -v b="$cpu_after" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { if (a != "" && b != "" && n > 0) printf "%.1f", (b - a) / hz * 1e6 / n; else printf "n/a" }')"
  kill -0 "$APP_PID" 2>/dev/null || { app_log_tail; die "the app died during case ($id)"; }
}

warn_non2xx() {  # warn_non2xx <case id> <BENCH_RESULT line>
  local n
  n=$(field "$2" non2xx)
  [[ "$n" == 0 ]] || warn "case ($1) had $n non-2xx responses"
}

# app_cpu_ticks: user + system clock ticks the app process has used so far (empty when /proc cannot tell).
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat" 2>/dev/null || true; }

# ratio <numerator> <denominator>: n/d with three decimals, "n/a" unless d > 0.
ratio() { awk -v n="$1" -v d="$2" 'BEGIN { if (d > 0) printf "%.3f", n / d; else printf "n/a" }'; }

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }  # field <BENCH_RESULT line> <name>

# ---- several instances at once (bench/replicas.sh) ------------------------------------------------------------
# start_replica <port> <log> [NAME=value ...]: start_app on another port and log; sets REPLICA_PID and leaves APP_PID
# empty, so the EXIT trap does not stop it: the script stops its replicas itself (stop_process in bench_on_exit).
REPLICA_PID=""
start_replica() {
  local port=$1 log=$2
  shift 2
  port_in_use "$port" && die "something already listens on 127.0.0.1:$port"
  BENCH_PORT=$port BASE=http://127.0.0.1:$port APP_LOG=$log start_app "$@"
  REPLICA_PID=$APP_PID
  APP_PID=""
}

# ==== throw-away PostgreSQL cluster and Redis server (bench/faults.sh) ========================================
# A script that stops and restarts its database or Redis must never touch the machine's shared ones (5432, 6379):
# these helpers run a private cluster and server on ports of the script's choosing, under a directory it owns.

# own_pg_bin: prints the directory holding initdb and pg_ctl (FAULTS_PG_BIN, the one initdb on PATH resolves to, or
# the newest /usr/lib/postgresql/*/bin).
own_pg_bin() {
  local initdb dir
  if [[ -n "${FAULTS_PG_BIN:-}" ]]; then printf '%s\n' "$FAULTS_PG_BIN"; return; fi
  if initdb=$(command -v initdb 2>/dev/null); then
    dirname "$(readlink -f "$initdb")"
    return
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x "$dir/initdb" ]] && { printf '%s\n' "$dir"; return; }
  done
  return 1
}

# own_pg_ctl_cmd <dir> <port> <pg_ctl args...>: prints a shell command running pg_ctl on the cluster in <dir>/data
# (as the postgres user when this is root: PostgreSQL refuses to run as root).
own_pg_ctl_cmd() {
  local dir=$1 port=$2 bin
  shift 2
  bin=$(own_pg_bin) || return 1
  local cmd=("$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=100" "$@")
  [[ $(id -u) -eq 0 ]] && cmd=(runuser -u postgres -- "${cmd[@]}")
  printf '%q ' "${cmd[@]}"
}

# own_postgres_start <dir> <port>: creates a trust-auth cluster (user postgres) in <dir>/data unless it exists and
# starts it on 127.0.0.1:<port>. <dir> must be writable by the postgres user when this is root.
own_postgres_start() {
  local dir=$1 port=$2 bin initdb_cmd
  port_in_use "$port" && die "something already listens on 127.0.0.1:$port; set another port"
  bin=$(own_pg_bin) || die "no PostgreSQL server binaries (initdb, pg_ctl) found; set FAULTS_PG_BIN"
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    initdb_cmd=("$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync)
    if [[ $(id -u) -eq 0 ]]; then
      chown postgres "$dir" || die "cannot give $dir to the postgres user"
      initdb_cmd=(runuser -u postgres -- "${initdb_cmd[@]}")
    fi
    "${initdb_cmd[@]}" >"$dir/initdb.log" 2>&1 || die "initdb failed: $(tail -n 5 "$dir/initdb.log")"
  fi
  eval "$(own_pg_ctl_cmd "$dir" "$port" start)" >/dev/null || die "pg_ctl start failed: $(tail -n 5 "$dir/postgres.log")"
}

# own_postgres_stop <dir> <port>: stops the cluster if it runs (fast shutdown: sessions are disconnected).
own_postgres_stop() {
  [[ -f "$1/data/postmaster.pid" ]] || return 0
  eval "$(own_pg_ctl_cmd "$1" "$2" -m fast stop)" >/dev/null 2>&1 || true
}

# own_redis_start_cmd <dir> <port> / own_redis_stop_cmd <port>: print the shell commands that start (daemonized, no
# persistence) or stop a private redis-server.
own_redis_start_cmd() {
  printf '%q ' redis-server --port "$2" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$1" --logfile "$1/redis.log" --pidfile "$1/redis.pid"
}
own_redis_stop_cmd() { printf '%q ' redis-cli -h 127.0.0.1 -p "$1" shutdown nosave; }

own_redis_start() {  # own_redis_start <dir> <port>
  port_in_use "$2" && die "something already listens on 127.0.0.1:$2; set another port"
  eval "$(own_redis_start_cmd "$1" "$2")" || die "redis-server did not start on port $2"
}
own_redis_stop() {  # own_redis_stop <port>: stops it if it answers
  [[ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" == PONG ]] || return 0
  eval "$(own_redis_stop_cmd "$1")" >/dev/null 2>&1 || true
}

# ---- memory samples of the app (bench/soak.sh) ------------------------------------------------------------------
# app_rss_kib: the app's resident set size in KiB (VmRSS), empty when the process is gone.
app_rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || true; }

# app_heap_after_gc: forces a full GC (jcmd GC.run) and prints "<used KiB> <committed KiB>" of the Java heap right
# after it, from jcmd GC.heap_info (G1 and the other collectors print "... committed|total <n>K, used <n>K ...").
app_heap_after_gc() {
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.run >/dev/null || return 1
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.heap_info | awk '
    / heap / && !done {
      for (i = 1; i <= NF; i++) {
        if ($i == "used") { used = $(i + 1) }
        if ($i == "committed" || $i == "total") { committed = $(i + 1) }
      }
      gsub(/[^0-9]/, "", used); gsub(/[^0-9]/, "", committed)
      if (used != "") { print used, committed; done = 1 }
    }
    END { if (!done) exit 1 }'
}
