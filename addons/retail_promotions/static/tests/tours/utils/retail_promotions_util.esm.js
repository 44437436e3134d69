import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";

/** Adds `qty` units of a product by clicking it in the product list. */
export function addUnits(productName, qty) {
    const steps = [];
    for (let i = 0; i < qty; i++) {
        steps.push(...ProductScreen.clickDisplayedProduct(productName));
    }
    return steps;
}

/**
 * The order's prices and each line's, as the till shows them, are those of a
 * fresh computation by point_of_sale itself over its current lines: none is left
 * stale by the prices retail_pos_speed computes when read, from what the order
 * keeps of its lines.
 */
export function pricesAreFresh() {
    return [
        {
            content: "the till's prices are those of its current lines",
            trigger: ".product-screen",
            run: () => {
                const order = window.posmodel.getOrder();
                // computed by point_of_sale itself (the till's speed layer off)
                const fresh = withNative(order.config, () =>
                    order.getPriceWithOptions()
                );
                const freshUnit = withNative(order.config, () =>
                    order.getPriceWithOptions({baseLineOpts: {quantity: 1}})
                );
                const stale = [];
                const differs = (a, b) => Math.abs(a - b) > 1e-9;
                if (
                    differs(order.priceIncl, fresh.taxDetails.total_amount_no_rounding)
                ) {
                    stale.push(`order total ${order.priceIncl}`);
                }
                for (const line of order.lines) {
                    const prices = fresh.baseLineByLineUuids[line.uuid].tax_details;
                    const unit = freshUnit.baseLineByLineUuids[line.uuid].tax_details;
                    if (
                        differs(line.prices.total_included, prices.total_included) ||
                        differs(line.unitPrices.total_included, unit.total_included)
                    ) {
                        stale.push(line.getFullProductName());
                    }
                }
                if (stale.length) {
                    throw new Error(`stale prices in the till: ${stale.join(", ")}`);
                }
            },
        },
    ];
}

/**
 * Runs `compute` with the till's speed layer off (pos.config.retail_pos_speed of
 * retail_pos_speed, when installed): pos_loyalty's and point_of_sale's own
 * functions.
 */
function withNative(config, compute) {
    const speed = config.retail_pos_speed;
    config.retail_pos_speed = false;
    try {
        return compute();
    } finally {
        config.retail_pos_speed = speed;
    }
}

/** `compute` in the order's read-only scope of retail_pos_speed, when installed. */
function readOnly(order, compute) {
    return order.retailReadOnly ? order.retailReadOnly(compute) : compute();
}

/** The rewards the order can claim, for a comparison. */
function rewardsSummary(rewards) {
    return JSON.stringify(
        rewards.map(({coupon_id, reward, potentialQty}) => [
            coupon_id,
            reward.id,
            potentialQty,
        ])
    );
}

/**
 * What the till computes faster (retail_pos_speed, when installed) is exactly what
 * pos_loyalty computes: the points of every program the till considers (as
 * PosStore._updatePrograms asks them), the rewards the order can claim, the free
 * products it could get, the points left on each coupon and the discountable
 * amount of each discount.
 */
export function rewardsAreNative() {
    return [
        {
            content: "points and claimable rewards are those pos_loyalty computes",
            trigger: ".product-screen",
            run: () => {
                const pos = window.posmodel;
                const order = pos.getOrder();
                const programs = pos.models["loyalty.program"].filter((program) =>
                    order._programIsApplicable(program)
                );
                const couponIds = Object.values(order.uiState.couponPointChanges).map(
                    (change) => change.coupon_id
                );
                const discounts = programs
                    .flatMap((program) => program.reward_ids)
                    .filter((reward) => reward.reward_type === "discount");
                const compute = () => [
                    JSON.stringify(order.pointsForPrograms(programs)),
                    rewardsSummary(order.getClaimableRewards()),
                    rewardsSummary(order.getClaimableRewards(false, false, true)),
                    rewardsSummary(pos.getPotentialFreeProductRewards()),
                    JSON.stringify(
                        readOnly(order, () =>
                            couponIds.map((id) => order._getRealCouponPoints(id))
                        )
                    ),
                    JSON.stringify(
                        discounts.map((reward) =>
                            order._getDiscountableOnSpecific(reward)
                        )
                    ),
                ];
                const computed = compute();
                const native = withNative(pos.config, compute);
                computed.forEach((value, index) => {
                    if (value !== native[index]) {
                        throw new Error(
                            `computed ${value}, pos_loyalty's ${native[index]}`
                        );
                    }
                });
            },
        },
    ];
}

/** The order's reward lines, total and points, for a comparison. */
function rewardLinesSummary(order) {
    return JSON.stringify([
        order.priceIncl,
        order.lines
            .filter((line) => line.is_reward_line)
            .map((line) => [
                line.reward_id?.id,
                line.coupon_id?.id,
                line.product_id.id,
                line._reward_product_id?.id,
                line.qty,
                line.price_unit,
                line.tax_ids.map((tax) => tax.id),
                line.points_cost,
            ]),
        Object.values(order.uiState.couponPointChanges).map((change) => [
            change.coupon_id,
            change.program_id,
            change.points,
        ]),
    ]);
}

/**
 * The reward lines, the total and the points the till settled on (with the
 * speed layer of retail_pos_speed, when installed: points computed again only
 * for the promotions that see a changed line, reward lines kept when their
 * values did not change) are those of pos_loyalty's own recomputation of the
 * same basket, run after it with the layer off.
 */
export function rewardLinesAreNative() {
    return [
        {
            content: "reward lines, total and points are those pos_loyalty computes",
            trigger: ".product-screen",
            run: async () => {
                const pos = window.posmodel;
                if (!pos.retailRecomputeSteps) {
                    // no speed layer: the till runs pos_loyalty's code only
                    return;
                }
                const order = pos.getOrder();
                await pos.retailRewardsSettled();
                const settled = rewardLinesSummary(order);
                const speed = pos.config.retail_pos_speed;
                pos.config.retail_pos_speed = false;
                try {
                    await pos.retailRecomputeSteps(order);
                } finally {
                    pos.config.retail_pos_speed = speed;
                }
                const native = rewardLinesSummary(order);
                if (settled !== native) {
                    throw new Error(`settled on ${settled}, pos_loyalty's ${native}`);
                }
            },
        },
    ];
}

/** Whether the till's order list shows a line of `name` with `qty` units. */
export function lineShown(name, qty) {
    return [...document.querySelectorAll(".orderline")].some(
        (element) =>
            element.querySelector(".product-name")?.textContent.includes(name) &&
            Number(element.querySelector(".qty")?.textContent.trim()) === qty
    );
}

/**
 * Resolves with the time (performance.now()) of the first frame where `shown()`
 * holds, checked at each frame (and every 10 ms when the page draws none).
 */
export function whenShown(shown) {
    return new Promise((resolve) => {
        const check = () => {
            if (shown()) {
                resolve(performance.now());
                return true;
            }
            return false;
        };
        const onFrame = () => check() || requestAnimationFrame(onFrame);
        requestAnimationFrame(onFrame);
        const timer = setInterval(() => check() && clearInterval(timer), 10);
    });
}
