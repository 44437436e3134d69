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
    for (const program of programs) {
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
        programIds: new Set(programs.map((p) => p.id)),
    };
}

/** Whether `index` was built from the rules of `programs` as they are. */
function indexCovers(index, programs) {
    return programs.every(
        (program) =>
            index.programIds.has(program.id) &&
            program.rule_ids.every(
                (rule) => index.ruleSets.get(rule.id) === toRaw(rule.validProductIds)
            )
    );
}

/**
 * The index of the programs of `models` for the till's `config`, covering at
 * least `programs` (built again when it does not).
 */
export function retailProgramIndex(config, models, programs = []) {
    const raw = toRaw(config);
    if (!raw.retailProgramIndex || !indexCovers(raw.retailProgramIndex, programs)) {
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
