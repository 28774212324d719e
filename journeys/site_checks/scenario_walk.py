"""Walking a scenario's expected path in the browser: where the journey really goes."""

from __future__ import annotations

from journeys.flows.scenarios import Scenario
from journeys.site_checks.findings import Finding

READY = "body[data-journeys-ready]"  # frozen.js sets it once the page is filled in


def walk(page, base_url: str, scenario: Scenario, visit) -> list[Finding]:
    """Start the scenario from its page, then press each page's button; compare the pages seen with `scenario.path`.

    `visit(page, path)` runs the per-page checks on every page the walk reaches.
    """
    page.goto(f"{base_url}scenarios/{scenario.name}")
    page.get_by_role("button", name="Start this scenario").click()  # opening its address alone loads nothing
    page.wait_for_url(f"**/{scenario.flow}/{scenario.start}")
    seen: list[str] = []
    findings: list[Finding] = []
    where = f"/scenarios/{scenario.name}"
    while len(seen) < len(scenario.path):
        page.wait_for_selector(READY, state="attached")
        seen.append(page.locator('meta[name="journeys-page"]').get_attribute("content"))
        visit(page, page.url.removeprefix(base_url.rstrip("/")))
        if seen != scenario.path[: len(seen)] or len(seen) == len(scenario.path):
            break
        # A list page asks "add another?": the scenario's items are all there is, so the answer is no.
        another = page.locator('[data-journeys-add-another]:not([hidden]) input[value="No"]')
        if another.count():
            another.check()
        before = page.url
        button = page.locator("main form button[type=submit], main form .govuk-button, main a.govuk-button").first
        if button.count() == 0:
            break
        button.click()
        try:
            page.wait_for_url(lambda url: url != before, timeout=5000)
        except Exception:
            errors = page.locator(".govuk-error-summary__list li").all_inner_texts()
            findings.append(Finding(where, "scenario", "stopped", f"on {seen[-1]}",
                                    f"the journey stopped on '{seen[-1]}': " + ("; ".join(errors) or "nothing happened"),
                                    "Give the scenario answers that pass this page's validation."))
            return findings
    if seen != scenario.path:
        findings.append(Finding(
            where, "scenario", "path", f"data/scenarios/{scenario.name}.yaml",
            f"expected {' > '.join(scenario.path)}, but the journey went {' > '.join(seen)}",
            "Check the answers and the flow's 'next' rules, or update the scenario's path.",
        ))
    return findings
