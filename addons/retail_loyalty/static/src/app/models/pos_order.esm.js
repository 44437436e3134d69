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
    const brackets = rule.retail_brackets_json ? JSON.parse(rule.retail_brackets_json) : [];
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
                (line) => rule.any_product || rule.validProductIds.has(line.product_id.id)
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
        const multiplier = this.getRetailLoyaltyCard(program)?.retail_tier_multiplier || 1;
        return Math.round(points * multiplier * 100) / 100;
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
                    message: card?.retail_tier_message || "",
                    won: stat.points.won,
                    spent: stat.points.spent,
                    balance: stat.points.balance,
                };
            });
    },
});
