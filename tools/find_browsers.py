"""Check the other engines of the cross-engine tests; with --install, install Debian's if missing.

Firefox ESR (driven by puppeteer-core over WebDriver BiDi) and WebKitGTK's
MiniBrowser with WebKitWebDriver on a virtual X display (driven by Selenium);
tests/e2e/engines.py drives them.  Chromium has its own finder, find_chromium.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

# What each engine needs, and the Debian package that brings it.
NEEDS = {
    "/usr/bin/firefox-esr": "firefox-esr",
    "/usr/bin/WebKitWebDriver": "webkit2gtk-driver",
    "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser": "webkit2gtk-driver",
    "/usr/bin/Xvfb": "xvfb",
}


def missing_packages() -> list[str]:
    """The Debian packages still to install, in a stable order.

    >>> set(missing_packages()) <= set(NEEDS.values())
    True
    """
    return sorted({package for path, package in NEEDS.items() if not os.path.exists(path)})


def install(packages: list[str]) -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print(f"Missing for the Firefox and WebKit tests: apt-get install -y {' '.join(packages)} "
              "(those tests are skipped until then).", file=sys.stderr)
        return
    print(f"Installing {', '.join(packages)} for the browser tests (a few minutes)...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


if __name__ == "__main__":
    packages = missing_packages()
    if packages and "--install" in sys.argv:
        install(packages)
    print("firefox and webkit: " + (", ".join(missing_packages()) + " missing" if missing_packages() else "ready"))
