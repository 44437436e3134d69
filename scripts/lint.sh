#!/usr/bin/env bash
# Lint: the hooks of .pre-commit-config.yaml over every file of the repository (ruff,
# pylint-odoo's mandatory checks, prettier and eslint on the JavaScript, the module
# READMEs, the sizes of files and functions, the Spanish and French catalogs, no work
# log in the product). The Python tools come from the project's virtual
# environment, the JavaScript ones from package.json (installed by npm into node_modules/).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"

node_tools() {
  command -v npm >/dev/null || die "npm is needed by the JavaScript lint (Debian: apt install nodejs npm)"
  if ! cmp -s package-lock.json node_modules/.retail-lock 2>/dev/null; then
    stage "installing the JavaScript tools of package.json (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    cp package-lock.json node_modules/.retail-lock
    stage_end
  fi
}

node_tools
stage "pre-commit run --all-files"
git rev-parse --git-dir >/dev/null 2>&1 || die "make lint runs in a git clone (pre-commit lists its files)"
PRE_COMMIT_HOME="$LOCAL/pre-commit" "$VENV/bin/pre-commit" run --all-files --show-diff-on-failure
stage_end
