#!/usr/bin/env bash
# The benchmarks of tests/benchmarks (never part of `make test`; long: about 10 min to generate
# 200,000 customers on 2 cores, 20-30 min of measures): set-up if needed, a database with
# the customer modules per size (generated once by tests/benchmarks/generate.py; updated in
# place with -u when they change; regenerated when the seed or the size change), then
# tests/benchmarks/bench_customer.py on them. The figures are printed and written to
# tests/benchmarks/results/customer.md (query plans in customer_plans.txt).
#   BENCH_SIZES="2000 200000"   customers of the small and of the big database
#   BENCH_SEED=42               seed of the generator
#   BENCH_JOBS=2                processes creating the customers (default: CPUs)
#   BENCH_ARGS="--queries 200"  extra arguments of bench_customer.py
#   BENCH_REGENERATE=1          drop and regenerate the bench databases
#   BENCH_SUITES="customer loyalty giftcard surveys registry promotions marketing clienteling"
#                               which run (default: all)
# The other suites, each on a database of its own made from the ones above:
#   loyalty   tests/benchmarks/bench_loyalty.py on a copy of the biggest customer database
#             with retail_loyalty installed (it adds one card per customer and 1,000,000
#             ledger rows once; BENCH_LOYALTY_ROWS changes that): expiry job, tier job and
#             POS order sync against native pos_loyalty; results/loyalty.md.
#   giftcard  tests/benchmarks/bench_giftcard.py on a copy of the base with retail_giftcard:
#             10,000 and 100,000 cards against the native coupon wizard (BENCH_GIFTCARD_SIZES
#             changes the sizes); results/giftcard.md.
#   surveys   tests/benchmarks/bench_surveys.py on a copy of the base with retail_surveys: sync
#             of BENCH_SURVEY_ORDERS (1,000) orders with answers vs without, and the analysis
#             over BENCH_SURVEY_LINES (1,000,000) answer lines, rolled back; results/surveys.md.
#   registry  tests/benchmarks/bench_gift_registry.py on a copy of the base with
#             retail_gift_registry: list search among BENCH_REGISTRY_LISTS (50,000) lists and
#             the bought quantities of a 300-item list; results/gift_registry.md.
#   promotions  tests/benchmarks/bench_promotions.py on a copy of the base with retail_promotions:
#             the till's promotion recomputation in Chromium, retail vs native pos_loyalty
#             (BENCH_PROMO_ARGS, default "--rounds 2"; on a loaded machine add
#             "--promotions 60 --lines 15"); results/promotions.md.
#   marketing tests/benchmarks/bench_marketing.py on a copy of the biggest customer database
#             with the campaign modules (retail_marketing and its loyalty, gift card and
#             coupon bridges, retail_loyalty, retail_giftcard): the loyalty data of the
#             loyalty suite (BENCH_LOYALTY_ROWS) and BENCH_MARKETING_SEND (100,000)
#             customers with consent, made once; audience count with loyalty criteria,
#             personalised email and SMS sends against plain ones, the results page,
#             a campaign's points load and the expiry job; results/marketing.md.
#   clienteling  tests/benchmarks/bench_clienteling.py on a copy of the marketing suite's
#             database with retail_promotions, retail_clienteling and its loyalty and
#             promotions bridges: a 3,000-product catalogue and BENCH_CLIENTELING_LINES
#             (2,000,000) till and sale order lines made once in SQL (added to the orders
#             the database has); the till's customer search against native point_of_sale's,
#             the pairs' rebuild, the suggestions and the customer's panel
#             (BENCH_CLIENTELING_ARGS); results/clienteling.md.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$ROOT/scripts/setup.sh"

read -r -a sizes <<<"${BENCH_SIZES:-2000 200000}"
[[ ${#sizes[@]} -ge 1 ]] || die "BENCH_SIZES is empty"
seed=${BENCH_SEED:-42}
jobs=${BENCH_JOBS:-$(nproc)}
base=retail_bench_base
# The customer modules: the foundation and the two that install themselves with it.
customer_modules=retail_customer,retail_customer_kpi,retail_customer_gdpr
# What changes a bench database: the customer modules' code and data (as modules_hash, for
# them only: changes elsewhere in addons/ do not touch the bench databases) and Odoo's release.
hash=$(
  cd "$ROOT"
  {
    find addons/retail_customer addons/retail_customer_kpi addons/retail_customer_gdpr \
      -type f \( -path '*/tests/*' -o -path '*/readme/*' \
      -o -path '*/static/description/*' -o -name '*.pyc' -o -path '*/i18n/*' \) -prune \
      -o -type f -print | LC_ALL=C sort | xargs -r sha1sum
    sha1sum "$ODOO_SRC/odoo/release.py"
  } | sha1sum | cut -c1-12
)
mkdir -p "$LOCAL/logs" "$LOCAL/data/filestore"

filestore() { echo "$LOCAL/data/filestore/$1"; }
stamp_file() { echo "$LOCAL/bench-$1.stamp"; }
drop_db() {
  if db_exists "$1"; then pg dropdb "$1"; fi
  rm -rf "$(filestore "$1")" "$(stamp_file "$1")"
}
db_name() {
  local n=$1
  if ((n % 1000 == 0)); then echo "retail_bench_$((n / 1000))k"; else echo "retail_bench_$n"; fi
}

# Each bench database keeps a stamp: "<data key> <modules hash>". A database whose data key
# (seed, size) matches is kept; if only the modules changed it is updated in place
# (-u of the customer modules, as a customer database would be; the ones added since are
# installed in the same run), which is much faster than generating.
stamp() { cat "$(stamp_file "$1")" 2>/dev/null || true; }
update_db() {
  local db=$1
  stage "updating the customer modules in $db after a code change"
  if ! odoo_bin -d "$db" -i "$customer_modules" -u "$customer_modules" --stop-after-init --log-level=warn \
    --logfile="$LOCAL/logs/bench-update-$db.log"; then
    warn "updating $db failed (see $LOCAL/logs/bench-update-$db.log): it will be rebuilt"
    return 1
  fi
  # An update may rewrite every customer row (new stored fields): clean up and re-plan.
  pg vacuumdb --analyze --quiet --dbname "$db" 2>&1 | { grep -v 'only superuser can vacuum' || true; } >&2
  stage_end
}

# The base: the customer modules installed, no data.
[[ ${BENCH_REGENERATE:-0} == 1 ]] && drop_db "$base"
if db_exists "$base" && [[ $(stamp "$base") != "base $hash" ]]; then
  update_db "$base" && echo "base $hash" >"$(stamp_file "$base")" || drop_db "$base"
fi
if ! db_exists "$base" || [[ $(stamp "$base") != "base $hash" ]]; then
  stage "installing $customer_modules in $base"
  drop_db "$base"
  odoo_bin -d "$base" -i "$customer_modules" --without-demo --stop-after-init --log-level=warn \
    --logfile="$LOCAL/logs/bench-install.log" ||
    die "installing $customer_modules failed; see $LOCAL/logs/bench-install.log"
  echo "base $hash" >"$(stamp_file "$base")"
  stage_end
fi

dbs=()
for size in "${sizes[@]}"; do
  [[ $size =~ ^[0-9]+$ ]] || die "BENCH_SIZES: $size is not a number"
  db=$(db_name "$size")
  dbs+=("$db")
  data="seed=$seed,customers=$size"
  current=$(stamp "$db")
  if [[ ${BENCH_REGENERATE:-0} != 1 ]] && db_exists "$db" && [[ ${current%% *} == "$data" ]]; then
    if [[ ${current#* } == "$hash" ]]; then
      log "$db is up to date ($data)"
      continue
    fi
    if update_db "$db"; then
      echo "$data $hash" >"$(stamp_file "$db")"
      continue
    fi
  fi
  stage "generating $db: $size customers, seed $seed, $jobs jobs"
  drop_db "$db"
  pg createdb -T "$base" "$db"
  [[ -d $(filestore "$base") ]] && cp -a "$(filestore "$base")" "$(filestore "$db")"
  if ! "$PY" "$ROOT/tests/benchmarks/generate.py" --conf "$CONF" --db "$db" \
    --customers "$size" --seed "$seed" --jobs "$jobs" \
    2> >(tee "$LOCAL/logs/bench-generate-$db.log" >&2); then
    drop_db "$db"
    die "generating $db failed; see $LOCAL/logs/bench-generate-$db.log"
  fi
  echo "$data $hash" >"$(stamp_file "$db")"
  stage_end
done

# The biggest database is measured; the smallest one only for the POS start load.
small=${dbs[0]} big=${dbs[${#dbs[@]}-1]}
suites=" ${BENCH_SUITES:-customer loyalty giftcard surveys registry promotions marketing clienteling} "

if [[ $suites == *" customer "* ]]; then
  read -r -a extra <<<"${BENCH_ARGS:-}"
  args=(--conf "$CONF" --db "$big")
  [[ $small != "$big" ]] && args+=(--small-db "$small")
  stage "benchmarks on $big (POS start load also on $small)"
  "$PY" "$ROOT/tests/benchmarks/bench_customer.py" "${args[@]}" "${extra[@]}"
  stage_end
  log "figures written to tests/benchmarks/results/customer.md"
fi

# A copy of $1 with module $3 installed (several: comma-separated), as database $2, kept
# while the modules and the source database do not change (stamp: hash of the customer
# modules, retail_card and $3 as committed + the source's stamp).
module_db() {
  local from=$1 db=$2 module=$3 key
  local paths=()
  read -r -a paths <<<"${module//,/ }"
  key="$(cd "$ROOT" && git ls-files -s addons/retail_customer addons/retail_customer_kpi \
    addons/retail_customer_gdpr addons/retail_card "${paths[@]/#/addons/}" |
    sha1sum | cut -c1-12) $(stamp "$from")"
  if db_exists "$db" && [[ $(stamp "$db") == "$key" ]]; then
    log "$db is up to date"
    return
  fi
  stage "making $db: $from with $module"
  drop_db "$db"
  pg createdb -T "$from" "$db"
  [[ -d $(filestore "$from") ]] && cp -a "$(filestore "$from")" "$(filestore "$db")"
  odoo_bin -d "$db" -u "$customer_modules" -i "$module" --without-demo --stop-after-init \
    --log-level=warn --logfile="$LOCAL/logs/bench-install-$db.log" ||
    die "installing $module in $db failed; see $LOCAL/logs/bench-install-$db.log"
  echo "$key" >"$(stamp_file "$db")"
  stage_end
}

if [[ $suites == *" loyalty "* ]]; then
  size=${sizes[${#sizes[@]}-1]}
  db=${big/retail_bench_/retail_bench_loyalty_}
  module_db "$big" "$db" retail_loyalty
  stage "loyalty benchmarks on $db"
  "$PY" "$ROOT/tests/benchmarks/bench_loyalty.py" --conf "$CONF" --db "$db" \
    --customers "$size" --rows "${BENCH_LOYALTY_ROWS:-1000000}"
  stage_end
  log "figures written to tests/benchmarks/results/loyalty.md"
fi

if [[ $suites == *" giftcard "* ]]; then
  module_db "$base" retail_bench_giftcard retail_giftcard
  stage "gift card benchmarks on retail_bench_giftcard"
  read -r -a gc_sizes <<<"${BENCH_GIFTCARD_SIZES:-10000 100000}"
  "$PY" "$ROOT/tests/benchmarks/bench_giftcard.py" --conf "$CONF" --db retail_bench_giftcard \
    --sizes "${gc_sizes[@]}"
  stage_end
  log "figures written to tests/benchmarks/results/giftcard.md"
fi

if [[ $suites == *" surveys "* ]]; then
  module_db "$base" retail_bench_surveys retail_surveys
  stage "questionnaire benchmarks on retail_bench_surveys"
  "$PY" "$ROOT/tests/benchmarks/bench_surveys.py" --conf "$CONF" --db retail_bench_surveys \
    --orders "${BENCH_SURVEY_ORDERS:-1000}" --lines "${BENCH_SURVEY_LINES:-1000000}"
  stage_end
  log "figures written to tests/benchmarks/results/surveys.md"
fi

if [[ $suites == *" registry "* ]]; then
  module_db "$base" retail_bench_registry retail_gift_registry
  stage "gift list benchmarks on retail_bench_registry"
  "$PY" "$ROOT/tests/benchmarks/bench_gift_registry.py" --conf "$CONF" \
    --db retail_bench_registry --lists "${BENCH_REGISTRY_LISTS:-50000}"
  stage_end
  log "figures written to tests/benchmarks/results/gift_registry.md"
fi

if [[ $suites == *" promotions "* ]]; then
  module_db "$base" retail_bench_promotions retail_promotions
  stage "promotion benchmarks on retail_bench_promotions (Chromium)"
  read -r -a promo_args <<<"${BENCH_PROMO_ARGS:---rounds 2}"
  "$PY" "$ROOT/tests/benchmarks/bench_promotions.py" --conf "$CONF" \
    --db retail_bench_promotions "${promo_args[@]}"
  stage_end
  log "figures written to tests/benchmarks/results/promotions.md"
fi

if [[ $suites == *" marketing "* ]]; then
  size=${sizes[${#sizes[@]}-1]}
  db=${big/retail_bench_/retail_bench_marketing_}
  module_db "$big" "$db" retail_loyalty,retail_giftcard,retail_marketing,retail_marketing_loyalty,retail_marketing_giftcard,retail_marketing_coupon
  stage "campaign benchmarks on $db"
  read -r -a marketing_args <<<"${BENCH_MARKETING_ARGS:-}"
  "$PY" "$ROOT/tests/benchmarks/bench_marketing.py" --conf "$CONF" --db "$db" \
    --customers "$size" --rows "${BENCH_LOYALTY_ROWS:-1000000}" \
    --send "${BENCH_MARKETING_SEND:-100000}" "${marketing_args[@]}"
  stage_end
  log "figures written to tests/benchmarks/results/marketing.md"
fi

if [[ $suites == *" clienteling "* ]]; then
  from=${big/retail_bench_/retail_bench_marketing_}
  db=${big/retail_bench_/retail_bench_clienteling_}
  db_exists "$from" || die "the clienteling suite copies $from: run the marketing suite first"
  module_db "$from" "$db" retail_promotions,retail_clienteling,retail_clienteling_loyalty,retail_clienteling_promotions
  stage "clienteling benchmarks on $db"
  read -r -a clienteling_args <<<"${BENCH_CLIENTELING_ARGS:-}"
  "$PY" "$ROOT/tests/benchmarks/bench_clienteling.py" --conf "$CONF" --db "$db" \
    --lines "${BENCH_CLIENTELING_LINES:-2000000}" "${clienteling_args[@]}"
  stage_end
  log "figures written to tests/benchmarks/results/clienteling.md"
fi
