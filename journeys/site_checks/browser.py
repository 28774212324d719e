"""Debian's Chromium, driven by Playwright: never a browser Playwright downloads itself."""

from __future__ import annotations

import os
import shutil

# The network here is closed: stop Chromium's background calls home, which fail and slow it.
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync", "--disable-gpu", "--disable-quic"]


def chromium_path() -> str | None:
    """Debian's chromium, or None if it is not installed."""
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if os.access(found, os.X_OK) else None


CHROMIUM = chromium_path() or "/usr/bin/chromium"


def launch(playwright):
    """Chromium, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
