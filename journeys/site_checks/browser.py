"""Debian's Chromium, driven by Playwright: never a browser Playwright downloads itself."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The network here is closed: stop Chromium's background calls home, which fail and slow it.
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync", "--disable-gpu", "--disable-quic"]


def launch(playwright):
    """Chromium, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
