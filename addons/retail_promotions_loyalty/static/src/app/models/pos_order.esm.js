import "@retail_loyalty/app/models/pos_order.esm";
import {retailProgramPoints} from "@retail_loyalty/app/utils/retail_points.esm";
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
    return (spec.points - 1) * retailProgramPoints(program, group);
}

patch(PosOrder.prototype, {
    /** The points of a retail ledger program, with the extra point promotions. */
    retailLoyaltyPoints(program) {
        const points = super.retailLoyaltyPoints(...arguments);
        const extra = this.retailExtraPoints(program);
        return extra ? Math.round((points + extra) * 100) / 100 : points;
    },
    retailExtraPoints(program) {
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
        const lines = this.retailLoyaltyLines();
        return specs.reduce(
            (sum, spec) => sum + retailPromotionPoints(spec, program, lines),
            0
        );
    },
});
