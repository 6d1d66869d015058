"""What each language of the site costs in bytes: the built site/ against an
English-only build of the same pages (mkdocs.yml with ``build: false`` for the
other languages), file by file outside ``assets/`` and ``downloads/`` (the
runtime, Pyodide and the snapshot are shared by every language).

``python tools/language_bytes.py`` after ``make build`` (README.md, "Languages").
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
#: The service worker lists every file of the site (web/contract.json).
SERVICE_WORKER = json.loads((ROOT / "web" / "contract.json").read_text())["files"]["serviceWorker"]


def pages(root: Path) -> dict[str, bytes]:
    """The files of a built site outside the shared runtime, by path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not p.relative_to(root).as_posix().startswith(("assets/", "downloads/"))
        and p.name != SERVICE_WORKER
    }


def size(files: dict[str, bytes]) -> tuple[int, int]:
    return sum(map(len, files.values())), sum(len(gzip.compress(v, 9)) for v in files.values())


def english_only(dest: Path) -> Path:
    """Build the default language alone into ``dest`` (its cells run in CPython, as in make build)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    alone = re.sub(r"(- locale: (?!en\b)\w+\n(?:\s+\w+: .*\n)*?\s+build: )true", r"\1false", config)
    if alone.count("build: false") < 1:
        raise RuntimeError("mkdocs.yml has no other language to leave out (plugins: i18n, languages).")
    version = next((SITE / "assets" / "livecells").iterdir()).name
    with tempfile.NamedTemporaryFile("w", suffix=".yml", dir=ROOT, delete=False) as tmp:
        tmp.write(alone)
    try:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", LIVECELLS_VERSION=version)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", tmp.name, "-d", str(dest)],
                       cwd=ROOT, env=env, check=True)
    finally:
        os.unlink(tmp.name)
    return dest


def main() -> int:
    if not (SITE / "index.html").exists():
        raise SystemExit("site/ is not built: run `make build` first.")
    full = pages(SITE)
    with tempfile.TemporaryDirectory() as tmp:
        english = pages(english_only(Path(tmp) / "site"))
    folders = sorted({k.split("/", 1)[0] for k in full if re.fullmatch(r"[a-z]{2}/.*", k)})
    rows = [("the default language's pages, built alone", *size(english))]
    rows += [(f"{lang}/", *size({k: v for k, v in full.items() if k.startswith(f"{lang}/")})) for lang in folders]
    default = {k: v for k, v in full.items() if not k.startswith(tuple(f"{lang}/" for lang in folders))}
    rows.append(("added to the default language's pages", size(default)[0] - size(english)[0],
                 size(default)[1] - size(english)[1]))
    for name, raw, packed in rows:
        print(f"{name:45} {raw:>12,} B {packed:>12,} B gzip")
    whole = sum(p.stat().st_size for p in SITE.rglob("*") if p.is_file())
    print(f"{'the whole site':45} {whole:>12,} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
