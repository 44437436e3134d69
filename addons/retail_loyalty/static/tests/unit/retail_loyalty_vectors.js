/**
 * A rule as the till loads it, from a rule of a vector file (points mode and
 * amount, `products` by name or any product, minimums, `bracket_mode` and
 * `brackets`, a `code` for a rule that does not apply by itself); `productId`
 * gives each product name its id (retailVectorIds).
 */
export function retailVectorRule(rule, productId) {
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
