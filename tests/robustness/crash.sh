#!/usr/bin/env bash
# Crash: the service is killed (SIGKILL) in the middle of a write load while
# its workers send reminders and webhook deliveries, then started again.
# Afterwards every invariant holds, every overdue step has exactly one
# reminder, and every outbox event reached the webhook (one in flight at the
# kill may arrive twice, with the same Kehu-Event-Id).
source "$(dirname "$0")/lib.sh"
echo "== crash (SIGKILL) under load"
pg_init
workers=(KEHU_WORKERS=true KEHU_WORKER_INTERVAL_SECS=1 KEHU_DELIVERY_INTERVAL_MS=100)
serve kehu "${workers[@]}"
receiver_start
load_start "127.0.0.1:$port"
sleep 2
make_overdue
sleep 1.5
kill_hard "$pid"
say "killed the service mid-load"
sleep 1
SERVE_PORT=$port serve kehu "${workers[@]}"
say "restarted"
make_overdue
sleep 3
load_stop
[ "$(load_stat "['non_problem_5xx']")" = 0 ] || fail "server errors without problem+json"
say "$(load_stat "['dropped']") requests cut off by the kill, retried"
make_overdue
drain 60
deliveries_check
[ "$repeated" -le 100 ] || fail "$repeated deliveries repeated: more than were in flight"
say "reminders: $(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.overdue_reminder'") sent, none missing"
check_invariants
echo "== crash: passed"
