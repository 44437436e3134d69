import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailPromotions from "@retail_promotions/../tests/tours/utils/retail_promotions_util.esm";
import {registry} from "@web/core/registry";

function patient(steps) {
    return [steps].flat(Infinity).map((step) => ({...step, timeout: 30000}));
}

/**
 * The native functions the till was asked about are used (their faster
 * version) or not, as `expectUsed(name)` says, for every function of the
 * configuration's list; `none`: the till asked about none (the layer is off).
 */
function nativesAre(expectUsed, none = false) {
    return [
        {
            content: "the till uses the faster functions it may use",
            trigger: ".product-screen",
            run: () => {
                // looked up when the till runs: the tests bundle is also loaded
                // outside the till, where the till's modules are not defined
                const {retailSpeedNatives} = odoo.loader.modules.get(
                    "@retail_pos_speed/natives/retail_pos_speed.esm"
                );
                const found = retailSpeedNatives();
                if (none) {
                    if (Object.keys(found).length) {
                        throw new Error(`layer off, yet ${JSON.stringify(found)}`);
                    }
                    return;
                }
                const names = Object.keys(
                    window.posmodel.config.retail_pos_speed_natives
                );
                const wrong = names.filter(
                    (name) => found[name]?.used !== expectUsed(name)
                );
                if (wrong.length) {
                    throw new Error(
                        `unexpected for ${wrong.join(", ")}: ${JSON.stringify(found)}`
                    );
                }
            },
        },
    ];
}

/**
 * Five recomputations asked in a row while none runs: one recomputation runs
 * (the one waiting takes the others), and the promotions are settled after it.
 */
function askedFiveTimesRunsOnce() {
    return [
        {
            content: "five recomputations asked in a row run once",
            trigger: ".product-screen",
            run: async () => {
                const pos = window.posmodel;
                await pos.retailRewardsSettled();
                let runs = 0;
                const recompute = pos.retailRecomputeRewards;
                pos.retailRecomputeRewards = function () {
                    runs++;
                    return recompute.apply(this, arguments);
                };
                try {
                    for (let ask = 0; ask < 5; ask++) {
                        pos.updateRewards();
                    }
                    await pos.retailRewardsSettled();
                } finally {
                    pos.retailRecomputeRewards = recompute;
                }
                if (runs !== 1) {
                    throw new Error(`${runs} recomputations for five asked in a row`);
                }
            },
        },
    ];
}

/** The uuids of the order's reward lines. */
function rewardLineUuids(order) {
    return JSON.stringify(
        order.lines.filter((line) => line.is_reward_line).map((line) => line.uuid)
    );
}

/**
 * One more unit of a product no promotion sees (the shirt), then one less: the
 * promotion's reward line stays the same line (kept, not re-created), and the
 * reward lines and points are those of pos_loyalty.
 */
function unrelatedLineKeepsRewardLines() {
    return [
        {
            content: "one more shirt, then one less: the reward line is kept",
            trigger: ".product-screen",
            run: async () => {
                const pos = window.posmodel;
                const order = pos.getOrder();
                await pos.retailRewardsSettled();
                const before = rewardLineUuids(order);
                if (before === "[]") {
                    throw new Error("no reward line to keep");
                }
                const shirt = order.lines.find(
                    (line) => line.product_id.name === "Promo Shirt"
                );
                const seen = [];
                for (const change of [1, -1]) {
                    shirt.setQuantity(shirt.getQuantity() + change);
                    pos.updateRewards();
                    await pos.retailRewardsSettled();
                    seen.push(rewardLineUuids(order));
                }
                if (seen.some((uuids) => uuids !== before)) {
                    throw new Error(`reward lines ${before}, then ${seen.join(", ")}`);
                }
            },
        },
        RetailPromotions.rewardLinesAreNative(),
    ];
}

/**
 * A shirt scanned while a recomputation of the promotions runs (at its first
 * step): the shirt's line is on the screen before the promotions are settled;
 * then the shirt is taken off again, and the reward lines and points are those
 * of pos_loyalty.
 */
function scanDuringRecomputationShownFirst() {
    return [
        {
            content: "a line scanned during a recomputation is shown before it ends",
            trigger: ".product-screen",
            run: async () => {
                const pos = window.posmodel;
                const order = pos.getOrder();
                await pos.retailRewardsSettled();
                const shirt = order.lines.find(
                    (line) => line.product_id.name === "Promo Shirt"
                );
                const qty = shirt.getQuantity() + 1;
                let shown;
                const steps = pos.retailRecomputeSteps;
                pos.retailRecomputeSteps = function () {
                    delete pos.retailRecomputeSteps;
                    pos.addLineToCurrentOrder(
                        {product_tmpl_id: shirt.product_id.product_tmpl_id, qty: 1},
                        {},
                        false
                    );
                    shown = RetailPromotions.whenShown(() =>
                        RetailPromotions.lineShown("Promo Shirt", qty)
                    );
                    return steps.apply(this, arguments);
                };
                let settledAt;
                try {
                    pos.updateRewards();
                    await pos.retailRewardsSettled();
                    settledAt = performance.now();
                } finally {
                    delete pos.retailRecomputeSteps;
                }
                if (!shown) {
                    throw new Error("no recomputation ran");
                }
                const shownAt = await Promise.race([
                    shown,
                    new Promise((resolve) =>
                        setTimeout(() => resolve(Infinity), 10000)
                    ),
                ]);
                if (shownAt === Infinity) {
                    throw new Error(`no shirt line with ${qty} units shown`);
                }
                if (shownAt > settledAt) {
                    throw new Error(
                        `line shown ${shownAt - settledAt} ms after the settled promotions`
                    );
                }
                shirt.setQuantity(qty - 1);
                pos.updateRewards();
                await pos.retailRewardsSettled();
            },
        },
        RetailPromotions.rewardLinesAreNative(),
    ];
}

/**
 * A change of the data a line's prices read besides the line (here a product's
 * reference, as when the till loads the product again): the order computes its
 * lines' prices again instead of using what it kept of them, and they are those
 * point_of_sale computes.
 */
function dataChangeDropsKeptPrices() {
    return [
        {
            content: "a change of a product drops the prices the order keeps",
            trigger: ".product-screen",
            run: async () => {
                const pos = window.posmodel;
                const order = pos.getOrder();
                await pos.retailRewardsSettled();
                // looked up when the till runs (see nativesAre)
                const {retailSpeedState} = odoo.loader.modules.get(
                    "@retail_pos_speed/natives/order_scope.esm"
                );
                const priceCache = () => retailSpeedState(order).priceCache;
                order.triggerRecomputeAllPrices();
                order.priceIncl;
                const kept = priceCache();
                if (!kept) {
                    throw new Error("the order keeps nothing of its lines");
                }
                const product = order.lines[0].product_id;
                const code = product.default_code;
                product.update({default_code: "RETAIL-SPEED-CHANGED"});
                product.update({default_code: code});
                order.triggerRecomputeAllPrices();
                order.priceIncl;
                if (priceCache() === kept) {
                    throw new Error("the prices kept survived a change of a product");
                }
            },
        },
        RetailPromotions.pricesAreFresh(),
    ];
}

/**
 * The basket of the shared case n_for_m_cheapest_free (3 for 2 on the socks),
 * the last sock scanned right before going to payment: the payment screen shows
 * the total with the promotion.
 */
function sellCase(checks) {
    return [
        patient(Chrome.startPoS()),
        patient(Dialog.confirm("Open Register")),
        RetailPromotions.addUnits("Promo Fancy Socks", 2),
        RetailPromotions.addUnits("Promo Shirt", 1),
        RetailPromotions.addUnits("Promo Socks", 1),
        ProductScreen.clickPayButton(),
        PaymentScreen.totalIs("36.00"),
        PaymentScreen.clickBack(),
        PosLoyalty.orderTotalIs("36.00"),
        RetailPromotions.pricesAreFresh(),
        RetailPromotions.rewardsAreNative(),
        RetailPromotions.rewardLinesAreNative(),
        checks,
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        patient(ReceiptScreen.isShown()),
        Chrome.endTour(),
    ].flat(Infinity);
}

registry.category("web_tour.tours").add("RetailPosSpeedTour", {
    steps: () =>
        sellCase([
            nativesAre(() => true),
            askedFiveTimesRunsOnce(),
            unrelatedLineKeepsRewardLines(),
            scanDuringRecomputationShownFirst(),
            dataChangeDropsKeptPrices(),
        ]),
});
registry.category("web_tour.tours").add("RetailPosSpeedFallbackTour", {
    steps: () =>
        sellCase([
            nativesAre((name) => name !== "PosOrder.pointsForPrograms"),
            askedFiveTimesRunsOnce(),
            unrelatedLineKeepsRewardLines(),
        ]),
});
registry.category("web_tour.tours").add("RetailPosSpeedOffTour", {
    steps: () => sellCase([nativesAre(() => false, true)]),
});
