"""Every internal link and asset reference on a page, each fetched once: which ones fail."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

from journeys.site_checks.findings import Finding

REFERENCES = """() => [...document.querySelectorAll('[href], [src], form[action]')].map(e => ({
  url: e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action'),
  resolved: e.href ?? e.src ?? e.action,
  element: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    '[' + (e.hasAttribute('href') ? 'href' : e.hasAttribute('src') ? 'src' : 'action') + '="' +
    (e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action')) + '"]'
}))"""
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class LinkChecker:
    """Fetches each internal URL once, however many pages refer to it."""

    def __init__(self, origin: str):
        self.origin = origin
        self.status: dict[str, int] = {}
        self.from_css: set[str] = set()

    def fetch(self, url: str) -> tuple[int, bytes]:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, b""
        except OSError:
            return 0, b""

    def check_page(self, page, path: str) -> list[Finding]:
        findings = []
        for reference in page.evaluate(REFERENCES):
            url = urllib.parse.urldefrag(reference["resolved"] or "")[0]
            if not url.startswith(self.origin) or reference["url"].startswith(("#", "mailto:", "tel:")):
                continue
            status = self._status(url.split("?")[0])
            if not 200 <= status < 400:
                findings.append(Finding(
                    page=path, check="link", rule="broken-link", element=reference["element"],
                    message=f"{reference['url']} does not load (status {status or 'no answer'})",
                    fix="Point it at a page or file that exists, or add the missing one.",
                ))
        return findings

    def _status(self, url: str) -> int:
        if url not in self.status:
            status, body = self.fetch(url)
            self.status[url] = status
            if status == 200 and url.endswith(".css"):
                self._check_css(url, body.decode("utf-8", errors="replace"))
        return self.status[url]

    def _check_css(self, css_url: str, css: str) -> None:
        # The fonts and images a stylesheet refers to: failures show against the stylesheet.
        for reference in CSS_URL.findall(css):
            if not reference.startswith("data:"):
                url = urllib.parse.urljoin(css_url, reference)
                self.from_css.add(url)
                self._status(url)

    def broken_assets(self) -> list[Finding]:
        """Files referred to only from stylesheets that failed to load."""
        return [Finding(page=urllib.parse.urlparse(url).path, check="link", rule="broken-asset", element="",
                        message=f"{url} does not load (status {status or 'no answer'})",
                        fix="A stylesheet refers to it: add the file or correct the stylesheet.")
                for url, status in sorted(self.status.items())
                if url in self.from_css and not 200 <= status < 400]
