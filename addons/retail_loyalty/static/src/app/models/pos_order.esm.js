import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";

/**
 * Points a rule of a retail ledger program gives for `qty` units worth `amount`
 * (tax included): the same computation as loyalty.rule._retail_points.
 */
export function retailRulePoints(rule, qty, amount) {
    if (rule.reward_point_mode === "order") {
        return rule.reward_point_amount;
    }
    if (rule.reward_point_mode === "unit") {
        return rule.reward_point_amount * qty;
    }
    const brackets = rule.retail_brackets_json
        ? JSON.parse(rule.retail_brackets_json)
        : [];
    if (rule.retail_bracket_mode === "none" || !brackets.length) {
        return rule.reward_point_amount * amount;
    }
    if (rule.retail_bracket_mode === "whole") {
        let rate = 0;
        for (const [from, bracketRate] of brackets) {
            if (amount >= from) {
                rate = bracketRate;
            }
        }
        return amount * rate;
    }
    let points = 0;
    brackets.forEach(([from, rate], index) => {
        const upper = index + 1 < brackets.length ? brackets[index + 1][0] : Infinity;
        if (amount > from) {
            points += (Math.min(amount, upper) - from) * rate;
        }
    });
    return points;
}

patch(PosOrder.prototype, {
    /**
     * Retail ledger programs: the points the server will give (brackets, tier
     * multiplier), shown in the till; the server computes them again and wins.
     */
    pointsForPrograms(programs) {
        const result = super.pointsForPrograms(...arguments);
        for (const program of programs) {
            if (program.retail_ledger) {
                result[program.id] = [{points: this.getRetailLoyaltyPoints(program)}];
            }
        }
        return result;
    },
    getRetailLoyaltyCard(program) {
        const partner = this.getPartner();
        if (!partner) {
            return undefined;
        }
        return this.models["loyalty.card"].find(
            (card) =>
                card.partner_id?.id === partner.id && card.program_id?.id === program.id
        );
    },
    getRetailLoyaltyPoints(program) {
        const lines = this.getOrderlines().filter(
            (line) =>
                !line.combo_parent_id &&
                !line.is_reward_line &&
                !line.refunded_orderline_id &&
                line.getQuantity() > 0
        );
        let points = 0;
        for (const rule of program.rule_ids) {
            if (rule.mode !== "auto") {
                continue;
            }
            const ruleLines = lines.filter(
                (line) =>
                    rule.any_product || rule.validProductIds.has(line.product_id.id)
            );
            const qty = ruleLines.reduce((sum, line) => sum + line.getQuantity(), 0);
            const amount = ruleLines.reduce(
                (sum, line) =>
                    sum +
                    (line.combo_line_ids.length > 0
                        ? line.comboTotalPrice
                        : line.prices.total_included),
                0
            );
            if (
                !ruleLines.length ||
                qty <= 0 ||
                amount < 0 ||
                qty < rule.minimum_qty ||
                amount < rule.minimum_amount
            ) {
                continue;
            }
            points += retailRulePoints(rule, qty, amount);
        }
        const multiplier =
            this.getRetailLoyaltyCard(program)?.retail_tier_multiplier || 1;
        return Math.round(points * multiplier * 100) / 100;
    },
    /** Rewards of retail ledger programs the card may not claim (tier, segment). */
    getClaimableRewards() {
        return super
            .getClaimableRewards(...arguments)
            .filter(({reward, coupon_id}) =>
                this.isRetailRewardAllowed(reward, coupon_id)
            );
    },
    isRetailRewardAllowed(reward, couponId) {
        if (!reward.program_id?.retail_ledger) {
            return true;
        }
        const card = this.models["loyalty.card"].get(couponId);
        if (!card?.retail_allowed_rewards_json) {
            return true;
        }
        return JSON.parse(card.retail_allowed_rewards_json).includes(reward.id);
    },
    /**
     * What the customer can redeem now, per retail ledger program of the till:
     * the card, its balance (minus the rewards already on the order), its tier
     * and the rewards whose points it holds and that its tier and segment may
     * claim.
     */
    getRetailLoyaltyRedeemable() {
        if (!this.getPartner()) {
            return [];
        }
        const result = [];
        for (const program of this.models["loyalty.program"].filter(
            (p) => p.retail_ledger
        )) {
            const card = this.getRetailLoyaltyCard(program);
            if (!card || card.id < 0) {
                continue;
            }
            // the server debits rewards before the order's own points are earned
            const balance = this.getOrderlines()
                .filter((line) => line.is_reward_line && line.coupon_id?.id === card.id)
                .reduce((points, line) => points - line.points_cost, card.points);
            const rewards = program.reward_ids.filter(
                (reward) =>
                    reward.required_points <= balance &&
                    this.isRetailRewardAllowed(reward, card.id)
            );
            result.push({
                program,
                card,
                balance: Math.round(balance * 100) / 100,
                tier: card.retail_tier_name || "",
                rewards,
            });
        }
        return result;
    },
    /** What the receipt prints for retail ledger programs. */
    getRetailLoyaltyReceipt() {
        return this.getLoyaltyPoints()
            .filter((stat) => stat.program.retail_ledger)
            .map((stat) => {
                const card = this.models["loyalty.card"].get(parseInt(stat.couponId));
                return {
                    cardId: stat.couponId,
                    tier: card?.retail_tier_name || "",
                    message:
                        card?.retail_receipt_message || card?.retail_tier_message || "",
                    won: stat.points.won,
                    spent: stat.points.spent,
                    balance: stat.points.balance,
                };
            });
    },
});
