import {retailRulePoints} from "@retail_loyalty/app/models/pos_order.esm";
import {
    retailScheduleMatches,
    retailStoreNow,
} from "@retail_customer/app/utils/retail_schedule.esm";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";

/**
 * Whether an extra point promotion (an entry of the loyalty program's
 * retail_extra_points_table) applies in store `config` at `moment` (a luxon
 * DateTime in the store's time zone): company, store, dates, week days and hours,
 * as loyalty.program._retail_extra_point_promotions.
 */
export function retailExtraPointsApply(spec, config, moment) {
    if (spec.company_id && spec.company_id !== config.company_id?.id) {
        return false;
    }
    if (spec.config_ids.length && !spec.config_ids.includes(config.id)) {
        return false;
    }
    const day = moment.toISODate();
    if (
        (spec.date_from && day < spec.date_from) ||
        (spec.date_to && day > spec.date_to)
    ) {
        return false;
    }
    return retailScheduleMatches(spec, moment);
}

/**
 * Points the automatic rules of `program` give for `lines` (each with `product`,
 * `qty` and `amount`, taxes included), without tier multiplier.
 */
function retailRulesPoints(program, lines) {
    let points = 0;
    for (const rule of program.rule_ids) {
        if (rule.mode !== "auto") {
            continue;
        }
        const ruleLines = lines.filter(
            (line) => rule.any_product || rule.validProductIds.has(line.product)
        );
        const qty = ruleLines.reduce((sum, line) => sum + line.qty, 0);
        const amount = ruleLines.reduce((sum, line) => sum + line.amount, 0);
        if (
            ruleLines.length &&
            qty > 0 &&
            amount >= 0 &&
            qty >= rule.minimum_qty &&
            amount >= rule.minimum_amount
        ) {
            points += retailRulePoints(rule, qty, amount);
        }
    }
    return Math.round(points * 100) / 100;
}

/**
 * Extra points of one promotion for `lines` in the loyalty program `program`:
 * loyalty.program._retail_promotion_points.
 */
export function retailPromotionPoints(spec, program, lines) {
    const products = new Set(spec.product_ids);
    const group = lines.filter((line) => products.has(line.product));
    if (!group.length) {
        return 0;
    }
    if (spec.mode === "unit") {
        return spec.points * group.reduce((sum, line) => sum + line.qty, 0);
    }
    if (spec.mode === "amount") {
        return spec.points * group.reduce((sum, line) => sum + line.amount, 0);
    }
    return (spec.points - 1) * retailRulesPoints(program, group);
}

patch(PosOrder.prototype, {
    /** The points of a retail ledger program, with the extra point promotions. */
    getRetailLoyaltyPoints(program) {
        const points = super.getRetailLoyaltyPoints(...arguments);
        const extra = this.getRetailExtraPoints(program);
        return extra ? Math.round((points + extra) * 100) / 100 : points;
    },
    getRetailExtraPoints(program) {
        const table = program.retail_extra_points_table || [];
        if (!table.length) {
            return 0;
        }
        const moment = retailStoreNow(this.config);
        const specs = table.filter((spec) =>
            retailExtraPointsApply(spec, this.config, moment)
        );
        if (!specs.length) {
            return 0;
        }
        const lines = this.getOrderlines()
            .filter(
                (line) =>
                    !line.combo_parent_id &&
                    !line.is_reward_line &&
                    !line.refunded_orderline_id &&
                    line.getQuantity() > 0
            )
            .map((line) => ({
                product: line.product_id.id,
                qty: line.getQuantity(),
                amount:
                    line.combo_line_ids.length > 0
                        ? line.comboTotalPrice
                        : line.prices.total_included,
            }));
        return specs.reduce(
            (sum, spec) => sum + retailPromotionPoints(spec, program, lines),
            0
        );
    },
});
