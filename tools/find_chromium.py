"""Print the path of a Chromium for the browser tests; with --install, install Debian's if missing.

Order: $CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, then Playwright's own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Chromium must not try to reach outside hosts (the test machines have no network).
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-gpu",
]


def find() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env and os.path.exists(env):
        return env
    for path in CANDIDATES:
        if os.path.exists(path):
            return path
    return None  # fall back to Playwright's own browser, if installed


def install() -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("No Chromium at /usr/bin/chromium; install it (apt-get install -y chromium) "
              "or Playwright's (playwright install chromium).", file=sys.stderr)
        return
    print("Installing Debian's chromium for the browser tests (a minute or two)...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


if __name__ == "__main__":
    if find() is None and "--install" in sys.argv:
        install()
    print(find() or "playwright's own chromium")
