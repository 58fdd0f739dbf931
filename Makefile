# The two set-up commands of Rounds (see README.md):
#   make run   — install what is missing, build in release mode, migrate, serve on http://127.0.0.1:3000
#   make test  — run every test: unit, integration on SQLite and PostgreSQL, browser (headless Chromium)
.PHONY: run test build-release bundle-dev

SHELL := /bin/bash

run:
	@bash tests/scripts/run-app.sh

test:
	@bash tests/scripts/test-all.sh
