#!/usr/bin/env bash
# Runs the test suite: set-up if needed, a fresh test database copied from a template database
# (rebuilt whenever a module's code, data or manifest changes), then pytest with pytest-odoo over
# addons/*/tests and tests/integration, POS tours included (HttpCase, headless Chromium).
#   TESTS="addons/retail_customer/tests"  run only these paths (pytest paths or node ids)
#   PYTEST_ARGS="-k search -x"           extra pytest arguments
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$ROOT/scripts/setup.sh"

command -v chromium >/dev/null || command -v google-chrome >/dev/null ||
  die "Chromium not found: the POS tours need it (apt-get install chromium)"

modules=$(retail_modules)
[[ -n $modules ]] || die "no installable module in $ROOT/addons"
tmpl=retail_tmpl_$(modules_hash)

filestore() { echo "$LOCAL/data/filestore/$1"; }

build_template() {
  local building=${tmpl}_building
  stage "building the template database $tmpl with: $modules"
  pg dropdb --if-exists "$building" >/dev/null
  rm -rf "$(filestore "$building")"
  local log=$LOCAL/logs/install.log seen=0
  [[ -f $log ]] && seen=$(wc -l <"$log")
  if ! odoo_bin -d "$building" -i "$modules" --without-demo --stop-after-init \
    --log-level=warn --logfile="$log"; then
    tail -n 40 "$log" >&2
    die "installing the modules failed; full log in $log"
  fi
  # A clean install logs no warning from the retail modules (labels, views, data).
  local ours
  ours=$(tail -n +"$((seen + 1))" "$log" | grep -E ' (WARNING|ERROR) ' | grep -i 'retail' || true)
  [[ -z $ours ]] || die "installing the modules logged warnings of the retail modules:
$ours"
  local missing
  missing=$(pg psql -d "$building" -XAtqc \
    "SELECT string_agg(name, ',') FROM ir_module_module
      WHERE name = ANY(string_to_array('$modules', ',')) AND state <> 'installed'")
  [[ -z $missing ]] || die "not installed after install: $missing (see $LOCAL/logs/install.log)"
  # One template at a time: older ones are dropped (RETAIL_KEEP_TEMPLATES=1 keeps them, for
  # several checkouts of different code sharing one cluster).
  local old
  [[ ${RETAIL_KEEP_TEMPLATES:-0} == 1 ]] ||
  for old in $(psql_value "SELECT datname FROM pg_database WHERE datname LIKE 'retail\_tmpl\_%' AND datname NOT LIKE '%\_building'"); do
    pg dropdb --if-exists "$old" >/dev/null 2>&1 || continue
    rm -rf "$(filestore "$old")"
  done
  pg psql -d postgres -XAtqc "ALTER DATABASE \"$building\" RENAME TO \"$tmpl\"" >/dev/null
  [[ -d $(filestore "$building") ]] && mv "$(filestore "$building")" "$(filestore "$tmpl")"
  stage_end
}

# Several runs at once (two shells, a helper) share the cluster: one builds, the others wait.
exec 9>"$LOCAL/template.lock"
flock 9
db_exists "$tmpl" || build_template
flock -u 9

testdb=retail_test_$$
cleanup() {
  pg dropdb --if-exists "$testdb" >/dev/null 2>&1 || true
  rm -rf "$(filestore "$testdb")"
  rm -f "${run_conf:-}"
}
trap cleanup EXIT
stage "copying $tmpl to a fresh test database $testdb"
pg createdb -T "$tmpl" "$testdb"
mkdir -p "$(filestore "$testdb")"
[[ -d $(filestore "$tmpl") ]] && cp -a "$(filestore "$tmpl")/." "$(filestore "$testdb")/"
stage_end

if [[ -n ${TESTS:-} ]]; then
  read -r -a paths <<<"$TESTS"
else
  paths=()
  for d in "$ROOT"/addons/*/tests "$ROOT"/tests/integration; do
    [[ -d $d ]] && paths+=("${d#"$ROOT"/}")
  done
fi
read -r -a extra <<<"${PYTEST_ARGS:-}"

# Each run serves the tours on a free port of its own, so that runs can go in parallel.
run_conf=$LOCAL/odoo-test-$$.conf
http_port=${HTTP_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
sed -e "s|^http_port = .*|http_port = $http_port|" "$CONF" >"$run_conf"

stage "pytest ${paths[*]} (tours on port $http_port)"
cd "$ROOT"
set +e
"$VENV/bin/pytest" -p no:cacheprovider -rfEs --color=yes \
  --odoo-config="$run_conf" --odoo-database="$testdb" --odoo-http --odoo-log-level=warn \
  "${paths[@]}" "${extra[@]}"
rc=$?
set -e
stage_end
case $rc in
  0) ;;
  5) die "pytest collected no test: that is a failure here (the Odoo tests must run)" ;;
  *) die "tests failed (pytest exit code $rc)" ;;
esac
