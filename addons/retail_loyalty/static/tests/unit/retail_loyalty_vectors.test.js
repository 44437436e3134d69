import {describe, expect, test} from "@odoo/hoot";
import {
    loadRetailVectors,
    retailVectorIds,
} from "@retail_customer/../tests/unit/retail_vectors";
import {retailProgramPoints} from "@retail_loyalty/app/utils/retail_points.esm";

const VECTORS = "retail_loyalty/static/tests/vectors/retail_loyalty_points.json";

/** A rule as the till loads it, from a rule of a vector. */
function tillRule(rule, productId) {
    return {
        mode: rule.code ? "with_code" : "auto",
        reward_point_mode: rule.reward_point_mode,
        reward_point_amount: rule.reward_point_amount,
        minimum_qty: rule.minimum_qty ?? 0,
        minimum_amount: rule.minimum_amount ?? 0,
        any_product: !rule.products,
        validProductIds: new Set((rule.products || []).map(productId)),
        retail_bracket_mode: rule.bracket_mode || "none",
        retail_brackets: rule.brackets || [],
    };
}

describe("retail_loyalty_vectors", () => {
    test("points of a program's rules", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        expect(vectors.program_points.length).toBeGreaterThan(0);
        const productId = retailVectorIds();
        for (const vector of vectors.program_points) {
            const program = {
                rule_ids: vector.rules.map((rule) => tillRule(rule, productId)),
            };
            const lines = vector.lines.map((line) => ({
                ...line,
                product: productId(line.product),
            }));
            const points = retailProgramPoints(program, lines, vector.multiplier);
            expect(Math.abs(points - vector.expected) < 1e-9).toBe(true, {
                message: `${vector.name}: ${points}`,
            });
        }
    });
});
