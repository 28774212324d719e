"""`python -m journeys`: the `journeys` command, for when its script is not on the PATH."""

import sys

from journeys.cli import main

sys.exit(main())
