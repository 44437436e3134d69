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
 * fresh computation over its current lines: none is left stale by the batched
 * price computation of the promotions' update (pos_order_prices.esm.js).
 */
export function pricesAreFresh() {
    return [
        {
            content: "the till's prices are those of its current lines",
            trigger: ".product-screen",
            run: () => {
                const order = window.posmodel.getOrder();
                const fresh = order.getPriceWithOptions();
                const freshUnit = order.getPriceWithOptions({baseLineOpts: {quantity: 1}});
                const stale = [];
                const differs = (a, b) => Math.abs(a - b) > 1e-9;
                if (differs(order.priceIncl, fresh.taxDetails.total_amount_no_rounding)) {
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
