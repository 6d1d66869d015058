"""The site on GitHub Pages: built for the repository's sub-path, as the Pages
workflow builds it (``SITE_URL``), and served only there, every other path a
404, as Pages serves a project site (serve.PagesHandler).

The build goes into a folder of its own, so site/ stays as the other tests
expect it; it takes the Pyodide snapshot from site/ (the same runtime, by its
hash) instead of making it again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
import serve
from conftest import ROOT, SITE, cell, run_and_wait, wait_ready

PREFIX = "/clusterlab/"
LESSON, NEXT = "distances/", "kmeans/"  # NEXT is the lesson's "next" link in the footer


@pytest.fixture(scope="session")
def pages(tmp_path_factory):
    """(server, the site's URL): the server is started first, so the build knows its port.

    Session-wide: pytest runs this module's browser tests apart from its other
    test (it groups tests by browser), and a module-wide build was made twice."""
    folder = tmp_path_factory.mktemp("pages") / "site"
    server, url = serve.start(folder, prefix=PREFIX)
    done = subprocess.run(
        [sys.executable, "tools/build_site.py", "--out", str(folder), "--reuse-snapshot", str(SITE)],
        cwd=ROOT, env=dict(os.environ, SITE_URL=url), capture_output=True, text=True,
    )
    if done.returncode:
        server.shutdown()
        raise RuntimeError(f"the sub-path build failed:\n{done.stdout}{done.stderr}")
    yield server, url
    server.shutdown()


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def outside(requests: list[str], url: str) -> list[str]:
    return [u for u in requests if not u.startswith((url, "data:", "blob:"))]


def test_the_server_serves_only_the_sub_path_as_pages_does(pages):
    _, url = pages
    origin = url.removesuffix(PREFIX)
    assert status(url) == 200
    assert status(url + "sw.js") == 200
    assert status(origin + "/") == 404
    assert status(origin + "/sw.js") == 404
    assert status(url + "no-such-page/") == 404


def test_a_missing_page_gets_the_sites_404_page_styled_from_the_sub_path(browser, pages):
    _, url = pages
    context = browser.new_context()
    page = context.new_page()
    requests, failed = [], []
    context.on("request", lambda r: requests.append(r.url))
    context.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    answer = page.goto(url + "no-such-page/")
    page.wait_for_load_state("networkidle")
    assert answer.status == 404
    assert "404" in page.locator("h1").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert failed == [url + "no-such-page/"]  # the page itself; its styles and scripts came from the sub-path
    assert outside(requests, url) == []
    context.close()


def test_cells_run_on_two_pages_and_offline_with_no_request_outside_the_sub_path(browser, pages):
    server, url = pages
    server.requested.clear()  # the other tests ask for paths outside on purpose
    context = browser.new_context(service_workers="allow")
    requests, errors = [], []
    context.on("request", lambda r: requests.append(r.url))  # pages, their workers and the service worker
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto(url + LESSON)
    wait_ready(page)
    runs_again(page, cell(page, 2))
    assert "without the snapshot" not in page.locator(".lc-status").inner_text()

    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-footer__link--next").click()  # Material's instant navigation: it needs the sitemap's URLs
    page.wait_for_url(url + NEXT)
    wait_ready(page)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not work: the page was loaded"
    runs_again(page, cell(page, 0))

    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=90_000)
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == url + "sw.js"
    context.set_offline(True)
    page.goto(url + LESSON)
    wait_ready(page)
    runs_again(page, cell(page, 2))
    context.close()

    assert errors == []
    assert outside(requests, url) == []
    assert PREFIX + LESSON in server.requested
    assert [p for p in server.requested if not p.startswith(PREFIX)] == []


def runs_again(page, c):
    """Cell ``c`` runs and gives its pre-rendered output again."""
    before = c.locator(".lc-output").inner_html()
    run_and_wait(page, c, timeout=90_000)
    assert c.locator(".lc-output").inner_html() == before
