"""Instant start: Python boots from the build-time memory snapshot, and falls back
to a plain start, saying so, when the snapshot is damaged, missing or mismatched."""

from __future__ import annotations

import gzip
import json

import pytest
from conftest import (
    KEPT_FILES,
    a_cell_runs,
    cell,
    run_and_wait,
    set_code,
    set_timeouts,
    status_text,
    wait_ready,
)

LESSON = "distances/"


def test_boots_from_the_snapshot_with_sources_and_a_clean_namespace(page, site_url):
    snapshot_requests = []
    page.on("request", lambda r: "snapshot.bin.gz" in r.url and snapshot_requests.append(r.url))
    page.goto(site_url + LESSON)
    wait_ready(page)
    assert snapshot_requests, "the snapshot was never requested"
    assert "without the snapshot" not in status_text(page)
    c = cell(page, 1)
    set_code(
        page,
        c,
        "import inspect, clusterlab.distance\n"
        "print(inspect.getsource(clusterlab.distance.euclidean).splitlines()[0])\n"
        "print(sorted(k for k in globals() if not k.startswith('_') and k not in ('inspect', 'clusterlab')))",
    )
    run_and_wait(page, c)
    out = c.locator(".lc-output").inner_text()
    assert "def euclidean(u, v, w=None) -> float:" in out
    # only names defined by the page's own earlier cells, plus display(): nothing from the snapshot
    assert (
        "['X', 'cityblock', 'correlation', 'display', 'distance_matrix', 'euclidean', 'heatmap', 'name', "
        "'names', 'scatter', 'sqeuclidean', 'x1', 'x2']" in out
    )


def corrupt(route):
    route.fulfill(status=200, body=b"\x1f\x8b\x08\x00 this is not a snapshot" * 100)


def missing(route):
    route.fulfill(status=404, body="not found")


def too_short(route):
    route.fulfill(status=200, body=gzip.compress(b"valid gzip, but far too little of it"))


def runs_beyond_the_heap(route):
    manifest = json.loads(route.fetch().text())
    manifest["runs"].append([manifest["bytes"], 4096])
    route.fulfill(status=200, content_type="application/json", body=json.dumps(manifest))


def mismatched(route):
    manifest = json.loads(route.fetch().text())
    manifest["pyodide"] = "0.0.1"
    route.fulfill(status=200, content_type="application/json", body=json.dumps(manifest))


@pytest.mark.parametrize(
    "pattern, handler, reason",
    [
        ("**/snapshot.bin.gz", corrupt, "damaged"),
        ("**/snapshot.bin.gz", missing, "could not be downloaded"),
        ("**/snapshot.bin.gz", too_short, "wrong size"),
        ("**/snapshot.json", mismatched, "made for Pyodide 0.0.1"),
        ("**/snapshot.json", runs_beyond_the_heap, "does not describe the heap"),
    ],
    ids=["corrupted", "missing", "too-short", "mismatched", "bad-runs"],
)
def test_falls_back_to_a_plain_start_and_says_why(page, site_url, pattern, handler, reason):
    page.route(pattern, handler)
    page.goto(site_url + LESSON)
    wait_ready(page)
    text = status_text(page)
    assert "without the snapshot" in text and reason in text
    c = cell(page, 3)
    before = c.locator(".lc-output").inner_html()
    run_and_wait(page, c, timeout=60_000)
    assert c.locator(".lc-output").inner_html() == before


# Pyodide's runtime module, wrapped so that its first set-up never ends (as a
# WebKit start once hung after the snapshot's last byte, its worker alive); the
# plain start after it gets the real one.
HANGS_ONCE = b"""import real from "./pyodide.asm.mjs?real";
let calls = 0;
export default (settings) => (calls++ === 0 ? new Promise(() => {}) : real(settings));
"""
SNAPSHOT_SETUP_S = 8  # shorter than the real limit (web/contract.json, snapshotSetupMs)


def test_a_snapshot_start_that_hangs_after_the_download_falls_back_and_says_why(page, site_url):
    page.route("**/pyodide.asm.mjs", lambda route: route.fulfill(status=200, content_type="text/javascript",
                                                                 body=HANGS_ONCE))
    set_timeouts(page, snapshotSetupMs=SNAPSHOT_SETUP_S * 1000)
    page.goto(site_url + LESSON)
    wait_ready(page, timeout=90_000)
    text = status_text(page)
    assert "without the snapshot" in text, text
    assert f"its start had not finished {SNAPSHOT_SETUP_S} s after the snapshot arrived" in text, text
    a_cell_runs(page)


def test_a_return_visit_starts_from_the_kept_snapshot_without_downloading_it(page, site_url):
    downloads = []
    page.on("request", lambda r: "snapshot.bin.gz" in r.url and downloads.append(r.url))
    page.goto(site_url + LESSON)
    wait_ready(page)
    page.wait_for_function(
        """async () => {
            const names = [];
            for await (const name of (await navigator.storage.getDirectory()).keys()) names.push(name);
            return names.length === 1 && names[0].startsWith('clusterlab-snapshot-') && names[0].endsWith('.bin');
        }""",
        timeout=30_000,
    )
    assert len(downloads) == 1  # the first visit downloads it (and the worker's requests are seen)
    page.reload()
    wait_ready(page)
    # A snapshot start whose snapshot was not downloaded read the kept copy:
    # there is no third source (web/snapshot.mjs, fillSnapshot).
    assert len(downloads) == 1
    assert "without the snapshot" not in status_text(page)
    c = cell(page, 3)
    before = c.locator(".lc-output").inner_html()
    run_and_wait(page, c, timeout=60_000)
    assert c.locator(".lc-output").inner_html() == before


def test_a_damaged_kept_copy_is_downloaded_again_and_replaced(page, site_url):
    page.goto(site_url + LESSON)
    wait_ready(page)
    page.wait_for_function(f"({KEPT_FILES})().then((f) => Object.keys(f).length === 1)", timeout=30_000)
    (name, size), *_ = page.evaluate(KEPT_FILES).items()
    page.evaluate(
        """async (name) => {
            const file = await (await navigator.storage.getDirectory()).getFileHandle(name);
            const writable = await file.createWritable();
            await writable.write(new Uint8Array(1000));  // cut short: the wrong size
            await writable.close();
        }""",
        name,
    )
    downloads = []
    page.on("request", lambda r: "snapshot.bin.gz" in r.url and downloads.append(r.url))
    page.reload()
    wait_ready(page)
    assert downloads, "the damaged copy was used instead of a download"
    assert "without the snapshot" not in status_text(page)
    page.wait_for_function(f"({KEPT_FILES})().then((f) => f[{name!r}] === {size})", timeout=30_000)
    assert page.evaluate(KEPT_FILES) == {name: size}


def test_two_tabs_opened_together_both_start_from_the_kept_copy(context, site_url):
    downloads = []
    context.on("request", lambda r: "snapshot.bin.gz" in r.url and downloads.append(r.url))
    first = context.new_page()
    first.goto(site_url + LESSON)
    wait_ready(first)
    first.wait_for_function(f"({KEPT_FILES})().then((f) => Object.keys(f).length === 1)", timeout=30_000)
    first.close()
    assert len(downloads) == 1  # the first tab downloads it (and the workers' requests are seen)
    tabs = [context.new_page(), context.new_page()]
    for tab in tabs:
        tab.goto(site_url + LESSON, wait_until="commit")
    for tab in tabs:
        wait_ready(tab)
        assert "without the snapshot" not in status_text(tab)
        c = cell(tab, 3)
        before = c.locator(".lc-output").inner_html()
        run_and_wait(tab, c, timeout=60_000)
        assert c.locator(".lc-output").inner_html() == before
    # Chromium shares read-only handles, so both read the kept copy at once
    # (a browser without that option would download the snapshot in one of them)
    assert len(downloads) == 1
