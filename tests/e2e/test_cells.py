"""What a reader does with a live cell: edit, run, reset, stop, come back later."""

from __future__ import annotations

import re
import time

from conftest import (
    SITE,
    cell,
    cell_with,
    run_and_wait,
    set_code,
    set_timeouts,
    wait_idle,
    wait_ready,
)
from playwright.sync_api import expect

LESSON = "distances/"
PREVIOUS = "what-is-clustering/"  # the page before LESSON in the nav (Material's "Previous" link)


def open_lesson(page, site_url, path=LESSON):
    page.goto(site_url + path)
    wait_ready(page)


def navigate_instantly(page, go, url):
    """Do ``go()`` (a click or history step that Material's instant navigation
    serves) and wait until ``url``'s own content has replaced the page's: the
    address changes before the content does, and a cell found in between
    belongs to the page that is leaving."""
    page.evaluate("document.querySelector('article').dataset.leaving = 'yes'")
    go()
    page.wait_for_url(url)
    page.wait_for_function("!document.querySelector('article[data-leaving]')")
    wait_ready(page)


def test_edit_then_run_shows_the_new_output(page, site_url):
    open_lesson(page, site_url)
    c = cell(page, 1)
    set_code(page, c, "print(6 * 7)")
    run_and_wait(page, c)
    assert c.locator(".lc-output").inner_text().strip() == "42"


def test_ctrl_enter_runs_the_cell(page, site_url):
    open_lesson(page, site_url)
    c = cell(page, 1)
    set_code(page, c, "'ctrl' + 'enter'")
    page.keyboard.press("Control+Enter")
    wait_idle(page, c)
    page.wait_for_function("el => el.textContent.includes('ctrlenter')", arg=c.locator(".lc-output").element_handle())


def test_earlier_cells_run_first_so_a_later_cell_works_alone(page, site_url):
    open_lesson(page, site_url)
    c = cell_with(page, "distance_matrix(X)")  # uses X and names from earlier cells
    before = c.locator(".lc-output").inner_html()
    run_and_wait(page, c, timeout=60_000)
    assert c.locator(".lc-output").inner_html() == before


def test_a_chain_of_runs_goes_to_python_at_once(page, site_url):
    """The earlier cells' runs and the clicked one's are all sent to the worker
    before the first result comes back: none waits for the page in between."""
    open_lesson(page, site_url)
    page.evaluate("""() => {
        const worker = window.__lcRuntime.worker, post = worker.postMessage.bind(worker), on = worker.onmessage;
        window.__log = [];
        worker.postMessage = (m, t) => { if (m.type === 'run') __log.push('run ' + m.index); return post(m, t); };
        worker.onmessage = (e) => { if (e.data.type === 'result') __log.push('result'); return on(e); };
    }""")
    c = cell_with(page, "distance_matrix(X)")
    run_and_wait(page, c, timeout=60_000)
    log = page.evaluate("window.__log")
    runs = [entry for entry in log if entry.startswith("run")]
    assert len(runs) >= 3 and log == runs + ["result"] * len(runs)
    assert runs[-1] == f"run {c.get_attribute('data-lc-index')}"


def test_stop_in_a_chain_stops_the_cell_that_runs_and_the_ones_after_it(page, site_url):
    open_lesson(page, site_url)
    loop = cell(page, 1)
    set_code(page, loop, "while True:\n    pass")
    later = cell_with(page, "distance_matrix(X)")
    later.locator(".lc-btn--run").click()
    page.wait_for_selector('.lc-status[data-state="running"]')
    time.sleep(0.5)
    later.locator(".lc-btn--stop").click()
    expect(loop.locator(".lc-output")).to_contain_text("Stopped")
    expect(later.locator(".lc-output")).to_contain_text("Stopped")
    assert "lc-cell--running" not in (later.get_attribute("class") or "")
    set_code(page, loop, "print('after the stop')")
    run_and_wait(page, loop, timeout=60_000)
    assert "after the stop" in loop.locator(".lc-output").inner_text()


def test_reset_restores_the_authored_code_and_clears_the_edit(page, site_url):
    open_lesson(page, site_url)
    c = cell(page, 1)
    authored = c.get_attribute("data-lc-code")
    set_code(page, c, "x = 'changed'")
    assert "lc-cell--edited" in c.get_attribute("class")
    c.locator(".lc-btn--reset").click()
    assert c.locator(".cm-content").inner_text() == authored
    assert "lc-cell--edited" not in c.get_attribute("class")
    page.reload()
    wait_ready(page)
    assert cell(page, 1).locator(".cm-content").inner_text() == authored


def test_stop_ends_an_endless_loop_and_python_stays_usable(page, site_url):
    """(How fast Stop answers is measured by `make bench`, not asserted here.)"""
    open_lesson(page, site_url)
    loop = cell(page, 1)
    set_code(page, loop, "while True:\n    pass")
    loop.locator(".lc-btn--run").click()
    page.wait_for_selector('.lc-status[data-state="running"]')
    time.sleep(0.5)
    loop.locator(".lc-btn--stop").click()
    page.wait_for_function(
        "el => el.textContent.includes('Stopped')", arg=loop.locator(".lc-output").element_handle(), timeout=30_000
    )
    assert "restarted" in loop.locator(".lc-output").inner_text()
    other = cell_with(page, "euclidean(X[0], X[2])")
    before = other.locator(".lc-output").inner_html()
    run_and_wait(page, other, timeout=60_000)
    assert other.locator(".lc-output").inner_html() == before


def test_stop_also_cancels_what_waits_in_the_queue(page, site_url):
    """A run asked for while another runs waits in the page's queue; Stop ends
    both, so the waiting one never runs on the restarted Python."""
    open_lesson(page, site_url)
    out = page.evaluate("""async () => {
        const rt = window.__lcRuntime, s = 'queue-test';
        const loop = rt.run(s, 1, 'while True:\\n    pass');
        const waiting = rt.run(s, 2, 'queued_ran = True');
        await new Promise((r) => setTimeout(r, 300));
        rt.stop();
        const outcome = async (job) => job.then(() => 'ran', (e) => e.name);
        const ends = [await outcome(loop), await outcome(waiting)];
        const after = await rt.run(s, 3, 'print("queued_ran" in globals())');
        return {ends, after: after.html};
    }""")
    assert out["ends"] == ["StoppedError", "StoppedError"]
    assert "False" in out["after"]


def test_edits_survive_reload_and_navigation(page, site_url):
    open_lesson(page, site_url)
    set_code(page, cell(page, 1), "kept = 'still here'")
    page.wait_for_timeout(100)
    page.reload()
    wait_ready(page)
    c = cell(page, 1)
    assert c.locator(".cm-content").inner_text() == "kept = 'still here'"
    assert "edited" in c.locator(".lc-badge").inner_text()
    navigate_instantly(page, page.locator("a.md-footer__link--prev").click, site_url + PREVIOUS)
    navigate_instantly(page, page.go_back, site_url + LESSON)
    assert cell(page, 1).locator(".cm-content").inner_text() == "kept = 'still here'"


def test_one_runtime_survives_instant_navigation_and_pages_do_not_share_variables(page, site_url):
    open_lesson(page, site_url)
    c = cell(page, 1)
    set_code(page, c, "leaked = 123")
    run_and_wait(page, c)
    page.evaluate("window.__sameDocument = true")
    # Material's instant navigation: no reload
    navigate_instantly(page, page.locator("a.md-footer__link--prev").click, site_url + PREVIOUS)
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    home = cell(page, 0)
    set_code(page, home, "print('leaked' in globals())")
    run_and_wait(page, home)
    assert home.locator(".lc-output").inner_text().strip() == "False"
    # back on the lesson, its session still holds the variable
    navigate_instantly(page, page.go_back, site_url + LESSON)
    assert page.evaluate("window.__sameDocument === true")
    back = cell(page, 1)
    set_code(page, back, "print(leaked)")
    run_and_wait(page, back)
    assert back.locator(".lc-output").inner_text().strip() == "123"


def test_keyboard_only_use(page, site_url):
    open_lesson(page, site_url)
    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cm-content')"):
            break
    else:
        raise AssertionError("Tab never reached a cell's editor")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("print('typed')")
    page.keyboard.press("Control+Enter")
    index = page.evaluate("document.activeElement.closest('.lc-cell').dataset.lcIndex")
    focused_cell = page.locator(f'.lc-cell[data-lc-index="{index}"]')
    page.wait_for_function(
        "el => el.textContent.includes('typed')", arg=focused_cell.locator(".lc-output").element_handle()
    )
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Run"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Reset"
    page.keyboard.press("Enter")
    assert "typed" not in focused_cell.locator(".cm-content").inner_text()


def test_without_webassembly_the_page_says_so_and_stays_readable(browser, site_url):
    context = browser.new_context(service_workers="block")
    context.add_init_script("delete globalThis.WebAssembly;")

    def strip_wasm(route):
        response = route.fetch()
        route.fulfill(response=response, body="delete globalThis.WebAssembly;\n" + response.text())

    context.route("**/*.mjs", strip_wasm)
    page = context.new_page()
    page.goto(site_url + LESSON)
    page.wait_for_selector('.lc-status[data-state="error"]')
    assert "WebAssembly" in page.locator(".lc-status").inner_text()
    c = cell_with(page, "euclidean(X[0], X[2])")
    assert c.locator(".lc-output").inner_text().strip() == "5.0"
    c.locator(".lc-btn--run").click()
    expect(c.locator(".lc-output")).to_contain_text("Could not run")
    context.close()


def test_a_page_from_a_newer_build_reached_by_instant_navigation_is_reloaded_once(page, site_url):
    open_lesson(page, site_url)
    previous = (SITE / PREVIOUS / "index.html").read_text()
    page.route(site_url + PREVIOUS, lambda r: r.fulfill(
        content_type="text/html", body=previous.replace('data-lc-build="', 'data-lc-build="x')))
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(site_url + PREVIOUS)
    page.wait_for_function("window.__sameDocument === undefined")  # reloaded
    wait_ready(page)  # and, although the page still disagrees, not reloaded again
    run_and_wait(page, cell(page, 0))
    assert "n = 64 samples" in cell(page, 0).locator(".lc-output").inner_text()


def cell_heights(page):
    """Heights of the cells that start in the reader's view (plus one screen below it).

    Further down, CodeMirror has not measured an editor yet (it measures what is
    near the view) and sizes it by an estimate, so those cells settle when the
    reader scrolls to them; a change there moves nothing the reader sees.
    """
    return page.evaluate(
        "[...document.querySelectorAll('.lc-cell')]"
        ".filter((c) => c.getBoundingClientRect().top < 2 * innerHeight)"
        ".map((c) => c.getBoundingClientRect().height)"
    )


# When the status line first says "ready", in the page's clock (performance.now()).
RECORD_READY_AT = """
new MutationObserver((changes, observer) => {
    if (!document.querySelector('.lc-status[data-state="ready"]')) return;
    window.__readyAt = performance.now();
    observer.disconnect();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""


def test_editors_arrive_after_python_without_moving_the_page(page, site_url):
    set_timeouts(page, pythonFirstMs=120_000)  # only Python's being ready can bring the editors
    page.add_init_script(RECORD_READY_AT)
    held = []
    page.route("**/cells.js", lambda route: held.append(route))  # hold the editors back until measured
    page.goto(site_url + LESSON, wait_until="domcontentloaded")  # held back, cells.js may hold back "load"
    # boot.js alone shows Python's progress, above the lesson's code
    page.wait_for_selector('.lc-status[data-state="ready"]', timeout=60_000)
    before = cell_heights(page)
    assert page.locator(".cm-editor").count() == 0
    deadline = time.monotonic() + 10
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert held, "cells.js was not requested once Python was ready"
    held[0].continue_()
    page.wait_for_selector(".cm-editor", state="attached")
    # requested because Python was ready (the timer of web/boot.js, pythonFirstMs, is far off), not before
    requested = page.evaluate("performance.getEntriesByType('resource').find((e) => e.name.includes('cells.js')).startTime")
    ready_at = page.evaluate("window.__readyAt")
    assert requested >= ready_at - 5, (requested, ready_at)
    page.wait_for_function("document.querySelectorAll('.lc-source').length === 0")
    after = cell_heights(page)
    # Wrapped lines may differ by a few pixels; a missing toolbar or unwrapped line is 20 or more.
    moved = [(i, b, a) for i, (b, a) in enumerate(zip(before, after)) if abs(a - b) >= 5]
    assert len(after) == len(before) and not moved, moved


def test_editors_load_even_while_python_is_still_starting(page, site_url):
    page.route("**/pyodide.mjs", lambda route: None)  # Python never gets going
    set_timeouts(page, pythonFirstMs=1000)  # web/boot.js: the page's scripts wait no longer
    page.goto(site_url + LESSON)
    page.wait_for_selector(".cm-editor", state="attached", timeout=10_000)
    assert page.locator(".lc-status").get_attribute("data-state") == "loading"
    page.wait_for_function("typeof window.document$?.subscribe === 'function'")  # Material's bundle ran too
    c = cell_with(page, "euclidean(X[0], X[2])")
    set_code(page, c, "euclidean(X[0], X[3])")  # the reader can edit while waiting
    assert c.locator(".lc-badge").inner_text().startswith("edited")


def hold(page, pattern):
    """Hold back the requests for `pattern`; returns a function that lets them go."""
    held = []
    page.route(pattern, lambda route: held.append(route))

    def release():
        deadline = time.monotonic() + 10
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert held, f"{pattern} was never requested"
        for route in held:
            route.continue_()
        page.unroute(pattern)

    return release


def ran(page, c, timeout=60_000):
    """Wait until cell c has run: its state says how long it took."""
    page.wait_for_function(
        "el => el.querySelector('.lc-state').textContent.startsWith('ran in')", arg=c.element_handle(), timeout=timeout
    )


def test_run_pressed_before_python_and_the_editors_runs_once_python_is_ready(page, site_url):
    python = hold(page, "**/pyodide.mjs")  # Python cannot be ready before the click...
    editors = hold(page, "**/cells.js")  # ...and the editors cannot arrive before the output
    page.goto(site_url + LESSON, wait_until="domcontentloaded")
    c = cell_with(page, "euclidean(X[0], X[2])")  # needs the cells above it, which run first
    before = c.locator(".lc-output").inner_html()
    run = c.get_by_role("button", name="Run")  # a real, labelled button from the start
    run.click()
    assert page.locator(".lc-status").get_attribute("data-state") == "loading"
    expect(c.locator(".lc-state")).to_have_text("queued…")  # behind the cells above it
    expect(page.locator(".lc-state", has_text="waiting for Python…")).to_have_count(1)
    assert "lc-cell--running" in c.get_attribute("class")
    python()
    ran(page, c)
    assert page.locator(".cm-editor").count() == 0  # answered without the editors
    assert c.locator(".lc-output").inner_html() == before
    earlier = cell_with(page, "X = [[1, 1]")
    assert earlier.locator(".lc-state").inner_text().startswith("ran in")
    editors()
    wait_ready(page)
    assert page.locator(".cm-editor").count() == page.locator(".lc-cell").count()
    assert c.locator(".cm-content").inner_text() == c.get_attribute("data-lc-code")


def test_run_pressed_early_runs_and_shows_the_readers_saved_edit(page, site_url):
    open_lesson(page, site_url)
    edited = cell(page, 1)
    set_code(page, edited, "print(6 * 7)")
    expect(edited.locator(".lc-badge")).to_contain_text("saved in this browser")
    python = hold(page, "**/pyodide.mjs")
    editors = hold(page, "**/cells.js")
    page.reload(wait_until="domcontentloaded")
    edited = cell(page, 1)
    # Before Python and the editors: the page shows the edit, not the lesson's code.
    expect(edited.locator(".lc-source")).to_have_text("print(6 * 7)")
    expect(edited.locator(".lc-badge")).to_contain_text("edited")
    edited.get_by_role("button", name="Run").focus()  # by keyboard
    page.keyboard.press("Enter")
    expect(edited.locator(".lc-state")).to_have_text(re.compile("queued…|waiting for Python…"))
    python()
    ran(page, edited)
    assert page.locator(".cm-editor").count() == 0
    assert edited.locator(".lc-output").inner_text().strip() == "42"
    editors()
    wait_ready(page)
    assert edited.locator(".cm-content").inner_text() == "print(6 * 7)"


def test_reset_before_the_editors_shows_the_lesson_code_again(page, site_url):
    open_lesson(page, site_url)
    set_code(page, cell(page, 1), "print('mine')")
    editors = hold(page, "**/cells.js")
    page.reload(wait_until="domcontentloaded")
    c = cell(page, 1)
    expect(c.locator(".lc-source")).to_have_text("print('mine')")
    c.get_by_role("button", name="Reset").click()
    assert c.locator(".lc-source").inner_text().strip() == c.get_attribute("data-lc-code").strip()
    assert c.locator(".lc-source .n").count() > 0  # highlighted again (its names)
    assert c.locator(".lc-badge").inner_text() == ""
    editors()
    wait_ready(page)
    assert c.locator(".cm-content").inner_text() == c.get_attribute("data-lc-code")


def test_a_raised_recursion_limit_ends_in_a_recursion_error_not_a_dead_python(page, site_url):
    """sys.setrecursionlimit(100000) and an endless recursion used to kill the
    browser's Python (an exception unwound through ~3,150 frames overflows
    Chromium's stack); the limit is capped, with a warning, so it raises."""
    open_lesson(page, site_url)
    c = cell(page, 1)
    set_code(page, c, "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return f(n + 1)\nf(0)")
    run_and_wait(page, c, timeout=90_000)
    out = c.locator(".lc-output").inner_text()
    assert "sys.setrecursionlimit(100000) is 2500 here" in out, out
    assert "[Previous line repeated" in out and out.rstrip().endswith("RecursionError: maximum recursion depth exceeded")
    set_code(page, c, "print('still', 6 * 7)")
    run_and_wait(page, c)
    assert c.locator(".lc-output").inner_text().strip() == "still 42"


#: A recursion through C code alone overflows the browser's stack long before
#: Python's limit can stop it: printing a list nested 200,000 deep (the depth
#: at which a recursion through __repr__ dies varies with the engine's JIT,
#: from about 550 levels in Chromium to about 2,100 in WebKit).  Nothing in
#: Python can catch it; with Python's default limit too.
KILLS_PYTHON = "from functools import reduce; nested = reduce(lambda inner, _: [inner], range(200000), []); repr(nested)"


def test_a_recursion_that_kills_python_is_explained_and_python_comes_back(page, site_url):
    """A fatal error of Pyodide: that Python never answers again.  The cell
    says what happened and why, Python is replaced, and the next run works."""
    open_lesson(page, site_url)
    c = cell(page, 1)
    set_code(page, c, KILLS_PYTHON)
    run_and_wait(page, c, timeout=90_000)
    note = c.locator(".lc-output").inner_text()
    assert "Python crashed while running this cell" in note and "sys.setrecursionlimit" in note, note
    assert "(Maximum call stack size exceeded)" in note, note  # the browser's own words for why
    wait_ready(page)
    other = cell(page, 3)
    before = other.locator(".lc-output").inner_html()
    run_and_wait(page, other, timeout=90_000)  # the cells above run again, the crashed one left out
    assert other.locator(".lc-output").inner_html() == before
    set_code(page, c, "print('back', 6 * 7)")
    run_and_wait(page, c)
    assert c.locator(".lc-output").inner_text().strip() == "back 42"
