"""GOV.UK Frontend's built files for the wheel, from the npm tarball package-lock.json pins (build_hooks/npm_bundle.py)."""

from __future__ import annotations

from pathlib import Path

from build_hooks.npm_bundle import BuildError, NpmPackage
from build_hooks.npm_bundle import bundle as bundle_package

__all__ = ["BuildError", "GOVUK_FRONTEND", "bundle"]

HERE = Path(__file__).resolve().parent
GOVUK_FRONTEND = NpmPackage(
    name="govuk-frontend",
    # What Journeys serves at /assets/ (journeys/assets.py).
    served_files=[f"dist/govuk/govuk-frontend.min.{kind}" for kind in ("css", "css.map", "js", "js.map")],
    served_folder="dist/govuk/assets/",
    must_have="dist/govuk/assets/fonts/",
    strip="dist/govuk/",
    licence="MIT",
    # The npm package has no licence file: its package.json says MIT and its README has the
    # notice, so the licence text lives here, beside the hook that ships the files it covers.
    licence_file=HERE / "govuk-frontend-LICENSE.txt",
)


def bundle(source: Path, destination: Path) -> None:
    """Put GOV.UK Frontend's served files, package.json, README and licence into `destination`."""
    bundle_package(GOVUK_FRONTEND, source, destination)
