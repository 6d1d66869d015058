"""After one visit the whole site, Python included, works with the network off."""

from __future__ import annotations

import re
import shutil

import serve
from conftest import SITE, a_cell_runs, cell, run_and_wait, wait_ready


def precached_urls() -> set[str]:
    return set(re.findall(r'"?url"?:"([^"]+)"', (SITE / "sw.js").read_text()))


def test_service_worker_precaches_every_file_of_the_site():
    urls = precached_urls()
    files = {
        p.relative_to(SITE).as_posix()
        for p in SITE.rglob("*")
        if p.is_file() and p.name != "sw.js" and not p.name.endswith(".map")
    }
    assert files - urls == set()


def test_reload_and_run_a_cell_offline_after_one_visit(browser, site_url):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.goto(site_url + "distances/")
    wait_ready(page)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    context.set_offline(True)
    page.reload()
    wait_ready(page)
    assert "without the snapshot" not in page.locator(".lc-status").inner_text()
    c = cell(page, 2)
    before = c.locator(".lc-output").inner_html()
    run_and_wait(page, c, timeout=60_000)
    assert c.locator(".lc-output").inner_html() == before
    page.goto(site_url)  # another page, never visited, also comes from the cache
    assert "Learn cluster analysis" in page.locator("h1").inner_text()
    context.close()


def test_without_the_http_cache_python_still_starts_offline_from_the_precache(browser, site_url):
    """The service worker serves WebAssembly from the HTTP cache when it is there
    (web/sw.js, wasmFromHttpCache); a browser that dropped it gets the precache."""
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.goto(site_url + "distances/")
    wait_ready(page)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    pyodide = page.evaluate("JSON.parse(window.__lcRuntime.workerSettings().name).pyodide")
    wasm = pyodide + "pyodide.asm.wasm"
    cdp = context.new_cdp_session(page)
    cdp.send("Network.clearBrowserCache")
    context.set_offline(True)
    # the service worker's answer, with the HTTP cache empty and no network
    answer = page.evaluate("""async (url) => {
        const response = await fetch(url);
        return [response.status, response.headers.get('Content-Type'), (await response.arrayBuffer()).byteLength];
    }""", wasm)
    assert answer[0] == 200 and answer[1].startswith("application/wasm") and answer[2] > 1_000_000, answer
    page.reload()
    wait_ready(page)
    a_cell_runs(page)
    context.close()


def test_a_rebuilt_page_is_picked_up_on_the_next_visit(browser, tmp_path):
    # A copy of the site, so that "rebuilding" it does not touch the real one.
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    server, url = serve.start(copy)
    try:
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        page.goto(url + "distances/")
        wait_ready(page)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
        html = copy / "distances" / "index.html"
        html.write_text(html.read_text().replace(">Distance measures<", ">Distance measures, rebuilt<"))
        page.reload()
        assert "rebuilt" in page.locator("h1").inner_text()
        wait_ready(page)
        context.set_offline(True)
        page.reload()
        assert "rebuilt" not in page.locator("h1").inner_text()  # offline: the precached copy
        context.close()
    finally:
        server.shutdown()


def test_the_offline_copy_waits_until_python_has_had_nothing_to_do(browser, site_url):
    """The service worker's downloads (tens of megabytes) would slow the reader's
    first runs: it is registered only once Python has been idle for 1.5 s."""
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    # A run of 2.5 s queued the moment Python is ready (not when the test gets
    # round to it: on a busy machine the page may have been idle 1.5 s by then).
    page.add_init_script("""
        const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
        navigator.serviceWorker.register = (...args) => {
            window.__registeredAt = performance.now();
            return register(...args);
        };
        const busy = 'import time\\nt = time.time()\\nwhile time.time() - t < 2.5:\\n    pass';
        const waiting = setInterval(() => {
            const rt = window.__lcRuntime;
            if (!rt) return;
            clearInterval(waiting);
            const off = rt.onState((state) => {
                if (state !== 'ready') return;
                off();
                rt.run('busy', 1, busy).then(() => (window.__idleFrom = performance.now()));
            });
        });""")
    page.goto(site_url + "distances/")
    page.wait_for_function("window.__registeredAt", timeout=60_000)
    idle_from, registered = page.evaluate("[window.__idleFrom, window.__registeredAt]")
    assert idle_from is not None and registered - idle_from >= 1400
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    context.close()
