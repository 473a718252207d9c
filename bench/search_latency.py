#!/usr/bin/env python3
"""Latency of customer search (GET /api/v1/customers?q=...) against a running
service: each query in turn, sequentially over one keep-alive connection, so
each figure is one request's time with nothing queued in front of it.
Prints p50/p95/p99 per query, per caller, and over all requests."""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

base = sys.argv[1]  # e.g. 127.0.0.1:8080
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 100
host, port = base.split(":")

QUERIES = [
    ("name, 2 chars", "精密"),
    ("name, 4 chars", "苏州精密"),
    ("name, full", "宁波汽配制造股份有限公司1011"),
    ("code", "S0054321"),
    ("contact", "王建国"),
    ("phone, 8 digits", "13800791"),
    ("phone, full", "13897760055"),
    ("no match", "不存在的客户"),
]


def conn():
    return http.client.HTTPConnection(host, int(port), timeout=30)


def login(c, user):
    body = json.dumps({"username": user, "password": "kehu-demo-pass"})
    c.request("POST", "/api/v1/auth/login", body, {"content-type": "application/json"})
    r = c.getresponse()
    data = json.loads(r.read())
    return data["access_token"]


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def run(user):
    c = conn()
    token = login(c, user)
    every = []
    rows = []
    for label, q in QUERIES:
        path = "/api/v1/customers?limit=50&q=" + urllib.parse.quote(q)
        times = []
        hits = 0
        for i in range(reps + 5):
            t0 = time.perf_counter()
            c.request("GET", path, headers={"authorization": "Bearer " + token})
            r = c.getresponse()
            body = r.read()
            dt = (time.perf_counter() - t0) * 1000
            if r.status != 200:
                raise SystemExit(f"{label}: HTTP {r.status} {body[:200]!r}")
            if i >= 5:  # the first few warm the caches
                times.append(dt)
            hits = len(json.loads(body)["items"])
        every.extend(times)
        rows.append((label, q, hits, statistics.median(times), pct(times, 95), pct(times, 99)))
    print(f"\ncaller: {user}\n")
    print("| query | text | rows | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---:|---:|---:|---:|")
    for label, q, hits, p50, p95, p99 in rows:
        print(f"| {label} | {q} | {hits} | {p50:.1f} | {p95:.1f} | {p99:.1f} |")
    print(f"| **all** | | | {statistics.median(every):.1f} | {pct(every, 95):.1f} | {pct(every, 99):.1f} |")


for user in sys.argv[3:] or ["gm"]:
    run(user)
