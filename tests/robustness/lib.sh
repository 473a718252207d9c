# Shared by the robustness scenarios: a private PostgreSQL cluster that a
# scenario may stop and kill freely, service instances, the load, and the
# invariant checker. Sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
KEHU_BIN="${KEHU_BIN:-$PWD/target/debug/kehu}"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/pg_ctl" ] || { echo "PostgreSQL's server binaries (pg_ctl) are needed" >&2; exit 1; }
scratch=$(mktemp -d /tmp/kehu-robust.XXXXXX)
chmod 755 "$scratch"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  as_pg "$pg_bin/pg_ctl" -D "$scratch/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# PostgreSQL refuses to run as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
say() { printf '  %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

pg_port=$(free_port)
db_url="postgres://postgres@127.0.0.1:$pg_port/kehu?sslmode=disable"
pg_start() { as_pg "$pg_bin/pg_ctl" -D "$scratch/pg" -l "$scratch/pg.log" -w -t 30 start >/dev/null; }
# `immediate`: no shutdown checkpoint, so the restart recovers from the WAL,
# as after a crash or a pulled plug.
pg_stop() { as_pg "$pg_bin/pg_ctl" -D "$scratch/pg" -m immediate -w stop >/dev/null; }
pg_init() {
  if [ "$(id -u)" = 0 ]; then chown postgres "$scratch"; fi
  as_pg "$pg_bin/initdb" -D "$scratch/pg" -A trust -U postgres >/dev/null
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 100\n" "$pg_port" "$scratch" >>"$scratch/pg/postgresql.conf"
  pg_start
  as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres kehu
  KEHU_DATABASE_URL="$db_url" "$KEHU_BIN" seed-demo >/dev/null 2>&1
}

# serve NAME [ENV=VALUE ...]: a service instance on $SERVE_PORT or a free
# port; sets $port and $pid.
serve() {
  local name=$1
  shift
  port=${SERVE_PORT:-$(free_port)}
  # The webhook receiver listens on this machine, which webhooks reach only when listed.
  env KEHU_DATABASE_URL="$db_url" KEHU_BIND="127.0.0.1:$port" KEHU_JWT_SECRET=robustness-secret-robustness-secret-1 \
    KEHU_LOG=warn KEHU_COOKIE_SECURE=false KEHU_WEBHOOK_NETWORKS=127.0.0.1/32 "$@" "$KEHU_BIN" serve >>"$scratch/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return; sleep 0.1; done
  fail "$name did not start: $(tail -5 "$scratch/$name.log")"
}

# load_start ADDR...: the workflow load in the background; load_stop prints its summary.
load_start() {
  rm -f "$scratch/stop"
  python3 tests/robustness/load.py "$scratch/stop" "$scratch/load.json" "$@" >"$scratch/load.out" 2>&1 &
  load_pid=$!
}
load_stop() {
  touch "$scratch/stop"
  wait "$load_pid" || fail "the load driver failed: $(tail -5 "$scratch/load.out")"
  say "load: $(cat "$scratch/load.out")"
}
# kill_hard PID: SIGKILL, and reap it quietly.
kill_hard() { { kill -9 "$1" && wait "$1"; } 2>/dev/null || true; }
load_stat() { python3 -c "import json,sys; print(json.load(open('$scratch/load.json'))['stats']$1)"; }

check_invariants() {
  local out
  out=$(KEHU_DATABASE_URL="$db_url" "$KEHU_BIN" check-invariants 2>&1) || { echo "$out" >&2; fail "invariants broken"; }
  say "invariants: $(grep -c '^ *ok' <<<"$out") hold"
}

sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d kehu -Atc "$1"; }

# receiver_start: a webhook receiver logging event ids; registers it as a
# hook for every event. Sets $hook_log.
receiver_start() {
  local rport
  rport=$(free_port)
  hook_log="$scratch/hook.log"
  : >"$hook_log"
  python3 tests/robustness/receiver.py "$rport" "$hook_log" >/dev/null 2>&1 &
  pids+=("$!")
  local admin
  admin=$(curl -fsS "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' -d '{"username":"admin","password":"kehu-demo-pass"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
  sleep 0.3
  curl -fsS "http://127.0.0.1:$port/api/v1/webhooks" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
    -d "{\"url\": \"http://127.0.0.1:$rport/hook\", \"event_types\": [\"*\"]}" >/dev/null
}

# Every open case's step overdue now, so that the workers have reminders to send.
make_overdue() { sql "UPDATE complaints SET step_due_at = now() AT TIME ZONE 'UTC' - interval '1 hour' WHERE state NOT IN ('closed', 'draft') AND reminded_at IS NULL" >/dev/null; }

# drain SECONDS: waits until every outbox event is fanned out and sent and
# no overdue step lacks its reminder.
drain() {
  local left
  for _ in $(seq 1 $(($1 * 5))); do
    left=$(sql "SELECT (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL) + (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending')
                + (SELECT COUNT(*) FROM complaints WHERE reminded_at IS NULL AND state <> 'closed' AND step_due_at < now() AT TIME ZONE 'UTC')")
    [ "$left" = 0 ] && return
    sleep 0.2
  done
  fail "still $left events, deliveries or reminders outstanding after $1 s"
}

# The receiver's log against the outbox: none lost; prints how many repeated.
deliveries_check() {
  local events received unique
  events=$(sql "SELECT COUNT(*) FROM outbox WHERE created_at >= (SELECT MIN(created_at) FROM webhooks)")
  sql "SELECT id FROM outbox WHERE created_at >= (SELECT MIN(created_at) FROM webhooks) ORDER BY id" >"$scratch/outbox.ids"
  sort -u "$hook_log" >"$scratch/received.ids"
  received=$(wc -l <"$hook_log")
  unique=$(wc -l <"$scratch/received.ids")
  local missing
  missing=$(comm -23 <(sort "$scratch/outbox.ids") "$scratch/received.ids" | wc -l)
  [ "$missing" = 0 ] || fail "$missing of $events outbox events never reached the hook"
  say "webhook: $events events, all received; $((received - unique)) sent twice"
  repeated=$((received - unique))
}
