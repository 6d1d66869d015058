"""Networks that stall, crawl, break off or answer with a login page: no download
of Python's start-up waits forever (web/download.mjs).  A failed snapshot
download falls back to a plain start that says why; a first visit without any
network says that Python needs one online visit.  The test server
(bad_network.py) misbehaves on purpose.
"""

from __future__ import annotations

import time

import pytest
import serve
from bad_network import BadNetwork
from conftest import SITE, a_cell_runs, cell, status_text, wait_ready

LESSON = "distances/"
STALL_S = 10  # web/download.mjs, STALL_MS


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


def test_a_stalled_python_runtime_is_named_instead_of_loading_for_ever(page, bad_site, network):
    # Pyodide itself only logs a failed download of its WebAssembly and waits.
    network["pyodide.asm.wasm"] = "stall"
    page.goto(bad_site + LESSON)
    page.wait_for_selector('.lc-status[data-state="error"]', timeout=120_000)
    text = status_text(page)
    assert "Python could not start" in text, text
    assert f"the download of the Python runtime stalled (nothing arrived for {STALL_S} s)" in text, text
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
