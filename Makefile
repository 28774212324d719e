# Set-up is part of every command: each installs only what is missing, so a second run
# does no network work when nothing changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
PREVIEW_PORT ?= 8080
HOST ?= 127.0.0.1
# make build BASE_URL=/my-prototype/  for a site served under a sub-path (GitHub Pages).
BASE_URL ?= /

.PHONY: serve build preview check test install system clean wheel host

serve: install
	$(BIN)/python serve.py --host $(HOST) --port $(PORT)

build: install
	$(BIN)/python build.py --base-url $(BASE_URL)

# The build, served by the real NGINX with the shipped configuration, as it will be published.
preview: build system
	$(BIN)/journeys preview --port $(PREVIEW_PORT)

# The prototype hosted for research (docs/hosting.md): set SECRET_KEY and JOURNEYS_PASSWORD first.
# Its own port (8000) unless PORT is given: make host PORT=8001
host: install
	$(BIN)/journeys host $(if $(filter command line environment,$(origin PORT)),--port $(PORT))

# Every page in Chromium under NGINX: accessibility (axe-core), HTML, links, scenario paths.
check: install system
	$(BIN)/journeys check --browser

test: install system
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(VENV)/.installed node_modules/.installed

# The wheel designers install with pip (docs/install.md), into wheels/: GOV.UK Frontend's files
# go inside it, from the npm tarball package-lock.json pins. build/ goes first: setuptools never
# empties it, and a file deleted here must not reach the wheel.
wheel: install
	rm -rf build
	$(BIN)/python -m pip wheel --no-deps --disable-pip-version-check --quiet -w wheels .
	@ls wheels/journeys-*.whl

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium (browser tests), NGINX (serving the frozen site) and Redis (hosting tests).
system:
	@scripts/system-packages

clean:
	rm -rf $(VENV) node_modules dist .journeys build wheels
