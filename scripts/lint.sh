#!/usr/bin/env bash
# Lint: ruff (check + format) and pylint-odoo's mandatory checks over addons/ and tests/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
paths=()
for p in addons tests scripts; do [[ -d $p ]] && paths+=("$p"); done
stage "ruff check"
"$VENV/bin/ruff" check "${paths[@]}"
stage_end
stage "ruff format --check"
"$VENV/bin/ruff" format --check "${paths[@]}"
stage_end
stage "pylint-odoo (mandatory checks)"
mapfile -t mods < <(find addons -mindepth 2 -maxdepth 2 -name __manifest__.py -printf '%h\n' | sort)
[[ ${#mods[@]} -eq 0 ]] || "$VENV/bin/pylint" --rcfile=.pylintrc-mandatory "${mods[@]}"
stage_end
stage "module READMEs up to date with their readme/ fragments"
"$PY" "$ROOT/scripts/module_readme.py" --check
stage_end
