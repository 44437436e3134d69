import "@pos_loyalty/app/models/pos_order";
import "@pos_loyalty/app/models/pos_order_line";
import {
    retailOpenScope,
    withOrderScope,
} from "@retail_pos_speed/natives/order_scope.esm";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {PosOrderline} from "@point_of_sale/app/models/pos_order_line";
import {patch} from "@web/core/utils/patch";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";

/**
 * Reward lines kept when their values did not change.
 *
 * pos_loyalty's _updateRewardLines deletes every reward line of the order and
 * applies each claimed reward again, in the order of the lines, each on what the
 * rewards before it left: every update creates new reward lines (new records,
 * new lines in the till's list, each rendered again), even when the basket
 * change did not touch them. Here the same update runs, step for step: a reward
 * line pos_loyalty deletes is only taken off the order (detached: the order, its
 * prices and the rewards applied after it no longer see it, as when deleted);
 * when pos_loyalty applies a reward again and its new reward lines have the same
 * values as the lines of one claim taken off (same reward, coupon, product,
 * taxes, price, quantity, points...), those lines are put back on the order in
 * their place (the same place as the new lines would take: after the lines
 * before them), with their reward code; the new values are not created. The
 * lines taken off and not put back are deleted when the update ends, as
 * pos_loyalty deletes them. A reward whose values changed gets new lines, as
 * in pos_loyalty.
 *
 * Used while pos_loyalty's _updateRewardLines, _applyReward and applyRewardLine
 * are the Odoo 19.0 code this was written for (retailSpeedUses). The order's
 * scope "rewardLines" holds, while the update runs: {retired: reward code ->
 * lines taken off, lists: values -> the list of values of its claim, decided:
 * values -> line put back (or null: created)}.
 */

/** A value of a reward line, to compare: records as their ids. */
function comparable(value) {
    if (Array.isArray(value)) {
        return value.map(comparable);
    }
    if (value && typeof value === "object" && value.model?.name && "id" in value) {
        return value.id;
    }
    return value ?? false;
}

/** Whether `line` has the values `values` (its reward code aside). */
function hasValues(line, values) {
    return Object.entries(values).every(
        ([name, value]) =>
            name === "reward_identifier_code" ||
            JSON.stringify(comparable(value)) === JSON.stringify(comparable(line[name]))
    );
}

/**
 * The lines of one claim taken off the order whose values are those of `list`
 * (one claim's new values), removed from `retired`; undefined when none.
 */
function takeMatchingClaim(retired, list) {
    for (const [code, lines] of retired) {
        if (
            lines.length === list.length &&
            lines.every((line, index) => hasValues(line, list[index]))
        ) {
            retired.delete(code);
            return lines;
        }
    }
    return undefined;
}

patch(PosOrder.prototype, {
    /** Whether the reward lines may be kept (see above). */
    retailKeepsRewardLines() {
        // each asked (and reported when it differs), then all of them
        return [
            retailSpeedUses(
                this.config,
                "PosOrder._updateRewardLines",
                super._updateRewardLines
            ),
            retailSpeedUses(this.config, "PosOrder._applyReward", super._applyReward),
            retailSpeedUses(
                this.config,
                "PosOrder.applyRewardLine",
                super.applyRewardLine
            ),
        ].every(Boolean);
    },
    _updateRewardLines() {
        if (retailOpenScope(this, "rewardLines") || !this.retailKeepsRewardLines()) {
            return super._updateRewardLines(...arguments);
        }
        return withOrderScope(
            this,
            "rewardLines",
            () => ({retired: new Map(), lists: new Map(), decided: new Map()}),
            () => super._updateRewardLines(...arguments),
            (scope) => this.retailDeleteRetired(scope)
        );
    },
    /**
     * Deletes the reward lines taken off and not put back: put back on the order
     * first, then deleted as pos_loyalty deletes them (the order records the
     * deletion of a line the server knows).
     */
    retailDeleteRetired(scope) {
        for (const lines of scope.retired.values()) {
            for (const line of lines) {
                line.update({order_id: this});
                line.delete();
            }
        }
    },
    _getRewardLineValues() {
        const list = super._getRewardLineValues(...arguments);
        const scope = retailOpenScope(this, "rewardLines");
        if (scope && Array.isArray(list)) {
            for (const values of list) {
                scope.lists.set(values, list);
            }
        }
        return list;
    },
    applyRewardLine(values) {
        const scope = retailOpenScope(this, "rewardLines");
        const list = scope?.lists.get(values);
        if (!list) {
            return super.applyRewardLine(...arguments);
        }
        if (!scope.decided.has(values)) {
            // decided for the whole claim, with the values it is applied with
            const lines = takeMatchingClaim(scope.retired, list);
            list.forEach((listValues, index) => {
                scope.decided.set(listValues, lines ? lines[index] : null);
            });
        }
        const line = scope.decided.get(values);
        if (!line) {
            return super.applyRewardLine(...arguments);
        }
        line.update({order_id: this});
    },
});

patch(PosOrderline.prototype, {
    /**
     * A reward line pos_loyalty deletes while it updates the reward lines is
     * taken off the order instead (see above).
     */
    delete() {
        const order = this.order_id;
        const scope = order && retailOpenScope(order, "rewardLines");
        if (!scope || !this.is_reward_line) {
            return super.delete(...arguments);
        }
        const code = this.reward_identifier_code || this.uuid;
        if (!scope.retired.has(code)) {
            scope.retired.set(code, []);
        }
        scope.retired.get(code).push(this);
        this.update({order_id: false});
        // as point_of_sale does when a line is deleted
        order.triggerRecomputeAllPrices();
        return this.id;
    },
});
