#!/usr/bin/env bash
# Benchmarks on one machine in one run, printed as a table (docs/benchmarks.md
# keeps the results). Needs PostgreSQL and a database filled by
# `kehu seed-scale` (BENCH_DATABASE_URL), wrk and pgbench.
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kehu_bench bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

db="${BENCH_DATABASE_URL:?set BENCH_DATABASE_URL to a database filled by kehu seed-scale}"
duration="${BENCH_SECONDS:-10}"
conns="${BENCH_CONNECTIONS:-32}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

cargo build --release --bin kehu -q
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KEHU_DATABASE_URL="$db" KEHU_BIND="127.0.0.1:$port" KEHU_WORKERS=false KEHU_LOG=warn KEHU_DB_POOL_SIZE="${BENCH_POOL:-16}" \
  ./target/release/kehu serve >/tmp/kehu-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
base="http://127.0.0.1:$port"
token() { curl -fsS "$base/api/v1/auth/login" -H 'content-type: application/json' -d "{\"username\":\"$1\",\"password\":\"kehu-demo-pass\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])'; }
coord=$(token coordinator)
gm=$(token gm)
sql() { psql "$db" -Atc "$1"; }

# One complaint near the middle; a cursor 10,000 pages (of 50) deep.
id=$(sql "SELECT id FROM complaints ORDER BY id OFFSET (SELECT COUNT(*)/2 FROM complaints) LIMIT 1")
deep=$(sql "SELECT to_char(created_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || ' ' || id FROM complaints ORDER BY created_at DESC, id DESC OFFSET 500000 LIMIT 1" \
  | python3 -c 'import sys,json,base64; t,i=sys.stdin.read().split(); print(base64.urlsafe_b64encode(json.dumps({"t":t,"id":int(i)},separators=(",",":")).encode()).decode().rstrip("="))')

run() { # name url [token] -> "name | req/s | p50 | p99"
  local out
  out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency -H "Authorization: Bearer ${3:-$coord}" "$2" 2>&1)
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(sql 'SELECT COUNT(*) FROM complaints') complaints, $(sql 'SELECT COUNT(*) FROM customers') customers"
# The ceiling: PostgreSQL's own select-only benchmark on a scratch database.
pgdb="${db%/*}/kehu_pgbench"
if psql "${db%/*}/postgres" -qc "CREATE DATABASE kehu_pgbench" 2>/dev/null; then pgbench -i -s 10 -q "$pgdb" >/dev/null 2>&1; fi
pg=$(pgbench -S -c "$conns" -j 2 -T "$duration" -n "$pgdb" 2>/dev/null | awk '/^tps/ {print $3; exit}')
echo "pgbench -S: $pg tps"
echo
echo "| endpoint | req/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
run "GET /healthz" "$base/healthz"
run "GET /api/v1/complaints/{id}" "$base/api/v1/complaints/$id"
run "GET /api/v1/complaints?limit=50" "$base/api/v1/complaints?limit=50"
run "GET /api/v1/complaints?limit=50&state=closed&severity=general" "$base/api/v1/complaints?limit=50&state=closed&severity=general"
run "GET /api/v1/complaints (cursor 10,000 pages deep)" "$base/api/v1/complaints?limit=50&cursor=$deep"
run "GET /api/v1/me/tasks (coordinator)" "$base/api/v1/me/tasks"
run "GET /api/v1/complaints?q=毛刺" "$base/api/v1/complaints?limit=50&q=%E6%AF%9B%E5%88%BA"
run "GET /api/v1/customers?q=苏州精密 (gm)" "$base/api/v1/customers?limit=50&q=%E8%8B%8F%E5%B7%9E%E7%B2%BE%E5%AF%86" "$gm"
echo
echo "service peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
