"""idiomorph's browser script for the wheel, from the npm tarball package-lock.json pins (build_hooks/npm_bundle.py)."""

from __future__ import annotations

from pathlib import Path

from build_hooks.npm_bundle import NpmPackage
from build_hooks.npm_bundle import bundle as bundle_package

IDIOMORPH = NpmPackage(
    name="idiomorph",
    # What the dev server serves at /livereload/idiomorph.min.js (journeys/assets.py): never part of a site.
    served_files=["dist/idiomorph.min.js"],
    strip="dist/",
    licence="0BSD",
    licence_name="LICENSE",
)


def bundle(source: Path, destination: Path) -> None:
    """Put idiomorph's browser script, package.json, README and LICENSE into `destination`."""
    bundle_package(IDIOMORPH, source, destination)
