#!/usr/bin/env bash
# The load test's own PostgreSQL cluster and Odoo server (sourced by tests/load/run.sh).
# Never the project's shared cluster: the PostgreSQL restart fault restarts only this one.
#   LOAD_PG_PORT (54339)  port of the cluster (Unix socket in .local/load-pg/run)
#   LOAD_HTTP_PORT (8369), LOAD_GEVENT_PORT (8372)  ports of the load test's Odoo
#   LOAD_WORKERS (3)      Odoo HTTP workers

LOAD_DIR=$ROOT/tests/load
LPG_HOME=${RETAIL_LOAD_PG_DIR:-$LOCAL/load-pg}
LPG_DATA=$LPG_HOME/data
LPG_RUN=$LPG_HOME/run
LPG_LOG=$LPG_HOME/postgres.log
LPG_PORT=${LOAD_PG_PORT:-54339}
LOAD_HTTP_PORT=${LOAD_HTTP_PORT:-8369}
LOAD_GEVENT_PORT=${LOAD_GEVENT_PORT:-8372}
LOAD_WORKERS=${LOAD_WORKERS:-3}
LOAD_CONF=$LOCAL/load-odoo.conf
LOAD_ODOO_PID=$LOCAL/load-odoo.pid
LOAD_ODOO_LOG=$LOCAL/logs/load-odoo.log

# As scripts/setup.sh: PostgreSQL tools run as the cluster's owner (the dedicated user as root).
load_as_pg_owner() {
  if is_root; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    "$@"
  fi
}

lpg_bin() {
  local bin
  bin=$(for d in /usr/lib/postgresql/*/bin; do [[ -x $d/pg_ctl ]] && echo "$d"; done | sort -V | tail -n 1)
  [[ -n $bin ]] || bin=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")
  [[ -x $bin/pg_ctl ]] || die "PostgreSQL server not found (install the postgresql package)"
  echo "$bin"
}

lpg_ctl() { load_as_pg_owner "$(lpg_bin)/pg_ctl" -D "$LPG_DATA" "$@"; }

# psql and friends against the load cluster, as the role Odoo uses.
lpg() {
  local cmd=$1
  shift
  PGHOST=$LPG_RUN PGPORT=$LPG_PORT PGUSER=$DB_USER_DEFAULT "$cmd" "$@"
}
lpg_value() { lpg psql -d postgres -XAtqc "$1"; }
lpg_db_exists() { [[ $(lpg_value "SELECT 1 FROM pg_database WHERE datname = '$1'") == 1 ]]; }

# Refuses a load cluster that would be the project's cluster or the server of DB_HOST
# (the shared cluster of the tests): the restart fault must never reach them.
lpg_guard() {
  local own shared
  own=$(realpath -m "$LPG_DATA")
  for shared in "$PG_DATA" ${DB_HOST:+"$(dirname "$DB_HOST")/data"}; do
    [[ $own != "$(realpath -m "$shared")" ]] ||
      die "the load cluster's folder $LPG_DATA is the project's cluster: set RETAIL_LOAD_PG_DIR elsewhere"
  done
  if [[ $LPG_PORT == "$PG_PORT" ]] ||
    { [[ -n ${DB_HOST:-} ]] && [[ $LPG_PORT == "${DB_PORT:-5432}" ]] && [[ $LPG_RUN == "$DB_HOST" ]]; }; then
    die "the load cluster's port $LPG_PORT is the project's cluster's: set LOAD_PG_PORT to another one"
  fi
}

# Creates (once) and starts the load cluster. PostgreSQL refuses to run as root: as root
# the cluster belongs to the project's dedicated system user, as in scripts/common.sh.
lpg_start() {
  local bin
  lpg_guard
  bin=$(lpg_bin)
  if is_root && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
  mkdir -p "$LPG_HOME" "$LPG_RUN"
  if is_root; then
    chown "$PG_OS_USER" "$LPG_HOME" "$LPG_RUN"
    load_as_pg_owner test -x "$LPG_HOME" ||
      die "the PostgreSQL user $PG_OS_USER cannot reach $LPG_HOME: set RETAIL_LOAD_PG_DIR to a reachable folder"
  fi
  if [[ ! -f $LPG_DATA/PG_VERSION ]]; then
    stage "creating the load test's PostgreSQL cluster in $LPG_DATA"
    load_as_pg_owner "$bin/initdb" -D "$LPG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Durable settings (fsync on): the restart fault must not lose committed orders.
    cat >>"$LPG_DATA/postgresql.conf" <<CONF
# load test cluster: Unix socket only
listen_addresses = ''
port = $LPG_PORT
unix_socket_directories = '$LPG_RUN'
shared_buffers = 256MB
max_connections = 200
CONF
    stage_end
  fi
  if ! lpg_ctl status >/dev/null 2>&1; then
    touch "$LPG_LOG"
    is_root && chown "$PG_OS_USER" "$LPG_LOG"
    lpg_ctl -l "$LPG_LOG" -w -t 60 start >/dev/null || die "the load cluster did not start; see $LPG_LOG"
  fi
  PGHOST=$LPG_RUN PGPORT=$LPG_PORT PGUSER=postgres psql -d postgres -XAtqc \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER_DEFAULT')
     THEN CREATE ROLE $DB_USER_DEFAULT LOGIN CREATEDB; END IF; END\$\$;" >/dev/null
}

lpg_stop() { lpg_ctl -m fast -w stop >/dev/null 2>&1 || true; }

# The PostgreSQL restart fault: a fast shutdown (open connections are cut) and a start.
lpg_restart() {
  lpg_guard
  lpg_ctl -m fast -w -t 60 restart -l "$LPG_LOG" >/dev/null
}

# Odoo's configuration for the load test: config/production.conf.example with this
# machine's paths, the load cluster, the load ports and LOAD_WORKERS workers. It serves
# only the two databases of the run: its cron never opens the bases and templates (a
# template with a session open cannot be copied).
load_config() {
  mkdir -p "$LOCAL/logs" "$LOCAL/load-data"
  sed -e "s|^addons_path = .*|addons_path = $ODOO_SRC/addons,$ROOT/addons|" \
    -e "s|^data_dir = .*|data_dir = $LOCAL/load-data|" \
    -e "s|^db_host = .*|db_host = $LPG_RUN|" \
    -e "s|^db_port = .*|db_port = $LPG_PORT|" \
    -e "s|^db_user = .*|db_user = $DB_USER_DEFAULT|" \
    -e "/^db_password = /d" \
    -e "s|^db_maxconn = .*|db_maxconn = 16|" \
    -e "s/^dbfilter = .*/dbfilter = ^load_(retail|native)\$/" \
    -e "s|^workers = .*|workers = $LOAD_WORKERS|" \
    -e "s|^max_cron_threads = .*|max_cron_threads = 1|" \
    -e "s|^gevent_port = .*|gevent_port = $LOAD_GEVENT_PORT|" \
    -e "s|^http_port = .*|http_port = $LOAD_HTTP_PORT|" \
    -e "s|^logfile = .*|logfile = $LOAD_ODOO_LOG|" \
    -e "s|^log_level = .*|log_level = warn|" \
    "$ROOT/config/production.conf.example" >"$LOAD_CONF"
}

load_odoo_bin() { "$PY" "$ODOO_SRC/odoo-bin" -c "$LOAD_CONF" "$@"; }

load_odoo_running() { [[ -s $LOAD_ODOO_PID ]] && kill -0 "$(cat "$LOAD_ODOO_PID")" 2>/dev/null; }

load_odoo_start() {
  load_odoo_running && return
  load_odoo_bin --pidfile="$LOAD_ODOO_PID" >/dev/null 2>&1 &
  local i
  for i in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$LOAD_HTTP_PORT/web/webclient/version_info" \
      -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","params":{}}' 2>/dev/null; then
      return
    fi
    sleep 1
  done
  die "the load test's Odoo did not answer on port $LOAD_HTTP_PORT; see $LOAD_ODOO_LOG"
}

load_odoo_stop() {
  if load_odoo_running; then
    local pid
    pid=$(cat "$LOAD_ODOO_PID")
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      # a second signal makes Odoo stop without waiting for its workers' requests
      [[ $i == 5 ]] && kill "$pid" 2>/dev/null
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$LOAD_ODOO_PID"
}
