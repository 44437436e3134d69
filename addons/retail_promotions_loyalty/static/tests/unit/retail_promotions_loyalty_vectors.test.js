import {describe, expect, test} from "@odoo/hoot";
import {retailPromotionPoints} from "@retail_promotions_loyalty/app/models/pos_order.esm";
import {
    loadRetailVectors,
    retailVectorIds,
} from "@retail_customer/../tests/unit/retail_vectors";
import {retailVectorRule} from "@retail_loyalty/../tests/unit/retail_loyalty_vectors";

const VECTORS =
    "retail_promotions_loyalty/static/tests/vectors/retail_promotions_loyalty.json";

describe("retail_promotions_loyalty_vectors", () => {
    test("extra points of a promotion", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        expect(vectors.promotion_points.length).toBeGreaterThan(0);
        const productId = retailVectorIds();
        for (const vector of vectors.promotion_points) {
            const spec = {
                mode: vector.promotion.mode,
                points: vector.promotion.points,
                product_ids: vector.promotion.products.map(productId),
            };
            const lines = vector.lines.map((line) => ({
                ...line,
                product: productId(line.product),
            }));
            const program = {
                rule_ids: (vector.rules || []).map((rule) =>
                    retailVectorRule(rule, productId)
                ),
            };
            const points = retailPromotionPoints(spec, program, lines);
            expect(Math.abs(points - vector.expected) < 1e-9).toBe(true, {
                message: `${vector.name}: ${points}`,
            });
        }
    });
});
