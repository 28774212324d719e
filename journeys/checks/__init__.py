"""`journeys check --browser`: the frozen prototype checked in a real browser, page by page."""
