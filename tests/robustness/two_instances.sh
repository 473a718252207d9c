#!/usr/bin/env bash
# Two service instances on one PostgreSQL, both running the workers, under
# load on both: each overdue step gets exactly one reminder and each outbox
# event reaches the webhook exactly once.
source "$(dirname "$0")/lib.sh"
echo "== two instances"
pg_init
workers=(KEHU_WORKERS=true KEHU_WORKER_INTERVAL_SECS=1 KEHU_DELIVERY_INTERVAL_MS=100 KEHU_LOG=warn,kehu_api::worker=info,kehu_api::delivery=info)
serve one "${workers[@]}"
first=$port
serve two "${workers[@]}"
second=$port
receiver_start
load_start "127.0.0.1:$first" "127.0.0.1:$second"
for _ in 1 2 3 4; do
  sleep 1.5
  make_overdue
done
load_stop
make_overdue
drain 60
deliveries_check
[ "$repeated" = 0 ] || fail "$repeated deliveries sent twice"
for name in one two; do
  say "instance $name: $(grep -c 'overdue reminders issued' "$scratch/$name.log" || true) reminder passes, $(grep -c 'webhook deliveries attempted' "$scratch/$name.log" || true) delivery passes with work"
done
say "reminders: $(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.overdue_reminder'"), one per overdue step"
check_invariants
echo "== two instances: passed"
