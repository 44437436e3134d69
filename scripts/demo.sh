#!/usr/bin/env bash
# The demo: set-up if needed, a database with every retail module and demo data, then Odoo served
# on http://localhost:8069 (HTTP_PORT overrides). The demo is a Spanish chain: the main company is
# made Spanish (euros) before accounting is installed, so it gets the Spanish chart of accounts
# (l10n_es); the stores, the franchisee, the French store, customers and users are then built by
# scripts/demo_chain.py (demo only: no module loads it). Idempotent: a second run reuses the
# database, installs modules added since, updates the modules whose code changed and completes
# the chain.
#   DEMO_DB=name      database name (default retail_demo)
#   DEMO_DETACH=1     start the server in the background, wait until it answers, and return
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$ROOT/scripts/setup.sh"

db=${DEMO_DB:-retail_demo}
port=${HTTP_PORT:-8069}
# The localisations of the demo's companies: installed by the demo, never required by a module.
retail=$(retail_modules)
modules="$retail,l10n_es,l10n_fr_account"
stamp_file=$LOCAL/demo-$db.stamp
# The stamp: the modules' hash (a change updates them), then the chain script's (a change
# completes the chain).
modules_stamp=$(modules_hash)
hash=$modules_stamp-$(sha1sum "$ROOT/scripts/demo_chain.py" | cut -c1-12)
demo_log=$LOCAL/logs/demo-install.log
# The dependencies of account (Odoo's account/__manifest__.py).
account_deps=base_setup,onboarding,product,analytic,portal,digest

# One step of scripts/demo_chain.py (company, chart or chain) in an Odoo shell on the demo
# database.
demo_step() {
  RETAIL_DEMO_STEP=$1 "$PY" "$ODOO_SRC/odoo-bin" shell -c "$CONF" -d "$db" --no-http \
    --log-level=warn --logfile="$demo_log" <"$ROOT/scripts/demo_chain.py" ||
    die "the demo step $1 failed; see $demo_log"
}

if ! db_exists "$db"; then
  stage "creating the demo database $db: a Spanish company in euros, Spanish and French"
  odoo_bin -d "$db" -i base --with-demo --load-language=es_ES,fr_FR --stop-after-init \
    --log-level=warn --logfile="$demo_log" || die "creating the demo failed; see $demo_log"
  demo_step company
  stage_end
  # account's demo data loads the generic chart on the main company by force
  # (account/demo/account_demo.xml): account's dependencies are installed with their demo data,
  # then account and l10n_es without (Odoo loads a module's demo data only when all its
  # dependencies have theirs: product is flagged without for that install), so that the main
  # company, Spanish by now, gets the Spanish chart; every installed module is then flagged as
  # having its demo data, so that the modules installed next get theirs.
  stage "the Spanish chart of accounts (l10n_es) on the main company"
  odoo_bin -d "$db" -i "$account_deps" --stop-after-init --log-level=warn \
    --logfile="$demo_log" || die "installing $account_deps failed; see $demo_log"
  pg psql -d "$db" -XAtqc "UPDATE ir_module_module SET demo = false WHERE name = 'product'" >/dev/null
  odoo_bin -d "$db" -i l10n_es --stop-after-init --log-level=warn --logfile="$demo_log" ||
    die "installing l10n_es failed; see $demo_log"
  pg psql -d "$db" -XAtqc "UPDATE ir_module_module SET demo = true WHERE state = 'installed'" >/dev/null
  demo_step chart
  stage_end
  stage "installing with demo data: $modules"
  odoo_bin -d "$db" -i "$modules" --with-demo --stop-after-init --log-level=warn \
    --logfile="$demo_log" || die "installing the demo failed; see $demo_log"
  stage_end
  stage "building the Spanish chain (stores, franchisee, French store, customers, users)"
  demo_step chain
  echo "$hash" >"$stamp_file"
  stage_end
else
  spanish=$(pg psql -d "$db" -XAtqc \
    "SELECT 1 FROM res_company c JOIN res_partner p ON p.id = c.partner_id
       JOIN res_country k ON k.id = p.country_id WHERE c.id = 1 AND k.code = 'ES'")
  [[ $spanish == 1 ]] || die "the database $db predates the Spanish demo (its main company is not \
Spanish, and a chart of accounts cannot be replaced): drop it (dropdb $db) or set DEMO_DB to \
a new name"
  missing=$(pg psql -d "$db" -XAtqc \
    "SELECT string_agg(m, ',') FROM unnest(string_to_array('$modules', ',')) m
      WHERE NOT EXISTS (SELECT 1 FROM ir_module_module WHERE name = m AND state = 'installed')")
  # Installed modules whose code changed are updated in the same run that installs the new
  # ones: a new module's views must load on the updated models, not on the old ones.
  args=()
  [[ -n $missing ]] && args+=(-i "$missing")
  installed=$(pg psql -d "$db" -XAtqc \
    "SELECT string_agg(name, ',') FROM ir_module_module
      WHERE name = ANY(string_to_array('$retail', ',')) AND state = 'installed'")
  old_stamp=$(cat "$stamp_file" 2>/dev/null || true)
  [[ ${old_stamp%%-*} != "$modules_stamp" && -n $installed ]] && args+=(-u "$installed")
  if ((${#args[@]})); then
    stage "bringing $db up to date: ${args[*]}"
    odoo_bin -d "$db" "${args[@]}" --with-demo --stop-after-init --log-level=warn \
      --logfile="$demo_log" || die "see $demo_log"
    stage_end
  fi
  if [[ $old_stamp != "$hash" ]]; then
    stage "completing the Spanish chain"
    demo_step chain
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
