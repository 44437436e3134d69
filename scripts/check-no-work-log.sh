#!/usr/bin/env bash
# The product states what is true now: issue numbers, session numbers and work-log
# phrases stay in commits, out of the code, the docs and the READMEs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pattern='[Ii]ssues? #?[0-9]+|\(#[0-9]+[,)]|another branch|[Tt]o merge\b|[Ss]ession [0-9]+\b'
found=$(grep -rnE "$pattern" addons docs README.md tests scripts \
  --include=*.py --include=*.js --include=*.xml --include=*.md --include=*.rst --include=*.sh |
  grep -v "^scripts/check-no-work-log.sh:" || true)
if [[ -n $found ]]; then
  echo "history or issue numbers in the product (keep them in commits):" >&2
  echo "$found" >&2
  exit 1
fi
