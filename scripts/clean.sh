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
[[ $PG_HOME == "$LOCAL/pg" ]] || rm -rf "$PG_HOME"
rm -rf "$LOCAL"
log "removed $LOCAL"
