#!/usr/bin/env bash
# Issue 20, soak: the packaged app (prod profile) on the local PostgreSQL and Redis under a mixed workload — auth
# (/auth/me with a JWT, a few logins and refreshes), profiles (by id and a page, API key), the course view
# (GET /path/), the CRM order list (search, API key) and vocabulary reviews (the due list and posting reviews).
#   (1) the mix's maximum throughput: closed loop, MAX_WARMUP then MAX_DURATION measured;
#   (2) the same mix open-loop at RATE_FRACTION (½) of it for DURATION, in windows of WINDOW (bench/soak.lua paces
#       each connection and measures latency from the planned send time, so stalls are not hidden);
#   (3) after every window: the app's RSS, the heap used right after a forced full GC (jcmd), threads, open files,
#       CPU, and the window's p50/p99 and non-2xx;
#   (4) a CSV, a Markdown table and a verdict: no errors, RSS and heap after GC flat (last third against the first),
#       p99 stable (every window within P99_FACTOR × the median window's).
# Short runs while developing: DURATION=2m MAX_WARMUP=10s MAX_DURATION=15s bench/soak.sh. See bench/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

# ---- knobs (environment) ------------------------------------------------------------------
# bench/lib.sh adds the shared ones: BENCH_PORT, STARTUP_TIMEOUT, BENCH_JAVA_OPTS, BENCH_JAR.
DURATION=${DURATION:-15m}           # the soak at a constant rate
WINDOW=${WINDOW:-30s}               # one wrk run and one sample per window
MAX_WARMUP=${MAX_WARMUP:-30s}       # closed-loop warm-up before the maximum is measured
MAX_DURATION=${MAX_DURATION:-45s}   # closed-loop run whose req/s is the maximum
RATE_FRACTION=${RATE_FRACTION:-0.5} # the soak's rate as a fraction of the maximum
RATE=${RATE:-}                      # a fixed rate (req/s) instead: skips (1)
CONNECTIONS=${CONNECTIONS:-16}      # wrk connections, one per wrk thread
USERS=${USERS:-8}                   # learners: each enrolled in the course, each with LEXEMES words
LEXEMES=${LEXEMES:-2000}
PROFILES=${PROFILES:-500}           # stored profiles read by id and in pages (a multiple of 100)
SHOPS=${SHOPS:-3}                   # CRM shops of ORDERS orders each (bench/crm-seed.sql); the first is listed
ORDERS=${ORDERS:-30000}
SOAK_HEAP=${SOAK_HEAP:-512m}        # the app's -Xmx (the heap docker/k8s gives it: 50 % of a 1 GiB limit)
REDIS_DB=${REDIS_DB:-0}             # the Redis database the app uses
# Shares of the requests (normalised): auth, profiles, course view, orders, reviews. A login costs a bcrypt hash
# (cost 12, about 0.25 s of CPU, more than a hundred other requests), so logins stay rare. Each wrk thread's refresh
# chain carries over from one run to the next; only a thread's very first refresh is a login.
SOAK_MIX=${SOAK_MIX:-me=20,login=0.05,refresh=0.5,profile=20,profiles_page=5,path=15,orders=10,daily=15,review=14.45}
# The verdict's tolerances.
RSS_TOLERANCE_PCT=${RSS_TOLERANCE_PCT:-10}    # RSS: mean of the last third at most this much above the first's
HEAP_TOLERANCE_PCT=${HEAP_TOLERANCE_PCT:-10}  # heap after GC: the same, or at most HEAP_TOLERANCE_MIB, whichever is larger
HEAP_TOLERANCE_MIB=${HEAP_TOLERANCE_MIB:-8}
P99_FACTOR=${P99_FACTOR:-3}                   # every window's p99 at most this × the median window's p99
export BENCH_PROFILE=prod
export BENCH_GENERATE_JWT_KEYS=1              # prod needs real keys: a throw-away pair

BENCH_DB=hexcore_soak
APP_LOG=$BENCH_DIR/app-soak.log
WRK_RAW_LOG=$BENCH_DIR/wrk-soak-raw.log
RESULTS=$BENCH_DIR/last-soak-run.md
CSV=$BENCH_DIR/last-soak-run.csv
THREADS=$CONNECTIONS WARMUP=$MAX_WARMUP       # for check_load_knobs

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# ---- preflight -----------------------------------------------------------------------------
need curl psql createdb dropdb pg_isready redis-cli python3 timeout awk sed grep
check_load_knobs
WINDOW_S=$(to_seconds "$WINDOW") || die "WINDOW='$WINDOW' is not a duration (e.g. 30s)"
MAX_DURATION_S=$(to_seconds "$MAX_DURATION") || die "MAX_DURATION='$MAX_DURATION' is not a duration"
(( WINDOW_S >= 5 && DURATION_S >= WINDOW_S )) || die "WINDOW must be at least 5s and DURATION at least one WINDOW"
WINDOWS=$(( DURATION_S / WINDOW_S ))
for knob in USERS LEXEMES PROFILES SHOPS ORDERS; do [[ "${!knob}" =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer"; done
(( PROFILES % 100 == 0 && ORDERS % 10 == 0 )) || die "PROFILES must be a multiple of 100 and ORDERS of 10"
[[ "$REDIS_DB" =~ ^[0-9]+$ ]] || die "REDIS_DB must be a number"
[[ -z "$RATE" || "$RATE" =~ ^[1-9][0-9]*$ ]] || die "RATE must be a positive integer (req/s)"
[[ "$SOAK_HEAP" =~ ^[0-9]+[kKmMgG]$ ]] || die "SOAK_HEAP must be a JVM size such as 512m"

prepare_tools_and_services
[[ -x "$JAVA_HOME/bin/jcmd" ]] || die "no jcmd in $JAVA_HOME/bin (a JDK, not a JRE, is needed to force GCs)"
recreate_database
prepare_run
UPTIME_BEFORE=$(uptime)
: >"$WRK_RAW_LOG"

# Access tokens must outlive the run: the seeded users' tokens are sent for all of it.
TOKEN_TTL_S=$(( DURATION_S + MAX_DURATION_S + 3600 ))
APP_JAVA_FLAGS=("-Xmx$SOAK_HEAP")
start_app QUARKUS_REDIS_HOSTS="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" \
  HEXCORE_DATA_DIR="$TMP_DIR/data" \
  HEXCORE_JWT_ACCESS_TOKEN_TTL="PT${TOKEN_TTL_S}S" \
  HEXCORE_RATE_LIMIT_AUTH_PER_MIN=100000000 \
  HEXCORE_RATE_LIMIT_ANONYMOUS_PER_MIN=100000000

sql() { bench_sql "$1"; }
DATA=$TMP_DIR/soak-data.tsv
: >"$DATA"

# ---- seed ----------------------------------------------------------------------------------
log "seeding: $USERS learners, a 5 x 4 x 3 course, $LEXEMES words each, $PROFILES profiles, $SHOPS x $ORDERS orders"
USER_IDS=()
for (( u = 1; u <= USERS; u++ )); do
  name=soak_learner_${u}_$RANDOM password=soak-learner-password-$u
  register_and_login "$name" "$password"
  USER_IDS+=("$USER_ID")
  printf 'user\t%s\t%s\t%s\n' "$name" "$password" "$TOKEN" >>"$DATA"
done
IN_USERS=$(printf "'%s'," "${USER_IDS[@]}"); IN_USERS=${IN_USERS%,}

# The course of bench/courses.sh, every learner enrolled with the first 20 of its 60 levels done; the words of
# bench/vocabulary.sh for every learner.
psql_seed() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q "$@"; }
psql_seed -v slug=soak-5x4x3 -v users="$IN_USERS" -f "$BENCH_DIR/course-seed.sql"
psql_seed -v lexemes="$LEXEMES" -v users="$IN_USERS" -f "$BENCH_DIR/words-seed.sql"
for (( u = 1; u <= USERS; u++ )); do   # 200 reviewed words per learner are the ones its reviews rate
  sql "select id from user_lexemes where user_id = '${USER_IDS[u - 1]}' and review_state = 'review' order by id limit 200" \
    | sed "s/^/item\t$u\t/" >>"$DATA"
done

ADMIN_TOKEN=$(login)
new_api_key soak-profiles 100000000 profiles:read,profiles:write; PROFILES_KEY=$KEY_SECRET PROFILES_KEY_ID=$KEY_ID
for (( i = 0; i < PROFILES / 100; i++ )); do
  api POST /api/v1/profiles/generate '{"count":100,"persist":true}' -H "X-API-Key: $PROFILES_KEY"
  [[ "$HTTP_STATUS" == 201 ]] || die "POST /api/v1/profiles/generate answered $HTTP_STATUS: ${HTTP_BODY:0:300}"
done
sql "select id from profiles where source_key = '$PROFILES_KEY_ID' and deleted_at is null" | sed 's/^/profile\t/' >>"$DATA"

psql_seed -v shops="$SHOPS" -v orders="$ORDERS" -f "$BENCH_DIR/crm-seed.sql"
SHOP_ID=$(sql "select id from crm_shops where name = 'Bench shop 1'")
new_api_key soak-crm 100000000 crm; CRM_KEY=$KEY_SECRET
# Searches: each surname matches about a tenth of the shop's orders, a number fragment a few.
python3 -c 'import sys, urllib.parse
for term in sys.argv[1:]: print("search\t" + urllib.parse.quote(term))' \
  Смирнова Иванова Кузнецова Попова Соколова Лебедева Козлова Новикова Морозова Волкова 4242 777 >>"$DATA"
printf 'profiles_key\t%s\ncrm_key\t%s\nshop\t%s\n' "$PROFILES_KEY" "$CRM_KEY" "$SHOP_ID" >>"$DATA"

# Every kind of request answers 2xx before the load starts.
first_user_auth=(-H "Authorization: Bearer $(awk -F'\t' '$1 == "user" { print $4; exit }' "$DATA")")
expect_2xx "auth/me" /api/v1/auth/me "${first_user_auth[@]}"
expect_2xx "course view" /api/v1/path/ "${first_user_auth[@]}"
expect_2xx "daily review" "/api/v1/vocabulary/daily-review?limit=20" "${first_user_auth[@]}"
expect_2xx "profile by id" "/api/v1/profiles/$(awk -F'\t' '$1 == "profile" { print $2; exit }' "$DATA")" -H "X-API-Key: $PROFILES_KEY"
expect_2xx "profiles page" "/api/v1/profiles?limit=20" -H "X-API-Key: $PROFILES_KEY"
expect_2xx "orders list" "/api/v1/orders?shop_id=$SHOP_ID&search=$(awk -F'\t' '$1 == "search" { print $2; exit }' "$DATA")&limit=100" \
  -H "X-API-Key: $CRM_KEY"
api POST /api/v1/vocabulary/review "{\"vocabulary_id\":\"$(awk -F'\t' '$1 == "item" { print $3; exit }' "$DATA")\",\"rating\":3}" \
  "${first_user_auth[@]}"
[[ "$HTTP_STATUS" == 2?? ]] || die "POST /api/v1/vocabulary/review answered $HTTP_STATUS: $HTTP_BODY"
log "seeded; $(grep -c '^item' "$DATA") review items, $(grep -c '^profile' "$DATA") profiles, $(sql "select count(*) from crm_orders") orders"

# ---- load ----------------------------------------------------------------------------------
# soak_wrk <label> <duration> <rate or 0> -> sets WINDOW_RESULT to the SOAK_WINDOW line
WINDOW_RESULT=""
soak_wrk() {
  local label=$1 duration=$2 rate=$3 out="$TMP_DIR/wrk-$1.out" seconds
  seconds=$(to_seconds "$duration")
  SOAK_DATA=$DATA SOAK_MIX=$SOAK_MIX SOAK_RATE=$rate SOAK_THREADS=$CONNECTIONS SOAK_LABEL=$label SOAK_TOKENS=$TMP_DIR/tokens \
    run_wrk $(( seconds + 60 )) "$out" -t "$CONNECTIONS" -c "$CONNECTIONS" --timeout 10s -d "$duration" \
    -s "$BENCH_DIR/soak.lua" "$BASE" || die "wrk ($label) failed: $(tail -n 20 "$out")"
  cat "$out" >>"$WRK_RAW_LOG"
  WINDOW_RESULT=$(grep -m1 '^SOAK_WINDOW ' "$out") || die "no SOAK_WINDOW line from wrk ($label): $(tail -n 20 "$out")"
  kill -0 "$APP_PID" 2>/dev/null || { app_log_tail; die "the app died during $label"; }
}

MAX_RESULT="" MAX_CPU=""
if [[ -z "$RATE" ]]; then
  log "(1) maximum: closed loop, $CONNECTIONS connections, warm-up $MAX_WARMUP, measured $MAX_DURATION"
  soak_wrk max-warmup "$MAX_WARMUP" 0
  cpu_before=$(app_cpu_ticks)
  soak_wrk max "$MAX_DURATION" 0; MAX_RESULT=$WINDOW_RESULT
  MAX_CPU=$(awk -v a="$cpu_before" -v b="$(app_cpu_ticks)" -v s="$MAX_DURATION_S" -v hz="$(getconf CLK_TCK)" \
    -v n="$(field "$MAX_RESULT" requests)" 'BEGIN { printf "%.0f %% of one core, %.0f µs per request", (b - a) / hz / s * 100, (b - a) / hz * 1e6 / n }')
  MAX_RPS=$(field "$MAX_RESULT" rps)
  RATE=$(awk -v m="$MAX_RPS" -v f="$RATE_FRACTION" 'BEGIN { r = int(m * f + 0.5); print (r < 1 ? 1 : r) }')
  log "maximum $MAX_RPS req/s (p99 $(field "$MAX_RESULT" p99_ms) ms, non-2xx $(field "$MAX_RESULT" non2xx)); the soak runs at $RATE req/s"
else
  log "(1) skipped: RATE=$RATE req/s given"
  soak_wrk warmup "$MAX_WARMUP" "$RATE"
fi

# sample <window> <elapsed s> <SOAK_WINDOW line or empty>: appends one CSV row
CPU_TICKS=$(app_cpu_ticks) CPU_AT=$EPOCHREALTIME
sample() {
  local window=$1 elapsed=$2 res=$3 rss heap used committed threads fds ticks at cpu k
  rss=$(app_rss_kib)
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$APP_PID/status")
  fds=$(find "/proc/$APP_PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  ticks=$(app_cpu_ticks) at=$EPOCHREALTIME
  cpu=$(awk -v a="$CPU_TICKS" -v b="$ticks" -v t0="$CPU_AT" -v t1="$at" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f", (b - a) / hz / (t1 - t0) * 100 }')
  heap=$(app_heap_after_gc) || die "jcmd could not force a GC in pid $APP_PID"
  read -r used committed <<<"$heap"
  CPU_TICKS=$(app_cpu_ticks) CPU_AT=$EPOCHREALTIME   # the forced GC's own CPU goes to the next window
  local row=("$window" "$elapsed")
  for k in requests rps p50_ms p90_ms p99_ms p999_ms max_ms non2xx socket_errors behind_ms; do row+=("$(field "$res" "$k")"); done
  row+=("$(( rss / 1024 ))" "$(( used / 1024 ))" "$(( committed / 1024 ))" "$threads" "$fds" "$cpu"
        "$(cut -d' ' -f1 /proc/loadavg)" "$(field "$res" statuses | tr , ' ')" "$(field "$res" routes | tr , ' ')")
  (IFS=,; printf '%s\n' "${row[*]}") >>"$CSV"
}

METRICS_BEFORE=$TMP_DIR/metrics-before.txt METRICS_AFTER=$TMP_DIR/metrics-after.txt
curl -fsS --noproxy '*' "$BASE/q/metrics" >"$METRICS_BEFORE" || die "GET /q/metrics failed"
echo "window,elapsed_s,requests,rps,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,non2xx,socket_errors,behind_ms,rss_mib,heap_after_gc_mib,heap_committed_mib,threads,open_files,app_cpu_pct,load1,statuses,routes" >"$CSV"
sample 0 0 ""
log "(2) soak: $RATE req/s open loop for $WINDOWS windows of $WINDOW ($CONNECTIONS connections); a sample after each"
SOAK_STARTED=$SECONDS
for (( w = 1; w <= WINDOWS; w++ )); do
  soak_wrk "w$w" "$WINDOW" "$RATE"
  sample "$w" $(( SECONDS - SOAK_STARTED )) "$WINDOW_RESULT"
  log "  window $w/$WINDOWS: $(field "$WINDOW_RESULT" rps) req/s, p50 $(field "$WINDOW_RESULT" p50_ms) ms, p99 $(field "$WINDOW_RESULT" p99_ms) ms, non-2xx $(field "$WINDOW_RESULT" non2xx); $(tail -n1 "$CSV" | cut -d, -f13-14 | sed 's/,/ MiB RSS, /') MiB heap after GC"
done
UPTIME_AFTER=$(uptime)
curl -fsS --noproxy '*' "$BASE/q/metrics" >"$METRICS_AFTER" || die "GET /q/metrics failed"

# ---- report --------------------------------------------------------------------------------
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  printf '## Hexcore soak %s\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'commit %s, %s CPUs, JDK %s, `-Xmx%s`, Redis db %s. `uptime` before: `%s`; after: `%s`.\n\n' "$commit" "$(nproc)" \
    "$(java_major "$JAVA_HOME")" "$SOAK_HEAP" "$REDIS_DB" "$(sed 's/^ *//' <<<"$UPTIME_BEFORE")" "$(sed 's/^ *//' <<<"$UPTIME_AFTER")"
  printf 'Mix (shares of requests): `%s`; %s learners, %s words each, %s profiles, %s × %s orders.\n\n' \
    "$SOAK_MIX" "$USERS" "$LEXEMES" "$PROFILES" "$SHOPS" "$ORDERS"
  if [[ -n "$MAX_RESULT" ]]; then
    printf 'Maximum (closed loop, %s connections, %s after %s warm-up): **%s req/s**, p50 %s ms, p99 %s ms, non-2xx %s; app CPU %s.\n' \
      "$CONNECTIONS" "$MAX_DURATION" "$MAX_WARMUP" "$(field "$MAX_RESULT" rps)" "$(field "$MAX_RESULT" p50_ms)" \
      "$(field "$MAX_RESULT" p99_ms)" "$(field "$MAX_RESULT" non2xx)" "$MAX_CPU"
  fi
  printf 'Soak: **%s req/s** open loop (%s × the maximum) for %s windows of %s; latency from the planned send time.\n\n' \
    "$RATE" "$RATE_FRACTION" "$WINDOWS" "$WINDOW"
  python3 - "$METRICS_BEFORE" "$METRICS_AFTER" <<'PY'
import re, sys
def read(path):  # (method, uri) -> [count, seconds] over http_server_requests_seconds, every status
    out = {}
    for line in open(path):
        m = re.match(r'http_server_requests_seconds_(count|sum)\{(.*)\} (\S+)$', line)
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
        key = (labels.get("method"), labels.get("uri"))
        out.setdefault(key, [0.0, 0.0])[0 if m.group(1) == "count" else 1] += float(m.group(3))
    return out
before, after = read(sys.argv[1]), read(sys.argv[2])
rows = []
for key, (n, s) in after.items():
    n0, s0 = before.get(key, [0.0, 0.0])
    if n - n0 > 0:
        rows.append((key, n - n0, (s - s0) / (n - n0) * 1000))
print("Server time per route during the soak (`http_server_requests_seconds`, all statuses):\n")
print("| route | requests | mean ms |\n|---|---:|---:|")
for (method, uri), n, ms in sorted(rows, key=lambda r: -r[1]):
    print(f"| {method} {uri} | {n:.0f} | {ms:.2f} |")
print()
PY
  python3 - "$CSV" "$RSS_TOLERANCE_PCT" "$HEAP_TOLERANCE_PCT" "$HEAP_TOLERANCE_MIB" "$P99_FACTOR" <<'PY'
import csv, statistics, sys
path, rss_tol, heap_tol, heap_tol_mib, p99_factor = sys.argv[1], *map(float, sys.argv[2:])
rows = list(csv.DictReader(open(path)))
base, windows = rows[0], rows[1:]
print("| window | end s | req/s | p50 ms | p99 ms | max ms | non-2xx | socket err | RSS MiB | heap after GC MiB | committed MiB | threads | app CPU % | load |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| before | 0 | | | | | | | {base['rss_mib']} | {base['heap_after_gc_mib']} | {base['heap_committed_mib']} | {base['threads']} | | {base['load1']} |")
for r in windows:
    print(f"| {r['window']} | {r['elapsed_s']} | {float(r['rps']):.0f} | {float(r['p50_ms']):.1f} | {float(r['p99_ms']):.1f} | {float(r['max_ms']):.1f} | "
          f"{r['non2xx']} | {r['socket_errors']} | {r['rss_mib']} | {r['heap_after_gc_mib']} | {r['heap_committed_mib']} | "
          f"{r['threads']} | {r['app_cpu_pct']} | {r['load1']} |")
routes = {}
for r in windows:
    for item in r["routes"].split():
        name, n, bad = item.split(":")
        routes.setdefault(name, [0, 0])
        routes[name][0] += int(n); routes[name][1] += int(bad)
print()
print("Requests per route (non-2xx): " + ", ".join(f"{k} {v[0]} ({v[1]})" for k, v in routes.items()) + ".")
print()

def slope_per_hour(xs, ys):  # least-squares slope, units per hour
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return 0.0 if den == 0 else sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den * 3600

third = max(1, len(windows) // 3)
t = [float(r["elapsed_s"]) for r in windows]
def thirds(key):
    ys = [float(r[key]) for r in windows]
    return statistics.fmean(ys[:third]), statistics.fmean(ys[-third:]), slope_per_hour(t, ys)

errors = sum(int(r["non2xx"]) + int(r["socket_errors"]) for r in windows)
requests = sum(int(r["requests"]) for r in windows)
rss_first, rss_last, rss_slope = thirds("rss_mib")
heap_first, heap_last, heap_slope = thirds("heap_after_gc_mib")
p99s = [float(r["p99_ms"]) for r in windows]
p99_median = statistics.median(p99s)
p99_limit = p99_factor * p99_median
over = [r["window"] for r in windows if float(r["p99_ms"]) > p99_limit]
rss_ok = rss_last <= rss_first * (1 + rss_tol / 100)
heap_ok = heap_last - heap_first <= max(heap_first * heap_tol / 100, heap_tol_mib)
verdict = lambda ok: "**met**" if ok else "**not met**"
print("| check | rule | measured | verdict |")
print("|---|---|---|---|")
print(f"| errors | no non-2xx, no socket errors | {errors} of {requests} requests | {verdict(errors == 0)} |")
print(f"| RSS flat | mean of the last third ≤ first third + {rss_tol:g} % | {rss_first:.0f} → {rss_last:.0f} MiB "
      f"({(rss_last / rss_first - 1) * 100:+.1f} %); slope {rss_slope:+.1f} MiB/h | {verdict(rss_ok)} |")
print(f"| heap after GC flat | last third ≤ first third + max({heap_tol:g} %, {heap_tol_mib:g} MiB) | {heap_first:.1f} → {heap_last:.1f} MiB "
      f"({heap_last - heap_first:+.1f} MiB); slope {heap_slope:+.1f} MiB/h | {verdict(heap_ok)} |")
print(f"| p99 stable | every window ≤ {p99_factor:g} × the median window's p99 | median {p99_median:.1f} ms, "
      f"highest {max(p99s):.1f} ms; windows over {p99_limit:.1f} ms: {', '.join(over) if over else 'none'} | {verdict(not over)} |")
PY
} >"$RESULTS"
cat "$RESULTS"
log "results written to $RESULTS and $CSV"
