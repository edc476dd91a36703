"""Misbehaving HTTP clients against a local server, held in their own process.

Usage: python3 slow_clients.py PORT COUNT

Opens COUNT connections to 127.0.0.1:PORT: a third stay silent, a third send half a request head,
a third send a head and half its body. Prints `held N` once N connections are open, then waits for
a line on stdin; on `watch` it waits (at most 60 s) for the server to close each connection and
prints `closed K`, then exits.

The sockets live here rather than in the test process because Foundation's Process.run() on Linux
reads /proc/self/fd with a 256-byte over-read (swift-corelibs-foundation PR #5472): with over
~1,350 descriptors open in the test process, a concurrent test that starts a process can crash.
"""
import selectors
import socket
import sys
import time

HEAD = b"GET /v1/status HTTP/1.1\r\nHost: x\r\n"
BODY = b"POST /v1/telemetry HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"readings\":"


def main():
    port, count = int(sys.argv[1]), int(sys.argv[2])
    held = []
    for index in range(count):
        try:
            client = socket.create_connection(("127.0.0.1", port), timeout=30)
        except OSError:
            continue
        try:
            if index % 3 == 1:
                client.sendall(HEAD)
            elif index % 3 == 2:
                client.sendall(BODY)
        except OSError:
            pass  # already evicted at the cap: the watch below counts it closed
        held.append(client)
    print(f"held {len(held)}", flush=True)
    if sys.stdin.readline().strip() != "watch":
        return
    selector = selectors.DefaultSelector()
    for client in held:
        client.setblocking(False)
        selector.register(client, selectors.EVENT_READ)
    closed, deadline = 0, time.monotonic() + 60
    while closed < len(held) and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=max(0, deadline - time.monotonic())):
            try:
                data = key.fileobj.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                data = b""
            if not data:
                selector.unregister(key.fileobj)
                closed += 1
    print(f"closed {closed}", flush=True)


main()
