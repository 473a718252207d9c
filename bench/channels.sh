#!/usr/bin/env bash
# Notices beyond the bell on the million-complaint database (issue 16): what
# the e-mail and robot outboxes cost a write (the two INSERT … SELECT that
# follow each notice), how fast the senders drain a backlog against real
# servers on 127.0.0.1 (aiosmtpd, a robot endpoint answering code 0), how
# long a digest of every notice of the busiest reader takes, and the worker's
# walk of the late customer contacts. Prints Markdown.
#
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kehu_scale_1m bench/channels.sh
#
# It changes the database: addresses and preferences for the demo users, a
# robot, BENCH_BACKLOG (5000) e-mails and posts, a digest.
set -euo pipefail
cd "$(dirname "$0")/.."

db="${BENCH_DATABASE_URL:?set BENCH_DATABASE_URL to a database filled by kehu seed-scale}"
export PGSSLMODE="${BENCH_SSLMODE:-disable}"
backlog="${BENCH_BACKLOG:-5000}"
sql() { psql "$db" -Atqc "$1"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cargo build --release --bin kehu -q
venv="$PWD/target/smtp-venv"
[ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null \
  || { python3 -m venv "$venv" && "$venv/bin/pip" install -q aiosmtpd==1.4.6; }

work=$(mktemp -d)
pids=()
# Killed outright: a service stops gracefully only once its running passes end.
trap 'kill -9 "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
smtp=$(free_port)
"$venv/bin/python" tests/support/smtp_sink.py --port "$smtp" --out "$work/mail.jsonl" >"$work/sink.log" 2>&1 &
pids+=($!)
listening() { python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2)' "$1" 2>/dev/null; }
# The relay must answer before anything else takes a port or sends.
for _ in $(seq 1 100); do listening "$smtp" && break; sleep 0.1; done
listening "$smtp" || { echo "the SMTP sink did not start:" >&2; cat "$work/sink.log" >&2; exit 1; }
robot=$(free_port)
python3 - "$robot" >/dev/null 2>&1 <<'EOF' &
import http.server, sys
class Robot(http.server.BaseHTTPRequestHandler):
    # Its headers and body are two writes: with Nagle on, the second waits
    # for the client's delayed ACK (40 ms) and the figure would be this server's.
    disable_nagle_algorithm = True
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        body = b'{"errcode":0,"errmsg":"ok"}'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
class Server(http.server.ThreadingHTTPServer):
    # The sender posts a leased batch of 20 at once: with socketserver's
    # default listen backlog of 5 the rest of the handshakes are dropped and
    # retried a second later, and the figure would be this server's.
    request_queue_size = 128
Server(("127.0.0.1", int(sys.argv[1])), Robot).serve_forever()
EOF
pids+=($!)

echo "## Notices beyond the bell (bench/channels.sh, $(date -u +%F))"
echo

# Everyone has an address; the coordinator and the GM take the chase kinds by
# e-mail as they happen, so every write that tells them enqueues an e-mail.
sql "UPDATE users SET email = username || '@factory.example' WHERE email IS NULL OR email = ''"
sql "INSERT INTO notice_preferences (user_id, language, email_kinds, version, updated_at, digest_kinds, digest_hour, digest_cut_at, digest_after_id)
  SELECT id, 'zh-CN', '[\"task\",\"reminder\",\"case_reminder\",\"late_inquiry\",\"major_alert\"]', 1, now(), '[]', 8, now(), 0
  FROM users WHERE username IN ('coordinator', 'gm')
  ON CONFLICT (user_id) DO UPDATE SET email_kinds = EXCLUDED.email_kinds, digest_kinds = '[]'"
sql "INSERT INTO notice_robots (org_id, name, platform, url, secret, language, kinds, active, version, created_at, updated_at)
  SELECT org_id, 'bench', 'dingtalk', 'http://127.0.0.1:$robot/robot/send?access_token=bench', 'SECbench', 'zh-CN',
         '[\"reminder\",\"case_reminder\",\"major_alert\"]', true, 1, now(), now()
  FROM users WHERE username = 'coordinator' AND NOT EXISTS (SELECT 1 FROM notice_robots WHERE name = 'bench')"
sql "UPDATE notice_robots SET url = 'http://127.0.0.1:$robot/robot/send?access_token=bench' WHERE name = 'bench'"
psql "$db" -qc "ANALYZE notice_preferences; ANALYZE notice_robots; CHECKPOINT"

# 1. What a write pays: the three statements that come with every notice
# (the highest notice id before it, the e-mails, the robot posts), for a
# notice to the coordinator (who takes its kind by e-mail) of a kind the robot
# takes, and for one to a reader who asked for nothing. Median of 50, in a
# transaction rolled back.
coordinator=$(sql "SELECT id FROM users WHERE username = 'coordinator'")
sales=$(sql "SELECT id FROM users WHERE username = 'sales'")
org=$(sql "SELECT org_id FROM users WHERE id = $coordinator")
enqueue_ms() { # user kind
  python3 - "$db" "$1" "$2" "$org" <<'EOF'
import statistics, subprocess, sys
db, user, kind, org = sys.argv[1:]
script = f"""
BEGIN;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) SELECT max(id) FROM notifications;
SELECT max(id) AS before FROM notifications \\gset
INSERT INTO notifications (org_id, user_id, kind, complaint_id, title, body, params, created_at)
  VALUES ({org}, {user}, '{kind}', NULL, '', '', '{{}}', '2030-01-01 00:00:00');
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) INSERT INTO notice_deliveries (org_id, notification_id, user_id, channel, address, status, attempts, next_attempt_at, created_at)
  SELECT n.org_id, n.id, n.user_id, 'email', u.email, 'pending', 0, n.created_at, n.created_at
  FROM notifications n JOIN notice_preferences p ON p.user_id = n.user_id JOIN users u ON u.id = n.user_id
  WHERE n.user_id IN ({user}) AND n.id > :before AND n.org_id = {org} AND n.kind = '{kind}' AND n.created_at = '2030-01-01 00:00:00'
  AND u.active AND u.email IS NOT NULL AND u.email <> '' AND p.email_kinds LIKE '%"' || n.kind || '"%' ON CONFLICT DO NOTHING;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) INSERT INTO robot_deliveries (org_id, robot_id, kind, complaint_id, params, status, attempts, next_attempt_at, created_at)
  SELECT r.org_id, r.id, '{kind}', NULL, '{{}}', 'pending', 0, '2030-01-01 00:00:00', '2030-01-01 00:00:00'
  FROM notice_robots r WHERE r.org_id = {org} AND r.active AND r.kinds LIKE '%"{kind}"%';
ROLLBACK;
"""
runs = []
for _ in range(50):
    out = subprocess.run(["psql", db, "-Atq"], input=script, capture_output=True, text=True, check=True).stdout
    times = [float(l.split(":")[1].split()[0]) for l in out.splitlines() if l.startswith("Execution Time")]
    runs.append(sum(times))
print(f"{statistics.median(runs):.3f}")
EOF
}
echo "| a notice to | e-mail + robot enqueue, median ms (3 statements) |"
echo "|---|---:|"
echo "| the coordinator, a reminder (an e-mail and a robot post) | $(enqueue_ms "$coordinator" reminder) |"
echo "| a salesperson, a task (neither) | $(enqueue_ms "$sales" task) |"
echo

# The seed writes no notices: give the coordinator and the GM a task notice
# per open case, as the workflow words them, up to the backlog, three hours
# old (before the digest's cut below).
for who in coordinator gm; do
  sql "INSERT INTO notifications (org_id, user_id, kind, complaint_id, title, body, params, created_at)
    SELECT c.org_id, u.id, 'task', c.id, '', '', json_build_object('number', c.number, 'state', c.state)::text,
      (now() AT TIME ZONE 'UTC') - interval '3 hours'
    FROM complaints c CROSS JOIN users u WHERE u.username = '$who' AND c.state NOT IN ('closed', 'draft')
    AND (SELECT count(*) FROM notifications n WHERE n.user_id = u.id) < $backlog
    ORDER BY c.id DESC LIMIT $backlog"
done

# 2. A backlog: BENCH_BACKLOG e-mails of the coordinator's and the GM's
# notices, and as many robot posts, sent by one service with its senders on
# (its deadline scan waits an hour, so that its catch-up of the seed's late
# cases does not share the machine with them).
sql "DELETE FROM notice_deliveries; DELETE FROM robot_deliveries"
sql "INSERT INTO notice_deliveries (org_id, notification_id, user_id, channel, address, status, attempts, next_attempt_at, created_at)
  SELECT n.org_id, n.id, n.user_id, 'email', u.email, 'pending', 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username IN ('coordinator', 'gm') ORDER BY n.id DESC LIMIT $backlog"
sql "INSERT INTO robot_deliveries (org_id, robot_id, kind, complaint_id, params, status, attempts, next_attempt_at, created_at)
  SELECT n.org_id, r.id, n.kind, n.complaint_id, n.params, 'pending', 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM notifications n JOIN users u ON u.id = n.user_id CROSS JOIN notice_robots r
  WHERE u.username = 'coordinator' AND r.name = 'bench' ORDER BY n.id DESC LIMIT $backlog"
# The digest: every notice the coordinator holds, of every kind, cut at the
# hour just begun (six minutes ago at least: past the grace).
sql "UPDATE notice_preferences SET digest_kinds = (SELECT '[' || string_agg('\"' || k || '\"', ',') || ']' FROM (SELECT DISTINCT kind AS k FROM notifications) x),
  email_kinds = '[]', digest_hour = extract(hour FROM (now() - interval '6 minutes') AT TIME ZONE 'Asia/Shanghai')::int,
  digest_cut_at = (now() AT TIME ZONE 'UTC') - interval '2 days', digest_after_id = 0 WHERE user_id = $coordinator"
sql "DELETE FROM notice_digests"
# Notices stored after the cut wait for the next day's digest: the
# coordinator's are made a day older, so that today's cut holds them all.
sql "UPDATE notifications SET created_at = created_at - interval '1 day' WHERE user_id = $coordinator"
held=$(sql "SELECT count(*) FROM notifications WHERE user_id = $coordinator")
psql "$db" -qc "ANALYZE notice_deliveries; ANALYZE robot_deliveries; CHECKPOINT"

port=$(free_port)
KEHU_DATABASE_URL="$db?sslmode=$PGSSLMODE" KEHU_BIND="127.0.0.1:$port" KEHU_LOG="warn,kehu_api::worker=debug" \
  KEHU_SMTP_HOST=127.0.0.1 KEHU_SMTP_PORT="$smtp" KEHU_SMTP_TLS=none KEHU_SMTP_FROM='客诉系统 <kehu@factory.example>' \
  KEHU_PUBLIC_URL=https://kehu.factory.example KEHU_WEBHOOK_NETWORKS=127.0.0.0/8 KEHU_DELIVERY_INTERVAL_MS=200 \
  KEHU_WORKER_INTERVAL_SECS=3600 KEHU_JWT_SECRET=bench-secret-bench-secret-bench-secret \
  ./target/release/kehu serve >"$work/serve.log" 2>&1 &
pids+=($!)
started=$(date +%s.%N)
mail_done="" robot_done="" digest_done=""
for _ in $(seq 1 600); do
  sleep 0.5
  now=$(date +%s.%N)
  left=$(sql "SELECT (SELECT count(*) FROM notice_deliveries WHERE status = 'pending') || ' ' || (SELECT count(*) FROM robot_deliveries WHERE status = 'pending')
    || ' ' || (SELECT count(*) FROM notice_digests WHERE status = 'delivered')")
  read -r mail_left robot_left digests <<<"$left"
  [ -z "$mail_done" ] && [ "$mail_left" = 0 ] && mail_done=$now
  [ -z "$robot_done" ] && [ "$robot_left" = 0 ] && robot_done=$now
  [ -z "$digest_done" ] && [ "$digests" -ge 1 ] && digest_done=$now
  [ -n "$mail_done" ] && [ -n "$robot_done" ] && [ -n "$digest_done" ] && break
done
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / (float(sys.argv[2]) - float(sys.argv[3])):.0f}')" "$1" "$2" "$started"; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.1f}')" "$1" "$started"; }
delivered=$(sql "SELECT count(*) FROM notice_deliveries WHERE status = 'delivered'")
posted=$(sql "SELECT count(*) FROM robot_deliveries WHERE status = 'delivered'")
received=$(grep -c '"message_id": "<kehu-notice-' "$work/mail.jsonl" || true)
echo "| sender | backlog | sent | seconds | per second |"
echo "|---|---:|---:|---:|---:|"
echo "| e-mail (aiosmtpd, one service) | $backlog | $delivered ($received received) | $(secs "${mail_done:-$now}") | $(rate "$delivered" "${mail_done:-$now}") |"
echo "| DingTalk robot (signed, one service) | $backlog | $posted | $(secs "${robot_done:-$now}") | $(rate "$posted" "${robot_done:-$now}") |"
echo
items=$(sql "SELECT item_count FROM notice_digests ORDER BY id DESC LIMIT 1")
cut_to_sent=$(sql "SELECT round(extract(epoch FROM (sent_at - created_at)) * 1000) FROM notice_digests ORDER BY id DESC LIMIT 1")
echo "The coordinator's digest over the $held notices he holds: $items notices gathered, sent $cut_to_sent ms after its cut;"
echo "$(secs "${digest_done:-$now}") s from the service's start to the digest recorded as sent."
echo

# 3. The worker's walk of the late customer contacts, alone.
echo "Late customer contacts (the worker's walk, \`case_contacts_due\`):"
echo
echo '```'
psql "$db" -Atc "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT cc.* FROM case_contacts cc JOIN complaints c ON c.id = cc.complaint_id
  WHERE cc.contacted_at IS NULL AND cc.reminded_at IS NULL AND cc.due_at < (now() AT TIME ZONE 'UTC')
  AND (cc.kind = 'close_confirmation' OR c.state <> 'closed') ORDER BY cc.due_at LIMIT 200"
echo '```'
