"""A front-end package's built files for the wheel, from the npm tarball package-lock.json pins, checked against its hash."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


class BuildError(Exception):
    """The wheel cannot carry a package: the message says why and what to do."""


@dataclass(frozen=True)
class NpmPackage:
    """Which files of an npm package the wheel carries, and where its licence comes from."""

    name: str
    served_files: list[str]  # paths in the package, as Journeys serves them at /assets/ (journeys/assets.py)
    strip: str  # the folder they sit in, left out in the wheel: "dist/govuk/"
    licence: str  # what its package.json must say
    licence_file: Path | None = None  # our copy of the licence text, when the package has none of its own
    licence_name: str = "LICENSE.txt"  # the package's own licence file, when it has one
    served_folder: str = ""  # a folder served whole, if any
    must_have: str = ""  # a folder under which the tarball must have files: its layout has not changed
    about_files: list[str] = field(default_factory=lambda: ["package.json", "README.md"])


def bundle(package: NpmPackage, source: Path, destination: Path) -> None:
    """Put `package`'s served files, package.json, README and licence into `destination`."""
    version, integrity = pinned(package.name, source / "package-lock.json")
    with tempfile.TemporaryDirectory(prefix=f"journeys-{package.name}-") as folder:
        tarball = fetch(package.name, version, Path(folder), cwd=source)
        verify(package.name, tarball, integrity)
        if destination.exists():
            shutil.rmtree(destination)  # a file from an earlier build must not linger
        unpack(package, tarball, destination)
    about = json.loads((destination / "package.json").read_text(encoding="utf-8"))
    if (about["name"], about["version"], about["license"]) != (package.name, version, package.licence):
        licence = package.licence_file.name if package.licence_file else "LICENSE.txt"
        raise BuildError(f"the {package.name} tarball says it is {about['name']} {about['version']} under "
                         f"{about['license']}: check package-lock.json, and {licence} if the licence changed")
    if package.licence_file is not None:
        shutil.copyfile(package.licence_file, destination / "LICENSE.txt")


def pinned(name: str, lock: Path) -> tuple[str, str]:
    """(version, integrity) of the package `name` in package-lock.json."""
    try:
        entry = json.loads(lock.read_text(encoding="utf-8"))["packages"][f"node_modules/{name}"]
        return entry["version"], entry["integrity"]
    except (OSError, KeyError, ValueError) as error:
        raise BuildError(f"{lock} does not pin {name} ({error!r}): build from a Journeys checkout "
                         "or its source distribution, which include package-lock.json") from None


def fetch(name: str, version: str, folder: Path, cwd: Path) -> Path:
    """The npm tarball of `name` `version`, from npm's cache or its registry."""
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(f"building the Journeys wheel needs npm, to fetch {name} {version} as "
                         "package-lock.json pins it. Install Node.js (it comes with npm), then build "
                         "again. People who install the wheel need neither Node.js nor npm.")
    # --prefer-offline: after `npm ci` the tarball is in npm's cache; the hash is checked either way.
    result = subprocess.run(
        [npm, "pack", f"{name}@{version}", "--pack-destination", str(folder), "--json",
         "--prefer-offline", "--ignore-scripts", "--loglevel=error"],
        cwd=cwd, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"npm could not fetch {name} {version}: {result.stderr.strip()}\n"
                         "Check the connection to the npm registry, then build again.")
    return folder / json.loads(result.stdout)[0]["filename"]


def verify(name: str, tarball: Path, integrity: str) -> None:
    """Stop unless `tarball` has the sha512 `integrity` that package-lock.json records."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise BuildError(f"package-lock.json records a {algorithm} hash for {name}: run 'npm install' to record sha512")
    actual = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if actual != expected:
        raise BuildError(f"{tarball.name} is not the file package-lock.json pins: its hash is "
                         f"sha512-{actual}, not {integrity}. Nothing was built from it. Clear npm's "
                         "cache ('npm cache clean --force') and build again; if it happens again, "
                         "the registry serves a different file: tell the Journeys maintainers.")


def unpack(package: NpmPackage, tarball: Path, destination: Path) -> None:
    """Write the served files and the about files of `tarball` under `destination`."""
    own_licence = [] if package.licence_file else [package.licence_name]
    wanted = {f"package/{name}" for name in package.served_files + package.about_files + own_licence}
    folder = f"package/{package.served_folder}" if package.served_folder else None
    found = set()
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            name = member.name
            if not member.isfile() or ".." in name.split("/"):
                continue
            if name in wanted or (folder and name.startswith(folder)):
                relative = name.removeprefix("package/").removeprefix(package.strip)
                target = destination / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(member).read())
                found.add(name)
    missing = sorted(name.removeprefix("package/") for name in wanted - found)
    if missing or (package.must_have and not any(name.startswith(f"package/{package.must_have}") for name in found)):
        raise BuildError(f"{tarball.name} has no {', '.join(missing) or package.must_have}: "
                         f"{package.name} has changed its layout; update build_hooks/")
