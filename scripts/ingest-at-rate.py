#!/usr/bin/env python3
"""Sends telemetry batches (one reading each, a new stamp each) to 127.0.0.1:PORT at RATE batches a
second on one kept-alive connection, for the load test's "status while ingesting" phase. Prints the
batches sent, their statuses and the rate reached when it ends after SECONDS.
Usage: ingest-at-rate.py PORT TOKEN RATE SECONDS"""
import http.client
import json
import sys
import time

port, token, rate, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
statuses, sent = {}, 0
start = time.monotonic()
first_ms = int(time.time() * 1000) - 3 * 3_600_000  # three hours back: past stamps, none the wrk phase used
while time.monotonic() - start < seconds:
    reading = {"timestamp_ms": first_ms + sent, "load_kw": 14000, "pv_available_kw": 0, "pv_kw": 0, "battery_kw": 14000,
               "soc": 0.5, "diesel_kw": 0, "diesel_units": 0, "grid_kw": 0, "unserved_kw": 0, "battery_online": True}
    connection.request("POST", "/v1/telemetry", json.dumps({"readings": [reading]}), headers)
    response = connection.getresponse()
    response.read()
    statuses[response.status] = statuses.get(response.status, 0) + 1
    sent += 1
    pause = start + sent / rate - time.monotonic()
    if pause > 0:
        time.sleep(pause)
elapsed = time.monotonic() - start
print(f"ingest: {sent} batches in {elapsed:.1f} s ({sent / elapsed:.0f}/s), statuses {statuses}")
