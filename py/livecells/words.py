"""The runtime's words in the site's languages, for the build (web/words.json).

The browser reads the same file (web/words.js), so the status line, the
buttons and the messages the build writes into a page are the ones the page's
script shows later.  A page's language is its ``<html lang>``: the theme
language of the build that renders it (mkdocs.yml, plugin i18n).

>>> words("nb")["status"]["ready"]
'Python: klar'
>>> fill(words("en")["page"]["output"], index=3)
'Output of cell 3'
>>> words("fr")
Traceback (most recent call last):
...
ValueError: no words for language 'fr' in web/words.json; it has en, nb, id: add the language there (every key of 'en').
"""

from __future__ import annotations

import json
import re
from pathlib import Path

__all__ = ["DEFAULT", "LANGUAGES", "PARTS", "WORDS", "fields", "fill", "words"]

#: The file: by part ("status", "cell", ...), then language code, then key.
WORDS: dict = json.loads((Path(__file__).resolve().parents[2] / "web" / "words.json").read_text(encoding="utf-8"))
#: The site's languages, English (the default) first.
LANGUAGES: tuple[str, ...] = tuple(WORDS["languages"])
#: The parts of the file.
PARTS: tuple[str, ...] = tuple(k for k in WORDS if k not in ("about", "languages"))
DEFAULT = "en"
_FIELD = re.compile(r"\{(\w+)\}")


def words(lang: str) -> dict:
    """All the runtime's words in language ``lang`` ('en', 'nb', 'id'), by part."""
    if lang not in LANGUAGES:
        raise ValueError(
            f"no words for language {lang!r} in web/words.json; it has {', '.join(LANGUAGES)}: "
            f"add the language there (every key of {DEFAULT!r})."
        )
    return {part: WORDS[part][lang] for part in PARTS}


def fill(text: str, **values) -> str:
    """``text`` with its ``{fields}`` filled in, as web/words.js fills them."""
    return _FIELD.sub(lambda m: str(values[m.group(1)]), text)


def fields(text: str) -> set[str]:
    """The names of the ``{fields}`` in ``text``."""
    return set(_FIELD.findall(text))
