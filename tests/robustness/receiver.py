#!/usr/bin/env python3
"""A webhook receiver for the robustness scenarios: answers 200 and appends
each delivery's Kehu-Event-Id to a file, one per line.

    receiver.py PORT LOG_FILE"""
import http.server
import sys

port, log = int(sys.argv[1]), sys.argv[2]


class Hook(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        with open(log, "a") as f:
            f.write(self.headers.get("kehu-event-id", "?") + "\n")
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Hook).serve_forever()
