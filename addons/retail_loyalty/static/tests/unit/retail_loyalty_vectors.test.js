import {describe, expect, test} from "@odoo/hoot";
import {
    loadRetailVectors,
    retailVectorIds,
} from "@retail_customer/../tests/unit/retail_vectors";
import {retailProgramPoints} from "@retail_loyalty/app/utils/retail_points.esm";
import {retailVectorRule} from "@retail_loyalty/../tests/unit/retail_loyalty_vectors";

const VECTORS = "retail_loyalty/static/tests/vectors/retail_loyalty_points.json";

describe("retail_loyalty_vectors", () => {
    test("points of a program's rules", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        expect(vectors.program_points.length).toBeGreaterThan(0);
        const productId = retailVectorIds();
        for (const vector of vectors.program_points) {
            const program = {
                rule_ids: vector.rules.map((rule) => retailVectorRule(rule, productId)),
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
