"""Networks that stall, crawl, break off or answer with a login page: no download
of Python's start-up waits forever (web/download.mjs).  A failed snapshot
download falls back to a plain start that says why; a first visit without any
network says that Python needs one online visit.

The test server misbehaves on purpose, for one file name at a time, the way a
bad network does: it holds the answer back, sends it at a crawl, hangs up half
way, or sends an HTML page in its place (a "captive portal").
"""

from __future__ import annotations

import threading
import time

import pytest
import serve
from conftest import SITE, cell, run_and_wait, wait_ready

LESSON = "distances/"
STALL_S = 10  # web/download.mjs, STALL_MS
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


@pytest.fixture(scope="module")
def bad_site():
    server, url = serve.start(SITE, handler_class=BadNetwork)
    yield url
    BadNetwork.released.set()
    server.shutdown()


@pytest.fixture
def network(bad_site):
    """Set ``network[file name] = mode`` before visiting ``bad_site``."""
    BadNetwork.released.clear()
    BadNetwork.bad = {}
    yield BadNetwork.bad
    BadNetwork.released.set()
    BadNetwork.bad = {}


def status_text(page) -> str:
    return page.locator(".lc-status").inner_text()


def a_cell_runs(page):
    c = cell(page, 3)
    before = c.locator(".lc-output").inner_html()
    run_and_wait(page, c, timeout=90_000)
    assert c.locator(".lc-output").inner_html() == before


@pytest.mark.parametrize(
    "mode, reason",
    [
        ("hold", f"the download of the snapshot stalled (nothing arrived for {STALL_S} s)"),
        ("stall", f"the download of the snapshot stalled (nothing arrived for {STALL_S} s)"),
        ("crawl", "the download of the snapshot was too slow to finish in time"),
        ("cut", "the download of the snapshot was cut off"),
        ("portal", "the network sent a web page in place of the snapshot"),
    ],
)
def test_a_bad_snapshot_download_falls_back_to_a_plain_start_and_says_why(page, bad_site, network, mode, reason):
    network["snapshot.bin.gz"] = mode
    started = time.monotonic()
    page.goto(bad_site + LESSON)
    wait_ready(page, timeout=120_000)
    text = status_text(page)
    assert "started without the snapshot" in text and reason in text, text
    if mode in ("hold", "stall"):
        assert time.monotonic() - started >= STALL_S - 1  # it did wait for the stall
    a_cell_runs(page)


def test_a_library_sent_as_a_web_page_is_named_and_the_next_visit_works(page, bad_site, network):
    network["py.zip"] = "portal"
    page.goto(bad_site + LESSON)
    page.wait_for_selector('.lc-status[data-state="error"]', timeout=120_000)
    text = status_text(page)
    assert "Python could not start" in text
    assert "the network sent a web page in place of the clusterlab library" in text, text
    network.clear()
    page.reload()
    wait_ready(page, timeout=120_000)
    a_cell_runs(page)


def test_a_first_visit_without_network_says_it_needs_one_online_visit(page, bad_site, network):
    # The page itself arrived (say, from the browser's cache); nothing else can.
    network["*"] = "no-network"
    page.goto(bad_site + LESSON)
    page.wait_for_selector('.lc-status[data-state="error"]', timeout=60_000)
    assert "needs one online visit" in status_text(page)
    # the lesson stays readable, with its pre-computed outputs
    assert cell(page, 3).locator(".lc-output").inner_text().strip()
    network.clear()
    page.reload()
    wait_ready(page, timeout=120_000)
    a_cell_runs(page)
