"""python -m journeys.starter FOLDER: the example prototype's four folders, copied into FOLDER unless it has them."""

import sys

from journeys.starter import FOLDERS, copy_example

if len(sys.argv) != 2:
    sys.exit("usage: python -m journeys.starter FOLDER")
made = copy_example(sys.argv[1])
if made is None:
    print(f"{sys.argv[1]} already has a prototype ({', '.join(FOLDERS)}): nothing was copied.")
else:
    print(f"The example prototype is in {made}: its {', '.join(FOLDERS)} folders are yours to change or replace.")
