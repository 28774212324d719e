"""GOV.UK Frontend's CSS, JS, fonts and images, accessible-autocomplete's, and Journeys' own scripts, at /assets/."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from journeys.problems import ContentError, Problem
from journeys.project import Project, safe_file

OWN_ASSETS = Path(__file__).parent / "static"
# From dist/govuk/ itself: the precompiled CSS and the ES module (and their source maps).
GOVUK_ROOT_FILES = {
    "govuk-frontend.min.css", "govuk-frontend.min.css.map",
    "govuk-frontend.min.js", "govuk-frontend.min.js.map",
}
# From accessible-autocomplete's dist/: GOV.UK's autocomplete, which enhances a select (its
# script is a classic one: it makes window.accessibleAutocomplete).
AUTOCOMPLETE_FILES = {
    "accessible-autocomplete.min.css", "accessible-autocomplete.min.css.map",
    "accessible-autocomplete.min.js", "accessible-autocomplete.min.js.map",
}
# The wheel carries dist/govuk of the pinned npm package here, and accessible-autocomplete's
# dist/ beside it (setup.py puts them there).
BUNDLED = Path(__file__).resolve().parent / "govuk_frontend"
BUNDLED_AUTOCOMPLETE = Path(__file__).resolve().parent / "accessible_autocomplete"
# idiomorph's dist/ (the wheel's copy): the dev server morphs an open page with it on save.
# Never part of a built or hosted site, so never under /assets/.
BUNDLED_IDIOMORPH = Path(__file__).resolve().parent / "idiomorph"
IDIOMORPH_FILE = "idiomorph.min.js"
# A checkout of Journeys: its node_modules/ comes from `npm ci`.
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def govuk_frontend_dir(project: Project) -> Path:
    """dist/govuk of GOV.UK Frontend: the project's own npm package, else the installed Journeys', else the checkout's."""
    npm_folder = Path("node_modules") / "govuk-frontend" / "dist" / "govuk"
    for folder in (project.root / npm_folder, BUNDLED, PACKAGE_ROOT / npm_folder):
        if (folder / "govuk-frontend.min.css").is_file():
            return folder
    raise ContentError([Problem(
        "node_modules/govuk-frontend", None, "GOV.UK Frontend's CSS and JavaScript are not installed",
        "In a Journeys checkout, run 'make serve' (or 'npm ci') to install them; "
        "otherwise install Journeys again from its wheel, which carries them.",
    )])


@lru_cache(maxsize=8)
def autocomplete_dir(govuk: Path) -> Path | None:
    """accessible-autocomplete's dist/: beside the GOV.UK Frontend in use, else the installed Journeys', else the checkout's."""
    npm_folder = Path("node_modules") / "accessible-autocomplete" / "dist"
    beside = govuk.parent.parent.parent / "accessible-autocomplete" / "dist"  # node_modules/govuk-frontend/dist/govuk
    for folder in (beside, BUNDLED_AUTOCOMPLETE, PACKAGE_ROOT / npm_folder):
        if (folder / "accessible-autocomplete.min.js").is_file():
            return folder
    return None  # an autocomplete question stays a plain select


def idiomorph_file(project: Project) -> Path | None:
    """idiomorph's browser script: the project's own npm package, else the installed Journeys', else the checkout's."""
    npm_folder = Path("node_modules") / "idiomorph" / "dist"
    for folder in (project.root / npm_folder, BUNDLED_IDIOMORPH, PACKAGE_ROOT / npm_folder):
        if (folder / IDIOMORPH_FILE).is_file():
            return folder / IDIOMORPH_FILE
    return None  # saves reload the whole page


def find_asset(govuk: Path, path: str) -> Path | None:
    """The file served at /assets/<path>, or None."""
    if path.startswith("journeys/"):
        return safe_file(OWN_ASSETS, path.removeprefix("journeys/"))
    if path in AUTOCOMPLETE_FILES:
        folder = autocomplete_dir(govuk)
        return safe_file(folder, path) if folder else None
    if path in GOVUK_ROOT_FILES:
        return safe_file(govuk, path)
    return safe_file(govuk / "assets", path)


def all_assets(govuk: Path) -> list[str]:
    """Every path under /assets/, for freezing."""
    paths = sorted(GOVUK_ROOT_FILES)
    paths += sorted(AUTOCOMPLETE_FILES) if autocomplete_dir(govuk) else []
    paths += sorted(p.relative_to(govuk / "assets").as_posix() for p in (govuk / "assets").rglob("*") if p.is_file())
    paths += sorted("journeys/" + p.relative_to(OWN_ASSETS).as_posix() for p in OWN_ASSETS.rglob("*") if p.is_file())
    return paths
