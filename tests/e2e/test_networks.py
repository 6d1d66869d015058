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
from conftest import SITE, a_cell_runs, cell, set_timeouts, status_text, wait_ready

LESSON = "distances/"
# Shorter than the real limits (web/contract.json, 10 s and 15 s), long enough
# that no file of the local server stalls, and no starting worker falls silent,
# this long on a machine busy with the parallel tests (5 s once did, in one run
# with pytest-xdist's worksteal).
STALL_S = 8
SILENT_S = 8


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
    set_timeouts(page, stallMs=STALL_S * 1000)
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
    set_timeouts(page, stallMs=STALL_S * 1000)
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


# A worker that falls silent while Python starts: its start hung in the
# browser's engine, or its own file never came.  Here the worker's file is
# answered with a module that does nothing, so it never says it is alive.
def silent_worker(page, times):
    """Answer the first `times` requests for the worker's file with a silent module."""
    set_timeouts(page, silentMs=SILENT_S * 1000)
    served = []

    def handle(route):
        if len(served) < times:
            served.append(route.request.url)
            route.fulfill(status=200, content_type="text/javascript", body="// says nothing\n")
        else:
            route.continue_()

    page.route("**/worker.mjs", handle)
    return served


def test_a_worker_that_falls_silent_is_replaced_and_an_early_run_still_gets_its_output(page, site_url):
    served = silent_worker(page, times=1)
    started = time.monotonic()
    page.goto(site_url + LESSON, wait_until="domcontentloaded")
    c = cell(page, 0)
    before = c.locator(".lc-output").inner_html()
    c.locator(".lc-btn--run").click()  # queued while the first worker says nothing
    wait_ready(page, timeout=90_000)
    assert len(served) == 1 and time.monotonic() - started >= SILENT_S - 1
    assert f"stopped answering for {SILENT_S} s and was started again" in status_text(page), status_text(page)
    page.wait_for_function("el => el.querySelector('.lc-state').textContent.startsWith('ran in')",
                           arg=c.element_handle(), timeout=30_000)
    assert c.locator(".lc-output").inner_html() == before
    a_cell_runs(page)


def test_a_worker_silent_twice_is_given_up_with_a_message_and_a_reload_works(page, site_url):
    served = silent_worker(page, times=2)
    page.goto(site_url + LESSON)
    page.wait_for_selector('.lc-status[data-state="error"]', timeout=90_000)
    text = status_text(page)
    assert len(served) == 2
    assert f"Python's start stopped answering twice (nothing for {SILENT_S} s)" in text, text
    assert "Reload the page" in text and "was started again" not in text, text
    assert cell(page, 3).locator(".lc-output").inner_text().strip()  # the lesson stays readable
    page.unroute("**/worker.mjs")
    page.reload()
    wait_ready(page, timeout=120_000)
    a_cell_runs(page)
