"""GOV.UK Frontend's built files for the wheel, from the npm tarball package-lock.json pins, checked against its hash."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

NAME = "govuk-frontend"
HERE = Path(__file__).resolve().parent
# The npm package has no licence file: its package.json says MIT and its README has the
# notice, so the licence text lives here, beside the hook that ships the files it covers.
LICENCE = HERE / "govuk-frontend-LICENSE.txt"
# What Journeys serves at /assets/ (journeys/assets.py), and where the package says who made it.
SERVED_FILES = [f"dist/govuk/govuk-frontend.min.{kind}" for kind in ("css", "css.map", "js", "js.map")]
SERVED_FOLDER = "dist/govuk/assets/"
ABOUT_FILES = ["package.json", "README.md"]


class BuildError(Exception):
    """The wheel cannot carry GOV.UK Frontend: the message says why and what to do."""


def bundle(source: Path, destination: Path) -> None:
    """Put GOV.UK Frontend's served files, package.json, README and licence into `destination`."""
    version, integrity = pinned(source / "package-lock.json")
    with tempfile.TemporaryDirectory(prefix="journeys-govuk-frontend-") as folder:
        tarball = fetch(version, Path(folder), cwd=source)
        verify(tarball, integrity)
        if destination.exists():
            shutil.rmtree(destination)  # a file from an earlier build must not linger
        unpack(tarball, destination)
    about = json.loads((destination / "package.json").read_text(encoding="utf-8"))
    if (about["name"], about["version"], about["license"]) != (NAME, version, "MIT"):
        raise BuildError(f"the {NAME} tarball says it is {about['name']} {about['version']} under "
                         f"{about['license']}: check package-lock.json, and {LICENCE.name} if the licence changed")
    shutil.copyfile(LICENCE, destination / "LICENSE.txt")


def pinned(lock: Path) -> tuple[str, str]:
    """(version, integrity) of govuk-frontend in package-lock.json."""
    try:
        entry = json.loads(lock.read_text(encoding="utf-8"))["packages"][f"node_modules/{NAME}"]
        return entry["version"], entry["integrity"]
    except (OSError, KeyError, ValueError) as error:
        raise BuildError(f"{lock} does not pin {NAME} ({error!r}): build from a Journeys checkout "
                         "or its source distribution, which include package-lock.json") from None


def fetch(version: str, folder: Path, cwd: Path) -> Path:
    """The npm tarball of govuk-frontend `version`, from npm's cache or its registry."""
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(f"building the Journeys wheel needs npm, to fetch {NAME} {version} as "
                         "package-lock.json pins it. Install Node.js (it comes with npm), then build "
                         "again. People who install the wheel need neither Node.js nor npm.")
    # --prefer-offline: after `npm ci` the tarball is in npm's cache; the hash is checked either way.
    result = subprocess.run(
        [npm, "pack", f"{NAME}@{version}", "--pack-destination", str(folder), "--json",
         "--prefer-offline", "--ignore-scripts", "--loglevel=error"],
        cwd=cwd, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"npm could not fetch {NAME} {version}: {result.stderr.strip()}\n"
                         "Check the connection to the npm registry, then build again.")
    return folder / json.loads(result.stdout)[0]["filename"]


def verify(tarball: Path, integrity: str) -> None:
    """Stop unless `tarball` has the sha512 `integrity` that package-lock.json records."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise BuildError(f"package-lock.json records a {algorithm} hash for {NAME}: run 'npm install' to record sha512")
    actual = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if actual != expected:
        raise BuildError(f"{tarball.name} is not the file package-lock.json pins: its hash is "
                         f"sha512-{actual}, not {integrity}. Nothing was built from it. Clear npm's "
                         "cache ('npm cache clean --force') and build again; if it happens again, "
                         "the registry serves a different file: tell the Journeys maintainers.")


def unpack(tarball: Path, destination: Path) -> None:
    """Write the served files and the about files of `tarball` under `destination`."""
    wanted = {f"package/{name}" for name in SERVED_FILES + ABOUT_FILES}
    found = set()
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            name = member.name
            if not member.isfile() or ".." in name.split("/"):
                continue
            if name in wanted or name.startswith(f"package/{SERVED_FOLDER}"):
                relative = name.removeprefix("package/").removeprefix("dist/govuk/")
                target = destination / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(member).read())
                found.add(name)
    missing = sorted(name.removeprefix("package/") for name in wanted - found)
    if missing or not any(name.startswith(f"package/{SERVED_FOLDER}fonts/") for name in found):
        raise BuildError(f"{tarball.name} has no {', '.join(missing) or SERVED_FOLDER + 'fonts/'}: "
                         "GOV.UK Frontend has changed its layout; update build_hooks/govuk_frontend.py")
