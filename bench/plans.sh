#!/usr/bin/env bash
# Plans of the hot queries (bench/plans.sql) on a database filled by
# `kehu seed-scale`:
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kehu_scale_1m bench/plans.sh
set -euo pipefail
cd "$(dirname "$0")/.."
db="${BENCH_DATABASE_URL:?set BENCH_DATABASE_URL to a database filled by kehu seed-scale}"
sql() { psql "$db" -Atc "$1"; }
id=$(sql "SELECT id FROM complaints ORDER BY id OFFSET (SELECT COUNT(*)/2 FROM complaints) LIMIT 1")
me=$(sql "SELECT id FROM users WHERE username = 'coordinator'")
IFS='|' read -r t i < <(sql "SELECT created_at || '|' || id FROM complaints ORDER BY created_at DESC, id DESC OFFSET 500000 LIMIT 1")
month_from=$(sql "SELECT (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month') AT TIME ZONE 'Asia/Shanghai' AT TIME ZONE 'UTC'")
month_to=$(sql "SELECT date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AT TIME ZONE 'UTC'")
psql "$db" -q -v id="$id" -v me="$me" -v t="$t" -v i="$i" -v month_from="$month_from" -v month_to="$month_to" -f bench/plans.sql
