"""The three glossaries stay in step: the same English terms in docs/glossary.md,
docs/glossary.nb.md and docs/glossary.id.md, and every English entry says what
the term means and links to the lesson (and section) that teaches it."""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify
from test_translations import DOCS, glossary_rows  # the glossaries' table reader

GLOSSARIES = {"en": DOCS / "glossary.md", "nb": DOCS / "glossary.nb.md", "id": DOCS / "glossary.id.md"}
LINK = re.compile(r"\]\(([^)\s]+)\)")


def english_terms(path: Path) -> list[str]:
    """The first column of a glossary's table: its English terms."""
    return [row[0] for row in glossary_rows(path)]


def missing_terms(glossaries: dict[str, Path]) -> dict[str, list[str]]:
    """Per glossary, the English terms that another glossary has and it lacks."""
    terms = {lang: set(english_terms(path)) for lang, path in glossaries.items()}
    every = set().union(*terms.values())
    return {lang: sorted(every - listed) for lang, listed in terms.items()}


def anchors(page: Path) -> set[str]:
    """The ids of a page's headings: an explicit ``{ #id }``, or the toc extension's slug of the text."""
    ids = set()
    for heading in re.findall(r"^#{1,6} +(.+?)\s*$", page.read_text(encoding="utf-8"), re.MULTILINE):
        explicit = re.search(r"\{\s*#([\w-]+)\s*\}", heading)
        ids.add(explicit.group(1) if explicit else slugify(re.sub(r"[`*]", "", heading), "-"))
    return ids


def test_every_glossary_has_the_same_english_terms():
    for path in GLOSSARIES.values():
        terms = english_terms(path)
        assert sorted({t for t in terms if terms.count(t) > 1}) == [], f"{path.name} lists a term twice"
    assert missing_terms(GLOSSARIES) == {"en": [], "nb": [], "id": []}
    assert len(english_terms(GLOSSARIES["en"])) >= 50


def test_a_term_missing_from_one_glossary_is_named(tmp_path):
    table = "# G\n\n| English | x | y |\n|---|---|---|\n"
    (tmp_path / "en.md").write_text(table + "| cluster | a | b |\n| dendrogram | a | b |\n")
    (tmp_path / "nb.md").write_text(table + "| cluster | klynge | b |\n")
    (tmp_path / "id.md").write_text(table + "| dendrogram | dendrogram | b |\n| inertia | inersia | b |\n")
    assert missing_terms({lang: tmp_path / f"{lang}.md" for lang in ("en", "nb", "id")}) == {
        "en": ["inertia"], "nb": ["dendrogram", "inertia"], "id": ["cluster"]}


def test_every_english_term_says_what_it_means_and_where_it_is_taught():
    for term, meaning, taught in glossary_rows(GLOSSARIES["en"]):
        assert len(meaning.split()) >= 5 and meaning.endswith("."), (term, "a one-line definition")
        links = LINK.findall(taught)
        assert len(links) == 1, (term, "one link to the lesson that teaches it")
        page, _, anchor = links[0].partition("#")
        assert (DOCS / page).exists(), (term, page)
        assert not anchor or anchor in anchors(DOCS / page), (term, f"{page} has no section #{anchor}")


def test_every_translated_glossary_links_each_term_to_a_page_of_the_course():
    for lang in ("nb", "id"):
        for row in glossary_rows(GLOSSARIES[lang]):
            links = LINK.findall(row[-1])
            assert len(links) >= 1, (lang, row[0])
            for link in links:
                page, _, anchor = link.partition("#")
                translated = DOCS / page.replace(".md", f".{lang}.md")
                assert translated.exists(), (lang, row[0], page)
                assert not anchor or anchor in anchors(translated), (lang, row[0], link)
