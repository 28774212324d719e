"""Serve the prototype in this folder: python serve.py [--port 5000] [--open]."""

import sys

from journeys.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
