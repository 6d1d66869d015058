"""clusterlab.quantize: consistency, mse, comparison with scikit-learn, CLI, bad input."""

import subprocess
import sys
from array import array
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from sklearn.cluster import KMeans as SKKMeans
from sklearn.datasets import load_sample_image

from clusterlab import quantize as qmod
from clusterlab.kmeans import ConvergenceWarning
from clusterlab.quantize import quantize

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def china():
    img = Image.fromarray(load_sample_image("china.jpg")).resize((320, 214), Image.BICUBIC)
    return img.tobytes(), img.size


def _rgb(raw):
    return np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(float)


def _mse(X, palette, labels):
    P = np.asarray(palette, float)
    return float(((X - P[np.asarray(labels)]) ** 2).mean())


def test_palette_labels_counts_consistent_and_mse(china):
    raw, (w, h) = china
    q = quantize(raw, w, h, 8, channels=3)
    X = _rgb(raw)
    labels = np.asarray(q.labels)
    assert isinstance(q.labels, array) and len(q.labels) == w * h
    assert len(q.palette) == len(q.counts) == len(q.palette_means) == 8
    assert q.counts == np.bincount(labels, minlength=8).tolist()
    assert sum(q.counts) == w * h
    for j in range(8):
        np.testing.assert_allclose(q.palette_means[j], X[labels == j].mean(axis=0), rtol=1e-12)
        assert q.palette[j] == tuple(int(np.floor(v + 0.5)) for v in q.palette_means[j])
    assert q.mse == pytest.approx(_mse(X, q.palette, labels), rel=1e-12)
    out = _rgb(q.to_bytes())
    assert float(((X - out) ** 2).mean()) == pytest.approx(q.mse, rel=1e-12)
    assert q.inertia == pytest.approx(float(((X - np.asarray(q.palette_means)[labels]) ** 2).sum()), rel=1e-9)


def test_labels_are_nearly_all_nearest_palette_mean(china):
    # pixels are labelled with the nearest K-means centre (found on colour bins);
    # after convergence those centres are close to the final exact means
    raw, (w, h) = china
    q = quantize(raw, w, h, 6, channels=3)
    X = _rgb(raw)
    P = np.asarray(q.palette_means)
    d = ((X[:, None, :] - P[None]) ** 2).sum(axis=2)
    assert (d.argmin(axis=1) == np.asarray(q.labels)).mean() > 0.99


def test_mse_within_one_percent_of_sklearn(china):
    raw, (w, h) = china
    X = _rgb(raw)
    km = SKKMeans(8, n_init=1, random_state=0).fit(X)
    sk_mse = _mse(X, np.floor(km.cluster_centers_ + 0.5), km.predict(X))
    q = quantize(raw, w, h, 8, channels=3, random_state=0)
    assert q.mse <= 1.01 * sk_mse, (q.mse, sk_mse)


def test_colour_keys_are_bin_major_and_decode_back():
    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 256, size=(5000, 3), dtype=np.uint8)
    keys = qmod._colour_keys(rgb.tobytes(), 5000, 3)
    r, g, b = (rgb[:, c].astype(np.int64) for c in range(3))
    want = (r >> 3) << 19 | (g >> 3) << 14 | (b >> 3) << 9 | (r & 7) << 6 | (g & 7) << 3 | (b & 7)
    assert list(keys) == want.tolist()
    assert [list(c) for c in qmod._rgb_of(list(keys))] == [r.tolist(), g.tolist(), b.tolist()]


@pytest.mark.parametrize("size, k", [((512, 256), 8), ((200, 150), 5), ((512, 256), 3)])
def test_every_pixel_gets_its_nearest_centre(size, k):
    # 512 x 256 = 131072 pixels: labels come from the 16 MiB table; 200 x 150: from a dict
    img = Image.fromarray(load_sample_image("flower.jpg")).resize(size, Image.BICUBIC)
    raw, n = img.tobytes(), size[0] * size[1]
    keys = qmod._colour_keys(raw, n, 3)
    bins = qmod._Bins(Counter(keys), n, qmod._BIN_BITS)
    bin_labels, centres, _ = qmod._fit(bins, k, "k-means++", 0, 2, 300, 0.0)
    labels, tot = qmod._label(bins, bin_labels, centres, keys, n)
    X = _rgb(raw)
    d = ((X[:, None, :] - np.asarray(centres)[None]) ** 2).sum(axis=2)
    lab = np.asarray(labels)
    near = d.argmin(axis=1)
    wrong = lab != near
    # only exact ties (up to rounding) may go either way
    assert np.all(np.abs(d[wrong, lab[wrong]] - d[wrong, near[wrong]]) < 1e-6)
    for j in range(k):
        Xj = X[lab == j]
        assert tot[j][:4] == [len(Xj), *Xj.sum(axis=0).astype(int).tolist()]
        assert tot[j][4] == int((Xj ** 2).sum())


def test_seeded_results_repeat_and_seeds_matter(china):
    raw, (w, h) = china
    a = quantize(raw, w, h, 6, channels=3, random_state=3)
    b = quantize(raw, w, h, 6, channels=3, random_state=3)
    assert a.palette == b.palette and a.labels == b.labels and a.mse == b.mse
    q = quantize(raw, w, h, 6, channels=3, random_state=3, n_init=1, max_iter=2, tol=1e-4)
    assert len(q.palette) == 6 and sum(q.counts) == w * h


def test_random_init_starts_from_colours_of_the_image_and_counts_its_rounds(china):
    raw, (w, h) = china
    pp = quantize(raw, w, h, 8, channels=3, random_state=1)
    rnd = quantize(raw, w, h, 8, channels=3, init="random", random_state=1)
    assert rnd.palette != pp.palette and len(rnd.palette) == 8
    # one random start, one round: the palette is then the means of the Voronoi cells of
    # K colour cells drawn from the image, no longer the converged k-means++ result
    one = quantize(raw, w, h, 8, channels=3, init="random", random_state=1, n_init=1, max_iter=1)
    assert one.n_iter == 2  # one round on the coarse cells, one on the bins
    assert one.mse > rnd.mse
    assert pp.n_iter > 2 and rnd.n_iter > 2
    # sklearn's random init on the same pixels, 4 starts, ends within a few percent
    X = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(float)
    sk = SKKMeans(8, init="random", n_init=4, random_state=1).fit(X[::50])
    sk_mse = ((X - sk.cluster_centers_[sk.predict(X)]) ** 2).mean()
    assert rnd.mse < 1.05 * sk_mse


def test_k_256_uses_the_dict_lookup():
    # labels of a big image come from a byte table with a marker value, except when k = 256
    rng = np.random.default_rng(2)
    rgb = rng.integers(0, 8, size=(400 * 400, 3), dtype=np.uint8) * np.array([32, 36, 36], np.uint8)
    raw = rgb.tobytes()
    q = quantize(raw, 400, 400, 256, channels=3, n_init=1, max_iter=3)
    X = _rgb(raw)
    assert len(q.palette) == 256 and sum(q.counts) == 400 * 400
    assert q.mse == pytest.approx(_mse(X, q.palette, q.labels), rel=1e-12)


def test_rgba_and_rgb_give_the_same_result(china):
    raw, (w, h) = china
    rgba = Image.frombytes("RGB", (w, h), raw).convert("RGBA")
    alpha = bytes(i % 256 for i in range(w * h))
    rgba.putalpha(Image.frombytes("L", (w, h), alpha))
    a = quantize(rgba.tobytes(), w, h, 5, channels=4)
    b = quantize(raw, w, h, 5, channels=3)
    assert a.palette == b.palette and a.labels == b.labels and a.mse == b.mse
    out = a.to_bytes()
    assert out[3::4] == alpha  # alpha kept
    assert bytes(memoryview(out)) == quantize(memoryview(bytearray(rgba.tobytes())), w, h, 5).pixels


def test_few_colours_warn_and_give_exact_palette():
    img = bytes([10, 20, 30, 200, 0, 0] * 8)
    with pytest.warns(ConvergenceWarning, match="2 distinct"):
        q = quantize(img, 4, 4, 5, channels=3)
    assert sorted(q.palette) == [(10, 20, 30), (200, 0, 0)]
    assert q.mse == 0.0 and q.counts == [8, 8]


def test_a_greyscale_image_gets_a_palette_of_greys():
    rng = np.random.default_rng(4)
    grey = rng.integers(0, 256, 120 * 80, dtype=np.uint8)
    q = quantize(np.repeat(grey, 3).tobytes(), 120, 80, 8, channels=3)
    assert len(q.palette) == 8 and all(r == g == b for r, g, b in q.palette)
    assert all(m[0] == m[1] == m[2] for m in q.palette_means)


def test_small_image_exact_colours_and_k1():
    rng = np.random.default_rng(0)
    raw = rng.integers(0, 256, size=(30 * 20 * 3), dtype=np.uint8).tobytes()
    q = quantize(raw, 30, 20, 1, channels=3)
    X = _rgb(raw)
    np.testing.assert_allclose(q.palette_means[0], X.mean(axis=0))
    q = quantize(raw, 30, 20, 16, channels=3)
    assert q.mse == pytest.approx(_mse(X, q.palette, q.labels))


def test_cli_on_temp_png(tmp_path, china):
    raw, size = china
    src = tmp_path / "in.png"
    Image.frombytes("RGB", size, raw).save(src)
    dst = tmp_path / "out.png"
    done = subprocess.run(
        [sys.executable, "-m", "clusterlab.quantize", str(src), "-k", "4", "-o", str(dst)],
        capture_output=True, text=True, cwd=ROOT / "py", check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "mse" in done.stdout and "time" in done.stdout
    with Image.open(dst) as im:
        assert im.size == size and len(np.unique(np.asarray(im).reshape(-1, 3), axis=0)) <= 4
    bad = subprocess.run(
        [sys.executable, "-m", "clusterlab.quantize", str(tmp_path / "missing.jpg")],
        capture_output=True, text=True, cwd=ROOT / "py", check=False,
    )
    assert bad.returncode == 2 and "cannot read image" in bad.stderr


def test_cli_refuses_files_that_are_not_whole_images(tmp_path, china):
    raw, size = china
    good = tmp_path / "good.png"
    Image.frombytes("RGB", size, raw).save(good)
    files = {"notes.png": b"just some text\n", "empty.png": b"", "cut.png": good.read_bytes()[:5000]}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        bad = subprocess.run([sys.executable, "-m", "clusterlab.quantize", str(tmp_path / name)],
                             capture_output=True, text=True, cwd=ROOT / "py", check=False)
        assert bad.returncode == 2 and f"cannot read image {str(tmp_path / name)!r}" in bad.stderr, (name, bad.stderr)


@pytest.mark.parametrize(
    "args, kwargs, err, match",
    [
        ((b"\0" * 11, 2, 2), {"channels": 3}, ValueError, "pixels has 11 bytes"),
        ((b"\0" * 16, 2, 2), {"channels": 2}, ValueError, "channels must be 3"),
        ((b"\0" * 16, 2, 2), {"k": 0}, ValueError, "k must be at least 1"),
        ((b"\0" * 16, 2, 2), {"k": 300}, ValueError, "k must be at most 256"),
        (([0] * 16, 2, 2), {}, TypeError, "pixels must be raw 8-bit bytes"),
        (("abcd", 1, 1), {}, TypeError, "pixels must be raw 8-bit bytes"),
        ((b"\0" * 16, 0, 2), {}, ValueError, "width must be at least 1"),
        ((b"\0" * 16, 2, 2), {"random_state": "x"}, TypeError, "random_state"),
        ((b"\0" * 16, 2, 2), {"init": "kmeans++"}, ValueError, "unknown init 'kmeans\\+\\+'; use one of 'k-means\\+\\+', 'random'"),
    ],
)
def test_bad_input(args, kwargs, err, match):
    with pytest.raises(err, match=match):
        quantize(*args, **kwargs)


@pytest.mark.parametrize("seed", range(6))
def test_integer_sums_are_a_parameter_of_the_one_kmeans_core(seed):
    # the bins' exact integer sums (IntegerMeans) and float means of the same points
    # (FloatMeans, weights = counts) drive the same Lloyd loop to the same clustering
    from clusterlab._lloyd import FloatMeans, IntegerMeans, lloyd

    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 50, 300)
    colours = rng.integers(0, 256, (300, 3))
    sums = [[int(c), *map(int, c * col)] for c, col in zip(counts, colours)]
    exact = IntegerMeans(sums, 3)
    C = [exact.X[i] for i in rng.choice(300, 5, replace=False)]
    X, W = exact.X, [float(c) for c in counts]
    for pruned in (True, False):
        a = lloyd(X, C, IntegerMeans(sums, 3), 300, 0.0, pruned=pruned)
        b = lloyd(X, C, FloatMeans(X, W), 300, 0.0, pruned=pruned)
        assert a.labels == b.labels and a.n_iter == b.n_iter
        np.testing.assert_allclose(a.centres, b.centres, rtol=1e-12)
        assert a.inertia == pytest.approx(b.inertia, rel=1e-12)
