import {describe, expect, test} from "@odoo/hoot";
import {
    retailApplicationOrder,
    retailCombinePromotions,
    retailCustomerMatches,
    retailGroupDiscount,
    retailPromotionTypes,
} from "@retail_promotions/app/models/pos_order.esm";
import {
    loadRetailVectors,
    retailVectorIds,
} from "@retail_customer/../tests/unit/retail_vectors";

const VECTORS = "retail_promotions/static/tests/vectors/retail_promotions.json";

describe("retail_promotions_vectors", () => {
    test("group discount", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        expect(vectors.group_discount.length).toBeGreaterThan(0);
        for (const vector of vectors.group_discount) {
            const {breaks, ...program} = vector.program;
            program.retail_break_table = breaks || [];
            const discount = retailGroupDiscount(program, vector.unit_prices);
            expect(Math.abs(discount - vector.expected) < 1e-9).toBe(true, {
                message: `${vector.name}: ${discount}`,
            });
        }
    });

    test("type registry", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        const types = retailPromotionTypes.getEntries();
        const withMethod = (method) =>
            types
                .filter(([, type]) => type[method])
                .map(([kind]) => kind)
                .toSorted();
        expect(withMethod("groupDiscount")).toEqual(vectors.scaled_types.toSorted());
        expect(withMethod("customerMatches")).toEqual(
            vectors.customer_types.toSorted()
        );
    });

    test("customer matches", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        const idOf = retailVectorIds();
        for (const vector of vectors.customer_matches) {
            const program = {
                id: 1,
                retail_promotion_type: vector.type,
                retail_customer_scope: {
                    partners: vector.program.partners.map(idOf),
                    segments: vector.program.segments.map(idOf),
                },
            };
            const partner = vector.partner && {
                id: idOf(vector.partner.name),
                retail_is_employee: Boolean(vector.partner.employee),
                retail_segment_id_list: vector.partner.segments.map(idOf),
            };
            expect(retailCustomerMatches(program, partner)).toBe(vector.expected, {
                message: vector.name,
            });
        }
    });

    test("combination and application order", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        for (const vector of vectors.combine) {
            const applied = retailCombinePromotions(vector.programs).map((p) => p.id);
            expect(applied.toSorted()).toEqual(vector.applied.toSorted(), {
                message: vector.name,
            });
            const order = retailApplicationOrder(vector.programs).map((p) => p.id);
            expect(order).toEqual(vector.order, {message: vector.name});
        }
    });
});
