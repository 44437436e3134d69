# The two commands of the project (see README.md). ODOO_SRC overrides where Odoo 19.0 is found.
.PHONY: demo test test-native lint setup demo-smoke demo-stop benchmark load-check load-test clean i18n

demo:        ## set up if needed, then serve the demo database on http://localhost:8069
	@bash scripts/demo.sh

test:        ## set up if needed, then run every test (pytest-odoo, POS tours in Chromium)
	@bash scripts/test.sh

test-native: ## Odoo's own suites with the retail modules installed (NATIVE_TAGS=/loyalty,...)
	@bash scripts/test-native.sh

i18n:        ## regenerate each module's .pot and merge es.po / fr.po
	@bash scripts/i18n.sh

lint:        ## ruff and pylint-odoo over addons/ and tests/
	@bash scripts/lint.sh

setup:       ## only the set-up (packages, venv, PostgreSQL, config)
	@bash scripts/setup.sh

demo-smoke:  ## start the demo in the background, check /web/login and the modules, stop it
	@bash scripts/demo-smoke.sh

demo-stop:
	@for f in .local/demo-*.pid; do [ -f "$$f" ] && kill "$$(cat $$f)" 2>/dev/null; rm -f "$$f"; done; true

benchmark:   ## the benchmarks of tests/benchmarks (long; see README)
	@bash scripts/benchmark.sh

load-check:  ## short load test: 10 tills, a worker killed; non-zero exit when a check fails
	@bash tests/load/run.sh check

load-test:   ## the full load test: 10, 25, 50 tills, 200,000 customers, worker kill, PostgreSQL restart
	@bash tests/load/run.sh test

clean:       ## stop the project's PostgreSQL and remove .local/
	@bash scripts/clean.sh
