"""MkDocs hook: give every page a fresh live-cell session before its Markdown renders,
and write the model of every page with cells (``notebook.json`` next to its
``index.html``), from which the browser makes the page's notebook and script
(livecells.notebook, web/downloads.js).

It also makes each language of the site (plugin i18n in mkdocs.yml: English
at the root, the others in /nb/ and /id/) a site of its own for Material's
scripts: a page's ``base`` is its language's root, which has its own search
index (that language's stemmer and stop words, its pages only) and its own
``sitemap.xml`` (so that instant navigation stays within the language, and
a switch of language loads the page afresh, with its ``<html lang>`` and the
runtime's words).  The plugin builds the languages one after the other into
one folder, each build writing these files at the root; the hook moves each
language's copy to its root and puts the default language's back at the end
of ``mkdocs build`` (on_shutdown).  Each language's 404 page goes to its root
the same way (``nb/404.html``); the site's own, the default language's, sends a
reader at a missing address below a language's root there (overrides/404.html).

The theme's words that neither Material nor the i18n plugin says in a page's
language come from that language's ``extra.theme_words`` (mkdocs.yml): the
headings' link title (the toc extension's ``permalink_title``, set here for each
language's build) and, through overrides/partials/language.html and
overrides/404.html, the header's and footer's names and the 404 page's title.
"""

import json
import logging
import posixpath
import tomllib
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs import plugins

from livecells import fence, lab, notebook, words

ROOT = Path(__file__).resolve().parents[2]
#: The model's file name, next to each page with cells (web/contract.json).
MODEL_FILE = fence.CONTRACT["pageModel"]["file"]
#: What each language's build writes at the site's root and Material reads from the language's root.
#: (Its 404 page too: overrides/404.html sends a reader there.)
LANGUAGE_FILES = ("search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html")
#: What the default language's build writes and the later builds overwrite.
DEFAULT_FILES = LANGUAGE_FILES
#: Material's settings for its scripts, in every page; "base" is the site's root.
CONFIG_SCRIPT = '<script id="__config" type="application/json">'
_markdown: dict[str, str] = {}
#: The toc extension's own permalink title (mkdocs.yml), for the languages without theme_words.
_toc_title: dict[str, object] = {}
_default_files: dict[str, bytes] = {}
_site_dir = Path("site")
#: Material's search dialog, which has no accessible name of its own (axe: aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


class _InstantSwitcherIsFine(logging.Filter):
    """mkdocs-static-i18n warns that Material's language switcher keeps the first
    page's links under instant navigation, and the build is strict.  Here each
    language has its own sitemap, so instant navigation never crosses languages,
    and overrides/partials/alternate.html with web/material.js keep the
    switcher's links on the current page's translations (tests/e2e/test_languages.py)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "language switcher contextual link is not compatible" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_InstantSwitcherIsFine())


def _i18n(config):
    return config.plugins.get("i18n")


def _theme_language(config) -> str:
    return config.theme["language"] if "language" in config.theme else words.DEFAULT


def site_language(config) -> str:
    """The language of the build in progress: the i18n plugin's, else the theme's."""
    i18n = _i18n(config)
    return i18n.current_language if i18n else _theme_language(config)


def default_language(config) -> str:
    i18n = _i18n(config)
    return i18n.default_language if i18n else _theme_language(config)


def language_root(config) -> str:
    """Where the build's language lives, from the site's root: '' or 'nb/'."""
    lang = site_language(config)
    return "" if lang == default_language(config) else f"{lang}/"


def language_roots(config) -> list[str]:
    """The roots of the languages other than the default: ['nb/', 'id/']."""
    i18n = _i18n(config)
    if i18n is None:
        return []
    return [f"{lang.locale}/" for lang in i18n.config.languages if lang.build and not lang.default]


def theme_words(config) -> dict:
    """The build's language's words for the theme (``extra.theme_words`` of its
    language in mkdocs.yml, which the i18n plugin puts into ``extra``); {} in
    the default language, whose words are the theme's own."""
    return dict(config.extra.get("theme_words") or {})


@plugins.event_priority(-150)  # after the i18n plugin has switched the theme's language
def on_config(config, **kwargs):
    # The runtime's file names, for overrides/main.html (web/contract.json).
    config.extra["livecells_files"] = fence.CONTRACT["files"]
    # Material's search plugin reads its language, word separator and pipeline
    # from the theme's language once, for the first build: read them again for
    # each language (Material's partials/languages/nb.html: lunr's "no";
    # id.html: no stemmer nor stop words).
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.lang, search.config.separator, search.config.pipeline = [], None, None
        search.on_config(config)
    # The headings' permalink title (a markdown extension's setting, which the
    # i18n plugin does not set per language): the language's, else the toc's own.
    toc = config.mdx_configs.get("toc")
    if toc is not None:
        if not _toc_title:  # the first build, the default language's
            _toc_title["title"] = toc.get("permalink_title")
        title = theme_words(config).get("permalink") or _toc_title["title"]
        if title is None:
            toc.pop("permalink_title", None)
        else:
            toc["permalink_title"] = title
    return config


def on_page_markdown(markdown, page, config, **kwargs):
    fence.start_page(page.file.src_uri, page.meta, site_language(config))
    _markdown[page.file.src_uri] = markdown
    return markdown


def on_page_content(html, page, config, **kwargs):
    if page.meta.get("lab"):
        html = lab.fill_placeholder(html, site_language(config), page.url)
    records = fence.page_records()
    if records:
        version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
        lang = site_language(config)
        page.meta["livecells_model"] = notebook.page_model(
            page.title, page.file.src_uri, page.url, _markdown[page.file.src_uri], records,
            notebook.wheel_path(version), lang=lang, pages=language_root(config),
            words=words.words(lang)["notebook"],
        )
    return html


def on_page_context(context, page, config, **kwargs):
    root = language_root(config)
    # Material's scripts take the site's root from "base": a language's root here
    # (with its "/": Material resolves search/search_index.json against it).
    if root:
        context["base_url"] = posixpath.join(context["base_url"], root)
    i18n = _i18n(config)
    if i18n is None:
        return context
    # The head's <link rel="alternate" hreflang> name each language's root, as
    # Material's own switcher script expects (it fetches their sitemaps); the
    # switcher's links (overrides/partials/alternate.html) go to this page in
    # each language: every page exists in every language, at the same path
    # below the language's root (web/material.js follows the same rule).
    path = page.url[len(root):] if page.url.startswith(root) else page.url
    roots = [(lang, "" if lang.default else f"{lang.locale}/") for lang in i18n.config.languages if lang.build]
    config.extra.alternate = [{"name": lang.name, "lang": lang.locale, "link": where or "."} for lang, where in roots]
    context["lc_translations"] = [
        {"name": lang.name, "lang": lang.locale, "link": where + path or "."} for lang, where in roots
    ]
    return context


def name_search_dialog(html: str, lang: str) -> str:
    """Give Material's search dialog a name in the page's language, in the
    page as written, so that it has one before any script runs.

    >>> name_search_dialog(SEARCH_DIALOG, "nb")
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Søk">'
    """
    if 'class="md-search"' in html and SEARCH_DIALOG not in html:
        raise ValueError(
            "Material's search dialog is no longer written as " + SEARCH_DIALOG
            + ": update SEARCH_DIALOG in py/livecells/mkdocs_hook.py to the new markup."
        )
    label = escape(words.words(lang)["page"]["search"])
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)


def on_post_page(output, page, config, **kwargs):
    output = name_search_dialog(output, site_language(config))
    model = page.meta.pop("livecells_model", None)
    if model is not None:
        dest = Path(config["site_dir"]) / Path(page.file.dest_path).parent / MODEL_FILE
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return output


def on_template_context(context, template_name, config, **kwargs):
    if template_name == "404.html":  # overrides/404.html
        context["lc_language_root"] = language_root(config)
        context["lc_language_roots"] = language_roots(config)
    return context


def set_config_base(html: str, base: str, new_base: str) -> str:
    """Point Material's scripts at a language's root on a page whose links are
    written from the site's root (a 404 page: its ``base_url`` is the site's
    address, so that it works at any address), so that its search and instant
    navigation stay within the language, as on the language's other pages.

    >>> set_config_base(CONFIG_SCRIPT + '{"annotate": null, "base": "/", "features": []}</script>', "/", "/nb/")
    '<script id="__config" type="application/json">{"annotate": null, "base": "/nb/", "features": []}</script>'
    """
    start = html.find(CONFIG_SCRIPT)
    old = f'"base": {json.dumps(base)}'
    at = html.find(old, start, html.find("</script>", start)) if start >= 0 else -1
    if at < 0:
        raise ValueError(
            f"Material's settings ({CONFIG_SCRIPT}) with {old} are not in the 404 page: "
            "update set_config_base in py/livecells/mkdocs_hook.py to the new markup."
        )
    return html[:at] + f'"base": {json.dumps(new_base)}' + html[at + len(old):]


def on_post_template(output, template_name, config, **kwargs):
    root = language_root(config)
    if template_name == "404.html" and root:  # the language's 404 page, at nb/404.html
        base = urlsplit(config.site_url or "/").path  # as MkDocs writes an error page
        output = set_config_base(output, base, posixpath.join(base, root))
    return name_search_dialog(output, site_language(config))  # 404.html


@plugins.event_priority(-50)  # after search and sitemap are written, before the i18n plugin's next language
def on_post_build(config, **kwargs):
    global _site_dir
    site = _site_dir = Path(config["site_dir"])
    root = language_root(config)
    if not root:
        _default_files.clear()
        _default_files.update({name: (site / name).read_bytes() for name in DEFAULT_FILES if (site / name).exists()})
        return
    for name in LANGUAGE_FILES:
        source, dest = site / name, site / root / name
        if not source.exists():
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith("search_index.json"):  # its pages' addresses, from the language's root
            index = json.loads(source.read_text(encoding="utf-8"))
            for doc in index["docs"]:
                if doc["location"].startswith(root):
                    doc["location"] = doc["location"][len(root):]
            dest.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        else:
            dest.write_bytes(source.read_bytes())


def on_shutdown(**kwargs):
    # After the i18n plugin's last language (and its search index of every
    # language, which Material would search from every page): the default
    # language's files at the root again.
    for name, data in _default_files.items():
        (_site_dir / name).write_bytes(data)
    _default_files.clear()
