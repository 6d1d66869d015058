"""clusterlab.distance against scipy.spatial.distance, on narrow and wide data."""

import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.spatial import distance as S

from clusterlab import distance as d

METRICS = ("euclidean", "sqeuclidean", "cityblock", "correlation")
SHAPES = [(2, 2), (5, 3), (40, 7), (120, 2), (30, 5000)]  # the last: wide, like NCI60


def data(n, p, seed=0):
    return np.random.default_rng(seed * 1000 + n * 10 + p).normal(size=(n, p))


def assert_close(ours, theirs):
    np.testing.assert_allclose(np.asarray(ours, dtype=float), theirs, rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("n, p", SHAPES, ids=[f"{n}x{p}" for n, p in SHAPES])
def test_pdist_equals_scipy(metric, n, p):
    X = data(n, p)
    ours = d.pdist(X.tolist(), metric)
    assert all(type(v) is float for v in ours)
    assert_close(ours, S.pdist(X, metric))


@pytest.mark.parametrize("metric", METRICS)
def test_pdist_on_shifted_and_scaled_data_equals_scipy(metric):
    """Large offsets and scales: centring and the power-of-two scaling keep correlation exact."""
    X = data(25, 300, seed=1)
    for scale, shift in [(1e-120, 0.0), (1e120, 0.0), (1.0, 1e6), (3.7, -42.0)]:
        Y = X * scale + shift
        ours = np.asarray(d.pdist(Y.tolist(), metric))
        theirs = S.pdist(Y, metric)
        tol = 1e-9 if metric == "correlation" else 1e-12  # scipy's own 1 - r loses digits at 1e6
        np.testing.assert_allclose(ours, theirs, rtol=tol, atol=tol * theirs.max())


@pytest.mark.parametrize("metric", METRICS)
def test_pair_functions_equal_scipy_and_pdist(metric):
    X = data(12, 9, seed=2)
    ours = getattr(d, metric)
    theirs = getattr(S, metric)
    pairs = [(i, j) for i in range(12) for j in range(i + 1, 12)]
    values = [ours(X[i].tolist(), X[j].tolist()) for i, j in pairs]
    assert_close(values, [theirs(X[i], X[j]) for i, j in pairs])
    assert values == d.pdist(X.tolist(), metric)  # the same kernel, bit for bit


def test_correlation_distance_of_perfect_correlation():
    assert d.correlation([1, 2, 3], [2, 4, 6]) == 0.0
    assert d.correlation([1, 2, 3], [3, 2, 1]) == pytest.approx(2.0, abs=1e-15)
    assert 0.0 <= d.correlation([1e-300, 3e-300, 2e-300], [5e300, 1.5e301, 1e301]) < 1e-15


@pytest.mark.parametrize("metric", METRICS)
def test_distance_matrix_and_squareform_equal_scipy(metric):
    X = data(15, 4, seed=3)
    D = d.distance_matrix(X.tolist(), metric)
    assert_close(D, S.squareform(S.pdist(X, metric)))
    assert d.squareform(D) == d.pdist(X.tolist(), metric)
    assert d.squareform(d.pdist(X.tolist(), metric)) == D
    assert d.distance_matrix([[1.0, 2.0]], metric) == [[0.0]]


def test_user_metric_function():
    chebyshev = lambda u, v: max(abs(a - b) for a, b in zip(u, v))  # noqa: E731
    X = data(10, 3, seed=4)
    assert_close(d.pdist(X.tolist(), chebyshev), S.pdist(X, "chebyshev"))
    with pytest.raises(ValueError, match="metric returned -1.0 .* finite number >= 0"):
        d.pdist([[0, 0], [1, 1]], lambda u, v: -1)
    with pytest.raises(ValueError, match="metric returned nan"):
        d.pdist([[0, 0], [1, 1]], lambda u, v: math.nan)


def test_one_kernel_per_metric():
    """pdist, the pair functions and distance_rows all call the kernel in KERNELS."""
    for metric in METRICS:
        kernel = d.get_kernel(metric)
        assert kernel is d.KERNELS[metric]
        rows = [[0.0, 1.0, 5.0], [3.0, 4.0, 1.0], [6.0, -8.0, 2.0]]
        prepared = kernel.prepare(rows)
        assert list(d.distance_rows(rows, metric)) == [
            kernel.distances(prepared[0], prepared[1:]), kernel.distances(prepared[1], prepared[2:])]
    # the Euclidean kernel is math.dist over tuples, the form K-means can share
    k = d.KERNELS["euclidean"]
    assert k.prepare([[1.0, 2.0]]) == [(1.0, 2.0)]
    assert k.distances((0.0, 0.0), [(3.0, 4.0)]) == [math.dist((0.0, 0.0), (3.0, 4.0))]


@pytest.mark.parametrize("call, exc, match", [
    (lambda: d.euclidean([1, 2], [1, 2, 3]), ValueError, "u has 2 values but v has 3"),
    (lambda: d.euclidean("ab", [1, 2]), TypeError, "u must be a sequence of numbers"),
    (lambda: d.cityblock([], [1]), ValueError, "u is empty"),
    (lambda: d.sqeuclidean([1, math.nan], [1, 2]), ValueError, "remove or impute"),
    (lambda: d.correlation([1], [2]), ValueError, "at least 2 features"),
    (lambda: d.correlation([1, 1, 1], [1, 2, 3]), ValueError, "constant observation"),
    (lambda: d.pdist([[1, 1], [1, 2], [3, 3]], "correlation"), ValueError, r"row 0 has standard deviation 0"),
    (lambda: d.pdist([[1], [2]], "correlation"), ValueError, "at least 2 features"),
    (lambda: d.pdist([[1]], "correlation"), ValueError, "at least 2 features"),
    (lambda: d.pdist([[1, 2], [3]]), ValueError, "ragged"),
    (lambda: d.pdist([[1, 2]], "chebyshev"), ValueError, "unknown metric 'chebyshev'; use one of 'euclidean'"),
    (lambda: d.pdist([[1, 2]], 3), TypeError, "metric must be a name"),
    (lambda: d.squareform([1.0, 2.0]), ValueError, r"n\(n-1\)/2 entries"),
    (lambda: d.squareform([[0, 1], [2, 0]]), ValueError, "not symmetric"),
    (lambda: d.squareform([[1, 1], [1, 0]]), ValueError, "zeros on its diagonal"),
])
def test_bad_input_raises_clear_errors(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# ------------------------------------------- the same bits in the browser ----

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
PROBE = """
import hashlib, random, sys
sys.path.insert(0, {py!r})
from clusterlab import distance, hierarchy
rng = random.Random(3)
for n, p in [(20, 2000), (60, 3)]:
    X = [[rng.random() * 8 - 4 for _ in range(p)] for _ in range(n)]
    for metric in distance.KERNELS:
        print(n, p, metric, hashlib.sha256(repr(distance.pdist(X, metric)).encode()).hexdigest())
        for method in ("single", "average"):
            Z = hierarchy.linkage(X, method, metric)
            print(method, hashlib.sha256(repr(Z).encode()).hexdigest())
"""
RUNNER = """
import {{ loadPyodide }} from {module!r};
const py = await loadPyodide({{ indexURL: {index!r} }});
py.FS.mkdirTree({py!r});
py.FS.mount(py.FS.filesystems.NODEFS, {{ root: {py!r} }}, {py!r});
let out = "";
py.setStdout({{ batched: (s) => {{ out += s + "\\n"; }} }});
await py.runPythonAsync({probe!r});
process.stdout.write(out);
"""


@pytest.mark.skipif(shutil.which("node") is None or not (PYODIDE / "pyodide.mjs").exists(),
                    reason="needs node and node_modules/pyodide (make deps)")
def test_kernels_give_the_same_bits_in_pyodide():
    """Every metric's kernel (fsum, math.dist; never sum or sumprod) rounds alike in 3.11 and 3.14."""
    py = str(ROOT / "py")
    probe = PROBE.format(py=py)
    here = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    script = RUNNER.format(module=str(PYODIDE / "pyodide.mjs"), index=str(PYODIDE) + "/", py=py, probe=probe)
    there = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                           timeout=300, check=False)
    assert there.returncode == 0, there.stderr[-2000:]
    assert len(here.splitlines()) == 24
    assert there.stdout == here
