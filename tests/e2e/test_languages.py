"""The course in English, Norwegian (bokmål) and Indonesian: each page's
language, the switcher, search, the runtime's words, edits, downloads and the
offline copy, per language.  (Every page of every language also goes through
tests/e2e/test_pages.py: outputs, outside requests, errors and axe.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import (
    DEFAULT,
    LANGUAGES,
    SITE,
    cell,
    page_language,
    run_and_wait,
    set_code,
    site_pages,
    status_text,
    wait_ready,
)

from livecells import notebook
from livecells.words import fill, words

OTHERS = [lang for lang in LANGUAGES if lang != DEFAULT]
LESSON = "distances/"  # a lesson with cells, reached from the home page's footer link


def root(lang: str) -> str:
    return "" if lang == DEFAULT else f"{lang}/"


def test_every_page_has_its_languages_html_lang():
    wrong = []
    for path in site_pages():
        html = (SITE / path / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<html lang="([^"]+)"', html).group(1)
        if found != page_language(path):
            wrong.append((path, found))
    assert wrong == []
    assert re.search(r'<html lang="en"', (SITE / "404.html").read_text(encoding="utf-8"))


#: Where Material writes the theme's words on a page: the colour toggle's names
#: (theme.palette), the header's and footer's names (its partials' "header" and
#: "footer"), the headings' link titles (the toc extension) and a 404 page's title.
THEME_WORDS = {
    "colour toggle title": r'<label class="md-header__button md-icon" title="([^"]*)" for="__palette_',
    "colour toggle label": r'<input class="md-option"[^>]* aria-label="([^"]*)"',
    "header": r'<nav class="md-header__inner[^"]*" aria-label="([^"]*)"',
    "footer": r'<nav class="md-footer__inner[^"]*" aria-label="([^"]*)"',
    "heading link": r'<a class="headerlink" href="[^"]*" title="([^"]*)"',
    "404 title": r"<h1>(404[^<]*)</h1>",
}


def theme_words(html: str) -> dict[str, set[str]]:
    return {name: set(re.findall(pattern, html)) for name, pattern in THEME_WORDS.items()}


def material_config(html: str) -> dict:
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])


@pytest.mark.parametrize("lang", OTHERS)
def test_the_themes_words_are_in_the_pages_language(lang):
    """Every page of the language, and its 404 page (nb/404.html, where the
    site's own 404 page sends a reader at a missing address below nb/), has
    each of the theme's words where its English page has it, and none in
    English (extra.theme_words and theme.palette of the language in mkdocs.yml)."""
    english = [p for p in site_pages() if page_language(p) == DEFAULT]
    pairs = [(f"{root(lang)}{p}index.html", f"{p}index.html") for p in english]
    pairs.append((f"{root(lang)}404.html", "404.html"))
    wrong, found = [], {name: set() for name in THEME_WORDS}
    for translated, original in pairs:
        if not (SITE / translated).is_file():
            wrong.append((translated, "missing"))
            continue
        html = (SITE / translated).read_text(encoding="utf-8")
        ours, theirs = theme_words(html), theme_words((SITE / original).read_text(encoding="utf-8"))
        for name in THEME_WORDS:
            found[name] |= theirs[name]
            if bool(ours[name]) != bool(theirs[name]) or ours[name] & theirs[name]:
                wrong.append((translated, name, sorted(ours[name])))
        if re.search(r'<html lang="([^"]+)"', html)[1] != lang:
            wrong.append((translated, "html lang"))
    assert wrong == []
    assert all(found.values()), found  # Material still writes each of them where THEME_WORDS looks
    # The language's 404 page is written from the site's root (any address may
    # show it) but searches and navigates within the language, as its pages do.
    base = material_config((SITE / "404.html").read_text(encoding="utf-8"))["base"]
    assert material_config((SITE / root(lang) / "404.html").read_text(encoding="utf-8"))["base"] == base + root(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_gets_the_404_page_of_its_language_at_its_address(page, site_url, lang):
    """GitHub Pages answers every missing address with the site's own 404.html
    (the default language's; tests/e2e/test_subpath.py serves it so): below a
    language's root it sends the reader to that language's 404 page, which
    puts the address back."""
    missing = f"{site_url}{root(lang)}no-such-page/?x=1#part"  # its query and fragment too
    body = (SITE / "404.html").read_bytes()
    page.route(missing.split("#")[0], lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(missing, wait_until="commit")
    page.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=15_000)
    page.wait_for_function("typeof window.document$?.subscribe === 'function'", timeout=60_000)
    said = theme_words(page.content())
    assert page.url == missing
    expected = theme_words((SITE / root(lang) / "404.html").read_text(encoding="utf-8"))
    assert said["404 title"] == expected["404 title"] and said["header"] == expected["header"]
    assert errors == []
    violations = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == []


def test_every_language_has_the_same_pages():
    pages = {lang: {p[len(root(lang)):] for p in site_pages() if page_language(p) == lang} for lang in LANGUAGES}
    assert all(pages[lang] == pages[DEFAULT] for lang in OTHERS), pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_search_index_and_sitemap(lang):
    """At the language's root, where Material's scripts look (the page's base)."""
    index = json.loads((SITE / root(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {p[len(root(lang)):] for p in site_pages() if page_language(p) == lang}
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == pages
    # Material's own search settings for the language (partials/languages/<lang>.html)
    assert index["config"]["lang"] == {"en": ["en"], "nb": ["no"], "id": ["en"]}[lang]
    if lang == "id":  # no English stemmer nor stop words on Indonesian words
        assert not {"stemmer", "stopWordFilter"} & set(index["config"]["pipeline"])
    sitemap = (SITE / root(lang) / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>https?://[^/]+/(.*?)</loc>", sitemap)
    assert sorted(locs) == sorted(root(lang) + p for p in pages)
    html = (SITE / root(lang) / LESSON / "index.html").read_text(encoding="utf-8")
    base = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])["base"]
    assert base == (".." if lang == DEFAULT else f"../../{lang}/")


def test_the_switcher_keeps_the_reader_on_the_same_lesson(page, site_url, watch):
    page.goto(site_url)
    page.wait_for_function("typeof window.document$?.subscribe === 'function'", timeout=60_000)
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-footer__link--next").click()  # instant navigation: the header stays
    page.wait_for_url(site_url + "what-is-clustering/")
    assert page.evaluate("window.__sameDocument === true")
    for lang in [*OTHERS, DEFAULT]:
        page.locator(".md-header .md-select").first.hover()
        page.locator(f'.md-select__link[hreflang="{lang}"]').click()
        page.wait_for_url(f"{site_url}{root(lang)}what-is-clustering/")
        # a page of its own: the language's <html lang>, words and header
        assert page.evaluate("document.documentElement.lang") == lang
        assert not page.evaluate("window.__sameDocument === true")
        page.wait_for_function("typeof window.document$?.subscribe === 'function'", timeout=60_000)
        page.evaluate("window.__sameDocument = true")
    assert watch.errors == []


@pytest.mark.parametrize(
    "lang, word", [("en", "dendrogram"), ("nb", "klyngeanalyse"), ("id", "klaster")]
)
def test_search_finds_the_languages_words_on_its_own_pages(page, site_url, watch, lang, word):
    scripts = []
    page.on("request", lambda r: "/lunr/" in r.url and scripts.append(r.url.rsplit("/", 1)[1]))
    page.goto(site_url + root(lang))
    wait_ready(page)
    page.wait_for_function("typeof window.document$?.subscribe === 'function'")
    page.keyboard.press("/")
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert word in results.first.inner_text().lower()
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map((e) => e.href)")
    others = [h for h in hrefs if page_language(h[len(site_url):]) != lang]
    assert hrefs and others == []
    assert ("lunr.no.min.js" in scripts) == (lang == "nb")  # Norwegian stemming for Norwegian pages
    assert watch.errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_runtimes_words_are_in_the_pages_language(page, site_url, lang):
    said = words(lang)
    page.goto(site_url + root(lang) + LESSON)
    wait_ready(page)
    assert status_text(page) == said["status"]["ready"]
    assert page.locator("#lc-keys-help").inner_text() == said["page"]["keysHelp"]
    c = cell(page, 1)
    for kind in ("run", "reset", "stop"):
        button = c.locator(f".lc-btn--{kind}")
        assert button.inner_text() == said["cell"][kind] and button.get_attribute("title") == said["cell"][f"{kind}Title"]
    index = int(c.get_attribute("data-lc-index"))
    assert c.locator(".lc-output").get_attribute("aria-label") == fill(said["page"]["output"], index=index)
    total = page.locator(".lc-cell").count()
    assert c.locator(".cm-content").get_attribute("aria-label") == fill(said["cell"]["editor"], index=index, total=total)
    summary = page.locator("details.lc-setup > summary")
    assert summary.count() == 0 or summary.first.inner_text() == said["page"]["setup"]
    box = page.locator(".lc-downloads")
    assert box.get_attribute("aria-label") == said["downloads"]["group"]
    assert box.locator(".lc-btn--py").inner_text() == said["downloads"]["py"]
    run_and_wait(page, c)
    ran = re.escape(said["cell"]["ran"]).replace(r"\{seconds\}", r"\d+" + (r"\." if lang == "en" else ",") + r"\d\d")
    assert re.fullmatch(ran, c.locator(".lc-state").inner_text())
    set_code(page, c, "x = 'edited'")
    assert c.locator(".lc-badge").inner_text() == said["cell"]["editedSaved"]
    assert page.locator(".md-search").get_attribute("aria-label") == said["page"]["search"]


@pytest.mark.parametrize("lang", OTHERS)
def test_the_image_lab_speaks_the_pages_language(page, site_url, lang):
    """The controls the build writes (py/livecells/lab.py), web/lab.js's messages,
    numbers and the Python's figure titles and comparison rows."""
    said = words(lang)["lab"]
    page.goto(site_url + root(lang) + "image-lab/")
    wait_ready(page)
    assert page.locator("#lab-run").inner_text() == said["run"]
    assert page.locator("#lab-k").get_attribute("aria-label") == said["kNumber"]
    assert page.locator("#lab-status").inner_text() == said["pickImage"]
    page.fill("#lab-k", "99")
    page.dispatch_event("#lab-k", "change")
    assert page.locator("#lab-notice").inner_text() == fill(said["badK"], min=2, max=32, value="99")
    page.fill("#lab-k", "4")
    page.locator("[data-sample]", has_text=said["gradient"]).click()
    done = re.escape(said["done"]).replace(r"\{name\}", "gradient").replace(r"\{count\}", "4")
    done = done.replace(r"\{seconds\}", r"\d+,\d\d")  # a decimal comma in nb and id
    page.wait_for_function("re => new RegExp(re).test(document.querySelector('#lab-status').textContent)",
                           arg="^" + done + "$", timeout=90_000)
    stats = page.locator("#lab-stats").inner_text()
    assert said["statDistinct"] in stats and said["statTime"] in stats
    assert page.locator("#lab-quantized-caption").inner_text() == fill(said["colours"], count=4)
    titles = page.locator("#lab-scatter svg title").all_text_contents()
    assert said["ownColour"] in " ".join(titles) and said["centroidColour"] in " ".join(titles)
    rows = page.locator("#lab-comparison tr td:first-child").all_inner_texts()
    assert rows == [said["randomPalette"], said["medianCut"], "K-means"]


@pytest.mark.parametrize("lang", OTHERS)
def test_the_workers_words_are_in_the_pages_language(page, site_url, lang):
    """The status line's details that the Python worker writes (the snapshot missing here)."""
    page.route("**/snapshot.bin.gz", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(site_url + root(lang) + LESSON)
    wait_ready(page)
    fallback = words(lang)["statusDetails"]["withoutSnapshot"].split("{reason}")[0]
    assert status_text(page).startswith(f"{words(lang)['status']['ready']} — {fallback}")


def test_edits_are_kept_per_language_page(page, site_url):
    page.goto(site_url + LESSON)
    wait_ready(page)
    set_code(page, cell(page, 1), "print('only in English')")
    for lang in OTHERS:
        page.goto(site_url + root(lang) + LESSON)
        wait_ready(page)
        assert "lc-cell--edited" not in cell(page, 1).get_attribute("class")
    page.goto(site_url + LESSON)
    wait_ready(page)
    assert cell(page, 1).locator(".cm-content").inner_text() == "print('only in English')"


@pytest.mark.parametrize("lang", OTHERS)
def test_downloads_follow_the_pages_language(page, site_url, lang):
    page.goto(site_url + root(lang) + LESSON)
    wait_ready(page)
    with page.expect_download() as info:
        page.locator(".lc-btn--py").click()
    done = info.value
    script = Path(done.path()).read_text(encoding="utf-8")
    assert done.suggested_filename == f"clusterlab-{lang}-{LESSON.strip('/')}.py"
    model = json.loads(page.evaluate("fetch('notebook.json').then((r) => r.text())"))
    assert model["lang"] == lang and model["pages"] == f"{lang}/"
    assert script == notebook.to_script(model, site_url)
    said = words(lang)["notebook"]
    assert said["library"] in script and fill(said["intro"], title=model["title"], url=site_url + model["url"]) in script
    links = re.findall(re.escape(site_url) + r"([\w/-]*/)(?=[)#])", script)
    assert links and all(link.startswith(f"{lang}/") for link in links)
    assert words(lang)["downloads"]["lessonCode"].replace("{name}", done.suggested_filename) in page.locator(
        ".lc-downloads__note"
    ).inner_text()


@pytest.mark.parametrize("lang", OTHERS)
def test_one_visit_keeps_the_languages_pages_offline(browser, site_url, lang):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.goto(site_url + root(lang))
    wait_ready(page)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    context.set_offline(True)
    page.goto(site_url + root(lang) + LESSON)  # never visited: from the offline copy
    wait_ready(page)
    assert page.evaluate("document.documentElement.lang") == lang
    c = cell(page, 1)
    before = c.locator(".lc-output").inner_html()
    run_and_wait(page, c, timeout=60_000)
    assert c.locator(".lc-output").inner_html() == before
    context.close()
