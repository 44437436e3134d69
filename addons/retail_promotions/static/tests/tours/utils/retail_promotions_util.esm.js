import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";

/** Adds `qty` units of a product by clicking it in the product list. */
export function addUnits(productName, qty) {
    const steps = [];
    for (let i = 0; i < qty; i++) {
        steps.push(...ProductScreen.clickDisplayedProduct(productName));
    }
    return steps;
}
