#!/usr/bin/env python3
"""Holds COUNT connections to 127.0.0.1:PORT for the load test: half stay silent, half send half a
request head (slow-header clients). Prints "holding N" once all are open, then every few seconds how
many the server has closed, until it is killed. Usage: hold-connections.py PORT COUNT"""
import resource
import select
import socket
import sys
import time

port, count = int(sys.argv[1]), int(sys.argv[2])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
held = []
for index in range(count):
    s = socket.socket()
    s.setblocking(True)
    try:
        s.connect(("127.0.0.1", port))
    except OSError as error:
        print(f"connection {index} failed: {error}", flush=True)
        break
    if index % 2:
        s.sendall(b"GET /v1/status HTTP/1.1\r\nHost: x\r\n")
    held.append(s)
print(f"holding {len(held)}", flush=True)
poller = select.poll()
by_fd = {s.fileno(): s for s in held}
for fd in by_fd:
    poller.register(fd, select.POLLIN)
closed = 0
started = time.time()
while True:
    for fd, _ in poller.poll(2000):
        try:
            data = by_fd[fd].recv(4096)
        except OSError:
            data = b""
        if not data:
            poller.unregister(fd)
            by_fd.pop(fd).close()
            closed += 1
    print(f"after {time.time() - started:.0f} s: {closed} of {len(held)} closed by the server", flush=True)
