#!/usr/bin/env python3
"""Load for the robustness scenarios: threads that walk complaints through
the workflow (create with an Idempotency-Key, submit, register, remind) and
read lists and cases, spread over one or more service addresses, until the
stop file appears. Every answer is recorded; a JSON summary is printed.

    load.py STOP_FILE SUMMARY_FILE HOST:PORT [HOST:PORT ...]

A request that fails (503, a dropped connection) is retried after re-reading
the case, as a careful client would; creates carry an Idempotency-Key, so a
retried create makes one complaint."""
import http.client
import json
import os
import sys
import threading
import time
import uuid

STOP, SUMMARY, ADDRS = sys.argv[1], sys.argv[2], sys.argv[3:]
THREADS = int(os.environ.get("LOAD_THREADS", "6"))
lock = threading.Lock()
stats = {"requests": 0, "by_status": {}, "non_problem_5xx": 0, "over_5s": 0, "dropped": 0, "max_ms": 0.0,
         "created": 0, "actions": 0}
timeline = []  # (monotonic time, status)


def record(status, ms, ctype):
    with lock:
        stats["requests"] += 1
        stats["by_status"][str(status)] = stats["by_status"].get(str(status), 0) + 1
        stats["max_ms"] = max(stats["max_ms"], ms)
        if ms > 5000:
            stats["over_5s"] += 1
        if isinstance(status, int) and status >= 500 and "problem+json" not in (ctype or ""):
            stats["non_problem_5xx"] += 1
        timeline.append((time.monotonic(), status))


class Client:
    def __init__(self, addr):
        self.host, self.port = addr.split(":")
        self.conn = None
        self.tokens = {}

    def request(self, method, path, body=None, headers=None, token=None):
        h = dict(headers or {})
        if token:
            h["authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["content-type"] = "application/json"
        t0 = time.monotonic()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, int(self.port), timeout=15)
            self.conn.request(method, path, data, h)
            r = self.conn.getresponse()
            raw = r.read()
            ms = (time.monotonic() - t0) * 1000
            record(r.status, ms, r.getheader("content-type"))
            try:
                return r.status, json.loads(raw) if raw else None
            except ValueError:
                return r.status, None
        except (OSError, http.client.HTTPException):
            self.conn = None
            with lock:
                stats["dropped"] += 1
            record("dropped", (time.monotonic() - t0) * 1000, None)
            return None, None

    def token(self, user):
        while user not in self.tokens and not os.path.exists(STOP):
            s, v = self.request("POST", "/api/v1/auth/login", {"username": user, "password": "kehu-demo-pass"})
            if s == 200:
                self.tokens[user] = v["access_token"]
            else:
                time.sleep(0.2)
        return self.tokens.get(user)


def until_ok(c, user, method, path, body=None, headers=None, want=(200, 201), conflict_ends=True):
    """Retries through outages; returns the body, or None once stopping."""
    while not os.path.exists(STOP):
        s, v = c.request(method, path, body, headers, c.token(user))
        if s in want:
            return v
        if s in (409, 412) and conflict_ends:  # applied by an earlier try whose answer was lost
            return None
        time.sleep(0.2)
    return None


def version(c, cid):
    v = until_ok(c, "sales", "GET", f"/api/v1/complaints/{cid}")
    return v["version"] if v else None


def act(c, user, cid, action, body):
    ver = version(c, cid)
    if ver is None:
        return
    s, _ = c.request("POST", f"/api/v1/complaints/{cid}/actions/{action}", body, {"if-match": f'"{ver}"'}, c.token(user))
    if s != 200:
        # Lost, refused or applied without an answer: look again, then retry once.
        ver2 = version(c, cid)
        if ver2 == ver:
            until_ok(c, user, "POST", f"/api/v1/complaints/{cid}/actions/{action}", body, {"if-match": f'"{ver}"'})
    with lock:
        stats["actions"] += 1


def worker(n):
    c = Client(ADDRS[n % len(ADDRS)])
    found = until_ok(c, "sales", "GET", "/api/v1/customers?q=C-0001")
    if not found:
        return
    customer = found["items"][0]["id"]
    intake = {"customer_id": customer, "order_number": "SO-LOAD", "product_number": "BRK-2207", "ship_date": "2026-11-01",
              "quantity_shipped": 1000, "defective_quantity": 5, "found_at": "来料检验", "description": "负载测试",
              "requests": ["compensation"], "claim_amount": "100.00", "channel": "phone"}
    while not os.path.exists(STOP):
        # The same key on every try: a retry replays (or, after a crash, reruns) the create.
        created = until_ok(c, "sales", "POST", "/api/v1/complaints", intake, {"idempotency-key": str(uuid.uuid4())}, conflict_ends=False)
        if not created:
            continue
        with lock:
            stats["created"] += 1
        cid = created["id"]
        act(c, "sales", cid, "submit", {})
        act(c, "coordinator", cid, "register", {"severity": "general", "kind": "quality"})
        act(c, "coordinator", cid, "remind", {})
        until_ok(c, "coordinator", "GET", "/api/v1/complaints?limit=20")
        until_ok(c, "qa", "GET", "/api/v1/me/tasks")


threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stats["max_ms"] = round(stats["max_ms"], 1)
with open(SUMMARY, "w") as f:
    json.dump({"stats": stats, "timeline": timeline}, f)
print(json.dumps(stats))
