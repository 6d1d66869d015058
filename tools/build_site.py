"""Build the static site into site/: pages, live-cell runtime, Pyodide, service worker.

Run by ``make build``.  Steps, in order:

1. ``mkdocs build`` renders the Markdown; every live cell runs in CPython and
   its output is embedded (a cell that fails unexpectedly fails the build).
2. The Python the browser needs (``clusterlab`` and ``livecells.runner``, as
   ``web/contract.json`` lists them) is packed into a zip; all runtime files go
   into ``assets/livecells/<hash>/``, named by a hash of what they are made of.
3. Pyodide's runtime files (from the npm package) and KaTeX's styles and fonts
   are copied in; nothing is ever loaded from another origin.
4. esbuild bundles the boot script, the worker and the cell UI (with
   CodeMirror), leaving out the benchmark hooks (``BENCH:`` statements).
5. A Pyodide memory snapshot is made in Node (tools/make_snapshot.mjs).
6. The Image lab's samples (docs/image-lab.md): web-sized copies of
   scikit-image's photos and a generated colour gradient, into assets/lab/.
7. The wheel of ``clusterlab`` goes into ``downloads/`` (the notebooks and
   scripts that readers download install it from there).
8. Workbox writes a service worker that precaches every file, for offline use.

``--out DIR`` builds into another folder (the sub-path test, with ``SITE_URL``
set as the Pages workflow sets it); ``--reuse-snapshot SITE`` then copies step
5's snapshot from a build of the same runtime instead of making it again.

``bench_copy()`` makes the copy of the built site that ``bench/bench_site.py``
times: the same, but with the benchmark hooks kept.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
NODE_MODULES = ROOT / "node_modules"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# What the build and the browser agree on: among others, the files of py/ that
# the browser's Python is made of (the library and the cell runner, not the fence).
CONTRACT = json.loads((ROOT / "web" / "contract.json").read_text())
FILES = CONTRACT["files"]  # the runtime's file names


def log(step: str) -> None:
    print(f"[build] {step}", flush=True)


def run(cmd, **kwargs) -> None:
    subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)


def pyodide_version() -> str:
    return json.loads((NODE_MODULES / "pyodide" / "package.json").read_text())["version"]


def pack_python() -> tuple[bytes, str]:
    """Zip the browser's Python files deterministically; return (bytes, short hash)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        files = []
        for pattern in CONTRACT["archive"]:
            files += [p for p in (ROOT / "py").glob(pattern) if p.is_file() and "__pycache__" not in p.parts]
        for path in sorted(set(files)):
            info = zipfile.ZipInfo(str(path.relative_to(ROOT / "py")), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    data = buf.getvalue()
    return data, hashlib.sha256(data).hexdigest()[:12]


def build_wheel(dest: Path) -> Path:
    """Build the pure-Python wheel of ``clusterlab`` into ``dest``; return its path.

    Built from a copy holding only the library (not the build-time cell
    machinery in py/livecells), at the place livecells.notebook.wheel_path says.
    """
    sys.path.insert(0, str(ROOT / "py"))
    from livecells.notebook import wheel_path

    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    target = dest / wheel_path(version)
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / "clusterlab"
        shutil.copytree(ROOT / "py" / "clusterlab", stage / "py" / "clusterlab",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, stage / name)
        done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
                               str(Path(tmp) / "out"), str(stage)], cwd=ROOT, capture_output=True, text=True)
        if done.returncode:  # setuptools' chatter is shown only when the wheel fails
            raise RuntimeError(f"pip wheel failed:\n{done.stdout}{done.stderr}")
        built = Path(tmp) / "out" / target.name
        if not built.exists():
            raise RuntimeError(f"pip wheel did not make {target.name}: {sorted(p.name for p in built.parent.iterdir())}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)
    return target


def copy_vendor(site: Path, pyodide_dir: Path) -> None:
    pyodide_dir.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(NODE_MODULES / "pyodide" / name, pyodide_dir / name)
    katex_src = NODE_MODULES / "katex" / "dist"
    katex_dst = site / "assets" / "vendor" / "katex"
    katex_dst.mkdir(parents=True, exist_ok=True)
    shutil.copy2(katex_src / "katex.min.css", katex_dst / "katex.min.css")
    shutil.copytree(katex_src / "fonts", katex_dst / "fonts", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.ttf", "*.woff"))  # woff2 is enough


def runtime_version(archive: bytes, pyodide: str) -> str:
    """A short hash of everything the browser runtime is made of: it names the
    folder of the runtime files, so a page never mixes old and new ones."""
    h = hashlib.sha256(pyodide.encode() + archive)
    for path in sorted((ROOT / "web").iterdir()) + [ROOT / "tools" / "make_snapshot.mjs"]:
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:12]


def boot_config(pyodide: str, digest: str, version: str) -> dict:
    """What boot.js is told (web/config.js): where Pyodide is, and which build it belongs to."""
    return {"pyodide": f"assets/vendor/pyodide-{pyodide}/", "snapshot": True, "version": digest, "build": version}


def bundle_js(out: Path, config: dict, bench: bool = False) -> None:
    """Bundle boot.js, cells.js and worker.mjs into ``out``.

    Statements labelled ``BENCH:`` (the timings ``make bench`` reads, and its
    ``?no-snapshot``) are dropped unless ``bench`` is true.
    """
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    common = ["--bundle", "--log-level=warning"] + ([] if bench else ["--drop-labels=BENCH"])
    # boot.js with its modules as one script: it comes first in <head>, one request.
    for script in ("boot", "cells"):
        run([str(esbuild), f"web/{FILES[script]}", *common, "--minify", "--format=iife", "--target=es2020",
             f"--define:__LC_CONFIG__={json.dumps(config)}", f"--outfile={out / FILES[script]}"])
    # The worker, with its modules, as one ES module (one request before it starts).
    run([str(esbuild), f"web/{FILES['worker']}", *common, "--format=esm", "--target=es2022",
         f"--outfile={out / FILES['worker']}"])
    shutil.copy2(ROOT / "web" / "cells.css", out / "cells.css")
    shutil.copy2(ROOT / "web" / "lab.css", out / "lab.css")  # the Image lab, loaded only on its page
    run([str(esbuild), f"web/{FILES['lab']}", *common, "--minify", "--format=iife", "--target=es2020",
         f"--outfile={out / FILES['lab']}"])
    # Step players (py/clusterlab/player.py), on every page; player.js with its words (web/words.js).
    run([str(esbuild), f"web/{FILES['player']}", *common, "--minify", "--format=iife", "--target=es2020",
         f"--outfile={out / FILES['player']}"])
    shutil.copy2(ROOT / "web" / "player.css", out / "player.css")


#: The Image lab's sample photos: scikit-image's file, credit (licences from skimage.data's docstrings).
LAB_PHOTOS = {
    "coffee": ("coffee.png", "Coffee cup, by Rachel Michetti, courtesy of Pikolo Espresso Bar (CC0)"),
    "chelsea": ("chelsea.png", "Chelsea the cat, by Stefan van der Walt (CC0)"),
    "astronaut": ("astronaut.png", "Astronaut Eileen Collins, NASA (public domain)"),
}
LAB_MAX_SIDE = 640  # the samples' longest side on the site, in pixels


def lab_samples(dest: Path) -> None:
    """Web-sized JPEG copies of the lab's sample photos and a generated gradient, into ``dest``."""
    import skimage
    from PIL import Image

    dest.mkdir(parents=True, exist_ok=True)
    data = Path(skimage.__file__).parent / "data"
    for name, (file, _credit) in LAB_PHOTOS.items():
        with Image.open(data / file) as im:
            im = im.convert("RGB")
            im.thumbnail((LAB_MAX_SIDE, LAB_MAX_SIDE), Image.LANCZOS)
            im.save(dest / f"{name}.jpg", quality=90, optimize=True)
    # Hue around the circle from left to right, darker towards the bottom: every
    # colour of the RGB cube's outer shell, in smooth gradients.
    w, h = 384, 256
    grad = Image.new("RGB", (w, h))
    import colorsys

    grad.putdata([
        tuple(round(255 * v) for v in colorsys.hsv_to_rgb(x / w, 1 - max(0, 1 - 2 * y / h), min(1, 2 - 2 * y / h)))
        for y in range(h) for x in range(w)
    ])
    grad.save(dest / "gradient.png", optimize=True)


def make_snapshot(pyodide_dir: Path, out: Path, digest: str) -> None:
    """The Pyodide memory snapshot (clusterlab imported) and its manifest, made in Node."""
    run(["node", "tools/make_snapshot.mjs", str(pyodide_dir), str(out / FILES["archive"]),
         str(out / FILES["snapshot"]), str(out / FILES["manifest"]), digest])


def reuse_snapshot(other: Path, out: Path, version: str) -> None:
    """Copy the snapshot and its manifest from the build in ``other`` into ``out``.

    Safe because the runtime folder is named by a hash of everything the
    snapshot is made from (Pyodide's version, py.zip, web/, make_snapshot.mjs).
    """
    source = other / "assets" / "livecells" / version
    names = (FILES["snapshot"], FILES["manifest"])
    if not all((source / name).is_file() for name in names):
        raise SystemExit(f"--reuse-snapshot: {source} holds no snapshot of this runtime; "
                         f"build that site from the current sources first (`make build`).")
    for name in names:
        shutil.copy2(source / name, out / name)
    log(f"snapshot copied from {source}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the static site (see this module's docstring).")
    parser.add_argument("--out", type=Path, default=SITE, help="the folder to build into (default: site/)")
    parser.add_argument("--reuse-snapshot", type=Path, metavar="SITE",
                        help="copy the Pyodide snapshot from this built site instead of making it again")
    args = parser.parse_args(argv)
    site = args.out.resolve()
    pyodide = pyodide_version()
    data, digest = pack_python()
    version = runtime_version(data, pyodide)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", LIVECELLS_VERSION=version)
    log("mkdocs build (runs every live cell in CPython)")
    run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], env=env)

    config = boot_config(pyodide, digest, version)
    log(f"copy Pyodide {pyodide} and KaTeX")
    copy_vendor(site, site / config["pyodide"])

    out = site / "assets" / "livecells" / version
    out.mkdir(parents=True, exist_ok=True)
    (out / FILES["archive"]).write_bytes(data)
    log(f"runtime files -> assets/livecells/{version}/ (clusterlab + cell runner: {len(data):,} bytes)")
    if args.reuse_snapshot:
        reuse_snapshot(args.reuse_snapshot.resolve(), out, version)
    else:
        make_snapshot(site / config["pyodide"], out, digest)
    bundle_js(out, config)
    log("Image lab samples -> assets/lab/")
    lab_samples(site / "assets" / "lab")
    wheel = build_wheel(site)
    log(f"wheel -> {wheel.relative_to(site)} ({wheel.stat().st_size:,} bytes)")

    log("service worker (Workbox)")
    run(["node", "tools/make_sw.mjs", str(site)])
    log(f"done: {site}")
    return 0


def bench_copy(dest: Path) -> Path:
    """Copy the built site to ``dest``, with the runtime's benchmark hooks kept.

    Only boot.js, cells.js, worker.mjs and the service worker's list of files
    differ from site/.  Fails if site/ was not built from the current sources.
    """
    pyodide = pyodide_version()
    data, digest = pack_python()
    version = runtime_version(data, pyodide)
    out = Path("assets") / "livecells" / version
    if not (SITE / out).is_dir():
        raise RuntimeError(f"site/ has no {out}/: run `make build` first.")
    shutil.copytree(SITE, dest)
    bundle_js(dest / out, boot_config(pyodide, digest, version), bench=True)
    run(["node", "tools/make_sw.mjs", str(dest)])
    return dest


if __name__ == "__main__":
    sys.exit(main())
