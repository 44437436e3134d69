#!/usr/bin/env bash
# Odoo's own test suites with the retail modules installed: a fresh database where every
# retail module and loyalty, sale_loyalty and pos_loyalty are installed; Odoo's test
# runner then runs the native suites (at_install tests as each module installs,
# post_install tests, tours included, once everything is installed).
#   NATIVE_TAGS="/loyalty,/sale_loyalty"   which native suites (default: the four below)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/scripts/setup.sh"
tags=${NATIVE_TAGS:-/loyalty,/sale_loyalty,/pos_loyalty,/point_of_sale}
# Native tests that assert what the retail modules refuse on purpose, never run:
# - test_duplicate_coupon_confirm confirms 50 eWallet points on an order without
#   lines (confirm_coupon_programs minting money); retail_card credits only what
#   the order's lines justify (retail_card/tests/test_native_paths.py).
excluded="-/pos_loyalty:TestPOSLoyaltyHistory.test_duplicate_coupon_confirm"
db=retail_native_$$
trap 'pg dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$LOCAL/data/filestore/$db"' EXIT
modules="$(retail_modules),loyalty,sale_loyalty,pos_loyalty"
stage "native suites $tags ($excluded) with: $modules"
log_file=$LOCAL/logs/native-tests-$db.log
set +e
odoo_bin -d "$db" -i "$modules" --test-tags "$tags,$excluded" --stop-after-init --without-demo \
  --log-level=test --logfile="$log_file" --http-port="${HTTP_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
rc=$?
set -e
stage_end
grep -E "(ERROR|FAIL|CRITICAL)" "$log_file" | grep -v "retail_native.*odoo.sql_db: bad query" | head -40 >&2 || true
summary=$(grep -E "odoo.tests.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$log_file" | tail -n 1)
echo "${summary:-no test summary found in $log_file}"
[[ $rc -eq 0 && $summary =~ " 0 failed, 0 error" ]] || die "native suites failed (exit $rc); see $log_file"
