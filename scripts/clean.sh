#!/usr/bin/env bash
# Stops the project's PostgreSQL cluster and removes .local/ (venv, databases, filestore, logs).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ -f $PG_DATA/PG_VERSION ]]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if is_root; then
    runuser -u "$PG_OS_USER" -- "$bin/pg_ctl" -D "$PG_DATA" stop -m fast || true
  else
    "$bin/pg_ctl" -D "$PG_DATA" stop -m fast || true
  fi
fi
# the load test's own cluster (tests/load), when it was left running
if [[ -f $LOCAL/load-pg/data/PG_VERSION ]]; then
  source "$ROOT/tests/load/cluster.sh"
  load_odoo_stop
  lpg_stop
fi
[[ $PG_HOME == "$LOCAL/pg" ]] || rm -rf "$PG_HOME"
rm -rf "$LOCAL"
log "removed $LOCAL"
