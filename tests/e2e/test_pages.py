"""Every page of the built site, in every language (conftest.site_pages): no
outside request, no console error, every unedited cell reproduces its
pre-rendered output, no serious a11y violation (one visit per page for all of
these, and English pages once more in the dark scheme)."""

from __future__ import annotations

import re

import build_site  # tools/ is on pytest's pythonpath
import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import SITE, page_language, page_words, pages_with_cells, site_pages, wait_ready

PAGES = site_pages()


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


def schemes(path: str) -> list[str]:
    return SCHEMES.get(page_language(path), ["default", "slate"])


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_reproduces_its_outputs_alone_and_accessibly(page, watch, site_url, path):
    """One visit per page and language: every unedited cell gives its
    pre-rendered output again in the browser; nothing is requested from another
    origin and nothing is logged as an error; axe finds nothing serious, with
    the outputs shown, in the language's first colour scheme; a page with cells
    offers its two downloads once, in its language (web/downloads.js).
    (Problems are collected, so one failure does not hide the others.)"""
    page.goto(site_url + path)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{schemes(path)[0]}')")
    problems = []
    cells = page.locator(".lc-cell")
    if cells.count():
        wait_ready(page)
        page.evaluate("document.querySelectorAll('details.lc-setup').forEach(d => d.open = true)")
    for i in range(cells.count()):
        c = cells.nth(i)
        before = c.locator(".lc-output").inner_html()
        c.locator(".lc-btn--run").click()
        page.wait_for_function(
            "el => !el.classList.contains('lc-cell--running')", arg=c.element_handle(), timeout=60_000
        )
        if c.locator(".lc-output").inner_html() != before:
            problems.append(f"cell {i + 1}: browser output differs from the pre-rendered one")
    if cells.count():
        box = page.locator(".lc-downloads")
        box.first.wait_for(timeout=60_000)
        said = page_words(path)["downloads"]
        labels = [box.locator(f".lc-btn--{kind}").inner_text() for kind in ("ipynb", "py")]
        if box.count() != 1 or labels != [said["ipynb"], said["py"]]:
            problems.append(f"downloads: {box.count()} box(es), labels {labels}")
    page.wait_for_load_state("networkidle")
    problems += [f"outside request: {url}" for url in watch.outside(site_url)]
    problems += [f"console error: {error}" for error in watch.errors]
    problems += [f"axe ({schemes(path)[0]}): {finding}" for finding in serious_violations(page)]
    assert problems == [], path


@pytest.mark.parametrize(("path", "scheme"), [(p, s) for p in PAGES for s in schemes(p)[1:]])
def test_no_serious_accessibility_violation_in_the_other_scheme(page, site_url, path, scheme):
    page.goto(site_url + path)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    if page.locator(".lc-cell").count():
        wait_ready(page)
    assert serious_violations(page) == []


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
