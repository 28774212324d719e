"""The wheel's one build step beyond pyproject.toml: GOV.UK Frontend's, accessible-autocomplete's and idiomorph's built files, from npm (build_hooks/)."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.errors import BaseError

ROOT = Path(__file__).resolve().parent
sys.path.append(str(ROOT))  # appended: build.py and serve.py at the root must shadow nothing
from build_hooks import accessible_autocomplete, govuk_frontend, idiomorph  # noqa: E402
from build_hooks.npm_bundle import BuildError  # noqa: E402


class BuildPyWithFrontEndPackages(build_py):
    """build_py, then GOV.UK Frontend into journeys/govuk_frontend/ of the build (never the source tree),
    accessible-autocomplete into journeys/accessible_autocomplete/ and idiomorph into journeys/idiomorph/."""

    def run(self):
        super().run()
        # An editable install runs from the checkout, which has node_modules/ from `npm ci`.
        if self.editable_mode:
            return
        try:
            govuk_frontend.bundle(ROOT, Path(self.build_lib) / "journeys" / "govuk_frontend")
            accessible_autocomplete.bundle(ROOT, Path(self.build_lib) / "journeys" / "accessible_autocomplete")
            idiomorph.bundle(ROOT, Path(self.build_lib) / "journeys" / "idiomorph")
        except BuildError as error:
            raise BaseError(str(error)) from None  # setuptools prints "error: ..." without a traceback


setup(cmdclass={"build_py": BuildPyWithFrontEndPackages})
