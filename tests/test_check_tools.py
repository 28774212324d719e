"""What `journeys check --browser` runs in an installed Journeys is what it runs in this checkout."""

import json

from conftest import ROOT

from journeys.site_checks.tools import LOCKED


def test_the_installed_checkers_are_the_versions_this_checkout_pins():
    # npm/package-lock.json is package-lock.json without the packages pages are served with (GOV.UK
    # Frontend, accessible-autocomplete, and idiomorph, which the dev server serves): same versions, same hashes.
    checkout = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    installed = json.loads((LOCKED / "package-lock.json").read_text())["packages"]
    served = {f"node_modules/{name}" for name in json.loads((ROOT / "package.json").read_text())["dependencies"]}
    assert served == {"node_modules/govuk-frontend", "node_modules/accessible-autocomplete", "node_modules/idiomorph"}
    pinned = {name: (entry["version"], entry["integrity"]) for name, entry in checkout.items()
              if name and name not in served}
    assert {name: (entry["version"], entry["integrity"]) for name, entry in installed.items() if name} == pinned
    wanted = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    assert json.loads((LOCKED / "package.json").read_text())["dependencies"] == wanted
