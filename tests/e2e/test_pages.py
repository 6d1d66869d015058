"""Every page of the built site, in every language (conftest.site_pages): no
outside request, no console error, every unedited cell reproduces its
pre-rendered output, no serious a11y violation."""

from __future__ import annotations

import re

import build_site  # tools/ is on pytest's pythonpath
import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import SITE, page_language, pages_with_cells, site_pages, wait_ready

PAGES = site_pages()


@pytest.mark.parametrize("path", PAGES)
def test_page_makes_no_outside_request_and_logs_no_error(page, watch, site_url, path):
    page.goto(site_url + path)
    if page.locator(".lc-cell").count():
        wait_ready(page)
    page.wait_for_load_state("networkidle")
    assert watch.outside(site_url) == []
    assert watch.errors == []


@pytest.mark.parametrize("path", pages_with_cells())
def test_every_unedited_cell_reproduces_its_prerendered_output(page, watch, site_url, path):
    page.goto(site_url + path)
    wait_ready(page)
    page.evaluate("document.querySelectorAll('details.lc-setup').forEach(d => d.open = true)")
    cells = page.locator(".lc-cell")
    assert cells.count() > 0
    for i in range(cells.count()):
        c = cells.nth(i)
        before = c.locator(".lc-output").inner_html()
        c.locator(".lc-btn--run").click()
        page.wait_for_function(
            "el => !el.classList.contains('lc-cell--running')", arg=c.element_handle(), timeout=60_000
        )
        after = c.locator(".lc-output").inner_html()
        assert after == before, f"{path} cell {i + 1}: browser output differs from the pre-rendered one"
    assert watch.errors == []


def test_python_starts_before_the_page_is_styled_and_materials_script_waits():
    """boot.js must come before the stylesheets (a script after them waits for them).
    On a page with cells Material's bundle must not run while the page is parsed
    (boot.js runs it once Python is up); elsewhere it is deferred.  These are
    template tricks that a Material upgrade could silently undo."""
    html = (SITE / "distances" / "index.html").read_text()
    assert html.index("boot.js") < html.index('rel="stylesheet"')
    bundles = re.findall(r"<script[^>]*javascripts/bundle[^>]*>", html)
    assert bundles and all('type="text/x-after-python"' in tag and " src=" not in tag for tag in bundles), bundles
    plain = re.findall(r"<script[^>]*javascripts/bundle[^>]*>", (SITE / "404.html").read_text())
    assert plain and all(" defer" in tag for tag in plain), plain


BENCH_HOOKS = ("BENCH:", "__lcReadyAt", "__lcBootTimings", "timings", "no-snapshot")


def runtime_scripts(site):
    return [p for p in (site / "assets" / "livecells").glob("*/*") if p.suffix in (".js", ".mjs")]


def test_the_runtime_ships_without_the_benchmark_hooks():
    """`make bench` reads start-up timings that only its own copy of the site
    records (statements labelled BENCH: in web/, kept by build_site.bench_copy)."""
    scripts = runtime_scripts(SITE)
    assert {"boot.js", "cells.js", "worker.mjs"} <= {p.name for p in scripts}
    found = [(p.name, hook) for p in scripts for hook in BENCH_HOOKS if hook in p.read_text()]
    assert found == []


def test_the_bench_copy_of_the_site_keeps_the_benchmark_hooks(tmp_path):
    copy = build_site.bench_copy(tmp_path / "site")
    text = {p.name: p.read_text() for p in runtime_scripts(copy)}
    assert "__lcReadyAt" in text["boot.js"] and "no-snapshot" in text["boot.js"]
    assert "snapshot read from the kept copy" in text["worker.mjs"]
    assert (copy / "distances" / "index.html").read_text() == (SITE / "distances" / "index.html").read_text()


def test_materials_search_and_navigation_work_once_python_is_ready(page, watch, site_url):
    page.goto(site_url + "distances/")
    wait_ready(page)
    page.wait_for_function("typeof window.document$?.subscribe === 'function'")
    page.keyboard.press("/")  # Material's shortcut for its search box
    page.keyboard.type("euclidean")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10_000)
    assert "uclidean" in first.inner_text().lower()
    assert watch.errors == []


# English pages in both colour schemes; a translation shares their layout and
# styles, so each of its pages in one scheme (nb dark, id light) keeps the
# suite's time down while both schemes still see every language.
SCHEMES = {"nb": ["slate"], "id": ["default"]}
AXE_RUNS = [(path, scheme) for path in PAGES for scheme in SCHEMES.get(page_language(path), ["default", "slate"])]


@pytest.mark.parametrize(("path", "scheme"), AXE_RUNS)
def test_no_serious_accessibility_violation(page, site_url, path, scheme):
    page.goto(site_url + path)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    if page.locator(".lc-cell").count():
        wait_ready(page)
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize("path", pages_with_cells())
def test_without_javascript_code_and_outputs_are_readable(browser, site_url, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + path)
    cells = page.locator(".lc-cell")
    for i in range(cells.count()):
        c = cells.nth(i)
        assert c.locator(".lc-source .highlight").count() == 1
        code = c.get_attribute("data-lc-code")
        assert c.locator(".lc-source").inner_text().strip() == code.strip() or not c.is_visible()
    assert page.locator(".lc-output .lc-out").count() >= 1
    assert not page.locator(".lc-status").is_visible()  # no promise of a Python that cannot run
    context.close()
