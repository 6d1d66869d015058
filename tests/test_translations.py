"""The course in every language of the site (mkdocs.yml, plugin i18n): every
page and every navigation title exists in each, and each language's glossary
holds only terms its pages use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import translations  # tools/ is on pytest's pythonpath
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def i18n():
    return load_config(str(ROOT / "mkdocs.yml")).plugins["i18n"].config


CONFIG = i18n()
DEFAULT = next(lang.locale for lang in CONFIG.languages if lang.default)
OTHERS = [lang.locale for lang in CONFIG.languages if not lang.default]


english_pages = translations.english_pages  # the default language's pages: docs/*.md without a suffix


def nav_titles(nav) -> list[str]:
    titles = []
    for item in nav:
        for title, target in item.items():
            titles.append(title)
            if isinstance(target, list):
                titles += nav_titles(target)
    return titles


@pytest.mark.parametrize("lang", OTHERS)
def test_every_page_exists_in_every_language(lang):
    missing = [f"docs/{page}.{lang}.md" for page in english_pages() if not (DOCS / f"{page}.{lang}.md").exists()]
    assert missing == [], f"pages not yet translated into {lang!r}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_navigation_title_is_translated(lang):
    config = load_config(str(ROOT / "mkdocs.yml"))
    translations = next(c.nav_translations for c in CONFIG.languages if c.locale == lang) or {}
    missing = [title for title in nav_titles(config.nav) if title not in translations]
    assert missing == [], f"add them to nav_translations of {lang!r} in mkdocs.yml"


FIRST_VISIBLE_CELL = re.compile(r"^```python live\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_translated_page_with_cells_sets_the_librarys_language_first(lang):
    """Each nb/id page whose cells use clusterlab sets its language in the first visible cell, so the
    figures, tables and players it makes speak the page's language (in the
    browser, at build time and in the downloaded notebook)."""
    wrong = []
    for page in english_pages():
        text = (DOCS / f"{page}.{lang}.md").read_text(encoding="utf-8")
        first = FIRST_VISIBLE_CELL.search(text)
        uses_library = "from clusterlab" in text or "import clusterlab" in text
        if first and uses_library and f'set_language("{lang}")' not in first.group(1):
            wrong.append(f"docs/{page}.{lang}.md")
    assert wrong == [], f'add set_language("{lang}") to the first visible cell'


# ------------------------------------------------------------------ glossary ---
def glossary_rows(path: Path) -> list[list[str]]:
    """The rows of the Markdown tables of ``path``, as lists of cells, without
    each table's header row and its |---| line."""
    rows, in_table = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line.startswith("|"):
            in_table = False
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", c) for c in cells):
            continue
        if in_table:
            rows.append(cells)
        in_table = True  # the first row of a table is its header
    return rows


def plain(markdown: str) -> str:
    """Markdown as words: links' texts, no emphasis, code marks or extra spaces."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def glossary_terms(cell: str) -> list[str]:
    """The terms of a glossary cell: its forms split at ' / ' and ';', without
    notes in parentheses."""
    text = re.sub(r"\([^)]*\)", "", cell)
    return [plain(t) for t in re.split(r"\s/\s|;", text) if plain(t)]


@pytest.mark.parametrize("lang", OTHERS)
def test_every_language_has_a_glossary_linked_from_its_home_page(lang):
    glossary = DOCS / f"glossary.{lang}.md"
    assert glossary.exists(), f"{glossary.relative_to(ROOT)} is missing: the translators write it"
    assert len(glossary_rows(glossary)) >= 5, "a glossary table: English term | translation | where the seed uses it"
    assert "(glossary.md)" in (DOCS / f"index.{lang}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", OTHERS)
def test_every_glossary_term_appears_on_a_page_of_its_language(lang):
    """Case-insensitive, in the pages' Markdown (code comments included)."""
    glossary = DOCS / f"glossary.{lang}.md"
    if not glossary.exists():
        pytest.fail(f"{glossary.relative_to(ROOT)} is missing: the translators write it")
    pages = " ".join(plain(p.read_text(encoding="utf-8")) for p in DOCS.glob(f"*.{lang}.md") if p != glossary)
    rows = glossary_rows(glossary)
    short = [row for row in rows if len(row) < 3]
    assert short == [], "every row: English term | translation | where the seed uses it"
    unused = [(row[0], term) for row in rows for term in glossary_terms(row[1]) if term not in pages]
    assert unused == [], f"terms of {glossary.name} that no {lang} page uses"


def test_the_glossary_reader_reads_tables_and_terms(tmp_path):
    page = tmp_path / "g.md"
    page.write_text("# G\n\n| English | nb | seed |\n|---|---|---|\n| cluster | *klynge* / klynger | p. 2 |\n"
                    "| linkage | koblingstype (the lecture's) | p. 9 |\n\ntext\n\n| a | b |\n|:--|--:|\n| x | y |\n")
    rows = glossary_rows(page)
    assert rows == [["cluster", "*klynge* / klynger", "p. 2"], ["linkage", "koblingstype (the lecture's)", "p. 9"],
                    ["x", "y"]]
    assert glossary_terms(rows[0][1]) == ["klynge", "klynger"] and glossary_terms(rows[1][1]) == ["koblingstype"]


# ------------------------------------------- freshness and fidelity ----
# tools/translations.py: each translated page records, per section, the English it translates.
import subprocess  # noqa: E402


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("page", english_pages())
def test_every_translation_follows_the_english_of_today(lang, page):
    problems = translations.stale(lang, page)
    assert problems == [], (
        f"docs/{page}.{lang}.md is behind docs/{page}.md. Carry the English change into the "
        f"translation (`.venv/bin/python tools/translations.py diff {lang} {page}` shows it), then "
        f"record it: `.venv/bin/python tools/translations.py mark {lang} {page}`")


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("page", english_pages())
def test_every_translation_keeps_the_englishs_numbers_names_links_and_code(lang, page):
    assert translations.check(lang, page) == []


def write_pages(docs: Path, english: str, norwegian: str) -> None:
    docs.mkdir(exist_ok=True)
    (docs / "p.md").write_text(english, encoding="utf-8")
    (docs / "p.nb.md").write_text(norwegian, encoding="utf-8")


ENGLISH = "# Title\n\nIntro with 9,600 points.\n\n## Cut\n\nThe cut at 140.5 lies\nbetween 138.65 and 142.36.\n"
NORWEGIAN = "# Tittel\n\nInnledning med 9 600 punkter.\n\n## Kutt\n\nKuttet ved 140,5 ligger mellom 138,65 og 142,36.\n"


def test_a_changed_english_paragraph_makes_its_translation_stale_and_names_the_section(tmp_path, monkeypatch):
    monkeypatch.setattr(translations, "DOCS", tmp_path)
    write_pages(tmp_path, ENGLISH, NORWEGIAN)
    assert any("no record" in p for p in translations.stale("nb", "p"))
    translations.mark("nb", "p")
    assert translations.stale("nb", "p") == []
    assert (tmp_path / "p.nb.md").read_text().startswith("---\ntranslates:")
    # re-wrapping the English changes nothing; changing a number does
    (tmp_path / "p.md").write_text(ENGLISH.replace("lies\nbetween", "lies between"))
    assert translations.stale("nb", "p") == []
    (tmp_path / "p.md").write_text(ENGLISH.replace("140.5", "135.5"))
    assert translations.stale("nb", "p") == ["section 'Cut': the English has changed since it was translated"]
    # a new English section is a section without a record
    (tmp_path / "p.md").write_text(ENGLISH + "\n## More\n\nText.\n")
    assert "section 'More': no record of which English it translates" in translations.stale("nb", "p")


def test_diff_shows_what_changed_in_the_english_since_the_translation(tmp_path, monkeypatch):
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "DOCS", tmp_path / "docs")
    write_pages(tmp_path / "docs", ENGLISH, NORWEGIAN)
    translations.mark("nb", "p")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(tmp_path)]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "first"], check=True)
    (tmp_path / "docs" / "p.md").write_text(ENGLISH.replace("140.5", "135.5"))
    diff = translations.english_diff("nb", "p")
    assert "-The cut at 140.5 lies" in diff and "+The cut at 135.5 lies" in diff and "Intro" not in diff
    assert translations.main(["status"]) == 1


def fidelity(english: str, translated: str, lang: str = "nb") -> list[str]:
    return translations.fidelity(translations.Section("s", english), translations.Section("s", translated), lang)


def test_fidelity_reads_numbers_the_languages_way():
    assert fidelity("from 9,600 to 132.35", "fra 9 600 til 132,35") == []
    assert fidelity("from 9,600 to 132.35", "dari 9.600 ke 132,35", "id") == []
    assert fidelity("Pyodide 314.0.7 and CC BY 4.0", "Pyodide 314.0.7 og CC BY 4.0") == []
    # an English decimal point left in the translation reads as another number
    assert fidelity("at 0.765", "ved 0.765") == ["numbers of the English missing: 0.765",
                                                 "numbers the English does not have: 0"]
    assert fidelity("at 1.250 m", "pada 1.250 m", "id") == ["numbers of the English missing: 1.250",
                                                            "numbers the English does not have: 1250"]


def test_fidelity_finds_a_lost_name_link_list_number_button_or_line_of_code():
    assert fidelity("K562 and MCF7 are repeats", "to gjentatte målinger") == ["names of the English missing: K562, MCF7"]
    assert fidelity("see [the page](kmeans.md#step)", "se [siden](kmeans.md#steg)") == []
    assert fidelity("see [the page](kmeans.md)", "se siden") == ["links of the English missing: kmeans.md"]
    assert fidelity("is 93, not 7. Only", "er 93, ikke\n7. Bare") == [
        "numbered list items ['7'], the English [] (a wrapped line that starts with a number and a full stop "
        "becomes a list item: move the number up a line)"]
    assert fidelity("press **Run**", "trykk **Run**") == ["names the button 'Run', which says 'Kjør' on this page"]
    cell = "```python live\nk = 3  # three\nprint('k is', k)\n```\n"
    assert fidelity(cell, cell.replace("# three", "# tre").replace("'k is'", "'k er'")) == []
    assert fidelity(cell, cell.replace("k = 3", "k = 4")) == [
        "cell 1 of the section: its code differs from the English beyond comments and strings"]


@pytest.mark.parametrize("lang", OTHERS)
def test_translated_cells_print_no_english_thousands_separator(lang):
    """'9,600 piksler' reads as 9.6 in nb and id: their cells print big numbers ungrouped."""
    grouped = [f"docs/{page}.{lang}.md: {line.strip()}" for page in english_pages()
               for cell in translations.cells((DOCS / f"{page}.{lang}.md").read_text(encoding="utf-8"))
               for line in cell.splitlines() if re.search(r"\{[^{}]*:,[^{}]*\}|format\([^)]*,\s*['\"],['\"]\)(?!\.replace)", line)]
    assert grouped == [], "drop the ',' from the format: Python groups thousands the English way"
