#!/usr/bin/env bash
# Hexcore profiles and exports benchmark (issue 4): packaged JVM app + real PostgreSQL/Redis on 127.0.0.1.
#   (a) POST /api/v1/profiles/generate of 100 profiles, not persisted and persisted, with wrk at 1 and N connections;
#   (b) PDF exports: per-profile render time of 100-profile PDFs, and single-profile PDFs;
#   (c) a JSON export of 100,000 profiles: seeding time, export throughput and heap growth (GC log and /q/metrics).
# See bench/README.md. Every request goes to 127.0.0.1; the app is stopped on exit.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

# ---- knobs (environment) ------------------------------------------------------------------
# bench/lib.sh adds the shared ones: BENCH_PORT, STARTUP_TIMEOUT, BENCH_JAVA_OPTS, BENCH_GENERATE_JWT_KEYS, BENCH_JAR.
DURATION=${DURATION:-20s}            # measured wrk run per generate case
WARMUP=${WARMUP:-10s}                # un-measured wrk run before each generate case
THREADS=${THREADS:-2}                # wrk threads of the multi-connection cases (the 1-connection cases use 1)
CONNECTIONS=${CONNECTIONS:-4}        # wrk connections of the multi-connection cases
PDF_WARMUP=${PDF_WARMUP:-3}          # un-measured 100-profile PDF exports first (the first one loads fonts, JIT)
PDF_RUNS=${PDF_RUNS:-10}             # measured 100-profile PDF exports, one after another
PDF_SINGLE_RUNS=${PDF_SINGLE_RUNS:-20}  # single-profile PDF exports (at most 100)
EXPORT_PROFILES=${EXPORT_PROFILES:-100000}  # profiles in the JSON export (a multiple of 100)
SEED_PARALLEL=${SEED_PARALLEL:-4}    # concurrent generate requests while seeding them
POLL_INTERVAL=${POLL_INTERVAL:-0.25} # seconds between status polls (and heap samples) of the JSON export
PDF_POLL_INTERVAL=${PDF_POLL_INTERVAL:-0.1}  # seconds between status polls of a PDF export
BENCH_HEAP=${BENCH_HEAP:-512m}       # the app's -Xmx

BENCH_DB=hexcore_bench_profiles
APP_LOG=$BENCH_DIR/app-profiles.log
WRK_RAW_LOG=$BENCH_DIR/wrk-profiles-raw.log
GC_LOG=$BENCH_DIR/gc-profiles.log
RESULTS=$BENCH_DIR/last-profiles-run.md
FILES_DIR=$ROOT/data/bench-profiles-files   # the app's export files, removed at start and on exit
GENERATE=/api/v1/profiles/generate
BATCH=100                                   # profiles per generate request (the API's maximum)

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

bench_on_exit() { rm -rf "$FILES_DIR"; }

stats_py() { python3 "$BENCH_DIR/profiles_stats.py" "$@"; }
kv() { sed -n "s/.*\(^\| \)$2=\([^ ]*\).*/\2/p" <<<"$1"; }   # kv <key=value line> <key>
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }        # calc <awk expression> [decimals]
verdict() { awk -v v="$1" -v g="$2" 'BEGIN { if (v == "" || v == "n/a") print "n/a"; else if (v + 0 <= g + 0) print "**met**"; else print "**not met**" }'; }
now() { printf '%s\n' "$EPOCHREALTIME"; }
jcmd_app() { "$JAVA_HOME/bin/jcmd" "$APP_PID" "$@" >/dev/null || die "jcmd $APP_PID $* failed"; }

# ---- preflight -----------------------------------------------------------------------------
need curl psql createdb dropdb pg_isready redis-cli python3 timeout awk sed grep xargs wc
check_load_knobs
[[ "$PDF_WARMUP" =~ ^[0-9]+$ ]] || die "PDF_WARMUP must be a number"
for knob in PDF_RUNS PDF_SINGLE_RUNS EXPORT_PROFILES SEED_PARALLEL; do
  [[ "${!knob}" =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer"
done
(( EXPORT_PROFILES % BATCH == 0 )) || die "EXPORT_PROFILES must be a multiple of $BATCH"
(( PDF_SINGLE_RUNS <= BATCH )) || die "PDF_SINGLE_RUNS must be at most $BATCH"
[[ "$BENCH_HEAP" =~ ^[0-9]+[kKmMgG]$ ]] || die "BENCH_HEAP must be a JVM size such as 512m"

prepare_tools_and_services
[[ -x "$JAVA_HOME/bin/jcmd" ]] || die "no jcmd in $JAVA_HOME/bin (a JDK, not a JRE, is needed to force GCs)"
recreate_database
prepare_run
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- start the app -------------------------------------------------------------------------
rm -rf "$FILES_DIR"
: >"$WRK_RAW_LOG"
rm -f "$GC_LOG"
APP_JAVA_FLAGS=("-Xmx$BENCH_HEAP" "-Xlog:gc:file=$GC_LOG")
start_app HEXCORE_STORAGE_DIRECTORY="$FILES_DIR"
GC_NAME=$(sed -n 's/.*\[gc *\] Using \(.*\)$/\1/p' "$GC_LOG" | head -n1)

ADMIN_TOKEN=$(login)
log "logged in as $ADMIN_USER"
SCOPES=profiles:read,profiles:write,exports
new_api_key bench-generate 100000000 "$SCOPES"; GEN_KEY=$KEY_SECRET
new_api_key bench-pdf 100000000 "$SCOPES";      PDF_KEY=$KEY_SECRET PDF_KEY_ID=$KEY_ID
new_api_key bench-export 100000000 "$SCOPES";   EXP_KEY=$KEY_SECRET EXP_KEY_ID=$KEY_ID
log "created API keys bench-generate, bench-pdf ($PDF_KEY_ID) and bench-export ($EXP_KEY_ID), scopes $SCOPES"

BODY_MEMORY=$(printf '{"count":%d,"persist":false}' "$BATCH")
BODY_STORED=$(printf '{"count":%d,"persist":true}' "$BATCH")

# generate_once <key> <body> <expected status> -> HTTP_BODY holds the answer; checks the status and the count
generate_once() {
  api POST "$GENERATE" "$2" -H "X-API-Key: $1"
  [[ "$HTTP_STATUS" == "$3" ]] || die "POST $GENERATE $2 answered $HTTP_STATUS (expected $3): ${HTTP_BODY:0:500}"
  [[ "$(python3 -c 'import json,sys; print(len(json.loads(sys.stdin.read())["items"]))' <<<"$HTTP_BODY")" == "$BATCH" ]] \
    || die "POST $GENERATE $2 did not return $BATCH items"
}
generate_once "$GEN_KEY" "$BODY_MEMORY" 200
generate_once "$GEN_KEY" "$BODY_STORED" 201

# ---- (a) generate 100 profiles -------------------------------------------------------------
# gen_case <id> <body> <threads> <connections>: sets RES_<id> (wrk's BENCH_RESULT) and SRV_<id> (access-log times)
gen_case() {
  local id=$1 body=$2 to server
  CASE_BODY=$body THREADS=$3 CONNECTIONS=$4 run_case "$id" "$GENERATE" -H "X-API-Key: $GEN_KEY"
  sleep 1   # the access log is written by a background thread
  to=$(wc -l <"$APP_LOG")
  server=$(stats_py access "$APP_LOG" "$CASE_LOG_FROM" "$to" POST "$GENERATE")
  printf -v "RES_$id" '%s' "$CASE_RESULT"
  printf -v "SRV_$id" '%s' "$server"
  log "  ($id) wrk: $(field "$CASE_RESULT" requests) requests, p50 $(field "$CASE_RESULT" p50_ms) ms; access log: $server"
}
log "(a) generate: $WARMUP warm-up + $DURATION per case, wrk -t1 -c1 and -t$THREADS -c$CONNECTIONS, $(nproc) CPUs shared with the app"
gen_case g1 "$BODY_MEMORY" 1 1
gen_case g2 "$BODY_MEMORY" "$THREADS" "$CONNECTIONS"
gen_case g3 "$BODY_STORED" 1 1
gen_case g4 "$BODY_STORED" "$THREADS" "$CONNECTIONS"

# ---- exports -------------------------------------------------------------------------------
# run_export <key> <request body> <label> <poll seconds> [heap]: requests an export and waits until it is finished;
# sets EXPORT_ID, EXPORT_WAIT (the polling summary) and EXPORT (times and size); fails unless it succeeded.
run_export() {
  local key=$1 body=$2 label=$3 poll=$4 sample=0 status_file="$TMP_DIR/export-$3.json"
  [[ "${5:-}" == heap ]] && sample=1
  api POST /api/v1/exports "$body" -H "X-API-Key: $key"
  [[ "$HTTP_STATUS" == 202 ]] || die "POST /api/v1/exports $body answered $HTTP_STATUS: $HTTP_BODY"
  EXPORT_ID=$(json_field "$HTTP_BODY" export_id) || die "no export_id in: $HTTP_BODY"
  EXPORT_WAIT=$(stats_py wait "$BASE" "$key" "$EXPORT_ID" "$poll" "$status_file" "$sample") \
    || die "waiting for export $EXPORT_ID ($label) failed"
  EXPORT=$(stats_py export "$status_file")
  [[ "$(kv "$EXPORT" status)" == succeeded ]] || die "export $EXPORT_ID ($label) did not succeed: $(cat "$status_file")"
}

# download <key> <export id> <file> -> prints "<bytes> <seconds>"
download() {
  curl -fsS --noproxy '*' --max-time 600 -H "X-API-Key: $1" -o "$3" -w '%{size_download} %{time_total}\n' \
    "$BASE/api/v1/exports/$2/download" || die "download of export $2 failed"
}

# ---- (b) PDF -------------------------------------------------------------------------------
log "(b) PDF: $BATCH stored profiles for bench-pdf; $PDF_WARMUP + $PDF_RUNS exports of all of them, then 1 + $PDF_SINGLE_RUNS single-profile exports"
generate_once "$PDF_KEY" "$BODY_STORED" 201
mapfile -t PDF_IDS < <(python3 -c 'import json,sys; [print(i["id"]) for i in json.loads(sys.stdin.read())["items"]]' <<<"$HTTP_BODY")
PDF_FILTER=$(printf '{"filter":{"source_key":"%s"},"format":"pdf"}' "$PDF_KEY_ID")

PDF_WARM=()
for (( i = 1; i <= PDF_WARMUP; i++ )); do
  run_export "$PDF_KEY" "$PDF_FILTER" "pdf100-warmup-$i" "$PDF_POLL_INTERVAL"
  PDF_WARM+=("$(kv "$EXPORT" run_ms)")
  log "  PDF of $BATCH, warm-up #$i: $(kv "$EXPORT" run_ms) ms started→completed"
done
PDF100_RUN=() PDF100_TOTAL=()
for (( i = 1; i <= PDF_RUNS; i++ )); do
  run_export "$PDF_KEY" "$PDF_FILTER" "pdf100-$i" "$PDF_POLL_INTERVAL"
  [[ "$(kv "$EXPORT" processed)" == "$BATCH" ]] || die "PDF export $EXPORT_ID processed $(kv "$EXPORT" processed) profiles, not $BATCH"
  PDF100_RUN+=("$(kv "$EXPORT" run_ms)") PDF100_TOTAL+=("$(kv "$EXPORT" total_ms)")
  log "  PDF of $BATCH #$i: $(kv "$EXPORT" run_ms) ms started→completed, $(kv "$EXPORT" size_bytes) bytes"
done
PDF100_SIZE=$(kv "$EXPORT" size_bytes)
read -r PDF_BYTES _ < <(download "$PDF_KEY" "$EXPORT_ID" "$TMP_DIR/last.pdf")
[[ "$(head -c 5 "$TMP_DIR/last.pdf")" == %PDF- && "$PDF_BYTES" == "$PDF100_SIZE" ]] \
  || die "the downloaded PDF is not a PDF of size_bytes=$PDF100_SIZE (got $PDF_BYTES bytes)"

run_export "$PDF_KEY" "$(printf '{"profile_id":"%s","format":"pdf"}' "${PDF_IDS[0]}")" pdf1-cold "$PDF_POLL_INTERVAL"
PDF1_COLD=$EXPORT
PDF1_RUN=() PDF1_TOTAL=()
for (( i = 1; i <= PDF_SINGLE_RUNS; i++ )); do
  run_export "$PDF_KEY" "$(printf '{"profile_id":"%s","format":"pdf"}' "${PDF_IDS[i - 1]}")" "pdf1-$i" "$PDF_POLL_INTERVAL"
  PDF1_RUN+=("$(kv "$EXPORT" run_ms)") PDF1_TOTAL+=("$(kv "$EXPORT" total_ms)")
done
PDF1_SIZE=$(kv "$EXPORT" size_bytes)
PDF_PER_PROFILE=$(stats_py stats "$BATCH" "${PDF100_RUN[@]}")
PDF100_TOTAL_STATS=$(stats_py stats 1 "${PDF100_TOTAL[@]}")
PDF1_STATS=$(stats_py stats 1 "${PDF1_RUN[@]}")
PDF1_TOTAL_STATS=$(stats_py stats 1 "${PDF1_TOTAL[@]}")
PDF100_RUN_STATS=$(stats_py stats 1 "${PDF100_RUN[@]}")

# ---- (c) JSON export of EXPORT_PROFILES --------------------------------------------------
SEED_REQUESTS=$(( EXPORT_PROFILES / BATCH ))
log "(c) seeding $EXPORT_PROFILES profiles for bench-export: $SEED_REQUESTS × generate count=$BATCH persist=true, $SEED_PARALLEL in parallel"
seq "$SEED_REQUESTS" >"$TMP_DIR/seed.list"
printf '%s' "$BODY_STORED" >"$TMP_DIR/seed.json"
seed_start=$(now)
run_waited 7200 "$TMP_DIR/seed.codes" xargs -a "$TMP_DIR/seed.list" -P "$SEED_PARALLEL" -I{} \
  curl -sS --noproxy '*' --max-time 120 -o /dev/null -w '%{http_code}\n' -X POST -H "X-API-Key: $EXP_KEY" \
  -H 'X-Bench-Batch: {}' -H 'Content-Type: application/json' --data-binary "@$TMP_DIR/seed.json" "$BASE$GENERATE" \
  || die "seeding failed: $(sort "$TMP_DIR/seed.codes" | uniq -c | head)"
SEED_S=$(calc "$(now) - $seed_start" 1)
SEED_OK=$(grep -c '^201$' "$TMP_DIR/seed.codes" || true)
(( SEED_OK == SEED_REQUESTS )) || die "seeding: $SEED_OK of $SEED_REQUESTS requests answered 201: $(sort "$TMP_DIR/seed.codes" | uniq -c)"
SEEDED=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -Atc \
  "select count(*) from profiles where source_key = '$EXP_KEY_ID' and deleted_at is null")
(( SEEDED == EXPORT_PROFILES )) || die "seeding: the database holds $SEEDED profiles of bench-export, not $EXPORT_PROFILES"
log "seeded $SEEDED profiles in ${SEED_S}s"

sleep 2
jcmd_app GC.run   # the baseline: an explicit full GC right before the export ...
HEAP_BEFORE=$(kv "$(stats_py heap "$BASE")" heap_bytes)
log "JSON export of $EXPORT_PROFILES profiles (status and heap sampled every ${POLL_INTERVAL}s)"
run_export "$EXP_KEY" "$(printf '{"filter":{"source_key":"%s"},"format":"json"}' "$EXP_KEY_ID")" json "$POLL_INTERVAL" heap
JSON_EXPORT=$EXPORT JSON_WAIT=$EXPORT_WAIT JSON_ID=$EXPORT_ID
jcmd_app GC.run   # ... and one right after it: what is still live
sleep 1
GC_WINDOW=$(stats_py gc-window "$GC_LOG")
[[ "$(kv "$JSON_EXPORT" processed)" == "$EXPORT_PROFILES" ]] \
  || die "the JSON export processed $(kv "$JSON_EXPORT" processed) profiles, not $EXPORT_PROFILES"

read -r JSON_BYTES JSON_DL_S < <(download "$EXP_KEY" "$JSON_ID" "$TMP_DIR/export.json")
[[ "$JSON_BYTES" == "$(kv "$JSON_EXPORT" size_bytes)" ]] || die "downloaded $JSON_BYTES bytes, size_bytes says $(kv "$JSON_EXPORT" size_bytes)"
JSON_CHECK=$(stats_py check-json "$TMP_DIR/export.json" "$EXPORT_PROFILES")
[[ "$(kv "$JSON_CHECK" valid)" == yes ]] || warn "the downloaded JSON export is not $EXPORT_PROFILES distinct profiles: $JSON_CHECK"
kill -0 "$APP_PID" 2>/dev/null || { app_log_tail; die "the app died"; }
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report --------------------------------------------------------------------------------
gen_row() {  # gen_row <id> <description>
  local res srv
  res=RES_$1 srv=SRV_$1
  res=${!res} srv=${!srv}
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" \
    "$(field "$res" rps)" "$(calc "$(field "$res" rps) * $BATCH" 0)" "$(field "$res" p50_ms)" "$(field "$res" p99_ms)" \
    "$(kv "$srv" p50)" "$(kv "$srv" p99)" "$(field "$res" requests)" "$(field "$res" non2xx)" "$(field "$res" socket_errors)"
}
stat_row() {  # stat_row <what> <stats line>
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(kv "$2" n)" "$(kv "$2" p50)" "$(kv "$2" min)" "$(kv "$2" max)" "$(kv "$2" mean)"
}

JSON_RUN_S=$(calc "$(kv "$JSON_EXPORT" run_ms) / 1000" 2)
JSON_MB=$(calc "$(kv "$JSON_EXPORT" size_bytes) / 1000000" 1)
HEAP_BEFORE_MIB=$(calc "$HEAP_BEFORE / 1048576" 0)
HEAP_MAX_MIB=$(calc "$(kv "$JSON_WAIT" heap_max_bytes) / 1048576" 0)
HEAP_METRIC_GROWTH=$(calc "($(kv "$JSON_WAIT" heap_max_bytes) - $HEAP_BEFORE) / 1048576" 0)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  printf '## Hexcore profiles and exports bench %s\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'commit %s, JDK %s, %s, -Xmx%s, %s CPUs shared by the app, PostgreSQL, Redis and the load generator; ' \
    "$commit" "$(java_major "$JAVA_HOME")" "${GC_NAME:-GC ?}" "$BENCH_HEAP" "$(nproc)"
  printf 'load average before %s, after %s.\n\n' "$LOAD_BEFORE" "$LOAD_AFTER"

  printf '### (a) POST %s, count=%d (%s warm-up + %s per case)\n\n' "$GENERATE" "$BATCH" "$WARMUP" "$DURATION"
  printf '| case | request | req/s | profiles/s | p50 ms | p99 ms | server p50 ms | server p99 ms | requests | non-2xx | socket errors |\n'
  printf '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  gen_row g1 "persist=false, wrk -t1 -c1"
  gen_row g2 "persist=false, wrk -t$THREADS -c$CONNECTIONS"
  gen_row g3 "persist=true, wrk -t1 -c1"
  gen_row g4 "persist=true, wrk -t$THREADS -c$CONNECTIONS"
  printf '\np50/p99 as wrk sees them; server p50/p99 from the access log (first router handler to response end).\n\n'

  printf '### (b) PDF exports (started_at → completed_at of the export; the worker polls every 1 s)\n\n'
  printf '| what | n | p50 | min | max | mean |\n|---|---:|---:|---:|---:|---:|\n'
  stat_row "$BATCH-profile PDF, ms per profile" "$PDF_PER_PROFILE"
  stat_row "$BATCH-profile PDF, ms per export" "$PDF100_RUN_STATS"
  stat_row "$BATCH-profile PDF, ms requested → completed" "$PDF100_TOTAL_STATS"
  stat_row "1-profile PDF, ms started → completed" "$PDF1_STATS"
  stat_row "1-profile PDF, ms requested → completed" "$PDF1_TOTAL_STATS"
  printf '\nNot in the rows above (started → completed): the %s warm-up %s-profile PDFs, in order: %s ms; ' \
    "$PDF_WARMUP" "$BATCH" "$(IFS=/; printf '%s' "${PDF_WARM[*]:-none}")"
  printf 'the first 1-profile PDF: %s ms. Measured %s-profile PDFs, in order: %s ms. ' \
    "$(kv "$PDF1_COLD" run_ms)" "$BATCH" "$(IFS=/; printf '%s' "${PDF100_RUN[*]}")"
  printf 'File sizes: %s bytes (%s profiles), %s bytes (1 profile).\n\n' "$PDF100_SIZE" "$BATCH" "$PDF1_SIZE"

  printf '### (c) JSON export of %s profiles\n\n' "$EXPORT_PROFILES"
  printf '| metric | value |\n|---|---:|\n'
  printf '| seeding: %s × generate count=%s persist=true, %s in parallel | %s s (%s profiles/s) |\n' \
    "$SEED_REQUESTS" "$BATCH" "$SEED_PARALLEL" "$SEED_S" "$(calc "$EXPORT_PROFILES / $SEED_S" 0)"
  printf '| export started → completed | %s s |\n' "$JSON_RUN_S"
  printf '| export requested → completed | %s s |\n' "$(calc "$(kv "$JSON_EXPORT" total_ms) / 1000" 2)"
  printf '| throughput | %s profiles/s, %s MB/s |\n' "$(calc "$EXPORT_PROFILES / $JSON_RUN_S" 0)" "$(calc "$JSON_MB / $JSON_RUN_S" 1)"
  printf '| file | %s bytes (%s MB), %s items, distinct ids %s, valid JSON array: %s |\n' "$JSON_BYTES" "$JSON_MB" \
    "$(kv "$JSON_CHECK" items)" "$(kv "$JSON_CHECK" distinct_ids)" "$(kv "$JSON_CHECK" valid)"
  printf '| download | %s s |\n' "$JSON_DL_S"
  printf '| heap after GC: before the export (explicit full GC) | %s MiB |\n' "$(kv "$GC_WINDOW" base_mb)"
  printf '| heap after GC: highest during the export (%s young/mixed/full pauses in %s s) | %s MiB |\n' \
    "$(kv "$GC_WINDOW" gcs)" "$(kv "$GC_WINDOW" window_s)" "$(kv "$GC_WINDOW" peak_after_mb)"
  printf '| **live heap growth** (GC log, highest after-GC minus before) | **%s MiB** |\n' "$(kv "$GC_WINDOW" growth_mb)"
  printf '| heap after an explicit full GC right after the export (retained) | %s MiB (%s MiB vs before) |\n' \
    "$(kv "$GC_WINDOW" after_full_mb)" "$(kv "$GC_WINDOW" retained_mb)"
  printf '| allocated during the export window (GC log; heap size %s MiB, highest before-GC %s MiB) | %s MiB (%s KiB per profile) |\n' \
    "$(kv "$GC_WINDOW" capacity_mb)" "$(kv "$GC_WINDOW" peak_before_mb)" "$(kv "$GC_WINDOW" allocated_mb)" \
    "$(calc "$(kv "$GC_WINDOW" allocated_mb) * 1024 / $EXPORT_PROFILES" 1)"
  printf '| jvm_memory_used_bytes{area="heap"}: before / max of %s samples | %s / %s MiB |\n' \
    "$(kv "$JSON_WAIT" heap_samples)" "$HEAP_BEFORE_MIB" "$HEAP_MAX_MIB"
  printf '| **used-heap growth** (metrics, incl. garbage not yet collected) | **%s MiB** |\n' "$HEAP_METRIC_GROWTH"
  printf '\n'

  printf '### Against the goals\n\n| goal | measured | verdict |\n|---|---|---|\n'
  # shellcheck disable=SC2154  # RES_g1 and RES_g3 are set by gen_case (printf -v)
  printf '| generate 100 profiles: server p50 ≤ 50 ms | persist=false %s ms, persist=true %s ms (wrk p50, 1 connection) | %s / %s |\n' \
    "$(field "$RES_g1" p50_ms)" "$(field "$RES_g3" p50_ms)" \
    "$(verdict "$(field "$RES_g1" p50_ms)" 50)" "$(verdict "$(field "$RES_g3" p50_ms)" 50)"
  printf '| PDF render ≤ 30 ms per profile | p50 %s ms (max %s) | %s |\n' \
    "$(kv "$PDF_PER_PROFILE" p50)" "$(kv "$PDF_PER_PROFILE" max)" "$(verdict "$(kv "$PDF_PER_PROFILE" p50)" 30)"
  printf '| JSON export of %s profiles: heap growth ≤ 64 MB | live (GC log) %s MiB; used (metrics) %s MiB | %s / %s |\n' \
    "$EXPORT_PROFILES" "$(kv "$GC_WINDOW" growth_mb)" "$HEAP_METRIC_GROWTH" \
    "$(verdict "$(kv "$GC_WINDOW" growth_mb)" 64)" "$(verdict "$HEAP_METRIC_GROWTH" 64)"
  printf '\nThe metrics figure includes garbage not yet collected: G1 collects when eden fills, so it follows the size\n'
  printf 'of the young generation; the GC-log figure is what survived the collections while the export ran.\n'
  printf '\nLogs: bench/app-profiles.log, bench/gc-profiles.log, bench/wrk-profiles-raw.log.\n'
} | tee "$RESULTS"

for id in g1 g2 g3 g4; do
  var=RES_$id
  warn_non2xx "$id" "${!var}"
done
log "results written to $RESULTS"
