"""Storage that fails: with no private file system, or no room left while the
snapshot is being kept, the page still runs cells, says what it could not keep,
and leaves nothing half written that would break the next visit.

The failures are made inside the worker by a line put in front of its script
(the worker's storage is out of reach of the page's init scripts).
"""

from __future__ import annotations

from conftest import KEPT_FILES, a_cell_runs, status_text, wait_ready

LESSON = "distances/"

NO_PRIVATE_FILE_SYSTEM = (
    "Object.defineProperty(StorageManager.prototype, 'getDirectory', {value: undefined, configurable: true});\n"
)
# The first write goes through, the second finds the storage full: a half-written copy.
FULL_HALF_WAY = """{
  const write = FileSystemSyncAccessHandle.prototype.write;
  let writes = 0;
  FileSystemSyncAccessHandle.prototype.write = function (...args) {
    if (writes++ > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return write.apply(this, args);
  };
}
"""

def break_storage(page, prelude: str):
    def patched(route):
        body = route.fetch().text()
        route.fulfill(status=200, content_type="text/javascript", body=prelude + body)

    page.route("**/worker.mjs", patched)


def test_without_a_private_file_system_cells_run_and_the_page_says_nothing_was_kept(page, site_url):
    break_storage(page, NO_PRIVATE_FILE_SYSTEM)
    page.goto(site_url + LESSON)
    wait_ready(page)
    page.wait_for_function("document.querySelector('.lc-status').textContent.includes('could not be kept')")
    text = status_text(page)
    assert "Python: ready" in text and "offers no storage for it" in text, text
    assert "without the snapshot" not in text
    a_cell_runs(page)
    assert "could not be kept" in status_text(page)  # the note stays after a run


def test_storage_full_while_keeping_leaves_nothing_half_written_and_the_next_visit_keeps_it(page, site_url):
    break_storage(page, FULL_HALF_WAY)
    page.goto(site_url + LESSON)
    wait_ready(page)
    page.wait_for_function("document.querySelector('.lc-status').textContent.includes('could not be kept')")
    assert "storage for this site is full" in status_text(page)
    assert page.evaluate(KEPT_FILES) == {}  # the partial copy was removed
    a_cell_runs(page)
    # The next visit, with room again, downloads the snapshot and keeps it whole.
    page.unroute("**/worker.mjs")
    page.reload()
    wait_ready(page)
    assert "without the snapshot" not in status_text(page)
    page.wait_for_function(f"({KEPT_FILES})().then((f) => Object.keys(f).length === 1)", timeout=30_000)
    [(name, size)] = page.evaluate(KEPT_FILES).items()
    assert name.endswith(".bin") and size > 10_000_000
    assert "could not be kept" not in status_text(page)
    a_cell_runs(page)


OFFLINE_NOTE = "the offline copy of this site could not be saved"


def test_without_cache_storage_the_offline_copy_is_not_kept_and_the_page_says_so(browser, site_url):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()

    def without_caches(route):
        body = route.fetch().text()
        prelude = "Object.defineProperty(self, 'caches', {value: undefined, configurable: true});\n"
        route.fulfill(status=200, content_type="text/javascript", body=prelude + body)

    context.route("**/sw.js", without_caches)
    page.goto(site_url + LESSON)
    wait_ready(page)
    page.wait_for_function(f"document.querySelector('.lc-status').textContent.includes({OFFLINE_NOTE!r})")
    assert "Python: ready" in status_text(page)
    a_cell_runs(page)
    assert OFFLINE_NOTE in status_text(page)  # the note stays after a run
    context.close()


def test_a_precache_that_fails_half_way_keeps_nothing_and_the_next_visit_installs_it(browser, site_url):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    # A page the reader has not opened: only the service worker's precache asks for it.
    context.route("**/linkages/index.html", lambda route: route.fulfill(status=500, body="server error"))
    page.goto(site_url + LESSON)
    wait_ready(page)
    page.wait_for_function(
        f"document.querySelector('.lc-status').textContent.includes({OFFLINE_NOTE!r})", timeout=60_000
    )
    assert page.evaluate("navigator.serviceWorker.controller") is None
    a_cell_runs(page)
    context.unroute("**/linkages/index.html")
    page.reload()
    wait_ready(page)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    assert OFFLINE_NOTE not in status_text(page)
    context.close()
