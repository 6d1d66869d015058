"""A test server that misbehaves on purpose, the way a bad network does, for one
file name at a time: it holds the answer back, sends it at a crawl, hangs up half
way, drops the connection, or sends an HTML page in its place (a "captive portal")."""

from __future__ import annotations

import threading
import time

import serve

PORTAL = b"<!doctype html><title>Log in</title><h1>Welcome to the station's Wi-Fi</h1>"


class BadNetwork(serve.SiteHandler):
    """Serves the site, except that a file named in ``bad`` is served as ``bad[name]`` says."""

    bad: dict[str, str] = {}  # noqa: RUF012  (set by the fixture, per test)
    released = threading.Event()  # lets held answers go when a test ends

    def send_head(self):
        name = self.path.split("?")[0].rsplit("/", 1)[-1]
        mode = self.bad.get(name) or (self.bad.get("*") if not self._page_or_boot(name) else None)
        if not mode:
            return super().send_head()
        if mode == "no-network":  # hang up without a word, as an unreachable host does
            self.close_connection = True
            self.connection.shutdown(2)
            return None
        if mode == "portal":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PORTAL)))
            self.end_headers()
            self.wfile.write(PORTAL)
            return None
        if mode == "hold":  # not even the headers come
            self.released.wait(120)
            self.close_connection = True
            return None
        body = self._file_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(self.path))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.close_connection = True
        if mode == "stall":  # a third, then nothing
            self.wfile.write(body[: len(body) // 3])
            self.wfile.flush()
            self.released.wait(120)
        elif mode == "cut":  # a third, then the connection is gone
            self.wfile.write(body[: len(body) // 3])
        elif mode == "crawl":  # about 30 kB/s
            for at in range(0, len(body), 8192):
                if self.released.is_set():
                    break
                self.wfile.write(body[at : at + 8192])
                self.wfile.flush()
                time.sleep(0.25)
        return None

    @staticmethod
    def _page_or_boot(name: str) -> bool:
        return name in ("", "index.html", "boot.js") or name.endswith((".css", ".woff2", ".svg"))

    def _file_bytes(self) -> bytes:
        with open(self.translate_path(self.path.split("?")[0]), "rb") as f:
            return f.read()

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
