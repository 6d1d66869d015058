"""Translations that cannot fall behind the English: freshness and fidelity.

A translated page (``docs/kmeans.nb.md``) says, in its front matter, which
version of each section of its English page (``docs/kmeans.md``) it
translates: one fingerprint per section, in order, with the English heading::

    ---
    translates:  # the English sections this page translates (tools/translations.py)
      - "3f2a1b9c K-means"
      - "0c4e7d21 The algorithm step by step"
    ---

A section runs from a ``#``/``##`` heading to the next ``##`` heading (the
first one holds the page's title and introduction). A fingerprint is a hash of
the English section with its white space collapsed, so re-wrapping a paragraph
changes nothing, while any changed word, number or line of code does.

Commands (``python tools/translations.py ...``):

=========================  =====================================================
``status``                 every translated section whose English has changed
``diff LANG PAGE``         what changed in the English since the translation
                           was made (found in git's history by fingerprint)
``mark LANG PAGE``         record that the translation now follows the English
``check LANG PAGE``        the fidelity checks below, for one page
=========================  =====================================================

The fidelity checks need no knowledge of the language. Section by section,
every number, identifier (``K562``, ``n_init``, ``KMeans``) and link of the
English text must appear in the translation, numbers written the language's
way (``132.35`` is ``132,35`` in nb and id, ``9,600`` is ``9 600`` in nb and
``9.600`` in id); and every cell's code must be the same apart from its
comments and strings (a translated page's first cell also sets the library's
language).

>>> [s.heading for s in sections("# T\\nintro\\n## A\\n```\\n## not a heading\\n```\\n## B\\n")]
['T', 'A', 'B']
>>> numbers("from 9,600 to 132.35 in 2020", "en") == numbers("fra 9 600 til 132,35 i 2020", "nb")
True
>>> numbers("dari 9.600 ke 132,35 dengan Pyodide 314.0.7", "id")
['132.35', '314.0.7', '9600']
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import io
import json
import re
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("nb", "id")
# Pages whose translations are not sentence for sentence (a glossary's table holds other columns).
NOT_PARALLEL = ("glossary",)
KEY = "translates"

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,2}) +(.+?)\s*$")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n\n?", re.DOTALL)


@dataclass
class Section:
    heading: str  # the heading's text ('' for text before any heading)
    text: str  # the section's Markdown, its heading line included

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(" ".join(self.text.split()).encode()).hexdigest()[:8]

    @property
    def record(self) -> str:
        """What a translation keeps of this English section: fingerprint and heading."""
        return f"{self.fingerprint} {self.heading}"


def body(markdown: str) -> str:
    """The page without its front matter."""
    match = _FRONT.match(markdown)
    return markdown[match.end():] if match else markdown


def sections(markdown: str) -> list[Section]:
    """The page cut at its level-1 and level-2 headings (never inside code)."""
    out: list[Section] = []
    heading, lines, in_code = "", [], False
    for line in body(markdown).splitlines(keepends=True):
        if _FENCE.match(line):
            in_code = not in_code
        match = None if in_code else _HEADING.match(line)
        if match and (match.group(1) == "##" or not out and not heading):
            if lines and (heading or "".join(lines).strip()):
                out.append(Section(heading, "".join(lines)))
            heading, lines = match.group(2), []
        lines.append(line)
    out.append(Section(heading, "".join(lines)))
    return out


# ------------------------------------------------------------ freshness ----


def english_path(page: str) -> Path:
    return DOCS / f"{page}.md"


def translation_path(lang: str, page: str) -> Path:
    return DOCS / f"{page}.{lang}.md"


def english_pages() -> list[str]:
    return sorted(p.stem for p in DOCS.glob("*.md") if not re.search(r"\.[a-z]{2}$", p.stem))


def recorded(markdown: str) -> list[str]:
    """The fingerprints a translation records (its front matter's ``translates`` list)."""
    match = _FRONT.match(markdown)
    if not match:
        return []
    out, inside = [], False
    for line in match.group(1).splitlines():
        if re.match(rf"{KEY}:", line):
            inside = True
        elif inside and line.startswith("  - "):
            out.append(json.loads(line[4:]))
        elif inside and line.strip():
            break
    return out


def with_records(markdown: str, records: list[str]) -> str:
    """``markdown`` with its front matter's ``translates`` list replaced by ``records``."""
    block = f"{KEY}:  # the English sections this page translates (tools/translations.py)\n"
    block += "".join(f"  - {json.dumps(r, ensure_ascii=False)}\n" for r in records)
    match = _FRONT.match(markdown)
    if not match:
        return f"---\n{block}---\n\n{markdown}"
    kept, skipping = [], False
    for line in match.group(1).splitlines(keepends=True):
        if line.startswith(f"{KEY}:"):
            skipping = True
            continue
        if skipping and line.startswith("  "):
            continue
        skipping = False
        kept.append(line if line.endswith("\n") else line + "\n")
    return f"---\n{''.join(kept)}{block}---\n\n{markdown[match.end():]}"


def stale(lang: str, page: str) -> list[str]:
    """Why ``page`` in ``lang`` does not follow its English page: one line per section."""
    if not translation_path(lang, page).exists():
        return [f"docs/{page}.{lang}.md is missing: translate docs/{page}.md"]
    english = sections(english_path(page).read_text(encoding="utf-8"))
    text = translation_path(lang, page).read_text(encoding="utf-8")
    translated, records = sections(text), recorded(text)
    problems = []
    if len(translated) != len(english):
        problems.append(f"has {len(translated)} sections, the English {len(english)}: "
                        "translate each ## section of the English as one ## section")
    for i, section in enumerate(english):
        if i >= len(records):
            problems.append(f"section {section.heading!r}: no record of which English it translates")
        elif records[i] != section.record:
            was = records[i].split(" ", 1)[-1]
            problems.append(f"section {section.heading!r}: the English has changed since it was translated"
                            + (f" (it translated {was!r})" if was != section.heading else ""))
    if len(records) > len(english):
        problems.append(f"records {len(records)} sections, the English has {len(english)}")
    return problems


def history(path: Path) -> list[tuple[str, str]]:
    """(commit, text) of every committed version of ``path``, newest first."""
    rel = path.relative_to(ROOT).as_posix()
    commits = subprocess.run(["git", "log", "--format=%h", "--", rel], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    out = []
    for commit in commits:
        shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode == 0:
            out.append((commit, shown.stdout))
    return out


def english_diff(lang: str, page: str) -> str:
    """A unified diff per stale section: the English the translation was made from, to now."""
    english = sections(english_path(page).read_text(encoding="utf-8"))
    records = recorded(translation_path(lang, page).read_text(encoding="utf-8"))
    versions = None
    out = []
    for i, section in enumerate(english):
        if i < len(records) and records[i] == section.record:
            continue
        old, where = "", "no record"
        if i < len(records):
            versions = versions if versions is not None else history(english_path(page))
            fingerprint = records[i].split(" ", 1)[0]
            found = next(((commit, s) for commit, text in versions for s in sections(text)
                          if s.fingerprint == fingerprint), None)
            old, where = (found[1].text, found[0]) if found else ("", "not in git's history")
        out += difflib.unified_diff(old.splitlines(keepends=True), section.text.splitlines(keepends=True),
                                    f"{page}.md as translated ({where})", f"{page}.md now")
    return "".join(out)


def mark(lang: str, page: str) -> None:
    """Record that the translation follows the current English, section by section."""
    english = sections(english_path(page).read_text(encoding="utf-8"))
    path = translation_path(lang, page)
    text = path.read_text(encoding="utf-8")
    translated = sections(text)
    if len(translated) != len(english):
        raise SystemExit(f"{path.name} has {len(translated)} sections, the English {len(english)}; "
                         "align them before marking.")
    path.write_text(with_records(text, [s.record for s in english]), encoding="utf-8")


# ------------------------------------------------------------- fidelity ----

_CODE_BLOCK = re.compile(r"^(\s*)(```|~~~)[^\n]*\n.*?^\1\2[ \t]*$", re.DOTALL | re.MULTILINE)
_LIVE_CELL = re.compile(r"^(\s*)```python live[^\n]*\n(.*?)^\1```[ \t]*$", re.DOTALL | re.MULTILINE)
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]|\$\$(.+?)\$\$", re.DOTALL)
_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_ATTRS = re.compile(r"\{[:#.][^}]*\}")
_SPACES = " \u00a0\u202f"
_NUMBER = {  # grouped thousands first; a space also groups in every language
    "en": re.compile(r"(?<![\w.,])\d{1,3}(?:[, \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?!\w)"),
    "nb": re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\w,])|(?<![\w.,])\d+(?:,\d+)?(?!\w)"),
    "id": re.compile(r"(?<![\w.,])\d{1,3}(?:[. \u00a0\u202f]\d{3})+(?:,\d+)?(?![\w.])|(?<![\w.,])\d+(?:,\d+)?(?!\w)"),
}
_GROUP = {"en": "," + _SPACES, "nb": _SPACES, "id": "." + _SPACES}
_DECIMAL = {"en": ".", "nb": ",", "id": ","}
# Versions are names, not quantities: 314.0.7, CPython 3.14, CC BY 4.0 stay as written in every language.
_VERSION = re.compile(r"(?<![\w.,])(\d+\.\d+\.\d+(?:\.\d+)*)(?!\w)"
                      r"|\b(?:BY|BY-SA|Python|CPython|Pyodide|scikit-learn|scipy|numpy|Material|ISLP) (\d+\.\d+)(?!\w|\.\d)"
                      r"|\b[A-Za-z]+-(\d+\.\d+)(?!\w|\.\d)")  # a licence: MPL-2.0
_IDENTIFIER = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*(?:\d|_|[a-z][A-Z]))\w+\b")


def prose(markdown: str) -> str:
    """Running text: no code blocks, inline code, maths, link targets or attribute lists."""
    text = _CODE_BLOCK.sub(" ", markdown)
    text = _INLINE_CODE.sub(" ", text)
    text = _MATH.sub(" ", text)
    text = _LINK.sub("] ", text)
    return _ATTRS.sub(" ", text)


def numbers(text: str, lang: str) -> list[str]:
    """The numbers of running text, as Python writes them: '9,600' (en) and '9 600' (nb) are '9600'."""
    found = {"".join(groups) for groups in _VERSION.findall(text)}
    for raw in _NUMBER[lang].findall(_VERSION.sub(" ", text)):
        for sep in _GROUP[lang]:
            raw = raw.replace(sep, "")
        found.add(raw.replace(_DECIMAL[lang], "."))
    return sorted(found)


def identifiers(text: str) -> list[str]:
    """Names a translation keeps: with a digit (K562, NCI60), an underscore or inner capitals (KMeans)."""
    return sorted({w for w in _IDENTIFIER.findall(text) if not w.isdigit()})


def inline_code(markdown: str) -> list[str]:
    """Inline code that is code: a call, name or number, with no string in it (strings and
    the printed words they stand for, such as a table's column, may be translated)."""
    text = _CODE_BLOCK.sub(" ", markdown)
    spans = {m.group(2).strip() for m in _INLINE_CODE.finditer(text)}
    return sorted(s for s in spans if not re.search(r"[\"']", s) and re.search(r"[()=.\[_\d]|[a-z][A-Z]", s))


def links(markdown: str) -> list[str]:
    """Link targets without their #anchor (a translated heading has its own)."""
    return sorted({m.group(1).split("#")[0] for m in _LINK.finditer(_CODE_BLOCK.sub(" ", markdown))} - {""})


def list_items(markdown: str) -> list[str]:
    """The numbers that start a numbered list item ('7. ' at the start of a line)."""
    return re.findall(r"^[ \t]*(\d+)\.[ \t]", _CODE_BLOCK.sub(" ", markdown), re.MULTILINE)


def cells(markdown: str) -> list[str]:
    """The code of each live cell, dedented."""
    out = []
    for m in _LIVE_CELL.finditer(markdown):
        indent = len(m.group(1))
        out.append("".join(line[indent:] for line in m.group(2).splitlines(keepends=True)))
    return out


_SET_LANGUAGE = re.compile(r"^(from clusterlab import set_language|set_language\(\"[a-z]{2}\"\).*)$", re.MULTILINE)


def code_shape(code: str) -> list[str]:
    """A cell's tokens without comments, strings and its set_language lines."""
    code = _SET_LANGUAGE.sub("", code)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return ["<unreadable>", code]
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.STRING, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER}
    return [t.string for t in tokens if t.type not in skip and not t.type == getattr(tokenize, "FSTRING_MIDDLE", -1)]


def buttons(lang: str) -> dict[str, str]:
    """The cell's buttons, English name to the language's (web/words.json)."""
    words = json.loads((ROOT / "web" / "words.json").read_text(encoding="utf-8"))["cell"]
    return {words["en"][key]: words[lang][key] for key in ("run", "reset", "stop")}


def fidelity(english: Section, translated: Section, lang: str) -> list[str]:
    """What the English section states that the translated one does not, and the reverse for numbers."""
    problems = []
    text = prose(translated.text)
    for en, word in buttons(lang).items():
        if en != word and re.search(rf"\b{en}\b", text):
            problems.append(f"names the button {en!r}, which says {word!r} on this page")
    en_numbers, tr_numbers = numbers(prose(english.text), "en"), numbers(prose(translated.text), lang)
    if missing := sorted(set(en_numbers) - set(tr_numbers)):
        problems.append(f"numbers of the English missing: {', '.join(missing)}")
    if extra := sorted(set(tr_numbers) - set(en_numbers)):
        problems.append(f"numbers the English does not have: {', '.join(extra)}")
    if missing := sorted(set(identifiers(prose(english.text))) - set(identifiers(translated.text))):
        problems.append(f"names of the English missing: {', '.join(missing)}")
    if missing := sorted(set(inline_code(english.text)) - set(inline_code(translated.text))):
        problems.append(f"inline code of the English missing: {', '.join(missing)}")
    if missing := sorted(set(links(english.text)) - set(links(translated.text))):
        problems.append(f"links of the English missing: {', '.join(missing)}")
    en_items, tr_items = list_items(english.text), list_items(translated.text)
    if tr_items != en_items:
        problems.append(f"numbered list items {tr_items}, the English {en_items} (a wrapped line that starts "
                        "with a number and a full stop becomes a list item: move the number up a line)")
    en_cells, tr_cells = cells(english.text), cells(translated.text)
    if len(en_cells) != len(tr_cells):
        problems.append(f"{len(tr_cells)} live cells, the English {len(en_cells)}")
    for n, (a, b) in enumerate(zip(en_cells, tr_cells), 1):
        if code_shape(a) != code_shape(b):
            problems.append(f"cell {n} of the section: its code differs from the English beyond comments and strings")
    return problems


def check(lang: str, page: str) -> list[str]:
    """Fidelity problems of one translated page, each naming its section."""
    if page in NOT_PARALLEL:
        return []
    english = sections(english_path(page).read_text(encoding="utf-8"))
    translated = sections(translation_path(lang, page).read_text(encoding="utf-8"))
    return [f"section {e.heading!r}: {p}" for e, t in zip(english, translated) for p in fidelity(e, t, lang)]


# ------------------------------------------------------------------ CLI ----


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="every translated section whose English has changed")
    for name, text in (("diff", "what changed in the English since the translation was made"),
                       ("mark", "record that the translation follows the current English"),
                       ("check", "numbers, names, links and code of the English present in the translation")):
        one = sub.add_parser(name, help=text)
        one.add_argument("lang", choices=LANGUAGES)
        one.add_argument("page", help="the English page's name, e.g. kmeans")
    args = parser.parse_args(argv)
    if args.command == "status":
        bad = 0
        for lang in LANGUAGES:
            for page in english_pages():
                for problem in stale(lang, page):
                    bad += 1
                    print(f"docs/{page}.{lang}.md: {problem}")
        print("every translation follows its English" if not bad else
              f"{bad} sections behind: `python tools/translations.py diff LANG PAGE` shows what changed")
        return 1 if bad else 0
    if args.page not in english_pages():
        parser.error(f"no page docs/{args.page}.md; pages: {', '.join(english_pages())}")
    if args.command == "diff":
        print(english_diff(args.lang, args.page) or "the translation follows the English", end="\n")
    elif args.command == "mark":
        mark(args.lang, args.page)
        print(f"docs/{args.page}.{args.lang}.md now records the English of today")
    else:
        problems = check(args.lang, args.page)
        print("\n".join(problems) or "nothing of the English is missing")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
