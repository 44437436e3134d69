import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";
import {
    retailProgramIndex,
    retailProgramsSeeing,
} from "@retail_pos_speed/natives/program_index.esm";
import {retailSlices} from "@retail_pos_speed/natives/retail_yield.esm";
import {retailSpeedState} from "@retail_pos_speed/natives/order_scope.esm";
import {RAW_SYMBOL} from "@point_of_sale/app/models/related_models/utils";
import {toRaw} from "@odoo/owl";

/**
 * pos_loyalty's PosOrder.pointsForPrograms, computed over values read once.
 *
 * pos_loyalty computes the points of every program by checking every rule of
 * every program against every line of the order, twice, through the till's
 * reactive records: with 200 promotions and a 50-line basket, about 30,000
 * rule/line checks and ten times as many reads through the records' proxies, at
 * each update of the promotions (twice per update). Here the same computation,
 * step for step and in the same order (so the same floating-point sums), runs
 * over plain values: each line's values are read once, each rule's once, and the
 * rule/line checks are plain Set lookups. The line hooks other modules override
 * (isLineValidForLoyaltyPoints, ignoreLoyaltyPoints) are still called, on the
 * same lines and programs as pos_loyalty calls them.
 *
 * The module's assets put this file right after pos_loyalty's order model: this
 * patch is the first one above pos_loyalty's method, and the patches of the other
 * modules (retail_loyalty's, retail_promotions') run on its result as they run on
 * pos_loyalty's. The tours compare both on every basket.
 *
 * Incremental where it is exact: a program's points depend only on the lines its
 * rules can see (their products, or every line for a rule on any product), on
 * the code-activated rules and on the line hooks. Each computation keeps the
 * points of every program it computed and a key of each line (every field of the
 * line, whether it counts, its amounts, the line before it); the next one
 * computes again only the programs whose rules see a line whose key changed, a
 * line added or a line removed (the till's index of programs by product,
 * natives/program_index.esm.js), and all of them when the code-activated rules or
 * the customer changed. The others keep their points.
 */

/**
 * The values pointsForPrograms reads of a line (pos_loyalty's expressions), read
 * from the line as it is (not through the till's reactive proxies: they are read
 * again at each slice of the points computed ahead); the line hooks are called
 * with the line as pos_loyalty gives it.
 */
function lineValues(order, line, index) {
    const raw = toRaw(line);
    const reward = raw.reward_id;
    const rewardProgram = reward && reward.program_id;
    const isDiscount = Boolean(reward && reward.reward_type === "discount");
    const autoDiscount = isDiscount && rewardProgram.trigger === "auto";
    const combo = raw.combo_line_ids.length > 0;
    const quantity = raw.getQuantity();
    // read when a rule counts the line, as pos_loyalty reads them
    let amounts;
    const readAmounts = () => {
        if (!amounts) {
            amounts = combo
                ? [raw.comboTotalPrice, raw.comboTotalPriceWithoutTax]
                : [raw.prices.total_included, raw.prices.total_excluded];
        }
        return amounts;
    };
    return {
        line,
        index,
        productId: raw.product_id.id,
        hasRewardProduct: Boolean(raw.reward_product_id),
        rewardProductId: raw._reward_product_id?.id,
        isRewardLine: raw.is_reward_line,
        rewardProgramId: rewardProgram?.id,
        rewardProgramType: rewardProgram?.program_type,
        isDiscount,
        // lines pos_loyalty leaves out of the amounts of the rules
        skipped: autoDiscount || !order.isLineValidForLoyaltyPoints(line),
        quantity,
        signedQuantity: raw._reward_product_id ? -quantity : quantity,
        get amountWithTax() {
            return readAmounts()[0];
        },
        get amountWithoutTax() {
            return readAmounts()[1];
        },
    };
}

/** The values pointsForPrograms reads of a rule. */
function ruleValues(rule) {
    return {
        rule,
        id: rule.id,
        anyProduct: rule.any_product,
        // a plain Set: its lookups are not tracked by the till's reactivity
        productIds: toRaw(rule.validProductIds),
        mode: rule.mode,
        minimumAmount: rule.minimum_amount,
        taxMode: rule.minimum_amount_tax_mode,
        minimumQty: rule.minimum_qty,
        pointAmount: rule.reward_point_amount,
        pointMode: rule.reward_point_mode,
        pointSplit: rule.reward_point_split,
    };
}

function ruleHasProduct(rule, productId) {
    return rule.anyProduct || rule.productIds.has(productId);
}

/** Whether a line counts for a rule's points (the second test of pos_loyalty). */
function ruleCountsLine(rule, values) {
    return values.hasRewardProduct
        ? ruleHasProduct(rule, values.rewardProductId)
        : ruleHasProduct(rule, values.productId);
}

/**
 * Points of `program` for the rules of `rules` (their values), pos_loyalty's
 * second loop: `linesPerRule` holds the lines counted in the rules' amounts,
 * `ignored(values, program)` is line.ignoreLoyaltyPoints({program}).
 */
function programPoints(
    order,
    program,
    rules,
    lines,
    linesPerRule,
    ignored,
    ProductPrice
) {
    let points = 0;
    const splitPoints = [];
    const codeRules = order.uiState.codeActivatedProgramRules;
    for (const rule of rules) {
        if (rule.mode === "with_code" && !codeRules.includes(rule.id)) {
            continue;
        }
        const linesForRule = linesPerRule.get(rule.id) || [];
        const amountWithTax = linesForRule.reduce(
            (sum, values) => sum + values.amountWithTax,
            0
        );
        const amountWithoutTax = linesForRule.reduce(
            (sum, values) => sum + values.amountWithoutTax,
            0
        );
        const amountCheck =
            (rule.taxMode === "incl" && amountWithTax) || amountWithoutTax;
        if (rule.minimumAmount > amountCheck) {
            continue;
        }
        let totalProductQty = 0;
        let orderedProductPaid = 0;
        for (const values of lines) {
            if (!ruleCountsLine(rule, values) || ignored(values, program)) {
                continue;
            }
            // only reward products of other programs count (no feedback loop)
            if (
                values.isRewardLine &&
                (program.id === values.rewardProgramId ||
                    ["gift_card", "ewallet"].includes(values.rewardProgramType))
            ) {
                continue;
            }
            orderedProductPaid += values.amountWithTax;
            if (!values.isRewardLine) {
                totalProductQty += values.signedQuantity;
            }
        }
        if (totalProductQty < rule.minimumQty) {
            continue;
        }
        if (
            program.applies_on === "future" &&
            rule.pointSplit &&
            rule.pointMode !== "order"
        ) {
            splitPoints.push(
                ...splitRulePoints(
                    rule,
                    totalProductQty,
                    lines,
                    program,
                    ignored,
                    ProductPrice
                )
            );
        } else if (rule.pointMode === "order") {
            points += rule.pointAmount;
        } else if (rule.pointMode === "money") {
            points += ProductPrice.round(rule.pointAmount * orderedProductPaid);
        } else if (rule.pointMode === "unit") {
            points += rule.pointAmount * totalProductQty;
        }
    }
    const result = points || program.program_type === "coupons" ? [{points}] : [];
    if (splitPoints.length) {
        result.push(...splitPoints);
    }
    return result;
}

/** Points of a rule counted per unit (programs for future orders, split points). */
function splitRulePoints(rule, totalProductQty, lines, program, ignored, ProductPrice) {
    if (rule.pointMode === "unit") {
        return Array.apply(null, Array(totalProductQty)).map(() => ({
            points: rule.pointAmount,
        }));
    }
    const splitPoints = [];
    if (rule.pointMode !== "money") {
        return splitPoints;
    }
    for (const values of lines) {
        const line = values.line;
        if (
            values.isRewardLine ||
            !rule.productIds.has(values.productId) ||
            values.quantity <= 0 ||
            ignored(values, program)
        ) {
            continue;
        }
        const pointsPerUnit = ProductPrice.round(
            (rule.pointAmount * line.prices.total_included) / values.quantity
        );
        if (pointsPerUnit > 0) {
            splitPoints.push(
                ...Array.apply(null, Array(values.quantity)).map(() => {
                    if (line._gift_barcode && values.quantity === 1) {
                        return {
                            points: pointsPerUnit,
                            barcode: line._gift_barcode,
                            giftCardId: line._gift_card_id.id,
                        };
                    }
                    return {points: pointsPerUnit};
                })
            );
        }
    }
    return splitPoints;
}

/** A raw value of a line, for its key: x2many sets as lists. */
function rawValue(_key, value) {
    return value instanceof Set ? [...value] : value;
}

/**
 * What pointsForPrograms (and the line hooks it calls) may read of a line: every
 * field of the line (its raw values: ids for the relations, the till's own fields
 * included), whether it counts for the points, its amounts, and the line before it
 * (the sums run in the order of the lines).
 */
function lineKey(values, previous) {
    const line = toRaw(values.line);
    try {
        return JSON.stringify(
            [
                previous?.line.uuid,
                values.skipped,
                values.amountWithTax,
                values.amountWithoutTax,
                // the values themselves, not the copy `line.raw` gives
                typeof RAW_SYMBOL === "symbol" ? line[RAW_SYMBOL] : line.raw,
            ],
            rawValue
        );
    } catch {
        // a value that cannot be serialised: the line counts as changed
        return undefined;
    }
}

/**
 * The points of the programs the order computed before, still exact for its
 * lines `lines` (their values): those of the programs that see no line changed,
 * added or removed since (the program index, natives/program_index.esm.js), with
 * the same code-activated rules and customer. Returns the order's cache
 * {results: program id -> points, ...}, results of the other programs dropped.
 */
function pointsStillExact(order, lines, programs) {
    const state = retailSpeedState(order);
    const index = retailProgramIndex(order.config, order.models, programs);
    const context = JSON.stringify([
        order.uiState.codeActivatedProgramRules,
        order.getPartner()?.id,
    ]);
    let cache = state.points;
    if (!cache || cache.index !== index || cache.context !== context) {
        cache = {index, context, lines: new Map(), results: new Map()};
        state.points = cache;
    }
    const current = new Map();
    const touched = [];
    lines.forEach((values, position) => {
        const entry = {
            key: lineKey(values, lines[position - 1]),
            products: [values.productId, values.rewardProductId],
        };
        current.set(values.line.uuid, entry);
        const known = cache.lines.get(values.line.uuid);
        if (!known || known.key === undefined || known.key !== entry.key) {
            touched.push(...entry.products, ...(known?.products || []));
        }
    });
    for (const [uuid, known] of cache.lines) {
        if (!current.has(uuid)) {
            touched.push(...known.products);
        }
    }
    if (touched.length) {
        const seeing = retailProgramsSeeing(
            index,
            touched.filter((id) => id !== undefined)
        );
        for (const programId of seeing) {
            cache.results.delete(programId);
        }
    }
    cache.lines = current;
    return cache;
}

/** A copy of the points of a program: pos_loyalty's callers change them. */
function copyPoints(points) {
    return points.map((entry) => ({...entry}));
}

function productPrice(order) {
    return order.models["decimal.precision"].find((dp) => dp.name === "Product Price");
}

/** The values of the order's lines, as pointsForPrograms reads them now. */
function currentLineValues(order) {
    return order
        .getOrderlines()
        .filter((line) => !line.combo_parent_id)
        .map((line, index) => lineValues(order, line, index));
}

/**
 * The points of `programs` that the order does not hold for its current lines,
 * computed ahead, program after program, in slices (natives/retail_yield.esm.js):
 * between two slices the till paints and takes the next scan. After a pause where
 * a line or the order may have changed (basketMark), the lines are read again,
 * and the points of the programs that see a line changed meanwhile are dropped
 * and computed again (pointsStillExact), so the points kept are always those of
 * the lines as they are. Stops when `superseded()` says a
 * newer computation is waiting; resolves with whether every program was computed.
 * pointsForPrograms then only reads what was computed here.
 */
async function retailPointsAhead(order, programs, superseded) {
    const ProductPrice = productPrice(order);
    const slices = retailSlices();
    let lines = currentLineValues(order);
    let cache = pointsStillExact(order, lines, programs);
    let mark = basketMark(order);
    let pending = programs.filter((program) => !cache.results.has(program.id));
    while (pending.length) {
        const program = pending.shift();
        const computed = computePoints(order, [program], lines, ProductPrice);
        cache.results.set(program.id, copyPoints(computed[program.id]));
        if (pending.length && slices.due()) {
            await slices.pause();
            if (superseded()) {
                return false;
            }
            const now = basketMark(order);
            if (
                now === undefined ||
                now !== mark ||
                retailSpeedState(order).points !== cache
            ) {
                // something changed meanwhile: the lines read again
                lines = currentLineValues(order);
                cache = pointsStillExact(order, lines, programs);
                mark = now;
            }
            pending = programs.filter((p) => !cache.results.has(p.id));
        }
    }
    return true;
}

/**
 * A mark of what the points of `order` read, to know after a pause whether
 * anything may have changed: the revision of the till's lines and orders
 * (retailWatchLines), of the data the prices read, the code-activated rules, the
 * customer; undefined without the watch.
 */
function basketMark(order) {
    const config = toRaw(order.config);
    if (config.retailBasketRevision === undefined) {
        return undefined;
    }
    return JSON.stringify([
        config.retailBasketRevision,
        config.retailPriceGeneration,
        order.uiState.codeActivatedProgramRules,
        order.getPartner()?.id,
    ]);
}

/**
 * Watches the till's lines and orders: any line created, changed or deleted,
 * any order changed, moves the configuration's basket revision on (basketMark).
 */
export function retailWatchLines(config, models) {
    const raw = toRaw(config);
    if (raw.retailBasketRevision !== undefined) {
        return;
    }
    Object.defineProperty(raw, "retailBasketRevision", {value: 0, writable: true});
    const moveOn = () => {
        raw.retailBasketRevision++;
    };
    for (const event of ["create", "update", "delete"]) {
        models["pos.order.line"].addEventListener(event, moveOn);
    }
    models["pos.order"].addEventListener("update", moveOn);
}

/**
 * pos_loyalty's pointsForPrograms over plain values (see above), computed again
 * only for the programs that see a line changed since the last computation.
 */
function retailPointsForPrograms(order, programs) {
    const ProductPrice = productPrice(order);
    const lines = currentLineValues(order);
    const cache = pointsStillExact(order, lines, programs);
    const toCompute = programs.filter((program) => !cache.results.has(program.id));
    const computed = computePoints(order, toCompute, lines, ProductPrice);
    for (const [programId, points] of Object.entries(computed)) {
        cache.results.set(Number(programId), copyPoints(points));
    }
    const result = {};
    for (const program of programs) {
        result[program.id] = copyPoints(cache.results.get(program.id));
    }
    return result;
}

/** pos_loyalty's pointsForPrograms over plain values for `programs`. */
function computePoints(order, programs, lines, ProductPrice) {
    const rulesPerProgram = new Map(
        programs.map((program) => [program.id, program.rule_ids.map(ruleValues)])
    );
    // line.ignoreLoyaltyPoints({program}), asked once per line and program
    const ignoredCache = new Map();
    const ignored = (values, program) => {
        const key = `${values.index},${program.id}`;
        if (!ignoredCache.has(key)) {
            ignoredCache.set(key, values.line.ignoreLoyaltyPoints({program}));
        }
        return ignoredCache.get(key);
    };
    // the lines counted in the amount of each rule (pos_loyalty's first loop)
    const linesPerRule = new Map();
    for (const values of lines) {
        if (values.skipped) {
            continue;
        }
        for (const program of programs) {
            // not the lines of the program's own discounts
            if (values.isDiscount && values.rewardProgramId === program.id) {
                continue;
            }
            for (const rule of rulesPerProgram.get(program.id)) {
                if (ruleHasProduct(rule, values.productId)) {
                    if (!linesPerRule.has(rule.id)) {
                        linesPerRule.set(rule.id, []);
                    }
                    linesPerRule.get(rule.id).push(values);
                }
            }
        }
    }
    const result = {};
    for (const program of programs) {
        result[program.id] = programPoints(
            order,
            program,
            rulesPerProgram.get(program.id),
            lines,
            linesPerRule,
            ignored,
            ProductPrice
        );
    }
    return result;
}

patch(PosOrder.prototype, {
    pointsForPrograms(programs) {
        if (
            !retailSpeedUses(
                this.config,
                "PosOrder.pointsForPrograms",
                super.pointsForPrograms
            )
        ) {
            return super.pointsForPrograms(...arguments);
        }
        return retailPointsForPrograms(this, programs);
    },
    /**
     * Computes ahead, in slices, the points of `programs` that the next
     * pointsForPrograms would compute (retailPointsAhead); resolves with false
     * when it stopped because `superseded()` said a newer computation waits.
     */
    async retailPointsAhead(programs, superseded = () => false) {
        if (
            !retailSpeedUses(
                this.config,
                "PosOrder.pointsForPrograms",
                super.pointsForPrograms
            )
        ) {
            return true;
        }
        return await retailPointsAhead(this, programs, superseded);
    },
});
