"""The course's example data, as plain Python lists (no numpy needed).

============================  ==================================================
``points_a_to_e()``           the lecture's five points a-e (2 features)
``ten_points()``              the tutorial's ten points A-J (2 features)
``city_density()``            population density of ten cities A-J (1 feature)
``load_iris()``               Fisher's iris: 150 flowers x 4 measurements
``load_nci60()``              NCI60 gene expression: 64 cell lines x 6830 genes
``load_photo(name)``          a small photo as pixels: one row (r, g, b) per pixel
``PHOTOS``                    the names ``load_photo`` knows
============================  ==================================================

Every loader returns a :class:`Dataset`: ``data`` (a list of rows of floats,
ready for any clusterlab function), ``feature_names``, ``row_names`` (or
None), ``target`` (the known class of every row, or None) and
``description`` (where the data come from and whom to credit).  A photo's
Dataset also has ``width`` and ``height``; :meth:`Dataset.standardized` gives
a copy whose every feature has mean 0 and standard deviation 1.

>>> ds = points_a_to_e()
>>> ds
Dataset('points_a_to_e', 5 rows x 2 features)
   x1  x2
a   1   1
b   2   1
c   4   5
...
>>> ds.data[3], ds.row_names[3]
([7.0, 7.0], 'd')
>>> load_iris().shape
(150, 4)
"""

from __future__ import annotations

import csv
import io
import math
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from ._language import readable, say, say_count
from ._text import text_table
from ._validate import as_int, as_list, public_names

__all__ = [
    "PHOTOS",
    "Dataset",
    "city_density",
    "load_iris",
    "load_nci60",
    "load_photo",
    "points_a_to_e",
    "ten_points",
]

_DATA = Path(__file__).resolve().parent / "data"


@dataclass(repr=False)
class Dataset:
    """A data set: observations in ``data``, one list of floats per row.

    ``feature_names[j]`` names column j, ``row_names[i]`` (if not None) row i,
    ``target[i]`` (if not None) the known class of row i.  For an image,
    ``width`` and ``height`` give its size (rows are its pixels, row by row).
    """

    name: str
    data: list
    feature_names: list
    row_names: list | None = None
    target: list | None = None
    description: str = field(default="", compare=False)
    width: int | None = None
    height: int | None = None

    @property
    def shape(self) -> tuple:
        """(number of rows, number of features)."""
        return (len(self.data), len(self.feature_names))

    def __len__(self) -> int:
        return len(self.data)

    def column(self, feature) -> list:
        """All values of one feature, given by name or 0-based position.

        >>> ten = city_density()
        >>> ten.column("density")[:3]
        [636.0, 473.0, 487.0]
        """
        j = _feature_index(self.feature_names, feature, say("error.what_feature"))
        return [row[j] for row in self.data]

    def standardized(self) -> Dataset:
        """A copy with every feature centred and scaled: (x - mean) / standard deviation.

        The standard deviation divides by n (as scikit-learn's ``StandardScaler``
        and ISLP do), so each new column has mean 0 and standard deviation 1
        and is measured in "standard deviations from the mean", whatever its
        original unit.  A constant column has nothing to scale by and becomes 0.

        >>> ds = city_density().standardized()
        >>> [round(row[0], 2) for row in ds.data[:3]], ds.name
        ([0.5, -0.57, -0.48], 'city_density (standardized)')
        """
        n = len(self.data)
        means, sds = [], []
        for col in zip(*self.data):
            mean = math.fsum(col) / n
            means.append(mean)
            sds.append(math.sqrt(math.fsum((v - mean) ** 2 for v in col) / n))
        data = [[(v - m) / s if s > 0 else 0.0 for v, m, s in zip(row, means, sds)] for row in self.data]
        return Dataset(
            name=f"{self.name} (standardized)",
            data=data,
            feature_names=list(self.feature_names),
            row_names=None if self.row_names is None else list(self.row_names),
            target=None if self.target is None else list(self.target),
            description=self.description,
        )

    def __repr__(self) -> str:
        rows_total, cols = self.shape
        image = "" if self.width is None else say("dataset.image", width=self.width, height=self.height)
        classes = None if self.target is None else len(set(self.target))
        head = say(
            "dataset.head",
            name=self.name,
            rows=say_count("dataset.rows", rows_total, n=rows_total),
            features=say_count("dataset.features", cols, n=cols),
            image=image,
            target="" if classes is None else say_count("dataset.target", classes, k=classes),
        )
        show_cols = min(cols, 6)
        shown = self.data[:3]
        names = self.row_names[:3] if self.row_names is not None else [str(i) for i in range(len(shown))]
        more = ["..."] if cols > show_cols else []
        header = ["", *self.feature_names[:show_cols], *more]
        rows = [[n, *(readable(f"{v:g}") for v in row[:show_cols]), *more] for n, row in zip(names, shown)]
        align = "l" + "r" * show_cols + "l" * len(more)
        if self.target is not None:
            header.append("")
            rows = [[*r, str(t)] for r, t in zip(rows, self.target)]
            align += "l"
        lines = [head, text_table(header, rows, align=align)]
        if rows_total > len(shown):
            lines.append("...")
        return "\n".join(lines)


def _feature_index(names, feature, what):
    """Position of ``feature`` (a name or an index) among ``names``, or a clear error.

    ``what`` names the kind of thing looked up in the error message: the word
    for "column" or "feature" in clusterlab's language.
    """
    if isinstance(feature, str):
        key = _normal(feature)
        for j, n in enumerate(names):
            if _normal(n) == key:
                return j
        listed = ", ".join(repr(n) for n in names[:8]) + (", ..." if len(names) > 8 else "")
        raise ValueError(say("error.unknown_feature", what=what, feature=feature, listed=listed))
    return as_int(feature, what, minimum=-len(names), maximum=len(names) - 1) % len(names)


def _normal(name: str) -> str:
    """'Petal.Length', 'petal length (cm)' and 'petal_length' all become 'petal_length'."""
    s = str(name).strip().lower().replace(" (cm)", "")
    return "".join(ch if ch.isalnum() else "_" for ch in s)


# ------------------------------------------------------------- small data ---


def points_a_to_e() -> Dataset:
    """The lecture's five points a(1,1), b(2,1), c(4,5), d(7,7), e(5,7).

    >>> from clusterlab.distance import distance_matrix
    >>> [round(d, 1) for d in distance_matrix(points_a_to_e().data)[2]]
    [5.0, 4.5, 0.0, 3.6, 2.2]
    """
    return Dataset(
        name="points_a_to_e",
        data=[[1.0, 1.0], [2.0, 1.0], [4.0, 5.0], [7.0, 7.0], [5.0, 7.0]],
        feature_names=["x1", "x2"],
        row_names=list("abcde"),
        description=(
            "Five points a-e with two variables x1, x2: the worked example of hierarchical "
            "clustering in the NTNU lecture 'Klyngeanalyse' (ISTx1003, autumn 2020)."
        ),
    )


# Found by tools/search_ten_points.py (differential evolution + SLSQP on
# [0, 10]^2, then simulated annealing on the grid of halves; the best of
# `--step 0.5 --seeds 4` came from seed 1).  Every decision of both narratives
# is won by at least 0.19: each point's three centroid distances differ by
# >= 0.19 in every K-means iteration, each merge is >= 0.19 shorter than the
# next-closest pair, and the merge heights rise by >= 0.19 (no inversion).
# tests/test_seeds.py checks both narratives with clusterlab, scipy and sklearn.
_TEN_POINTS = [
    (0.0, 0.5), (0.0, 1.5), (3.5, 3.5), (1.0, 3.5), (7.0, 5.0),  # A B C D E
    (10.0, 2.5), (7.0, 0.5), (7.5, 9.0), (0.0, 9.5), (2.0, 10.0),  # F G H I J
]


def ten_points() -> Dataset:
    """Ten points A-J that reproduce both worked examples of the Indonesian tutorial.

    K-means (K = 3) from the points C, G and I gives {A,B,C,D,E,H}, {F,G},
    {I,J} in iteration 1, {A,B,C,D}, {E,F,G}, {H,I,J} in iteration 2 and the
    same again in iteration 3.  Agglomerative clustering with centroid
    linkage merges AB, IJ, CD, ABCD, FG, EFG, EFGH, ABCDEFGH and finally all.

    >>> ds = ten_points()
    >>> ds.shape, "".join(ds.row_names)
    ((10, 2), 'ABCDEFGHIJ')
    """
    return Dataset(
        name="ten_points",
        data=[list(p) for p in _TEN_POINTS],
        feature_names=["x1", "x2"],
        row_names=list("ABCDEFGHIJ"),
        description=(
            "Ten points A-J for the step-by-step examples of an Indonesian tutorial on "
            "hierarchical clustering (centroid linkage) and K-means (initial centroids C, G, I). "
            "The tutorial gives its points only as pictures; these coordinates were constructed "
            "by clusterlab (tools/search_ten_points.py) so that both narratives hold with a "
            "clear margin, no ties and no inversions."
        ),
    )


def city_density() -> Dataset:
    """Population density (thousands per km^2) of ten cities A-J; one feature.

    >>> ds = city_density()
    >>> ds.data[:2], ds.row_names[7], ds.data[7]
    ([[636.0], [473.0]], 'H', [244.0])
    """
    values = [636, 473, 487, 576, 788, 639, 777, 244, 511, 468]
    return Dataset(
        name="city_density",
        data=[[float(v)] for v in values],
        feature_names=["density"],
        row_names=list("ABCDEFGHIJ"),
        description=(
            "Population density (thousands per square km) of ten cities A-J of a province: "
            "the one-dimensional K-means example (K = 2, initial centroids H and G) of an "
            "Indonesian tutorial."
        ),
    )


# ------------------------------------------------------------------ iris ---

_IRIS_DESCRIPTION = (
    "Fisher's iris data: sepal length, sepal width, petal length and petal width (cm) of "
    "50 flowers of each of Iris setosa, versicolor and virginica, measured by Edgar Anderson. "
    "Source: R. A. Fisher (1936), 'The use of multiple measurements in taxonomic problems', "
    "Annals of Eugenics 7(2), 179-188. This copy is scikit-learn's (sklearn.datasets.load_iris), "
    "which equals R's datasets::iris and Fisher's paper; the UCI Machine Learning Repository's "
    "iris.data (doi:10.24432/C56C76, CC BY 4.0) differs in two rows: 35 has petal width 0.1 "
    "instead of 0.2, and 38 has sepal width 3.1 and petal length 1.5 instead of 3.6 and 1.4. "
    "Measurements are facts in the public domain; credit Fisher (1936) and the UCI repository."
)


def load_iris(columns=None) -> Dataset:
    """Fisher's iris: 150 flowers x 4 measurements (cm), ``target`` = species.

    ``columns`` picks features by name or 0-based position; names may be
    written as in R (``"Petal.Length"``), scikit-learn (``"petal length (cm)"``)
    or here (``"petal_length"``).

    >>> iris = load_iris(columns=["Petal.Length", "Petal.Width"])
    >>> iris.feature_names, iris.data[0], iris.target[0]
    (['petal_length', 'petal_width'], [1.4, 0.2], 'setosa')
    """
    text = (_DATA / "iris.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    names = header[:4]
    data = [[float(v) for v in r[:4]] for r in body]
    target = [r[4] for r in body]
    if columns is not None:
        items = [columns] if isinstance(columns, (str, int)) else as_list(columns)
        if items is None:
            raise TypeError(say("error.columns_type", kind=type(columns).__name__))
        if not items:
            raise ValueError(say("error.columns_empty", names=", ".join(names)))
        idx = [_feature_index(names, c, say("error.what_column")) for c in items]
        if len(set(idx)) != len(idx):
            raise ValueError(say("error.columns_twice", columns=list(items)))
        data = [[r[j] for j in idx] for r in data]
        names = [names[j] for j in idx]
    return Dataset(name="iris", data=data, feature_names=names, row_names=None,
                   target=target, description=_IRIS_DESCRIPTION)


# ----------------------------------------------------------------- NCI60 ---

_MATRIX_HEADER = "<4sHIIB"  # magic, version, rows, cols, decimals (see tools/make_datasets.py)


def _read_matrix(path: Path) -> list:
    """Rows of floats from a file written by ``tools/make_datasets.py``.

    Format: ``struct`` header ``<4sHIIB`` (b"CLMX", version 1, rows, cols,
    decimals), then zlib-compressed little-endian int32 values
    ``round(x * 10**decimals)``, row by row.
    """
    blob = path.read_bytes()
    size = struct.calcsize(_MATRIX_HEADER)
    magic, version, rows, cols, decimals = struct.unpack(_MATRIX_HEADER, blob[:size])
    if magic != b"CLMX" or version != 1:
        raise ValueError(say("error.matrix_file", file=path.name))
    values = array("i")
    if values.itemsize != 4:  # pragma: no cover - every platform Python runs on has 4-byte int
        values = array("l")
    values.frombytes(zlib.decompress(blob[size:]))
    if sys.byteorder == "big":  # pragma: no cover
        values.byteswap()
    if len(values) != rows * cols:
        raise ValueError(say("error.matrix_size", file=path.name, got=len(values), rows=rows, cols=cols))
    scale = 10.0**decimals
    # n / 10**d (not n * 10**-d): the division is correctly rounded, so it gives
    # exactly the double nearest the decimal number n e-d.
    return [[v / scale for v in values[i * cols:(i + 1) * cols]] for i in range(rows)]


_NCI60_DESCRIPTION = (
    "NCI60 cancer cell line microarray data: expression of 6830 genes (log ratios) in 64 "
    "samples, with each one's cancer type: 60 cell lines and 4 repeat measurements of two of "
    "them, K562 and MCF7 (14 labels, the repeats labelled like 'K562A-repro'). Original: D. T. Ross et al. (2000), 'Systematic variation in "
    "gene expression patterns in human cancer cell lines', Nature Genetics 24(3), 227-235. "
    "This copy: the ISLP package 0.6.0 (G. James, D. Witten, T. Hastie, R. Tibshirani, "
    "J. Taylor; BSD licence), files ISLP/data/NCI60data.npy and NCI60labs.csv, stored "
    "rounded to 8 decimals: every value is within 5e-9 of ISLP's and 98.6 % are identical."
)


def load_nci60() -> Dataset:
    """NCI60 gene expression: 64 cell lines x 6830 genes, ``target`` = cancer type.

    >>> nci = load_nci60()
    >>> nci.shape, nci.target[:2], nci.data[0][:3]
    ((64, 6830), ['CNS', 'CNS'], [0.3, 1.18, 0.55])
    """
    data = _read_matrix(_DATA / "nci60.i32.zz")
    labels = (_DATA / "nci60_labels.txt").read_text(encoding="utf-8").split()
    if len(labels) != len(data):
        raise ValueError(say("error.nci60_labels", labels=len(labels), rows=len(data)))
    return Dataset(
        name="nci60",
        data=data,
        feature_names=[f"gene_{j + 1}" for j in range(len(data[0]))],
        row_names=None,
        target=labels,
        description=_NCI60_DESCRIPTION,
    )


# ---------------------------------------------------------------- photos ---

_PHOTO_HEADER = "<4sHHHB"  # magic, version, width, height, channels (see tools/make_datasets.py)

#: The photos :func:`load_photo` knows, with their credits.
PHOTOS = {
    "coffee": (
        "A cup of espresso on a saucer, on a wooden table. Photograph by Rachel Michetti, "
        "courtesy of Pikolo Espresso Bar; released under CC0 (no copyright restrictions). "
        "From scikit-image's sample data (skimage.data.coffee, scikit-image 0.26.0), "
        "shrunk from 600 x 400 to 120 x 80 pixels."
    ),
    "chelsea": (
        "Chelsea the cat. Photograph by Stefan van der Walt; released under CC0 (no copyright "
        "restrictions). From scikit-image's sample data (skimage.data.chelsea, scikit-image "
        "0.26.0), shrunk from 451 x 300 to 120 x 80 pixels."
    ),
}


def _read_photo(path: Path) -> tuple:
    """(width, height, RGB bytes) from a file written by ``tools/make_datasets.py``."""
    blob = path.read_bytes()
    size = struct.calcsize(_PHOTO_HEADER)
    magic, version, width, height, channels = struct.unpack(_PHOTO_HEADER, blob[:size])
    if magic != b"CLPX" or version != 1 or channels != 3:
        raise ValueError(say("error.photo_file", file=path.name))
    pixels = zlib.decompress(blob[size:])
    if len(pixels) != width * height * 3:
        raise ValueError(say("error.photo_size", file=path.name, got=len(pixels), width=width, height=height))
    return width, height, pixels


def load_photo(name: str = "coffee") -> Dataset:
    """A small photo as a data matrix: one row ``[r, g, b]`` (0-255) per pixel.

    The rows run pixel by pixel along each image row, from the top left, so
    ``n = width * height``; ``width`` and ``height`` say how to put them back
    together (e.g. ``clusterlab.plot.image(ds.data, ds.width, ds.height, 3)``).
    ``name`` is one of :data:`PHOTOS`; each photo's credit is in its
    ``description``.

    >>> photo = load_photo("coffee")
    >>> photo.shape, (photo.width, photo.height), photo.feature_names
    ((9600, 3), (120, 80), ['R', 'G', 'B'])
    >>> photo.data[0]
    [21.0, 13.0, 8.0]
    """
    if not isinstance(name, str):
        raise TypeError(say("error.photo_name_type", kind=type(name).__name__))
    if name not in PHOTOS:
        raise ValueError(say("error.unknown_photo", name=name, listed=", ".join(map(repr, PHOTOS))))
    width, height, pixels = _read_photo(_DATA / f"photo_{name}.rgb.zz")
    values = [float(v) for v in pixels]
    return Dataset(
        name=name,
        data=[values[i:i + 3] for i in range(0, len(values), 3)],
        feature_names=["R", "G", "B"],
        description=PHOTOS[name],
        width=width,
        height=height,
    )


__dir__ = public_names(__all__)  # dir() and tab completion show the module's own names
