import {describe, expect, test} from "@odoo/hoot";
import {
    retailOrderNumber,
    ruleApplies,
} from "@retail_surveys/app/utils/retail_survey_rules.esm";
import {loadRetailVectors} from "@retail_customer/../tests/unit/retail_vectors";

const {DateTime} = luxon;
const VECTORS = "retail_surveys/static/tests/vectors/retail_survey_rules.json";

describe("retail_surveys_vectors", () => {
    test("asking rules", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        expect(vectors.applies.length).toBeGreaterThan(0);
        for (const vector of vectors.applies) {
            const rule = {...vectors.rule_defaults, ...vector.rule};
            const order = {...vectors.order_defaults, ...vector.order};
            const applies = ruleApplies(rule, {
                amount: order.amount,
                identified: order.identified,
                orderNumber: order.order_number,
                moment: DateTime.fromISO(order.moment),
            });
            expect(applies).toBe(vector.expected, {message: vector.name});
        }
    });

    test("order number", async () => {
        const vectors = await loadRetailVectors(VECTORS);
        for (const vector of vectors.order_number) {
            expect(retailOrderNumber(vector.reference)).toBe(vector.expected);
        }
    });
});
