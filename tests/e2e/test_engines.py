"""The site's core behaviours, described once and run in Firefox and WebKit
(Safari's engine) through the thin drivers of engines.py.  Chromium runs each
of them in the Playwright suite already (test_pages: every cell's output and
no outside request; test_cells: Stop, edits, an early Run, a crash;
test_networks: a snapshot sent as a web page; test_offline), so it is not
visited again here.

Each test is one visit of the representative lesson (a Python start costs
seconds).  Where an engine lacks a feature the runtime degrades and says so;
the tests check the saying (WebKitGTK's automation session has no origin
private file system, so the snapshot cannot be kept there).
"""

from __future__ import annotations

import pytest
import serve
from bad_network import BadNetwork
from conftest import SITE
from engines import FirefoxEngine, WebKitEngine, missing

# `make test` runs these alone, after the rest: under the load of the parallel
# Chromium tests a WebKit session was seen to hang (MiniBrowser gone, its driver
# silent) in two runs out of two.
pytestmark = pytest.mark.engines

LESSON = "distances/"
CELLS = ".lc-cell:not(.lc-setup .lc-cell)"  # the visible cells, as conftest.cell counts them
STATUS = "() => document.querySelector('.lc-status').textContent"
READY = """() => document.querySelector('.lc-status')?.dataset.state === 'ready'
    && document.querySelectorAll('.lc-source').length === 0
    && document.querySelectorAll('.cm-content').length > 0"""
OUTPUT = f"(n) => document.querySelectorAll('{CELLS} .lc-output')[n].innerHTML"
CODE = f"(n) => document.querySelectorAll('{CELLS} .cm-content')[n].textContent"
AUTHORED = f"(n) => document.querySelectorAll('{CELLS}')[n].dataset.lcCode"
NOT_KEPT = "could not be kept for the next visit"


@pytest.fixture(scope="module", params=["firefox", "webkit"])
def engine(request):
    why = missing(request.param)
    if why:
        pytest.skip(f"{request.param}: {why} (make test installs it: tools/find_browsers.py)")
    made = FirefoxEngine() if request.param == "firefox" else WebKitEngine()
    yield made
    made.close()


@pytest.fixture(scope="module")
def site():
    server, url = serve.start(SITE, handler_class=BadNetwork)
    yield url
    BadNetwork.released.set()
    server.shutdown()


def open_ready(engine, url):
    engine.open(url)
    engine.wait_for(READY, timeout=120, what="Python ready and the editors in place")
    return engine.js(STATUS)


def run(engine, n, timeout=90):
    """Click cell n's Run and wait until it has run (its state says how long it took)."""
    engine.js(f"(n) => document.querySelectorAll('{CELLS} .lc-state')[n].textContent = ''", n)
    engine.click(f"{CELLS} .lc-btn--run", n)
    engine.wait_for(
        f"(n) => !document.querySelectorAll('{CELLS}')[n].classList.contains('lc-cell--running')"
        f" && document.querySelectorAll('{CELLS} .lc-state')[n].textContent.startsWith('ran in')",
        n,
        timeout=timeout,
        what=f"cell {n} has run",
    )


def says_what_was_not_kept(engine, status):
    """The snapshot is kept where the engine has a private file system, and the status says when not."""
    has_opfs = engine.js("() => typeof navigator.storage?.getDirectory === 'function'")
    if has_opfs:
        assert NOT_KEPT not in status
    else:
        status = engine.wait_for(f"() => ({STATUS})().includes({NOT_KEPT!r}) && ({STATUS})()", timeout=30)
        assert "offers no storage for it" in status


def test_every_unedited_cell_gives_its_prerendered_output_with_no_outside_request(engine, site):
    status = open_ready(engine, site + LESSON)
    assert "without the snapshot" not in status, status  # the snapshot start
    count = engine.js(f"() => document.querySelectorAll('{CELLS}').length")
    assert count >= 5
    for n in range(count):
        before = engine.js(OUTPUT, n)
        run(engine, n)
        assert engine.js(OUTPUT, n) == before, f"{engine.name}: cell {n} differs from its pre-rendered output"
    says_what_was_not_kept(engine, engine.js(STATUS))
    requests = engine.requests()
    if requests is None:  # WebKit's driver does not report requests: the page's own are listed
        requests = engine.js("() => performance.getEntriesByType('resource').map((e) => e.name)")
    outside = [u for u in requests if not u.startswith(site) and not u.startswith(("data:", "blob:"))]
    assert outside == []


def test_edit_run_stop_an_endless_loop_then_run_the_next_cell(engine, site):
    open_ready(engine, site + LESSON)
    engine.replace_text(f"{CELLS} .cm-content", 1, "print(6 * 7)")
    run(engine, 1)
    assert engine.js(f"(n) => document.querySelectorAll('{CELLS} .lc-output')[n].textContent.trim()", 1) == "42"
    engine.replace_text(f"{CELLS} .cm-content", 1, "while True: pass")
    engine.click(f"{CELLS} .lc-btn--run", 1)
    engine.wait_for("() => document.querySelector('.lc-status').dataset.state === 'running'", timeout=30)
    engine.click(f"{CELLS} .lc-btn--stop", 1)
    engine.wait_for(f"(n) => ({OUTPUT})(n).includes('Stopped')", 1, timeout=10, what="the loop stopped")
    before = engine.js(OUTPUT, 3)
    run(engine, 3)
    assert engine.js(OUTPUT, 3) == before


def test_an_edit_survives_a_reload_and_reset_restores_the_lesson(engine, site):
    open_ready(engine, site + LESSON)
    engine.replace_text(f"{CELLS} .cm-content", 1, "kept = 'still here'")
    engine.wait_for(f"() => document.querySelectorAll('{CELLS}')[1].classList.contains('lc-cell--edited')")
    engine.reload()
    engine.wait_for(READY, timeout=120)
    assert engine.js(CODE, 1) == "kept = 'still here'"
    engine.click(f"{CELLS} .lc-btn--reset", 1)
    assert engine.js(CODE, 1) == engine.js(AUTHORED, 1)


def test_a_snapshot_sent_as_a_web_page_falls_back_to_a_plain_start_that_says_so(engine, site):
    BadNetwork.bad = {"snapshot.bin.gz": "portal"}
    try:
        status = open_ready(engine, site + LESSON)
    finally:
        BadNetwork.bad = {}
    assert "started without the snapshot" in status and "web page in place of the snapshot" in status, status
    before = engine.js(OUTPUT, 3)
    run(engine, 3)
    assert engine.js(OUTPUT, 3) == before


def test_after_one_visit_a_reload_without_network_runs_a_cell(engine):
    server, url = serve.start(SITE)
    try:
        open_ready(engine, url + LESSON)
        has_sw = engine.wait_for(
            "() => !('serviceWorker' in navigator) ? 'none'"
            " : navigator.serviceWorker.controller ? 'controlled' : false",
            timeout=90,
            what="the service worker controls the page",
        )
    finally:
        server.shutdown()
        server.server_close()  # the network is gone: nothing answers on that port now
    if has_sw == "none":
        pytest.skip(f"{engine.name}: no service worker in this browser session")
    engine.reload()
    status = engine.wait_for(f"() => ({READY})() && ({STATUS})()", timeout=120, what="ready offline")
    assert "without the snapshot" not in status
    before = engine.js(OUTPUT, 3)
    run(engine, 3)
    assert engine.js(OUTPUT, 3) == before


def test_run_pressed_while_python_starts_gives_the_prerendered_output(engine, site):
    # The worker's script and Pyodide's arrive at a crawl, so Python is still starting
    # when the reader presses Run (a real button from the build, before the editors).
    BadNetwork.bad = {"worker.mjs": "crawl", "pyodide.mjs": "crawl"}
    BadNetwork.released.clear()  # an earlier test may have left it set, which ends a crawl at once
    try:
        engine.open(site + LESSON)
        before = engine.js(OUTPUT, 3)
        engine.click(f"{CELLS} .lc-btn--run", 3)
        state = engine.js("() => document.querySelector('.lc-status').dataset.state")
    finally:
        BadNetwork.bad = {}
    assert state == "loading", f"{engine.name}: Python was {state} when Run was pressed: " + engine.js("() => document.querySelector('.lc-status').textContent")
    engine.wait_for(
        f"(n) => document.querySelectorAll('{CELLS} .lc-state')[n].textContent.startsWith('ran in')",
        3,
        timeout=120,
        what="the early Run's output",
    )
    assert engine.js(OUTPUT, 3) == before


def test_a_recursion_that_kills_python_is_explained_and_the_next_run_works(engine, site):
    """Each engine's stack overflows at its own depth (test_cells.KILLS_PYTHON);
    in each, the cell says Python crashed, and the next run prints."""
    from test_cells import KILLS_PYTHON

    open_ready(engine, site + LESSON)
    # The code goes into the editor as one change (a driver typing a long line can lose keys).
    engine.js(f"""(code) => {{ const view = document.querySelectorAll('{CELLS}')[1].lcCell.editor;
        view.dispatch({{changes: {{from: 0, to: view.state.doc.length, insert: code}}}}); }}""", KILLS_PYTHON)
    engine.js(f"() => document.querySelectorAll('{CELLS} .lc-output')[1].replaceChildren()")
    engine.click(f"{CELLS} .lc-btn--run", 1)
    note = engine.wait_for(
        f"() => {{ const cell = document.querySelectorAll('{CELLS}')[1];"
        " return !cell.classList.contains('lc-cell--running') && cell.querySelector('.lc-output').textContent; }",
        timeout=120, what="the cell has run and shows something")
    assert "Python crashed while running this cell" in note and "sys.setrecursionlimit" in note, note
    engine.wait_for(READY, timeout=120, what="a new Python ready")
    engine.replace_text(f"{CELLS} .cm-content", 1, "print('back', 6 * 7)")
    run(engine, 1)
    assert "back 42" in engine.js(OUTPUT, 1)
