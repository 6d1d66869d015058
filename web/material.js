// Where this site bends Material for MkDocs.  Its other half is the template,
// overrides/main.html; a Material upgrade should be checked against both
// (tests/e2e/test_pages.py checks the template's tricks).

// 1. Material's bundle (search, table of contents, instant navigation) takes a
//    quarter of a second of the main thread.  On a page with cells the template
//    leaves it unrun, as <script type="text/x-after-python" data-src=...>, and
//    boot.js adds it once Python has started (web/after_python.js).  Material
//    starts on DOMContentLoaded, so the page, parsed long ago by then, says so
//    again once the bundle has run.  Returns null on a page without it.
export function deferredBundle() {
  const held = document.querySelector('script[type="text/x-after-python"]');
  if (!held) return null;
  const announceParsed = () =>
    document.readyState !== "loading" && document.dispatchEvent(new Event("DOMContentLoaded"));
  return { url: new URL(held.dataset.src, document.baseURI).href, onload: announceParsed };
}

// 2. (Material's search dialog has no accessible name: the build gives it
//    one, py/livecells/mkdocs_hook.py name_search_dialog.)

// 3. The language switcher sits in the header, which instant navigation keeps:
//    point its links at the page now shown in each language.  Every page
//    exists in every language at the same path below the language's root, and
//    the head's <link rel="alternate" hreflang> name the roots (the build
//    writes the same links: py/livecells/mkdocs_hook.py).  The links load the
//    page afresh (target="_self", overrides/partials/alternate.html).
export function followLanguage() {
  const roots = [...document.querySelectorAll('head link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href]);
  const here = location.origin + location.pathname;
  const own = roots.filter(([, root]) => here.startsWith(root)).sort((a, b) => b[1].length - a[1].length)[0];
  if (!own) return;
  const path = here.slice(own[1].length);
  for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
    const root = roots.find(([lang]) => lang === link.hreflang);
    if (root) link.href = root[1] + path;
  }
}

// 4. With instant navigation, a new page arrives without a new document:
//    Material's document$ replays the current page, then emits each page
//    reached that way.  Without Material's bundle there is just this page.
export function onEveryPage(fn) {
  const start = () => {
    if (typeof window.document$?.subscribe === "function") window.document$.subscribe(() => fn());
    else fn();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
