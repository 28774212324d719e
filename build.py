"""Freeze the prototype in this folder into dist/: python build.py [--base-url /my-prototype/] [--out dist]."""

import sys

from journeys.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
