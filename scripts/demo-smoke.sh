#!/usr/bin/env bash
# Smoke test of the demo: runs `make demo` detached on a spare port, checks that /web/login answers
# 200 and that every retail module is installed in the demo database, then stops the server.
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
log "demo smoke test passed: /web/login answered 200 and $(retail_modules) are installed in $db"
