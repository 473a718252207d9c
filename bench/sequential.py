#!/usr/bin/env python3
"""Latency of single requests against a running service: each request in
turn over one keep-alive connection, so each figure is one request's time
with nothing queued in front of it. Prints p50/p95/p99 per request and over
all of a suite, as a Markdown table.

    bench/sequential.py HOST:PORT REPS SUITE USER [USER...]

Suites: customer-search, complaint-search, statistics, returns, handling,
allowances, exclusions, eight-d, recurrence, tracking, petitions, suppliers,
penalties, letters."""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

SUITES = {
    "customer-search": [
        ("name, 2 chars", "/api/v1/customers?limit=50&q=精密"),
        ("name, 4 chars", "/api/v1/customers?limit=50&q=苏州精密"),
        ("name, full", "/api/v1/customers?limit=50&q=宁波汽配制造股份有限公司1011"),
        ("code", "/api/v1/customers?limit=50&q=S0054321"),
        ("contact", "/api/v1/customers?limit=50&q=王建国"),
        ("phone, 8 digits", "/api/v1/customers?limit=50&q=13800791"),
        ("phone, full", "/api/v1/customers?limit=50&q=13897760055"),
        ("no match", "/api/v1/customers?limit=50&q=不存在的客户"),
    ],
    "complaint-search": [
        ("defect, 2 chars, common", "/api/v1/complaints?limit=50&q=毛刺"),
        ("defect, 4 chars, common", "/api/v1/complaints?limit=50&q=镀层起泡"),
        ("batch number", "/api/v1/complaints?limit=50&q=批次 549106"),
        ("order number", "/api/v1/complaints?limit=50&q=SO-123456"),
        ("product number", "/api/v1/complaints?limit=50&q=GEAR-1500"),
        ("customer name", "/api/v1/complaints?limit=50&q=宁波汽配制造股份有限公司1011"),
        ("customer, 4 chars", "/api/v1/complaints?limit=50&q=无锡轴承"),
        ("common + state", "/api/v1/complaints?limit=50&state=closed&q=锈蚀"),
        ("no match", "/api/v1/complaints?limit=50&q=不存在的问题"),
    ],
    "returns": [
        ("newest page", "/api/v1/returns?limit=50"),
        ("state + kind", "/api/v1/returns?limit=50&state=approved&kind=exchange"),
        ("waiting for me", "/api/v1/returns?limit=50&box=to_act"),
        ("refused, last 90 days", "/api/v1/returns?limit=50&state=refused&created_from=" + time.strftime("%Y-%m-%d", time.localtime(time.time() - 90 * 86400))),
        ("summary export, a month", "/api/v1/returns/export?format=csv&created_from=" + time.strftime("%Y-%m-01")),
        ("notes waiting, by state", "/api/v1/returns?limit=50&state=approved&box=to_act"),
    ],
    "handling": [
        ("waiting for me", "/api/v1/returns?limit=50&box=to_act"),
        ("approved, waiting for me", "/api/v1/returns?limit=50&state=approved&box=to_act"),
    ],
    "exclusions": [
        ("last month", "/api/v1/complaints/statistics/collection-exclusions"),
        ("two months ago", "/api/v1/complaints/statistics/collection-exclusions?month=" + time.strftime("%Y-%m", time.localtime(time.time() - 62 * 86400))),
        ("last month, spreadsheet", "/api/v1/complaints/statistics/collection-exclusions/export"),
    ],
    "eight-d": [
        ("waiting for the QA manager", "/api/v1/8d-reports"),
        ("being written", "/api/v1/8d-reports?state=draft"),
        ("approved", "/api/v1/8d-reports?state=approved"),
    ],
    # Ids of a fresh `seed-scale --complaints 1000000` (the five demo cases first).
    "recurrence": [
        ("newest case", "/api/v1/complaints/1000005/recurrence"),
        ("a case a month old", "/api/v1/complaints/960000/recurrence"),
        ("a closed case, two years old", "/api/v1/complaints/300000/recurrence"),
    ],
    # Ids as above: 1000000 is marked irrational, 999807 has a deferral waiting.
    "tracking": [
        ("QA's checks, scheduled", "/api/v1/effectiveness-checks"),
        ("due by today", "/api/v1/effectiveness-checks?due=true"),
        ("passed", "/api/v1/effectiveness-checks?state=passed"),
        ("deferrals waiting", "/api/v1/deferrals"),
        ("a case's marks", "/api/v1/complaints/1000000/marks"),
        ("a case's deferrals", "/api/v1/complaints/999807/deferrals"),
    ],
    "petitions": [
        ("the GM's box, pending", "/api/v1/petitions"),
        ("decided", "/api/v1/petitions?state=decided"),
        ("a case's petitions", "/api/v1/complaints/999761/petitions"),
    ],
    "suppliers": [
        ("waiting for suppliers", "/api/v1/supplier-requests"),
        ("overdue", "/api/v1/supplier-requests?due=true"),
        ("answers to review", "/api/v1/supplier-requests?state=answered"),
        ("accepted", "/api/v1/supplier-requests?state=accepted"),
        ("a case's requests", "/api/v1/complaints/999754/supplier-requests"),
    ],
    # Run 1: the first `POST /penalty-runs` on a fresh seed (see docs/benchmarks.md).
    "penalties": [
        ("the runs", "/api/v1/penalty-runs"),
        ("a run, first page of items", "/api/v1/penalty-runs/1"),
        ("a run, confirmed items", "/api/v1/penalty-runs/1?item_state=confirmed"),
        ("the publication list", "/api/v1/penalty-runs/1/publication"),
        ("the deduction list, spreadsheet", "/api/v1/penalty-runs/1/deductions?format=xlsx"),
        ("own ledger", "/api/v1/bonus-ledger"),
        ("pay basis, first page", "/api/v1/pay-basis?limit=50"),
        ("pay basis, spreadsheet", "/api/v1/pay-basis/export"),
    ],
    # After the worker's first pass over a fresh seed (see docs/benchmarks.md):
    # the ids are that run's first letter and the case with the most letters.
    "letters": [
        ("my notices, newest page", "/api/v1/me/notifications?limit=50"),
        ("my reminders and inquiries", "/api/v1/me/notifications?limit=50&kind=reminder,late_inquiry,late_inquiry_answered,case_reminder,containment_reminder"),
        ("my unread count", "/api/v1/me/notifications/unread-count"),
        ("a letter", "/api/v1/letters/47425"),
        ("a case's letters", "/api/v1/complaints/985344/letters"),
    ],
    "allowances": [
        ("newest page", "/api/v1/allowances?limit=50"),
        ("signed, for accounting", "/api/v1/allowances?limit=50&state=signed"),
        ("waiting for me", "/api/v1/allowances?limit=50&box=to_act"),
    ],
    "statistics": [
        ("last month", "/api/v1/complaints/statistics/monthly"),
        ("last month, top 200", "/api/v1/complaints/statistics/monthly?top=200"),
    ],
}


def login(c, user):
    body = json.dumps({"username": user, "password": "kehu-demo-pass"})
    c.request("POST", "/api/v1/auth/login", body, {"content-type": "application/json"})
    r = c.getresponse()
    return json.loads(r.read())["access_token"]


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def rows_of(body):
    if body.startswith("\ufeff".encode()):  # a CSV export: its data rows
        return body.count(b"\n") - 1
    if body.startswith(b"PK"):  # a spreadsheet: its size
        return f"{len(body) // 1024} KB"
    data = json.loads(body)
    if isinstance(data, dict) and "items" in data:
        return len(data["items"])
    if isinstance(data, dict) and "closed" in data:
        return data["closed"]
    if isinstance(data, dict) and "cases" in data:
        return data["cases"]
    if isinstance(data, dict) and "same_customer" in data:
        return f"{len(data['same_customer'])} + {len(data['other_customers'])}"
    return ""


def run(host, port, reps, suite, user):
    c = http.client.HTTPConnection(host, int(port), timeout=60)
    token = login(c, user)
    every, rows = [], []
    for label, raw in SUITES[suite]:
        path, _, query = raw.partition("?")
        path += "?" + urllib.parse.urlencode(urllib.parse.parse_qsl(query)) if query else ""
        times, hits = [], ""
        for i in range(reps + 3):
            t0 = time.perf_counter()
            c.request("GET", path, headers={"authorization": "Bearer " + token})
            r = c.getresponse()
            body = r.read()
            dt = (time.perf_counter() - t0) * 1000
            if r.status != 200:
                raise SystemExit(f"{label}: HTTP {r.status} {body[:200]!r}")
            if i >= 3:  # the first few warm the caches
                times.append(dt)
            hits = rows_of(body)
        every.extend(times)
        rows.append((label, urllib.parse.unquote(raw.split("?", 1)[-1]), hits, statistics.median(times), pct(times, 95), pct(times, 99)))
    print(f"\n{suite}, caller {user}, {reps} requests each:\n")
    print("| request | query | rows | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---:|---:|---:|---:|")
    for label, q, hits, p50, p95, p99 in rows:
        print(f"| {label} | `{q}` | {hits} | {p50:.1f} | {p95:.1f} | {p99:.1f} |")
    print(f"| **all** | | | {statistics.median(every):.1f} | {pct(every, 95):.1f} | {pct(every, 99):.1f} |")


def main():
    host, port = sys.argv[1].split(":")
    reps, suite = int(sys.argv[2]), sys.argv[3]
    for user in sys.argv[4:] or ["gm"]:
        run(host, port, reps, suite, user)


main()
