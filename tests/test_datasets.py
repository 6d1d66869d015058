"""clusterlab.datasets: shapes, values, provenance, options and the stored files."""

import csv
import hashlib
import io
import struct
import subprocess
import sys
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from clusterlab import datasets
from clusterlab.datasets import Dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "py" / "clusterlab" / "data"
LOADERS = [datasets.points_a_to_e, datasets.ten_points, datasets.city_density,
           datasets.load_iris, datasets.load_nci60]


@pytest.fixture(scope="module")
def nci60():
    return datasets.load_nci60()


# ------------------------------------------------------------ every loader ---


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_loader_contract(loader):
    ds = loader()
    assert isinstance(ds, Dataset)
    n, p = ds.shape
    assert len(ds) == n == len(ds.data) and p == len(ds.feature_names) > 0
    assert all(type(row) is list and len(row) == p for row in ds.data)
    assert all(type(v) is float for row in ds.data[:5] for v in row)
    assert all(isinstance(f, str) for f in ds.feature_names)
    assert len(set(ds.feature_names)) == p
    if ds.row_names is not None:
        assert len(ds.row_names) == n and len(set(ds.row_names)) == n
    if ds.target is not None:
        assert len(ds.target) == n and all(isinstance(t, str) for t in ds.target)
    assert len(ds.description) > 80
    text = repr(ds)
    assert text.startswith(f"Dataset({ds.name!r}, {n} rows x {p} features")
    assert len(text.splitlines()) <= 6


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_loaders_return_fresh_copies(loader):
    a = loader()
    a.data[0][0] = -12345.0
    assert loader().data[0][0] != -12345.0


def test_repr_shows_names_first_rows_and_classes():
    text = repr(datasets.load_iris())
    assert "target with 3 classes" in text
    assert "petal_length" in text.splitlines()[1]
    assert text.splitlines()[2].split() == ["0", "5.1", "3.5", "1.4", "0.2", "setosa"]
    assert repr(datasets.load_nci60()).splitlines()[2].split()[:4] == ["0", "0.3", "1.18", "0.55"]
    assert repr(datasets.city_density()).splitlines()[2].split() == ["A", "636"]


def test_column():
    iris = datasets.load_iris()
    assert iris.column("Petal.Width")[:2] == [0.2, 0.2]
    assert iris.column(-1) == iris.column(3)
    with pytest.raises(ValueError, match="unknown feature 'petal'"):
        iris.column("petal")
    with pytest.raises(ValueError, match="feature must be at most 3"):
        iris.column(4)


# --------------------------------------------------------------- small data ---


def test_points_a_to_e():
    ds = datasets.points_a_to_e()
    assert ds.data == [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
    assert ds.row_names == list("abcde") and ds.feature_names == ["x1", "x2"]
    assert ds.target is None


def test_city_density():
    ds = datasets.city_density()
    assert [row[0] for row in ds.data] == [636, 473, 487, 576, 788, 639, 777, 244, 511, 468]
    assert ds.row_names == list("ABCDEFGHIJ") and ds.feature_names == ["density"]


def test_ten_points_layout():
    ds = datasets.ten_points()
    assert ds.shape == (10, 2) and ds.row_names == list("ABCDEFGHIJ")
    X = np.array(ds.data)
    assert X.min() >= 0 and X.max() <= 10
    np.testing.assert_array_equal(X * 2, np.round(X * 2))  # halves, as searched
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))[np.triu_indices(10, 1)]
    assert d.min() >= 1.0  # readable as a picture


def test_ten_points_margins():
    """Every decision of both narratives is won by at least 0.1 (see the search script)."""
    from search_ten_points import margins, verify

    m = margins(datasets.ten_points().data)
    assert len(m) == 3 * 30 + 2 * 9 - 1
    assert min(m) >= 0.18
    verify(np.array(datasets.ten_points().data))  # scipy + scikit-learn


# --------------------------------------------------------------------- iris ---


def test_iris_equals_scikit_learn_and_r():
    from sklearn.datasets import load_iris

    ds = datasets.load_iris()
    sk = load_iris()
    assert ds.shape == (150, 4)
    np.testing.assert_array_equal(np.array(ds.data), sk.data)
    assert ds.target == [str(sk.target_names[t]) for t in sk.target]
    assert Counter(ds.target) == {"setosa": 50, "versicolor": 50, "virginica": 50}
    # R's datasets::iris rows 35 and 38 (1-based); UCI's iris.data has 4.9,3.1,1.5,0.1 in both
    assert ds.data[34] == [4.9, 3.1, 1.5, 0.2]
    assert ds.data[37] == [4.9, 3.6, 1.4, 0.1]
    assert ds.feature_names == ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    assert "Fisher" in ds.description and "UCI" in ds.description and "CC BY 4.0" in ds.description


def test_iris_file_checksum():
    assert hashlib.sha256((DATA / "iris.csv").read_bytes()).hexdigest() == (
        "9cc1c345c71bcc9b486b74cbf6063fa66f4bb5e0f603a4b3c3471ec2e5e8e355"
    )


@pytest.mark.parametrize("columns", [
    ["petal_length", "petal_width"], ["Petal.Length", "Petal.Width"],
    ("petal length (cm)", "petal width (cm)"), [2, 3], [-2, -1], np.array([2, 3]),
])
def test_iris_columns(columns):
    ds = datasets.load_iris(columns=columns)
    assert ds.feature_names == ["petal_length", "petal_width"]
    assert ds.data[0] == [1.4, 0.2] and ds.data[-1] == [5.1, 1.8]
    assert len(ds.target) == 150


def test_iris_single_column():
    ds = datasets.load_iris(columns="sepal_width")
    assert ds.shape == (150, 1) and ds.data[0] == [3.5]


@pytest.mark.parametrize("columns, error, message", [
    (["petal_lenght"], ValueError, "unknown column 'petal_lenght'; use one of 'sepal_length'"),
    ([], ValueError, "columns is empty"),
    (["petal_width", "Petal.Width"], ValueError, "names the same feature twice"),
    ([4], ValueError, "column must be at most 3"),
    ([1.5], TypeError, "column must be a whole number"),
    (3.5, TypeError, "columns must be a list of feature names"),
    ([["petal_width"]], TypeError, "column must be a whole number"),
])
def test_iris_columns_errors(columns, error, message):
    with pytest.raises(error, match=message):
        datasets.load_iris(columns=columns)


# -------------------------------------------------------------------- NCI60 ---

NCI60_COUNTS = {"RENAL": 9, "NSCLC": 9, "MELANOMA": 8, "BREAST": 7, "COLON": 7, "OVARIAN": 6,
                "LEUKEMIA": 6, "CNS": 5, "PROSTATE": 2, "UNKNOWN": 1, "K562B-repro": 1,
                "K562A-repro": 1, "MCF7A-repro": 1, "MCF7D-repro": 1}


def test_nci60_shape_and_labels(nci60):
    assert nci60.shape == (64, 6830)
    assert Counter(nci60.target) == NCI60_COUNTS
    assert nci60.target[:4] == ["CNS", "CNS", "CNS", "RENAL"]
    assert nci60.feature_names[0] == "gene_1" and nci60.feature_names[-1] == "gene_6830"
    assert nci60.row_names is None
    for word in ("ISLP", "BSD", "Ross", "Nature Genetics"):
        assert word in nci60.description


def test_nci60_checksum(nci60):
    """The stored values, checked without the ISLP wheel."""
    ints = [round(v * 1e8) for row in nci60.data for v in row]
    assert sum(ints) == 880723774968
    assert min(ints) == -693998100 and max(ints) == 866000000
    assert nci60.data[0][:5] == [0.3, 1.18, 0.55, 1.14, -0.265]
    blob = (DATA / "nci60.i32.zz").read_bytes()
    body = zlib.decompress(blob[struct.calcsize("<4sHIIB"):])
    assert hashlib.sha256(body).hexdigest() == "05db324d8a63377d0e6ae1ad2dc56780eccdc323bbaac3485a70004f72eacade"
    # every float is the double nearest its 8-decimal value: n / 1e8 round-trips
    assert all(v == n / 1e8 for v, n in zip(nci60.data[5], ints[5 * 6830:6 * 6830]))


def test_nci60_file_is_small():
    # its load time is measured by make bench (bench/bench_wide.py), not asserted here
    assert (DATA / "nci60.i32.zz").stat().st_size < 1_200_000


def test_nci60_bad_file(tmp_path):
    bad = tmp_path / "x.zz"
    bad.write_bytes(struct.pack("<4sHIIB", b"NOPE", 1, 1, 1, 8) + zlib.compress(b"\0" * 4))
    with pytest.raises(ValueError, match="not a clusterlab matrix file"):
        datasets._read_matrix(bad)
    bad.write_bytes(struct.pack("<4sHIIB", b"CLMX", 1, 2, 2, 8) + zlib.compress(b"\0" * 4))
    with pytest.raises(ValueError, match="holds 1 values, expected 2 x 2"):
        datasets._read_matrix(bad)


def test_nci60_equals_islp(nci60, islp_wheel):
    with zipfile.ZipFile(islp_wheel) as z:
        X = np.load(io.BytesIO(z.read("ISLP/data/NCI60data.npy")), allow_pickle=False)
        labels = [r[0] for r in csv.reader(io.StringIO(z.read("ISLP/data/NCI60labs.csv").decode()))][1:]
    ours = np.array(nci60.data)
    assert ours.shape == X.shape
    assert np.abs(ours - X).max() <= 5e-9 + 1e-15
    assert (ours == X).mean() > 0.985  # 98.6 % bit-identical
    assert nci60.target == labels
    assert Counter(labels) == NCI60_COUNTS


def test_make_datasets_reproduces_the_files(islp_wheel, skimage_wheel):
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_datasets.py"), "--check", "--islp-wheel", str(islp_wheel),
         "--skimage-wheel", str(skimage_wheel)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("up to date") == 5
