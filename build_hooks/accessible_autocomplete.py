"""accessible-autocomplete's built files for the wheel, from the npm tarball package-lock.json pins (build_hooks/npm_bundle.py)."""

from __future__ import annotations

from pathlib import Path

from build_hooks.npm_bundle import NpmPackage
from build_hooks.npm_bundle import bundle as bundle_package

ACCESSIBLE_AUTOCOMPLETE = NpmPackage(
    name="accessible-autocomplete",
    # What Journeys serves at /assets/ (journeys/assets.py); its own LICENSE.txt comes too.
    served_files=[f"dist/accessible-autocomplete.min.{kind}" for kind in ("css", "css.map", "js", "js.map")],
    strip="dist/",
    licence="MIT",
)


def bundle(source: Path, destination: Path) -> None:
    """Put accessible-autocomplete's served files, package.json, README and LICENSE.txt into `destination`."""
    bundle_package(ACCESSIBLE_AUTOCOMPLETE, source, destination)
