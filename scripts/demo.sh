#!/usr/bin/env bash
# The demo: set-up if needed, a database with every retail module and demo data, then Odoo served
# on http://localhost:8069 (HTTP_PORT overrides). Idempotent: a second run reuses the database,
# installs modules added since and updates the modules whose code changed.
#   DEMO_DB=name      database name (default retail_demo)
#   DEMO_DETACH=1     start the server in the background, wait until it answers, and return
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$ROOT/scripts/setup.sh"

db=${DEMO_DB:-retail_demo}
port=${HTTP_PORT:-8069}
modules=$(retail_modules)
stamp_file=$LOCAL/demo-$db.stamp
hash=$(modules_hash)

if ! db_exists "$db"; then
  stage "creating the demo database $db with demo data and: $modules"
  odoo_bin -d "$db" -i "$modules" --with-demo --stop-after-init --log-level=warn \
    --logfile="$LOCAL/logs/demo-install.log" ||
    die "installing the demo failed; see $LOCAL/logs/demo-install.log"
  echo "$hash" >"$stamp_file"
  stage_end
else
  missing=$(pg psql -d "$db" -XAtqc \
    "SELECT string_agg(m, ',') FROM unnest(string_to_array('$modules', ',')) m
      WHERE NOT EXISTS (SELECT 1 FROM ir_module_module WHERE name = m AND state = 'installed')")
  # Installed modules whose code changed are updated in the same run that installs the new
  # ones: a new module's views must load on the updated models, not on the old ones.
  args=()
  [[ -n $missing ]] && args+=(-i "$missing")
  installed=$(pg psql -d "$db" -XAtqc \
    "SELECT string_agg(name, ',') FROM ir_module_module
      WHERE name = ANY(string_to_array('$modules', ',')) AND state = 'installed'")
  [[ $(cat "$stamp_file" 2>/dev/null) != "$hash" && -n $installed ]] && args+=(-u "$installed")
  if ((${#args[@]})); then
    stage "bringing $db up to date: ${args[*]}"
    odoo_bin -d "$db" "${args[@]}" --with-demo --stop-after-init --log-level=warn \
      --logfile="$LOCAL/logs/demo-install.log" || die "see $LOCAL/logs/demo-install.log"
    stage_end
  fi
  echo "$hash" >"$stamp_file"
fi

banner="Odoo is serving the retail demo at http://localhost:$port  (login: admin, password: admin, database: $db)"
serve=("$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$db" --db-filter="^$db\$" --http-port="$port")
if [[ ${DEMO_DETACH:-0} == 1 ]]; then
  pidfile=$LOCAL/demo-$port.pid
  if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")"
    sleep 3
  fi
  if curl -s -o /dev/null "http://127.0.0.1:$port/web/login"; then
    die "port $port is already served by another process: stop it, or set HTTP_PORT"
  fi
  "${serve[@]}" --logfile="$LOCAL/logs/demo-server.log" &
  echo $! >"$pidfile"
  for _ in $(seq 120); do
    kill -0 "$(cat "$pidfile")" 2>/dev/null ||
      die "the demo server stopped; see $LOCAL/logs/demo-server.log"
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/web/login" || true)
    [[ $code == 200 ]] && break
    sleep 1
  done
  [[ $code == 200 ]] || die "the demo server did not answer /web/login (last HTTP code: $code); see $LOCAL/logs/demo-server.log"
  log "$banner"
  log "running in the background (pid $(cat "$pidfile")); stop it with: make demo-stop"
else
  log "$banner"
  exec "${serve[@]}"
fi
