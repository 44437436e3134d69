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

/** The key of a line's taxes, as pos_loyalty splits a discount per tax. */
function taxKey(line) {
    return String(line.tax_ids.map((tax) => tax.id));
}

/**
 * Whether `line` is a line of a discount of a fixed amount (not a percentage,
 * not a gift card or eWallet payment) other than `reward`.
 */
function isFixedDiscountLine(line, reward) {
    const lineReward = line.reward_id;
    return Boolean(
        lineReward &&
        lineReward.id !== reward.id &&
        lineReward.reward_type === "discount" &&
        lineReward.discount_mode !== "percent" &&
        !["gift_card", "ewallet"].includes(lineReward.program_id.program_type)
    );
}

/**
 * Takes the amount of the fixed discount of the lines `rewardLines` off what is
 * left of the lines it discounts (`discounted`, in the order of the lines), per
 * tax, first off the lines the later discount does not discount (`later`), as
 * sale_loyalty's _discountable_specific does.
 */
function takeFixedDiscount(rewardLines, discounted, later, remaining) {
    const amounts = new Map(
        rewardLines.map((line) => [taxKey(line), Math.abs(line.prices.total_included)])
    );
    const ordered = [
        ...discounted.filter((line) => !later.has(line)),
        ...discounted.filter((line) => later.has(line)),
    ];
    for (const line of ordered) {
        const amount = amounts.get(taxKey(line)) || 0;
        if (!amount || !remaining.has(line.uuid)) {
            continue;
        }
        const consumed = Math.min(remaining.get(line.uuid), amount);
        amounts.set(taxKey(line), amount - consumed);
        remaining.set(line.uuid, remaining.get(line.uuid) - consumed);
    }
}

patch(PosOrder.prototype, {
    /**
     * What a retail promotion's discount on specific products discounts, when a
     * discount of a fixed amount (a scaled promotion: N for M, fixed price, 2nd
     * and 3rd units, quantity breaks) applied before it: as on a sale order, what
     * the earlier discounts left of its lines. Each earlier discount, in the
     * order of the reward lines, takes its part off the lines it discounts: a
     * percentage off each of them, a fixed amount off them per tax, first off
     * the lines the later discount does not discount (sale_loyalty's
     * _discountable_specific). pos_loyalty takes the whole fixed amounts off the
     * later discount's lines after all the percentages, whatever order they
     * applied in, so three cumulative promotions on the same lines would not
     * split the discount as a sale order does (shared case
     * cumulative_three_on_what_is_left). Without an earlier fixed discount both
     * are the same: pos_loyalty's computation.
     */
    _getDiscountableOnSpecific(reward) {
        if (
            !reward.program_id.retail_promotion_type ||
            !this.getOrderlines().some((line) => isFixedDiscountLine(line, reward))
        ) {
            return super._getDiscountableOnSpecific(...arguments);
        }
        return this.retailDiscountableOnWhatIsLeft(reward);
    },
    /** _getDiscountableOnSpecific's computation of what is left (see above). */
    retailDiscountableOnWhatIsLeft(reward) {
        const applicable = new Set(reward.all_discount_product_ids.map((p) => p.id));
        const lines = this.getOrderlines();
        const remaining = new Map();
        const toDiscount = [];
        const rewardGroups = new Map();
        for (const line of lines) {
            if (!line.getQuantity() || !line.price_unit) {
                continue;
            }
            remaining.set(line.uuid, line.prices.total_included);
            const productId =
                line.combo_parent_id?.product_id.id || line.getProduct().id;
            if (
                applicable.has(productId) ||
                (line._reward_product_id && applicable.has(line._reward_product_id.id))
            ) {
                toDiscount.push(line);
            } else if (line.reward_id) {
                if (line.reward_id.id === reward.id) {
                    toDiscount.push(line);
                }
                const code = line.reward_identifier_code;
                rewardGroups.set(code, [...(rewardGroups.get(code) || []), line]);
            }
        }
        const later = new Set(toDiscount);
        for (const rewardLines of rewardGroups.values()) {
            this.retailTakeEarlierDiscount(rewardLines, reward, later, remaining);
        }
        let discountable = 0;
        const discountablePerTax = {};
        for (const line of toDiscount) {
            const left = remaining.get(line.uuid);
            discountable += left;
            const key = taxKey(line);
            discountablePerTax[key] =
                (discountablePerTax[key] || 0) +
                line.basePrice * (left / line.prices.total_included);
        }
        return {discountable, discountablePerTax};
    },
    /**
     * Takes the part of the earlier discount of the lines `rewardLines` off what
     * is left of the lines (`remaining`: line uuid -> amount), `later` being the
     * lines of the discount `reward` computed.
     */
    retailTakeEarlierDiscount(rewardLines, reward, later, remaining) {
        const lineReward = rewardLines[0].reward_id;
        if (lineReward.reward_type !== "discount") {
            return;
        }
        let discounted = this.getOrderlines();
        if (lineReward.discount_applicability === "cheapest") {
            discounted = [this._getCheapestLine(lineReward)].filter(Boolean);
        } else if (lineReward.discount_applicability === "specific") {
            discounted = this._getSpecificDiscountableLines(lineReward);
        }
        discounted = discounted.filter((line) => !line.reward_id);
        if (lineReward.discount_mode === "percent") {
            const rate = lineReward.discount / 100;
            for (const line of discounted) {
                if (remaining.has(line.uuid)) {
                    const lineRate =
                        lineReward.discount_applicability === "cheapest"
                            ? rate / line.getQuantity()
                            : rate;
                    remaining.set(line.uuid, remaining.get(line.uuid) * (1 - lineRate));
                }
            }
        } else if (isFixedDiscountLine(rewardLines[0], reward)) {
            takeFixedDiscount(rewardLines, discounted, later, remaining);
        }
    },
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
