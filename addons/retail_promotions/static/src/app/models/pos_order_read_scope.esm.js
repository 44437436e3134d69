import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";
import {toRaw} from "@odoo/owl";
import {withOrderScope} from "@retail_promotions/app/utils/order_scope.esm";

/**
 * Read-only computations of pos_loyalty over an order, with the order's lines
 * read once.
 *
 * pos_loyalty's computations that only read the order (the rewards a basket can
 * claim, the discountable amount of a reward) ask for the order's lines again and
 * again: getClaimableRewards asks, for each coupon of each program, the points
 * left on it (_getRealCouponPoints), which goes through every line of the order
 * for the reward lines of that coupon; with 200 promotions and a 50-line basket,
 * thousands of passes over the lines through the till's reactive records, at each
 * render of the product screen's buttons. While such a computation runs, the
 * lines cannot change: the lines are read once (getOrderlines gives a copy of the
 * list read at the start), and the points spent per coupon are summed in one pass
 * over them, as are the points the order gives each coupon. Two loops of
 * pos_loyalty that go through every line for the few lines of some products (the
 * free products of a reward, the products a discount applies to) get only the
 * lines of those products: the others change nothing in them. Outside these
 * computations nothing changes; the tours compare the results with pos_loyalty's
 * on every basket.
 */

// Raw order -> its open read-only scope: {depth, lines, lineValues, nextLines,
// couponCosts, pointChanges}
const readScopes = new WeakMap();

/**
 * Off, pos_loyalty's computations read the order as they do natively: the
 * benchmark (tests/benchmarks/bench_promotions.py) turns it off for its native
 * side.
 */
export const retailReadScope = {enabled: true};

patch(PosOrder.prototype, {
    /**
     * Runs `callback` (synchronous, and changing nothing of the order) with the
     * order's lines read once; returns its result.
     */
    retailReadOnly(callback) {
        if (!retailReadScope.enabled) {
            return callback();
        }
        return withOrderScope(readScopes, this, () => ({}), callback);
    },
    getOrderlines() {
        const scope = readScopes.get(toRaw(this));
        if (!scope) {
            return super.getOrderlines(...arguments);
        }
        if (!scope.lines) {
            scope.lines = super.getOrderlines(...arguments);
        }
        if (scope.nextLines) {
            // the lines a computation of pos_loyalty goes through (retailOnlyLines)
            const lines = scope.nextLines;
            scope.nextLines = undefined;
            return lines;
        }
        // a list of its own for each caller, as outside the scope
        return [...scope.lines];
    },
    /**
     * The product, reward product and quantity of each line of the scope, read
     * once.
     */
    retailLineValues(scope) {
        if (!scope.lineValues) {
            const next = scope.nextLines;
            scope.nextLines = undefined;
            try {
                scope.lineValues = this.getOrderlines().map((line) => ({
                    line,
                    productId: line.getProduct().id,
                    rewardProductId: line._reward_product_id?.id,
                    quantity: line.getQuantity(),
                }));
            } finally {
                scope.nextLines = next;
            }
        }
        return scope.lineValues;
    },
    /**
     * Runs `compute` (a computation of pos_loyalty that goes through the order's
     * lines, with getOrderlines, as the first thing it asks of the lines, and
     * changes nothing for the lines `keep(values)` does not keep) over the lines
     * `keep` keeps only. Only inside a read-only scope.
     */
    retailOnlyLines(keep, compute) {
        const scope = readScopes.get(toRaw(this));
        const previous = scope.nextLines;
        scope.nextLines = this.retailLineValues(scope)
            .filter(keep)
            .map((values) => values.line);
        try {
            return compute();
        } finally {
            scope.nextLines = previous;
        }
    },
    /**
     * pos_loyalty goes through the order's lines for those of the reward's
     * products (the free products available) and those of its reward products
     * (the free products claimed): only those.
     */
    _computeUnclaimedFreeProductQty(reward, coupon_id, product) {
        if (!readScopes.has(toRaw(this))) {
            return super._computeUnclaimedFreeProductQty(...arguments);
        }
        const ids = new Set(reward.reward_product_ids.map((p) => p.id));
        const ofProduct = ids.has(product.id);
        return this.retailOnlyLines(
            (values) =>
                (ofProduct && ids.has(values.productId)) ||
                ids.has(values.rewardProductId),
            () => super._computeUnclaimedFreeProductQty(...arguments)
        );
    },
    /** The lines of the reward's products, with a quantity: only those. */
    _getSpecificDiscountableLines(reward) {
        if (!readScopes.has(toRaw(this))) {
            return super._getSpecificDiscountableLines(...arguments);
        }
        const ids = new Set(reward.all_discount_product_ids.map((p) => p.id));
        return this.retailOnlyLines(
            (values) =>
                Boolean(values.quantity) &&
                (ids.has(values.productId) || ids.has(values.rewardProductId)),
            () => super._getSpecificDiscountableLines(...arguments)
        );
    },
    /**
     * pos_loyalty's _getRealCouponPoints: the points of the coupon, plus those the
     * order gives it now, minus those its reward lines spend (summed in the same
     * order as pos_loyalty does, so the same result to the last bit).
     */
    _getRealCouponPoints(coupon_id) {
        const scope = readScopes.get(toRaw(this));
        if (!scope) {
            return super._getRealCouponPoints(...arguments);
        }
        if (!scope.couponCosts) {
            scope.couponCosts = new Map();
            for (const line of this.getOrderlines()) {
                if (line.is_reward_line) {
                    const id = line.coupon_id?.id;
                    if (!scope.couponCosts.has(id)) {
                        scope.couponCosts.set(id, []);
                    }
                    scope.couponCosts.get(id).push(line.points_cost);
                }
            }
        }
        if (!scope.pointChanges) {
            // the first change of each coupon, as pos_loyalty finds it
            scope.pointChanges = new Map();
            for (const pe of Object.values(this.uiState.couponPointChanges)) {
                if (!scope.pointChanges.has(pe.coupon_id)) {
                    scope.pointChanges.set(pe.coupon_id, pe);
                }
            }
        }
        let points = 0;
        const dbCoupon = this.models["loyalty.card"].get(coupon_id);
        if (dbCoupon) {
            points += dbCoupon.points;
        }
        const pe = scope.pointChanges.get(coupon_id);
        if (
            pe &&
            this.models["loyalty.program"].get(pe.program_id).applies_on !== "future"
        ) {
            points += pe.points;
        }
        for (const cost of scope.couponCosts.get(coupon_id) || []) {
            points -= cost;
        }
        return points;
    },
    getClaimableRewards() {
        return this.retailReadOnly(() => super.getClaimableRewards(...arguments));
    },
    _getDiscountableOnSpecific() {
        return this.retailReadOnly(() =>
            super._getDiscountableOnSpecific(...arguments)
        );
    },
    _getDiscountableOnOrder() {
        return this.retailReadOnly(() => super._getDiscountableOnOrder(...arguments));
    },
});
