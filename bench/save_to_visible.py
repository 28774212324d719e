"""Save to visible change in Chromium: the page morphed in place, beside a full reload, in the same run.

    .venv/bin/python bench/serve.py --visible            # 20 saves each, about a minute
    .venv/bin/python bench/save_to_visible.py --saves 40

Two dev servers run at once, each on its own copy of the example prototype: one as it is (a
save morphs the open page), one with JOURNEYS_LIVE_UPDATE=reload (a save reloads the whole
page, as before). One Chromium tab on each shows the example's first question. The saves take
turns between the two: each rewrites the flow file with a new title for that page, and the
time runs from just before the write to the first animation frame after the new title is in
the page (a MutationObserver, put in every page before its own scripts run, so it sees a
reloaded page too). Before each save the tab has an option chosen and is scrolled down; after
it, the benchmark looks whether both are still there.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # bench/serve.py, not the serve.py beside bench/

from serve import QUESTION, demo_project, machine, start, stop  # noqa: E402

FLOW = "pages/bulky-waste.yaml"
TITLE = "What do you need us to collect?"
# In every page before its own scripts: the moment (epoch ms) a heading first shows the marker.
WATCH = """
window.__seen = null;
document.addEventListener('LiveReloadConnect', () => { window.__connected = true });
new MutationObserver(() => {
  const marker = sessionStorage.getItem('marker');
  if (window.__seen || !marker) return;
  const heading = document.querySelector('h1');
  if (heading && heading.textContent.includes(marker)) {
    requestAnimationFrame(() => { window.__seen = performance.timeOrigin + performance.now() });
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
KINDS = ("in place", "full reload")


def measure(saves: int) -> dict:
    from playwright.sync_api import sync_playwright

    from journeys.site_checks.browser import launch

    servers, tabs, results = {}, {}, {kind: {"ms": [], "typed": 0, "scrolled": 0} for kind in KINDS}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for kind in KINDS:
                project = demo_project()
                env = {"JOURNEYS_LIVE_UPDATE": "reload"} if kind == "full reload" else {}
                os.environ.update(env)
                process, url, _ = start("journeys", project)
                os.environ.pop("JOURNEYS_LIVE_UPDATE", None)
                servers[kind] = (process, project)
                tab = browser.new_page(viewport={"width": 800, "height": 500})
                tab.add_init_script(WATCH)
                tab.goto(url + QUESTION)
                wait_for(tab, "window.__connected === true")
                tabs[kind] = tab
            time.sleep(1)
            for number in range(saves):
                for kind in KINDS if number % 2 == 0 else KINDS[::-1]:
                    ms, typed, scrolled = one_save(tabs[kind], servers[kind][1], number)
                    results[kind]["ms"].append(ms)
                    results[kind]["typed"] += typed
                    results[kind]["scrolled"] += scrolled
        finally:
            browser.close()
            for process, _ in servers.values():
                stop(process)
    return results


def one_save(tab, project: Path, number: int) -> tuple[float, bool, bool]:
    """Choose an option, scroll, save a new title; (ms to the title shown, option kept, scroll kept)."""
    marker = f"(save {number})"
    tab.get_by_label("Bed or mattress").check()
    tab.evaluate("window.scrollTo(0, 200)")
    scrolled = tab.evaluate("window.scrollY")
    tab.evaluate(f"sessionStorage.setItem('marker', {marker!r}); window.__seen = null")
    flow = project / FLOW
    text = flow.read_text().replace(TITLE, f"{TITLE} {marker}", 1)
    if number:
        text = flow.read_text().replace(f"(save {number - 1})", marker, 1)
    began = time.time() * 1000
    flow.write_text(text)
    wait_for(tab, "window.__seen !== null")
    shown = tab.evaluate("window.__seen")
    t = tab.evaluate("window.__timing || null")
    if t: print("message", round(t[0]-began), "fetched", round(t[1]-began), "morphed", round(t[2]-began), "seen", round(shown-began), file=sys.stderr)
    kept = tab.get_by_label("Bed or mattress").is_checked()
    still = tab.evaluate("window.scrollY") == scrolled
    time.sleep(0.3)  # the watcher's quiet spell, then nothing in flight before the next save
    return shown - began, kept, still


def wait_for(tab, expression: str, timeout: float = 10) -> None:
    """Poll the page (the time is taken in the page itself, so polling does not change it)."""
    from playwright.sync_api import Error

    until = time.monotonic() + timeout
    while time.monotonic() < until:
        try:
            if tab.evaluate(expression):
                return
        except Error:  # the page is reloading
            pass
        time.sleep(0.005)
    raise TimeoutError(expression)


def report(results: dict, saves: int, load_before, load_after) -> str:
    base = statistics.median(results["full reload"]["ms"])
    lines = [
        f"Load average {load_before[0]:.1f} before, {load_after[0]:.1f} after.",
        "",
        "| save to visible, Chromium | median | p90 | worst | vs full reload (median) | option chosen kept | scroll kept |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind in KINDS:
        times = sorted(results[kind]["ms"])
        lines.append(f"| {kind} | {statistics.median(times):.0f} ms | {times[int(len(times) * 0.9) - 1]:.0f} ms | "
                     f"{times[-1]:.0f} ms | {statistics.median(times) / base:.2f}x | "
                     f"{results[kind]['typed']} of {saves} | {results[kind]['scrolled']} of {saves} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saves", type=int, default=20)
    args = parser.parse_args()
    print(f"Machine: {machine()}", flush=True)
    load_before = os.getloadavg()
    results = measure(args.saves)
    print(report(results, args.saves, load_before, os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
