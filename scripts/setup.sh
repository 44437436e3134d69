#!/usr/bin/env bash
# Idempotent set-up shared by `make demo` and `make test`:
#   1. finds the Odoo 19.0 Community source ($ODOO_SRC, default /opt/odoo/19.0);
#   2. as root, installs the Debian packages that are missing (PostgreSQL, Chromium, build headers);
#   3. builds the project's virtual environment (.local/venv) with Odoo's requirements and ours;
#   4. starts the project's own PostgreSQL cluster (.local/pg) unless DB_HOST is given;
#   5. writes the Odoo configuration (.local/odoo.conf) from config/odoo.conf.template.
# A second run checks each step and does nothing that is already done.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_odoo() {
  if [[ -f $ODOO_SRC/odoo-bin && -f $ODOO_SRC/odoo/release.py ]]; then
    grep -q "version_info = (19, 0" "$ODOO_SRC/odoo/release.py" ||
      die "$ODOO_SRC holds Odoo, but not 19.0 (see $ODOO_SRC/odoo/release.py). Point ODOO_SRC at an Odoo 19.0 Community source."
    return
  fi
  local how="Odoo 19.0 Community source not found: looked for odoo-bin and odoo/release.py in ODOO_SRC=$ODOO_SRC.
Get it from Odoo's official repository, branch 19.0, then run this command again:
    git clone --depth 1 --branch 19.0 $ODOO_GIT_URL $ODOO_SRC
or point ODOO_SRC at an existing Odoo 19.0 source (ODOO_SRC=/path/to/odoo make test).
To let the setup try the clone for you: RETAIL_CLONE_ODOO=1 make test"
  if [[ ${RETAIL_CLONE_ODOO:-0} == 1 ]]; then
    log "cloning Odoo 19.0 into $ODOO_SRC"
    mkdir -p "$(dirname "$ODOO_SRC")"
    if git clone --quiet --depth 1 --branch 19.0 "$ODOO_GIT_URL" "$ODOO_SRC"; then
      return
    fi
    rm -rf "$ODOO_SRC"
    die "the clone of $ODOO_GIT_URL (branch 19.0) failed (no network to it?).
$how"
  fi
  die "$how"
}

DEBIAN_PACKAGES=(postgresql postgresql-contrib chromium wkhtmltopdf libpq-dev gcc libxml2-dev libxslt1-dev
  libjpeg-dev zlib1g-dev libffi-dev)

system_packages() {
  command -v dpkg-query >/dev/null || {
    warn "not a Debian-like system: install PostgreSQL (>= 13), Chromium and build headers yourself"
    return
  }
  local missing=() p
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  if is_root; then
    stage "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    stage_end
  else
    warn "missing Debian packages (run as root, or: sudo apt-get install ${missing[*]})"
  fi
}

python_bin() {
  local py
  for py in ${PYTHON:-} python3.11 python3.12 python3; do
    if command -v "$py" >/dev/null &&
      "$py" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] < (3, 13))' 2>/dev/null; then
      command -v "$py"
      return
    fi
  done
  die "Odoo 19.0 needs Python 3.10 to 3.12 (set PYTHON=/path/to/python3.11)"
}

# Odoo's requirements.txt, with the two fixes Python 3.11 needs here:
# cbor2 5.4.2 does not build (its setup needs pkg_resources): 5.6.2 does;
# python-ldap is only for auth_ldap, which the suite does not use.
odoo_requirements() {
  sed -e 's/^cbor2==5\.4\.2/cbor2==5.6.2/' -e '/^python-ldap/d' "$ODOO_SRC/requirements.txt"
}

# pip, quiet, without the noise of this machine's extra (absent) local indexes.
pip_q() {
  "$PY" -m pip install -q --disable-pip-version-check "$@" 2>&1 | { grep -v "^WARNING: Location" || true; }
  return "${PIPESTATUS[0]}"
}

# Odoo as an installed distribution, without writing into $ODOO_SRC (an ordinary user may
# not own it): a .pth puts the source on the path, and a minimal dist-info declares
# `odoo 19.0` so that OCA wheels (which require odoo>=19.0a,<19.1dev) resolve.
register_odoo() {
  local site
  site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  echo "$ODOO_SRC" >"$site/odoo-src.pth"
  mkdir -p "$site/odoo-19.0.dist-info"
  printf 'Metadata-Version: 2.1\nName: odoo\nVersion: 19.0\n' >"$site/odoo-19.0.dist-info/METADATA"
  echo "retail-crm setup" >"$site/odoo-19.0.dist-info/INSTALLER"
  : >"$site/odoo-19.0.dist-info/RECORD"
}

venv() {
  local py stamp
  py=$(python_bin)
  stamp=$({
    "$py" --version
    odoo_requirements
    cat "$ROOT/requirements.txt"
    echo "$ODOO_SRC"
  } | sha1sum | cut -c1-12)
  if [[ -f $VENV/.stamp && $(cat "$VENV/.stamp") == "$stamp" ]] && "$PY" -c "import odoo" 2>/dev/null; then
    return
  fi
  stage "building the virtual environment in $VENV"
  rm -rf "$VENV"
  mkdir -p "$LOCAL"
  "$py" -m venv "$VENV"
  # Old sdists among Odoo's pins build only with setuptools < 70, without build isolation.
  pip_q "setuptools<70" wheel
  odoo_requirements >"$LOCAL/odoo-requirements.txt"
  # Odoo's pins constrain everything else (a newer docutils breaks module loading).
  grep -E '^[A-Za-z]' "$LOCAL/odoo-requirements.txt" >"$LOCAL/constraints.txt"
  pip_q --no-build-isolation -r "$LOCAL/odoo-requirements.txt"
  pip_q --no-build-isolation -c "$LOCAL/constraints.txt" \
    -r "$ROOT/requirements.txt"
  echo "$stamp" >"$VENV/.stamp"
  stage_end
}

# Runs a PostgreSQL tool as the cluster's owner: ourselves, or, as root, the dedicated user.
as_pg_owner() {
  if is_root; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    "$@"
  fi
}

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/pg_ctl ]] && echo "$d"
  done | sort -V | tail -n 1
}

postgres_cluster() {
  if external_db; then
    pg psql -d postgres -XAtqc "SELECT 1" >/dev/null ||
      die "cannot reach PostgreSQL at DB_HOST=$DB_HOST DB_PORT=$(db_port) as DB_USER=$(db_user)"
    return
  fi
  local bin
  bin=$(pg_bindir)
  [[ -n $bin ]] || bin=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")
  [[ -x $bin/pg_ctl ]] || die "PostgreSQL server not found (install the postgresql package, or set DB_HOST)"
  if is_root && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    # PostgreSQL refuses to run as root: the cluster belongs to a dedicated system user.
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
  mkdir -p "$PG_HOME" "$PG_RUN"
  [[ $PG_HOME == "$LOCAL/pg" ]] || echo "$PG_HOME" >"$LOCAL/pg-dir"
  if is_root; then
    chown "$PG_OS_USER" "$PG_HOME" "$PG_RUN"
    as_pg_owner test -x "$PG_HOME" ||
      die "the PostgreSQL user $PG_OS_USER cannot reach $PG_HOME: give its parent folders o+x, or set RETAIL_PG_DIR to a reachable folder"
  fi
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    stage "creating the project's PostgreSQL cluster in $PG_DATA"
    as_pg_owner "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$PG_DATA/postgresql.conf" <<CONF
# project cluster: Unix socket only, in .local/pg/run
listen_addresses = ''
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 512MB
max_connections = 100
CONF
    stage_end
  fi
  if ! as_pg_owner "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    stage "starting PostgreSQL (socket $PG_RUN, port $PG_PORT)"
    touch "$PG_LOG"
    is_root && chown "$PG_OS_USER" "$PG_LOG"
    as_pg_owner "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null ||
      die "PostgreSQL did not start; see $PG_LOG"
    stage_end
  fi
  # Odoo refuses the 'postgres' role: it connects as its own role, which may create databases.
  PGHOST=$PG_RUN PGPORT=$PG_PORT PGUSER=postgres psql -d postgres -XAtqc \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER_DEFAULT')
     THEN CREATE ROLE $DB_USER_DEFAULT LOGIN CREATEDB; END IF; END\$\$;" >/dev/null
}

odoo_config() {
  local tmp
  tmp=$(mktemp)
  sed -e "s|@ODOO_SRC@|$ODOO_SRC|g" -e "s|@ROOT@|$ROOT|g" -e "s|@LOCAL@|$LOCAL|g" \
    -e "s|@DB_HOST@|$(db_host)|g" -e "s|@DB_PORT@|$(db_port)|g" -e "s|@DB_USER@|$(db_user)|g" \
    -e "s|@HTTP_PORT@|${HTTP_PORT:-8069}|g" "$ROOT/config/odoo.conf.template" >"$tmp"
  # The password, when one is given, is not kept in the template.
  [[ -z ${DB_PASSWORD:-} ]] || printf 'db_password = %s\n' "$DB_PASSWORD" >>"$tmp"
  if cmp -s "$tmp" "$CONF"; then rm -f "$tmp"; else mv "$tmp" "$CONF"; fi
  mkdir -p "$LOCAL/data" "$LOCAL/logs"
}

main() {
  check_odoo
  system_packages
  venv
  register_odoo
  postgres_cluster
  odoo_config
}

main "$@"
