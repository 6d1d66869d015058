"""The runtime's words (web/words.json): one file, every language complete,
read by the build and the browser alike."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from livecells import fence, notebook
from livecells.words import DEFAULT, LANGUAGES, PARTS, WORDS, fields, words

ROOT = Path(__file__).resolve().parents[1]


def texts(tree: dict, prefix: str = "") -> dict[str, str]:
    """Every text of a language, by its dotted key ("cell.run")."""
    out = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out.update(texts(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def site_languages() -> list[str]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return [lang.locale for lang in config.plugins["i18n"].config.languages]


def test_the_words_file_has_the_sites_languages_english_first():
    assert list(LANGUAGES) == site_languages() and LANGUAGES[0] == DEFAULT


def test_every_part_has_every_language():
    assert all(list(WORDS[part]) == list(LANGUAGES) for part in PARTS), {p: list(WORDS[p]) for p in PARTS}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != DEFAULT])
def test_every_language_has_every_text_with_the_same_fields(lang):
    english, other = texts(words(DEFAULT)), texts(words(lang))
    assert sorted(other) == sorted(english)
    differ = {k: (fields(english[k]), fields(other[k])) for k in english if fields(english[k]) != fields(other[k])}
    assert differ == {}
    same = [k for k in english if other[k] == english[k] and len(re.sub(r"\{\w+\}", "", english[k])) > 12]
    assert same == [], f"{lang}: not translated"


def code_text(path: Path) -> str:
    """What a file says to readers: JavaScript without its comments, Python's
    string literals other than docstrings (whose doctests show outputs)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return re.sub(r"/\*.*?\*/|(^|\s)//[^\n]*", " ", text, flags=re.DOTALL)
    tree = ast.parse(text)
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None
    }
    return "\n".join(
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    )


def sources() -> dict[str, str]:
    """The runtime's code, besides the words file."""
    files = list((ROOT / "web").glob("*.*js"))
    files += list((ROOT / "py" / "livecells").glob("*.py")) + [ROOT / "overrides" / "main.html"]
    return {p.relative_to(ROOT).as_posix(): code_text(p) for p in files}


def test_no_code_keeps_its_own_copy_of_the_words():
    code = sources()
    copies = [
        (lang, key, name)
        for lang in LANGUAGES
        for key, text in texts(words(lang)).items()
        for fragment in re.split(r"\{\w+\}", text)
        if len(fragment.strip()) >= 16
        for name, source in code.items()
        if fragment in source
    ]
    assert copies == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_build_writes_the_status_line_and_labels_in_the_pages_language(lang):
    fence.start_page("words.md", {}, lang)
    first = fence.format_cell("x = 1", "python", "python", {"hidden": True}, None)
    said = words(lang)
    assert f'data-state="loading">{said["status"]["loading"]}</div>' in first
    assert said["page"]["keysHelp"] in first and said["page"]["setup"] in first
    assert f'aria-label="{said["page"]["output"].format(index=1)}"' in first


def test_an_unknown_language_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="no words for language 'fr'.*add the language"):
        fence.start_page("words.md", {}, "fr")


def test_the_notebook_speaks_the_pages_language_and_links_to_its_pages():
    markdown = "Se [neste side](kmeans.md).\n\n```python live\nprint(1)\n```\n"
    cells = [{"source": "print(1)", "hidden": False, "expect_error": False, "error": None,
              "outputs": [["stdout", "1\n"]]}]
    model = notebook.page_model("Avstandsmål", "distances.nb.md", "nb/distances/", markdown, cells, "w.whl",
                                lang="nb", pages="nb/")
    script = notebook.to_script(json.loads(json.dumps(model)), "https://x.org/")
    said = words("nb")["notebook"]
    assert said["library"] in script and said["needsLibrary"] in script
    assert "[neste side](https://x.org/nb/kmeans/)" in script
    assert "*Avstandsmål*, en leksjon i clusterlab-kurset: https://x.org/nb/distances/" in script
    meta = json.loads(notebook.to_notebook(model, "https://x.org/"))["metadata"]["clusterlab"]
    assert meta["lang"] == "nb"


def test_a_model_without_the_notebooks_words_is_refused():
    with pytest.raises(ValueError, match=r"lack \['raises'\].*web/words.json"):
        notebook.page_model("T", "t.md", "t/", "", [], "w", words={k: "x" for k in notebook.WORDS[:-1]})
