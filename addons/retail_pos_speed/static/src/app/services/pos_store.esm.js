import "@pos_loyalty/app/services/pos_store";
import {PosStore} from "@point_of_sale/app/services/pos_store";
import {patch} from "@web/core/utils/patch";
import {retailProgramIndex} from "@retail_pos_speed/natives/program_index.esm";
import {retailSpeedState} from "@retail_pos_speed/natives/order_scope.esm";
import {toRaw} from "@odoo/owl";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";

/**
 * Scanning never waits behind the promotions.
 *
 * pos_loyalty's updateRewards queues a full recomputation of the promotions behind
 * the previous one at each call (a scan, a quantity changed...): ten quick scans
 * on a big basket queue ten recomputations. Here at most one recomputation waits:
 * one asked while one is waiting for the same order is that one (it runs on the
 * basket as it is when it starts, so its result is the same, computed once).
 * The same for the points pos_loyalty computes after each scanned line. Going to payment waits until the promotions are settled. Each recomputation is
 * pos_loyalty's (orderUpdateLoyaltyPrograms, rewards claimed automatically, reward
 * lines, points again when they changed).
 */

/**
 * Runs `run` after the computation of `kind` running on the store, unless one is
 * already waiting for it (and, for a recomputation of the promotions, for the same
 * order): then returns that one's promise, which runs on the basket as it is when
 * it starts. Kept on the raw store: its records are compared as they are, not
 * through the store's reactive proxies.
 */
function coalesced(store, kind, order, run) {
    store.retailQueues ||= {};
    store.retailQueues[kind] ||= {tail: Promise.resolve(), waiting: null};
    const queue = store.retailQueues[kind];
    if (queue.waiting && queue.waiting.order === order) {
        return queue.waiting.promise;
    }
    const job = {order};
    job.promise = queue.tail.then(() => {
        if (queue.waiting === job) {
            queue.waiting = null;
        }
        return run();
    });
    queue.waiting = job;
    // a failed computation does not stop the next ones
    queue.tail = job.promise.catch(() => undefined);
    return job.promise;
}

patch(PosStore.prototype, {
    /** The index of the programs by product, built when the till loads. */
    async processServerData() {
        await super.processServerData(...arguments);
        if (this.config.retail_pos_speed) {
            retailProgramIndex(this.config, this.models);
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
        return coalesced(toRaw(this), "rewards", toRaw(order), () =>
            this.retailRecomputeRewards(order)
        );
    },
    /**
     * Resolves when no line is being added (pos_loyalty's addLineToCurrentOrder
     * asks the recomputation at its end) and no recomputation of the promotions is
     * running or waiting.
     */
    async retailRewardsSettled() {
        const store = toRaw(this);
        for (;;) {
            const tail = store.retailQueues?.rewards?.tail;
            const adding = [...(store.retailAddingLines || [])];
            if (!adding.length && !tail) {
                return;
            }
            await Promise.allSettled([...adding, tail]);
            if (
                !store.retailAddingLines?.size &&
                store.retailQueues?.rewards?.tail === tail
            ) {
                return;
            }
        }
    },
    addLineToCurrentOrder() {
        const adding = super.addLineToCurrentOrder(...arguments);
        const store = toRaw(this);
        store.retailAddingLines ||= new Set();
        store.retailAddingLines.add(adding);
        const done = () => store.retailAddingLines.delete(adding);
        adding.then(done, done);
        return adding;
    },
    /**
     * The points of the programs asked outside a recomputation (pos_loyalty's
     * addLineToCurrentOrder asks them after each scanned line): while one
     * computation runs, the next ones asked are one computation, run after it on
     * the basket as it is then.
     */
    updatePrograms() {
        const store = toRaw(this);
        if (
            store.retailRecomputing ||
            !retailSpeedUses(this.config, "PosStore.updateRewards", super.updateRewards)
        ) {
            return this.retailProgramsUpdated(super.updatePrograms(...arguments));
        }
        const args = arguments;
        return coalesced(store, "programs", null, () =>
            this.retailProgramsUpdated(super.updatePrograms(...args))
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
    /** pos_loyalty's recomputation of the promotions of `order`. */
    async retailRecomputeRewards(order) {
        toRaw(this).retailRecomputing = true;
        try {
            await this.retailRecomputeSteps(order);
        } finally {
            toRaw(this).retailRecomputing = false;
            this.retailRewardsChanged();
        }
    },
    /** The steps of pos_loyalty's recomputation (PosStore.updateRewards). */
    async retailRecomputeSteps(order) {
        await this.orderUpdateLoyaltyPrograms();
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
            await this.orderUpdateLoyaltyPrograms();
        }
    },
    async pay() {
        await this.retailRewardsSettled();
        return await super.pay(...arguments);
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
