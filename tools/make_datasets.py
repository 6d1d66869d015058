"""Regenerate the data files shipped in ``py/clusterlab/data/`` (build time only).

    .venv/bin/python tools/make_datasets.py [--islp-wheel PATH] [--skimage-wheel PATH] [--check]

* ``iris.csv`` -- Fisher's iris (150 x 4 + species) from scikit-learn's
  bundled copy, which equals R's ``datasets::iris`` (both follow Fisher's
  1936 paper; the UCI ``iris.data`` file has two wrong rows, 35 and 38).
* ``nci60.i32.zz`` and ``nci60_labels.txt`` -- the NCI60 expression matrix
  (64 cell lines x 6830 genes) and the 64 cancer-type labels from the ISLP
  package (``ISLP/data/NCI60data.npy`` and ``NCI60labs.csv``).  The wheel is
  downloaded with ``pip download --no-deps islp==0.6.0`` into a temporary
  folder unless ``--islp-wheel`` names one already on disk.

NCI60 storage format (read by ``clusterlab.datasets._read_matrix``): the
header ``struct.pack("<4sHIIB", b"CLMX", 1, rows, cols, decimals)`` followed by
the zlib-compressed little-endian int32 values ``round(x * 10**decimals)``,
row by row, with ``decimals = 8``.  ISLP's values are measured log ratios
with two to three decimals, shifted by centring residues written with about
7 significant digits (e.g. -0.6549805, 1.953125e-05, -2.6e-18); rounding to 8
decimals moves every value by at most 5e-9 and leaves 98.6 % of them
bit-identical (``n / 1e8`` is the double nearest the decimal ``n``e-8).
The matrix is 1.04 MB this way (int16 with 3 decimals would be 0.64 MB but
change a third of the values by up to 5e-4).

Photo storage format (read by ``clusterlab.datasets._read_photo``): the header
``struct.pack("<4sHHHB", b"CLPX", 1, width, height, 3)`` followed by the
zlib-compressed RGB bytes, row by row from the top left.

The ten points A-J of ``clusterlab.datasets.ten_points`` come from a separate
search, ``tools/search_ten_points.py``; the cities' densities and the lecture's
points a-e are typed into ``datasets.py`` directly.

``--check`` rebuilds into memory and compares with the files on disk (the
matrix by its decompressed values, as zlib's output can vary between zlib
versions); exit status 1 if any differ.  Nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import io
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "py" / "clusterlab" / "data"
ISLP_VERSION = "0.6.0"
SKIMAGE_VERSION = "0.26.0"
PHOTOS = {"coffee": "skimage/data/coffee.png", "chelsea": "skimage/data/chelsea.png"}
PHOTO_SIZE = (120, 80)  # width, height: 9600 pixels, 3:2 like both originals
PHOTO_HEADER = "<4sHHHB"
NCI60_DECIMALS = 8
MAGIC = b"CLMX"
HEADER = "<4sHIIB"


def iris_csv() -> bytes:
    """Fisher's iris as CSV text with R-like column names (snake case)."""
    from sklearn.datasets import load_iris

    d = load_iris()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["sepal_length", "sepal_width", "petal_length", "petal_width", "species"])
    for row, t in zip(d.data, d.target):
        # sklearn's values are decimals with one place; repr of the rounded float is exact
        w.writerow([repr(round(float(v), 1)) for v in row] + [str(d.target_names[t])])
    return out.getvalue().encode()


def wheel_of(project: str, version: str, path: str | None, tmp: str) -> Path:
    """A project's wheel: ``path`` if given, else downloaded into ``tmp`` with pip."""
    if path:
        return Path(path)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", f"{project}=={version}", "-d", tmp],
        check=True,
    )
    stem = project.replace("-", "_")
    (wheel,) = (w for w in Path(tmp).glob("*.whl") if w.name.lower().startswith(stem + "-"))
    return wheel


def photo_file(wheel: Path, member: str) -> bytes:
    """A photo from the scikit-image wheel, shrunk to PHOTO_SIZE, in the CLPX format."""
    from PIL import Image

    with zipfile.ZipFile(wheel) as z, Image.open(io.BytesIO(z.read(member))) as im:
        small = im.convert("RGB").resize(PHOTO_SIZE, Image.Resampling.LANCZOS)
    width, height = small.size
    return struct.pack(PHOTO_HEADER, b"CLPX", 1, width, height, 3) + zlib.compress(small.tobytes(), 9)


def read_islp(wheel: Path):
    """(matrix as float64 array, list of labels) from the ISLP wheel."""
    with zipfile.ZipFile(wheel) as z:
        X = np.load(io.BytesIO(z.read("ISLP/data/NCI60data.npy")), allow_pickle=False)
        text = z.read("ISLP/data/NCI60labs.csv").decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["label"], rows[0]
    labels = [r[0] for r in rows[1:]]
    assert X.shape == (len(labels), 6830), X.shape
    return X, labels


def encode_matrix(X: np.ndarray, decimals: int) -> bytes:
    scaled = np.round(X * 10**decimals)
    assert np.abs(scaled).max() < 2**31 - 1
    body = scaled.astype("<i4").tobytes()
    rows, cols = X.shape
    return struct.pack(HEADER, MAGIC, 1, rows, cols, decimals) + zlib.compress(body, 9)


def build(wheel: Path, skimage_wheel: Path) -> dict[str, bytes]:
    X, labels = read_islp(wheel)
    err = np.abs(np.round(X * 10**NCI60_DECIMALS) / 10**NCI60_DECIMALS - X).max()
    print(f"NCI60 {X.shape}, stored with {NCI60_DECIMALS} decimals, max error {err:.2e}")
    return {
        "iris.csv": iris_csv(),
        "nci60.i32.zz": encode_matrix(X, NCI60_DECIMALS),
        "nci60_labels.txt": ("\n".join(labels) + "\n").encode(),
        **{f"photo_{name}.rgb.zz": photo_file(skimage_wheel, member) for name, member in PHOTOS.items()},
    }


def _content(name: str, blob: bytes) -> bytes:
    """What a file means: zlib output may differ between zlib versions, so the
    matrix and photo files are compared by their header and decompressed values."""
    if name.endswith(".zz"):
        size = struct.calcsize(PHOTO_HEADER if name.startswith("photo_") else HEADER)
        return blob[:size] + zlib.decompress(blob[size:])
    return blob


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--islp-wheel", help="path of islp-0.6.0-py3-none-any.whl (else pip downloads it)")
    ap.add_argument("--skimage-wheel", help=f"path of scikit-image {SKIMAGE_VERSION}'s wheel (else pip downloads it)")
    ap.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        files = build(wheel_of("islp", ISLP_VERSION, args.islp_wheel, tmp),
                      wheel_of("scikit-image", SKIMAGE_VERSION, args.skimage_wheel, tmp))
    status = 0
    for name, blob in files.items():
        path = DATA / name
        if args.check:
            same = path.exists() and _content(name, path.read_bytes()) == _content(name, blob)
            print(f"{name}: {'up to date' if same else 'DIFFERS'}")
            status |= not same
        else:
            DATA.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob)
            print(f"wrote {path.relative_to(ROOT)} ({len(blob):,} bytes)")
    return status


if __name__ == "__main__":
    sys.exit(main())
