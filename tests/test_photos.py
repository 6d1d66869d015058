"""clusterlab.datasets additions for the course pages: load_photo and Dataset.standardized."""

import hashlib
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest

from clusterlab import datasets

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "py" / "clusterlab" / "data"

# sha256 of the decompressed RGB bytes (zlib's own output may vary between versions)
PHOTO_SHA256 = {
    "coffee": "7a49002f484e3e883678165318e6751dbce7ff6019e18d3f138e1e27b6db1684",
    "chelsea": "46e34e5b60b04a11fc6bf82226212421627b880eb63fe0976c5ccda11c2f94cf",
}


@pytest.mark.parametrize("name", sorted(datasets.PHOTOS))
def test_photo_is_a_data_matrix_of_pixels(name):
    photo = datasets.load_photo(name)
    assert (photo.width, photo.height) == (120, 80)
    assert photo.shape == (120 * 80, 3) and photo.feature_names == ["R", "G", "B"]
    assert all(type(v) is float and v.is_integer() and 0 <= v <= 255 for row in photo.data for v in row)
    assert photo.target is None and photo.row_names is None
    assert "CC0" in photo.description and "scikit-image" in photo.description
    assert f"image {photo.width} x {photo.height}" in repr(photo).splitlines()[0]
    # a real photo, not a flat colour: many distinct colours, every channel spread out
    assert len({tuple(r) for r in photo.data}) > 5000
    assert all(np.ptp(np.array(photo.data)[:, j]) > 150 for j in range(3))


@pytest.mark.parametrize("name", sorted(datasets.PHOTOS))
def test_photo_file_checksum(name):
    blob = (DATA / f"photo_{name}.rgb.zz").read_bytes()
    size = struct.calcsize("<4sHHHB")
    assert struct.unpack("<4sHHHB", blob[:size]) == (b"CLPX", 1, 120, 80, 3)
    assert hashlib.sha256(zlib.decompress(blob[size:])).hexdigest() == PHOTO_SHA256[name]
    assert len(blob) < 40_000  # small enough to ship with the library to the browser


def test_photo_rows_run_along_image_rows():
    """Row i of X is pixel (x, y) = (i % width, i // width), as plot.image reads them."""
    photo = datasets.load_photo("coffee")
    width, height, raw = datasets._read_photo(DATA / "photo_coffee.rgb.zz")
    x, y = 37, 52
    i = y * width + x
    assert photo.data[i] == [float(v) for v in raw[3 * i:3 * i + 3]]
    assert photo.data[-1] == [float(v) for v in raw[-3:]]


@pytest.mark.parametrize("name", sorted(datasets.PHOTOS))
def test_photo_equals_the_shrunk_scikit_image_original(name, skimage_wheel):
    import io

    from PIL import Image

    with zipfile.ZipFile(skimage_wheel) as z:
        im = Image.open(io.BytesIO(z.read(f"skimage/data/{name}.png"))).convert("RGB")
    expected = np.asarray(im.resize((120, 80), Image.Resampling.LANCZOS)).reshape(-1, 3)
    np.testing.assert_array_equal(np.array(datasets.load_photo(name).data), expected)


def test_load_photo_bad_input():
    with pytest.raises(ValueError, match="unknown photo 'cofee'; use one of 'coffee', 'chelsea'"):
        datasets.load_photo("cofee")
    with pytest.raises(TypeError, match="name must be a photo's name such as 'coffee'"):
        datasets.load_photo(1)


def test_read_photo_rejects_other_files(tmp_path):
    bad = tmp_path / "x.rgb.zz"
    bad.write_bytes(struct.pack("<4sHHHB", b"CLMX", 1, 1, 1, 3) + zlib.compress(b"\0" * 3))
    with pytest.raises(ValueError, match="not a clusterlab RGB photo file"):
        datasets._read_photo(bad)
    bad.write_bytes(struct.pack("<4sHHHB", b"CLPX", 1, 2, 2, 3) + zlib.compress(b"\0" * 3))
    with pytest.raises(ValueError, match="holds 3 bytes, expected 2 x 2 x 3"):
        datasets._read_photo(bad)


# ------------------------------------------------------------ standardized ---


@pytest.mark.parametrize("loader", [datasets.load_iris, datasets.city_density, datasets.load_nci60])
def test_standardized_equals_scikit_learns_standard_scaler(loader):
    from sklearn.preprocessing import StandardScaler

    ds = loader()
    z = ds.standardized()
    expected = StandardScaler().fit_transform(np.array(ds.data))
    np.testing.assert_allclose(np.array(z.data), expected, atol=1e-12)
    assert z.feature_names == ds.feature_names and z.target == ds.target
    assert z.name == f"{ds.name} (standardized)"


def test_standardized_leaves_the_original_alone_and_zeroes_a_constant_column():
    ds = datasets.Dataset("tiny", [[1.0, 5.0], [3.0, 5.0]], ["a", "b"], row_names=["p", "q"])
    z = ds.standardized()
    assert z.data == [[-1.0, 0.0], [1.0, 0.0]]
    assert ds.data == [[1.0, 5.0], [3.0, 5.0]]
    z.row_names[0] = "changed"
    assert ds.row_names == ["p", "q"]


def test_the_image_labs_photos_are_shown_at_their_own_size(skimage_wheel):
    """docs/credits.md and docs/image-lab.md: no sample photo is larger than 640 pixels, so none is shrunk."""
    import io

    from PIL import Image

    sizes = {}
    with zipfile.ZipFile(skimage_wheel) as z:
        for name in ("coffee", "chelsea", "astronaut"):
            sizes[name] = Image.open(io.BytesIO(z.read(f"skimage/data/{name}.png"))).size
    assert sizes == {"coffee": (600, 400), "chelsea": (451, 300), "astronaut": (512, 512)}
    credits = (Path(__file__).resolve().parents[1] / "docs" / "credits.md").read_text(encoding="utf-8")
    for (w, h) in sizes.values():
        assert f"{w} \\(\\times\\) {h}" in credits
