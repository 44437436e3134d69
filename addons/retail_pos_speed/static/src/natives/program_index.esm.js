import {RAW_SYMBOL} from "@point_of_sale/app/models/related_models/utils";
import {toRaw} from "@odoo/owl";

/**
 * The till's index of the promotions by product: which programs' rules can see a
 * line of a product.
 *
 * pos_loyalty checks a rule against a line through the products of the rule
 * (rule.validProductIds: its products, categories, tags and domain, resolved by
 * the server for the products the till loaded, when the till loads) or for every
 * product (rule.any_product). The index maps each product to the programs with a
 * rule on it; the programs with a rule on any product see every line (`always`).
 * A line changed, added or removed can change the points of the programs that
 * see its product (or its reward product) only.
 *
 * Built when the till loads (PosStore.processServerData of this module), held on
 * the till's raw configuration record (not reactive, not a field), built again
 * when a rule's product set is not the one it was built from.
 */

function buildIndex(programs) {
    const byProduct = new Map();
    const always = new Set();
    const ruleSets = new Map();
    const ruleIds = new Map();
    for (const program of programs) {
        ruleIds.set(
            program.id,
            program.rule_ids.map((rule) => rule.id)
        );
        for (const rule of program.rule_ids) {
            const products = toRaw(rule.validProductIds);
            ruleSets.set(rule.id, products);
            if (rule.any_product || !products) {
                always.add(program.id);
                continue;
            }
            for (const productId of products) {
                if (!byProduct.has(productId)) {
                    byProduct.set(productId, new Set());
                }
                byProduct.get(productId).add(program.id);
            }
        }
    }
    return {
        byProduct,
        always,
        ruleSets,
        ruleIds,
        programIds: new Set(programs.map((p) => p.id)),
    };
}

/**
 * Whether `program`'s rules are those of `known` (ids), read from its raw
 * values when it can.
 */
function sameRules(program, known) {
    const raw = typeof RAW_SYMBOL === "symbol" && toRaw(program)[RAW_SYMBOL]?.rule_ids;
    const ids = raw instanceof Set ? [...raw] : program.rule_ids.map((rule) => rule.id);
    return (
        Boolean(known) &&
        ids.length === known.length &&
        ids.every((id, index) => id === known[index])
    );
}

/**
 * Whether `index` was built from the rules of `programs` as they are: every
 * program in it with the same rules, every rule of it with the products it was
 * built from (pos_loyalty's rule.validProductIds, given when the till loads).
 * Read from the records as they are (not through the till's reactive proxies):
 * asked at each slice of the points computed ahead.
 */
function indexCovers(index, programs, models) {
    if (
        !programs.every(
            (program) =>
                index.programIds.has(program.id) &&
                sameRules(program, index.ruleIds.get(program.id))
        )
    ) {
        return false;
    }
    const rules = toRaw(models["loyalty.rule"]);
    for (const [ruleId, products] of index.ruleSets) {
        const rule = rules.get(ruleId);
        if (!rule || toRaw(rule.validProductIds) !== products) {
            return false;
        }
    }
    return true;
}

/**
 * The index of the programs of `models` for the till's `config`, covering at
 * least `programs` (built again when it does not).
 */
export function retailProgramIndex(config, models, programs = []) {
    const raw = toRaw(config);
    if (
        !raw.retailProgramIndex ||
        !indexCovers(raw.retailProgramIndex, programs, models)
    ) {
        Object.defineProperty(raw, "retailProgramIndex", {
            value: buildIndex(models["loyalty.program"].getAll()),
            writable: true,
            configurable: true,
        });
    }
    return raw.retailProgramIndex;
}

/** The ids of the programs of `index` whose rules can see one of `productIds`. */
export function retailProgramsSeeing(index, productIds) {
    const ids = new Set(index.always);
    for (const productId of productIds) {
        for (const programId of index.byProduct.get(productId) || []) {
            ids.add(programId);
        }
    }
    return ids;
}
