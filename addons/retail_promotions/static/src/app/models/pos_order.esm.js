import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";
import {registry} from "@web/core/registry";

import {
    retailScheduleMatches,
    retailStoreNow,
} from "@retail_customer/app/utils/retail_schedule.esm";

/** Compares two promotions in the order they apply (retailApplicationOrder). */
function compareApplication(a, b) {
    return b.retail_priority - a.retail_priority || a.id - b.id;
}

/**
 * The promotions of `programs` in the order they apply to a basket: the highest
 * priority first, the oldest on equal priority; cumulative promotions on the
 * same lines apply in that order, each on what the earlier ones left
 * (loyalty.program._retail_application_order).
 */
export function retailApplicationOrder(programs) {
    return programs.toSorted(compareApplication);
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
    return retailApplicationOrder(exclusive).slice(0, 1);
}

/**
 * The promotion types the till computes, one entry per type, as the server's
 * loyalty_program_types.py: `groupDiscount(program, unitPrices)` for the scaled
 * types (the discount on the units of the group, taxes included, one entry per
 * unit), `customerMatches(program, partner)` for the types reserved to some
 * customers. A module adds its types to this registry.
 */
export const retailPromotionTypes = registry.category("retail_promotion_types");

function sum(values) {
    return values.reduce((total, value) => total + value, 0);
}

function descending(unitPrices) {
    return unitPrices.toSorted((a, b) => b - a);
}

retailPromotionTypes.add("n_for_m", {
    /** Each set of N units, from the most expensive, gives its N - M cheapest free. */
    groupDiscount(program, unitPrices) {
        const prices = descending(unitPrices);
        const size = program.retail_buy_qty;
        const paid = program.retail_pay_qty;
        let discount = 0;
        for (let group = 0; group < Math.floor(prices.length / size); group++) {
            discount += sum(prices.slice(group * size + paid, (group + 1) * size));
        }
        return discount;
    },
});

retailPromotionTypes.add("n_fixed_price", {
    /** The most expensive units make as many sets of N as possible, each at the price. */
    groupDiscount(program, unitPrices) {
        const sets = Math.floor(unitPrices.length / program.retail_buy_qty);
        const inSets = descending(unitPrices).slice(0, sets * program.retail_buy_qty);
        return Math.max(0, sum(inSets) - sets * program.retail_fixed_price);
    },
});

retailPromotionTypes.add("unit_discounts", {
    /** Series of 3 units (2 without 3rd unit discount), from the most expensive. */
    groupDiscount(program, unitPrices) {
        const rates = [
            0,
            program.retail_second_discount,
            program.retail_third_discount,
        ];
        const series = program.retail_third_discount ? 3 : 2;
        return descending(unitPrices).reduce(
            (total, price, index) => total + (price * rates[index % series]) / 100,
            0
        );
    },
});

retailPromotionTypes.add("quantity_breaks", {
    /** The highest break the units reach gives its discount to every unit. */
    groupDiscount(program, unitPrices) {
        const reached = (program.retail_break_table || []).filter(
            ([minQty]) => unitPrices.length >= minQty
        );
        return reached.length ? (sum(unitPrices) * reached.at(-1)[1]) / 100 : 0;
    },
});

retailPromotionTypes.add("customer", {
    /** One of its customers or a member of one of its segments. */
    customerMatches(program, partner) {
        const scope = program.retail_customer_scope || {};
        const segments = new Set(partner.retail_segment_id_list || []);
        return (
            (scope.partners || []).includes(partner.id) ||
            (scope.segments || []).some((segment) => segments.has(segment))
        );
    },
});

retailPromotionTypes.add("discount_card", {
    /** The holder of one of its cards in force. */
    customerMatches(program, partner) {
        return (partner.retail_discount_card_program_ids || []).includes(program.id);
    },
});

retailPromotionTypes.add("employee", {
    /** An employee. */
    customerMatches(program, partner) {
        return Boolean(partner.retail_is_employee);
    },
});

function retailPromotionType(program) {
    return retailPromotionTypes.get(program.retail_promotion_type, {});
}

/**
 * Discount of a scaled promotion (a type with `groupDiscount`) on the units of its
 * group (`unitPrices`, taxes included, one entry per unit); 0 for the other types:
 * loyalty.program._retail_group_discount.
 */
export function retailGroupDiscount(program, unitPrices) {
    const type = retailPromotionType(program);
    return type.groupDiscount ? type.groupDiscount(program, unitPrices) : 0;
}

/** Whether the reward of `program` is scaled to its type's group discount. */
export function retailIsScaled(program) {
    return Boolean(retailPromotionType(program).groupDiscount);
}

/**
 * Whether a promotion reserved to some customers (a type with `customerMatches`)
 * is for `partner`; true for the other types
 * (loyalty.program._retail_customer_matches).
 */
export function retailCustomerMatches(program, partner) {
    const type = retailPromotionType(program);
    if (!type.customerMatches) {
        return true;
    }
    return Boolean(partner) && type.customerMatches(program, partner);
}

patch(PosOrder.prototype, {
    /**
     * The reward lines, those of retail promotions after the others and in the
     * order the promotions apply (retailApplicationOrder): pos_loyalty
     * re-applies the rewards in the order of their lines (_updateRewardLines),
     * each discount on what the lines before it left, as sale.order does with the
     * lines' sequence (sale.order._retail_reward_line_sequences).
     */
    _get_reward_lines() {
        const lines = super._get_reward_lines(...arguments);
        const retailProgram = (line) =>
            line.reward_id?.program_id?.retail_promotion_type
                ? line.reward_id.program_id
                : undefined;
        if (!lines?.some(retailProgram)) {
            return lines;
        }
        // a stable sort: the other reward lines keep their order
        return lines.toSorted((a, b) => {
            const [programA, programB] = [retailProgram(a), retailProgram(b)];
            if (!programA || !programB) {
                return Boolean(programA) - Boolean(programB);
            }
            return compareApplication(programA, programB);
        });
    },
    /** pos_loyalty's applicability, then the customer, cards, ceiling and schedule. */
    _programIsApplicable(program) {
        if (!super._programIsApplicable(program)) {
            return false;
        }
        if (
            !retailCustomerMatches(program, this.getPartner()) &&
            !this.retailScannedCardMatches(program)
        ) {
            return false;
        }
        const allowance = this.retailEmployeeAllowance(program);
        if (allowance !== undefined && allowance <= 0) {
            return false;
        }
        return retailScheduleMatches(program, retailStoreNow(this.config));
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
     * What is left of the employee's monthly ceiling of an employee promotion, as
     * the server gave it for the order's customer (undefined when not known).
     */
    retailEmployeeAllowance(program) {
        const known = this.uiState.retailAllowance;
        if (
            program.retail_promotion_type !== "employee" ||
            !known ||
            known.partnerId !== this.getPartner()?.id
        ) {
            return undefined;
        }
        return known.values[program.id] ?? 0;
    },
    /**
     * Whether the discount card typed or scanned at the till (PosStore.
     * activateCode) is a card of the discount-card promotion `program`.
     */
    retailScannedCardMatches(program) {
        return (
            program.retail_promotion_type === "discount_card" &&
            Boolean(this.retail_discount_card_code) &&
            this.uiState.retailDiscountCardProgramId === program.id
        );
    },
    _getRewardLineValuesDiscount(args) {
        const result = super._getRewardLineValuesDiscount(...arguments);
        const program = args.reward.program_id;
        const allowance = this.retailEmployeeAllowance(program);
        // Scaled promotions: the native discount of the whole group, scaled down
        // to retailGroupDiscount (as sale.order does on the server).
        if (allowance !== undefined && Array.isArray(result)) {
            // employee discount cut down to the allowance (sale.order does the same)
            const total = -result.reduce((sum, values) => sum + values.price_unit, 0);
            if (total > allowance) {
                for (const values of result) {
                    values.price_unit *= total ? allowance / total : 0;
                }
            }
            return result;
        }
        if (!retailIsScaled(program) || !Array.isArray(result)) {
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
            Array(Math.floor(line.getQuantity())).fill(
                line.priceIncl / line.getQuantity()
            )
        );
        const base = groupLines.reduce((sum, line) => sum + line.priceIncl, 0);
        const factor = base ? retailGroupDiscount(program, unitPrices) / base : 0;
        for (const values of result) {
            values.price_unit *= factor;
        }
        return result;
    },
});
