#!/usr/bin/env python3
# A tiny HTTP server on 127.0.0.1 for the check-links tests; it never touches the internet.
# Prints its port (chosen by the kernel) on the first line, then serves until stdin closes,
# so it also ends when the test process that started it dies.
#
#   /ok       200            /moved     301 to /ok        /missing   404
#   /no-head  405 to HEAD, 200 to GET                       /hang*     reads the request, never answers
import http.server
import os
import sys
import threading
import time


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *arguments):
        pass

    def answer(self, is_get):
        path = self.path.split("?")[0]
        if path.startswith("/hang"):
            time.sleep(3600)
            return
        if path == "/ok":
            self.send_response(200)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/no-head":
            self.send_response(200 if is_get else 405)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self.answer(False)

    def do_GET(self):
        self.answer(True)


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
print(server.server_address[1], flush=True)
server.serve_forever()
