import "@pos_loyalty/app/services/pos_store";
import {PosStore} from "@point_of_sale/app/services/pos_store";
import {patch} from "@web/core/utils/patch";
import {retailProgramIndex} from "@retail_pos_speed/natives/program_index.esm";
import {retailSpeedState} from "@retail_pos_speed/natives/order_scope.esm";
import {toRaw} from "@odoo/owl";
import {retailAfterPaint} from "@retail_pos_speed/natives/retail_yield.esm";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";
import {retailWatchPriceData} from "@retail_pos_speed/app/models/pos_order_prices.esm";
import {retailWatchLines} from "@retail_pos_speed/natives/pos_order_points.esm";

/**
 * Scanning never waits behind the promotions.
 *
 * pos_loyalty's updateRewards queues a full recomputation of the promotions behind
 * the previous one at each call (a scan, a quantity changed...), and runs it in
 * one go, promise after promise: the browser paints nothing, and takes no next
 * scan, until every queued recomputation has ended. Here:
 *
 * - at most one recomputation waits: one asked while one is waiting for the same
 *   order is that one (it runs on the basket as it is when it starts, so its
 *   result is the same, computed once); the same for the points pos_loyalty
 *   computes after each scanned line (updatePrograms);
 * - a recomputation, and the points asked after a scan, start once the screen is
 *   painted (the scanned line is shown first), and the points of the programs are
 *   computed ahead in slices (PosOrder.retailPointsAhead), the till painting and
 *   taking the next scan between them;
 * - a computation that a newer one waiting behind it makes useless stops at its
 *   next pause (while computing the points ahead, or between the steps of the
 *   recomputation where pos_loyalty itself awaits), and its callers get the newer
 *   one's result: the last scan's recomputation is the one that settles;
 * - going to payment (or validating with a fast payment button) waits until the
 *   promotions are settled.
 *
 * The claimed rewards and the reward lines are computed in one go, as in
 * pos_loyalty (a recomputation is never left between the two). An order with a
 * gift card or eWallet line is recomputed without waiting for a paint nor pausing:
 * pos_loyalty gives a gift card's points the code of the line selected when they
 * are computed, which a tap in a pause would change. Each recomputation is
 * pos_loyalty's (orderUpdateLoyaltyPrograms, rewards claimed automatically, reward
 * lines, points again when they changed).
 */

/** What a computation that stopped for a newer one resolves with, internally. */
const SUPERSEDED = Symbol("superseded");

/**
 * Runs `run(superseded)` after the computation of `kind` running on the store,
 * unless one is already waiting for it (and, for a recomputation of the
 * promotions, for the same order): then returns that one's promise, which runs on
 * the basket as it is when it starts. `superseded()` says whether a newer
 * computation of the same kind (and order) now waits behind this one: `run` may
 * then stop and resolve with SUPERSEDED, and its promise becomes the newer one's.
 * Kept on the raw store: its records are compared as they are, not through the
 * store's reactive proxies.
 */
function coalesced(store, kind, order, run) {
    store.retailQueues ||= {};
    store.retailQueues[kind] ||= {tail: Promise.resolve(), waiting: null};
    const queue = store.retailQueues[kind];
    if (queue.waiting && queue.waiting.order === order) {
        return queue.waiting.promise;
    }
    const job = {order};
    const superseded = () => {
        const next = queue.waiting;
        if (next && next !== job && next.order === order) {
            job.next = next;
            return true;
        }
        return false;
    };
    const done = queue.tail.then(() => {
        if (queue.waiting === job) {
            queue.waiting = null;
        }
        return run(superseded);
    });
    queue.waiting = job;
    // a failed computation does not stop the next ones
    queue.tail = done.catch(() => undefined);
    job.promise = done.then((result) =>
        result === SUPERSEDED ? job.next.promise : result
    );
    return job.promise;
}

/**
 * Whether the till may wait for a paint and pause while it computes the promotions
 * of `order`: not with a gift card or eWallet line (see above).
 */
function mayPause(order) {
    return !order.lines.some(
        (line) =>
            line._e_wallet_program_id ||
            (line.is_reward_line && line.isGiftCardOrEWalletReward?.())
    );
}

patch(PosStore.prototype, {
    /**
     * The index of the programs by product, built when the till loads, the
     * watch of the data the prices of a line read besides the line (the orders
     * keep their lines' base lines while it does not change) and of the lines
     * (the points computed ahead read the lines again after a pause only when
     * one may have changed).
     */
    async processServerData() {
        await super.processServerData(...arguments);
        if (this.config.retail_pos_speed) {
            retailProgramIndex(this.config, this.models);
            retailWatchPriceData(this.config, this.models);
            retailWatchLines(this.config, this.models);
        }
    },
    updateRewards() {
        if (
            !retailSpeedUses(this.config, "PosStore.updateRewards", super.updateRewards)
        ) {
            return super.updateRewards(...arguments);
        }
        if (this.models["loyalty.program"].length === 0) {
            return;
        }
        const order = this.getOrder();
        if (!order || order.finalized) {
            return;
        }
        this.retailQueueRewards(order);
    },
    /**
     * Queues a recomputation of the promotions of `order`, unless one is already
     * waiting for it; returns the promise of the one that will run.
     */
    retailQueueRewards(order) {
        return coalesced(toRaw(this), "rewards", toRaw(order), (superseded) =>
            this.retailRecomputeRewards(order, superseded)
        );
    },
    /**
     * Resolves when no line is being added or waiting to be (pos_loyalty's
     * addLineToCurrentOrder asks the recomputation at its end) and no computation
     * of the promotions or of the points is running or waiting.
     */
    async retailRewardsSettled() {
        return await this.retailSettled(true);
    },
    /**
     * Resolves when no line is being added (and, with `withWaitingScans`, none is
     * waiting to be) and no computation of the promotions or of the points is
     * running or waiting.
     */
    async retailSettled(withWaitingScans) {
        const store = toRaw(this);
        const pending = () =>
            [
                ...(withWaitingScans ? store.retailWaitingScans || [] : []),
                ...(store.retailAddingLines || []),
                store.retailQueues?.rewards?.tail,
                store.retailQueues?.programs?.tail,
            ].filter(Boolean);
        for (;;) {
            const before = pending();
            await Promise.allSettled(before);
            const after = pending();
            if (
                after.length === before.length &&
                after.every((promise, index) => promise === before[index])
            ) {
                return;
            }
        }
    },
    /**
     * A scanned line. pos_loyalty decides, before adding it, whether its product
     * comes free (a reward the basket can already claim): a product that is a
     * reward's free product is added once the promotions of the lines before it
     * are settled, as in pos_loyalty; any other product at once.
     */
    addLineToCurrentOrder(vals) {
        const store = toRaw(this);
        const args = arguments;
        if (
            !this.retailMayComeFree(vals) ||
            !retailSpeedUses(this.config, "PosStore.updateRewards", super.updateRewards)
        ) {
            return this.retailAddingLine(super.addLineToCurrentOrder(...args));
        }
        store.retailWaitingScans ||= new Set();
        const waiting = this.retailSettled(false);
        store.retailWaitingScans.add(waiting);
        return waiting.then(() => {
            store.retailWaitingScans.delete(waiting);
            return this.retailAddingLine(super.addLineToCurrentOrder(...args));
        });
    },
    /** `adding` (a line being added), known until it is added. */
    retailAddingLine(adding) {
        const store = toRaw(this);
        store.retailAddingLines ||= new Set();
        store.retailAddingLines.add(adding);
        const done = () => store.retailAddingLines.delete(adding);
        adding.then(done, done);
        return adding;
    },
    /** Whether the product of `vals` is the free product of a reward. */
    retailMayComeFree(vals) {
        const template = vals.product_tmpl_id || vals.product_id?.product_tmpl_id;
        const ids = new Set(
            template?.product_variant_ids?.map((variant) => variant.id) || [
                vals.product_id?.id,
            ]
        );
        return this.models["loyalty.reward"].some(
            (reward) =>
                reward.reward_type === "product" &&
                reward.reward_product_ids.some((product) => ids.has(product.id))
        );
    },
    /**
     * Whether a line is being added to `order` (a scan): its basket is changing,
     * and pos_loyalty's addLineToCurrentOrder asks a recomputation at its end.
     */
    retailScanning(order) {
        const store = toRaw(this);
        return (
            Boolean(store.retailAddingLines?.size) && toRaw(this.getOrder()) === order
        );
    },
    /**
     * The points of the programs (pos_loyalty's updatePrograms, asked after each
     * scanned line and at each step of a recomputation): while one computation
     * runs, the next ones asked are one computation, run after it on the basket as
     * it is then. After a scan, it starts once the line is painted; the points are
     * computed ahead in slices (PosOrder.retailPointsAhead).
     */
    updatePrograms() {
        const store = toRaw(this);
        if (
            !retailSpeedUses(this.config, "PosStore.updateRewards", super.updateRewards)
        ) {
            return this.retailProgramsUpdated(super.updatePrograms(...arguments));
        }
        const args = arguments;
        const afterScan = Boolean(store.retailAddingLines?.size);
        return coalesced(store, "programs", null, async (superseded) => {
            if (!(await this.retailBeforeUpdatePrograms(afterScan, superseded))) {
                return SUPERSEDED;
            }
            return await this.retailProgramsUpdated(super.updatePrograms(...args));
        });
    },
    /**
     * The points of every program computed ahead for the current order, in
     * slices, after the next paint when `afterScan`; resolves with false when a
     * newer computation of the points waits (`superseded()`).
     */
    async retailBeforeUpdatePrograms(afterScan, superseded) {
        const order = this.getOrder();
        if (!order || !mayPause(order)) {
            return true;
        }
        if (afterScan) {
            await retailAfterPaint();
            if (superseded()) {
                return false;
            }
        }
        return await order.retailPointsAhead(
            this.models["loyalty.program"].getAll(),
            superseded
        );
    },
    /** `updating` (the promise of an update of the points), then revised. */
    async retailProgramsUpdated(updating) {
        try {
            return await updating;
        } finally {
            this.retailRewardsChanged();
        }
    },
    /**
     * The promotions or the points of the current order may have changed: what
     * the till computes from them once per settled basket is computed again.
     */
    retailRewardsChanged() {
        this.retailRewardsRevision = (this.retailRewardsRevision || 0) + 1;
    },
    /**
     * pos_loyalty's recomputation of the promotions of `order`, once the screen is
     * painted. It stops when a newer one waits for the order (`superseded()`);
     * while a line is being added to the order, it waits for the line, then either
     * leaves the recomputation to the one the scan asks or starts again.
     */
    async retailRecomputeRewards(order, superseded = () => false) {
        const outdated = () => superseded() || this.retailScanning(order);
        try {
            for (;;) {
                if (mayPause(order)) {
                    await retailAfterPaint();
                }
                if (
                    !outdated() &&
                    (await this.retailRecomputeSteps(order, outdated)) !== SUPERSEDED
                ) {
                    return;
                }
                // the basket changed: the newer recomputation takes over, or this
                // one starts again once the scanned line is added
                await this.retailRewardsSettledScans();
                if (superseded()) {
                    return SUPERSEDED;
                }
            }
        } finally {
            this.retailRewardsChanged();
        }
    },
    /** Resolves when no line is being added. */
    async retailRewardsSettledScans() {
        const store = toRaw(this);
        while (store.retailAddingLines?.size) {
            await Promise.allSettled([...store.retailAddingLines]);
        }
    },
    /**
     * The steps of pos_loyalty's recomputation (PosStore.updateRewards). When
     * `outdated()` says the basket changed (a newer recomputation waits, a line is
     * being added) where pos_loyalty pauses between its steps, the next steps are
     * left out and it resolves with SUPERSEDED; never between the rewards claimed
     * and the reward lines.
     */
    async retailRecomputeSteps(order, outdated = () => false) {
        await this.orderUpdateLoyaltyPrograms();
        if (outdated()) {
            return SUPERSEDED;
        }
        // rewards claimed automatically
        const claimableRewards = order.getClaimableRewards(false, false, true);
        let changed = false;
        for (const {coupon_id, reward} of claimableRewards) {
            if (
                reward.program_id.reward_ids.length === 1 &&
                !reward.program_id.is_nominative &&
                (reward.reward_type !== "product" || !reward.multi_product)
            ) {
                order._applyReward(reward, coupon_id);
                changed = true;
            }
        }
        const rewardLinesChanged = order._updateRewardLines();
        // rewards may change the points
        if (changed || rewardLinesChanged) {
            if (outdated()) {
                return SUPERSEDED;
            }
            await this.orderUpdateLoyaltyPrograms();
        }
    },
    async pay() {
        await this.retailRewardsSettled();
        return await super.pay(...arguments);
    },
    /** The fast payment buttons of the product screen wait as payment does. */
    async validateOrderFast() {
        await this.retailRewardsSettled();
        return await super.validateOrderFast(...arguments);
    },
    /**
     * Whether each program applies, asked twice per program by pos_loyalty's
     * _updatePrograms in one synchronous pass, is computed once for the pass: it
     * depends on the customer, the codes, the cards and the time, none of which
     * the pass changes (only the points of the coupons), and nothing else runs
     * before it pauses (its next await).
     */
    _updatePrograms() {
        const order = this.getOrder();
        if (
            order &&
            retailSpeedUses(
                this.config,
                "PosStore._updatePrograms",
                super._updatePrograms
            )
        ) {
            const state = retailSpeedState(order);
            const memo = new Map();
            state.applicability = memo;
            queueMicrotask(() => {
                if (state.applicability === memo) {
                    delete state.applicability;
                }
            });
        }
        return super._updatePrograms(...arguments);
    },
    /** The order's lines read once (PosOrder.retailReadOnly). */
    getPotentialFreeProductRewards() {
        const order = this.getOrder();
        if (!order) {
            return super.getPotentialFreeProductRewards(...arguments);
        }
        return order.retailReadOnly(() =>
            super.getPotentialFreeProductRewards(...arguments)
        );
    },
});
