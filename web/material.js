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

// 2. Material's search dialog has no accessible name; give it one.
export function nameSearchDialog() {
  document.querySelector(".md-search")?.setAttribute("aria-label", "Search");
}

// 3. With instant navigation, a new page arrives without a new document:
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
