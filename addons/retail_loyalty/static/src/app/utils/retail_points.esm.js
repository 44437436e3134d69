/**
 * Points a rule of a retail ledger program gives for `qty` units worth `amount`
 * (tax included), before the tier multiplier: loyalty.rule._retail_points.
 */
export function retailRulePoints(rule, qty, amount) {
    if (rule.reward_point_mode === "order") {
        return rule.reward_point_amount;
    }
    if (rule.reward_point_mode === "unit") {
        return rule.reward_point_amount * qty;
    }
    const brackets = rule.retail_brackets || [];
    if (rule.retail_bracket_mode === "none" || !brackets.length) {
        return rule.reward_point_amount * amount;
    }
    if (rule.retail_bracket_mode === "whole") {
        let rate = 0;
        for (const [from, bracketRate] of brackets) {
            if (amount >= from) {
                rate = bracketRate;
            }
        }
        return amount * rate;
    }
    let points = 0;
    brackets.forEach(([from, rate], index) => {
        const upper = index + 1 < brackets.length ? brackets[index + 1][0] : Infinity;
        if (amount > from) {
            points += (Math.min(amount, upper) - from) * rate;
        }
    });
    return points;
}

/**
 * Points the automatic rules of `program` give for `lines` (each with `product`,
 * a product id, `qty` and `amount`, taxes included; reward lines left out): each
 * rule whose minimums are met adds its points, then the tier `multiplier`,
 * rounded to the cent: loyalty.program._retail_compute_points without the extra
 * points. Both run on static/tests/vectors/retail_loyalty_points.json.
 */
export function retailProgramPoints(program, lines, multiplier = 1) {
    let points = 0;
    for (const rule of program.rule_ids) {
        if (rule.mode !== "auto") {
            continue;
        }
        const ruleLines = lines.filter(
            (line) => rule.any_product || rule.validProductIds.has(line.product)
        );
        const qty = ruleLines.reduce((sum, line) => sum + line.qty, 0);
        const amount = ruleLines.reduce((sum, line) => sum + line.amount, 0);
        if (
            !ruleLines.length ||
            qty <= 0 ||
            amount < 0 ||
            qty < rule.minimum_qty ||
            amount < rule.minimum_amount
        ) {
            continue;
        }
        points += retailRulePoints(rule, qty, amount);
    }
    return Math.round(points * (multiplier || 1) * 100) / 100;
}
