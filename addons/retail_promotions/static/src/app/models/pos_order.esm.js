import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";

const {DateTime} = luxon;

export const RETAIL_WEEKDAYS = [
    "retail_monday",
    "retail_tuesday",
    "retail_wednesday",
    "retail_thursday",
    "retail_friday",
    "retail_saturday",
    "retail_sunday",
];

/**
 * Whether a program's week days and hours include `moment` (a luxon DateTime in
 * the store's time zone): the same test as loyalty.program._retail_schedule_domain.
 */
export function retailScheduleMatches(program, moment) {
    if (program[RETAIL_WEEKDAYS[moment.weekday - 1]] === false) {
        return false;
    }
    const hour = moment.hour + moment.minute / 60 + moment.second / 3600;
    const from = program.retail_hour_from ?? 0;
    const to = program.retail_hour_to ?? 24;
    return from <= hour && hour < to;
}

/**
 * The retail promotions of `programs` (all satisfied by one basket) that apply:
 * all of them when none is exclusive, else only the exclusive one of highest
 * priority, the oldest on equal priority (loyalty.program._retail_combine).
 */
export function retailCombinePromotions(programs) {
    const exclusive = programs.filter((program) => program.retail_exclusive);
    if (!exclusive.length) {
        return programs;
    }
    const sorted = exclusive.toSorted(
        (a, b) => b.retail_priority - a.retail_priority || a.id - b.id
    );
    return [sorted[0]];
}

/**
 * Discount of a fixed-price promotion on the units of its group (`unitPrices`,
 * taxes included): the most expensive units make as many sets of N as possible,
 * each set costs the fixed price (loyalty.program._retail_bundle_discount).
 */
export function retailBundleDiscount(program, unitPrices) {
    const sets = Math.floor(unitPrices.length / program.retail_buy_qty);
    const inSets = unitPrices
        .toSorted((a, b) => b - a)
        .slice(0, sets * program.retail_buy_qty);
    const total = inSets.reduce((sum, price) => sum + price, 0);
    return Math.max(0, total - sets * program.retail_fixed_price);
}

patch(PosOrder.prototype, {
    _programIsApplicable(program) {
        if (!super._programIsApplicable(...arguments)) {
            return false;
        }
        const zone = this.config.retail_promotion_tz || "UTC";
        return retailScheduleMatches(program, DateTime.now().setZone(zone));
    },
    pointsForPrograms(programs) {
        const result = super.pointsForPrograms(...arguments);
        const satisfied = programs.filter(
            (program) =>
                program.retail_promotion_type &&
                (result[program.id] || []).some((entry) => entry.points)
        );
        const applied = new Set(retailCombinePromotions(satisfied).map((p) => p.id));
        for (const program of satisfied) {
            if (!applied.has(program.id)) {
                result[program.id] = [];
            }
        }
        return result;
    },
    /**
     * Fixed-price promotions: the native 100 % discount on the group, scaled down
     * to the discount of the sets of N items (as sale.order does on the server).
     */
    _getRewardLineValuesDiscount(args) {
        const result = super._getRewardLineValuesDiscount(...arguments);
        const program = args.reward.program_id;
        if (program.retail_promotion_type !== "n_fixed_price" || !Array.isArray(result)) {
            return result;
        }
        const groupIds = new Set(args.reward.all_discount_product_ids.map((p) => p.id));
        const groupLines = this.getOrderlines().filter(
            (line) =>
                !line.reward_id &&
                !line.combo_parent_id &&
                line.getQuantity() > 0 &&
                groupIds.has(line.getProduct().id)
        );
        const unitPrices = groupLines.flatMap((line) =>
            Array(Math.floor(line.getQuantity())).fill(line.priceIncl / line.getQuantity())
        );
        const base = groupLines.reduce((sum, line) => sum + line.priceIncl, 0);
        const factor = base ? retailBundleDiscount(program, unitPrices) / base : 0;
        for (const values of result) {
            values.price_unit *= factor;
        }
        return result;
    },
});
