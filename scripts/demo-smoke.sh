#!/usr/bin/env bash
# Smoke test of the demo: runs `make demo` detached on a spare port, checks that /web/login answers
# 200, that every retail module is installed in the demo database and that the demo is the Spanish
# chain (main company in Spain, euros, Spanish chart; Spanish and French installed; users in their
# languages; stores in several cities; the franchisee's own file; the French company; gift cards
# whose balances are their ledgers), then stops the server.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# A free port on loopback, unless HTTP_PORT is given.
free_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export HTTP_PORT=${HTTP_PORT:-$free_port} DEMO_DETACH=1
bash "$ROOT/scripts/demo.sh"
pidfile=$LOCAL/demo-$HTTP_PORT.pid
trap 'kill "$(cat "$pidfile")" 2>/dev/null || true' EXIT
db=${DEMO_DB:-retail_demo}
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/web/login")
[[ $code == 200 ]] || die "/web/login answered $code"
missing=$(pg psql -d "$db" -XAtqc \
  "SELECT string_agg(m, ',') FROM unnest(string_to_array('$(retail_modules)', ',')) m
    WHERE NOT EXISTS (SELECT 1 FROM ir_module_module WHERE name = m AND state = 'installed')")
[[ -z $missing ]] || die "not installed in the demo database: $missing"
# The Spanish chain: each check is a query that answers t.
check() {
  [[ $(pg psql -d "$db" -XAtqc "$2") == t ]] || die "the demo is not the Spanish chain: $1"
}
check "main company in Spain, in euros, with the Spanish chart of accounts" \
  "SELECT k.code = 'ES' AND cur.name = 'EUR' AND c.chart_template LIKE 'es%'
     FROM res_company c JOIN res_partner p ON p.id = c.partner_id
     JOIN res_country k ON k.id = p.country_id
     JOIN res_currency cur ON cur.id = c.currency_id WHERE c.id = 1"
check "Spanish (es_ES) and French (fr_FR) installed" \
  "SELECT count(*) = 2 FROM res_lang WHERE code IN ('es_ES', 'fr_FR') AND active"
check "admin, the cashier and the store manager work in Spanish" \
  "SELECT count(*) = 3 FROM res_users u JOIN res_partner p ON p.id = u.partner_id
    WHERE u.login IN ('admin', 'cajera', 'encargado') AND p.lang = 'es_ES'"
check "the French store's user works in French in the French company" \
  "SELECT p.lang = 'fr_FR' AND k.code = 'FR' FROM res_users u
     JOIN res_partner p ON p.id = u.partner_id JOIN res_company c ON c.id = u.company_id
     JOIN res_partner cp ON cp.id = c.partner_id JOIN res_country k ON k.id = cp.country_id
    WHERE u.login = 'vendeuse'"
check "stores in at least four Spanish cities" \
  "SELECT count(DISTINCT p.city) >= 4 FROM pos_config pc
     JOIN stock_picking_type t ON t.id = pc.picking_type_id
     JOIN stock_warehouse w ON w.id = t.warehouse_id JOIN res_partner p ON p.id = w.partner_id
     JOIN res_country k ON k.id = p.country_id WHERE k.code = 'ES'"
check "a Spanish franchisee keeping its own customer file, with its customers" \
  "SELECT EXISTS (SELECT 1 FROM res_company c JOIN res_partner cp ON cp.id = c.partner_id
     JOIN res_country k ON k.id = cp.country_id
     JOIN res_partner p ON p.company_id = c.id AND p.national_id IS NOT NULL
    WHERE k.code = 'ES' AND c.retail_customer_file = 'own')"
check "Spanish customers with a national ID and a +34 6 mobile, and a wholesale customer" \
  "SELECT count(*) FILTER (WHERE p.national_id IS NOT NULL AND p.phone LIKE '+34 6%') >= 6
      AND count(*) FILTER (WHERE ch.name->>'en_US' = 'Wholesale') >= 1
     FROM res_partner p JOIN res_country k ON k.id = p.country_id
     LEFT JOIN retail_channel ch ON ch.id = p.retail_channel_id WHERE k.code = 'ES'"
check "every DNI/NIE of a customer has its valid check letter" \
  "SELECT count(*) >= 6 AND bool_and(right(national_id, 1) = substr('TRWAGMYFPDXBNJZSQVHLCKE',
     (translate(left(national_id, 8), 'XYZ', '012')::bigint % 23)::int + 1, 1))
     FROM res_partner WHERE national_id ~ '^[XYZ0-9][0-9]{7}[A-Z]\$'"
check "gift cards sold, reloaded and spent through the ledger, each balance equal to its ledger" \
  "SELECT count(*) >= 3 AND bool_and(abs(c.points - l.total) < 0.005)
      AND bool_or(c.points > 0 AND l.used > 0) AND bool_and(l.n >= 2)
     FROM loyalty_card c JOIN loyalty_program p ON p.id = c.program_id
     JOIN ir_model_data d ON d.model = 'loyalty.card' AND d.res_id = c.id
      AND d.module = 'retail_demo' AND d.name LIKE 'giftcard_%'
     JOIN (SELECT card_id, sum(issued - used) AS total, sum(used) AS used, count(*) AS n
             FROM loyalty_history GROUP BY card_id) l ON l.card_id = c.id
    WHERE p.program_type = 'gift_card'"
log "demo smoke test passed: /web/login answered 200, $(retail_modules) are installed in $db, and it is the Spanish chain"
