#!/usr/bin/env bash
# The load test of the retail suite (never part of `make test`): its own PostgreSQL cluster
# and its own Odoo with workers (config/production.conf.example), two databases made the
# same way (every retail module / only native pos_loyalty), tills played by
# tests/load/driver.py at each level, the faults, then tests/load/check.py, which checks
# what the tills sent against the databases and writes tests/load/results.md
# (`make load-test`) or tests/load/results-check.md (`make load-check`).
#
#   bash tests/load/run.sh check   `make load-check`: 10 tills, one worker killed (a few minutes
#                                  once the databases are made; making them takes longer)
#   bash tests/load/run.sh test    `make load-test`: 10, 25 and 50 tills, 200,000 customers, a
#                                  worker killed and the PostgreSQL server restarted
# Settings (defaults of check / test):
#   LOAD_CUSTOMERS (2000 / 200000)  customers of the benchmark databases
#   LOAD_LEVELS ("10" / "10 25 50") tills of the measured phases (a retail and a native
#                                   phase each, one after the other)
#   LOAD_FIRST (retail)             side played first at the first level; the next level
#                                   starts with the other side, and so on
#   LOAD_SECONDS (45 / 120)         length of each measured phase, after its warm-up (up to
#                                   10 tills play one order of each kind before the clock
#                                   starts, so that every worker has filled its caches; those
#                                   orders are checked, not counted in the figures)
#   LOAD_FAULT_TILLS (10 / 50)      tills of the fault phase (retail)
#   LOAD_FAULT_SECONDS (60 / 150)   its length
#   LOAD_FAULTS ("kill" / "kill pg")  faults of the fault phase
#   LOAD_GENERATE=1                 the retail database's first company gets its customers
#                                   and their history from tests/benchmarks/generate.py
#                                   (through the ORM: about 2.5 ms per customer) instead of
#                                   setup_data.py's set-based copies
#   LOAD_RESULTS (results-check.md / results.md)  file of tests/load/ the figures go to
#   LOAD_RESUME=1                   keep load_retail, load_native and the phases already
#                                   played (with LOAD_LEVELS=" ": only the faults and checks;
#                                   LOAD_KEY names the fixtures of the interrupted run)
#   LOAD_KEEP=1                     leave Odoo and the load cluster running afterwards
#   LOAD_BASE_KEY                   use the bases of this key (made with other module code)
#   LOAD_UPDATE                     modules to update (-u) in load_retail before the run
# The exit code is non-zero when a check fails (see check.py).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"
source "$ROOT/tests/load/cluster.sh"

# Everything in one function: bash reads it whole, so editing this file during a run is safe.
main() {
  mode=${1:-check}
  case $mode in
    check) defaults=(2000 "10" 45 10 60 "kill") results=results-check.md ;;
    test) defaults=(200000 "10 25 50" 120 50 150 "kill pg") results=results.md ;;
    *) die "usage: $0 check|test" ;;
  esac
  customers=${LOAD_CUSTOMERS:-${defaults[0]}}
  levels=${LOAD_LEVELS:-${defaults[1]}}
  seconds=${LOAD_SECONDS:-${defaults[2]}}
  fault_tills=${LOAD_FAULT_TILLS:-${defaults[3]}}
  fault_seconds=${LOAD_FAULT_SECONDS:-${defaults[4]}}
  faults=" ${LOAD_FAULTS:-${defaults[5]}} "
  seed=${LOAD_SEED:-42}
  out=$LOCAL/load-run
  mkdir -p "$out" "$LOCAL/logs"

  [[ -x $PY ]] || bash "$ROOT/scripts/setup.sh"
  lpg_start
  load_config

  # Per variant a base (modules installed; with LOAD_GENERATE=1, generate.py's customers),
  # kept while the modules (and the generator and sizes) are the same, and a template (the
  # base set up by setup_data.py for LOAD_CUSTOMERS), kept while setup_data.py is the same
  # too. Each run copies the templates.
  generate=${LOAD_GENERATE:-0}
  base_key=$({
    modules_hash
    if [[ $generate == 1 ]]; then
      sha1sum "$ROOT/tests/benchmarks/generate.py"
      echo "$customers $seed"
    fi
  } | sha1sum | cut -c1-10)
  base_key=${LOAD_BASE_KEY:-$base_key}
  key=$({
    echo "$base_key $customers"
    sha1sum "$LOAD_DIR/setup_data.py"
  } | sha1sum | cut -c1-10)
  key=${LOAD_KEY:-$key}

  filestore() { echo "$LOCAL/load-data/filestore/$1"; }
  drop_db() {
    if lpg_db_exists "$1"; then lpg dropdb "$1"; fi
    rm -rf "$(filestore "$1")"
  }
  copy_db() {
    drop_db "$2"
    lpg createdb -T "$1" "$2"
    if [[ -d $(filestore "$1") ]]; then cp -a "$(filestore "$1")" "$(filestore "$2")"; fi
  }
  rename_db() {
    lpg psql -d postgres -XAtqc "ALTER DATABASE $1 RENAME TO $2" >/dev/null
    if [[ -d $(filestore "$1") ]]; then mv "$(filestore "$1")" "$(filestore "$2")"; fi
  }
  drop_older() {
    local db
    for db in $(lpg_value "SELECT datname FROM pg_database WHERE datname LIKE '$1%'"); do
      [[ $db == "$2" ]] || drop_db "$db"
    done
  }

  build_base() {
    local variant=$1 base=$2 building=$2_building modules
    stage "making the $variant base $base"
    drop_older "load_base_${variant}_" "$base"
    drop_db "$building"
    if [[ $variant == retail ]]; then modules=$(retail_modules); else modules=pos_loyalty; fi
    load_odoo_bin -d "$building" -i "$modules" --without-demo --stop-after-init --workers=0 \
      --max-cron-threads=0 --log-level=warn --logfile="$LOCAL/logs/load-install-$variant.log" ||
      die "installing $modules failed; see $LOCAL/logs/load-install-$variant.log"
    if [[ $variant == retail && $generate == 1 ]]; then
      # the benchmarks' generator: the first company's customers, stores and history
      if ! "$PY" "$ROOT/tests/benchmarks/generate.py" --conf "$LOAD_CONF" --db "$building" \
        --customers "$((customers - customers / 10))" --seed "$seed" --jobs "$(nproc)" \
        >"$LOCAL/logs/load-generate.log" 2>&1; then
        # its self-check of the KPIs it fills is not part of the load test: the data stay
        grep -q "the generated KPIs differ from the module's" "$LOCAL/logs/load-generate.log" ||
          die "generate.py failed; see $LOCAL/logs/load-generate.log"
        warn "generate.py's own KPI self-check failed (see $LOCAL/logs/load-generate.log); its customers are used"
      fi
    fi
    rename_db "$building" "$base"
    stage_end
  }

  build_template() {
    local variant=$1 base=$2 tpl=$3
    stage "making the $variant template $tpl"
    drop_older "load_tpl_${variant}_" "$tpl"
    copy_db "$base" "${tpl}_building"
    "$PY" "$LOAD_DIR/setup_data.py" --conf "$LOAD_CONF" --db "${tpl}_building" --variant "$variant" \
      --customers "$customers" --out "$LOCAL/load-fixture-$variant-$key.json" \
      --log-level warn || die "setting up ${tpl}_building failed; see $LOAD_ODOO_LOG"
    rename_db "${tpl}_building" "$tpl"
    stage_end
  }

  load_odoo_stop
  for variant in retail native; do
    [[ ${LOAD_RESUME:-0} == 1 ]] && break
    base=load_base_${variant}_$base_key
    lpg_db_exists "$base" || build_base "$variant" "$base"
  done
  [[ ${LOAD_BASES_ONLY:-0} == 1 ]] && exit 0
  for variant in retail native; do
    [[ ${LOAD_RESUME:-0} == 1 ]] && break
    base=load_base_${variant}_$base_key
    tpl=load_tpl_${variant}_$key
    lpg_db_exists "$tpl" && [[ -s $LOCAL/load-fixture-$variant-$key.json ]] ||
      build_template "$variant" "$base" "$tpl"
    copy_db "$tpl" "load_$variant"
  done
  if [[ -n ${LOAD_UPDATE:-} ]]; then
    stage "updating $LOAD_UPDATE in load_retail"
    load_odoo_bin -d load_retail -u "$LOAD_UPDATE" --stop-after-init --workers=0 \
      --max-cron-threads=0 --log-level=warn --logfile="$LOCAL/logs/load-update.log" ||
      die "updating $LOAD_UPDATE failed; see $LOCAL/logs/load-update.log"
    stage_end
  fi

  cleanup() {
    [[ ${LOAD_KEEP:-0} == 1 ]] && return
    load_odoo_stop
    lpg_stop
  }
  trap cleanup EXIT
  stage "starting Odoo with $LOAD_WORKERS workers on port $LOAD_HTTP_PORT"
  load_odoo_start
  stage_end

  [[ ${LOAD_RESUME:-0} == 1 ]] || rm -f "$out"/phase-*.json
  drive() {
    local variant=$1 tills=$2 secs=$3 name=$4
    shift 4
    "$PY" "$LOAD_DIR/driver.py" --fixture "$LOCAL/load-fixture-$variant-$key.json" \
      --db "load_$variant" --url "http://127.0.0.1:$LOAD_HTTP_PORT" --tills "$tills" \
      --seconds "$secs" --seed "$seed-$name" --pg-host "$LPG_RUN" --pg-port "$LPG_PORT" \
      --odoo-pidfile "$LOAD_ODOO_PID" --out "$out/phase-$name.json" "$@"
  }

  # Each measured phase starts after the driver's warm-up (not counted); which side plays
  # first alternates from one level to the next, starting with LOAD_FIRST.
  order=(retail native)
  [[ ${LOAD_FIRST:-retail} == native ]] && order=(native retail)
  for level in $levels; do
    for variant in "${order[@]}"; do
      stage "$variant: $level tills for $seconds s (after a warm-up)"
      drive "$variant" "$level" "$seconds" "$variant-$level"
      stage_end
    done
    order=("${order[1]}" "${order[0]}")
  done

  fault_args=()
  [[ $faults == *" kill "* ]] && fault_args+=(--kill-worker-at "$((fault_seconds * 3 / 10))")
  if [[ $faults == *" pg "* ]]; then
    fault_args+=(--restart-pg-at "$((fault_seconds * 6 / 10))"
      --restart-pg-cmd "bash -c 'source $ROOT/scripts/common.sh; source $LOAD_DIR/cluster.sh; lpg_restart'")
  fi
  stage "faults ($faults): $fault_tills tills for $fault_seconds s"
  drive retail "$fault_tills" "$fault_seconds" "retail-faults" --warm-tills 0 "${fault_args[@]}"
  stage_end

  stage "checks and figures"
  status=0
  "$PY" "$LOAD_DIR/check.py" --conf "$LOAD_CONF" --run "$out" --mode "$mode" \
    --customers "$customers" --workers "$LOAD_WORKERS" \
    --results "$LOAD_DIR/${LOAD_RESULTS:-$results}" || status=$?
  stage_end
  exit $status
}

main "$@"; exit $?
