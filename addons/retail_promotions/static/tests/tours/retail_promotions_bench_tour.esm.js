import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import {
    lineShown,
    whenShown,
} from "@retail_promotions/../tests/tours/utils/retail_promotions_util.esm";
import {registry} from "@web/core/registry";

/**
 * Benchmark of the till's promotion recomputation, run by
 * tests/benchmarks/bench_promotions.py: a basket of the "Bench Promo Product"
 * products is filled without recomputing the rewards after each line, then the
 * recomputation is timed in the browser (warm-up, then REPEAT timed runs, each
 * after a quantity change of one line, as when a cashier types a quantity). The
 * figures are logged on one console line that the Python driver reads.
 */
const PRODUCT_PREFIX = "Bench Promo Product";
const WARMUP = 2;
const REPEAT = 20;
// A tour step may last 60 s at most: each step times runs for up to 20 s
const STEP_BUDGET_MS = 20000;
const FILL_STEPS = 10;
const BENCH_LOG_PREFIX = "retail_promotions_bench ";
// Lines of each run, for a look at where the time goes (not read by the driver)
const TRACE_PREFIX = "retail_promotions_bench_trace ";
// Around the timed runs, for the driver's CPU profile (--profile): the profiler
// starts and stops when the driver reads these lines, hence the pauses
const PROFILE_START = "retail_promotions_bench_profile start";
const PROFILE_STOP = "retail_promotions_bench_profile stop";
// The same around the scan series (a profile of its own)
const PROFILE_SCANS_START = "retail_promotions_bench_profile start scans";
const PROFILE_SCANS_STOP = "retail_promotions_bench_profile stop scans";
const PROFILE_PAUSE_MS = 1000;
// Scan series: SCANS scans SCAN_GAP_MS apart, each one more unit of a line of the
// basket, as a fast cashier scans; SERIES series per run (one per tour step)
const SCANS = 10;
const SCAN_GAP_MS = 100;
const SERIES = 2;
// The promotions are settled when the order's total and reward lines have not
// changed for QUIET_MS (measured the same way on both sides)
const QUIET_MS = 2000;
// A check of the state that comes this late means the till was busy
const BUSY_GAP_MS = 200;
const SETTLE_BUDGET_MS = 200000;
// A series may last longer than a tour step (60 s at most): steps wait for it
const SERIES_WAIT_STEPS = 5;
const WAIT_STEP_MS = 50000;

/**
 * The body of PosStore.updateRewards (pos_loyalty/static/src/app/services/
 * pos_store.js), awaited: the store queues it in a mutex of its module and does
 * not return the promise, so it cannot be timed through updateRewards itself.
 * Points of every applicable program, rewards claimed automatically, reward lines
 * recomputed, points again when the rewards changed.
 */
async function recomputeRewards(pos, order, phases = {}) {
    let mark = performance.now();
    const lap = (phase) => {
        const now = performance.now();
        phases[phase] = (phases[phase] || 0) + now - mark;
        mark = now;
    };
    await pos.orderUpdateLoyaltyPrograms();
    lap("points");
    let changed = false;
    for (const {coupon_id, reward} of order.getClaimableRewards(false, false, true)) {
        if (
            reward.program_id.reward_ids.length === 1 &&
            !reward.program_id.is_nominative &&
            (reward.reward_type !== "product" || !reward.multi_product)
        ) {
            order._applyReward(reward, coupon_id);
            changed = true;
        }
    }
    lap("claim");
    const rewardLinesChanged = order._updateRewardLines();
    lap("reward_lines");
    if (changed || rewardLinesChanged) {
        await pos.orderUpdateLoyaltyPrograms();
    }
    lap("points");
    return phases;
}

/**
 * Adds the next lines of the basket, one per bench product (1 unit, 2 units every
 * 5th line), for STEP_BUDGET_MS at most, with the reward update of the store
 * suspended: pos_loyalty's addLineToCurrentOrder recomputes every program after
 * each line, which is what the benchmark times once the basket is full.
 */
async function fillSome(pos) {
    const templates = pos.models["product.template"]
        .filter((template) => template.name?.startsWith(PRODUCT_PREFIX))
        .toSorted((a, b) => a.name.localeCompare(b.name));
    const start = performance.now();
    pos.updateRewards = () => undefined;
    pos.updatePrograms = async () => undefined;
    try {
        let index = pos.getOrder()?.lines.length || 0;
        while (index < templates.length && performance.now() - start < STEP_BUDGET_MS) {
            await pos.addLineToCurrentOrder(
                {product_tmpl_id: templates[index], qty: index % 5 === 4 ? 2 : 1},
                {},
                false
            );
            index++;
        }
    } finally {
        delete pos.updateRewards;
        delete pos.updatePrograms;
    }
}

/** Lets the till render what changed, outside the timed part. */
function nextFrame() {
    return new Promise((resolve) =>
        requestAnimationFrame(() => setTimeout(resolve, 0))
    );
}

/**
 * State of one benchmark run, shared by its steps: a step may take 60 s at most,
 * so the timed runs are split over several steps.
 */
const bench = {};

/**
 * Run `run` of the benchmark: the quantity of one line changes (+1 on even
 * runs, back on odd runs, so that the basket ends as it started and its total
 * must be the first one again: the result is deterministic), then the
 * recomputation is timed (kept after the warm-up).
 */
async function timedRun(pos, run) {
    const line = bench.lines[Math.floor(run / 2) % bench.lines.length];
    line.setQuantity(line.getQuantity() + (run % 2 ? -1 : 1));
    const phases = {};
    const start = performance.now();
    await recomputeRewards(pos, bench.order, phases);
    const elapsed = performance.now() - start;
    console.log(`${TRACE_PREFIX}run ${run} ${JSON.stringify(phases)}`);
    if (run >= WARMUP) {
        bench.times.push(elapsed);
        bench.phases.push(phases);
    }
    await nextFrame();
}

/**
 * First recomputation (every reward applied from none). The native side (no
 * retail promotion loaded) runs point_of_sale's price computation and
 * pos_loyalty's computations as they are: the till's speed layer
 * (retail_pos_speed) off.
 */
async function firstRecomputation(pos) {
    const retail = pos.models["loyalty.program"].some(
        (program) => program.retail_promotion_type
    );
    // the native side runs point_of_sale's and pos_loyalty's own functions
    pos.config.retail_pos_speed = retail;
    bench.order = pos.getOrder();
    bench.lines = bench.order.lines.filter((line) => !line.is_reward_line);
    bench.times = [];
    bench.phases = [];
    bench.scanVisible = [];
    bench.settled = [];
    bench.run = 0;
    const start = performance.now();
    const phases = await recomputeRewards(pos, bench.order);
    console.log(
        `${TRACE_PREFIX}first ${performance.now() - start} ${JSON.stringify(phases)}`
    );
    await nextFrame();
    bench.firstTotal = bench.order.priceIncl;
}

function pause(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The next runs (warm-up, then timed), for STEP_BUDGET_MS at most. */
async function measureSome(pos) {
    const start = performance.now();
    while (bench.run < WARMUP + REPEAT && performance.now() - start < STEP_BUDGET_MS) {
        if (bench.run === WARMUP && !bench.profiling) {
            bench.profiling = true;
            console.log(PROFILE_START);
            await pause(PROFILE_PAUSE_MS);
        }
        await timedRun(pos, bench.run++);
    }
}

/** What the promotions change on the order: its total and its reward lines. */
function promotionsState(order) {
    return JSON.stringify([
        order.priceIncl,
        order.lines
            .filter((line) => line.is_reward_line)
            .map((line) => [line.reward_id?.id, line.getQuantity(), line.price_unit]),
    ]);
}

/**
 * Resolves with the time of the last change of the promotions' state, once it
 * has not changed for QUIET_MS of an idle till (checked every 10 ms: a check
 * that comes late means the till was busy, and the quiet time starts again).
 */
function whenSettled(order, since) {
    return new Promise((resolve) => {
        let state = promotionsState(order);
        let changed = since;
        let quietSince = performance.now();
        let lastCheck = quietSince;
        const timer = setInterval(() => {
            const now = performance.now();
            const current = promotionsState(order);
            if (current !== state) {
                state = current;
                changed = now;
                quietSince = now;
            } else if (now - lastCheck > BUSY_GAP_MS) {
                quietSince = now;
            }
            lastCheck = now;
            if (now - quietSince >= QUIET_MS || now - since > SETTLE_BUDGET_MS) {
                clearInterval(timer);
                resolve(changed);
            }
        }, 10);
    });
}

/**
 * One series of SCANS scans SCAN_GAP_MS apart (one more unit of a line each, as
 * the till does when a product's barcode is scanned): for each, the time from
 * the scan (when it was due) to the frame showing its line with the new
 * quantity; then the time from the last scan to the settled promotions. The
 * units scanned are taken off again, outside the figures.
 */
async function runScanSeries(pos) {
    const order = bench.order;
    const lines = bench.lines.slice(0, SCANS);
    const start = performance.now() + SCAN_GAP_MS;
    const lastScan = start + (SCANS - 1) * SCAN_GAP_MS;
    let settled;
    const visible = lines.map(
        (line, index) =>
            new Promise((resolve) => {
                const due = start + index * SCAN_GAP_MS;
                setTimeout(
                    () => {
                        const qty = line.getQuantity() + 1;
                        pos.addLineToCurrentOrder(
                            {product_tmpl_id: line.product_id.product_tmpl_id, qty: 1},
                            {},
                            false
                        );
                        if (index === SCANS - 1) {
                            settled = whenSettled(order, lastScan);
                        }
                        whenShown(() => lineShown(line.getFullProductName(), qty)).then(
                            (time) => resolve(time - due)
                        );
                    },
                    Math.max(0, due - performance.now())
                );
            })
    );
    bench.scanVisible.push(...(await Promise.all(visible)));
    bench.settled.push((await settled) - lastScan);
    for (const line of lines) {
        line.setQuantity(line.getQuantity() - 1);
    }
    pos.updateRewards();
    await whenSettled(order, performance.now());
}

/** Starts a scan series (runScanSeries); the next steps wait for its end. */
function startScanSeries(pos) {
    bench.series = runScanSeries(pos);
}

/** Waits for the running scan series, WAIT_STEP_MS at most. */
async function waitScanSeries() {
    await Promise.race([bench.series, pause(WAIT_STEP_MS)]);
}

/** The figures, on one console line that the Python driver reads. */
function logFigures(pos) {
    const programs = pos.models["loyalty.program"].getAll();
    const rewardLines = bench.order.lines.filter((line) => line.is_reward_line);
    const figures = {
        programs: programs.length,
        retail_programs: programs.filter((p) => p.retail_promotion_type).length,
        lines: bench.lines.length,
        units: bench.lines.reduce((sum, line) => sum + line.getQuantity(), 0),
        reward_lines: rewardLines.length,
        rewarded_programs: new Set(
            rewardLines.map((line) => line.reward_id.program_id.id)
        ).size,
        first_total: bench.firstTotal,
        last_total: bench.order.priceIncl,
        times: bench.times,
        phases: bench.phases,
        scan_visible: bench.scanVisible,
        settled: bench.settled,
    };
    console.log(BENCH_LOG_PREFIX + JSON.stringify(figures));
}

/** A step of the benchmark: its action on the till's store, at most 60 s. */
function benchStep(content, action) {
    return {
        content,
        trigger: ".product-screen",
        timeout: 60000,
        run: () => action(window.posmodel),
    };
}

registry.category("web_tour.tours").add("RetailPromotionsBenchTour", {
    steps: () =>
        [
            Chrome.startPoS().map((step) => ({...step, timeout: 60000})),
            Array.from({length: FILL_STEPS}, (_unused, index) =>
                benchStep(
                    `fill the basket (reward update suspended), step ${index + 1}`,
                    fillSome
                )
            ),
            benchStep("first recomputation", firstRecomputation),
            Array.from({length: WARMUP + REPEAT}, (_unused, index) =>
                benchStep(`recomputations, step ${index + 1}`, measureSome)
            ),
            benchStep("end of the timed runs", async () => {
                console.log(PROFILE_STOP);
                await pause(3 * PROFILE_PAUSE_MS);
                console.log(PROFILE_SCANS_START);
                await pause(PROFILE_PAUSE_MS);
            }),
            Array.from({length: SERIES}, (_unused, index) => [
                benchStep(`scan series ${index + 1}`, startScanSeries),
                Array.from({length: SERIES_WAIT_STEPS}, (_unused2, wait) =>
                    benchStep(
                        `scan series ${index + 1}, wait ${wait + 1}`,
                        waitScanSeries
                    )
                ),
            ]),
            benchStep("end of the scan series", async () => {
                console.log(PROFILE_SCANS_STOP);
                await pause(3 * PROFILE_PAUSE_MS);
            }),
            benchStep("log the figures", logFigures),
            Chrome.endTour(),
        ].flat(Infinity),
});
