# make demo: set everything up, then run the sample province's 2024 round.
# make test: set everything up, then run the test suite.
# make serve: set everything up, then start the web workspace.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := libreoffice-writer-nogui fonts-liberation2 poppler-utils qpdf python3-venv \
	libnss3-tools softhsm2 opensc postgresql openssl xmlsec1 chromium redis-server tesseract-ocr tesseract-ocr-vie

.PHONY: setup system venv demo test serve bench clean

setup: system venv

# Debian packages: installed only when one is missing, so a ready machine skips apt.
system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.installed .venv-eark/.installed

# eark-validator (the independent E-ARK package validator of the tests) pins lxml 5.1: its own environment.
.venv-eark/.installed:
	python3 -m venv .venv-eark
	.venv-eark/bin/python -m pip install -q eark-validator==1.1.3
	touch $@

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# The demo never overwrites a register: each `make demo` replays the year into a fresh out/2024.
demo: setup
	rm -rf out/2024 out/pki
	$(VENV)/bin/thidua demo

test: setup
	$(PY) -m pytest -q

# The web workspace on http://127.0.0.1:8000/ over out/web (created with demo accounts on first start).
serve: setup
	$(VENV)/bin/thidua serve

bench: setup
	$(PY) bench/bench_generate.py
	$(PY) bench/bench_signing.py
	$(PY) bench/bench_remote.py
	$(PY) bench/bench_register.py
	$(PY) bench/bench_round.py

clean:
	rm -rf out/* $(VENV) .venv-eark
	touch out/.gitkeep
