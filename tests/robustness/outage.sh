#!/usr/bin/env bash
# Database outage: PostgreSQL stops (immediate: as if it crashed) during a
# load run and comes back 6 s later. Clients get 503 problem+json, none
# waits more than 5 s, the service stays up and answers again within 5 s of
# the database's return by itself, and every invariant holds afterwards.
source "$(dirname "$0")/lib.sh"
echo "== database outage"
pg_init
serve kehu KEHU_WORKERS=true KEHU_WORKER_INTERVAL_SECS=1 KEHU_DELIVERY_INTERVAL_MS=200
base="http://127.0.0.1:$port"
token=$(curl -fsS "$base/api/v1/auth/login" -H 'content-type: application/json' -d '{"username":"coordinator","password":"kehu-demo-pass"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
probe() { curl -s -o "$scratch/probe" -w '%{http_code} %{content_type} %{time_total}\n' -m 10 "$base/api/v1/complaints?limit=5" -H "authorization: Bearer $token"; }

load_start "127.0.0.1:$port"
sleep 3
pg_stop
say "database stopped"
for _ in 1 2 3 4; do
  read -r code ctype secs < <(probe)
  [ "$code" = 503 ] && [ "$ctype" = application/problem+json ] || fail "during the outage: $code $ctype $(cat "$scratch/probe")"
  python3 -c "import sys; sys.exit(0 if $secs <= 5 else 1)" || fail "a request waited $secs s"
  sleep 1
done
say "during the outage: 503 problem+json, each within 5 s"
kill -0 "$pid" 2>/dev/null || fail "the service died"
pg_start
back=$(date +%s.%N)
until [ "$(probe | cut -d' ' -f1)" = 200 ]; do
  python3 -c "import sys,time; sys.exit(0 if time.time() - $back < 10 else 1)" || fail "no recovery 10 s after the database returned"
  sleep 0.1
done
recovered=$(python3 -c "import time; print(f'{time.time() - $back:.1f}')")
python3 -c "import sys; sys.exit(0 if $recovered <= 5 else 1)" || fail "recovered only after $recovered s"
say "answering again $recovered s after the database returned"
sleep 3
load_stop
[ "$(load_stat "['non_problem_5xx']")" = 0 ] || fail "server errors without problem+json"
[ "$(load_stat "['over_5s']")" = 0 ] || fail "requests that waited more than 5 s"
[ "$(load_stat "['by_status'].get('503', 0)")" -gt 0 ] || fail "the load saw no outage"
[ "$(load_stat "['by_status'].get('500', 0)")" = 0 ] || fail "500s during the outage"
check_invariants
echo "== database outage: passed"
