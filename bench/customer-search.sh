#!/usr/bin/env bash
# Customer search over 100,000 customers on PostgreSQL (issue 4's measure):
# fills a scratch database with `kehu seed-scale`, serves it with the release
# build and times GET /customers?q=... per query. Prints p50/p95/p99 and the
# plan of the search query.
#   bench/customer-search.sh            # uses postgres://postgres@127.0.0.1:5432
set -euo pipefail
cd "$(dirname "$0")/.."

admin="${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
db_name="${BENCH_DB:-kehu_bench_search}"
db="${admin%/*}/$db_name"
customers="${BENCH_CUSTOMERS:-100000}"

cargo build --release --bin kehu -q
if [ "${BENCH_REUSE:-0}" != 1 ]; then
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" -c "CREATE DATABASE $db_name"
  KEHU_DATABASE_URL="$db" ./target/release/kehu seed-scale --customers "$customers" --complaints 1000 --seed 1
  psql "$db" -qc "VACUUM ANALYZE"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KEHU_DATABASE_URL="$db" KEHU_BIND="127.0.0.1:$port" KEHU_WORKERS=false KEHU_LOG=warn ./target/release/kehu serve >/tmp/kehu-search-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

echo "customers: $(psql "$db" -Atc 'SELECT COUNT(*) FROM customers')"
# gm reads every department; a scale salesperson reads their own customers.
python3 bench/sequential.py "127.0.0.1:$port" "${BENCH_REPS:-100}" customer-search gm scale_sales_3_4

echo
echo "Plan of the name search as the general manager:"
psql "$db" -Atc "EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM customers WHERE org_id = 1 AND search_text LIKE '%苏州精密%' AND status = 'active' ORDER BY name || '', id LIMIT 51"
