#!/usr/bin/env bash
# pylint-odoo's mandatory checks (.pylintrc-mandatory) over every module of addons/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t mods < <(find addons -mindepth 2 -maxdepth 2 -name __manifest__.py -printf '%h\n' | sort)
[[ ${#mods[@]} -eq 0 ]] || exec .local/venv/bin/pylint --rcfile=.pylintrc-mandatory "${mods[@]}"
