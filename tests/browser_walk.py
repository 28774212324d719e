"""A person's walk through a journey in Chromium, the same on the live server and on a frozen site."""

from dataclasses import dataclass

from playwright.sync_api import expect


@dataclass
class Site:
    url: str
    frozen: bool


class Walk:
    """A tab on the site, waiting on frozen pages for the script to fill them in before acting."""

    def __init__(self, page, site: Site):
        self.page, self.site = page, site

    def ready(self) -> None:
        if self.site.frozen:
            self.page.wait_for_selector("body[data-journeys-ready]", state="attached")

    def goto(self, path: str) -> None:
        self.page.goto(self.site.url + path)
        self.ready()

    def at(self, heading: str) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_have_text(heading)
        self.ready()

    def at_url(self, path: str) -> None:
        expect(self.page).to_have_url(self.site.url + path)
        self.ready()

    def continue_(self) -> None:
        self.page.get_by_role("button", name="Continue").click()

    def fill(self, **fields: str) -> None:
        for label, value in fields.items():
            self.page.get_by_label(label.replace("_", " "), exact=True).fill(value)

    def rows(self, within: str = "main") -> dict[str, str]:
        """A summary list as {key: value}, once its rows are there (the frozen site adds them by script)."""
        self.page.locator(".govuk-summary-list__row").first.wait_for()
        scope = self.page.locator(within)
        keys = scope.locator(".govuk-summary-list__key").all_inner_texts()
        values = scope.locator(".govuk-summary-list__value").all_inner_texts()
        return dict(zip(keys, values))

    def cards(self) -> dict[str, dict[str, str]]:
        """Check your answers' summary cards as {title: {key: value}}."""
        self.page.locator(".govuk-summary-list__row").first.wait_for()
        found = {}
        for card in self.page.locator(".govuk-summary-card").all():
            title = card.locator(".govuk-summary-card__title").inner_text().strip()
            keys = card.locator(".govuk-summary-list__key").all_inner_texts()
            values = card.locator(".govuk-summary-list__value").all_inner_texts()
            found[title] = dict(zip(keys, values))
        return found
