#!/usr/bin/env bash
# Shared settings and helpers of the project's scripts. Sourced, never run.
# Everything the scripts create lives under $LOCAL (.local/ in the checkout, git-ignored).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo/19.0}
LOCAL=${RETAIL_LOCAL:-$ROOT/.local}
VENV=$LOCAL/venv
PY=$VENV/bin/python
CONF=$LOCAL/odoo.conf
PG_PORT=${RETAIL_PG_PORT:-54329}
PG_OS_USER=${RETAIL_PG_OS_USER:-retailpg}
DB_USER_DEFAULT=odoo
ODOO_GIT_URL=https://github.com/odoo/odoo.git

# The libpq variables of the user's shell (PGHOST, PGPORT, PGUSER...) never steer the
# project's commands: every client call names its server (see pg() and odoo.conf). An
# existing server is asked for with DB_HOST, DB_PORT, DB_USER and DB_PASSWORD.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGPASSWORD PGPASSFILE PGDATABASE PGSERVICE \
  PGSERVICEFILE PGOPTIONS PGSSLMODE PGREQUIRESSL PGAPPNAME PGCONNECT_TIMEOUT PGTARGETSESSIONATTRS


is_root() { [[ $(id -u) -eq 0 ]]; }

# Whether every folder from / down to $1 lets other users through (the x bit of
# "others"; t is x with the sticky bit).
world_traversable() {
  local dir=$1 mode
  while [[ $dir != / && $dir != . ]]; do
    if [[ -e $dir ]]; then
      mode=$(stat -c %A "$dir")
      [[ ${mode: -1} == [xt] ]] || return 1
    fi
    dir=$(dirname "$dir")
  done
}

# Where the project's PostgreSQL cluster lives: $LOCAL/pg, unless the project runs as
# root from a folder the dedicated PostgreSQL user cannot reach (a clone in root's home,
# mode 700): then /var/lib/retail-crm/<hash of the checkout's path>, remembered in
# $LOCAL/pg-dir. RETAIL_PG_DIR overrides.
pg_home() {
  if [[ -n ${RETAIL_PG_DIR:-} ]]; then
    echo "$RETAIL_PG_DIR"
  elif [[ -s $LOCAL/pg-dir ]]; then
    cat "$LOCAL/pg-dir"
  elif [[ -f $LOCAL/pg/data/PG_VERSION ]] || ! is_root || world_traversable "$LOCAL"; then
    echo "$LOCAL/pg"
  else
    echo "/var/lib/retail-crm/$(printf %s "$ROOT" | sha1sum | cut -c1-12)"
  fi
}
PG_HOME=$(pg_home)
PG_DATA=$PG_HOME/data
PG_RUN=$PG_HOME/run
PG_LOG=$PG_HOME/postgres.log

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

# Timer for stages: `stage NAME` starts one, `stage_end` prints how long it took.
_stage_name="" _stage_start=0
stage() {
  _stage_name=$1 _stage_start=$(date +%s)
  log "$1"
}
stage_end() {
  printf '\033[1;32m  done\033[0m %s in %ss\n' "$_stage_name" $(($(date +%s) - _stage_start)) >&2
}


# External PostgreSQL: set DB_HOST (and DB_PORT, DB_USER, DB_PASSWORD) to use it
# instead of the project's own cluster.
external_db() { [[ -n ${DB_HOST:-} ]]; }
db_host() { if external_db; then echo "$DB_HOST"; else echo "$PG_RUN"; fi; }
db_port() { if external_db; then echo "${DB_PORT:-5432}"; else echo "$PG_PORT"; fi; }
db_user() { echo "${DB_USER:-$DB_USER_DEFAULT}"; }

# psql / createdb / dropdb against the database server the project uses.
pg() {
  local cmd=$1
  shift
  PGHOST=$(db_host) PGPORT=$(db_port) PGUSER=$(db_user) PGPASSWORD=${DB_PASSWORD:-} \
    "$cmd" "$@"
}
psql_value() { pg psql -d postgres -XAtqc "$1"; }
db_exists() { [[ $(psql_value "SELECT 1 FROM pg_database WHERE datname = '$1'") == 1 ]]; }

# Installable retail modules of addons/ (every folder with an installable manifest).
retail_modules() {
  "$PY" - "$ROOT/addons" <<'PY'
import ast, pathlib, sys
mods = []
for manifest in sorted(pathlib.Path(sys.argv[1]).glob("*/__manifest__.py")):
    data = ast.literal_eval(manifest.read_text())
    if data.get("installable", True):
        mods.append(manifest.parent.name)
print(",".join(mods))
PY
}

# A hash of everything that changes an installed database: module code, data, views, manifests
# (tests, readme, the generated module READMEs and static files excluded: Odoo reads
# those from disk or never),
# Odoo's release and the config template.
modules_hash() {
  (
    cd "$ROOT"
    {
      find addons -type f \( -path '*/tests/*' -o -path '*/readme/*' -o -path '*/static/*' \
        -o -name '*.pyc' -o -path '*/i18n/*' -o -path 'addons/*/README.md' \) -prune -o -type f -print | LC_ALL=C sort | xargs -r sha1sum
      sha1sum "$ODOO_SRC/odoo/release.py" config/odoo.conf.template
    } | sha1sum | cut -c1-12
  )
}

odoo_bin() { "$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" "$@"; }
