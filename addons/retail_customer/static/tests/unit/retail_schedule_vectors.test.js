import {describe, expect, test} from "@odoo/hoot";
import {
    retailFormatHour,
    retailScheduleMatches,
} from "@retail_customer/app/utils/retail_schedule.esm";
import {loadRetailVectors} from "@retail_customer/../tests/unit/retail_vectors";

const {DateTime} = luxon;

describe("retail_customer_vectors", () => {
    test("schedule matches", async () => {
        const vectors = await loadRetailVectors(
            "retail_customer/static/tests/vectors/retail_schedule.json"
        );
        expect(vectors.matches.length).toBeGreaterThan(0);
        for (const vector of vectors.matches) {
            const moment = DateTime.fromISO(vector.moment);
            expect(retailScheduleMatches(vector.schedule, moment)).toBe(
                vector.expected,
                {
                    message: vector.name,
                }
            );
        }
    });

    test("format hour", async () => {
        const vectors = await loadRetailVectors(
            "retail_customer/static/tests/vectors/retail_schedule.json"
        );
        for (const vector of vectors.format_hour) {
            expect(retailFormatHour(vector.hour)).toBe(vector.expected);
        }
    });
});
