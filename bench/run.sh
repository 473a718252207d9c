#!/usr/bin/env bash
# The benchmarks of docs/benchmarks.md, on one machine in one run: the
# ceilings (pgbench -S, /healthz), the hot reads at saturation (wrk) and at a
# fixed 70 % of it (oha, corrected for coordinated omission), search and
# statistics one request at a time, workflow actions, the service's peak
# memory; then the data invariants. Prints Markdown.
#
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kehu_scale_1m bench/run.sh
#
# The database is one filled by `kehu seed-scale`; the action run changes it
# (each open case takes its next step). BENCH_SECONDS (10), BENCH_CONNECTIONS
# (32), BENCH_REPS (50), BENCH_POOL (the service's default), BENCH_SSLMODE
# (disable: the service and pgbench both talk plain TCP to the database on
# this machine; libpq's default, prefer, encrypts every round trip).
set -euo pipefail
cd "$(dirname "$0")/.."

db="${BENCH_DATABASE_URL:?set BENCH_DATABASE_URL to a database filled by kehu seed-scale}"
export PGSSLMODE="${BENCH_SSLMODE:-disable}"
secs="${BENCH_SECONDS:-10}"
conns="${BENCH_CONNECTIONS:-32}"
reps="${BENCH_REPS:-50}"
tools="$PWD/target/bench-tools"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x "$tools/bin/oha" ] || cargo install -q --locked --root "$tools" oha@1.16.0
oha="$tools/bin/oha"

cargo build --release --bin kehu -q
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export KEHU_DATABASE_URL="$db?sslmode=$PGSSLMODE" KEHU_BIND="127.0.0.1:$port" KEHU_WORKERS=false KEHU_LOG=warn
[ -n "${BENCH_POOL:-}" ] && export KEHU_DB_POOL_SIZE="$BENCH_POOL"
./target/release/kehu serve >target/bench-serve.log 2>&1 &
pid=$!
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
base="http://127.0.0.1:$port"
token() { curl -fsS "$base/api/v1/auth/login" -H 'content-type: application/json' -d "{\"username\":\"$1\",\"password\":\"kehu-demo-pass\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])'; }
coord=$(token coordinator)
sql() { psql "$db" -Atc "$1"; }

# Random reads: the ids from the oldest closed case to the first unsubmitted
# draft (drafts are the newest cases, and only their author may read one: a
# 404 is cheaper than a read). Then a cursor 10,000 pages (of 50) deep.
read -r id_min id_max < <(sql "WITH r AS (SELECT min(id) AS lo FROM complaints WHERE state = 'closed')
  SELECT lo || ' ' || (SELECT max(id) FROM complaints c WHERE c.state = 'closed'
    AND c.id < coalesce((SELECT min(d.id) FROM complaints d WHERE d.state = 'draft' AND d.id > lo), lo + 10000000)) FROM r")
deep=$(sql "SELECT to_char(created_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || ' ' || id FROM complaints ORDER BY created_at DESC, id DESC OFFSET 500000 LIMIT 1" \
  | python3 -c 'import sys,json,base64; t,i=sys.stdin.read().split(); print(base64.urlsafe_b64encode(json.dumps({"t":t,"id":int(i)},separators=(",",":")).encode()).decode().rstrip("="))')

# Whatever the seed (or an earlier run) left dirty is written now, not by a
# spread-out checkpoint in the middle of the measurements (right after a
# seed, the list's p99 at a fixed rate was 55-250 ms; 6-9 ms once settled).
psql "$db" -qc CHECKPOINT

# The ceiling: PostgreSQL's own select-only benchmark on a scratch database.
pgdb="${db%/*}/kehu_pgbench"
if psql "${db%/*}/postgres" -qc "CREATE DATABASE kehu_pgbench" 2>/dev/null; then pgbench -i -s 10 -q "$pgdb" >/dev/null 2>&1; fi
pg=$(pgbench -S -c "$conns" -j 2 -T "$secs" -n "$pgdb" 2>/dev/null | awk '/^tps/ {printf "%.0f", $3; exit}')

saturate() { # name url [lua] -> row; sets $rps
  local out
  out=$(BENCH_ID_MIN=$id_min BENCH_ID_MAX=$id_max wrk -t2 -c"$conns" -d"${secs}s" --latency ${3:+-s "$3"} -H "Authorization: Bearer $coord" "$2" 2>&1)
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  local p50 p99 bad
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$rps" "$(python3 -c "print(f'{$rps/$pg*100:.0f} %')")" "$p50" "$p99" "${bad:-0}"
}

fixed() { # name url-or-regex rate [--rand-regex-url] -> row
  "$oha" --no-tui --output-format json -z "${secs}s" -c "$conns" -q "$3" --latency-correction ${4:-} -H "Authorization: Bearer $coord" "$2" >"$work/oha.json" 2>/dev/null
  python3 - "$1" "$3" "$work/oha.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[3]))
p = r["latencyPercentiles"]
codes = r.get("statusCodeDistribution", {})
bad = sum(n for c, n in codes.items() if not c.startswith("2"))
print(f"| {sys.argv[1]} | {sys.argv[2]}/s | {r['summary']['requestsPerSec']:.0f} | {p['p50']*1000:.1f} ms | {p['p99']*1000:.1f} ms | {bad} |")
PY
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(sql 'SELECT COUNT(*) FROM complaints') complaints, $(sql 'SELECT COUNT(*) FROM customers') customers; PostgreSQL $(sql 'SHOW server_version')"
echo
echo "## Saturation ($conns connections, ${secs} s each; ratio to pgbench -S = $pg tps)"
echo
echo "| endpoint | req/s | of pgbench -S | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
saturate "GET /healthz" "$base/healthz"
saturate "GET /api/v1/complaints/{id} (random id)" "$base" bench/random_id.lua; read_rps=$rps
saturate "GET /api/v1/complaints?limit=50" "$base/api/v1/complaints?limit=50"; list_rps=$rps
saturate "… &state=closed&severity=general" "$base/api/v1/complaints?limit=50&state=closed&severity=general"
saturate "… 10,000 pages deep (cursor)" "$base/api/v1/complaints?limit=50&cursor=$deep"
saturate "GET /api/v1/me/tasks (coordinator)" "$base/api/v1/me/tasks"

echo
echo "## Fixed rate: 70 % of saturation ($conns connections, latency corrected)"
echo
echo "| endpoint | offered | served req/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
fixed "GET /api/v1/complaints/{id}" "$base/api/v1/complaints/[1-8][0-9]{5}" $((read_rps * 7 / 10)) --rand-regex-url
fixed "GET /api/v1/complaints?limit=50" "$base/api/v1/complaints?limit=50" $((list_rps * 7 / 10))

python3 bench/sequential.py "127.0.0.1:$port" "$reps" complaint-search coordinator
python3 bench/sequential.py "127.0.0.1:$port" "$reps" customer-search gm
python3 bench/sequential.py "127.0.0.1:$port" "$reps" statistics coordinator
python3 bench/sequential.py "127.0.0.1:$port" "$reps" returns gm warehouse finance
python3 bench/sequential.py "127.0.0.1:$port" "$reps" allowances gm finance
python3 bench/sequential.py "127.0.0.1:$port" "$reps" handling qa engineering pmc
python3 bench/sequential.py "127.0.0.1:$port" "$reps" exclusions finance sales_manager
python3 bench/sequential.py "127.0.0.1:$port" "$reps" eight-d qa_manager qa
python3 bench/sequential.py "127.0.0.1:$port" "$reps" recurrence coordinator qa
python3 bench/sequential.py "127.0.0.1:$port" "$reps" tracking qa deputy_gm
python3 bench/sequential.py "127.0.0.1:$port" "$reps" petitions gm qa_manager
python3 bench/sequential.py "127.0.0.1:$port" "$reps" suppliers coordinator qa

echo
echo "## Workflow actions ($conns connections, ${secs} s; each open case its next step)"
echo
sql "SELECT id || ' ' || version || ' ' || CASE state WHEN 'awaiting_registration' THEN 'register' WHEN 'coordinator_review' THEN 'forward_to_sales'
       WHEN 'consolidation' THEN 'submit_for_approval' WHEN 'awaiting_close' THEN 'close' ELSE 'remind' END
     FROM complaints WHERE state NOT IN ('closed', 'draft') ORDER BY md5(id::text)" >"$work/plan"
echo "plan: $(wc -l <"$work/plan") cases: $(cut -d' ' -f3 "$work/plan" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}')"
BENCH_PLAN="$work/plan" BENCH_TOKEN="$coord" BENCH_THREADS=2 wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/actions.lua "$base" \
  | awk '$1 == "50%" || $1 == "99%" || /^actions/'
echo
echo "service peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
echo
echo "## Invariants after the run"
echo
./target/release/kehu check-invariants 2>/dev/null | sed 's/^/    /'
