#!/usr/bin/env bash
# Hexcore CRM order-list benchmark (issue 15): packaged JVM app + real PostgreSQL/Redis on 127.0.0.1.
#   GET /api/v1/orders?search=…&limit=100 in one shop of ORDERS orders, with SHOPS-1 other shops of the same size,
#   next to GET /api/v1/auth/me in the same run (req/s, p50, p99), and the query plan of the list query.
# The data is seeded in SQL (bench/crm-seed.sql), not through the API. Results go to bench/last-crm-run.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

# ---- knobs (environment) ------------------------------------------------------------------
DURATION=${DURATION:-20s}        # measured wrk run per case
WARMUP=${WARMUP:-10s}            # un-measured wrk run before each case
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
SHOPS=${SHOPS:-11}               # shops seeded; the first is measured, the others share the tables
ORDERS=${ORDERS:-100000}         # orders per shop (ten per customer)
SEARCH=${SEARCH:-Смирнова}       # the search term: a surname matches about a tenth of a shop's orders

BENCH_DB=hexcore_bench_crm
APP_LOG=$BENCH_DIR/app-crm.log
WRK_RAW_LOG=$BENCH_DIR/wrk-crm-raw.log
RESULTS=$BENCH_DIR/last-crm-run.md

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

need curl psql createdb dropdb pg_isready redis-cli python3 timeout awk sed grep
check_load_knobs
for knob in SHOPS ORDERS; do [[ "${!knob}" =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer"; done
(( ORDERS % 10 == 0 )) || die "ORDERS must be a multiple of 10"

prepare_tools_and_services
recreate_database
prepare_run
: >"$WRK_RAW_LOG"
start_app   # Flyway creates the CRM tables (V10..V14)

psql_bench() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -v ON_ERROR_STOP=1 "$@"; }
log "seeding $SHOPS shops × $ORDERS orders in SQL"
seed_started=$(date +%s)
psql_bench -q -v shops="$SHOPS" -v orders="$ORDERS" -f "$BENCH_DIR/crm-seed.sql"
SEED_SECONDS=$(( $(date +%s) - seed_started ))
SHOP_ID=$(psql_bench -Atc "select id from crm_shops where name = 'Bench shop 1'")
TOTAL=$(psql_bench -Atc "select count(*) from crm_orders")
log "seeded $TOTAL orders in ${SEED_SECONDS}s; measuring shop $SHOP_ID"

ADMIN_TOKEN=$(login)
new_api_key bench-crm 100000000 crm; CRM_KEY=$KEY_SECRET
SEARCH_Q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$SEARCH")
LIST="/api/v1/orders?shop_id=$SHOP_ID&search=$SEARCH_Q&limit=100"

api GET "$LIST" "" -H "X-API-Key: $CRM_KEY"
[[ "$HTTP_STATUS" == 200 ]] || die "GET $LIST answered $HTTP_STATUS: ${HTTP_BODY:0:300}"
MATCHES=$(python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["total"])' <<<"$HTTP_BODY")
log "search '$SEARCH' matches $MATCHES orders of the shop"

run_case o "$LIST" -H "X-API-Key: $CRM_KEY";                     RES_O=$CASE_RESULT
ADMIN_TOKEN=$(login)
run_case m /api/v1/auth/me -H "Authorization: Bearer $ADMIN_TOKEN"; RES_M=$CASE_RESULT

# The list query as PostgresOrderRepository sends it, with the same parameters.
PLAN=$(psql_bench -At <<SQL
prepare orders_list(uuid, text) as
select o.id, o.number, o.status, o.customer_id, c.name, c.phone, o.total, o.currency, o.delivery_date,
       o.created_at, o.updated_at,
       (select count(*) from crm_orders o where o.shop_id = \$1 and o.search_text like lower(\$2)) as total_count
  from crm_orders o join crm_customers c on c.id = o.customer_id
 where o.shop_id = \$1 and o.search_text like lower(\$2)
 order by o.created_at desc, o.id desc offset 0 limit 100;
explain (analyze, buffers, costs off, timing on) execute orders_list('$SHOP_ID', '%$SEARCH%');
SQL
)

row() {  # row <description> <BENCH_RESULT line>
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(field "$2" rps)" "$(field "$2" p50_ms)" "$(field "$2" p99_ms)" \
    "$(field "$2" requests)" "$(field "$2" non2xx)"
}
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  printf '## Hexcore CRM order list %s\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'commit %s, %s CPUs, wrk -t%s -c%s, %s warm-up + %s per case; %s shops × %s orders (%s in all, seeded in %ss); ' \
    "$commit" "$(nproc)" "$THREADS" "$CONNECTIONS" "$WARMUP" "$DURATION" "$SHOPS" "$ORDERS" "$TOTAL" "$SEED_SECONDS"
  printf 'search "%s" matches %s orders of the measured shop.\n\n' "$SEARCH" "$MATCHES"
  printf '| request | req/s | p50 ms | p99 ms | requests | non-2xx |\n|---|---:|---:|---:|---:|---:|\n'
  row "GET /api/v1/orders?search=…&limit=100 (crm key)" "$RES_O"
  row "GET /api/v1/auth/me (JWT)" "$RES_M"
  printf '\nPlan of the list query:\n\n```\n%s\n```\n' "$PLAN"
} >"$RESULTS"
cat "$RESULTS"
