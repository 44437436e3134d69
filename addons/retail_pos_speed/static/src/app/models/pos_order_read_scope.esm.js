import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";
import {
    retailOpenScope,
    withOrderScope,
} from "@retail_pos_speed/natives/order_scope.esm";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";

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
 * list read at the start), the points spent per coupon are summed in one pass
 * over them, as are the points the order gives each coupon, and the lines a
 * discount applies to are found among the lines' values read once. Outside these
 * computations nothing changes; the tours compare the results with pos_loyalty's
 * on every basket.
 *
 * The scope is used while pos_loyalty's getOrderlines, _getRealCouponPoints and
 * _getSpecificDiscountableLines are the Odoo 19.0 code it was written for
 * (retailSpeedUses). An order's scope is its "read" scope: {depth, lines,
 * lineValues, couponCosts, pointChanges}.
 */

patch(PosOrder.prototype, {
    /**
     * Runs `callback` (synchronous, and changing nothing of the order) with the
     * order's lines read once; returns its result.
     */
    retailReadOnly(callback) {
        if (!this.retailReadScoped()) {
            return callback();
        }
        return withOrderScope(this, "read", () => ({}), callback);
    },
    /** Whether the read-only computations may read the lines once. */
    retailReadScoped() {
        // each asked (and reported when it differs), then all of them
        return [
            retailSpeedUses(this.config, "PosOrder.getOrderlines", super.getOrderlines),
            retailSpeedUses(
                this.config,
                "PosOrder._getRealCouponPoints",
                super._getRealCouponPoints
            ),
            retailSpeedUses(
                this.config,
                "PosOrder._getSpecificDiscountableLines",
                super._getSpecificDiscountableLines
            ),
        ].every(Boolean);
    },
    getOrderlines() {
        const scope = retailOpenScope(this, "read");
        if (!scope) {
            return super.getOrderlines(...arguments);
        }
        if (!scope.lines) {
            scope.lines = super.getOrderlines(...arguments);
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
            scope.lineValues = this.getOrderlines().map((line) => ({
                line,
                productId: line.getProduct().id,
                rewardProductId: line._reward_product_id?.id,
                quantity: line.getQuantity(),
            }));
        }
        return scope.lineValues;
    },
    /**
     * pos_loyalty's _getSpecificDiscountableLines: the lines of the reward's
     * products, with a quantity, in the order of the lines.
     */
    _getSpecificDiscountableLines(reward) {
        const scope = retailOpenScope(this, "read");
        if (!scope) {
            return super._getSpecificDiscountableLines(...arguments);
        }
        const ids = new Set(reward.all_discount_product_ids.map((p) => p.id));
        return this.retailLineValues(scope)
            .filter(
                (values) =>
                    Boolean(values.quantity) &&
                    (ids.has(values.productId) || ids.has(values.rewardProductId))
            )
            .map((values) => values.line);
    },
    /**
     * pos_loyalty's _getRealCouponPoints: the points of the coupon, plus those the
     * order gives it now, minus those its reward lines spend (summed in the same
     * order as pos_loyalty does, so the same result to the last bit).
     */
    _getRealCouponPoints(coupon_id) {
        const scope = retailOpenScope(this, "read");
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
