#!/usr/bin/env bash
# Regenerates each module's i18n/<module>.pot from a database where it is installed (the
# test template), then updates es.po and fr.po from it with msgmerge (new strings come
# untranslated, strings gone are dropped). Translating them is a human's job.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/scripts/setup.sh"
tmpl=retail_tmpl_$(modules_hash)
db_exists "$tmpl" || die "no template database $tmpl: run make test once first"
db=retail_i18n_$$
trap 'pg dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
pg createdb -T "$tmpl" "$db"
IFS=, read -r -a mods <<<"$(retail_modules)"
for module in "${mods[@]}"; do
  dir=$ROOT/addons/$module/i18n
  mkdir -p "$dir"
  "$PY" "$ODOO_SRC/odoo-bin" i18n export -c "$CONF" -d "$db" "$module" -o "$dir/$module.pot"
  for lang in es fr; do
    if [[ -f $dir/$lang.po ]]; then
      msgmerge --quiet --no-fuzzy-matching --update --backup=none "$dir/$lang.po" "$dir/$module.pot"
    else
      msginit --no-translator --locale="$lang" --input="$dir/$module.pot" --output-file="$dir/$lang.po"
    fi
  done
  log "$module: $(grep -c '^msgid ' "$dir/$module.pot") strings"
done
