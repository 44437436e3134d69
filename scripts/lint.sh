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
stage "the product states what is true now: no issue numbers nor work log"
history=$(grep -rnE "[Ii]ssues? #?[0-9]+|\(#[0-9]+[,)]|another branch|[Tt]o merge\b|[Ss]ession [0-9]+\b" \
  addons docs README.md tests scripts --include=*.py --include=*.js --include=*.xml \
  --include=*.md --include=*.rst --include=*.sh | grep -v "^scripts/lint.sh:" || true)
[[ -z $history ]] || die "history or issue numbers in the product (keep them in commits):
$history"
stage_end
stage "module READMEs up to date with their readme/ fragments"
"$PY" "$ROOT/scripts/module_readme.py" --check
stage_end
