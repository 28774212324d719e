"""The wheel's one build step beyond pyproject.toml: GOV.UK Frontend's built files, from npm (build_hooks/)."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.errors import BaseError

ROOT = Path(__file__).resolve().parent
sys.path.append(str(ROOT))  # appended: build.py and serve.py at the root must shadow nothing
from build_hooks.govuk_frontend import BuildError, bundle  # noqa: E402


class BuildPyWithGovukFrontend(build_py):
    """build_py, then GOV.UK Frontend into journeys/govuk_frontend/ of the build (never the source tree)."""

    def run(self):
        super().run()
        # An editable install runs from the checkout, which has node_modules/ from `npm ci`.
        if self.editable_mode:
            return
        try:
            bundle(ROOT, Path(self.build_lib) / "journeys" / "govuk_frontend")
        except BuildError as error:
            raise BaseError(str(error)) from None  # setuptools prints "error: ..." without a traceback


setup(cmdclass={"build_py": BuildPyWithGovukFrontend})
