"""`journeys check --browser`: the frozen prototype served by NGINX and checked in Chromium."""
